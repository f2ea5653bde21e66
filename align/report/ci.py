"""Machine-readable outputs for CI: JUnit XML, SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from lxml import etree

from align import __version__
from align.fingerprint import legacy_fingerprint
from align.models import Finding, Pair, PairResult, Severity
from align.report.context import ReportContext, open_findings
from align.rules.base import REGISTRY, select_rules
from align.textio import xml_safe

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def write_junit(out: TextIO, results: Iterable[PairResult], context: ReportContext) -> None:
    """A testsuite per input file, a testcase per pair; failures at or above --fail-on."""
    root = etree.Element("testsuites", name="align")
    for path, group in groupby(results, key=lambda r: r.pair.path):
        suite = etree.SubElement(root, "testsuite", name=xml_safe(path))
        tests = failures = 0
        for result in group:
            context.summary.add(result)
            tests += 1
            case = etree.SubElement(
                suite, "testcase", name=xml_safe(result.pair.id), classname=xml_safe(path),
                file=xml_safe(path),
                line=str(result.pair.line),
            )  # fmt: skip
            failing = [f for f in result.findings if context.fails(f)]
            if failing:
                failures += 1
            for finding in failing:
                failure = etree.SubElement(
                    case, "failure", type=finding.code, message=xml_safe(finding.message)
                )
                failure.text = xml_safe(
                    f"{finding.code} {finding.name} ({finding.severity.value})\n"
                    f"source: {result.pair.source_text}\ntarget: {result.pair.target_text}"
                )
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
    root.set("tests", str(context.summary.pairs))
    root.set("failures", str(sum(int(s.get("failures", "0")) for s in root)))
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(etree.tostring(root, encoding="unicode", pretty_print=True))


def _sarif_rule(code: str) -> dict[str, object]:
    rule = REGISTRY[code]
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def write_sarif(out: TextIO, results: Iterable[PairResult], context: ReportContext) -> None:
    """SARIF 2.1.0: every open finding, with its rule's help text and a file/line/column.

    Streams: the log is written around its ``results`` array, one result at a time, so
    memory does not grow with the input (it did: 383 MB for a 200 MB input)."""
    rules = [r.code for r in select_rules()]
    index = {code: i for i, code in enumerate(rules)}
    placeholder = "\u0000results\u0000"
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "align",
                        "version": __version__,
                        "rules": [_sarif_rule(code) for code in rules],
                    }
                },
                "results": placeholder,
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "properties": {"signature": "\u0000signature\u0000"},
            }
        ],
    }
    head, tail = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(placeholder))
    out.write(head + "[")
    first = True
    for result, finding, (path, line, column) in open_findings(results, context):
        out.write(("\n" if first else ",\n") + json.dumps(
            _sarif_result(result.pair, finding, path, line, column, index[finding.code]),
            ensure_ascii=False,
        ))  # fmt: skip
        first = False
    # The signature is known once every result has been read (it names the run's settings).
    tail = tail.replace(json.dumps("\u0000signature\u0000"), json.dumps(context.signature))
    out.write(("\n      " if not first else "") + "]" + tail + "\n")


def _sarif_result(
    pair: Pair, finding: Finding, path: str, line: int, column: int, rule_index: int
) -> dict[str, object]:
    span = finding.target_span or finding.source_span
    region: dict[str, int] = {"startLine": line, "startColumn": column}
    if span is not None:
        region["endColumn"] = column + span.end - span.start
    # v2 follows the flagged sentences (align 0.4); v1, the whole pair's texts, stays so that
    # code scanning keeps matching the alerts it raised before.
    v1 = legacy_fingerprint(
        finding.code, pair.source_text, pair.target_text, finding.source_text, finding.target_text
    )
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": _artifact(path), "region": region}}
        ],
        "partialFingerprints": {
            "alignFingerprint/v1": v1,
            "alignFingerprint/v2": finding.fingerprint,
        },
    }


def _artifact(path: str) -> dict[str, str]:
    """A SARIF artifactLocation: a percent-encoded URI relative to %SRCROOT% (the working
    folder) for a file under it, else an absolute file URI. A raw path with a space or a # is
    not a URI reference, and SARIF viewers and GitHub code scanning reject it."""
    full = Path(path).resolve()
    try:
        relative = full.relative_to(Path.cwd().resolve())
    except ValueError:
        return {"uri": full.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(out: TextIO, results: Iterable[PairResult], context: ReportContext) -> None:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    for _, finding, (path, line, column) in open_findings(results, context):
        title = _escape_property(f"{finding.code} {finding.name}")
        out.write(
            f"::{_GITHUB_LEVEL[finding.severity]} file={_escape_property(path)},line={line},"
            f"col={column},title={title}::{_escape_data(finding.message)}\n"
        )
