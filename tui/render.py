"""Rich renderables for engine objects: a pair side by side with its finding spans marked."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from align.models import PairResult, Span

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


def _marked(text: str, spans: list[tuple[Span, str]]) -> Text:
    rich = Text(text)
    for span, code in spans:
        rich.stylize(FAMILY_STYLES.get(code[0], DEFAULT_STYLE), span.start, span.end)
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


def pair_table(result: PairResult) -> Table:
    """English and Chinese side by side, sentence by sentence, spans highlighted."""
    pair = result.pair
    source = _marked(pair.source_text, [(f.source_span, f.code) for f in result.findings
                                        if f.source_span])  # fmt: skip
    target = _marked(pair.target_text, [(f.target_span, f.code) for f in result.findings
                                        if f.target_span])  # fmt: skip
    table = Table(expand=True, show_lines=True, title=f"{pair.id} · {pair.kind} · "
                  f"score {result.score:.2f}", title_justify="left")  # fmt: skip
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
