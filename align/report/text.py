"""Plain text: one line per finding, ``path:line: CODE severity message``, then a summary."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from align.models import PairResult, RunSummary
from align.report.context import ReportContext, open_findings


def summary_line(summary: RunSummary) -> str:
    counts = ", ".join(f"{n} {sev}" for sev, n in summary.by_severity.items())
    return (
        f"{summary.pairs} pairs, {summary.flagged} flagged ({counts}); "
        f"mean score {summary.score_mean:.3f}"
    )


def write_text(out: TextIO, results: Iterable[PairResult], context: ReportContext) -> None:
    summary = context.summary
    for _, finding, (path, line, _) in open_findings(results, context):
        out.write(f"{path}:{line}: {finding.code} {finding.severity.value} {finding.message}\n")
    out.write(summary_line(summary) + "\n")
    if summary.stale_baseline is not None:
        out.write(
            f"baseline: {summary.baselined} known findings matched, "
            f"{len(summary.stale_baseline)} baseline entries no longer occur\n"
        )
    out.write(f"signature: {context.signature}\n")
