"""What a bead's words say about it: the evidence of each merged sentence's *own* words.

A sentence merged into a 2-1 or 3-1 bead should find the words only it has in the bead's
translation at the document's hit rate; a sentence left out finds them only by chance. The
log-likelihood ratio of the two is the evidence ``beads.py`` adds to a merge's cost.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from align.alignment.bitsets import Sparse


@dataclass(frozen=True)
class Sides:
    """What the bead costs read of each side's sentences: prefix sums of their lengths, and
    how many dictionary words each has (with the source's prefix sums)."""

    src_prefix: np.ndarray
    tgt_prefix: np.ndarray
    src_known: np.ndarray
    tgt_known: np.ndarray
    known_prefix: np.ndarray
    # For the evidence of a sentence's words (``log_ratio``), a word in several sentences that the
    # other side never has does not count: the dictionary's gap (a name it reads as a word),
    # not lines left out. How many words a sentence has that count, ...
    src_evident: np.ndarray
    tgt_evident: np.ndarray
    # ... the chance that a sentence of the other side has one of them (the mean over them of
    # the share of the other side's sentences that have it) ...
    src_chance: np.ndarray
    tgt_chance: np.ndarray
    # ... and how many each of ``common_masks`` has
    src_common: dict[str, np.ndarray]
    tgt_common: dict[str, np.ndarray]

    @classmethod
    def of(
        cls, src_len: Sequence[float], tgt_len: Sequence[float],
        src: dict[str, Sparse], tgt: dict[str, Sparse],
    ) -> Sides:  # fmt: skip
        """``src``/``tgt``: each side's sentences (key ``""``) and ``common_masks``."""
        sentences, translations = src[""], tgt[""]
        longest = 1 + int(max(sentences.bits.max(initial=-1), translations.bits.max(initial=-1)))
        src_counts, tgt_counts = sentences.per_bit(longest), translations.per_bit(longest)
        # 1.0 for a bit that counts as evidence, 0.0 for one of the dictionary's gaps
        src_seen = 1.0 - dictionary_gaps(src_counts, tgt_counts)
        tgt_seen = 1.0 - dictionary_gaps(tgt_counts, src_counts)
        src_known, tgt_known = sentences.per_mask(), translations.per_mask()
        src_evident = sentences.per_mask(src_seen[sentences.bits])
        tgt_evident = translations.per_mask(tgt_seen[translations.bits])
        return cls(
            src_prefix=np.concatenate([[0.0], np.cumsum(src_len)]),
            tgt_prefix=np.concatenate([[0.0], np.cumsum(tgt_len)]),
            src_known=src_known,
            tgt_known=tgt_known,
            known_prefix=np.concatenate([[0.0], np.cumsum(src_known)]),
            src_evident=src_evident,
            tgt_evident=tgt_evident,
            src_chance=sentences.per_mask((tgt_counts / max(translations.count, 1))[sentences.bits])
            / np.maximum(src_evident, 1.0),
            tgt_chance=translations.per_mask(
                (src_counts / max(sentences.count, 1))[translations.bits]
            )
            / np.maximum(tgt_evident, 1.0),
            src_common={
                key: common.per_mask(src_seen[common.bits]) for key, common in src.items() if key
            },
            tgt_common={
                key: common.per_mask(tgt_seen[common.bits]) for key, common in tgt.items() if key
            },
        )


# A word in this many sentences of one side and none of the other is a gap of the dictionary:
# were its sentences all translated, each translation would miss it with odds 1 − hit rate
# (about 0.3³ ≈ 3% for three sentences).
GAP = 3


def dictionary_gaps(counts: np.ndarray, other: np.ndarray) -> np.ndarray:
    """1.0 for the bits set in at least ``GAP`` sentences (``counts``) and in none of the
    other side's (``other``), else 0.0."""
    return ((counts >= GAP) & (other == 0)).astype(np.float64)


def log_ratio(shared: np.ndarray, known: np.ndarray, hit: float, chance: np.ndarray) -> np.ndarray:
    """Log-likelihood ratio that a sentence with ``known`` words, ``shared`` of them found on
    the other side, is translated there rather than beside it: each word found with the
    document's ``hit`` rate if it is, by ``chance`` if not (binomial)."""
    chance = np.clip(chance, 1e-3, 0.5 * hit)
    return shared * np.log(hit / chance) + (known - shared) * np.log((1 - hit) / (1 - chance))


# The pairs of a merge's sentences (counted back from its end: 1 is the last) and the common
# mask, with how far back it starts, that holds the words both have.
PAIRS = {
    2: {(2, 1): ("1", 2)},
    3: {(3, 2): ("1", 3), (3, 1): ("2", 3), (2, 1): ("1", 2)},
}


def own_evidence(
    count: int, shared: dict[int, np.ndarray], known: dict[int, np.ndarray],
    common: Callable[[str, int], tuple[np.ndarray, np.ndarray]],
    hit: float, chance: dict[int, np.ndarray],
) -> list[np.ndarray]:  # fmt: skip
    """For each of the ``count`` sentences merged on one side of a bead, the log-likelihood
    ratio (``log_ratio``) of its *own* words: those none of the merge's other sentences has.
    Neighbouring sentences share their topic's words, so a sentence left out still finds words
    in its neighbour's translation (a fifth of them in the Bible, 2.5 times chance); of the
    words it does not share with the neighbour, chance finds no more than in any sentence.
    ``shared[k]``, ``known[k]`` and ``chance[k]`` are the k-th sentence's (1 = the last);
    ``common(key, back)``: (found on the other side, how many) of a common mask's words."""
    pairs = {pair: common(*where) for pair, where in PAIRS[count].items()}
    zero = np.zeros(1)
    triple = common("12", 3) if count == 3 else (zero, zero)
    out = []
    for k in range(1, count + 1):
        mine = [pair for pair in pairs if k in pair]
        twice = len(mine) - 1  # inclusion-exclusion: words all three have
        explained = sum(pairs[pair][0] for pair in mine) - twice * triple[0]
        in_common = sum(pairs[pair][1] for pair in mine) - twice * triple[1]
        own_known = np.maximum(known[k] - in_common, 0.0)
        own_shared = np.clip(shared[k] - explained, 0.0, own_known)
        out.append(log_ratio(own_shared, own_known, hit, chance[k]))
    return out


def added(arrays: Iterable[np.ndarray]) -> np.ndarray:
    """The sum of one or more arrays (``sum`` would start from the integer 0)."""
    total: np.ndarray = functools.reduce(np.add, arrays)
    return total
