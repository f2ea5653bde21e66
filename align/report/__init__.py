"""Output writers. Each takes ``(out, results, context)`` and streams the results it is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from align.models import PairResult
from align.report.ci import write_github, write_junit, write_sarif
from align.report.context import ReportContext
from align.report.json import write_json, write_jsonl
from align.report.text import write_text

__all__ = ["WRITERS", "ReportContext", "Writer"]

Writer = Callable[[TextIO, Iterable[PairResult], ReportContext], None]

WRITERS: dict[str, Writer] = {
    "text": write_text,
    "json": write_json,
    "jsonl": write_jsonl,
    "junit": write_junit,
    "github": write_github,
    "sarif": write_sarif,
}
