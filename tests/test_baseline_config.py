"""Baselines, noqa markers, per-file ignores, severity overrides and folder inputs."""

import json
from pathlib import Path

import pytest

SMALL = Path(__file__).parent / "data" / "small.txt"


def test_baseline_round_trip_then_new_error_fails(run_cli, write, tmp_path):
    doc = write(
        "doc.tsv", "Thank you.\tThank you.\nRevenue was $97.7 million.\t營收為 9,770 萬美元。\n"
    )
    baseline = tmp_path / "align-baseline.json"
    assert run_cli("baseline", doc, "-o", baseline).code == 0
    entries = json.loads(baseline.read_text("utf-8"))
    assert entries["schema"] == "align.baseline/1"
    assert [e["code"] for e in entries["findings"]] == ["L001"]
    assert run_cli("check", doc, "--baseline", baseline).code == 0
    # A new problem elsewhere fails; the known one (now on another line) stays matched.
    write("doc.tsv", "Revenue was $97.7 million.\t營收為 9,700 萬美元。\nThank you.\tThank you.\n")
    run = run_cli("check", doc, "--baseline", baseline, "--format", "json")
    assert run.code == 1
    report = json.loads(run.out)
    codes = {f["code"]: f for p in report["pairs"] for f in p["findings"]}
    assert codes["L001"]["baseline"] is True and "baseline" not in codes["N203"]
    assert report["summary"]["baseline"] == {"matched": 1, "stale": []}
    assert report["summary"]["by_code"] == {"N203": 1}


def test_baseline_entries_that_no_longer_occur_are_reported(run_cli, write, tmp_path):
    doc = write("doc.tsv", "Thank you.\tThank you.\n")
    baseline = tmp_path / "b.json"
    run_cli("baseline", doc, "-o", baseline)
    write("doc.tsv", "Thank you.\t謝謝。\n")
    run = run_cli("check", doc, "--baseline", baseline)
    assert run.code == 0
    assert "0 known findings matched, 1 baseline entries no longer occur" in run.out


def test_bad_baseline_file_is_an_input_error(run_cli, write):
    run = run_cli("check", SMALL, "--baseline", write("b.json", '{"schema": "other"}'))
    assert run.code == 2 and "not a baseline file" in run.err


def test_noqa_in_note_silences_and_unused_noqa_is_reported(run_cli, write):
    doc = write(
        "doc.tsv",
        "source\ttarget\tnote\n"
        "Thank you.\tThank you.\tnoqa: L001\n"
        "Thanks a lot.\tThanks a lot.\tnoqa\n"
        "Revenue grew.\t營收成長。\tnoqa: N201\n",
    )
    report = json.loads(run_cli("check", doc, "--format", "json").out)
    found = [(p["id"], f["code"]) for p in report["pairs"] for f in p["findings"]]
    assert found == [("doc.tsv:4", "X002")]
    assert "noqa: N201 suppresses nothing" in report["pairs"][2]["findings"][0]["message"]


def test_per_file_ignores_and_severity_overrides(run_cli, write, tmp_path):
    doc = write(
        "legacy-doc.tsv",
        "Thank you.\tThank you.\nRevenue was $97.7 million.\t營收為 9,700 萬美元。\n",
    )
    config = write(
        "align.toml",
        '[per-file-ignores]\n"legacy-*.tsv" = ["L"]\n\n[severity]\nN203 = "warning"\n',
    )
    run = run_cli("check", doc, "--config", config)
    assert run.code == 0  # L001 ignored for this file, N203 now only a warning
    assert ": L001" not in run.out and "N203 warning" in run.out
    other = write("other.tsv", "Thank you.\tThank you.\n")
    assert run_cli("check", other, "--config", config).code == 1


def test_bad_severity_table_is_a_usage_error(run_cli, write):
    run = run_cli("check", SMALL, "--config", write("align.toml", '[severity]\nN203 = "loud"\n'))
    assert run.code == 2 and "severity must be a table" in run.err


def test_folder_input_checks_the_files_under_it(run_cli, write, tmp_path):
    write("a.tsv", "Thank you.\tThank you.\n")
    write("README.md", "# About this folder\n")
    run = run_cli("check", tmp_path, "--format", "json")
    inputs = [i["path"] for i in json.loads(run.out)["inputs"]]
    assert inputs == [str(tmp_path / "a.tsv")]


def test_no_translation_rule_is_opt_in(run_cli, write):
    doc = write("article.md", "# Title\n\nOkta sells identity services.\n")
    assert "A003" not in run_cli("check", doc).out
    assert "A003 info no translation yet" in run_cli("check", doc, "--select", "A003").out


def test_baseline_imports_review_decisions(run_cli, write, tmp_path):
    from align.review.store import ReviewStore

    doc = write("doc.tsv", "Thank you.\tThank you.\nRevenue grew.\t\n")
    report = json.loads(run_cli("check", doc, "--format", "json").out)
    prints = {f["code"]: f["fingerprint"] for p in report["pairs"] for f in p["findings"]}
    db = tmp_path / "review.sqlite"
    with ReviewStore(db) as store:
        store.decide(prints["L001"], "L001", "false-positive", note="a name")
        store.decide(prints["A001"], "A001", "fixed")
    baseline = tmp_path / "b.json"
    assert run_cli("baseline", doc, "--db", db, "-o", baseline).code == 0
    entries = json.loads(baseline.read_text("utf-8"))["findings"]
    assert [(e["code"], e["status"], e.get("note")) for e in entries] == [
        ("L001", "false-positive", "a name")
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pyproject.toml", '[tool.align]\nignore = ["Q999"]\n', ":2: ignore: no rule matches Q999"),
        ("align.toml", 'select = ["Q999"]\n', ":1: select: no rule matches Q999"),
        # a table header with a space was not recognised, so the whole table was ignored
        ("pyproject.toml", '[tool.align ]\nselect = "N"\nfoo = 1\n', ":3: unknown setting 'foo'"),
        ("pyproject.toml", '[tool.align]\nselect = ["N"\n', "invalid TOML"),
    ],
)
def test_config_mistakes_exit_2_with_file_and_line(run_cli, tmp_path, monkeypatch, name,
                                                   content, message):  # fmt: skip
    (tmp_path / name).write_text(content, "utf-8")
    monkeypatch.chdir(tmp_path)
    run = run_cli("check", Path(__file__).parent / "data" / "small.txt")
    assert run.code == 2 and message in run.err and run.err.count("\n") == 1, run.err
