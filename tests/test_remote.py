"""Inputs named by URL (``align.remote``): read through fsspec as the local files are, with
the URL in every report and error. ``memory://`` is fsspec's in-process filesystem, so these
tests run what an ``s3://`` or ``gs://`` input runs, without a cloud."""

from __future__ import annotations

import json

import pytest

from tests.paths import SAMPLE

fsspec = pytest.importorskip(
    "fsspec", reason='fsspec comes with the dask extra: pip install -e ".[test]"'
)

ROWS = "We opened an office in Tortola.\t我們在的黎波里開設了辦事處。\n"


@pytest.fixture
def memory():
    fs = fsspec.filesystem("memory")
    fs.pipe("/corpus/b-names.tsv", ROWS.encode())
    fs.pipe("/corpus/a-sample.txt", SAMPLE.read_bytes())
    fs.pipe("/corpus/README.md", b"# not an input\n")
    fs.pipe("/bad/broken.tsv", b"We met.\t\xff\xfe\n")
    yield fs
    fs.rm("/", recursive=True)


def test_a_folder_url_is_checked_as_its_files_are(run_cli, memory, tmp_path):
    local = tmp_path / "corpus"
    local.mkdir()
    (local / "b-names.tsv").write_text(ROWS, "utf-8")
    (local / "a-sample.txt").write_bytes(SAMPLE.read_bytes())
    remote = run_cli("check", "memory://corpus/", "--format", "jsonl")
    here = run_cli("check", local, "--format", "jsonl")
    assert remote.code == here.code == 1
    rows = [json.loads(line) for line in remote.out.splitlines()[:-1]]
    expected = [json.loads(line) for line in here.out.splitlines()[:-1]]
    assert [r["findings"] for r in rows] == [e["findings"] for e in expected]
    # The URL, not a temporary copy, names where each pair came from.
    assert {r["source"]["path"] for r in rows} == {
        "memory://corpus/a-sample.txt", "memory://corpus/b-names.tsv",
    }  # fmt: skip


def test_a_file_url_reads_the_local_file(run_cli, tmp_path):
    path = tmp_path / "b.tsv"
    path.write_text(ROWS, "utf-8")
    run = run_cli("check", f"file://{path}", "--select", "E101")
    assert run.out.startswith(f"file://{path}:1: E101 warning Tortola is not in the translation")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("memory://corpus/nope.tsv", "memory://corpus/nope.tsv: no such file"),
        ("nosuch://bucket/x.tsv", "nosuch://bucket/x.tsv: Protocol not known: nosuch"),
        ("memory://empty/", "memory://empty/: no such file"),
        ("memory://bad/broken.tsv", "memory://bad/broken.tsv:1: invalid utf-8 byte 0xff"),
    ],
)
def test_a_bad_url_is_a_one_line_error(run_cli, memory, url, message):
    run = run_cli("check", url)
    assert run.code == 2
    assert run.err.startswith(f"align: error: {message}") and run.err.count("\n") == 1
    assert "Traceback" not in run.err
