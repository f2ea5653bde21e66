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


def test_sample_checks_clean_of_errors(run_cli):
    """The sample's translation is complete and Chinese throughout: no A/L error fires."""
    run = run_cli("check", SAMPLE)
    assert run.code == 0
    assert " error " not in run.out
