"""How the sample transcript's names were rendered, and how many E findings that gives.

    python tests/bench/sample_entities.py [PATH]

Counts every entity the extractor finds on the English side of each translated pair by how
its Chinese rendering was found (kept, CC-CEDICT, transliterated, translated, unclear,
missing, altered), then the E findings of `align check` on the same file.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.context import PairContext
from align.engine import Checker
from align.formats import open_document
from align.names.renderings import renderings
from tests.paths import SAMPLE


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else str(SAMPLE)
    document = open_document(path)
    how, terms = Counter(), 0
    for pair in open_document(path).pairs:
        if pair.structural or not pair.target_text.strip():
            continue
        for found in renderings(PairContext(pair, Settings())):
            how[found.how] += 1
            terms += found.entity.is_term
    findings = Counter(
        f.code
        for result in Checker(Settings(select=("E",))).check_document(document)
        for f in result.findings
    )
    print(f"{path}: {sum(how.values())} entity mentions checked ({terms} of them terms)")
    print("  rendered: " + ", ".join(f"{k} {v}" for k, v in how.most_common()))
    print(f"  E findings: {sum(findings.values())} (" + ", ".join(
        f"{c} {n}" for c, n in sorted(findings.items())) + ")")  # fmt: skip


if __name__ == "__main__":
    main()
