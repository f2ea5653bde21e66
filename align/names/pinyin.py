"""Chinese names spelt in Hanyu Pinyin (Wuhan, Zhang Wei, Sheng-Xue-Xiao-Ban): rendered by the
Han characters whose readings spell them letter for letter (武汉, 张伟, 升血小板).

The other finders compare an English name's *sound* with the Chinese; a pinyin spelling can be
read back exactly, so it is checked exactly, and only over two syllables or more (one syllable,
Dan or Li, is spelt by too many ordinary characters: 但 "but").
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.lang.cedict import pinyin_of
from align.lang.script import HAN_CLASS, without_accents
from align.models import Span
from align.names.transliteration import inside

_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
_NOT_LETTER = re.compile(r"[^a-z]")


def _letters(word: str) -> str:
    """a-z only: accents and tone marks dropped (Lǚ → lu), hyphens and apostrophes too."""
    return _NOT_LETTER.sub("", without_accents(word.lower()))


def pinyin_span(words: tuple[str, ...], target: str, window: Span | None) -> Span | None:
    """Where ``words`` (in their order, or a two-word name in the other: Wei Zhang, 张伟) are
    written in Han characters whose pinyin spells them, within ``window``."""
    orders = [words, tuple(reversed(words))] if len(words) == 2 else [words]
    for order in orders:
        letters = "".join(_letters(w) for w in order)
        if len(letters) < 3:
            continue
        for run in _HAN_RUN.finditer(target):
            if window and (run.end() <= window.start or run.start() >= window.end):
                continue
            span = _spelt_in(letters, target, run.start(), run.end())
            if span is not None and inside(span, window):
                return span
    return None


@lru_cache(maxsize=65536)
def _reading(char: str) -> str:
    """The character's toneless pinyin, a-z only (per character: cached)."""
    return _letters(pinyin_of(char))


def _spelt_in(letters: str, target: str, start: int, end: int) -> Span | None:
    for first in range(start, end):
        at, k = 0, first
        while k < end and at < len(letters):
            reading = _reading(target[k])
            if not reading or not letters.startswith(reading, at):
                break
            at, k = at + len(reading), k + 1
        if at == len(letters) and k - first >= 2:
            return Span(first, k)
    return None
