"""``align check --dask``: a real LocalCluster of worker processes checks real files into a
shard folder, and check, report and baseline read the folder back.

Small on purpose (two single-threaded workers, a few short documents): the machine running
the suite may have two cores.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from align.config import Settings
from align.engine import Checker
from align.formats import open_document
from align.report.json import pair_dict
from align.shards import leftovers, result_from_dict
from tests.paths import SAMPLE
from tests.processes import running

distributed = pytest.importorskip(
    "distributed",
    reason='dask.distributed is not installed: pip install -e ".[test]" (or ".[dask]")',
)

# E106 (a name rendered two ways) and M104 fire in the sample; this document adds an E106 of
# its own, found across rows, so the document rules are proven per document.
E106_ROWS = [
    ("President Bush spoke first.", "布希總統首先發言。"),
    ("Then Bush left.", "然後布什離開了。"),
    ("Bush came back.", "布希回來了。"),
]
SMALL = Path(__file__).parent / "data" / "small.txt"


def _sample_head(lines: int) -> str:
    """The sample's first ``lines`` lines: a short interleaved transcript."""
    return "".join(SAMPLE.read_text("utf-8").splitlines(keepends=True)[:lines])


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a LocalCluster of two worker processes, one thread each."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.ERROR,
    )  # fmt: skip
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a-sample.txt")
    rows = "".join(f"{en}\t{zh}\n" for en, zh in E106_ROWS)
    (folder / "b-names.tsv").write_text("source\ttarget\n" + rows, "utf-8")
    shutil.copy(SMALL, folder / "c-small.txt")
    (folder / "d-head.txt").write_text(_sample_head(40), "utf-8")
    return folder


def _parts(folder: Path) -> list[str]:
    """Every line of the parts the summary lists, in order."""
    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    lines: list[str] = []
    for shard in summary["shards"]:
        lines += (folder / shard["path"]).read_text("utf-8").splitlines()
    return lines


def test_shards_equal_check_jsonl_pair_for_pair(run_cli, corpus, scheduler, tmp_path):
    expected = run_cli("check", corpus, "--format", "jsonl")
    out = tmp_path / "out"
    run = run_cli("check", corpus, "--dask", scheduler, "-o", f"{out}/")
    assert run.code == expected.code == 1
    assert run.out == ""
    assert "4 of 4 shards written to" in run.err and "Traceback" not in run.err
    pairs, final = expected.out.splitlines()[:-1], json.loads(expected.out.splitlines()[-1])
    assert sorted(p.name for p in out.iterdir()) == [
        "part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl", "part-00003.jsonl",
        "summary.json",
    ]  # fmt: skip
    assert _parts(out) == pairs  # the same bytes, the same order: document rules included
    codes = {f["code"] for line in pairs for f in json.loads(line)["findings"]}
    assert {"E106", "M104"} <= codes
    names = [
        json.loads(line) for line in (out / "part-00001.jsonl").read_text("utf-8").splitlines()
    ]
    assert [f["code"] for f in names[1]["findings"]] == ["E106"]
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    for key in ("summary", "schema", "tool", "inputs"):
        assert summary[key] == final[key]
    assert [s["pairs"] for s in summary["shards"]] == [
        len((out / s["path"]).read_text("utf-8").splitlines()) for s in summary["shards"]
    ]
    assert summary["errors"] == []


def test_workers_open_inputs_named_by_url(run_cli, corpus, scheduler, tmp_path):
    # local:// is read through fsspec and copied on the worker, as s3:// or gs:// would be.
    urls = [f"local://{corpus}/b-names.tsv", f"file://{corpus}/a-sample.txt"]
    expected = run_cli("check", *urls, "--format", "jsonl")
    out = tmp_path / "out"
    run = run_cli("check", *urls, "--dask", scheduler, "-o", f"{out}/")
    assert run.code == expected.code == 1
    assert _parts(out) == expected.out.splitlines()[:-1]
    assert json.loads(_parts(out)[0])["source"]["path"] == urls[0]


