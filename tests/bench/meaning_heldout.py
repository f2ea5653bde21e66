"""M rules on the held-out idiom and domain-sense pairs; prints figures (not a test).

    python tests/bench/meaning_heldout.py [--show] [--domain finance,biomedical]
    python tests/bench/meaning_heldout.py --file senses_heldout2.tsv --domain own

``tests/bench/data/meaning/heldout.tsv`` (provenance in SOURCES.md beside it) was written for
issue #21 by someone who had not seen the M rules: English sentences with an idiom or a
polysemous domain term, each with a literal (wrong) Chinese rendering, a correct idiomatic
one, and sentences using the same words literally. ``senses_heldout2.tsv``
(SOURCES_senses2.md) was written later, by someone who had seen neither the rules nor the
domain term bases, for domain senses only; it names each row's domain. Each row is checked
alone with the M family; a row counts as flagged when it gets an M finding at warning or
above (and, second, at info or above). Prints the error rows flagged (recall) and the correct
rows flagged (false flags), by kind.

``--domain`` is the setting every row is checked with (default none); ``own`` checks each
row with the domain its ``domain`` column names, as a user who set the domain of the text.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.engine import Checker
from align.meaning.domains import parse_domains
from align.models import Pair, Segment, Severity

DATA = Path(__file__).parent / "data" / "meaning"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every row and its findings")
    parser.add_argument("--file", default="heldout.tsv", help="a file of data/meaning/")
    parser.add_argument("--domain", default="none", help="finance, biomedical, both, none, own")
    args = parser.parse_args()
    with (DATA / args.file).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    checkers: dict[str, Checker] = {}
    results = []
    for row in rows:
        domain = row["domain"] if args.domain == "own" else args.domain
        if domain not in checkers:
            checkers[domain] = Checker(Settings(select=("M",), domain=parse_domains(domain)))
        pair = Pair(row["id"], Segment(row["en"], "heldout", (1,)),
                    Segment(row["zh"], "heldout", (1,)))  # fmt: skip
        results.append((row, checkers[domain].check_pair(pair).findings))
    for level in (Severity.WARNING, Severity.INFO):
        totals: Counter[tuple[str, str]] = Counter()
        flagged: Counter[tuple[str, str]] = Counter()
        for row, every in results:
            findings = [f for f in every if f.severity.rank >= level.rank]
            key = (row["label"], row["kind"])
            totals[key] += 1
            flagged[key] += bool(findings)
            if args.show and level is Severity.INFO:
                mark = "FLAG" if findings else "    "
                print(f"{mark} {row['id']} {row['label']:<7} {row['expression']}: {row['zh']}")
                for finding in findings:
                    print(f"       {finding.code} {finding.severity.value} {finding.message}")
        for label in ("error", "correct"):
            n = sum(v for (lab, _), v in totals.items() if lab == label)
            k = sum(v for (lab, _), v in flagged.items() if lab == label)
            what = "recall" if label == "error" else "false flags"
            print(f"{label} rows flagged at {level.value}+: {k}/{n} ({k / n:.1%}, {what})")
            for (lab, kind), total in sorted(totals.items()):
                if lab == label:
                    print(f"  {kind:<12} {flagged[(lab, kind)]:>3}/{total}")


if __name__ == "__main__":
    main()
