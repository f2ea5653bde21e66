"""The queue of pairs and the selected pair's findings, as Textual tables."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import DataTable

from align.models import Finding, PairResult, Status
from align.report.context import finding_location, pair_lines
from tui.widgets.pair_view import SEVERITY_STYLES, STATUS_MARKS


def pair_label(result: PairResult, several_files: bool) -> str:
    """The pair's file lines (both sides); with several inputs, after its file name."""
    lines = pair_lines(result.pair)
    return f"{Path(result.pair.path).name}:{lines}" if several_files else lines


def review_cell(result: PairResult) -> str:
    open_count = sum(f.status == Status.OPEN for f in result.findings)
    return f"{open_count} open" if open_count else ("done" if result.findings else "")


class QueueTable(DataTable[str]):
    """One row per pair shown, keyed by its index in the queue's results."""

    def on_mount(self) -> None:
        for column in ("score", "pair", "worst", "findings", "review"):
            self.add_column(column, key=column)

    def fill(self, results: list[PairResult], shown: list[int], *, several_files: bool) -> None:
        self.clear()
        for index in shown:
            result = results[index]
            worst = result.worst
            self.add_row(
                f"{result.score:.2f}",
                pair_label(result, several_files),
                worst.value if worst else "",
                " ".join(sorted({f.code for f in result.findings})),
                review_cell(result),
                key=str(index),
            )

    def update_review(self, index: int, result: PairResult) -> None:
        self.update_cell(str(index), "review", review_cell(result))


class FindingsTable(DataTable[str]):
    """The selected pair's findings: the file line each points at, code, severity, review."""

    def on_mount(self) -> None:
        self.add_columns("line", "code", "severity", "review", "message", "note")

    def fill(self, result: PairResult) -> None:
        row = self.cursor_row or 0
        self.clear()
        for finding in result.findings:
            self.add_row(
                str(finding_location(result, finding)[1]),
                finding.code,
                f"[{SEVERITY_STYLES[finding.severity.value]}]{finding.severity.value}[/]",
                STATUS_MARKS.get(finding.status, finding.status),
                finding.message,
                finding.note,
            )
        if result.findings:
            self.move_cursor(row=min(row, len(result.findings) - 1), animate=False)


def finding_detail(finding: Finding) -> Text:
    """The highlighted finding in full (the table cuts long messages at its width)."""
    style = SEVERITY_STYLES[finding.severity.value]
    detail = Text.assemble((f"{finding.code} ", "bold"), (finding.severity.value, style),
                           "  ", finding.message)  # fmt: skip
    if finding.note:
        detail.append(f"  (note: {finding.note})", style="italic")
    return detail
