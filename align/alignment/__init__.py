"""Sentence and line alignment: a banded dynamic program over beads.

Machine translation and editing merge, split and drop lines, so pairing is real alignment.
Each bead (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1) costs:

- a Gale-Church length term ``z²/2``, ``z`` being the Chinese length's deviation from the
  document's own ratio × the English length (``align.lengths``), so it adapts to machine
  (~0.33) and human (~0.30) translation; linear beyond ``|z| = 1.5`` (``model.length_cost``)
  so that an unusual length does not outweigh the words;
- a lexical term through CC-CEDICT, ``λ·(1 − coverage)``: coverage is the share of the English
  content words whose dictionary translation occurs in the Chinese (words in more than 10% of
  words); a sentence merged into a bead that shares no word with the other side adds ``μ``;
- the evidence of each sentence's *own* words (``evidence.own_evidence``): the log-likelihood
  ratio that the sentence is translated in the bead rather than left out, each of its words
  found with the document's hit rate if it is, by chance (how many of the other side's
  sentences have the word) if not — counting only the words the bead's other sentences do not
  have, since neighbours share their topic's words. Evidence against costs its full ratio (a
  merged sentence: rather a 1-0 or 0-1 bead beside the bead; a 1-1 bead at half weight);
  evidence for a bead earns a fifth of each source sentence's ratio back, and a merge whose
  every sentence has evidence for it half of the weakest one's on top;
- the bead's prior, so merges, splits and drops must earn their place; the second pass takes
  the document's own share of 1-0 and 0-1 beads (and its hit rates) from the first.

Long documents are aligned in a band around a centre line through rare-word anchors
(``anchors.py``); the band is vectorised with NumPy (``beads.py``). A document of at least
``_MIN_SENTENCES`` sentences a side is then aligned again, in a narrow band around the first
path, with the word pairs its first alignment teaches (``learned.py``) added to the dictionary's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from align.alignment.model import FREQUENT, LENGTH_HUBER, PRIOR, Bead, length_cost
from align.lengths import VARIANCE, bracketed, chinese_length, english_length

__all__ = ["AlignerSettings", "Bead", "align_lengths", "align_sentences"]


@dataclass(frozen=True)
class AlignerSettings:
    lexical_weight: float = 3.0  # λ
    orphan_penalty: float = 1.0  # μ
    width: int = 40  # half-width of the band, in target sentences
    variance: float = VARIANCE


def _ratio(src_len: Sequence[float], tgt_len: Sequence[float]) -> float:
    return min(max((sum(tgt_len) or 1.0) / (sum(src_len) or 1.0), 0.15), 0.8)


def _length_centres(src_len: Sequence[float], tgt_len: Sequence[float]) -> list[int]:
    """For each source boundary, the target boundary at the same share of the total length."""
    total_src, total_tgt = sum(src_len) or 1.0, sum(tgt_len) or 1.0
    centres, seen, j, reached = [], 0.0, 0, 0.0
    for i in range(len(src_len) + 1):
        goal = seen / total_src * total_tgt
        while j < len(tgt_len) and reached + tgt_len[j] <= goal:
            reached += tgt_len[j]
            j += 1
        centres.append(j)
        if i < len(src_len):
            seen += src_len[i]
    return centres


def _costs(
    src_len: list[float], tgt_len: list[float], settings: AlignerSettings,
    measured: dict[str, float] | None = None,
) -> Any:  # fmt: skip
    from align.alignment.beads import BeadCosts  # NumPy: only whole documents need it

    return BeadCosts(_ratio(src_len, tgt_len), settings.variance, settings.lexical_weight,
                     settings.orphan_penalty, **(measured or {}))  # fmt: skip


# A document's share of 1-0 or 0-1 beads, as its first alignment finds it, is kept inside
# these bounds (a document with none still may have one; one with many is not all drops).
_EMPTY_RATE = (0.005, 0.1)


def _measured(
    beads: Sequence[Bead], src_masks: list[int], tgt_masks: list[int]
) -> dict[str, float]:
    """What the second pass learns of the document from its first alignment: the share of a
    sentence's words its translation has, from either side, over the 1-1 beads; and the share
    of sentences that are dropped (1-0) and added (0-1), the priors of those beads (Laplace's
    rule of succession, within ``_EMPTY_RATE``)."""
    ones = [(src[0], tgt[0]) for src, tgt in beads if len(src) == 1 and len(tgt) == 1]
    shared = sum((src_masks[i] & tgt_masks[j]).bit_count() for i, j in ones)
    src_known = sum(src_masks[i].bit_count() for i, _ in ones)
    tgt_known = sum(tgt_masks[j].bit_count() for _, j in ones)
    drops = sum(1 for src, tgt in beads if not tgt)
    adds = sum(1 for src, tgt in beads if not src)
    low, high = _EMPTY_RATE
    measured = {
        "drop_rate": min(max((drops + 1) / (len(src_masks) + 2), low), high),
        "add_rate": min(max((adds + 1) / (len(tgt_masks) + 2), low), high),
    }
    if src_known and tgt_known and shared:
        measured["hit_rate"] = min(max(shared / src_known, 0.2), 0.9)
        measured["target_hit_rate"] = min(max(shared / tgt_known, 0.01), 0.9)
    return measured


def _align(
    src_len: list[float], tgt_len: list[float], src_masks: list[int], tgt_masks: list[int],
    settings: AlignerSettings,
) -> list[Bead]:  # fmt: skip
    from align.alignment.anchors import anchor_centres

    n, m = len(src_len), len(tgt_len)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    costs = _costs(src_len, tgt_len, settings)
    fallback = _length_centres(src_len, tgt_len)
    short = max(n, m) <= 2 * settings.width
    centres = fallback if short else anchor_centres(src_masks, tgt_masks, fallback)
    width = max(settings.width, abs(n - m) + 2) if short else settings.width
    return _banded(src_len, tgt_len, src_masks, tgt_masks, centres, width, costs)


def _banded(
    src_len: list[float], tgt_len: list[float], src_masks: list[int], tgt_masks: list[int],
    centres: list[int], width: int, costs: Any,
) -> list[Bead]:  # fmt: skip
    from align.alignment.beads import banded_alignment

    n, m = len(src_len), len(tgt_len)
    while True:
        try:
            return banded_alignment(src_len, tgt_len, src_masks, tgt_masks, centres, width, costs)
        except ValueError:  # the best path needs a wider band: rare, and only costs time
            if width > max(n, m):
                raise
            width *= 2


def align_sentences(
    source: Sequence[str],
    target: Sequence[str],
    settings: AlignerSettings | None = None,
    *,
    lexical: bool = True,
) -> list[Bead]:
    """Best bead sequence pairing English ``source`` with Chinese ``target`` sentences."""
    from align.alignment.learned import han_bigrams, learned_masks
    from align.alignment.lexicon import chinese_masks, english_masks, kept_latin_masks
    from align.lang.en import content_lemmas

    settings = settings or AlignerSettings()
    src_len = [float(english_length(s)) for s in source]
    kept = bracketed("\n".join(source))  # a gloss the English has somewhere is no addition
    tgt_len = [chinese_length(t, kept) for t in target]
    if lexical and source and target:
        vocab: dict[str, int] = {}
        lemmas = [content_lemmas(sentence) for sentence in source]
        src_masks = english_masks(source, vocab, lemmas)
        tgt_masks = chinese_masks(target, vocab)
        src_kept, tgt_kept = kept_latin_masks(source, target, vocab)
        src_masks = [a | b for a, b in zip(src_masks, src_kept, strict=True)]
        tgt_masks = [a | b for a, b in zip(tgt_masks, tgt_kept, strict=True)]
        src_masks, tgt_masks = _without_frequent(src_masks, tgt_masks)
    else:
        src_masks, tgt_masks = [0] * len(source), [0] * len(target)
    beads = _align(src_len, tgt_len, src_masks, tgt_masks, settings)
    if not lexical or min(len(source), len(target)) < _MIN_SENTENCES:
        return beads
    # Second pass: with the word pairs the first one teaches, in a band around its path.
    grams = [han_bigrams(sentence) for sentence in target]
    src_learned, tgt_learned = learned_masks(list(map(set, lemmas)), grams, beads, vocab)
    if not any(src_learned):
        return beads
    src_masks, tgt_masks = _without_frequent(
        [a | b for a, b in zip(src_masks, src_learned, strict=True)],
        [a | b for a, b in zip(tgt_masks, tgt_learned, strict=True)],
    )
    measured = _measured(beads, src_masks, tgt_masks)
    centres, costs = _path_centres(beads), _costs(src_len, tgt_len, settings, measured)
    return _banded(src_len, tgt_len, src_masks, tgt_masks, centres, _REALIGN_WIDTH, costs)


# The second pass corrects the first one locally: a band this wide around its path suffices
# (``_banded`` widens it should no path fit).
_REALIGN_WIDTH = 10


def _path_centres(beads: Sequence[Bead]) -> list[int]:
    """For each source boundary, the target boundary the path passes there."""
    centres, j = [0], 0
    for src, tgt in beads:
        j += len(tgt)
        centres.extend([j] * len(src))
    return centres


def _without_frequent(src_masks: list[int], tgt_masks: list[int]) -> tuple[list[int], list[int]]:
    keep = ~_frequent(src_masks)
    return [mask & keep for mask in src_masks], [mask & keep for mask in tgt_masks]


_MIN_SENTENCES = 50


def _frequent(masks: Sequence[int]) -> int:
    """The bits of the words that occur in more than ``FREQUENT`` of the sentences."""
    if len(masks) < _MIN_SENTENCES:
        return 0
    from align.alignment.bitsets import bit_counts

    limit = FREQUENT * len(masks)
    frequent = 0
    for bit, count in enumerate(bit_counts(masks)):
        if count > limit:
            frequent |= 1 << bit
    return frequent


_PRIOR_COSTS = [(di, dj, -math.log(p)) for (di, dj), p in PRIOR.items()]
# Any path other than the all 1-1 diagonal costs at least this much more than its source
# sentences' share of 1-1 priors: its cheapest bead that is not 1-1 (2-1) minus the 1-1
# priors of the sentences that bead covers.
_ONE_ONE = -math.log(PRIOR[1, 1])
_DETOUR = min(cost - di * _ONE_ONE for di, dj, cost in _PRIOR_COSTS if (di, dj) != (1, 1))


def _diagonal_wins(
    source: Sequence[float], target: Sequence[float], ratio: float, variance: float
) -> bool:
    """True when pairing sentence k with sentence k is provably the best alignment: its
    length costs add up to less than any detour's extra prior (the common case of a pair
    whose sentences correspond, decided without the dynamic program)."""
    total = 0.0
    for le, lz in zip(source, target, strict=True):
        total += length_cost((lz - ratio * le) / math.sqrt(max(le, 1.0) * variance))
        if total >= _DETOUR:
            return False
    return True


# Half-width of the band of ``align_lengths``, in target sentences around the diagonal; a pair
# whose sides differ in sentence count gets that difference on top.
_PAIR_BAND = 6


def align_lengths(source: Sequence[float], target: Sequence[float]) -> list[Bead]:
    """Length-only Gale-Church alignment of a few sentences (English chars, Chinese chars).

    Pure Python: for the handful of sentences inside one pair, NumPy's per-call overhead and
    the dictionary scan cost more than they bring; whole documents use ``align_sentences``.
    """
    n, m = len(source), len(target)
    ratio = _ratio(source, target)
    variance = AlignerSettings().variance
    if n == m and _diagonal_wins(source, target, ratio, variance):
        return [((i,), (i,)) for i in range(n)]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    src_sum, tgt_sum = [0.0], [0.0]
    for length in source:
        src_sum.append(src_sum[-1] + length)
    for length in target:
        tgt_sum.append(tgt_sum[-1] + length)
    # For the source side of every bead starting at i: the expected Chinese length and
    # 1 / its standard deviation, computed once rather than in every cell.
    expected = [[0.0] * 4 for _ in range(n + 1)]
    scale = [[0.0] * 4 for _ in range(n + 1)]
    for i in range(n + 1):
        for di in range(1, min(3, n - i) + 1):
            le = src_sum[i + di] - src_sum[i]
            expected[i][di] = ratio * le
            scale[i][di] = 1.0 / math.sqrt(max(le, 1.0) * variance)
    huber = LENGTH_HUBER
    width = _PAIR_BAND + abs(n - m)
    for i in range(n + 1):
        centre = i * m // n if n else m
        row, expected_i, scale_i = cost[i], expected[i], scale[i]
        for j in range(max(0, centre - width), min(m, centre + width) + 1):
            base = row[j]
            if base == inf:
                continue
            for di, dj, prior in _PRIOR_COSTS:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                c = base + prior
                if di and dj:  # length_cost, inlined: this loop is every pair's hot spot
                    z = (tgt_sum[nj] - tgt_sum[j] - expected_i[di]) * scale_i[di]
                    c += z * z / 2 if -huber <= z <= huber else huber * (abs(z) - huber / 2)
                if c < cost[ni][nj]:
                    cost[ni][nj], back[ni][nj] = c, (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    return beads[::-1]
