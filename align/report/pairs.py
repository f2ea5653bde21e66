"""``align pair`` output: the aligned pairs as TSV, or the beads as line numbers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from align.models import Pair


def write_pairs_tsv(out: TextIO, pairs: Iterable[Pair]) -> None:
    out.write("source\ttarget\n")
    for pair in pairs:
        cells = (pair.source_text, pair.target_text)
        out.write("\t".join(c.replace("\t", " ") for c in cells) + "\n")


def write_beads(
    out: TextIO,
    beads: Iterable[tuple[tuple[int, ...], tuple[int, ...]]],
    source: list[Any],
    target: list[Any],
    *,
    split: bool,
) -> None:
    """Vecalign/Bertalign format: 0-based line numbers of the files."""
    for src, tgt in beads:
        if split:  # sentence numbers, as in a file of one sentence per line
            out.write(f"{list(src)}:{list(tgt)}\n")
        else:
            out.write(f"{_file_lines(source, src)}:{_file_lines(target, tgt)}\n")


def _file_lines(units: list[Any], indexes: tuple[int, ...]) -> list[int]:
    """A bead side as 0-based lines of its file: blank lines are skipped but keep their
    numbers, so ``[2]`` is the file's third line."""
    return list(dict.fromkeys(units[k].line - 1 for k in indexes))
