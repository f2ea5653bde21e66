"""Queries on the CC-CEDICT index: glosses, names, scripts, vocabulary and pinyin.

The index is built and cached by ``align.lang.cedict_index``; each query decodes the part it
needs on first use.
"""

from __future__ import annotations

from functools import lru_cache

from align.lang.cedict_build import MAX_HEADWORD
from align.lang.cedict_index import part as _part

__all__ = [
    "MAX_HEADWORD",
    "character_groups",
    "chinese_to_english",
    "common_lemmas",
    "common_vocabulary",
    "english_names",
    "headword_prefixes",
    "pinyin_of",
    "pure_variants",
    "script_only_characters",
    "simplified_forms",
    "traditional_words",
    "transliteration_characters",
    "vocabulary",
]


def chinese_to_english() -> dict[str, str]:
    """Simplified headword → the English gloss lemmas of all its senses, space-separated."""
    return _part("every")


@lru_cache(maxsize=1 << 16)  # asked for every headword of every scanned text
def common_lemmas(headword: str) -> frozenset[str]:
    """Gloss lemmas of a Simplified headword's common-noun senses (布什 is not a bush)."""
    lemmas = chinese_to_english().get(headword)
    if not lemmas:
        return frozenset()
    proper = _part("proper_only").get(headword)
    return frozenset(lemmas.split()) - frozenset(proper.split() if proper else ())


def english_names() -> dict[str, str]:
    """Lowercase English name → Simplified headwords rendering it (``cisco`` → ``思科``)."""
    return _part("names")


@lru_cache(maxsize=1)
def transliteration_characters() -> frozenset[str]:
    """Characters that transliterated names are spelt with (斯, 克, 林, 爾 …)."""
    return frozenset(_part("transliteration"))


@lru_cache(maxsize=1)
def traditional_words() -> frozenset[str]:
    """Traditional headwords of two characters or more."""
    return frozenset(_part("traditional_words").split("\n"))


def character_groups() -> dict[str, str]:
    """Traditional character → other traditional characters with the same simplified form."""
    return _part("char_groups")


@lru_cache(maxsize=1)
def script_only_characters() -> tuple[frozenset[str], frozenset[str]]:
    """(characters only Traditional headwords use, characters only Simplified ones use)."""
    return frozenset(_part("traditional_only")), frozenset(_part("simplified_only"))


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every gloss lemma: the English words the dictionary can translate."""
    return frozenset(_part("vocabulary").split())


@lru_cache(maxsize=1)
def headword_prefixes() -> frozenset[str]:
    """Every proper prefix of a headword: a scan stops as soon as no headword can follow."""
    return frozenset(_part("prefixes").split("\n"))


@lru_cache(maxsize=1)
def common_vocabulary() -> frozenset[str]:
    """Every lemma of a common-noun sense: what counts as an ordinary English word."""
    return frozenset(_part("common_vocabulary").split())


@lru_cache(maxsize=1)
def _pinyin() -> dict[str, str]:
    return _part("pinyin")


def pinyin_of(char: str) -> str:
    """Toneless pinyin of a Simplified or Traditional character ('' when unknown)."""
    table = _pinyin()
    found = table.get(char)
    if found is None:
        from align.lang.zh import to_simplified

        found = table.get(to_simplified(char), "")
    return found


def simplified_forms(char: str) -> str:
    """The Simplified forms CC-CEDICT gives a single Traditional character (瞭 → 了瞭)."""
    return _part("char_simplified").get(char, char)


def pure_variants() -> dict[str, str]:
    """Character → characters it is only an orthographic variant of (裏 → 裡里)."""
    return _part("pure_variants")
