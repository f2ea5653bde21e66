"""Reviewer decisions in SQLite, keyed by finding fingerprint so they survive re-runs.

One row per finding: status (``accepted`` a real error, ``false-positive``, ``fixed``, or
``open`` with just a note), note, reviewer, time; and an append-only log of every decision
and undo (who, when, what). WAL mode and a commit per decision: killing the process loses
nothing that was decided. Two reviewers may share a database: an undo takes back only one's
own decision, and only while nobody has decided the finding since. A file that is not an
align review database (or is damaged) is refused, never overwritten.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import astuple, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from align.errors import InputError
from align.fingerprint import known_as
from align.models import Finding, PairResult, Status

STATUSES = tuple(Status)
SCHEMA_VERSION = 1
_APPLICATION_ID = 0x616C6E31  # "aln1": marks the file as ours
_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    fingerprint TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'false-positive', 'fixed')),
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    line INTEGER NOT NULL DEFAULT 0
)
"""


# Every decision and undo, never updated or deleted: who decided what, when (the decisions
# table is the current view of it). Added alongside schema 1; older align ignores it.
_LOG_SCHEMA = """
CREATE TABLE IF NOT EXISTS decision_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    code TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    line INTEGER NOT NULL DEFAULT 0
)
"""


@dataclass(frozen=True)
class Decision:
    fingerprint: str
    code: str
    status: str
    note: str
    reviewer: str
    decided_at: str
    path: str = ""
    line: int = 0


def reviewer_name() -> str:
    """Who decides: ``$ALIGN_REVIEWER``, else the login name."""
    name = os.environ.get("ALIGN_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def default_db_path(input_path: str) -> Path:
    """``.align/review.sqlite`` in the folder of the input file."""
    return Path(input_path).resolve().parent / ".align" / "review.sqlite"


def decided_findings(
    result: PairResult, decisions: Mapping[str, Decision]
) -> tuple[Finding, ...] | None:
    """The result's findings with their status and note taken from ``decisions``; ``None``
    when none of them is decided. The score is the runner's (``align.run.settle``)."""
    if not decisions:
        return None
    decided = [known_as(f, result.pair, decisions) for f in result.findings]
    if not any(decided):
        return None
    return tuple(
        # A status this align does not know (a newer one's) leaves the finding open.
        replace(f, status=Status.read(d.status), note=d.note)
        if key and (d := decisions[key])
        else f
        for f, key in zip(result.findings, decided, strict=True)
    )


_COLUMNS = "fingerprint, code, status, note, reviewer, decided_at, path, line"


class ReviewStore:
    def __init__(self, path: str | Path, *, read_only: bool = False):
        """Open (or, unless ``read_only``, create) the database at ``path``. ``read_only`` is
        for commands that only read decisions (check, baseline): they never switch the file
        to WAL, create a schema in it, or need to write where it lies."""
        self.path = Path(path)
        existed = self.path.exists() and self.path.stat().st_size > 0
        if read_only and not existed:
            raise InputError("no such review database", path=str(self.path))
        try:
            if not existed:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            target = f"{self.path.resolve().as_uri()}?mode=ro" if read_only else self.path
            self.connection = sqlite3.connect(
                target, uri=read_only, timeout=10, isolation_level=None, check_same_thread=False
            )
            if existed:
                self._verify()
            else:
                self._create()
            if not read_only:
                self.connection.execute(_LOG_SCHEMA)
                self.connection.execute("PRAGMA journal_mode=WAL")
                self.connection.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            self._refuse(str(exc))
        except OSError as exc:  # a read-only folder for the default .align/review.sqlite
            raise InputError(
                f"cannot create the review database here ({exc.strerror}); pass --db FILE "
                "in a folder you can write to",
                path=str(self.path),
            ) from None

    def _refuse(self, why: str) -> None:
        raise InputError(
            f"not a usable align review database ({why}); it was left untouched. Move it "
            f"aside (mv '{self.path}' '{self.path}.bad') to start a new one, or pass --db",
            path=str(self.path),
        )

    def _create(self) -> None:
        self.connection.execute(f"PRAGMA application_id={_APPLICATION_ID}")
        self.connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self.connection.execute(_SCHEMA)

    def _verify(self) -> None:
        app_id = self.connection.execute("PRAGMA application_id").fetchone()[0]
        if app_id != _APPLICATION_ID:
            self._refuse("it was not made by align")
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            self._refuse(f"schema {version} is newer than this align understands")
        check = self.connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            self._refuse(f"integrity check failed: {check}")
        columns = [row[1] for row in self.connection.execute("PRAGMA table_info(decisions)")]
        if not columns:
            self._refuse("it has no decisions table")
        missing = [c for c in _COLUMNS.split(", ") if c not in columns]
        if missing:
            self._refuse(f"its decisions table lacks {', '.join(missing)}")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def decide(
        self, fingerprint: str, code: str, status: str, *, note: str | None = None,
        path: str = "", line: int = 0,
    ) -> Decision:  # fmt: skip
        """Record a decision now (committed before this returns)."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        previous = self.get(fingerprint)
        if note is None:
            note = previous.note if previous else ""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        decision = Decision(fingerprint, code, status, note, reviewer_name(), now, path, line)
        with self._transaction():
            self._put(decision)
            self._log("decide", decision)
        return decision

    def undo(self, mine: Decision, previous: Decision | None) -> bool:
        """Take back ``mine`` (restoring ``previous``) if it is still the current decision;
        if another reviewer has decided since, leave theirs and return False."""
        with self._transaction():
            if self.get(mine.fingerprint) != mine:
                return False
            if previous is None:
                self.connection.execute(
                    "DELETE FROM decisions WHERE fingerprint = ?", (mine.fingerprint,)
                )
            else:
                self._put(previous)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            self._log("undo", replace(mine, reviewer=reviewer_name(), decided_at=now))
        return True

    def log(self) -> list[tuple[str, Decision]]:
        """Every decision and undo, oldest first: ``(action, decision)``."""
        rows = self.connection.execute(
            f"SELECT action, {_COLUMNS} FROM decision_log ORDER BY id"
        ).fetchall()
        return [(row[0], Decision(*row[1:])) for row in rows]

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        # BEGIN IMMEDIATE: two reviewers on one database decide one after the other.
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _put(self, decision: Decision) -> None:
        self.connection.execute(
            f"INSERT OR REPLACE INTO decisions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            astuple(decision),  # the fields in _COLUMNS order
        )

    def _log(self, action: str, decision: Decision) -> None:
        self.connection.execute(
            f"INSERT INTO decision_log (action, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (action, *astuple(decision)),
        )

    def get(self, fingerprint: str) -> Decision | None:
        row = self.connection.execute(
            f"SELECT {_COLUMNS} FROM decisions WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        return Decision(*row) if row else None

    def all(self) -> dict[str, Decision]:
        rows = self.connection.execute(f"SELECT {_COLUMNS} FROM decisions").fetchall()
        return {row[0]: Decision(*row) for row in rows}
