"""``-o PATH`` writes through what it must not replace, refuses inputs, and fails in one line."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.processes import children_of, running

SMALL = Path(__file__).parent / "data" / "small.txt"


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".")]


def _private_device(folder: Path, name: str, minor: int) -> Path:
    """A character device node of our own (mem 1:3 null, 1:7 full) under ``folder``: a test
    run against a broken build must not replace the machine's /dev/null or /dev/full."""
    node = folder / name
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("creating a device node needs privileges")
    return node


def test_fifo_is_written_through_not_replaced(run_cli, tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run = run_cli("check", SMALL, "--format", "json", "-o", fifo)
    reader.join(timeout=30)
    assert run.code == 1, run.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(received[0])["summary"]["pairs"] == 6
    assert _no_temp_files(tmp_path)


def test_symlink_keeps_the_link_and_writes_its_target(run_cli, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run_cli("check", SMALL, "--format", "json", "-o", link).code == 1
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text("utf-8"))["summary"]["pairs"] == 6
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file keeps its mode
    assert _no_temp_files(tmp_path)


def test_character_device_is_not_replaced(run_cli, tmp_path):
    null = _private_device(tmp_path, "null", 3)
    assert run_cli("check", SMALL, "--format", "json", "-o", null).code == 1
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert _no_temp_files(tmp_path)


def test_output_naming_an_input_is_refused(run_cli, tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(SMALL.read_bytes())
    run = run_cli("check", source, "-o", source)
    assert run.code == 2 and "replace an input" in run.err
    assert source.read_bytes() == SMALL.read_bytes()
    folder_run = run_cli("check", tmp_path, "-o", source)  # read through its folder
    assert folder_run.code == 2 and source.read_bytes() == SMALL.read_bytes()


@pytest.mark.parametrize("where", ["missing/out.json", "."])
def test_unusable_output_path_is_one_line(run_cli, tmp_path, where):
    run = run_cli("check", SMALL, "-o", tmp_path / where)
    assert run.code == 2
    assert run.err.count("\n") == 1 and run.err.startswith("align: error: ")


@pytest.mark.parametrize("to_file", [True, False])
def test_full_disk_is_one_line_and_exit_2(tmp_path, to_file):
    full = _private_device(tmp_path, "full", 7)
    command = [sys.executable, "-m", "align", "check", str(SMALL)]
    if to_file:
        done = subprocess.run([*command, "-o", str(full)], capture_output=True, text=True)
    else:
        with open(full, "w") as handle:
            done = subprocess.run(command, stdout=handle, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().count("\n") == 0 and "No space left" in done.stderr
    assert stat.S_ISCHR(full.lstat().st_mode)


SAMPLE = Path(__file__).parents[1] / "corpora" / "okta-q3-fy2019-earnings-call.en-zhtw.txt"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize("signum", [15, 9])
def test_killed_parent_leaves_no_worker_and_no_temp_file(tmp_path, signum):
    from align.workers import available_cpus

    if available_cpus() < 2:
        pytest.skip("--jobs 2 needs two CPUs")
    big = tmp_path / "in" / "big.txt"
    big.parent.mkdir()
    big.write_bytes(SAMPLE.read_bytes() * 40)
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-m", "align", "check", str(big), "--jobs", "2"]
    child = subprocess.Popen(
        [*command, "--format", "json", "-o", str(out / "report.json")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    for _ in range(300):  # until both workers run (start-up takes a second or two)
        workers = children_of(child.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    assert len(workers) >= 2 and child.poll() is None
    time.sleep(0.5)
    os.kill(child.pid, signum)
    child.wait(timeout=60)
    for _ in range(200):
        if not any(running(w) for w in workers):
            break
        time.sleep(0.05)
    assert not any(running(w) for w in workers)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("encoding", ["hex", "base64", "rot13", "utf-16", "utf-32-le"])
def test_encodings_that_cannot_work_are_refused_in_one_line(run_cli, encoding):
    run = run_cli("check", SMALL, "--encoding", encoding)
    assert run.code == 2 and run.err.count("\n") == 1, run.err


def test_utf16_file_is_named_as_such(run_cli, tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(SMALL.read_text("utf-8").encode("utf-16"))
    run = run_cli("check", path)
    assert run.code == 2 and "UTF-16" in run.err and run.err.count("\n") == 1


CONTROLS = "Revenue\x0b rose 5% to $10\x0c million\x01 \ufffe.\n營收\x0b上升 5%\x1f\ufffe。\n"


@pytest.mark.parametrize("fmt", ["junit", "sarif", "json", "jsonl", "github", "text"])
def test_check_writers_take_characters_xml_cannot_hold(run_cli, tmp_path, fmt):
    from lxml import etree

    path = tmp_path / "ctl.txt"
    path.write_text(CONTROLS, "utf-8")
    out = tmp_path / f"out.{fmt}"
    run = run_cli("check", path, "--format", fmt, "--fail-on", "never", "-o", out)
    assert run.code == 0, run.err
    text = out.read_text("utf-8")
    if fmt == "junit":
        etree.fromstring(text.encode("utf-8"))  # well-formed
    elif fmt in {"sarif", "json"}:
        json.loads(text)


@pytest.mark.parametrize("name", ["r.html", "r.md", "r.csv", "r.json"])
def test_report_writers_take_characters_xml_cannot_hold(run_cli, tmp_path, name):
    from lxml import etree

    path = tmp_path / "ctl.txt"
    path.write_text(CONTROLS, "utf-8")
    assert run_cli("report", path, "-o", tmp_path / name).code == 0
    if name.endswith(".html"):
        page = etree.parse(str(tmp_path / name), etree.HTMLParser(recover=False))
        assert "營收\ufffd上升" in "".join(page.getroot().itertext())


def test_pair_writes_well_formed_tmx_from_control_characters(run_cli, tmp_path):
    from lxml import etree

    en, zh = tmp_path / "en.txt", tmp_path / "zh.txt"
    en.write_text("Hello\x0b world.\nBye\ufffe.\n", "utf-8")
    zh.write_text("你好\x0c世界。\n再見。\n", "utf-8")
    out = tmp_path / "p.tmx"
    assert run_cli("pair", en, zh, "-o", out).code == 0
    segs = etree.parse(str(out)).findall(".//seg")
    assert [s.text for s in segs][:2] == ["Hello\ufffd world.", "你好\ufffd世界。"]


def test_numbers_beyond_float_range_are_not_crashes(run_cli, tmp_path):
    huge = "9" * 309
    path = tmp_path / "big.tsv"
    path.write_text(
        f"source\ttarget\nRevenue rose {huge}% this year.\t營收成長了{huge}%。\n"
        f"Sales\t九{'億' * 40}\n",
        "utf-8",
    )
    run = run_cli("check", path, "--select", "N,X", "--fail-on", "never")
    assert run.code == 0 and "X001" not in run.out, run.out


def test_numbers_beyond_float_range_compare_exactly(run_cli, tmp_path):
    huge = "9" * 309
    path = tmp_path / "big.tsv"
    path.write_text(
        f"source\ttarget\nRose {huge}% this year.\t成長了{huge}%。\n"  # equal: no finding
        f"Rose {huge}0% this year.\t成長了{huge}%。\n",  # ten times: once both were inf
        "utf-8",
    )
    run = run_cli("check", path, "--select", "N,X", "--fail-on", "never")
    lines = [line for line in run.out.splitlines() if ": N" in line or ": X" in line]
    assert len(lines) == 1 and ":3: N203" in lines[0] and "(310 digits)%" in lines[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"source": ' + "[" * 3000 + "]" * 3000 + ', "target": "x"}\n', "nested too deeply"),
        ('{"source": ' + "9" * 5000 + ', "target": "x"}\n', "invalid JSON"),
    ],
)
def test_hostile_jsonl_is_one_line_error(run_cli, tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, "utf-8")
    run = run_cli("check", path)
    assert run.code == 2 and message in run.err and run.err.count("\n") == 1


def test_long_tsv_cell_is_x003_not_malformed(run_cli, tmp_path):
    path = tmp_path / "long.tsv"
    path.write_text("source\ttarget\n" + "word " * 40_000 + "\t字\n", "utf-8")
    run = run_cli("check", path, "--fail-on", "never")
    assert run.code == 0 and "X003" in run.out, run.err


def test_markdown_report_escapes_html_from_the_input(run_cli, tmp_path):
    path = tmp_path / "md.tsv"
    path.write_text(
        "source\ttarget\n"
        "<script>alert(1)</script> Revenue was 5.\t<img src=x onerror=y> 營收為6。\n",
        "utf-8",
    )
    assert run_cli("report", path, "-o", tmp_path / "r.md").code == 0
    text = (tmp_path / "r.md").read_text("utf-8")
    assert "<script>" not in text and "<img" not in text and "&lt;script&gt;" in text


def test_broken_pipe_still_says_findings_were_seen(tmp_path):
    sample = Path(__file__).parents[1] / "corpora" / "okta-q3-fy2019-earnings-call.en-zhtw.txt"
    command = [sys.executable, "-m", "align", "check", str(sample)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None
    child.stdout.readline()
    child.stdout.close()  # like `| head -1`
    child.wait(timeout=120)
    assert child.returncode == 1  # the sample's error (line 49) comes after the pipe closed
    assert b"Traceback" not in (child.stderr.read() if child.stderr else b"")


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_a_late_input_error_leaves_no_half_document_on_stdout(tmp_path, fmt):
    path = tmp_path / "late.txt"
    path.write_bytes(b"".join(f"Hello {i}.\n".encode() + "你好。\n".encode() for i in range(300))
                     + b"Bye \xff.\n")  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "align", "check", str(path), "--format", fmt],
        capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and b"invalid utf-8 byte" in done.stderr
    assert done.stdout == b""
