"""``align score`` output: BLEU, chrF and TER per pair and for the corpus, as text or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from align.scoring.reference import ReferenceScores


def write_score(out: TextIO, result: ReferenceScores, fmt: str) -> None:
    """``fmt``: text or json."""
    if fmt == "json":
        data = {
            "schema": "align.score/1",
            "corpus": result.corpus,
            "signatures": result.signatures,
            "pairs": [vars(s) for s in result.segments],
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for s in result.segments:
        out.write(f"{s.id}\tBLEU {s.bleu:6.2f}\tchrF {s.chrf:6.2f}\tTER {s.ter:6.2f}\n")
    c = result.corpus
    out.write(f"corpus\tBLEU {c['bleu']:6.2f}\tchrF {c['chrf']:6.2f}\tTER {c['ter']:6.2f}\n")
    for name, signature in result.signatures.items():
        out.write(f"{name} signature: {signature}\n")
