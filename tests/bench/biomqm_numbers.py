"""Number checks against professional MQM annotations (Bio-MQM, EN→ZH); prints figures.

    python tests/bench/biomqm_numbers.py [--show-fp N]

Gold: ``has_number_error`` (heuristic labels, ~70% precise per bench/README.md). Reported for
align's N rules (findings at warning or above, and at any severity) and for a plain
digit-matching baseline in the style of pofilter's ``numbers`` check (every digit string of the
source must occur in the target): precision, recall, F1, and the share of ``error_free``
records flagged.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment, Severity
from tests.paths import biomqm_records

_DIGITS = re.compile(r"\d+")


def digit_baseline(source: str, target: str) -> bool:
    """pofilter-style: flag when a digit string of the source does not occur in the target."""
    target_numbers = set(_DIGITS.findall(target))
    return any(n not in target_numbers for n in _DIGITS.findall(source))


def scores(predicted: list[bool], gold: list[bool], clean: list[bool]) -> str:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    flagged_clean = sum(p and c for p, c in zip(predicted, clean, strict=True)) / sum(clean)
    return (
        f"P={precision:.3f} R={recall:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn}); "
        f"error_free flagged {flagged_clean:.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-fp", type=int, default=0, help="print N false positives")
    args = parser.parse_args()
    records = biomqm_records()
    checker = Checker(Settings(select=("N",)))
    gold = [r["has_number_error"] for r in records]
    clean = [r["error_free"] for r in records]
    warn, any_n, codes = [], [], Counter()
    shown = 0
    started = time.perf_counter()
    for record in records:
        pair = Pair(
            record["id"],
            Segment(record["source"], "biomqm", (1,)),
            Segment(record["target"], "biomqm", (1,)),
        )
        findings = checker.check_pair(pair).findings
        codes.update(f.code for f in findings)
        warn.append(any(f.severity >= Severity.WARNING for f in findings))
        any_n.append(bool(findings))
        if args.show_fp and warn[-1] and record["error_free"] and shown < args.show_fp:
            shown += 1
            print(f"FP {record['id']}\n  {record['source']}\n  {record['target']}")
            for f in findings:
                print(f"  -> {f.code} {f.severity.value} {f.message}")
    elapsed = time.perf_counter() - started
    baseline = [digit_baseline(r["source"], r["target"]) for r in records]
    print(
        f"Bio-MQM EN→ZH: {len(records)} records, {sum(gold)} with has_number_error, "
        f"{sum(clean)} error_free; checked in {elapsed:.1f} s"
    )
    print(f"align N rules (warning+): {scores(warn, gold, clean)}")
    print(f"align N rules (any):      {scores(any_n, gold, clean)}")
    print(f"digit-matching baseline:  {scores(baseline, gold, clean)}")
    print("findings by code: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))


if __name__ == "__main__":
    main()
