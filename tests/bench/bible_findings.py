"""Findings on correct translations: the Bible's verse pairs, by rule; prints figures.

    python tests/bench/bible_findings.py [--select N] [--show CODE [--limit K]]

The human translation (``bench/bible/zh``, the 1919 Chinese Union Version) of the King James
English, paired verse by verse through the gold alignment (4,747 pairs with both sides): a
translation nobody here wrote or tuned to, so every finding at warning or above is a false
flag or a liberty of the translator, and the figure is how often the tool cries wolf on a
long correct text. The English is archaic (threescore, an hundred, twenty and two thousand):
forms a modern reader need not know, which the printout separates from the rest only by
reading them (``--show``). Pairs are checked as one document, so document rules run.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.engine import Checker, DocumentPass
from align.models import Pair, Segment, Severity
from tests.bench.bible_score import read_beads
from tests.paths import BENCH

BIBLE = BENCH / "bible"


def verse_pairs() -> list[Pair]:
    english = (BIBLE / "en" / "001.txt").read_text("utf-8").splitlines()
    chinese = (BIBLE / "zh" / "001.txt").read_text("utf-8").splitlines()
    pairs = []
    for source, target in read_beads(BIBLE / "gold" / "001.align"):
        if source and target:
            pairs.append(
                Pair(
                    f"bible:{source[0] + 1}",
                    Segment(" ".join(english[i] for i in source), "en/001.txt", (source[0] + 1,)),
                    Segment("".join(chinese[j] for j in target), "zh/001.txt", (target[0] + 1,)),
                )
            )
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--select", nargs="*", default=None, help="rule codes or families")
    parser.add_argument("--show", help="print the pairs flagged with this code")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args()
    settings = Settings(select=tuple(args.select)) if args.select else Settings()
    checker = Checker(settings)
    passes = DocumentPass(checker, checker.rules)
    pairs = verse_pairs()
    codes: Counter[str] = Counter()
    flagged = shown = 0
    for pair in pairs:
        result = passes.feed(checker.check_pair(pair, target_lang="zh-Hans"))
        findings = [f for f in result.findings if f.severity >= Severity.WARNING]
        flagged += bool(findings)
        codes.update(f.code for f in findings)
        for finding in findings:
            if finding.code == args.show and shown < args.limit:
                shown += 1
                print(f"{pair.id}: {finding.code} {finding.message}")
                print(f"    EN {pair.source_text[:160]}\n    ZH {pair.target_text[:80]}")
    families: Counter[str] = Counter()
    for code, count in codes.items():
        families[code[0]] += count
    print(f"Bible human verse pairs: {len(pairs)}; with a finding at warning+: {flagged} "
          f"({flagged / len(pairs):.1%})")  # fmt: skip
    print("  by family:", dict(sorted(families.items())))
    print("  by code:  ", dict(codes.most_common()))


if __name__ == "__main__":
    main()
