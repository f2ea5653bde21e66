"""Measure the English→Chinese length model (align.lengths) on real data; prints figures.

    python tests/bench/calibrate_length.py

For each data set: the ratio c = Σ Chinese length / Σ English length, the variance per English
character of (Chinese − c·English)/√English, ratio percentiles, and how many pairs the A010
rule (|z| > 4 with the shipped constants) would flag.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.formats import open_document
from align.lengths import chinese_length, english_length, length_z
from tests.paths import BENCH, SAMPLE

# A space is a token boundary unless it separates two Latin words or numbers.
_TOKEN_SPACE = re.compile(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])")


def detokenise(text: str) -> str:
    """bench/bible/en_mt_zh is jieba-tokenised: drop spaces except between two Latin words."""
    return _TOKEN_SPACE.sub("", text)


def report(name: str, pairs: list[tuple[str, str]]) -> None:
    pairs = [(s, t) for s, t in pairs if english_length(s) and chinese_length(t)]
    src = [english_length(s) for s, _ in pairs]
    tgt = [chinese_length(t) for _, t in pairs]
    c = sum(tgt) / sum(src)
    variance = statistics.pvariance(
        [(b - c * a) / math.sqrt(a) for a, b in zip(src, tgt, strict=True)]
    )
    ratios = sorted(b / a for a, b in zip(src, tgt, strict=True))
    pct = {p: ratios[int(p / 100 * (len(ratios) - 1))] for p in (1, 5, 50, 95, 99)}
    flagged = sum(abs(length_z(s, t)) > 4 for s, t in pairs)
    print(
        f"{name:<24} n={len(pairs):>5}  ratio={c:.3f}  variance={variance:.3f}  "
        + "  ".join(f"p{p}={v:.2f}" for p, v in pct.items())
        + f"  A010 flags {flagged} ({flagged / len(pairs):.1%})"
    )


def main() -> None:
    document = open_document(str(SAMPLE))
    report(
        "sample MT (zh-Hant)",
        [(p.source_text, p.target_text) for p in document.pairs if not p.structural],
    )
    bible = BENCH / "bible"
    english = (bible / "en/001.txt").read_text("utf-8").splitlines()
    machine = [detokenise(x) for x in (bible / "en_mt_zh/001.txt").read_text("utf-8").splitlines()]
    report("bible MT (zh-Hans)", list(zip(english, machine, strict=True)))
    human = (bible / "zh/001.txt").read_text("utf-8").splitlines()
    beads = []
    for line in (bible / "gold/001.align").read_text("utf-8").splitlines():
        src_ids, tgt_ids = (json.loads(side) for side in line.split(":"))  # "[1,2]:[3]"
        if src_ids and tgt_ids:
            source = " ".join(english[i] for i in src_ids)
            beads.append((source, "".join(human[j] for j in tgt_ids)))
    report("bible human (gold beads)", beads)


if __name__ == "__main__":
    main()
