"""Baselines: the findings a project has accepted, so CI fails only on new ones.

A baseline is a JSON file (``align.baseline/1``) of findings keyed by their fingerprint (rule
code + normalised texts, not line numbers): inserting lines elsewhere keeps them matched,
editing the pair's text makes a new finding. Entries that no longer occur are reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from align import __version__
from align.errors import InputError
from align.fingerprint import known_as
from align.models import Finding, PairResult, Status
from align.report.context import finding_location

SCHEMA = "align.baseline/1"


def write_baseline(out: TextIO, results: Iterable[PairResult]) -> int:
    """Write every finding of ``results`` not marked fixed, with its review status (a false
    positive belongs in the baseline so it never fails CI); returns how many."""
    entries = []
    for result in results:
        for finding in result.findings:
            if finding.status == Status.FIXED or finding.baseline:
                continue
            path, line, _ = finding_location(result, finding)
            entries.append(
                {
                    "fingerprint": finding.fingerprint,
                    "code": finding.code,
                    "path": path,
                    "line": line,
                    "message": finding.message,
                    "source_text": finding.source_text,
                    "target_text": finding.target_text,
                    "status": finding.status,
                    **({"note": finding.note} if finding.note else {}),
                }
            )
    data = {"schema": SCHEMA, "tool": {"name": "align", "version": __version__},
            "findings": entries}  # fmt: skip
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


class Baseline:
    """Marks findings found in the baseline, and remembers which entries were seen."""

    def __init__(self, entries: dict[str, dict[str, Any]]):
        self.entries = entries
        self.seen: set[str] = set()

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), path=str(path)) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"not a baseline file: {exc}", path=str(path)) from None
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise InputError(f'not a baseline file (expected "schema": "{SCHEMA}")', path=str(path))
        findings = data.get("findings")
        if not isinstance(findings, list) or not all(
            isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in findings
        ):
            raise InputError("baseline findings must be objects with a fingerprint",
                             path=str(path))  # fmt: skip
        return cls({e["fingerprint"]: e for e in findings})

    def mark(self, result: PairResult) -> tuple[Finding, ...]:
        """The result's findings, those in the baseline marked (known: they no longer cost
        the pair's score, see ``align.run.settle``); remembers them for ``stale``."""
        marked = []
        for finding in result.findings:
            known = known_as(finding, result.pair, self.entries)
            if known is not None:
                self.seen.add(known)
                finding = replace(finding, baseline=True)
            marked.append(finding)
        return tuple(marked)

    def stale(self) -> list[str]:
        """Fingerprints of baseline entries that did not occur in this run."""
        return [fp for fp in self.entries if fp not in self.seen]
