"""Entities, transliteration, glossaries and script: the parts behind the E and L rules."""

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from align.errors import InputError
from align.glossary import load_glossaries
from align.lang.phonetic import _NEAR, MATCH, chinese_key, english_key, sounds_like
from align.names.extract import extract_entities
from align.names.pinyin import pinyin_span
from align.script.confusions import conversion_confusions
from align.script.marks import script_marks
from tests.paths import SAMPLE

# Names and their standard transliterations (Xinhua style, as CC-CEDICT and the press use them).
STANDARD = [
    ("Todd", "托德"), ("McKinnon", "麥金農"), ("Catherine", "凱瑟琳"), ("Bush", "布希"),
    ("Bush", "布什"), ("Blair", "布萊爾"), ("William", "威廉"), ("George", "喬治"),
    ("Washington", "華盛頓"), ("Smith", "史密斯"), ("Frederic", "弗雷德里克"),
    ("Heather", "希瑟"), ("Sterling", "斯特林"), ("Albertsons", "艾伯森"), ("Rob", "羅布"),
    ("Obama", "奧巴馬"), ("Clinton", "克林頓"),
    ("Merkel", "默克爾"), ("Johnson", "約翰遜"), ("Peterson", "彼得森"), ("Morgan", "摩根"),
]  # fmt: skip


@given(st.sampled_from(STANDARD))
def test_a_name_matches_its_standard_transliteration(pair):
    name, han = pair
    assert sounds_like(name, han) >= MATCH


def _related(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in _NEAR


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10),
       st.sampled_from(STANDARD))  # fmt: skip
def test_a_name_sharing_no_sound_does_not_match(letters, pair):
    name, han = letters.capitalize(), pair[1]
    english, chinese = english_key(name), chinese_key(han)
    assume(english and not any(_related(a, b) for a in english for b in chinese))
    assert sounds_like(name, han) < MATCH


def test_own_transliteration_ranks_first():
    """Among the list, each name's own transliteration sounds most like it, but for names
    that share their consonants (McKinnon/Morgan, George/Heather)."""
    ties = {("McKinnon", "Morgan"), ("George", "Heather"), ("Heather", "George")}
    for name, own in STANDARD:
        for other, han in STANDARD:
            if english_key(other) != english_key(name) and (name, other) not in ties:
                assert sounds_like(name, han) < sounds_like(name, own), (name, han)


def test_different_names_score_low():
    assert sounds_like("Todd", "凱瑟琳") < MATCH
    assert sounds_like("McKinnon", "托德") < MATCH
    assert sounds_like("Catherine", "布希") < MATCH
    assert sounds_like("Washington", "莎士比亞") < MATCH


def test_ordinary_words_that_sound_alike_are_no_rendering_of_a_known_name():
    """開設了 ("opened") sounds a little like Cairo; 開羅 is its dictionary rendering."""
    from align.names.transliteration import best_transliteration

    target = "我們在當地開設了辦事處。"
    assert best_transliteration("Cairo", target) is not None  # the lenient search
    assert best_transliteration("Cairo", target, wordy=False) is None
    assert best_transliteration("Cairo", "我們在開羅開設了辦事處。", wordy=False) is not None


@given(st.text(max_size=30), st.text(max_size=12))
def test_matcher_never_raises(english, han):
    assert 0.0 <= sounds_like(english, han) <= 1.0


@given(st.text(max_size=200))
def test_extraction_never_raises_and_spans_point_at_the_text(text):
    for entity in extract_entities(text):
        assert text[entity.span.start : entity.span.end] == entity.text


