"""The dictionary scanner: every CC-CEDICT headword in a Chinese text, with its offsets.

All substrings up to ``MAX_HEADWORD`` characters of the Simplified view are looked up (no
segmenter: a reader of an MT output must see every word it could contain). The alignment's
bitsets, the names' transliteration finder and the meaning rules all read texts through it.
"""

from __future__ import annotations

from functools import lru_cache

from align.lang.cedict import MAX_HEADWORD, chinese_to_english, headword_prefixes
from align.lang.zh import to_simplified
from align.pair_cache import per_pair

# (start, end, Simplified headword) of a dictionary word found in a Chinese text.
Headword = tuple[int, int, str]


@per_pair
def headwords_in(text: str) -> tuple[Headword, ...]:
    """Every dictionary headword in a Chinese text as (start, end, Simplified headword)."""
    index = chinese_to_english()
    prefixes = headword_prefixes()
    simplified = to_simplified(text)
    size = len(simplified)
    found: list[Headword] = []
    append = found.append  # the hot loop of every Chinese text: no lookups it can avoid
    for start, char in enumerate(simplified):
        if char in index:
            append((start, start + 1, char))
        if char not in prefixes:
            continue
        stop = start + MAX_HEADWORD if start + MAX_HEADWORD < size else size
        for end in range(start + 2, stop + 1):
            word = simplified[start:end]
            if word in index:
                append((start, end, word))
            if word not in prefixes:
                break
    return tuple(found)


@lru_cache(maxsize=1 << 16)
def glosses(headword: str) -> frozenset[str]:
    """The English gloss lemmas of one Simplified headword."""
    return frozenset(chinese_to_english().get(headword, "").split())
