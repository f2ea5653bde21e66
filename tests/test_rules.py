"""Every rule is documented and proven by its fixture: pairs that must fire and must pass."""

import csv
from pathlib import Path

import pytest

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment, Severity
from align.rules.base import REGISTRY, Hit, rule, select_rules

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
RULES = [r for r in select_rules() if not r.internal]


def fixture_rows(code):
    with open(FIXTURES / f"{code}.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def make_pair(source, target, line=1):
    return Pair(
        f"fixture:{line}",
        Segment(source, "fixture", (line,)) if source else None,
        Segment(target, "fixture", (line + 1,)) if target is not None else None,
    )


def _context(row):
    """The fixture's ``context`` column: ``monolingual``, ``glossary`` (the fixture glossary),
    ``locale=zh-TW``, ``document=zh-Hant`` (the document's script), ``domain=finance`` (the
    domain term bases), ``doc:N`` (rows of one document, for document rules)."""
    context = row.get("context") or ""
    settings, lang = {}, None
    for part in context.split():
        if part == "glossary":
            settings["glossary"] = (str(FIXTURES / "glossary.csv"),)
        elif part.startswith("domain="):
            settings["domain"] = tuple(part.removeprefix("domain=").split(","))
        elif part.startswith("locale="):
            settings["target_locale"] = part.removeprefix("locale=")
        elif part.startswith("document="):
            lang = part.removeprefix("document=")
    return settings, lang, "monolingual" not in context


def codes_found(code, row):
    settings, lang, bilingual = _context(row)
    checker = Checker(Settings(select=(code,), **settings))
    target = row["target"] if bilingual else None
    result = checker.check_pair(
        make_pair(row["source"], target), bilingual=bilingual, target_lang=lang
    )
    return [f.code for f in result.findings]


def document_codes(code, rows):
    """Each row's codes when the rows are the pairs of one document, in order."""
    checker = Checker(Settings(select=(code,)))
    pairs = [make_pair(r["source"], r["target"], line=2 * i + 1) for i, r in enumerate(rows)]
    return [[f.code for f in result.findings] for result in checker.check_pairs(pairs)]


@pytest.mark.parametrize("registered", RULES, ids=lambda r: r.code)
def test_fixture_fires_and_passes(registered):
    rows = fixture_rows(registered.code)
    assert {r["expect"] for r in rows} == {"fire", "pass"}, "a fixture needs both kinds"
    if registered.document:
        documents = {}
        for row in rows:
            documents.setdefault(row["context"], []).append(row)
        for document in documents.values():
            for row, codes in zip(
                document, document_codes(registered.code, document), strict=False
            ):
                assert (registered.code in codes) == (row["expect"] == "fire"), row
        return
    for row in rows:
        fired = registered.code in codes_found(registered.code, row)
        assert fired == (row["expect"] == "fire"), row


@pytest.mark.parametrize("registered", list(select_rules()), ids=lambda r: r.code)
def test_rule_has_a_summary(registered):
    assert registered.summary  # the first line of its doc, shown by `align rules`


_DOC = "Checks.\n\nWhat it checks: x.\nWhy it matters: y.\nExample: z.\nPasses: w.\n"


@pytest.mark.parametrize(
    ("code", "name", "doc", "problem"),
    [
        ("Q101", "fine-name", _DOC, "bad rule code"),
        ("A999", "Not Kebab", _DOC, "kebab-case"),
        ("A001", "fine-name", _DOC, "registered twice"),
        ("A998", "fine-name", "Checks.\n\nWhat it checks: x.\n", "docstring lacks"),
    ],
)
def test_the_rule_decorator_refuses_bad_metadata(code, name, doc, problem):
    """What every rule's metadata must satisfy is enforced once, here, at registration."""

    def check(ctx):
        return iter(())

    check.__doc__ = doc
    with pytest.raises(ValueError, match=problem):
        rule(code, name, Severity.WARNING)(check)
    assert code not in REGISTRY or REGISTRY[code].name != name


def test_names_are_unique():
    names = [r.name for r in select_rules()]
    assert len(names) == len(set(names))


def test_select_and_ignore_by_prefix_most_specific_wins():
    codes = lambda **kw: [r.code for r in select_rules(**kw)]  # noqa: E731
    assert "A010" in codes() and "L001" in codes()
    assert codes(select=("A",)) == [c for c in codes() if c.startswith("A")]
    assert "A010" not in codes(ignore=("A01",))
    assert codes(select=("A010",), ignore=("A",)) == ["A010"]
    assert codes(select=("A",), ignore=("A010",)) == [
        c for c in codes() if c[0] == "A" and c != "A010"
    ]


def test_registering_a_rule_without_docs_fails():
    with pytest.raises(ValueError, match="docstring lacks"):
        rule("M999", "undocumented", Severity.INFO)(lambda ctx: iter(()))
    assert "M999" not in REGISTRY


def test_a_crashing_rule_becomes_x001_and_the_run_goes_on():
    @rule("M998", "always-crashes", Severity.WARNING)
    def crashes(ctx):
        """Test rule.

        What it checks: nothing. Why it matters: tests. Example: none. Passes: never.
        """
        raise ZeroDivisionError("boom")
        yield Hit("unreachable")

    try:
        checker = Checker(Settings(select=("M998", "L001")))
        result = checker.check_pair(make_pair("We grew revenue fast.", "We grew revenue fast."))
        assert [f.code for f in result.findings] == ["L001", "X001"]
        crash = result.findings[1]
        assert "M998" in crash.message and "ZeroDivisionError: boom" in crash.message
    finally:
        del REGISTRY["M998"]


def test_structural_pairs_are_never_checked():
    pair = Pair(
        "x:1", Segment("Operator", "x", (1,)), Segment("Operator", "x", (2,)), structural=True
    )
    result = Checker(Settings()).check_pair(pair)
    assert result.findings == () and result.score == 1.0


def test_finding_carries_span_texts_and_stable_fingerprint():
    checker = Checker(Settings(select=("L001",)))
    first = checker.check_pair(make_pair("  Thank you. ", "Thank you.")).findings[0]
    assert first.source_span.slice("  Thank you. ") == "Thank you." == first.source_text
    again = checker.check_pair(make_pair("  Thank you. ", "Thank you.")).findings[0]
    assert first.fingerprint == again.fingerprint and len(first.fingerprint) == 16
    other = checker.check_pair(make_pair("Thanks a lot.", "Thanks a lot.")).findings[0]
    assert other.fingerprint != first.fingerprint