def test_extraction_finds_names_products_and_acronyms():
    text = (
        "Thanks, Catherine. We added ScaleFT and Okta Identity Cloud for the U.S. Department "
        "of State, with Palo Alto Networks and AWS."
    )
    keys = [e.key for e in extract_entities(text)]
    assert keys == [
        "Catherine", "ScaleFT", "Okta Identity Cloud", "U.S. Department of State",
        "Palo Alto Networks", "AWS",
    ]  # fmt: skip
    assert "Thanks" not in keys  # capitalised because it starts the sentence


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # After a sentence adverb or a function word, a capital is the word's own.
        ("Yesterday Walker presented the results.", ["Walker"]),
        ("Shares of Levy Lewis rose today.", ["Levy Lewis"]),
        ("In Cooper's view the deal is done.", ["Cooper"]),
        # A capitalised phrase opening the sentence is not a name for its capitals.
        ("(Operator Instructions) And we'll take our first question.", []),
        ("Walker presented the results.", []),
    ],
)
def test_a_sentence_start_excuses_only_the_words_it_capitalised(text, keys):
    assert [e.key for e in extract_entities(text)] == keys


def test_headlines_give_only_acronyms_and_camel_case():
    keys = [e.key for e in extract_entities("Okta Reports Strong Third Quarter Results For AWS")]
    assert keys == ["AWS"]


def test_script_marks_ignore_shared_characters():
    assert script_marks("台灣的發展").script == "zh-Hant"
    assert script_marks("台湾的发展").script == "zh-Hans"
    assert script_marks("台了里").script is None


def test_conversion_confusions_are_found_by_dictionary_not_list():
    found = [(c.found, c.expected) for c in conversion_confusions("我們進行瞭討論，受到幹擾。")]
    assert found == [("瞭", "了"), ("幹", "干")]
    assert conversion_confusions("我們瞭解這裡和這裏的頭髮。") == []


def test_opencc_converts_a_text_clause_by_clause():
    # L005 converts only the clause around a suspect character; that is exact only while no
    # OpenCC phrase spans a clause break. Every Chinese line of the sample, under each standard.
    from align.lang.zh import converter, to_simplified
    from align.script.confusions import _CLAUSE_BREAK, _STANDARDS

    lines = [line for line in SAMPLE.read_text("utf-8").splitlines() if script_marks(line).script]
    assert len(lines) >= 100
    for standard in _STANDARDS:
        convert = converter(standard).convert
        for line in map(to_simplified, lines):
            clauses = _CLAUSE_BREAK.split(line)
            breaks = [*_CLAUSE_BREAK.findall(line), ""]
            by_clause = "".join(convert(c) + b for c, b in zip(clauses, breaks, strict=True))
            assert by_clause == convert(line)


# -- glossaries ----------------------------------------------------------------------------

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <text><body>
    <termEntry id="t1">
      <langSet xml:lang="en"><tig><term>Single Sign-On</term></tig></langSet>
      <langSet xml:lang="zh-TW"><tig><term>單一登入</term></tig></langSet>
    </termEntry>
    <termEntry id="t2">
      <langSet xml:lang="en"><tig><term>Okta</term>
        <termNote type="translatable">no</termNote></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_tbx_glossary_terms(write):
    terms = load_glossaries((str(write("g.tbx", TBX)),))
    assert [(t.source, t.translations, t.keep) for t in terms] == [
        ("Single Sign-On", ("单一登入",), False),
        ("Okta", (), True),
    ]


def test_glossary_errors_name_file_and_line(write):
    bad_csv = write("g.csv", "term,translation\nOkta,\n")
    with pytest.raises(InputError, match="source,target") as error:
        load_glossaries((str(bad_csv),))
    assert str(error.value).startswith(f"{bad_csv}:1:")
    empty_source = write("e.csv", "source,target\n,奧克塔\n")
    with pytest.raises(InputError, match=r":2: a glossary row needs a source term"):
        load_glossaries((str(empty_source),))
    broken = write("b.tbx", TBX[:200])
    with pytest.raises(InputError, match="malformed TBX"):
        load_glossaries((str(broken),))
    bomb = write("x.tbx", '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><m>&a;</m>')
    with pytest.raises(InputError, match="declares entities"):
        load_glossaries((str(bomb),))


