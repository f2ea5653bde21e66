"""Batch reports for people: per-document totals, a score histogram and the worst pairs.

The checks stream; per document only totals, a score histogram and the worst pairs are kept,
so a batch of any size fits in memory. The writers are in ``html``, ``markdown`` and ``csv``;
``write_report`` picks one by format.
"""

from __future__ import annotations

import heapq
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO

from align.models import Finding, InputInfo, PairResult, RunSummary, Status
from align.report.context import ReportContext

BINS = 10
# Flagged pairs shown per document, worst first (every one of them, up to this many: the
# report says when there were more), and in the all-documents roll-up.
WORST = 2000
WORST_OVERALL = 10
# Orders the worst pairs of equal score across documents (earlier first): the heap must never
# compare two results, and a position within one document repeats in the next.
_ARRIVAL = itertools.count()


@dataclass
class DocumentStats:
    info: InputInfo
    summary: RunSummary = field(default_factory=RunSummary)
    histogram: list[int] = field(default_factory=lambda: [0] * BINS)
    # (−score, −arrival, result): the lowest-scoring flagged pairs, kept with a bounded heap.
    _worst: list[tuple[float, int, PairResult]] = field(default_factory=list)

    def add(self, result: PairResult) -> None:
        self.summary.add(result)
        self.histogram[min(int(result.score * BINS), BINS - 1)] += 1
        if any(f.is_open for f in result.findings):
            item = (-result.score, -next(_ARRIVAL), result)
            if len(self._worst) < WORST:
                heapq.heappush(self._worst, item)
            else:
                heapq.heappushpop(self._worst, item)

    @property
    def worst(self) -> list[PairResult]:
        return [r for _, _, r in sorted(self._worst, key=lambda x: (-x[0], -x[1]))]


def rollup(documents: Iterable[DocumentStats]) -> DocumentStats:
    total = DocumentStats(InputInfo("all documents", "batch"))
    for doc in documents:
        total.summary.merge(doc.summary)
        total.histogram = [a + b for a, b in zip(total.histogram, doc.histogram, strict=True)]
        for item in doc._worst:
            heapq.heappush(total._worst, item)
            if len(total._worst) > WORST_OVERALL:
                heapq.heappop(total._worst)
    return total


def display_path(path: str) -> str:
    """``path`` relative to the working folder when it is under it (reports get shared)."""
    if not path or not os.path.isabs(path):
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def decision_text(finding: Finding) -> str:
    """`` [false-positive: a greeting]`` for a decided finding, "" for an open one."""
    if finding.status == Status.OPEN and not finding.note:
        return ""
    note = f": {finding.note}" if finding.note else ""
    return f" [{finding.status}{note}]"


def write_report(
    out: TextIO,
    fmt: str,
    indexed: Iterator[tuple[int, PairResult]],
    infos: list[InputInfo],
    signature: str,
    *,
    title: str = "align report",
) -> None:
    """The batch report ``fmt`` (html, md, csv or json) of ``(document index, result)``."""
    if fmt == "json":
        from align.report.json import write_json

        write_json(out, (result for _, result in indexed), ReportContext(infos, signature))
    elif fmt == "csv":
        from align.report.csv import write_csv

        write_csv(out, (result for _, result in indexed))
    else:
        stats = [DocumentStats(info) for info in infos]
        for index, result in indexed:
            stats[index].add(result)
        if fmt == "html":
            from align.report.html import write_html

            write_html(out, stats, signature, title=title)
        else:
            from align.report.markdown import write_markdown

            write_markdown(out, stats, signature)
