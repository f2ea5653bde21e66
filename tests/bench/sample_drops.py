"""Drops found on the sample, one at a time; prints a figure (not a test).

    python tests/bench/sample_drops.py

The sample transcript's translated pairs as two documents; for each line in turn, its
translation is removed and the rest aligned: is that line a 1-0 bead (what A001 reports)?
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.alignment import align_sentences
from align.formats import open_document
from tests.paths import SAMPLE


def main() -> None:
    pairs = [pair for pair in open_document(str(SAMPLE)).pairs if pair.source and pair.target]
    english = [pair.source.text for pair in pairs if pair.source]
    chinese = [pair.target.text for pair in pairs if pair.target]
    missed = [
        k
        for k in range(len(english))
        if ((k,), ()) not in align_sentences(english, chinese[:k] + chinese[k + 1 :])
    ]
    found = len(english) - len(missed)
    print(f"sample: {found} of {len(english)} dropped lines found as 1-0 beads; missed {missed}")


if __name__ == "__main__":
    main()
