"""``noqa`` markers in a row's note: silence findings on that row, and report unused ones.

``noqa`` alone silences every finding of the row; ``noqa: N201, L001`` only those codes (or
code prefixes). A listed code that silences nothing is itself reported (X002), so stale
suppressions do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.models import Finding

_NOQA = re.compile(r"\bnoqa\b(?::\s*(?P<codes>[A-Z]\d{0,3}(?:[\s,]+[A-Z]\d{0,3})*))?", re.I)


@dataclass(frozen=True)
class Noqa:
    codes: tuple[str, ...]  # empty: everything

    def silences(self, finding: Finding) -> bool:
        return not self.codes or any(finding.code.startswith(c) for c in self.codes)

    def unused(self, findings: list[Finding]) -> list[str]:
        return [c for c in self.codes if not any(f.code.startswith(c) for f in findings)]


def parse_noqa(note: str) -> Noqa | None:
    match = _NOQA.search(note)
    if match is None:
        return None
    codes = match.group("codes") or ""
    return Noqa(tuple(c.upper() for c in re.split(r"[\s,]+", codes) if c))