def test_check_report_and_baseline_read_a_shard_folder(
    run_cli, corpus, scheduler, tmp_path, monkeypatch
):
    # The HTML report names the minute it was made: fixed, so that the two reports compared
    # below differ only if their content does (unfixed, a minute boundary between them failed
    # the test now and then).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    out = tmp_path / "out"
    assert run_cli("check", corpus, "--dask", scheduler, "-o", out).code == 1
    # Any output format from the shards: the same as from the inputs, summary line included.
    for fmt in ("jsonl", "text", "sarif"):
        direct = run_cli("check", corpus, "--format", fmt)
        read = run_cli("check", out, "--format", fmt)
        assert (read.code, read.out) == (direct.code, direct.out), fmt
    assert run_cli("check", out, "--fail-on", "never").code == 0
    # A baseline written from the shards clears them; applied to the shards it rescores
    # every pair exactly as it does on the inputs.
    baseline = tmp_path / "baseline.json"
    assert run_cli("baseline", out, "-o", baseline).code == 0
    assert run_cli("check", out, "--baseline", baseline).code == 0
    direct = run_cli("check", corpus, "--baseline", baseline, "--format", "jsonl")
    read = run_cli("check", out, "--baseline", baseline, "--format", "jsonl")
    assert read.out == direct.out
    for suffix in (".html", ".csv", ".md"):
        assert run_cli("report", out, "-o", tmp_path / f"shards{suffix}").code == 0
        assert run_cli("report", corpus, "-o", tmp_path / f"inputs{suffix}").code == 0
        shards = (tmp_path / f"shards{suffix}").read_text("utf-8")
        assert shards == (tmp_path / f"inputs{suffix}").read_text("utf-8"), suffix


def test_bad_input_fails_only_its_task(run_cli, corpus, tmp_path):
    bad = corpus / "c-small.txt"
    bad.write_bytes(b"Revenue grew.\n\xe7\x87\x9f\xe6\x94\xb6\xe5\xa2\x9e\xe9\x95\xb7\xe3\x80\x82\n"
                    b"It grew \xff again.\n")  # fmt: skip
    out = tmp_path / "out"
    run = run_cli("check", corpus, "--dask", "local:2", "-o", out)
    assert run.code == 2
    errors = [line for line in run.err.splitlines() if line.startswith("align: error:")]
    assert errors == [
        f"align: error: {bad}:3: invalid utf-8 byte 0xff at byte offset 38 "
        "(use --encoding, e.g. big5 or gb18030)"
    ]
    assert "Traceback" not in run.err
    assert "3 of 4 shards written" in run.err
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert [s["path"] for s in summary["shards"]] == [
        "part-00000.jsonl", "part-00001.jsonl", "part-00003.jsonl",
    ]  # fmt: skip
    assert summary["errors"] == [{"input": str(bad), "message": errors[0][len("align: error: ") :]}]
    good = [corpus / "a-sample.txt", corpus / "b-names.tsv", corpus / "d-head.txt"]
    assert _parts(out) == run_cli("check", *good, "--format", "jsonl").out.splitlines()[:-1]
    # An incomplete folder is not read as if it were whole.
    read = run_cli("check", out)
    assert read.code == 2 and "incomplete: 1 input(s) failed" in read.err


