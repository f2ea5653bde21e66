"""The banded bead dynamic program, vectorised with NumPy.

Row ``i`` of the band holds the best cost of aligning the first ``i`` source sentences with the
first ``j`` target sentences for ``j = base[i] + k``, ``0 ≤ k < 2W + 1``. Bead costs do not
depend on the path, so each bead shape's cost is computed for the whole band at once; the
recursion then only gathers, adds and takes minima row by row. The 0-1 bead (a target sentence
with no source) stays in its row and is folded in with a running minimum.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from align.alignment.model import DOCUMENT_PRIOR, LENGTH_HUBER, PRIOR, Bead

PAIR_SHAPES = [shape for shape in PRIOR if shape[0] and shape[1]]
_PAD = 3
# A sentence merged into a bead must share at least this share of the words with the other side.
_ORPHAN = 0.25
_RELATIVE = 1.0
# ... and a merged sentence sharing no dictionary word at all with the other side pays more.
_DISJOINT = 3.0
# Before a document's first alignment has measured them: the share of an English sentence's
# dictionary words its translation has, and of a Chinese sentence's words (the glosses of every
# headword in it, so many more) its source has; 0.71 and 0.09 on bench/bible's MT.
HIT_RATE = 0.7
TARGET_HIT_RATE = 0.1
# The weight of the evidence from a Chinese sentence's words: a word shows as several glosses,
# of its headword and of the headwords inside it, which are not independent. 0.125-1.0 align
# alike on the MT tuning seeds (100-104); 0.5 is the best on the first half of the human Bible
# (the second half held out: ``tests/bench/bible_align.py``).
_TARGET_EVIDENCE = 0.5
# A 1-1 bead's words weigh half as much (its lexical term already charges a poor cover; 1.0
# finds a few more drops on the MT tuning seeds but makes more false 1-0 beads and costs the
# human Bible's first half 0.006 strict F1).
_SINGLE_EVIDENCE = 0.5
# Evidence for a merge: a merge each of whose sentences has its own words in the bead earns
# back this share of the weakest one's log-likelihood ratio (1.0: fewer drops found).
_MERGE_SUPPORT = 0.5


def _length_cost(z: np.ndarray) -> np.ndarray:
    """``model.length_cost`` over an array."""
    a = np.abs(z)
    return np.where(a <= LENGTH_HUBER, z * z / 2, LENGTH_HUBER * (a - LENGTH_HUBER / 2))


@dataclass(frozen=True)
class BeadCosts:
    """What a bead costs; see ``align.alignment`` for the model."""

    ratio: float
    variance: float
    lexical_weight: float
    orphan_penalty: float
    # Measured on the document's first alignment where there is one (``align_sentences``):
    # the share of a sentence's words its translation has, from each side, and the share of
    # 1-0 and 0-1 beads (None: ``DOCUMENT_PRIOR``'s).
    hit_rate: float = HIT_RATE
    target_hit_rate: float = TARGET_HIT_RATE
    drop_rate: float | None = None
    add_rate: float | None = None

    def prior_cost(self, shape: tuple[int, int]) -> float:
        if shape == (1, 0) and self.drop_rate is not None:
            return -math.log(self.drop_rate)
        if shape == (0, 1) and self.add_rate is not None:
            return -math.log(self.add_rate)
        return -math.log(DOCUMENT_PRIOR[shape])


class _Band:
    """Coordinates of the band and the sentence-pair word overlaps inside it."""

    def __init__(
        self, src_masks: Sequence[int], tgt_masks: Sequence[int], base: np.ndarray, size: int,
        src_common: dict[str, list[int]], tgt_common: dict[str, list[int]],
    ):  # fmt: skip
        n, m = len(src_masks), len(tgt_masks)
        self.base, self.size, self.n, self.m = base, size, n, m
        self.rows = np.arange(n + 1)[:, None]
        self.j = base[:, None] + np.arange(size)[None, :]  # target boundary of each cell
        # overlap[r, x] = |E_r ∩ Z_c| for c = base[r + 1] − PAD + x
        first, width = base[1:] - _PAD, size + 2 * _PAD
        # The same with the words a sentence shares with its neighbours (``common_masks``) on
        # either side in place of E_r or Z_c.
        keys = list(src_common)
        self.overlap, *found = _overlaps_of(
            [src_masks, *(src_common[key] for key in keys)], tgt_masks, first, width
        )
        self.src_common = dict(zip(keys, found, strict=True))
        self.tgt_common = {
            key: _overlaps(src_masks, masks, first, width) for key, masks in tgt_common.items()
        }

    def pair_overlap(
        self, back_rows: int, back_cols: int, rows: slice, src: str = "", tgt: str = ""
    ) -> np.ndarray:
        """|E_(i−back_rows) ∩ Z_(j−back_cols)| for every cell (i, j) of ``rows``; 0 outside
        the data. ``src`` or ``tgt`` names one of that side's ``common_masks`` to use instead
        of its sentences."""
        overlap = self.src_common[src] if src else self.tgt_common[tgt] if tgt else self.overlap
        r = self.rows[rows, 0] - back_rows
        c = self.j[rows] - back_cols
        ok_r = r >= 0
        r_safe = np.where(ok_r, r, 0)
        x = c - (self.base[np.minimum(r_safe + 1, self.n)][:, None] - _PAD)
        ok = ok_r[:, None] & (x >= 0) & (x < overlap.shape[1]) & (c >= 0) & (c < self.m)
        values = overlap[r_safe[:, None], np.clip(x, 0, overlap.shape[1] - 1)]
        return np.where(ok, values, 0.0)


def common_masks(masks: Sequence[int]) -> dict[str, list[int]]:
    """The words each sentence shares with the next one (``"1"``), the one after that
    (``"2"``) and both (``"12"``): what a bead's other sentences can explain of it."""
    after = [*masks[1:], 0]
    second = [*masks[2:], 0, 0][: len(masks)]
    return {
        "1": [a & b for a, b in zip(masks, after, strict=True)],
        "2": [a & b for a, b in zip(masks, second, strict=True)],
        "12": [a & b & c for a, b, c in zip(masks, after, second, strict=True)],
    }


