"""The reviewer's decisions without a screen: bulk decisions and undo over a real database."""

from __future__ import annotations

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment
from align.review.store import ReviewStore
from tui.queue import ReviewQueue
from tui.session import ReviewSession, subject

PAIRS = [
    ("Revenue rose to $5 million.", "營收增至 600 萬美元。"),
    ("Costs were $7 million.", "成本為 800 萬美元。"),
    ("Again, revenue rose to $5 million.", "營收再次增至 600 萬美元。"),
]


def _session(tmp_path) -> ReviewSession:
    checker = Checker(Settings(select=("N",)))
    queue = ReviewQueue()
    queue.add([
        checker.check_pair(Pair(f"x:{i}", Segment(en, "x", (i,)), Segment(zh, "x", (i,))))
        for i, (en, zh) in enumerate(PAIRS, start=1)
    ])  # fmt: skip
    return ReviewSession(ReviewStore(tmp_path / "r.sqlite"), queue)


def _statuses(session: ReviewSession) -> list[str]:
    return [f.status for r in session.queue.results for f in r.findings]


def test_bulk_decision_covers_the_rule_and_subject_and_one_undo_takes_it_back(tmp_path):
    session = _session(tmp_path)
    first = session.queue.results[0].findings[0]
    assert subject(first) == "$5 million"
    assert session.decide_all(first, "false-positive") == 2
    assert _statuses(session) == ["false-positive", "open", "false-positive"]
    assert session.decide_all(first, "false-positive") == 0  # nothing left to change
    undone, kept = session.undo()
    assert len(undone) == 2 and kept == []
    assert _statuses(session) == ["open", "open", "open"]
    assert session.store.all() == {} and session.undo() is None


def test_undo_keeps_what_another_reviewer_decided_since(tmp_path, monkeypatch):
    session = _session(tmp_path)
    finding = session.queue.results[1].findings[0]
    monkeypatch.setenv("ALIGN_REVIEWER", "ana")
    session.decide(1, finding, "accepted", None)
    monkeypatch.setenv("ALIGN_REVIEWER", "ben")
    with ReviewStore(tmp_path / "r.sqlite") as other:
        other.decide(finding.fingerprint, finding.code, "fixed")
    undone, kept = session.undo()
    assert undone == [] and len(kept) == 1
    assert session.queue.results[1].findings[0].status == "fixed"  # ben's decision shows