@contextlib.contextmanager
def _killing_one_worker(out: Path, written: str) -> Iterator[tuple[str, list[int]]]:
    """A LocalCluster of two workers, one of which is SIGKILLed once a file matching
    ``written`` appears in ``out`` while the run is still going; yields the scheduler's
    address and the killed pid (filled in by then when the block ends)."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
        silence_logs=logging.CRITICAL,
    )  # fmt: skip
    killed: list[int] = []

    def kill_one_worker_mid_run() -> None:
        with distributed.Client(cluster.scheduler_address) as client:
            pids = client.run(os.getpid)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not list(out.glob(written)):
            time.sleep(0.01)
        if not (out / "summary.json").exists():  # the run is still going
            pid = sorted(pids.values())[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    killer = threading.Thread(target=kill_one_worker_mid_run)
    killer.start()
    try:
        yield cluster.scheduler_address, killed
    finally:
        killer.join()
        cluster.close()


def test_a_killed_worker_leaves_complete_output_without_duplicates(run_cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = _sample_head(160)
    for k in range(8):
        (corpus / f"c{k}.txt").write_text(text, "utf-8")
    one = run_cli("check", corpus / "c0.txt", "--format", "jsonl").out.splitlines()[:-1]
    out = tmp_path / "out"
    with _killing_one_worker(out, "part-*.jsonl") as (address, killed):
        run = run_cli("check", corpus, "--dask", address, "-o", out)
    assert killed and not running(killed[0])
    assert run.code == 1, run.err
    assert "8 of 8 shards written" in run.err
    lines = _parts(out)
    assert len(lines) == len(set(lines)) == 8 * len(one)  # complete, no pair twice
    for k in range(8):
        part = (out / f"part-{k:05d}.jsonl").read_text("utf-8").splitlines()
        assert part == [line.replace("c0.txt", f"c{k}.txt") for line in one]
    assert leftovers(out) == []


def test_config_names_the_cluster_and_none_turns_it_off(run_cli, tmp_path):
    doc = tmp_path / "in" / "names.tsv"
    doc.parent.mkdir()
    doc.write_text("source\ttarget\n" + "".join(f"{a}\t{b}\n" for a, b in E106_ROWS), "utf-8")
    config = tmp_path / "align.toml"
    config.write_text('dask = "local:1"\n', "utf-8")
    run = run_cli("check", doc, "--config", config, "-o", tmp_path / "out")
    assert run.code == 0, run.err  # E106 is a warning
    assert (tmp_path / "out" / "part-00000.jsonl").is_file()
    # Reading the shards never goes to the cluster, whatever the config says.
    assert "E106" in run_cli("check", tmp_path / "out", "--config", config).out
    local = run_cli("check", doc, "--config", config, "--dask", "none")
    assert local.code == 0 and "E106 warning Bush" in local.out
    config.write_text("dask = 2\n", "utf-8")
    bad = run_cli("check", doc, "--config", config)
    assert bad.code == 2 and 'dask must be a scheduler address or "local:N"' in bad.err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ((), "--dask writes a folder of shards: give -o DIR/"),
        (("-o", "OUT", "--format", "sarif"), "--dask writes JSONL shards"),
        (("-o", "OUT", "--baseline", "b.json"), "apply --baseline/--db to the shards"),
        (("-o", "NOTEMPTY"), "not empty and not a shard folder"),
        (("-o", "IN/out"), "inside an input folder"),
        (("-o", "OUT", "--dask", "local:x"), "local:N takes a number of workers"),
    ],
)
def test_usage_errors_are_one_line(run_cli, tmp_path, extra, message):
    (tmp_path / "IN").mkdir()
    shutil.copy(SMALL, tmp_path / "IN" / "small.txt")
    (tmp_path / "NOTEMPTY").mkdir()
    (tmp_path / "NOTEMPTY" / "mine.txt").write_text("keep me", "utf-8")
    args = [str(tmp_path / a) if a.isupper() or a.startswith("IN/") else a for a in extra]
    run = run_cli("check", tmp_path / "IN", "--dask", "local:1", *args)
    assert run.code == 2
    assert run.err.count("\n") == 1 and message in run.err, run.err
    assert (tmp_path / "NOTEMPTY" / "mine.txt").read_text("utf-8") == "keep me"


def test_a_pair_object_reads_back_as_its_result():
    settings = Settings()
    checker = Checker(settings)
    results = list(checker.check_document(open_document(str(SAMPLE))))
    assert any(r.findings for r in results)
    for result in results:
        data = json.loads(json.dumps(pair_dict(result), ensure_ascii=False))
        back = result_from_dict(data, bilingual=True, settings=settings)
        assert pair_dict(back) == pair_dict(result)
        if result.findings:  # what a baseline or a decision rescores from
            assert back.base == result.base


def test_progress_line():
    from align.distributed import Progress

    stream = io.StringIO()
    progress = Progress(4, stream, live=True)
    progress.update(120)
    assert "1/4 tasks, 120 pairs" in stream.getvalue() and "pairs/s" in stream.getvalue()
    progress.close()
    quiet = io.StringIO()
    Progress(4, quiet, live=False).update(5)
    assert quiet.getvalue() == ""


def _large_inputs(folder: Path) -> list[Path]:
    """A TSV and a JSON Lines file of the sample's pairs with a name rendered two ways at
    the start and at the end: E106 has to see across the byte ranges."""
    pairs = [(p.source.text, p.target.text) for p in open_document(str(SAMPLE)).pairs
             if p.source and p.target]  # fmt: skip
    rows = [E106_ROWS[0], *pairs, E106_ROWS[1], *pairs[:40], E106_ROWS[2]]
    tsv, jsonl = folder / "large.tsv", folder / "large.jsonl"
    clean = [(en.replace("\t", " "), zh.replace("\t", " ")) for en, zh in rows]
    tsv.write_text("source\ttarget\n" + "".join(f"{en}\t{zh}\n" for en, zh in clean), "utf-8")
    records = [json.dumps({"source": en, "target": zh}, ensure_ascii=False) for en, zh in rows]
    jsonl.write_text("\n".join(records) + "\n", "utf-8")
    return [tsv, jsonl]


def test_a_large_file_is_checked_by_ranges_on_every_worker(run_cli, scheduler, tmp_path):
    from align.cluster_tasks import plan
    from align.distributed import check_to_shards

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    inputs = sorted(_large_inputs(corpus))  # as align check lists the folder
    split = 20_000  # bytes: each file is cut into several ranges
    tasks = plan([str(p) for p in inputs], None, "utf-8", split)
    assert all(type(t).__name__ == "RangeTask" for t in tasks) and len(tasks) >= 6
    expected = run_cli("check", corpus, "--format", "jsonl")
    out = tmp_path / "out"
    out.mkdir()
    with distributed.Client(scheduler) as client:
        run = check_to_shards(client, Settings(), [str(p) for p in inputs], out,
                              split_bytes=split)  # fmt: skip
    assert run.errors == [] and run.pairs == len(expected.out.splitlines()) - 1
    assert _parts(out) == expected.out.splitlines()[:-1]  # document rules included
    codes = [f["code"] for line in _parts(out) for f in json.loads(line)["findings"]]
    assert codes.count("E106") >= 2
    assert sorted(p.name for p in out.iterdir()) == [
        "part-00000.jsonl",
        "part-00001.jsonl",
        "summary.json",
    ]  # no range left behind


def test_a_bad_line_in_a_later_range_is_the_files_one_error(scheduler, tmp_path):
    from align.distributed import check_to_shards

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    jsonl = _large_inputs(corpus)[1]
    lines = jsonl.read_text("utf-8").splitlines()
    lines[150] = '{"source": "broken'
    jsonl.write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with distributed.Client(scheduler) as client:
        run = check_to_shards(client, Settings(), [str(jsonl)], out, split_bytes=10_000)
    assert len(run.errors) == 1
    assert run.errors[0].startswith(f"{jsonl}:151: invalid JSON")
    assert sorted(p.name for p in out.iterdir()) == ["summary.json"]


# Killed once the first range is written, or once the first merge step has handed on.
@pytest.mark.parametrize("trigger", [".range-*.pickle", ".carry-*.pickle"])
def test_a_killed_worker_mid_ranges_leaves_the_same_output(run_cli, tmp_path, trigger):
    from align.distributed import check_to_shards

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    tsv = sorted(_large_inputs(corpus))[1]
    (corpus / "large.jsonl").unlink()
    expected = run_cli("check", tsv, "--format", "jsonl").out.splitlines()[:-1]
    out = tmp_path / "out"
    out.mkdir()
    with (
        _killing_one_worker(out, trigger) as (address, killed),
        distributed.Client(address) as client,
    ):
        run = check_to_shards(client, Settings(), [str(tsv)], out, split_bytes=8_000)
    assert killed and not running(killed[0])
    assert run.errors == []
    assert _parts(out) == expected  # complete, in order, no pair twice
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl", "summary.json"]
