"""The 0–1 score of a pair: how much a reviewer should trust it, worst pairs first.

    score = length_fit × Π over open findings of (1 − penalty[severity])

``length_fit = exp(−max(0, |z| − 1.5)² / 8)`` where ``z`` is the length model's deviation
(``align.lengths``): a normal length costs nothing, ``|z| = 4`` halves the score. Penalties:
error 0.5, warning 0.2, info 0.05. A missing translation scores 0; structural pairs (speaker
lines) and English-only segments score 1.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from align.models import Finding, Pair, Severity

PENALTY = {Severity.ERROR: 0.5, Severity.WARNING: 0.2, Severity.INFO: 0.05}


def length_fit(z: float) -> float:
    excess = max(0.0, abs(z) - 1.5)
    return math.exp(-excess * excess / 8)


def pair_score(
    pair: Pair, findings: Iterable[Finding], z: float | None, *, bilingual: bool = True
) -> float:
    if pair.structural:
        return 1.0
    if bilingual and pair.source_text.strip() and not pair.target_text.strip():
        return 0.0
    score = length_fit(z) if z is not None else 1.0
    for finding in findings:
        if finding.is_open:
            score *= 1 - PENALTY[finding.severity]
    return round(score, 4)