def test_glossary_on_the_command_line_and_in_config(run_cli, write):
    data = write("x.tsv", "source\ttarget\nOkta's Single Sign-On is fast.\tOkta 的單點登入很快。\n")
    glossary = write("terms.csv", "source,target\nSingle Sign-On,單一登入\n")
    run = run_cli("check", data, "--glossary", glossary, "--format", "json")
    report = json.loads(run.out)
    (finding,) = [f for p in report["pairs"] for f in p["findings"] if f["code"] == "E107"]
    assert "單一登入" in finding["message"] and f"{glossary}:2" in finding["message"]
    assert "|glossary:" in report["tool"]["signature"] and run.code == 1
    config = write("align.toml", 'glossary = "terms.csv"\n')
    again = run_cli("check", data, "--config", config, "--select", "E107")
    assert "E107" in again.out
    missing = run_cli("check", data, "--glossary", data.parent / "nope.csv")
    assert missing.code == 2 and "nope.csv" in missing.err


def test_target_lang_declares_the_script(run_cli, write):
    data = write("x.tsv", "source\ttarget\nOur customers grew.\t我们的客户增长了。\n")
    assert "L004" in run_cli("check", data, "--target-lang", "zh-TW").out
    assert "L004" not in run_cli("check", data, "--target-lang", "zh-cn").out
    wrong = run_cli("check", data, "--target-lang", "klingon")
    assert wrong.code == 2 and "unknown target locale" in wrong.err
    assert "|locale:zh-TW" in run_cli("check", data, "--target-lang", "zh-TW").out


# -- idioms --------------------------------------------------------------------------------


def test_builtin_idioms_parse_and_number_over_two_hundred():
    from align.meaning.idioms import load_idioms

    idioms = load_idioms()
    listed = [i for i in idioms if i.origin.startswith("align/data/idioms.tsv")]
    assert len(listed) >= 200 and all(i.literal and i.meaning for i in listed)
    # The WordNet inventory has meanings and figurative words, no listed renderings.
    wordnet = [i for i in idioms if i.origin.startswith("align/data/idioms_oewn.tsv")]
    assert len(wordnet) > 3000 and all(i.meaning and not i.literal for i in wordnet)


def test_idioms_match_inflections_and_gaps():
    from align.meaning.idioms import find_idioms

    phrases = [m.idiom.phrase for m in find_idioms("He gave us a little more color on it.")]
    assert "give ~ color" in phrases
    assert find_idioms("The colour of the floor is grey.") == []


def test_user_idioms_file_extends_the_list(run_cli, write):
    data = write("x.tsv", "source\ttarget\nWe are eating our lunch.\t我們在吃我們的午餐。\n")
    idioms = write("more.tsv", "# mine\neat ~ lunch\t午餐\toutcompete someone\n")
    run = run_cli("check", data, "--idioms", idioms, "--select", "M101")
    assert "M101 warning" in run.out and "outcompete someone" in run.out
    assert "M101 warning" not in run_cli("check", data, "--select", "M101").out
    bad = write("bad.tsv", "eat ~ lunch\t午餐\n")
    broken = run_cli("check", data, "--idioms", bad)
    assert broken.code == 2 and f"{bad}:1:" in broken.err


def test_e106_lists_five_lines_of_a_frequent_rendering_then_an_ellipsis(run_cli, write):
    usual = "President Bush spoke first.\n布希總統首先發言。\n"
    doc = write("bush.txt", usual * 7 + "Then Bush left.\n然後布什離開了。\n")
    run = run_cli("check", doc, "--format", "jsonl", "--select", "E106")
    messages = [
        f["message"] for line in run.out.splitlines() for f in json.loads(line).get("findings", ())
    ]
    assert messages == ["Bush is rendered 2 ways: 布希 (lines 2, 4, 6, 8, 10 …); 布什 (line 16)"]


