"""The pair score's formula, pinned: a changed penalty or length curve must fail here."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from align.models import Finding, Pair, Segment, Severity
from align.scoring.pair import base_score, length_fit, score_from


def _finding(severity: Severity, **changes: object) -> Finding:
    finding = Finding("X", "x", severity, "m", None, None, "", "", "fp")
    return replace(finding, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("severity", "factor"),
    [(Severity.ERROR, 0.5), (Severity.WARNING, 0.8), (Severity.INFO, 0.95)],
)
def test_each_open_finding_multiplies_by_one_minus_its_penalty(severity, factor):
    assert score_from(1.0, [_finding(severity)]) == factor
    assert score_from(0.9, [_finding(severity)] * 2) == round(0.9 * factor * factor, 4)


def test_decided_and_baselined_findings_cost_nothing():
    closed = [
        _finding(Severity.ERROR, status="false-positive"),
        _finding(Severity.ERROR, status="fixed"),
        _finding(Severity.WARNING, baseline=True),
    ]
    assert score_from(0.75, closed) == 0.75
    assert score_from(1.0, [_finding(Severity.ERROR, status="accepted")]) == 0.5  # still real


def test_length_fit_is_flat_to_one_and_a_half_then_gaussian():
    assert length_fit(0.0) == length_fit(-1.5) == 1.0
    assert length_fit(4.0) == pytest.approx(math.exp(-(2.5**2) / 8))  # about 0.458: halved
    assert length_fit(-4.0) == length_fit(4.0)


def test_base_score_of_missing_structural_and_monolingual_pairs():
    english = Segment("Hello there.", "x", (1,))
    chinese = Segment("你好。", "x", (2,))
    assert base_score(Pair("a", english, None), 0.0) == 0.0  # no translation
    assert base_score(Pair("b", english, None), None, bilingual=False) == 1.0  # English only
    assert base_score(Pair("c", english, chinese, structural=True), 9.0) == 1.0
    assert base_score(Pair("d", english, chinese), 4.0) == pytest.approx(length_fit(4.0))
