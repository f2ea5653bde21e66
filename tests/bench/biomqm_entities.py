"""Entity (E) and script (L) checks against professional MQM annotations (Bio-MQM, EN→ZH).

    python tests/bench/biomqm_entities.py [--show-fp N] [--show-fn N]

Gold: ``has_entity_error_strict``. Records are grouped into documents (one system's
translation of one abstract, in segment order) so the document rule E106 runs as it would on
a file. Prints precision, recall and F1 of E findings (warning and above, and any severity),
the share of ``error_free`` records with an E or L finding, and the findings by code.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.models import Severity
from tests.bench.biomqm_findings import check
from tests.bench.biomqm_numbers import scores
from tests.paths import biomqm_records


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-fp", type=int, default=0, help="print N flagged error_free records")
    parser.add_argument("--show-fn", type=int, default=0, help="print N missed entity errors")
    parser.add_argument(
        "--show-unmatched", type=int, default=0,
        help="print N records with an E finding but no gold entity error",
    )  # fmt: skip
    args = parser.parse_args()
    records = biomqm_records()
    documents = {(r["system"], r["doc"]) for r in records}
    started = time.perf_counter()
    found = check(records, Settings(select=("E", "L")))
    elapsed = time.perf_counter() - started
    gold = [r["has_entity_error_strict"] for r in records]
    clean = [r["error_free"] for r in records]
    e_warn = [
        any(f.code[0] == "E" and f.severity >= Severity.WARNING for f in found[r["id"]])
        for r in records
    ]
    e_any = [any(f.code[0] == "E" for f in found[r["id"]]) for r in records]
    e_or_l = [bool(found[r["id"]]) for r in records]
    codes = Counter(f.code for r in records for f in found[r["id"]])
    print(
        f"Bio-MQM EN→ZH: {len(records)} records in {len(documents)} documents, "
        f"{sum(gold)} with has_entity_error_strict, {sum(clean)} error_free; "
        f"checked in {elapsed:.1f} s"
    )
    print(f"E rules (warning+): {scores(e_warn, gold, clean)}")
    print(f"E rules (any):      {scores(e_any, gold, clean)}")
    flagged = sum(p and c for p, c in zip(e_or_l, clean, strict=True)) / sum(clean)
    print(f"error_free records with an E or L finding: {flagged:.1%}")
    print("findings by code: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
    _show(records, found, args.show_fp, lambda r: r["error_free"] and found[r["id"]], "FP")
    has_e = {r["id"]: any(f.code[0] == "E" for f in found[r["id"]]) for r in records}
    _show(
        records, found, args.show_unmatched,
        lambda r: not r["has_entity_error_strict"] and has_e[r["id"]], "UNMATCHED",
    )  # fmt: skip
    _show(
        records, found, args.show_fn,
        lambda r: r["has_entity_error_strict"] and not has_e[r["id"]], "FN",
    )  # fmt: skip


def _show(records, found, limit, wanted, label) -> None:
    shown = 0
    for record in records:
        if shown >= limit or not wanted(record):
            continue
        shown += 1
        print(f"{label} {record['id']}\n  {record['source']}\n  {record['target']}")
        for f in found[record["id"]]:
            print(f"  -> {f.code} {f.severity.value} {f.message}")
        for error in record["gold_errors"]:
            if error.get("is_entity_error"):
                print(f"  gold: {error['category']} {error['severity']} {error['span']!r}")


if __name__ == "__main__":
    main()
