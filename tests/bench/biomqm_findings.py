"""Any finding against ``has_major_accuracy_error`` on Bio-MQM, without and with the M rules.

    python tests/bench/biomqm_findings.py [--read 200] [--seed 0] [--domain biomedical]

Records are checked as documents (one system's translation of one abstract, segment order),
so document rules run. Prints precision and recall of "the record has a finding at warning
or above" against the gold label, and the share of ``error_free`` records flagged, first with
every rule but the M family (before issue #8), then with all rules, then (``--domain``) with
all rules and that domain's term base for M106. ``--read N`` prints the M findings of N
records drawn at random, for reading every flag by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.engine import Checker, DocumentPass
from align.meaning.domains import parse_domains
from align.models import Finding, Pair, Segment, Severity
from tests.bench.biomqm_numbers import scores
from tests.paths import biomqm_records


def check(records: list[dict], settings: Settings) -> dict[str, tuple[Finding, ...]]:
    checker = Checker(settings)
    documents: dict[tuple[str, str], list[dict]] = {}
    for record in records:
        documents.setdefault((record["system"], record["doc"]), []).append(record)
    found = {}
    for group in documents.values():
        group.sort(key=lambda r: int(r["seg"]) if str(r["seg"]).isdigit() else 0)
        passes = DocumentPass(checker, checker.rules)
        for record in group:
            pair = Pair(
                record["id"],
                Segment(record["source"], "biomqm", (1,)),
                Segment(record["target"], "biomqm", (2,)),
            )
            result = passes.feed(checker.check_pair(pair, target_lang="zh-Hans"))
            found[record["id"]] = result.findings
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--read", type=int, default=0, help="print M findings of N records")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--domain", default="none", help="also run with this domain's terms")
    args = parser.parse_args()
    records = biomqm_records()
    gold = [r["has_major_accuracy_error"] for r in records]
    clean = [r["error_free"] for r in records]
    print(
        f"Bio-MQM EN→ZH: {len(records)} records, {sum(gold)} with has_major_accuracy_error, "
        f"{sum(clean)} error_free"
    )
    runs = [("all rules but M (before #8)", Settings(ignore=("M",))), ("all rules", Settings())]
    if parse_domains(args.domain):
        runs.append((f"all, --domain {args.domain}", Settings(domain=parse_domains(args.domain))))
    for label, settings in runs:
        found = check(records, settings)
        flagged = [any(f.severity >= Severity.WARNING for f in found[r["id"]]) for r in records]
        print(f"{label:28} warning+: {scores(flagged, gold, clean)}")
        codes = Counter(f.code for r in records for f in found[r["id"]] if f.code[0] == "M")
    print("M findings by code: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
    if args.read:
        sample = random.Random(args.seed).sample(records, args.read)
        for record in sample:
            m = [f for f in found[record["id"]] if f.code[0] == "M"]
            if m:
                print(f"\n{record['id']} major={record['has_major_accuracy_error']}")
                print(f"  {record['source']}\n  {record['target']}")
                for f in m:
                    print(f"  -> {f.code} {f.message}")
        flagged_sample = sum(any(f.code[0] == "M" for f in found[r["id"]]) for r in sample)
        print(f"\n{flagged_sample} of {len(sample)} sampled records have an M finding")


if __name__ == "__main__":
    main()
