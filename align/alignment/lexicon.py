"""Sentences as sets of English lemmas, so English and Chinese compare through CC-CEDICT.

An English sentence is the set of its content-word lemmas (those the dictionary knows); a
Chinese sentence is the set of lemmas glossing every dictionary headword found in it (all
substrings up to six characters of the Simplified view, so no segmenter is needed). Sets are
Python ints used as bitsets: intersection is ``&`` and its size ``bit_count()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from align.lang.cedict import chinese_to_english, vocabulary
from align.lang.en import STOPWORDS, content_lemmas
from align.lang.scan import headwords_in


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
