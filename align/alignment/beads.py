"""The banded bead dynamic program, vectorised with NumPy.

Row ``i`` of the band holds the best cost of aligning the first ``i`` source sentences with the
first ``j`` target sentences for ``j = base[i] + k``, ``0 ≤ k < 2W + 1``. Bead costs do not
depend on the path, so each bead shape's cost is computed for the whole band at once; the
recursion then only gathers, adds and takes minima row by row. The 0-1 bead (a target sentence
with no source) stays in its row and is folded in with a running minimum.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from align.alignment.model import DOCUMENT_PRIOR, LENGTH_HUBER, PRIOR, Bead

PAIR_SHAPES = [shape for shape in PRIOR if shape[0] and shape[1]]
_PAD = 3
# A sentence merged into a bead must share at least this share of the words with the other side.
_ORPHAN = 0.25
_RELATIVE = 1.0
# ... and a merged sentence sharing no dictionary word at all with the other side pays more.
_DISJOINT = 3.0


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

    @staticmethod
    def prior_cost(shape: tuple[int, int]) -> float:
        return -math.log(DOCUMENT_PRIOR[shape])


class _Band:
    """Coordinates of the band and the sentence-pair word overlaps inside it."""

    def __init__(
        self, src_masks: Sequence[int], tgt_masks: Sequence[int], base: np.ndarray, size: int
    ):
        n, m = len(src_masks), len(tgt_masks)
        self.base, self.size, self.n, self.m = base, size, n, m
        self.rows = np.arange(n + 1)[:, None]
        self.j = base[:, None] + np.arange(size)[None, :]  # target boundary of each cell
        # overlap[r, x] = |E_r ∩ Z_c| for c = base[r + 1] − PAD + x
        self.overlap = _overlaps(src_masks, tgt_masks, base[1:] - _PAD, size + 2 * _PAD)

    def pair_overlap(self, back_rows: int, back_cols: int, rows: slice) -> np.ndarray:
        """|E_(i−back_rows) ∩ Z_(j−back_cols)| for every cell (i, j) of ``rows``; 0 outside
        the data."""
        r = self.rows[rows, 0] - back_rows
        c = self.j[rows] - back_cols
        ok_r = r >= 0
        r_safe = np.where(ok_r, r, 0)
        x = c - (self.base[np.minimum(r_safe + 1, self.n)][:, None] - _PAD)
        ok = ok_r[:, None] & (x >= 0) & (x < self.overlap.shape[1]) & (c >= 0) & (c < self.m)
        values = self.overlap[r_safe[:, None], np.clip(x, 0, self.overlap.shape[1] - 1)]
        return np.where(ok, values, 0.0)


def _overlaps(
    src_masks: Sequence[int], tgt_masks: Sequence[int], first: np.ndarray, width: int
) -> np.ndarray:
    """``out[r, x] = |src_masks[r] ∩ tgt_masks[first[r] + x]|`` (0 where the column is outside
    the target). Vectorised by blocks of source rows: the block's (row, word) pairs are looked
    up in the target rows it can reach, unpacked to a 0/1 matrix (memory bounded by the
    block, not the document)."""
    n, m = len(src_masks), len(tgt_masks)
    out = np.zeros((max(n, 1), width), dtype=np.float64)
    longest = max(max(src_masks, default=0).bit_length(), max(tgt_masks, default=0).bit_length())
    if not longest:
        return out
    nbytes = (longest + 7) // 8
    for r0 in range(0, n, _BLOCK):
        r1 = min(n, r0 + _BLOCK)
        rows, bits = _set_bits(src_masks[r0:r1], nbytes)
        if not len(rows):
            continue
        lo = max(0, int(first[r0:r1].min()))
        hi = min(m, int(first[r0:r1].max()) + width)
        if lo >= hi:
            continue
        target = _unpack(tgt_masks[lo:hi], nbytes)
        start = first[r0 + rows]
        for x in range(width):
            column = start + x
            inside = (column >= lo) & (column < hi)
            found = target[np.clip(column - lo, 0, hi - lo - 1), bits] & inside
            out[r0:r1, x] = np.bincount(rows, weights=found, minlength=r1 - r0)
    return out


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

    @classmethod
    def of(
        cls, src_len: Sequence[float], tgt_len: Sequence[float],
        src_masks: Sequence[int], tgt_masks: Sequence[int],
    ) -> _Sides:  # fmt: skip
        src_known = np.array([mask.bit_count() for mask in src_masks], dtype=np.float64)
        return cls(
            src_prefix=np.concatenate([[0.0], np.cumsum(src_len)]),
            tgt_prefix=np.concatenate([[0.0], np.cumsum(tgt_len)]),
            src_known=src_known,
            tgt_known=np.array([mask.bit_count() for mask in tgt_masks], dtype=np.float64),
            known_prefix=np.concatenate([[0.0], np.cumsum(src_known)]),
        )


def _shape_cost(
    di: int, dj: int, band: _Band, rows: slice, sides: _Sides, costs: BeadCosts
) -> np.ndarray:
    """The cost of a ``di``-``dj`` bead ending at every cell of the band's ``rows`` (inf where
    invalid)."""
    src_known, tgt_known = sides.src_known, sides.tgt_known
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
    mu = costs.orphan_penalty
    if di > 1:  # a merged source sentence the target side hardly covers
        for t in range(1, di + 1):
            row_known = src_known[np.clip(i_safe - t, 0, len(src_known) - 1)]
            row_shared = sum(parts[t, u] for u in range(1, dj + 1))
            # Covered far worse than the bead as a whole: more likely a sentence left out.
            weak = row_shared < np.maximum(_ORPHAN, _RELATIVE * coverage) * row_known
            total = (
                total
                + mu * ((row_known > 0) & weak)
                + _DISJOINT * ((row_known > 0) & (row_shared == 0))
            )
    if dj > 1:  # a merged target sentence that covers little of the source side
        for u in range(1, dj + 1):
            col_known = tgt_known[np.clip(j_safe - u, 0, len(tgt_known) - 1)]
            col_shared = sum(parts[t, u] for t in range(1, di + 1))
            total = total + mu * ((col_known > 0) & (col_shared < _ORPHAN * known))
            total = total + _DISJOINT * ((col_known > 0) & (col_shared == 0))
    return np.where(valid, total, np.inf)


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
    band = _Band(src_masks, tgt_masks, base, size)
    sides = _Sides.of(src_len, tgt_len, src_masks, tgt_masks)
    skip = costs.prior_cost((1, 0)) + costs.lexical_weight * 0.5
    shapes = [*PAIR_SHAPES, (1, 0)]
    offsets = np.arange(size)
    ramp = offsets * skip
    inf = np.inf
    # Row i's costs live in padded[i % 4, size : 2·size], with inf on both sides, so the row a
    # bead comes from, shifted by any amount, is a plain slice; beads reach back three rows at
    # most, so four rows are kept (the trace needs only ``move``).
    padded = np.full((4, 3 * size), inf)
    move = np.full((n + 1, size), -1, dtype=np.int8)  # index into shapes; -1 is a 0-1 bead
    valid = (band.j >= 0) & (band.j <= m)
    whole = valid.all(axis=1).tolist()  # rows with no cell outside the target: most of them
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
        # best(k) = min over k' ≤ k of row(k') + (k − k')·skip: the 0-1 beads along the row.
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
