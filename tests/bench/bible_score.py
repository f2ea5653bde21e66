"""Vecalign's strict/lax F1 for bead alignments, as bench/README.md describes (shared helper)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def read_beads(path: Path) -> list[Bead]:
    beads = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            src, tgt = line.split(":")
            beads.append((tuple(json.loads(src)), tuple(json.loads(tgt))))
    return beads


def merge_by_verse(
    beads: Sequence[Bead], src_verse: Sequence[str], tgt_verse: Sequence[str]
) -> list[Bead]:
    """Merge consecutive beads whose sentences all fall in one and the same verse on both sides."""

    def verse(bead: Bead) -> str | None:
        verses = {src_verse[i] for i in bead[0]} | {tgt_verse[j] for j in bead[1]}
        return verses.pop() if len(verses) == 1 else None

    merged: list[Bead] = []
    current: Bead | None = None
    current_verse: str | None = None
    for bead in beads:
        v = verse(bead)
        if current is not None and v is not None and v == current_verse:
            current = (current[0] + bead[0], current[1] + bead[1])
            continue
        if current is not None:
            merged.append(current)
        current, current_verse = bead, v
    if current is not None:
        merged.append(current)
    return merged


def _prepare(beads: Iterable[Bead]) -> list[Bead]:
    seen, out = set(), []
    for src, tgt in beads:
        if not src and not tgt:
            continue
        bead = (tuple(src), tuple(tgt))
        if bead not in seen:
            seen.add(bead)
            out.append(bead)
    return out


def _lax_hits(test: list[Bead], gold: list[Bead]) -> tuple[int, int]:
    gold_set = set(gold)
    src_to_tgt: dict[int, set[int]] = {}
    for src, tgt in gold:
        for s in src:
            src_to_tgt.setdefault(s, set()).update(tgt)
    strict = lax = 0
    for bead in test:
        if bead in gold_set:
            strict += 1
            lax += 1
        elif bead[0] and bead[1]:
            linked = set().union(*(src_to_tgt.get(s, set()) for s in bead[0]))
            if linked & set(bead[1]):
                lax += 1
    return strict, lax


def score(test: Iterable[Bead], gold: Iterable[Bead]) -> dict[str, float]:
    """Strict and lax precision/recall/F1 (Vecalign's score_multiple)."""
    test, gold = _prepare(test), _prepare(gold)
    p_strict, p_lax = _lax_hits(test, gold)
    test_full = [b for b in test if b[0] and b[1]]
    gold_full = [b for b in gold if b[0] and b[1]]
    r_strict, r_lax = _lax_hits(gold_full, test_full)
    out = {}
    for name, p_hits, r_hits in (("strict", p_strict, r_strict), ("lax", p_lax, r_lax)):
        precision = p_hits / len(test) if test else 0.0
        recall = r_hits / len(gold_full) if gold_full else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[name] = f1
        out[f"{name}_p"], out[f"{name}_r"] = precision, recall
    return out
