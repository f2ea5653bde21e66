"""Acceptance on the bundled sample transcript (a real Google-Translate zh-TW earnings call)."""

import json

from tests.paths import SAMPLE


def test_every_line_pair_reported_with_right_lines(run_cli):
    run = run_cli("check", SAMPLE, "--format", "json")
    report = json.loads(run.out)
    pairs = report["pairs"]
    assert len(pairs) == 152
    lines = SAMPLE.read_text("utf-8").splitlines()
    for pair in pairs:
        (source_line,), (target_line,) = pair["source"]["lines"], pair["target"]["lines"]
        assert target_line == source_line + 1
        assert lines[source_line - 1] == pair["source"]["text"]
        assert lines[target_line - 1] == pair["target"]["text"]
    assert all(p["source"]["lines"] != [1] and p["target"]["lines"] != [1] for p in pairs)


def test_speaker_lines_carry_no_error_or_warning(run_cli):
    report = json.loads(run_cli("check", SAMPLE, "--format", "json").out)
    speakers = [p for p in report["pairs"] if p["source"]["text"] == p["target"]["text"]]
    assert len(speakers) == 53
    assert all(p.get("structural") for p in speakers)
    assert not [f for p in speakers for f in p["findings"] if f["severity"] in {"error", "warning"}]


def test_sample_errors_are_the_real_ones(run_cli):
    """The sample's translation is complete and Chinese throughout; its one error is a real
    machine-translation error: "Adobe" published as "AdAdobe" (line 49). Exit 1 says so."""
    run = run_cli("check", SAMPLE, "--format", "json")
    report = json.loads(run.out)
    errors = [
        (p["target"]["lines"][0], f["code"], f["target_text"])
        for p in report["pairs"]
        for f in p["findings"]
        if f["severity"] == "error"
    ]
    assert errors == [(49, "E102", "AdAdobe")]
    assert run.code == 1


def test_sample_numbers_all_match():
    """Every number of the sample is converted correctly (萬/億, negatives, basis points,
    quarters, dates): about 195 facts a side, and no N finding at warning or above."""
    from align.config import Settings
    from align.engine import Checker
    from align.formats import open_document
    from align.numbers.chinese import extract_chinese
    from align.numbers.english import extract_english

    pairs = [p for p in open_document(str(SAMPLE)).pairs if not p.structural]
    assert sum(len(extract_english(p.source_text)) for p in pairs) >= 190
    assert sum(len(extract_chinese(p.target_text)) for p in pairs) >= 190
    checker = Checker(Settings(select=("N",)))
    serious = [
        (p.id, f.code, f.message)
        for p in pairs
        for f in checker.check_pair(p).findings
        if f.code != "N209" and f.severity.rank >= 1
    ]
    assert serious == []
