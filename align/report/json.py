"""The ``align.report/1`` contract: JSON (one object) and JSONL (a pair per line, then summary).

Other tools parse this output; fields are only ever added (``structural`` and ``note`` on a
pair are additions to the DESIGN.md example). Both writers stream:
pairs are written as they are checked, so memory stays flat on large inputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from align import __version__
from align.models import Finding, InputInfo, PairResult, Segment
from align.report.context import ReportContext

SCHEMA = "align.report/1"


def segment_dict(segment: Segment | None) -> dict[str, Any] | None:
    if segment is None:
        return None
    return {"text": segment.text, "path": segment.path, "lines": list(segment.lines)}


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "source_span": finding.source_span.as_list() if finding.source_span else None,
        "target_span": finding.target_span.as_list() if finding.target_span else None,
        "source_text": finding.source_text,
        "target_text": finding.target_text,
        "fingerprint": finding.fingerprint,
        "status": finding.status,
        **({"baseline": True} if finding.baseline else {}),
        **({"note": finding.note} if finding.note else {}),
    }


def pair_dict(result: PairResult) -> dict[str, Any]:
    pair = result.pair
    data: dict[str, Any] = {
        "id": pair.id,
        "source": segment_dict(pair.source),
        "target": segment_dict(pair.target),
        "kind": pair.kind,
        "score": result.score,
        "findings": [finding_dict(f) for f in result.findings],
    }
    if result.sentences:
        data["sentences"] = [
            {"source": link.source.as_list(), "target": link.target.as_list()}
            for link in result.sentences
        ]
    if pair.structural:
        data["structural"] = True
    if pair.note:
        data["note"] = pair.note
    return data


def input_dict(info: InputInfo) -> dict[str, Any]:
    return {
        "path": info.path,
        "format": info.format,
        "source_lang": info.source_lang,
        "target_lang": info.target_lang,
    }


def tool_dict(signature: str) -> dict[str, Any]:
    return {"name": "align", "version": __version__, "signature": signature}


# Characters that JSON leaves raw inside strings but that some readers take for line breaks
# (Python's str.splitlines, JavaScript before ES2019): escaped, so one JSONL record is one line.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _dumps(value: Any, indent: int | None) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    for char, escaped in _LINE_BREAKS.items():
        if char in text:  # rare: a scan is far cheaper than translating every record
            text = text.replace(char, escaped)
    return text


def write_json(out: TextIO, results: Iterable[PairResult], context: ReportContext) -> None:
    """One JSON object in contract key order; ``summary`` is filled while pairs stream out."""
    inputs, summary, signature = context.inputs, context.summary, context.signature
    out.write("{\n")
    out.write(f'  "schema": {_dumps(SCHEMA, None)},\n')
    out.write(f'  "tool": {_dumps(tool_dict(signature), None)},\n')
    out.write(f'  "inputs": {_dumps([input_dict(i) for i in inputs], None)},\n')
    out.write('  "pairs": [')
    for index, result in enumerate(results):
        summary.add(result)
        out.write("," if index else "")
        out.write("\n    " + _dumps(pair_dict(result), None))
    out.write("\n  ],\n")
    out.write(f'  "summary": {_dumps(summary.to_dict(), None)}\n')
    out.write("}\n")


def write_jsonl(out: TextIO, results: Iterable[PairResult], context: ReportContext) -> None:
    inputs, summary, signature = context.inputs, context.summary, context.signature
    for result in results:
        summary.add(result)
        out.write(_dumps(pair_dict(result), None) + "\n")
    final = {
        "summary": summary.to_dict(),
        "schema": SCHEMA,
        "tool": tool_dict(signature),
        "inputs": [input_dict(i) for i in inputs],
    }
    out.write(_dumps(final, None) + "\n")
