"""Characters a Simplified→Traditional conversion picked wrongly: 進行瞭, 幹擾, 曆史."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from align.lang.cedict import (
    MAX_HEADWORD,
    character_groups,
    pure_variants,
    simplified_forms,
    traditional_words,
)
from align.lang.zh import converter, to_simplified
from align.models import Span
from align.script.marks import offsets


@dataclass(frozen=True, slots=True)
class Confusion:
    span: Span
    found: str  # the character in the text
    expected: str  # the character the context calls for


def conversion_confusions(text: str) -> list[Confusion]:
    """Traditional characters a Simplified→Traditional conversion picked wrongly: 進行瞭, 幹擾.

    A character that shares its Simplified form with others (了/瞭, 干/幹/乾, 历 → 曆/歷) is
    suspect when no dictionary word of two or more characters holds it here, and OpenCC's
    phrase-aware conversion of the Simplified context picks another member of its group.
    """
    groups = character_groups()
    found = []
    in_context = _InContext(text)
    for i in offsets(text, set(text) & groups.keys()):
        char = text[i]
        others = _confusable(char)
        if not others:
            continue  # only variant spellings share its form (為/爲): nothing to confuse
        if _in_word(text, i):
            continue
        shared = [
            f for f in simplified_forms(char) if any(f in simplified_forms(o) for o in others)
        ]
        if not shared:
            continue
        picks = in_context.picks(i, shared[0]) or _opencc_picks(text, i, shared[0])
        if char in picks:
            continue  # one of the standards (generic, Taiwan, Hong Kong) writes it so
        for expected in picks:
            if expected in others:
                found.append(Confusion(Span(i, i + 1), char, expected))
                break
    return found


@lru_cache(maxsize=4096)
def _confusable(char: str) -> str:
    """The characters of ``char``'s group that are not mere variant spellings of it."""
    variants = pure_variants()
    return "".join(
        other
        for other in character_groups()[char]
        if other not in variants.get(char, "") and char not in variants.get(other, "")
    )


def _in_word(text: str, i: int) -> bool:
    """A Traditional dictionary word of two or more characters covers position ``i``."""
    words = traditional_words()
    for length in range(2, MAX_HEADWORD + 1):
        for start in range(max(0, i - length + 1), min(i, len(text) - length) + 1):
            if text[start : start + length] in words:
                return True
    return False


_CONTEXT = 4


# OpenCC's Simplified→Traditional conversions: generic, Taiwan and Hong Kong standards.
_STANDARDS = ("s2t", "s2tw", "s2hk")


# OpenCC converts by the longest dictionary phrase at each position, and no phrase of the
# dictionaries behind s2t, s2tw and s2hk holds punctuation or a space (in OpenCC 1.4 their keys'
# only characters outside CJK are - · 〇 and a few capital letters): a clause converts as it
# does inside the whole text, and converting only the clause at hand is several times cheaper.
_CLAUSE_BREAK = re.compile(r"[，。！？；：、,!?;:\s]")


class _InContext:
    """The clauses of a text converted to Simplified and back under each standard, once and
    only as far as needed: the picks for every suspect character whose Simplified form the
    conversion already chose."""

    def __init__(self, text: str):
        self.text = text
        self._simple: str | None = None
        self._breaks: list[int] = []
        self._back: dict[tuple[str, int], str] = {}

    def picks(self, i: int, simplified: str) -> list[str] | None:
        if self._simple is None:
            self._simple = to_simplified(self.text)
            self._breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self._simple)]
        if self._simple[i : i + 1] != simplified:
            return None  # the windowed conversion decides
        k = bisect_right(self._breaks, i)
        start = self._breaks[k - 1] + 1 if k else 0
        end = self._breaks[k] if k < len(self._breaks) else len(self._simple)
        picks = []
        for standard in _STANDARDS:
            back = self._back.get((standard, start))
            if back is None:
                back = converter(standard).convert(self._simple[start:end])
                self._back[standard, start] = back
            pick = back[i - start] if len(back) == end - start else self.text[i]
            picks.append(pick)
            if pick == self.text[i]:
                break  # written so by one standard: the others need not be asked
        return list(dict.fromkeys(picks))


def _opencc_picks(text: str, i: int, simplified: str) -> list[str]:
    """The Traditional characters OpenCC's standards write at ``i`` for the Simplified
    context, most standard first."""
    start = max(0, i - _CONTEXT)
    window = text[start : i + _CONTEXT + 1]
    simple = converter("t2s").convert(window)
    if len(simple) != len(window):
        return [text[i]]
    offset = i - start
    simple = simple[:offset] + simplified + simple[offset + 1 :]
    picks = []
    for standard in _STANDARDS:
        back = converter(standard).convert(simple)
        picks.append(back[offset] if len(back) == len(simple) else text[i])
    return list(dict.fromkeys(picks))