def _overlaps(
    src_masks: Sequence[int], tgt_masks: Sequence[int], first: np.ndarray, width: int
) -> np.ndarray:
    """``out[r, x] = |src_masks[r] ∩ tgt_masks[first[r] + x]|`` (0 where the column is outside
    the target). Vectorised by blocks of source rows: the block's (row, word) pairs are looked
    up in the target rows it can reach, unpacked to a 0/1 matrix (memory bounded by the
    block, not the document)."""
    return _overlaps_of([src_masks], tgt_masks, first, width)[0]


def _overlaps_of(
    sources: Sequence[Sequence[int]], tgt_masks: Sequence[int], first: np.ndarray, width: int
) -> list[np.ndarray]:
    """``_overlaps`` of several lists of source masks as long as each other, against the same
    target masks: each block of the target is unpacked once for all of them."""
    n, m = len(sources[0]), len(tgt_masks)
    outs = [np.zeros((max(n, 1), width), dtype=np.float64) for _ in sources]
    longest = max(
        mask.bit_length() for mask in [0, *tgt_masks, *(max(s, default=0) for s in sources)]
    )
    if not longest:
        return outs
    nbytes = (longest + 7) // 8
    for r0 in range(0, n, _BLOCK):
        r1 = min(n, r0 + _BLOCK)
        lo = max(0, int(first[r0:r1].min()))
        hi = min(m, int(first[r0:r1].max()) + width)
        if lo >= hi:
            continue
        target: np.ndarray | None = None
        for src_masks, out in zip(sources, outs, strict=True):
            rows, bits = _set_bits(src_masks[r0:r1], nbytes)
            if not len(rows):
                continue
            if target is None:
                target = _unpack(tgt_masks[lo:hi], nbytes)
            start = first[r0 + rows]
            for x in range(width):
                column = start + x
                inside = (column >= lo) & (column < hi)
                found = target[np.clip(column - lo, 0, hi - lo - 1), bits] & inside
                out[r0:r1, x] = np.bincount(rows, weights=found, minlength=r1 - r0)
    return outs


