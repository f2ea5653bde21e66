"""The command palette's entries (ctrl+p): filters, jumps to a rule, the HTML export.

A mixin of ``ReviewApp``, placed after ``App`` in its bases: the names annotated here are the
app's, so nothing here shadows Textual's own methods.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from align.rules.base import FAMILIES, REGISTRY
from tui.queue import ReviewQueue

if TYPE_CHECKING:
    from tui.widgets.tables import QueueTable


class PaletteCommands:
    queue: ReviewQueue
    shown: list[int]
    queue_table: QueueTable

    if TYPE_CHECKING:  # provided by ReviewApp and Textual's App

        def refresh_queue(self, *, keep_selection: bool = False) -> None: ...
        def export_report(self) -> None: ...
        def notify(self, message: str, *, timeout: float | None = None) -> None: ...

    def set_family(self, family: str | None) -> None:
        self.queue.family = family
        self.refresh_queue()

    def toggle_all_pairs(self) -> None:
        self.queue.flagged_only = not self.queue.flagged_only
        self.refresh_queue(keep_selection=True)

    def toggle_undecided(self) -> None:
        self.queue.undecided_only = not self.queue.undecided_only
        self.refresh_queue()

    def clear_filters(self) -> None:
        self.queue.severity = self.queue.family = None
        self.queue.undecided_only, self.queue.search = False, ""
        self.refresh_queue()

    def jump_to_rule(self, code: str) -> None:
        table = self.queue_table
        for row, index in enumerate(self.shown):
            if any(f.code == code for f in self.queue.results[index].findings):
                table.move_cursor(row=row, animate=False)
                return
        self.notify(f"No pair with {code} in view.", timeout=2)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Filter: clear all filters", "Show every pair", self.clear_filters)
        yield SystemCommand("Filter: all pairs / flagged only", "Also show pairs with no finding",
                            self.toggle_all_pairs)  # fmt: skip
        yield SystemCommand("Filter: undecided only", "Toggle pairs with open findings only",
                            self.toggle_undecided)  # fmt: skip
        for family, what in FAMILIES.items():
            yield SystemCommand(f"Filter: family {family}", f"Only pairs with {what} findings",
                                lambda f=family: self.set_family(f))  # fmt: skip
        for code in sorted({f.code for r in self.queue.results for f in r.findings}):
            yield SystemCommand(f"Jump to rule {code}", REGISTRY[code].name,
                                lambda c=code: self.jump_to_rule(c))  # fmt: skip
        yield SystemCommand("Export: HTML report", "Write align-review-report.html beside the db",
                            self.export_report)  # fmt: skip
