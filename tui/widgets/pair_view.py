"""The pair side by side with its finding spans marked: Rich renderables, and the panel that
shows them and scrolls the selected finding into view."""

from __future__ import annotations

from pathlib import PurePath

from rich.console import Console, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from align.models import Finding, PairResult, Span
from align.report.context import pair_lines

# Numbers and entities stand out differently from the other families.
FAMILY_STYLES = {
    "N": "bold black on yellow",
    "E": "bold black on bright_cyan",
    "L": "bold white on magenta",
    "P": "bold white on magenta",
}
DEFAULT_STYLE = "bold white on red"
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "dim"}
STATUS_MARKS = {"open": "•", "accepted": "✔ real", "false-positive": "✘ false", "fixed": "✚ fixed"}
# The selected finding's spans: reversed and underlined over their family colour, and tagged
# (meta) so that the app can find the line they were rendered on and scroll to it.
SELECTED = "reverse underline"
_SIDE = "align-selected"


def _marked(text: str, spans: list[tuple[Span, str]], selected: Span | None, side: str) -> Text:
    rich = Text(text)
    for span, code in spans:
        rich.stylize(FAMILY_STYLES.get(code[0], DEFAULT_STYLE), span.start, span.end)
    if selected is not None:
        style = Style.parse(SELECTED) + Style(meta={_SIDE: side})
        # A zero-width span (an insertion point) still gets one visible cell.
        rich.stylize(style, selected.start, max(selected.end, selected.start + 1))
    return rich


def _rows(result: PairResult) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Aligned sentence rows, plus a row for any text between them that has no counterpart
    (an omitted or added sentence must stay visible to the reviewer)."""
    rows = []
    src_at = tgt_at = 0
    source, target = result.pair.source_text, result.pair.target_text
    for link in result.sentences:
        gap = ((src_at, link.source.start), (tgt_at, link.target.start))
        if source[gap[0][0] : gap[0][1]].strip() or target[gap[1][0] : gap[1][1]].strip():
            rows.append(gap)
        rows.append(((link.source.start, link.source.end), (link.target.start, link.target.end)))
        src_at, tgt_at = link.source.end, link.target.end
    tail = ((src_at, len(source)), (tgt_at, len(target)))
    if source[src_at:].strip() or target[tgt_at:].strip():
        rows.append(tail)
    return rows


def pair_table(result: PairResult, selected: Finding | None = None) -> Table:
    """English and Chinese side by side, sentence by sentence, spans highlighted; the
    ``selected`` finding's spans emphasised."""
    pair = result.pair
    findings = result.findings
    source = _marked(pair.source_text, [(f.source_span, f.code) for f in findings if f.source_span],
                     selected.source_span if selected else None, "source")  # fmt: skip
    target = _marked(pair.target_text, [(f.target_span, f.code) for f in findings if f.target_span],
                     selected.target_span if selected else None, "target")  # fmt: skip
    title = f"{PurePath(pair.path).name} lines {pair_lines(pair)} · {pair.kind} · "
    table = Table(expand=True, show_lines=True, title=f"{title}score {result.score:.2f}",
                  title_justify="left")  # fmt: skip
    # fold: Chinese has no spaces to wrap at, so a sentence is one long "word" that the default
    # overflow would cut with "…", hiding the very span a finding points at.
    table.add_column("English", ratio=1, overflow="fold")
    table.add_column("中文", ratio=1, overflow="fold")
    if result.sentences:
        for src_range, tgt_range in _rows(result):
            table.add_row(source[src_range[0] : src_range[1]], target[tgt_range[0] : tgt_range[1]])
    else:
        missing = Text("(no translation)", style="italic red")
        table.add_row(source, target if pair.target is not None else missing)
    return table


def selected_line(renderable: RenderableType, console: Console, width: int) -> int | None:
    """The first line, rendered at ``width`` cells, that shows the selected finding's target
    span (else its source span); None if it has no span."""
    lines = console.render_lines(renderable, console.options.update_width(width), pad=False)
    found: dict[str, int] = {}
    for y, line in enumerate(lines):
        for segment in line:
            side = segment.style.meta.get(_SIDE) if segment.style else None
            if side is not None:
                found.setdefault(side, y)
        if "target" in found:
            break
    return found.get("target", found.get("source"))


class PairPanel(VerticalScroll):
    """The selected pair side by side; ``show`` also scrolls the selected finding's span
    (its target span, else its source span) into view, however long the pair."""

    def compose(self) -> ComposeResult:
        yield Static("Checking…", id="pair-view")

    def on_mount(self) -> None:
        self.view = self.query_one("#pair-view", Static)
        self.shown: tuple[PairResult, Finding | None] | None = None
        self.table: Table | None = None
        # (width, line) of the selected span in ``table`` as last measured.
        self.measured: tuple[int, int | None] | None = None

    def message(self, text: str) -> None:
        """No pair to show: say why (checking, no findings, nothing matches the filter)."""
        self.shown = self.table = self.measured = None
        self.view.update(text)

    def show(self, result: PairResult, finding: Finding | None) -> None:
        # The findings list re-announces its row after every refill: draw only what changed,
        # but scroll every time (the first call may come before the panel has a width).
        if self.shown is None or self.shown[0] is not result or self.shown[1] is not finding:
            self.shown, self.table = (result, finding), pair_table(result, finding)
            self.measured = None
            self.view.update(self.table)
        self.call_after_refresh(self.scroll_to_finding)

    def scroll_to_finding(self) -> None:
        """Scroll so that the selected span's first line is in view; the line is found by
        rendering the drawn table at the panel's width, once per width."""
        width = self.view.content_region.width
        if self.table is None or width <= 0:
            return
        if self.measured is None or self.measured[0] != width:
            self.measured = (width, selected_line(self.table, self.app.console, width))
        line = self.measured[1]
        if line is None:
            self.scroll_home(animate=False)
        else:
            self.scroll_to_region(Region(0, line, width, 1), animate=False, immediate=True)
