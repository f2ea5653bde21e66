"""The CLI as a user runs it: exit codes, output formats, the JSON contract on a small corpus."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import align

GOLDEN = Path(__file__).parent / "golden"
SMALL = Path(__file__).parent / "data" / "small.txt"


def test_text_format_one_line_per_finding(run_cli):
    run = run_cli("check", SMALL)
    assert run.code == 1  # L001 and A001 are errors
    lines = run.out.splitlines()
    assert f"{SMALL}:9: L001 error translation repeats the source verbatim" in lines
    assert f"{SMALL}:10: A001 error source has no translation" in lines
    assert lines[-2].startswith("6 pairs, 2 flagged (2 error, 0 warning, 0 info)")
    assert lines[-1].startswith("signature: align:")


def test_json_matches_golden(run_cli, monkeypatch):
    monkeypatch.chdir(SMALL.parent.parent.parent)
    run = run_cli("check", "tests/data/small.txt", "--format", "json")
    report = json.loads(run.out)
    golden_path = GOLDEN / "small.json"
    if os.environ.get("ALIGN_UPDATE_GOLDEN"):
        golden_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert report == json.loads(golden_path.read_text("utf-8"))


def test_json_contract_fields(run_cli):
    report = json.loads(run_cli("check", SMALL, "--format", "json").out)
    assert report["schema"] == "align.report/1"
    assert set(report) == {"schema", "tool", "inputs", "pairs", "summary"}
    assert report["tool"]["name"] == "align" and "|rules:" in report["tool"]["signature"]
    assert report["inputs"] == [
        {"path": str(SMALL), "format": "interleaved", "source_lang": "en", "target_lang": "zh-Hant"}
    ]
    for pair in report["pairs"]:
        assert {"id", "source", "target", "kind", "score", "findings"} <= set(pair)
        assert 0.0 <= pair["score"] <= 1.0
        for finding in pair["findings"]:
            assert set(finding) == {
                "code",
                "name",
                "severity",
                "message",
                "source_span",
                "target_span",
                "source_text",
                "target_text",
                "fingerprint",
                "status",
            }
            if finding["source_span"]:
                start, end = finding["source_span"]
                assert pair["source"]["text"][start:end] == finding["source_text"]
    assert set(report["summary"]) == {"pairs", "flagged", "by_severity", "by_code", "score_mean"}


def test_jsonl_streams_pairs_then_summary(run_cli):
    lines = run_cli("check", SMALL, "--format", "jsonl").out.splitlines()
    records = [json.loads(line) for line in lines]
    assert all("id" in r for r in records[:-1]) and len(records) == 7
    assert records[-1]["summary"]["pairs"] == 6
    assert records[-1]["schema"] == "align.report/1"


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("error", 1), ("never", 0), ("warning", 1), ("info", 1)]
)
def test_fail_on(run_cli, fail_on, expected):
    assert run_cli("check", SMALL, "--fail-on", fail_on).code == expected


def test_clean_input_exits_zero(run_cli, write):
    path = write("ok.txt", "Thank you very much.\n非常感謝。\n")
    run = run_cli("check", path)
    assert run.code == 0 and "1 pairs, 0 flagged" in run.out


def test_select_and_ignore(run_cli):
    assert run_cli("check", SMALL, "--ignore", "A001,L001").code == 0
    run = run_cli("check", SMALL, "--select", "L")
    assert "A001" not in run.out and "L001" in run.out


def test_unknown_select_code_is_a_usage_error(run_cli):
    run = run_cli("check", SMALL, "--select", "Z9")
    assert run.code == 2 and "Z9" in run.err


def test_invalid_utf8_exits_2_with_one_line(run_cli, write):
    path = write("bad.txt", b"Hello.\n\xe4\xbd\n")
    run = run_cli("check", path)
    assert run.code == 2
    assert run.err.strip() == (
        f"align: error: {path}:2: invalid utf-8 byte 0xe4 at byte offset 7"
        " (use --encoding, e.g. big5 or gb18030)"
    )


def test_encoding_option_reads_big5(run_cli, write):
    path = write("b.txt", "Thank you very much.\n非常感謝。\n", encoding="big5")
    assert run_cli("check", path).code == 2
    assert run_cli("check", path, "--encoding", "big5").code == 0


def test_missing_file_exits_2(run_cli, tmp_path):
    run = run_cli("check", tmp_path / "none.txt")
    assert run.code == 2 and "none.txt" in run.err and "Traceback" not in run.err


def test_parallel_files(run_cli, write):
    en = write("en.txt", "Thank you very much.\nGoodbye.\n")
    zh = write("zh.txt", "非常感謝。\n")
    run = run_cli("check", "--source", en, "--target", zh)
    assert run.code == 1 and f"{en}:2: A001" in run.out


def test_source_without_target_is_a_usage_error(run_cli, write):
    run = run_cli("check", "--source", write("en.txt", "x\n"))
    assert run.code == 2 and "--target" in run.err


def test_output_file_is_written_atomically(run_cli, write, tmp_path):
    out = tmp_path / "report.json"
    run_cli("check", SMALL, "--format", "json", "-o", out)
    assert json.loads(out.read_text("utf-8"))["summary"]["pairs"] == 6
    bad = write("bad.txt", b"Hello.\n\xff\n")
    assert run_cli("check", bad, "--format", "json", "-o", out).code == 2
    assert json.loads(out.read_text("utf-8"))["summary"]["pairs"] == 6  # old report kept
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_config_file(run_cli, write, tmp_path):
    config = write("align.toml", 'ignore = ["L001"]\nfail-on = "never"\n')
    run = run_cli("check", SMALL, "--config", config)
    assert run.code == 0 and ": L001" not in run.out and ": A001" in run.out


def test_bad_config_is_a_usage_error(run_cli, write):
    run = run_cli("check", SMALL, "--config", write("align.toml", "colour = 1\n"))
    assert run.code == 2 and "unknown setting 'colour'" in run.err


def test_rules_list_and_explain(run_cli):
    listing = run_cli("rules")
    assert listing.code == 0 and "A010  length-ratio-outlier" in listing.out
    explain = run_cli("rules", "a010")
    assert explain.code == 0 and "Why it matters:" in explain.out
    assert run_cli("rules", "Z999").code == 2


def test_installed_console_script_runs():
    """The entry point a user types, in a separate process."""
    result = subprocess.run(
        [sys.executable, "-m", "align.cli", "check", str(SMALL), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 1 and json.loads(result.stdout)["summary"]["pairs"] == 6


def test_jobs_keep_output_identical(run_cli, write):
    from tests.paths import SAMPLE

    one = run_cli("check", SAMPLE, "--format", "jsonl").out
    two = run_cli("check", SAMPLE, "--format", "jsonl", "--jobs", "2").out
    assert one == two and len(one.splitlines()) == 153
    assert run_cli("check", SAMPLE, "--format", "jsonl", "--jobs", "auto").out == one
    for bad in ("0", "two", "-1"):
        with pytest.raises(SystemExit) as exited:  # argparse: a usage error, exit 2
            run_cli("check", SAMPLE, "--jobs", bad)
        assert exited.value.code == 2


def test_jobs_over_many_files_keep_order_and_equal_one_process(run_cli, write):
    """Chunks of consecutive files are in flight together; results still come file by file."""
    paths = [
        write(f"t{k}.txt", "".join(f"Revenue was ${k}{n}.5 million.\n營收為 {k}{n}.5 百萬美元。\n"
                                  for n in range(1, 4 + 60 * (k == 1))))
        for k in range(1, 5)
    ]  # fmt: skip
    one = run_cli("check", *paths, "--format", "jsonl").out
    two = run_cli("check", *paths, "--format", "jsonl", "--jobs", "2").out
    assert one == two
    ids = [json.loads(line)["id"] for line in one.splitlines()[:-1]]
    assert ids[0] == "t1.txt:1" and ids[-1] == "t4.txt:5" and len(ids) == 3 + 63 + 3 + 3


def test_jobs_report_what_was_read_before_a_bad_file(run_cli, write):
    """An unreadable line in the second file: the pairs before it are checked and written,
    with one process or several, then the one-line error (exit 2)."""
    good = write("good.txt", "Revenue was $1.5 million.\n營收為 150 萬美元。\n" * 3)
    bad = write("bad.txt", "Costs grew.\n成本增長。\n".encode() + b"Bad \xff byte.\n")
    runs = [run_cli("check", good, bad, "--format", "jsonl", "--jobs", jobs) for jobs in "12"]
    for run in runs:
        assert run.code == 2 and "bad.txt:3" in run.err and len(run.err.splitlines()) == 1
        assert [json.loads(line)["id"] for line in run.out.splitlines()] == [
            "good.txt:1", "good.txt:3", "good.txt:5", "bad.txt:1",
        ]  # fmt: skip
    assert runs[0].out == runs[1].out


def test_output_does_not_depend_on_hash_seed(tmp_path):
    """Worker processes have their own hash seeds: findings must not come out in set order."""
    import os
    import subprocess
    import sys

    data = tmp_path / "multi.tsv"
    data.write_text(
        "source\ttarget\nOn October 29, in Q2, revenue was $105.6 million, up 58%.\t"
        "6 月 29 日，第三季營收為 3.056 億美元，成長 85%。\n",
        "utf-8",
    )
    outputs = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run(
            [sys.executable, "-m", "align.cli", "check", str(data), "--format", "jsonl"],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
        outputs.add(run.stdout.splitlines()[0])
    assert len(outputs) == 1


def test_python_m_align_version_names_the_data():
    done = subprocess.run(
        [sys.executable, "-m", "align", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"align {align.__version__}"
    text = done.stdout
    assert re.search(r"CC-CEDICT\s+\d{4}-\d\d-\d\d, [\d,]+ entries", text)
    assert re.search(r"OpenCC\s+\d+\.\d+", text)
    assert re.search(r"names\.tsv\s+\d+ rows, sha256 [0-9a-f]{12}", text)


def test_a_report_is_the_same_bytes_under_any_hash_seed(tmp_path):
    # Per-pair analysis must be deterministic: a set's order (which changes with the hash
    # seed) once decided which number a finding named.
    from tests.paths import SAMPLE

    reports = set()
    for seed in ("0", "1", "2"):
        out = tmp_path / f"report-{seed}.jsonl"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "align",
                "check",
                str(SAMPLE),
                "--format",
                "jsonl",
                "-o",
                str(out),
            ],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
            capture_output=True,
        )
        reports.add(out.read_bytes())
    assert len(reports) == 1
