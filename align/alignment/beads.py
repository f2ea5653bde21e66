"""The banded bead dynamic program, vectorised with NumPy.

Row ``i`` of the band holds the best cost of aligning the first ``i`` source sentences with the
first ``j`` target sentences for ``j = base[i] + k``, ``0 ≤ k < 2W + 1``. Bead costs do not
depend on the path, so each bead shape's cost is computed for the whole band at once; the
recursion then only gathers, adds and takes minima row by row. The 0-1 bead (a target sentence
with no source) stays in its row and is folded in with a running minimum.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from align.alignment.bitsets import Sparse, common_masks, overlaps_of
from align.alignment.evidence import Sides, added, log_ratio, own_evidence
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
# Evidence *for* a bead: each of its source sentences earns back this share of its words'
# log-likelihood ratio (its own words', in a merge). Without it two sentences competing for
# one translation, the other to be a 1-0, were told apart by length and coverage alone, and
# a short verse whose one word matched took the translation from the verse before it with
# eight. Tuning seeds 100-104 (1-0 recall, false 1-0 beads; human Bible first-half strict F1):
# 0 → 0.918, 40, 0.9824; 0.1 → 0.943, 29, 0.9824; 0.2 → 0.949, 32, 0.9856; 0.3 → 0.951, 45,
# 0.9848; 0.4 → 0.962, 55, 0.9811. Capping the ratio (at 3 or 5) loses the gain.
_SUPPORT = 0.2
# A 1-0 or 0-1 bead's lexical term: a sentence with no translation counts as half covered.
# Less finds more drops but makes more false ones (tuning seeds 100-104, with ``_SUPPORT``:
# 0.5 → 1-0 recall 0.952, false 1-0 beads 32; 0.4 → 0.957, 43; 0.3 → 0.963, 49).
_EMPTY_LEXICAL = 0.5


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

    def __init__(self, src: dict[str, Sparse], tgt: dict[str, Sparse], base: np.ndarray, size: int):
        """``src``/``tgt``: each side's sentences (key ``""``) and ``common_masks``."""
        n, m = src[""].count, tgt[""].count
        self.base, self.size, self.n, self.m = base, size, n, m
        self.rows = np.arange(n + 1)[:, None]
        self.j = base[:, None] + np.arange(size)[None, :]  # target boundary of each cell
        # overlap[r, x] = |E_r ∩ Z_c| for c = base[r + 1] − PAD + x
        first, width = base[1:] - _PAD, size + 2 * _PAD
        # The same with the words a sentence shares with its neighbours (``common_masks``) on
        # either side in place of E_r or Z_c.
        keys = [key for key in src if key]
        self.overlap, *found = overlaps_of(
            [src[""], *(src[key] for key in keys)], tgt[""], first, width
        )
        self.src_common = dict(zip(keys, found, strict=True))
        self.tgt_common = {
            key: overlaps_of([src[""]], masks, first, width)[0] for key, masks in tgt.items() if key
        }
        # The bead shapes of a block of rows read the same overlaps: ``pair_overlap`` keeps
        # the block's (by back rows, back columns, first row, common mask).
        self._cached: dict[tuple[int, int, int, str, str], np.ndarray] = {}

    def pair_overlap(
        self, back_rows: int, back_cols: int, rows: slice, src: str = "", tgt: str = ""
    ) -> np.ndarray:
        """|E_(i−back_rows) ∩ Z_(j−back_cols)| for every cell (i, j) of ``rows``; 0 outside
        the data. ``src`` or ``tgt`` names one of that side's ``common_masks`` to use instead
        of its sentences."""
        key = (back_rows, back_cols, rows.start, src, tgt)
        found = self._cached.get(key)
        if found is None:
            if self._cached and next(iter(self._cached))[2] != rows.start:
                self._cached.clear()  # a new block of rows: the last one's are done with
            found = self._cached[key] = self._pair_overlap(back_rows, back_cols, rows, src, tgt)
        return found

    def _pair_overlap(
        self, back_rows: int, back_cols: int, rows: slice, src: str, tgt: str
    ) -> np.ndarray:
        overlap = self.src_common[src] if src else self.tgt_common[tgt] if tgt else self.overlap
        r = self.rows[rows, 0] - back_rows
        c = self.j[rows] - back_cols
        ok_r = r >= 0
        r_safe = np.where(ok_r, r, 0)
        x = c - (self.base[np.minimum(r_safe + 1, self.n)][:, None] - _PAD)
        ok = ok_r[:, None] & (x >= 0) & (x < overlap.shape[1]) & (c >= 0) & (c < self.m)
        values = overlap[r_safe[:, None], np.clip(x, 0, overlap.shape[1] - 1)]
        return np.where(ok, values, 0.0)


_ROWS = 1024  # band rows whose bead costs are computed at once


