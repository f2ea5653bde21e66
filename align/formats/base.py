"""What every reader shares: the per-document info it fills in and the pair constructors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from align.models import InputInfo, Pair, Segment


@dataclass
class DocumentInfo:
    """What is known of an input; a reader adds header lines as it streams past them."""

    path: str
    format: str
    source_lang: str = "en"
    target_lang: str | None = None
    header: list[str] = field(default_factory=list)

    def freeze(self) -> InputInfo:
        return InputInfo(
            path=self.path,
            format=self.format,
            source_lang=self.source_lang,
            target_lang=self.target_lang,
            header=tuple(self.header),
        )


Reader = Callable[[str, str, DocumentInfo], Iterator[Pair]]


def pair_id(path: str, line: int) -> str:
    return f"{os.path.basename(path)}:{line}"


def make_pair(
    path: str,
    source: tuple[int, str] | None,
    target: tuple[int, str] | None,
    *,
    structural: bool = False,
    note: str = "",
    ident: str | None = None,
    target_path: str | None = None,
) -> Pair:
    """Build a pair from ``(line, text)`` sides, as ``iter_lines`` yields them.

    The id is ``file:line`` of the first side present.

    ``target_path`` is for two parallel files, where each side has its own file.
    """
    tgt_path = target_path or path
    src = Segment(source[1], path, (source[0],), 0, len(source[1])) if source else None
    tgt = Segment(target[1], tgt_path, (target[0],), 0, len(target[1])) if target else None
    kind = f"{int(bool(src and src.text.strip()))}-{int(bool(tgt and tgt.text.strip()))}"
    first = source or target
    assert first is not None, "a pair needs at least one side"
    return Pair(
        id=ident or pair_id(path if source else tgt_path, first[0]),
        source=src,
        target=tgt,
        kind=kind,
        structural=structural,
        note=note,
    )
