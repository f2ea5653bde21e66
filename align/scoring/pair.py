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
from dataclasses import replace

from align.models import Finding, Pair, PairResult, Severity

PENALTY = {Severity.ERROR: 0.5, Severity.WARNING: 0.2, Severity.INFO: 0.05}


def length_fit(z: float) -> float:
    excess = max(0.0, abs(z) - 1.5)
    return math.exp(-excess * excess / 8)


def base_score(pair: Pair, z: float | None, *, bilingual: bool = True) -> float:
    """The score before findings: 1 for a structural pair, 0 for a missing translation, else
    the length fit."""
    if pair.structural:
        return 1.0
    if bilingual and pair.source_text.strip() and not pair.target_text.strip():
        return 0.0
    return length_fit(z) if z is not None else 1.0


def score_from(base: float, findings: Iterable[Finding]) -> float:
    """``base`` times ``1 − penalty`` for each finding still open (not decided away, not in the
    baseline): one place for the CLI, the reports, the reviewer and Dask."""
    score = base
    for finding in findings:
        if finding.is_open:
            score *= 1 - PENALTY[finding.severity]
    return round(score, 4)


def pair_score(
    pair: Pair, findings: Iterable[Finding], z: float | None, *, bilingual: bool = True
) -> float:
    return score_from(base_score(pair, z, bilingual=bilingual), findings)


def rescored(result: PairResult) -> PairResult:
    """The result with its score recomputed from its findings as they now stand."""
    score = score_from(result.base, result.findings)
    return result if score == result.score else replace(result, score=score)