_BLOCK = 1024  # source rows per block of ``_overlaps``
_ROWS = 1024  # band rows whose bead costs are computed at once


def _blocks(masks: Sequence[int]) -> Iterator[tuple[int, int, np.ndarray, np.ndarray]]:
    """(index of the block's first mask, number of masks, ``_set_bits`` of the block) for
    blocks of ``_BLOCK`` masks: the byte matrix stays small however long the document."""
    nbytes = (max(masks, default=0).bit_length() + 7) // 8
    if not nbytes:
        return
    for r0 in range(0, len(masks), _BLOCK):
        block = masks[r0 : r0 + _BLOCK]
        yield r0, len(block), *_set_bits(block, nbytes)


def bit_lists(masks: Sequence[int]) -> list[list[int]]:
    """The set bits of each bitset int, ascending (NumPy's unpacking is far faster than
    peeling bits off big Python ints one by one)."""
    out: list[list[int]] = [[] for _ in masks]
    for r0, size, rows, bits in _blocks(masks):
        cuts = np.searchsorted(rows, np.arange(1, size))
        out[r0 : r0 + size] = [part.tolist() for part in np.split(bits, cuts)]
    return out


def postings(masks: Sequence[int]) -> dict[int, list[int]]:
    """Each set bit → the indices of the masks that have it, ascending."""
    found: dict[int, list[int]] = {}
    for r0, _, rows, bits in _blocks(masks):
        if not len(bits):
            continue  # no word in the whole block: np.split would still give one part
        order = np.argsort(bits, kind="stable")  # by bit, rows still ascending within one
        bits, rows = bits[order], rows[order] + r0
        distinct, starts = np.unique(bits, return_index=True)
        for bit, part in zip(distinct.tolist(), np.split(rows, starts[1:]), strict=True):
            found.setdefault(bit, []).extend(part.tolist())
    return found


