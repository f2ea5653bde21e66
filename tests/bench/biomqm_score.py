"""How well the pair score ranks bad translations on Bio-MQM; prints figures (not a test).

    python tests/bench/biomqm_score.py

ROC AUC of (1 − score) against ``has_major_accuracy_error`` and Kendall's tau-b of −score
against ``mqm_penalty``, for the full pair score and for two of its ingredients alone (the
length deviation |z| and the CC-CEDICT lexical coverage).
"""

from __future__ import annotations

import bisect
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.alignment.lexicon import chinese_masks, english_masks
from align.config import Settings
from align.engine import Checker
from align.lengths import length_z
from align.models import Pair, Segment
from tests.paths import biomqm_records


def roc_auc(badness: list[float], labels: list[bool]) -> float:
    negatives = sorted(b for b, bad in zip(badness, labels, strict=True) if not bad)
    positives = [b for b, bad in zip(badness, labels, strict=True) if bad]
    wins = 0.0
    for value in positives:
        low, high = bisect.bisect_left(negatives, value), bisect.bisect_right(negatives, value)
        wins += low + (high - low) / 2
    return wins / (len(positives) * len(negatives))


def kendall_tau_b(a: list[float], b: list[float]) -> float:
    concordant = discordant = ties_a = ties_b = 0
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            da, db = a[i] - a[j], b[i] - b[j]
            if da == 0 and db == 0:
                continue
            if da == 0:
                ties_a += 1
            elif db == 0:
                ties_b += 1
            elif (da > 0) == (db > 0):
                concordant += 1
            else:
                discordant += 1
    n = concordant + discordant
    return (concordant - discordant) / math.sqrt((n + ties_a) * (n + ties_b))


def coverage(source: str, target: str) -> float:
    vocab: dict[str, int] = {}
    english = english_masks([source], vocab)[0]
    chinese = chinese_masks([target], vocab)[0]
    known = english.bit_count()
    return (english & chinese).bit_count() / known if known else 0.5


def main() -> None:
    records = biomqm_records()
    checker = Checker(Settings())
    scores = [
        checker.check_pair(
            Pair(r["id"], Segment(r["source"], "b", (1,)), Segment(r["target"], "b", (1,)))
        ).score
        for r in records
    ]
    major = [r["has_major_accuracy_error"] for r in records]
    penalty = [r["mqm_penalty"] for r in records]
    ingredients = {
        "pair score": [1 - s for s in scores],
        "length |z| alone": [abs(length_z(r["source"], r["target"])) for r in records],
        "1 - lexical coverage alone": [1 - coverage(r["source"], r["target"]) for r in records],
    }
    print(f"Bio-MQM EN→ZH: {len(records)} records, {sum(major)} with a major accuracy error")
    for name, badness in ingredients.items():
        print(
            f"{name:<28} ROC AUC {roc_auc(badness, major):.3f}   "
            f"Kendall tau-b vs mqm_penalty {kendall_tau_b(badness, penalty):+.3f}"
        )


if __name__ == "__main__":
    main()
