"""Output writers. Each takes ``(out, results, inputs, summary, signature)`` and streams."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from align.models import InputInfo, PairResult, RunSummary
from align.report.json import write_json, write_jsonl
from align.report.text import write_text

Writer = Callable[[TextIO, Iterable[PairResult], list[InputInfo], RunSummary, str], None]

WRITERS: dict[str, Writer] = {"text": write_text, "json": write_json, "jsonl": write_jsonl}
