"""Word pairs a document teaches its own alignment (the second pass of ``align_sentences``).

CC-CEDICT misses much of what a translation actually says: names written in characters only
(以利沙 for Elishah), a translator's or engine's habitual word for a term. The first pass's
1-1 beads are mostly right, so an English lemma and a Chinese character bigram that keep
occurring in the same beads — Dice coefficient ``2·c(e, z) / (c(e) + c(z))`` at least
``_DICE``, together at least ``_MIN_COUNT`` times — are taken as translations of each other,
as Moore (2002) and hunalign's realignment learn a lexicon from a first alignment. Each learned
English lemma gets a bit of its own, set in the English sentences that have the lemma and in the
Chinese sentences that have one of its bigrams.

Measured with ``python tests/bench/bible_align.py --seeds 13 1 2 3`` (Dice 0.5 / 0.7 / 0.9 at 3
beads): the human translation 0.966 / 0.968 / 0.967 strict F1, its machine translation with
merges and drops 0.980 / 0.981 / 0.979 (mean of the four seeds; 0.978 with the first pass
alone). Over seeds 4–9, which played no part in choosing these: 0.974 → 0.978.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain
from typing import TypeVar

from align.alignment.model import FREQUENT, Bead
from align.lang.script import HAN_CLASS
from align.lang.zh import to_simplified

_DICE = 0.7
# Learning from more beads than this adds little and would let the pair counts (about 100
# distinct pairs a bead) grow without bound on a book-length document.
_MAX_BEADS = 5000
_MIN_COUNT = 3
_T = TypeVar("_T")
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")


def han_bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a Chinese text's Han runs, in its Simplified view."""
    grams: set[str] = set()
    for run in _HAN_RUN.findall(to_simplified(text)):
        grams.update(run[k : k + 2] for k in range(len(run) - 1))
    return frozenset(grams)


def evenly_spread(items: list[_T], most: int) -> list[_T]:
    """At most ``most`` of the items, every k-th from the first."""
    return items[:: -(-len(items) // most) or 1]


def learned_pairs(
    english: Sequence[set[str]], chinese: Sequence[frozenset[str]], beads: Sequence[Bead]
) -> dict[str, set[str]]:
    """Chinese bigram → the English lemmas it translates, learned from the 1-1 ``beads``
    (``english``: each source sentence's lemmas; ``chinese``: each target's ``han_bigrams``)."""
    ones = [(src[0], tgt[0]) for src, tgt in beads if len(src) == 1 and len(tgt) == 1]
    ones = evenly_spread(ones, _MAX_BEADS)
    english_count = Counter(word for i, _ in ones for word in english[i])
    chinese_count = Counter(gram for _, j in ones for gram in chinese[j])
    # Only words that can reach the bar: seen in enough beads, and no more often than the
    # aligner uses a word (``FREQUENT``); a bigram far more common than every such word
    # cannot reach the Dice bar with any of them (c(z) ≤ (2/Dice − 1)·c(e)).
    limit = FREQUENT * len(english)
    english_kept = {w for w, c in english_count.items() if _MIN_COUNT <= c <= limit}
    most = max((english_count[w] for w in english_kept), default=0) * (2 / _DICE - 1)
    chinese_kept = {g for g, c in chinese_count.items() if _MIN_COUNT <= c <= most}
    words, grams = sorted(english_kept), sorted(chinese_kept)
    word_id = {w: k for k, w in enumerate(words)}
    gram_id = {g: k for k, g in enumerate(grams)}
    word_ids = [[word_id[w] for w in english[i] & english_kept] for i, _ in ones]
    gram_ids = [[gram_id[g] for g in chinese[j] & chinese_kept] for _, j in ones]
    pairs: dict[str, set[str]] = {}
    for w, g, count in _together(word_ids, gram_ids, len(grams)):
        if 2 * count >= _DICE * (english_count[words[w]] + chinese_count[grams[g]]):
            pairs.setdefault(grams[g], set()).add(words[w])
    return pairs


def _together(
    word_ids: list[list[int]], gram_ids: list[list[int]], grams: int
) -> Iterator[tuple[int, int, int]]:
    """(word, gram, how many beads hold both) for the pairs in at least ``_MIN_COUNT`` beads;
    bead k holds the words ``word_ids[k]`` and the bigrams ``gram_ids[k]``. Every pair of a
    bead is coded as one integer and the codes counted by sorting (NumPy: a Counter of string
    pairs took most of the second pass's time)."""
    import numpy as np

    from align.alignment.bitsets import within_runs

    word_count = np.array([len(x) for x in word_ids], dtype=np.int64)
    gram_count = np.array([len(x) for x in gram_ids], dtype=np.int64)
    flat_words = np.fromiter(chain.from_iterable(word_ids), dtype=np.int64)
    flat_grams = np.fromiter(chain.from_iterable(gram_ids), dtype=np.int64)
    gram_start = np.concatenate([[0], np.cumsum(gram_count)[:-1]])
    bead_of_word = np.repeat(np.arange(len(word_ids)), word_count)
    # Each word occurrence pairs with every bigram of its bead.
    repeats = gram_count[bead_of_word]
    total = int(repeats.sum())
    if not total:
        return
    gram_at = np.repeat(gram_start[bead_of_word], repeats) + within_runs(repeats)
    codes = np.repeat(flat_words, repeats) * grams + flat_grams[gram_at]
    found, counts = np.unique(codes, return_counts=True)
    keep = counts >= _MIN_COUNT
    for code, count in zip(found[keep].tolist(), counts[keep].tolist(), strict=True):
        yield code // grams, code % grams, count


def learned_masks(
    english: Sequence[set[str]],
    chinese: Sequence[frozenset[str]],
    beads: Sequence[Bead],
    vocab: dict[str, int],
) -> tuple[list[int], list[int]]:
    """Bitsets of the learned pairs' English lemmas on both sides; ``vocab`` grows (the
    lemmas get bits apart from the dictionary's, so a confirmed word counts twice)."""
    pairs = learned_pairs(english, chinese, beads)
    if not pairs:
        return [0] * len(english), [0] * len(chinese)
    bits: dict[str, int] = {}
    for word in sorted(set().union(*pairs.values())):  # bits in a reproducible order
        bits[word] = 1 << vocab.setdefault("\1" + word, len(vocab))
    src = []
    for words in english:
        mask = 0
        for word in bits.keys() & words:
            mask |= bits[word]
        src.append(mask)
    tgt = []
    for grams in chinese:
        mask = 0
        for gram in pairs.keys() & grams:
            for word in pairs[gram]:
                mask |= bits[word]
        tgt.append(mask)
    return src, tgt
