"""Output writers. Each takes ``(out, results, context)`` and streams the results it is given.

Writers are imported when asked for: the CI formats need lxml, and a plain ``align check``
should not pay for loading it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TextIO

from align.models import PairResult
from align.report.context import ReportContext

__all__ = ["FORMATS", "ReportContext", "Writer", "writer"]

Writer = Callable[[TextIO, Iterable[PairResult], ReportContext], None]

# format → (module, function)
_WRITERS = {
    "text": ("align.report.text", "write_text"),
    "json": ("align.report.json", "write_json"),
    "jsonl": ("align.report.json", "write_jsonl"),
    "junit": ("align.report.ci", "write_junit"),
    "github": ("align.report.ci", "write_github"),
    "sarif": ("align.report.ci", "write_sarif"),
}
FORMATS = tuple(_WRITERS)


def writer(name: str) -> Writer:
    module, function = _WRITERS[name]
    return getattr(import_module(module), function)
