"""Two parallel files, one unit per line: line N of the source pairs with line N of the target."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest

from align.formats.base import DocumentInfo, make_pair
from align.models import Pair
from align.textio import iter_lines


def read_parallel(
    source_path: str, target_path: str, encoding: str, info: DocumentInfo
) -> Iterator[Pair]:
    """Pairs by line number; when one file is longer, its extra lines are unpaired."""
    lines = zip_longest(iter_lines(source_path, encoding), iter_lines(target_path, encoding))
    for src, tgt in lines:
        source = src if src and src[1].strip() else None
        target = tgt if tgt and tgt[1].strip() else None
        if source is None and target is None:
            continue
        # A blank target line opposite a source line is an empty translation, still reported.
        if source is not None and target is None and tgt is not None:
            target = tgt
        yield make_pair(
            source_path,
            source,
            target,
            target_path=target_path,
        )
