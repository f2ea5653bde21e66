"""Plain text: one line per finding, ``path:line: CODE severity message``, then a summary."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from align.models import Finding, InputInfo, PairResult, RunSummary


def finding_location(result: PairResult, finding: Finding) -> tuple[str, int]:
    """Where a finding points: the Chinese line when it has a target span, else the English."""
    pair = result.pair
    side = pair.target if finding.target_span is not None and pair.target else pair.source
    side = side or pair.target
    return (side.path, side.line) if side else (pair.path, pair.line)


def summary_line(summary: RunSummary) -> str:
    counts = ", ".join(f"{n} {sev}" for sev, n in summary.by_severity.items())
    return (
        f"{summary.pairs} pairs, {summary.flagged} flagged ({counts}); "
        f"mean score {summary.score_mean:.3f}"
    )


def write_text(
    out: TextIO,
    results: Iterable[PairResult],
    inputs: list[InputInfo],
    summary: RunSummary,
    signature: str,
) -> None:
    for result in results:
        summary.add(result)
        for finding in result.findings:
            if finding.status != "open":
                continue
            path, line = finding_location(result, finding)
            out.write(f"{path}:{line}: {finding.code} {finding.severity.value} {finding.message}\n")
    out.write(summary_line(summary) + "\n")
    out.write(f"signature: {signature}\n")
