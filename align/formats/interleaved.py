"""Interleaved bilingual text: an English line followed by its Chinese line.

Lines are classified by script, not by position, so a missing translation line shows up as an
unpaired English line instead of shifting every later pair by one:

- Chinese lines before the first English line are a header (a disclaimer), not pairs.
- An English line followed by a Chinese line is a pair.
- A line repeated verbatim on the next line is a speaker line when it looks like one (short,
  no sentence-final punctuation): a structural pair that rules leave alone.
- An English line followed by another English line has no translation: a ``1-0`` pair.
- A Chinese line where an English line was expected is an orphan: a ``0-1`` pair.
"""

from __future__ import annotations

from collections.abc import Iterator

from align.formats.base import DocumentInfo, make_pair
from align.lang.script import is_chinese
from align.models import Pair
from align.textio import iter_lines

_MAX_SPEAKER_WORDS = 16


def looks_like_speaker_line(text: str) -> bool:
    """``Operator``, ``Todd McKinnon - Co-Founder, Chairman & CEO``: short, not a sentence."""
    stripped = text.strip()
    return (
        bool(stripped)
        and len(stripped.split()) <= _MAX_SPEAKER_WORDS
        and stripped[-1] not in ".?!:;…"
        and not is_chinese(stripped)
    )


def read_interleaved(path: str, encoding: str, info: DocumentInfo) -> Iterator[Pair]:
    pending: tuple[int, str] | None = None  # an English line waiting for its translation
    seen_english = False
    for number, text in iter_lines(path, encoding):
        if not text.strip():
            continue
        chinese = is_chinese(text)
        if pending is None:
            if chinese:
                if seen_english:
                    yield make_pair(path, None, (number, text))
                else:
                    info.header.append(text)
                continue
            pending = (number, text)
            seen_english = True
            continue
        if text == pending[1]:
            speaker = looks_like_speaker_line(text)
            yield make_pair(path, pending, (number, text), structural=speaker)
            pending = None
        elif chinese:
            yield make_pair(path, pending, (number, text))
            pending = None
        else:
            yield make_pair(path, pending, None)
            pending = (number, text)
    if pending is not None:
        yield make_pair(path, pending, None)
