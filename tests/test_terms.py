"""Term bases: the TBX reader, glossary terms with forbidden renderings, the --domain setting."""

import pytest

from align.config import Settings, load_settings
from align.engine import Checker
from align.errors import InputError
from align.meaning.domains import DOMAINS, domain_terms, find_domain_terms, parse_domains
from align.models import Pair, Segment, Span
from align.segment import split_english
from align.tbx import read_tbx

BASIC = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
<termEntry id="t1">
  <descrip type="subjectField">finance</descrip>
  <descrip type="definition">a forecast of results</descrip>
  <langSet xml:lang="en"><tig><term>guidance</term></tig>
    <descrip type="x-cue">raise|fiscal year</descrip></langSet>
  <langSet xml:lang="zh-Hant">
    <tig><term>財測</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>指導</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
</body></text></martif>
"""

TBX_2008 = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry><langSet xml:lang="en"><ntig><termGrp><term>seat</term></termGrp></ntig></langSet>
<langSet xml:lang="zh-CN">
  <ntig><termGrp><term>席位</term></termGrp></ntig>
  <ntig><termGrp><term>座位</term>
    <termNote type="normativeAuthorization">supersededTerm</termNote></termGrp></ntig>
</langSet></termEntry></body></text></martif>
"""

TBX_V3 = """<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>Okta</term>
    <termNote type="translatable">no</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>
"""


def write_tbx(tmp_path, text, name="terms.tbx"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def check(en, zh, **settings):
    checker = Checker(Settings(**settings))
    pair = Pair("p", Segment(en, "t", (1,)), Segment(zh, "t", (2,)))
    return [(f.code, f.message) for f in checker.check_pair(pair).findings]


def test_tbx_basic_statuses_cues_and_definition(tmp_path):
    (entry,) = read_tbx(write_tbx(tmp_path, BASIC))
    assert entry.english == ("guidance",)
    assert entry.accepted == ("財測",)
    assert entry.deprecated == ("指導",)
    assert entry.cues == ("raise", "fiscal year")
    assert (entry.subject, entry.definition, entry.keep) == ("finance", "a forecast of results",
                                                            False)  # fmt: skip
    assert entry.line == 3


def test_tbx_2008_superseded_and_v3_do_not_translate(tmp_path):
    (seat,) = read_tbx(write_tbx(tmp_path, TBX_2008))
    assert (seat.accepted, seat.deprecated) == (("席位",), ("座位",))
    (okta,) = read_tbx(write_tbx(tmp_path, TBX_V3, "v3.tbx"))
    assert okta.english == ("Okta",) and okta.keep


def test_glossary_deprecated_rendering_is_named_not_accepted(tmp_path):
    glossary = (write_tbx(tmp_path, BASIC),)
    select = ("E107",)
    wrong = check("We raise our guidance.", "我們提高指導。", glossary=glossary, select=select)
    assert len(wrong) == 1 and "must be translated as 財測, not 指導" in wrong[0][1]
    assert check("We raise our guidance.", "我們上調財測。", glossary=glossary, select=select) == []
    # No cue word in the English: the entry does not apply.
    assert check("Thanks for your guidance.", "謝謝指導。", glossary=glossary, select=select) == []


def test_glossary_entry_with_only_a_forbidden_rendering(tmp_path):
    preferred = BASIC.index("<tig><term>財測")
    text = BASIC[:preferred] + BASIC[BASIC.index("<tig>", preferred + 1) :]
    glossary = (write_tbx(tmp_path, text),)
    found = check("We raise our guidance.", "我們提高指導。", glossary=glossary, select=("E107",))
    assert [m for _, m in found] == [f"guidance must not be translated as 指導 ({glossary[0]}:3)"]
    assert check("We raise guidance.", "我們提高預測。", glossary=glossary, select=("E107",)) == []


@pytest.mark.parametrize(
    ("value", "domains"),
    [("finance", ("finance",)), (" Finance , biomedical", ("finance", "biomedical")),
     ("none", ()), (["biomedical"], ("biomedical",))],
)  # fmt: skip
def test_parse_domains(value, domains):
    assert parse_domains(value) == domains


@pytest.mark.parametrize("value", ["law", "finance,law", "", 3])
def test_unknown_domain_is_an_input_error(value):
    with pytest.raises(InputError):
        parse_domains(value)


def test_config_domain_and_bad_domain(tmp_path):
    config = tmp_path / "align.toml"
    config.write_text('domain = "biomedical"\n', "utf-8")
    assert load_settings(config).domain == ("biomedical",)
    config.write_text('domain = ["finance", "astrology"]\n', "utf-8")
    with pytest.raises(InputError, match="unknown domain astrology"):
        load_settings(config)


def test_cli_domain_error_is_one_line(run_cli, tmp_path):
    text = tmp_path / "a.tsv"
    text.write_text("Hello.\t你好。\n", "utf-8")
    run = run_cli("check", text, "--domain", "astrology")
    assert run.code == 2
    assert run.err.strip().count("\n") == 0 and "unknown domain astrology" in run.err


def test_domain_is_in_the_signature():
    assert "|domain:finance" in Checker(Settings(domain=("finance",))).signature
    assert "domain" not in Checker(Settings()).signature


def test_bundled_term_bases_are_consistent():
    for domain in DOMAINS:
        terms = domain_terms((domain,))
        assert len(terms) >= 50, domain
        for term in terms:
            assert term.accepted and term.wrong and term.forms, term.origin
            assert not any(w in a for w in term.wrong for a in term.accepted), term.origin


def test_terms_found_by_lemma_with_their_cue():
    text = "Print the report. The prints beat consensus estimates."
    found = list(find_domain_terms(text, split_english(text), ("finance",)))
    assert [(m.term.english, m.span) for m in found] == [("print", Span(22, 28))]
