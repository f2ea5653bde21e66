"""The batch report as CSV: one row per finding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from align.models import PairResult
from align.report.context import finding_location

CSV_COLUMNS = ("path", "line", "column", "pair", "code", "name", "severity", "status", "message",
               "source_text", "target_text", "score", "fingerprint")  # fmt: skip


def write_csv(out: TextIO, results: Iterable[PairResult]) -> None:
    """One row per finding (streams)."""
    import csv

    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for result in results:
        for f in result.findings:
            path, line, column = finding_location(result, f)
            writer.writerow([path, line, column, result.pair.id, f.code, f.name,
                             f.severity.value, f.status, f.message, f.source_text,
                             f.target_text, result.score, f.fingerprint])  # fmt: skip
