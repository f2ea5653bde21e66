"""A reviewer's decisions on the queue, with undo: the logic of `a`/`f`/`x`, `A`/`F`/`X`
and `u`, kept apart from Textual so that it can be tested and reused without a screen."""

from __future__ import annotations

from dataclasses import dataclass, field

from align.models import Finding, Status
from align.review.store import Decision, ReviewStore
from tui.queue import ReviewQueue


@dataclass(frozen=True)
class UndoEntry:
    index: int
    finding: Finding
    previous: Decision | None
    mine: Decision  # what this reviewer wrote: undone only while it is still the decision


# One undo step: a single decision, or every decision of a bulk action.
UndoStep = tuple[UndoEntry, ...]


def subject(finding: Finding) -> str:
    """What a finding is about, for bulk decisions: its source span's text (the name, the
    number), else its target span's."""
    return finding.source_text or finding.target_text


@dataclass
class ReviewSession:
    store: ReviewStore
    queue: ReviewQueue
    undo_stack: list[UndoStep] = field(default_factory=list)

    def _decide(self, index: int, finding: Finding, status: str, note: str | None) -> UndoEntry:
        previous = self.store.get(finding.fingerprint)
        pair = self.queue.results[index].pair
        decision = self.store.decide(
            finding.fingerprint, finding.code, status, note=note, path=pair.path, line=pair.line
        )
        self.queue.set_status(index, finding.fingerprint, decision.status, decision.note)
        return UndoEntry(index, finding, previous, decision)

    def decide(self, index: int, finding: Finding, status: str, note: str | None) -> None:
        self.undo_stack.append((self._decide(index, finding, status, note),))

    def decide_all(self, chosen: Finding, status: str) -> int:
        """Decide every finding with ``chosen``'s rule and subject (all E106 for one name),
        in every pair, as one undo step; how many were decided."""
        key = (chosen.code, subject(chosen))
        step = [
            self._decide(index, finding, status, finding.note or None)
            for index, result in enumerate(self.queue.results)
            for finding in result.findings
            if (finding.code, subject(finding)) == key and finding.status != status
        ]
        if step:
            self.undo_stack.append(tuple(step))
        return len(step)

    def undo(self) -> tuple[list[UndoEntry], list[UndoEntry]] | None:
        """Take back the last step: (entries undone, entries another reviewer has decided
        since, whose decisions stay and show); None if there is nothing to undo."""
        if not self.undo_stack:
            return None
        undone: list[UndoEntry] = []
        kept: list[UndoEntry] = []
        for entry in reversed(self.undo_stack.pop()):
            (undone if self._undo_one(entry) else kept).append(entry)
        return undone, kept

    def _undo_one(self, entry: UndoEntry) -> bool:
        if not self.store.undo(entry.mine, entry.previous):
            current = self.store.get(entry.finding.fingerprint)
            if current is not None:
                self.queue.set_status(entry.index, current.fingerprint, current.status,
                                      current.note)  # fmt: skip
            return False
        status = entry.previous.status if entry.previous else Status.OPEN
        note = entry.previous.note if entry.previous else ""
        self.queue.set_status(entry.index, entry.finding.fingerprint, status, note)
        return True