def bit_counts(masks: Sequence[int]) -> list[int]:
    """How many of the bitsets have each bit set, by bit position (up to the highest byte)."""
    counts = np.zeros(8 * ((max(masks, default=0).bit_length() + 7) // 8), dtype=np.int64)
    for _, _, _, bits in _blocks(masks):
        counts += np.bincount(bits, minlength=len(counts))
    return counts.tolist()


def _packed(masks: Sequence[int], nbytes: int) -> np.ndarray:
    """Bitset ints as a (len(masks), nbytes) matrix of their little-endian bytes."""
    raw = b"".join(mask.to_bytes(nbytes, "little") for mask in masks)
    return np.frombuffer(raw, dtype=np.uint8).reshape(len(masks), nbytes)


def _unpack(masks: Sequence[int], nbytes: int) -> np.ndarray:
    """Bitset ints as a (len(masks), 8·nbytes) matrix of 0/1, bit ``b`` in column ``b``."""
    return np.unpackbits(_packed(masks, nbytes), axis=1, bitorder="little")


def _set_bits(masks: Sequence[int], nbytes: int) -> tuple[np.ndarray, np.ndarray]:
    """(mask index, bit) of every set bit, ordered by mask then bit: ``np.nonzero`` of the
    unpacked matrix, found through its non-zero bytes (the masks are sparse, and scanning
    every bit of a large vocabulary cost six times more)."""
    packed = _packed(masks, nbytes)
    rows, columns = np.nonzero(packed)
    bits = np.unpackbits(packed[rows, columns][:, None], axis=1, bitorder="little")
    which, offset = np.nonzero(bits)
    return rows[which], columns[which] * 8 + offset


@dataclass(frozen=True)
class _Sides:
    """What the bead costs read of each side's sentences: prefix sums of their lengths, and
    how many dictionary words each has (with the source's prefix sums)."""

    src_prefix: np.ndarray
    tgt_prefix: np.ndarray
    src_known: np.ndarray
    tgt_known: np.ndarray
    known_prefix: np.ndarray
    # For the evidence of a sentence's words (``_llr``), a word in several sentences that the
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
        src_masks: Sequence[int], tgt_masks: Sequence[int],
        src_common: dict[str, list[int]], tgt_common: dict[str, list[int]],
    ) -> _Sides:  # fmt: skip
        src_known, tgt_known = _known(src_masks), _known(tgt_masks)
        longest = max(
            max(src_masks, default=0).bit_length(), max(tgt_masks, default=0).bit_length()
        )
        src_counts, tgt_counts = _counts(src_masks, longest), _counts(tgt_masks, longest)
        src_seen = ~_gaps(src_counts, tgt_counts)
        tgt_seen = ~_gaps(tgt_counts, src_counts)
        src_evident = _known([mask & src_seen for mask in src_masks])
        tgt_evident = _known([mask & tgt_seen for mask in tgt_masks])
        return cls(
            src_prefix=np.concatenate([[0.0], np.cumsum(src_len)]),
            tgt_prefix=np.concatenate([[0.0], np.cumsum(tgt_len)]),
            src_known=src_known,
            tgt_known=tgt_known,
            known_prefix=np.concatenate([[0.0], np.cumsum(src_known)]),
            src_evident=src_evident,
            tgt_evident=tgt_evident,
            src_chance=_chance(src_masks, tgt_counts / max(len(tgt_masks), 1))
            / np.maximum(src_evident, 1.0),
            tgt_chance=_chance(tgt_masks, src_counts / max(len(src_masks), 1))
            / np.maximum(tgt_evident, 1.0),
            src_common={
                key: _known([mask & src_seen for mask in masks])
                for key, masks in src_common.items()
            },
            tgt_common={
                key: _known([mask & tgt_seen for mask in masks])
                for key, masks in tgt_common.items()
            },
        )


def _known(masks: Sequence[int]) -> np.ndarray:
    return np.array([mask.bit_count() for mask in masks], dtype=np.float64)


# A word in this many sentences of one side and none of the other is a gap of the dictionary:
# were its sentences all translated, each translation would miss it with odds 1 − hit rate
# (about 0.3³ ≈ 3% for three sentences).
_GAP = 3


def _counts(masks: Sequence[int], longest: int) -> np.ndarray:
    """``bit_counts`` as an array as long as ``longest`` bits (rounded up to bytes)."""
    out = np.zeros(8 * ((longest + 7) // 8), dtype=np.float64)
    counts = bit_counts(masks)
    out[: len(counts)] = counts
    return out


def _gaps(counts: np.ndarray, other: np.ndarray) -> int:
    """The bits set in at least ``_GAP`` sentences (``counts``) and in none of the other
    side's (``other``)."""
    gaps = 0
    for bit in np.flatnonzero((counts >= _GAP) & (other == 0)).tolist():
        gaps |= 1 << bit
    return gaps


def _chance(masks: Sequence[int], share: np.ndarray) -> np.ndarray:
    """For each mask, the sum over its bits of ``share`` (by bit)."""
    out = np.zeros(len(masks))
    for r0, size, rows, bits in _blocks(masks):
        out[r0 : r0 + size] = np.bincount(rows, weights=share[bits], minlength=size)
    return out


def _llr(shared: np.ndarray, known: np.ndarray, hit: float, chance: np.ndarray) -> np.ndarray:
    """Log-likelihood ratio that a sentence with ``known`` words, ``shared`` of them found on
    the other side, is translated there rather than beside it: each word found with the
    document's ``hit`` rate if it is, by ``chance`` if not (binomial)."""
    chance = np.clip(chance, 1e-3, 0.5 * hit)
    return shared * np.log(hit / chance) + (known - shared) * np.log((1 - hit) / (1 - chance))


# The pairs of a merge's sentences (counted back from its end: 1 is the last) and the common
# mask, with how far back it starts, that holds the words both have.
_PAIRS = {
    2: {(2, 1): ("1", 2)},
    3: {(3, 2): ("1", 3), (3, 1): ("2", 3), (2, 1): ("1", 2)},
}


def _own_evidence(
    count: int, shared: dict[int, np.ndarray], known: dict[int, np.ndarray],
    common: Callable[[str, int], tuple[np.ndarray, np.ndarray]],
    hit: float, chance: dict[int, np.ndarray],
) -> list[np.ndarray]:  # fmt: skip
    """For each of the ``count`` sentences merged on one side of a bead, the log-likelihood
    ratio (``_llr``) of its *own* words: those none of the merge's other sentences has.
    Neighbouring sentences share their topic's words, so a sentence left out still finds words
    in its neighbour's translation (a fifth of them in the Bible, 2.5 times chance); of the
    words it does not share with the neighbour, chance finds no more than in any sentence.
    ``shared[k]``, ``known[k]`` and ``chance[k]`` are the k-th sentence's (1 = the last);
    ``common(key, back)``: (found on the other side, how many) of a common mask's words."""
    pairs = {pair: common(*where) for pair, where in _PAIRS[count].items()}
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
        out.append(_llr(own_shared, own_known, hit, chance[k]))
    return out


def _added(arrays: Iterable[np.ndarray]) -> np.ndarray:
    """The sum of one or more arrays (``sum`` would start from the integer 0)."""
    total: np.ndarray = functools.reduce(np.add, arrays)
    return total


def _shape_cost(
    di: int, dj: int, band: _Band, rows: slice, sides: _Sides, costs: BeadCosts
) -> np.ndarray:
    """The cost of a ``di``-``dj`` bead ending at every cell of the band's ``rows`` (inf where
    invalid)."""
    src_known = sides.src_known
    i = band.rows[rows]
    j = band.j[rows]
    valid = (i >= di) & (j >= dj) & (j <= band.m)
    i_safe = np.clip(i, min(di, band.n), band.n)
    i_low = np.maximum(i_safe - di, 0)
    j_safe = np.clip(j, min(dj, band.m), band.m)
    le = sides.src_prefix[i_safe] - sides.src_prefix[i_low]
    lz = sides.tgt_prefix[j_safe] - sides.tgt_prefix[np.maximum(j_safe - dj, 0)]
    z = (lz - costs.ratio * le) / np.sqrt(np.maximum(le, 1.0) * costs.variance)
    total = _length_cost(z) + costs.prior_cost((di, dj))
    known = sides.known_prefix[i_safe] - sides.known_prefix[i_low]
    parts = {
        (t, u): band.pair_overlap(t, u, rows) for t in range(1, di + 1) for u in range(1, dj + 1)
    }
    shared = sum(parts.values())
    coverage = np.where(known > 0, np.minimum(shared / np.maximum(known, 1.0), 1.0), 0.5)
    total = total + costs.lexical_weight * (1 - coverage)
    rows_back = {t: np.clip(i_safe - t, 0, len(src_known) - 1) for t in range(1, di + 1)}
    row_shared = {t: _added(parts[t, u] for u in range(1, dj + 1)) for t in range(1, di + 1)}
    row_known = {t: src_known[rows_back[t]] for t in range(1, di + 1)}
    row_evident = {t: sides.src_evident[rows_back[t]] for t in range(1, di + 1)}
    row_chance = {t: sides.src_chance[rows_back[t]] * dj for t in range(1, di + 1)}
    if di == 1:  # a translation that has too few of the sentence's words: rather a 1-0
        evident = row_evident[1]
        llr = _llr(np.minimum(row_shared[1], evident), evident, costs.hit_rate, row_chance[1])
        total = total + _SINGLE_EVIDENCE * np.maximum(-llr, 0.0)
    else:  # a merged source sentence: translated here, or left out (a 1-0 beside the bead)?
        rows_of = _Rows(row_shared, row_known, row_evident, row_chance)
        total = _merged_source(total, (di, dj), band, rows, sides, costs, coverage, i_safe, rows_of)
    if dj > 1:  # a merged target sentence: the source's, or added (a 0-1 beside the bead)?
        total = _merged_target(total, (di, dj), band, rows, sides, costs, parts, j_safe, known)
    return np.where(valid, total, np.inf)


@dataclass(frozen=True, slots=True)
class _Rows:
    """Per merged source sentence ``t`` (1 = the last): its words found in the bead's
    translation, its known words, its evident words and the chance of finding them."""

    shared: dict[int, np.ndarray]
    known: dict[int, np.ndarray]
    evident: dict[int, np.ndarray]
    chance: dict[int, np.ndarray]


def _merged_source(
    total: np.ndarray, shape: tuple[int, int], band: _Band, rows: slice, sides: _Sides,
    costs: BeadCosts, coverage: np.ndarray, i_safe: np.ndarray, of: _Rows,
) -> np.ndarray:  # fmt: skip
    """``total`` plus what speaks against merging each source sentence into the bead."""
    di, dj = shape
    for t in range(1, di + 1):
        # Covered far worse than the bead as a whole: more likely a sentence left out.
        weak = of.shared[t] < np.maximum(_ORPHAN, _RELATIVE * coverage) * of.known[t]
        total = (
            total
            + costs.orphan_penalty * ((of.known[t] > 0) & weak)
            + _DISJOINT * ((of.known[t] > 0) & (of.shared[t] == 0))
        )

    def src_common(key: str, back: int) -> tuple[np.ndarray, np.ndarray]:
        found = _added(band.pair_overlap(back, u, rows, src=key) for u in range(1, dj + 1))
        return found, sides.src_common[key][np.clip(i_safe - back, 0, band.n - 1)]

    own = _own_evidence(di, of.shared, of.evident, src_common, costs.hit_rate, of.chance)
    total = total + sum(np.maximum(-llr, 0.0) for llr in own)
    if dj == 1:
        total = total - _MERGE_SUPPORT * np.maximum(np.minimum.reduce(own), 0.0)
    return total


def _merged_target(
    total: np.ndarray, shape: tuple[int, int], band: _Band, rows: slice, sides: _Sides,
    costs: BeadCosts, parts: dict[tuple[int, int], np.ndarray], j_safe: np.ndarray,
    known: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """``total`` plus what speaks against merging each target sentence into the bead."""
    di, dj = shape
    tgt_known, mu = sides.tgt_known, costs.orphan_penalty
    cols_back = {u: np.clip(j_safe - u, 0, len(tgt_known) - 1) for u in range(1, dj + 1)}

    def tgt_common(key: str, back: int) -> tuple[np.ndarray, np.ndarray]:
        found = _added(band.pair_overlap(t, back, rows, tgt=key) for t in range(1, di + 1))
        return found, sides.tgt_common[key][np.clip(j_safe - back, 0, band.m - 1)]

    own = _own_evidence(
        dj,
        {u: _added(parts[t, u] for t in range(1, di + 1)) for u in range(1, dj + 1)},
        {u: sides.tgt_evident[cols_back[u]] for u in range(1, dj + 1)},
        tgt_common,
        costs.target_hit_rate,
        {u: sides.tgt_chance[cols_back[u]] * di for u in range(1, dj + 1)},
    )
    total = total + _TARGET_EVIDENCE * sum(np.maximum(-llr, 0.0) for llr in own)
    if di == 1:
        total = total - _MERGE_SUPPORT * np.maximum(np.minimum.reduce(own), 0.0)
    for u in range(1, dj + 1):  # one that covers little of the source side
        col_known = tgt_known[cols_back[u]]
        col_shared = sum(parts[t, u] for t in range(1, di + 1))
        total = total + mu * ((col_known > 0) & (col_shared < _ORPHAN * known))
        total = total + _DISJOINT * ((col_known > 0) & (col_shared == 0))
    return total


def banded_alignment(
    src_len: Sequence[float],
    tgt_len: Sequence[float],
    src_masks: Sequence[int],
    tgt_masks: Sequence[int],
    centres: Sequence[int],
    width: int,
    costs: BeadCosts,
) -> list[Bead]:
    n, m = len(src_len), len(tgt_len)
    size = 2 * width + 1
    base = np.asarray(centres, dtype=np.int64) - width
    base[0] = 0  # the path runs from (0, 0) to (n, m): keep both ends inside the band
    base[n] = min(max(base[n], m - size + 1), m)
    src_common, tgt_common = common_masks(src_masks), common_masks(tgt_masks)
    band = _Band(src_masks, tgt_masks, base, size, src_common, tgt_common)
    sides = _Sides.of(src_len, tgt_len, src_masks, tgt_masks, src_common, tgt_common)
    skip = costs.prior_cost((1, 0)) + costs.lexical_weight * 0.5
    add = costs.prior_cost((0, 1)) + costs.lexical_weight * 0.5
    shapes = [*PAIR_SHAPES, (1, 0)]
    offsets = np.arange(size)
    ramp = offsets * add
    inf = np.inf
    # Row i's costs live in padded[i % 4, size : 2·size], with inf on both sides, so the row a
    # bead comes from, shifted by any amount, is a plain slice; beads reach back three rows at
    # most, so four rows are kept (the trace needs only ``move``).
    padded = np.full((4, 3 * size), inf)
    move = np.full((n + 1, size), -1, dtype=np.int8)  # index into shapes; -1 is a 0-1 bead
    valid = (band.j >= 0) & (band.j <= m)
    # Rows with no cell outside the target: most of them.
    whole = cast(list[bool], valid.all(axis=1).tolist())  # numpy types tolist() loosely
    starts = base.tolist()  # Python ints: the shifts below are scalar arithmetic
    candidates = np.empty((len(shapes), size))
    lines = list(candidates)  # one view per shape, made once
    for i in range(n + 1):
        if i % _ROWS == 0:
            # The bead costs of the next rows: computed by blocks, so memory does not grow
            # with the document (a dozen arrays of the band's size per shape while computing).
            rows = slice(i, min(i + _ROWS, n + 1))
            block = [_shape_cost(di, dj, band, rows, sides, costs) for di, dj in PAIR_SHAPES]
            steps = [block[s] if dj else None for s, (_, dj) in enumerate(shapes)]
        if i == 0:
            row = np.where(band.j[0] == 0, 0.0, inf)
            row_move = np.full(size, -1, dtype=np.int8)
        else:
            for s, (di, dj) in enumerate(shapes):
                if di > i:
                    lines[s].fill(inf)
                    continue
                p = i - di
                # previous[k] = cost[p][k + shift]: inf where it falls outside the row
                shift = min(max(starts[i] - starts[p] - dj, -size), size)
                previous = padded[p % 4, size + shift : 2 * size + shift]
                step = steps[s]
                np.add(previous, skip if step is None else step[i - rows.start], out=lines[s])
            row_move = np.argmin(candidates, axis=0)
            row = candidates.min(axis=0)
        # best(k) = min over k' ≤ k of row(k') + (k − k')·add: the 0-1 beads along the row.
        if not whole[i]:
            row = np.where(valid[i], row, inf)
        running = np.minimum.accumulate(row - ramp) + ramp
        # Not the cell itself (back through float rounding), and never outside the target.
        from_left = running < row - 1e-9
        if not whole[i]:
            from_left &= valid[i]
        padded[i % 4, size : 2 * size] = np.where(from_left, running, row)
        move[i] = np.where(from_left, -1, row_move)
    if not np.isfinite(padded[n % 4, size + m - base[n]]):
        raise ValueError("the alignment left the band")
    return _trace(move, base, shapes, n, m)


def _trace(
    move: np.ndarray, base: np.ndarray, shapes: Sequence[tuple[int, int]], n: int, m: int
) -> list[Bead]:
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        code = int(move[i][j - base[i]])
        di, dj = (0, 1) if code == -1 else shapes[code]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