def _shape_cost(
    di: int, dj: int, band: _Band, rows: slice, sides: Sides, costs: BeadCosts
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
    row_shared = {t: added(parts[t, u] for u in range(1, dj + 1)) for t in range(1, di + 1)}
    row_known = {t: src_known[rows_back[t]] for t in range(1, di + 1)}
    row_evident = {t: sides.src_evident[rows_back[t]] for t in range(1, di + 1)}
    row_chance = {t: sides.src_chance[rows_back[t]] * dj for t in range(1, di + 1)}
    if di == 1:  # a translation that has too few of the sentence's words: rather a 1-0
        evident = row_evident[1]
        llr = log_ratio(np.minimum(row_shared[1], evident), evident, costs.hit_rate, row_chance[1])
        total = total + _SINGLE_EVIDENCE * np.maximum(-llr, 0.0)
        total = total - _SUPPORT * np.maximum(llr, 0.0)
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
    total: np.ndarray, shape: tuple[int, int], band: _Band, rows: slice, sides: Sides,
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
            # No dictionary word: half covered, as alone (1-1) or left out (1-0); free in a
            # merge, a name-list verse went into its neighbour's bead rather than a 1-0.
            + costs.lexical_weight * _EMPTY_LEXICAL * (of.known[t] == 0)
        )

    def src_common(key: str, back: int) -> tuple[np.ndarray, np.ndarray]:
        found = added(band.pair_overlap(back, u, rows, src=key) for u in range(1, dj + 1))
        return found, sides.src_common[key][np.clip(i_safe - back, 0, band.n - 1)]

    own = own_evidence(di, of.shared, of.evident, src_common, costs.hit_rate, of.chance)
    total = total + sum(np.maximum(-llr, 0.0) for llr in own)
    total = total - _SUPPORT * sum(np.maximum(llr, 0.0) for llr in own)
    if dj == 1:
        total = total - _MERGE_SUPPORT * np.maximum(np.minimum.reduce(own), 0.0)
    return total


def _merged_target(
    total: np.ndarray, shape: tuple[int, int], band: _Band, rows: slice, sides: Sides,
    costs: BeadCosts, parts: dict[tuple[int, int], np.ndarray], j_safe: np.ndarray,
    known: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """``total`` plus what speaks against merging each target sentence into the bead."""
    di, dj = shape
    tgt_known, mu = sides.tgt_known, costs.orphan_penalty
    cols_back = {u: np.clip(j_safe - u, 0, len(tgt_known) - 1) for u in range(1, dj + 1)}

    def tgt_common(key: str, back: int) -> tuple[np.ndarray, np.ndarray]:
        found = added(band.pair_overlap(t, back, rows, tgt=key) for t in range(1, di + 1))
        return found, sides.tgt_common[key][np.clip(j_safe - back, 0, band.m - 1)]

    own = own_evidence(
        dj,
        {u: added(parts[t, u] for t in range(1, di + 1)) for u in range(1, dj + 1)},
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
    band, sides = _band_and_sides(src_len, tgt_len, src_masks, tgt_masks, base, size)
    skip = costs.prior_cost((1, 0)) + costs.lexical_weight * _EMPTY_LEXICAL
    add = costs.prior_cost((0, 1)) + costs.lexical_weight * _EMPTY_LEXICAL
    shapes = [*PAIR_SHAPES, (1, 0)]
    ramp = np.arange(size) * add  # k·add: k 0-1 beads along a row
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
        padded[i % 4, size : 2 * size], move[i] = _with_insertions(
            row, row_move, ramp, None if whole[i] else valid[i]
        )
    if not np.isfinite(padded[n % 4, size + m - base[n]]):
        raise ValueError("the alignment left the band")
    return _trace(move, base, shapes, n, m)


def _band_and_sides(
    src_len: Sequence[float], tgt_len: Sequence[float], src_masks: Sequence[int],
    tgt_masks: Sequence[int], base: np.ndarray, size: int,
) -> tuple[_Band, Sides]:  # fmt: skip
    """The band's word overlaps and what the bead costs read of each side."""
    src, tgt = _sparse(src_masks), _sparse(tgt_masks)
    return _Band(src, tgt, base, size), Sides.of(src_len, tgt_len, src, tgt)


def _sparse(masks: Sequence[int]) -> dict[str, Sparse]:
    """A side's sentences (key ``""``) and their ``common_masks``, each as ``Sparse``."""
    return {"": Sparse.of(masks)} | {
        key: Sparse.of(common) for key, common in common_masks(masks).items()
    }


def _with_insertions(
    row: np.ndarray, row_move: np.ndarray, ramp: np.ndarray, valid: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """The row's costs and moves with the 0-1 beads along it: best(k) = min over k' ≤ k of
    row(k') + (k − k')·add. ``valid``: the row's cells inside the target, None if all are."""
    if valid is not None:
        row = np.where(valid, row, np.inf)
    running = np.minimum.accumulate(row - ramp) + ramp
    # Not the cell itself (back through float rounding), and never outside the target.
    from_left = running < row - 1e-9
    if valid is not None:
        from_left &= valid
    return np.where(from_left, running, row), np.where(from_left, -1, row_move)


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
