"""What every writer needs besides the results: inputs, running totals, signature, threshold."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from align.models import Finding, InputInfo, Pair, PairResult, RunSummary, Severity


@dataclass
class ReportContext:
    inputs: list[InputInfo]
    signature: str
    summary: RunSummary = field(default_factory=RunSummary)
    # Findings at or above this fail (JUnit failures, exit code); None: nothing fails.
    threshold: Severity | None = Severity.ERROR

    def fails(self, finding: Finding) -> bool:
        return self.threshold is not None and finding.is_open and finding.severity >= self.threshold


def open_findings(
    results: Iterable[PairResult], context: ReportContext
) -> Iterator[tuple[PairResult, Finding, tuple[str, int, int]]]:
    """Each open finding with its ``(path, line, column)``; every result goes into the totals."""
    for result in results:
        context.summary.add(result)
        for finding in result.findings:
            if finding.is_open:
                yield result, finding, finding_location(result, finding)


def pair_lines(pair: Pair) -> str:
    """The pair's file lines for people: ``48–49`` (an interleaved pair's English and Chinese
    line), ``12`` (a row); ``12↔14`` when the sides are in two files."""
    source = pair.source.lines if pair.source else ()
    target = pair.target.lines if pair.target else ()
    if pair.source and pair.target and pair.source.path != pair.target.path:
        return f"{source[0]}↔{target[0]}"
    lines = (*source, *target)
    if not lines:
        return "?"
    low, high = min(lines), max(lines)
    return str(low) if low == high else f"{low}–{high}"


def finding_location(result: PairResult, finding: Finding) -> tuple[str, int, int]:
    """``(path, line, column)`` a finding points at: the Chinese side when it has a target
    span, else the English; the column is 1-based within that line."""
    pair = result.pair
    use_target = finding.target_span is not None and pair.target is not None
    side = pair.target if use_target else (pair.source or pair.target)
    span = finding.target_span if use_target else finding.source_span
    if side is None:
        return pair.path, pair.line, 1
    return side.path, side.line, side.start + (span.start if span else 0) + 1
