"""Sentences as sets of English lemmas, so English and Chinese compare through CC-CEDICT.

An English sentence is the set of its content-word lemmas (those the dictionary knows); a
Chinese sentence is the set of lemmas glossing every dictionary headword found in it (all
substrings up to six characters of the Simplified view, so no segmenter is needed). Sets are
Python ints used as bitsets: intersection is ``&`` and its size ``bit_count()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from align.lang.cedict import MAX_HEADWORD, chinese_to_english, headword_prefixes, vocabulary
from align.lang.en import STOPWORDS, content_lemmas
from align.lang.zh import to_simplified
from align.pair_cache import per_pair

# (start, end, Simplified headword) of a dictionary word found in a Chinese text.
Headword = tuple[int, int, str]


def english_masks(
    sentences: Sequence[str],
    vocab: dict[str, int],
    lemmas: Sequence[Iterable[str]] | None = None,
) -> list[int]:
    """Bitsets of dictionary-known lemmas; ``vocab`` maps each lemma to its bit and grows.
    ``lemmas``: the sentences' ``content_lemmas`` where the caller has them already."""
    known = vocabulary()
    masks = []
    for words in lemmas if lemmas is not None else map(content_lemmas, sentences):
        mask = 0
        for word in words:
            if word in known:
                mask |= 1 << vocab.setdefault(word, len(vocab))
        masks.append(mask)
    return masks


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def kept_latin_masks(
    source: Sequence[str], target: Sequence[str], vocab: dict[str, int]
) -> tuple[list[int], list[int]]:
    """Bitsets of the Latin-script words (names, untranslated words: 以利沙（Elishah）) that the
    Chinese keeps from the English; only words the Chinese side has at all get a bit."""
    tgt_words = [{w.lower() for w in _LATIN_WORD.findall(t)} - STOPWORDS for t in target]
    present = set().union(*tgt_words)
    if not present:
        return [0] * len(source), [0] * len(target)

    def mask(words: set[str]) -> int:
        bits = 0
        for word in words & present:
            bits |= 1 << vocab.setdefault("\0" + word, len(vocab))  # apart from gloss lemmas
        return bits

    src = [mask({w.lower() for w in _LATIN_WORD.findall(s)}) for s in source]
    return src, [mask(words) for words in tgt_words]


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


def chinese_masks(sentences: Sequence[str], vocab: dict[str, int]) -> list[int]:
    """Bitsets over the English ``vocab`` of the lemmas the Chinese sentences' words gloss."""
    index = chinese_to_english()
    memo: dict[str, int] = {}
    masks = []
    for sentence in sentences:
        mask = 0
        for _, _, word in headwords_in(sentence):
            found = memo.get(word)
            if found is None:
                found = 0
                for lemma in index[word].split():
                    bit = vocab.get(lemma)
                    if bit is not None:
                        found |= 1 << bit
                memo[word] = found
            mask |= found
        masks.append(mask)
    return masks


@lru_cache(maxsize=1 << 16)
def glosses(headword: str) -> frozenset[str]:
    """The English gloss lemmas of one Simplified headword."""
    return frozenset(chinese_to_english().get(headword, "").split())
