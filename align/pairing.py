"""Pair two files by alignment: the English units and the Chinese units become beads.

A unit is a non-blank line, or with ``split`` a sentence of one. Each bead becomes a ``Pair``
whose sides keep every line they came from, so a 2-1 bead reports both English lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from align.alignment import Bead, align_sentences
from align.formats.base import pair_id
from align.models import Pair, Segment
from align.segment import split_chinese, split_english
from align.textio import iter_lines


@dataclass(frozen=True, slots=True)
class Unit:
    text: str
    line: int  # 1-based line in the file
    start: int  # character offset in that line


def read_units(path: str, encoding: str, *, split: bool, chinese: bool) -> list[Unit]:
    units = []
    for line, text in iter_lines(path, encoding):
        if not text.strip():
            continue
        if not split:
            units.append(Unit(text, line, 0))
            continue
        spans = split_chinese(text) if chinese else split_english(text)
        units.extend(Unit(span.slice(text), line, span.start) for span in spans)
    return units


def _side(units: list[Unit], indexes: tuple[int, ...], path: str, joiner: str) -> Segment | None:
    if not indexes:
        return None
    chosen = [units[k] for k in indexes]
    text = joiner.join(u.text for u in chosen)
    lines = tuple(dict.fromkeys(u.line for u in chosen))
    return Segment(text, path, lines, chosen[0].start, chosen[0].start + len(text))


def beads_to_pairs(
    beads: list[Bead], source: list[Unit], target: list[Unit], source_path: str, target_path: str
) -> Iterator[Pair]:
    """One pair per bead; English units join with a space, Chinese ones with nothing."""
    for src_ids, tgt_ids in beads:
        src = _side(source, src_ids, source_path, " ")
        tgt = _side(target, tgt_ids, target_path, "")
        first = src or tgt
        assert first is not None
        yield Pair(
            id=pair_id(first.path, first.line),
            source=src,
            target=tgt,
            kind=f"{len(src_ids)}-{len(tgt_ids)}",
        )


def align_files(
    source_path: str, target_path: str, encoding: str = "utf-8", *, split: bool = False
) -> tuple[list[Bead], list[Unit], list[Unit]]:
    source = read_units(source_path, encoding, split=split, chinese=False)
    target = read_units(target_path, encoding, split=split, chinese=True)
    beads = align_sentences([u.text for u in source], [u.text for u in target])
    return beads, source, target