def test_a_missing_name_says_whose_established_name_stands_in_its_place():
    from align.config import Settings
    from align.engine import Checker
    from align.models import Pair, Segment

    pair = Pair(
        "x:1",
        Segment("We thanked Cisco for the deal.", "x", (1,)),
        Segment("我們感謝微軟達成這筆交易。", "x", (2,)),
    )
    [finding] = Checker(Settings(select=("E101",))).check_pair(pair).findings
    assert finding.message == (
        "Cisco is not in the translation; 微軟 there is the established name of Microsoft"
    )
    assert finding.target_text == "微軟"


def test_a_name_missing_at_every_mention_is_reported_once():
    from align.config import Settings
    from align.engine import Checker
    from align.models import Pair, Segment

    pair = Pair(
        "x:1",
        Segment("Heather called. Later Heather wrote to us.", "x", (1,)),
        Segment("她打了電話。後來她寫信給我們。", "x", (2,)),
    )
    findings = Checker(Settings(select=("E101",))).check_pair(pair).findings
    assert [f.message for f in findings] == ["Heather is not in the translation"]


@pytest.mark.parametrize(
    "suffix",
    ["Inc", "Corp", "Corporation", "Company", "Co", "Group", "Holdings", "Capital", "Securities",
     "Partners", "Bank", "Research", "Networks", "LLC", "Ltd", "Management", "Advisors",
     "Associates", "Financial", "Investments", "Technologies", "Systems", "Labs", "Ventures"],
)  # fmt: skip
def test_every_organisation_suffix_makes_a_dotted_rendering_e105(suffix):
    """The suffix list decides what is a firm: each entry must keep doing so (a mutation
    check once removed entries and no test noticed)."""
    from align.config import Settings
    from align.engine import Checker
    from align.models import Pair, Segment

    checker = Checker(Settings(select=("E105",)))

    def codes(english: str) -> list[str]:
        pair = Pair(
            "x", Segment(english, "x", (1,)), Segment("報告來自哈蘭·惠特比公司。", "x", (2,))
        )
        return [f.code for f in checker.check_pair(pair).findings]

    assert codes(f"The report came from Harlan Whitby {suffix}.") == ["E105"]
    assert codes("The report came from Harlan Whitby.") == []  # a person: the dot is right


@pytest.mark.parametrize(
    ("words", "target", "found"),
    [
        (("Sheng-Xue-Xiao-Ban",), "比较升血小板胶囊", "升血小板"),
        (("Wei", "Zhang"), "我们见了張偉。", "張偉"),  # Western order, Traditional script
        (("Zhang", "Wei"), "我们见了张伟。", "张伟"),
        (("Dan",), "但我们没见到他。", None),  # one syllable: too many characters spell it
        (("Zhang", "Wei"), "我们见了李明。", None),
    ],
)
def test_a_pinyin_spelling_is_read_back_from_the_characters(words, target, found):
    span = pinyin_span(words, target, None)
    assert (span.slice(target) if span else None) == found


def test_a_first_word_the_translation_keeps_in_latin_is_a_name() -> None:
    # Holly is an ordinary word: at the start of a sentence it needs evidence, and a
    # translation that keeps it (or a corrupted copy of it) in Latin script is evidence.
    source = "Holly told reporters that demand was strong."
    assert [e.text for e in extract_entities(source)] == []
    assert [e.text for e in extract_entities(source, {"holly"})] == ["Holly"]
    assert [e.text for e in extract_entities(source, {"hloly"})] == ["Holly"]
    assert [e.text for e in extract_entities(source, {"jolly"})] == []


def test_surname_particles_belong_to_the_name() -> None:
    assert [e.text for e in extract_entities("We met Maria de la Cruz.")] == ["Maria de la Cruz"]
    assert [e.text for e in extract_entities("It binds by van der Waals forces.")] == [
        "van der Waals"
    ]
    assert [e.text for e in extract_entities("Sales in la Paz rose.")] == ["la Paz"]
