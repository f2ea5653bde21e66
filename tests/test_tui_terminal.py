"""End to end: the installed `align review` in a real pseudo-terminal, read like a person would.

pexpect runs the program on a pty; pyte plays the terminal, so the test reads the screen as
characters on a grid, presses keys, and checks the review database afterwards.
"""

import sqlite3
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from tests.processes import children_of, running

SMALL = Path(__file__).parent / "data" / "small.txt"
ROWS, COLUMNS = 40, 140


ROOT = Path(__file__).resolve().parents[1]


def checkout_align(*args: str) -> tuple[str, list[str]]:
    """``python -m align ARGS`` from this checkout (``PYTHONPATH`` below), not whatever
    ``align`` an editable install of another checkout would run."""
    return sys.executable, ["-m", "align", *args]


class Terminal:
    def __init__(
        self, command: str, args: list[str], cwd: Path, *, size: tuple[int, int] = (COLUMNS, ROWS),
        env: dict[str, str] | None = None,
    ):  # fmt: skip
        columns, rows = size
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        env = {"TERM": "xterm-256color", "ALIGN_REVIEWER": "e2e", "PYTHONPATH": str(ROOT),
               "PATH": str(Path(command).parent), **(env or {})}  # fmt: skip
        self.child = pexpect.spawn(command, args, cwd=str(cwd), env=env,
                                   dimensions=(rows, columns))  # fmt: skip

    def pump(self) -> None:
        try:
            while True:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.1))
        except (pexpect.TIMEOUT, pexpect.EOF):
            pass

    def text(self) -> str:
        self.pump()
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, seconds: float = 30) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.text()
            if needle in shown:
                return shown
        raise AssertionError(f"{needle!r} never appeared; screen:\n{self.text()}")

    def press(self, keys: str) -> None:
        self.child.send(keys)
        time.sleep(0.3)


def test_review_in_a_real_terminal(tmp_path):
    doc = tmp_path / "small.txt"
    doc.write_bytes(SMALL.read_bytes())
    db = tmp_path / "decisions.sqlite"
    terminal = Terminal(*checkout_align("review", str(doc), "--db", str(db)), tmp_path)
    try:
        screen = terminal.wait_for("2 of 6 pairs")
        assert "worst first" in screen and "Accept" in screen
        terminal.wait_for("A001")  # worst first: the line with no translation (score 0)
        terminal.press("f")  # its only finding: the pair is done, on to the next open one
        terminal.wait_for("done")
        terminal.wait_for("translation repeats the source verbatim")  # "Thank you." in English
        terminal.press("a")
        terminal.wait_for("✔ real")
        terminal.press("q")
        terminal.child.expect(pexpect.EOF, timeout=20)
    finally:
        terminal.child.close(force=True)
    rows = sqlite3.connect(db).execute("SELECT code, status, reviewer FROM decisions").fetchall()
    assert sorted(rows) == [("A001", "false-positive", "e2e"), ("L001", "accepted", "e2e")]


def test_killing_review_leaves_no_worker_behind(tmp_path):
    import os
    import signal

    from tests.paths import SAMPLE

    if not Path("/proc/self/stat").exists():
        pytest.skip("reads /proc")
    doc = tmp_path / "big.txt"
    doc.write_bytes(SAMPLE.read_bytes() * 20)  # long enough that workers are still checking
    term = Terminal(*checkout_align("review", str(doc), "--db", str(tmp_path / "r.sqlite")),
                    tmp_path)  # fmt: skip
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not workers:
        term.pump()
        workers = children_of(term.child.pid)
    assert workers, "the review app started no worker process"
    os.kill(term.child.pid, signal.SIGKILL)
    if term.child.isalive():
        term.child.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(running(w) for w in workers):
        time.sleep(0.05)
    assert not any(running(w) for w in workers)


def test_review_at_80x24_help_scrolls_and_the_editor_gets_the_terminal(tmp_path):
    from tests.paths import SAMPLE

    doc = tmp_path / "sample.txt"
    doc.write_bytes(SAMPLE.read_bytes())
    # A stand-in for vi: it takes over the terminal, shows where it was sent, waits for enter.
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\nprint('EDITING', *sys.argv[1:])\ninput()\n", "utf-8")
    terminal = Terminal(*checkout_align("review", doc.name, "--db", "r.db"),
                        tmp_path, size=(80, 24),
                        env={"VISUAL": f"{sys.executable} {editor}"})  # fmt: skip
    try:
        terminal.wait_for("decided 0 of")
        screen = terminal.wait_for("AdAdobe")  # the only error first, its span on screen
        assert "48–49" in screen
        terminal.press("?")
        assert "command palette" not in terminal.wait_for("Keys")
        terminal.press("\x1b[F")  # End
        terminal.wait_for("command palette")
        terminal.press("\x1b")
        terminal.press("o")
        terminal.wait_for("EDITING +49 sample.txt")  # the finding's line: the Chinese side
        terminal.press("\r")
        terminal.wait_for("decided 0 of")  # back in the app, the file checked again
        terminal.press("q")
        terminal.child.expect(pexpect.EOF, timeout=20)
    finally:
        terminal.child.close(force=True)
