"""Sentences as bitsets of dictionary words: packing, overlaps between the sides, postings.

A sentence's words are the bits of a Python int (``align.alignment.lexicon`` assigns them);
these helpers turn lists of such masks into NumPy arrays and count shared words in blocks,
for the bead costs (``beads.py``) and the anchors (``anchors.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np


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


@dataclass(frozen=True)
class Sparse:
    """A list of ``count`` masks as the (mask index, bit) of every set bit, ordered by mask
    then bit: found once per list and read by every count the bead costs need."""

    count: int
    rows: np.ndarray
    bits: np.ndarray

    @classmethod
    def of(cls, masks: Sequence[int]) -> Sparse:
        found = [(rows + r0, bits) for r0, _, rows, bits in blocks(masks)]
        if not found:
            empty = np.zeros(0, dtype=np.int64)
            return cls(len(masks), empty, empty)
        rows = np.concatenate([r for r, _ in found])
        return cls(len(masks), rows, np.concatenate([b for _, b in found]))

    def per_mask(self, weights: np.ndarray | None = None) -> np.ndarray:
        """How many bits each mask has (or the sum of ``weights``, one per set bit)."""
        return np.bincount(self.rows, weights, minlength=self.count).astype(np.float64)

    def per_bit(self, length: int) -> np.ndarray:
        """How many masks have each bit, for bits ``0..length - 1``."""
        return np.bincount(self.bits, minlength=length)[:length].astype(np.float64)


def overlaps_of(
    sources: Sequence[Sparse], target: Sparse, first: np.ndarray, width: int
) -> list[np.ndarray]:
    """``out[r, x] = |source[r] ∩ target[first[r] + x]|`` (0 where the column is outside the
    target), for each of several sources as long as each other. A join on (bit, target mask):
    each source bit is looked up in the sorted keys of the target's bits, and only the target
    masks in its row's band that have it are counted. By blocks of source rows, so memory is
    bounded by the block, not the document."""
    n, m = sources[0].count, target.count
    outs = [np.zeros((max(n, 1), width), dtype=np.float64) for _ in sources]
    if not len(target.rows):
        return outs
    stride = m + 1  # key = bit · stride + target mask: ascending by bit, then mask
    keys = target.bits * stride + target.rows
    if int(target.bits.max()) < 1 << 16:
        # Ordered by mask already: a stable sort by bit alone orders the keys, and NumPy
        # sorts 16-bit integers stably by radix, several times faster than a general sort.
        keys = keys[np.argsort(target.bits.astype(np.uint16), kind="stable")]
    else:
        keys = np.sort(keys)
    for source, out in zip(sources, outs, strict=True):
        cuts = np.searchsorted(source.rows, np.arange(0, n + BLOCK, BLOCK))
        for b in range(len(cuts) - 1):
            r0, r1 = b * BLOCK, min(n, (b + 1) * BLOCK)
            rows, bits = source.rows[cuts[b] : cuts[b + 1]], source.bits[cuts[b] : cuts[b + 1]]
            start = first[rows]
            lo = np.searchsorted(keys, bits * stride + np.clip(start, 0, m))
            hi = np.searchsorted(keys, bits * stride + np.clip(start + width, 0, m))
            counts = hi - lo
            entry = np.repeat(np.arange(len(rows)), counts)
            # the k-th target mask an entry finds sits at lo + k among the keys
            columns = keys[lo[entry] + within_runs(counts)] % stride - start[entry]
            cells = np.bincount((rows[entry] - r0) * width + columns, minlength=(r1 - r0) * width)
            out[r0:r1] += cells.reshape(r1 - r0, width)
    return outs


BLOCK = 1024  # source rows per block of ``overlaps_of`` (and masks per block of ``blocks``)


def blocks(masks: Sequence[int]) -> Iterator[tuple[int, int, np.ndarray, np.ndarray]]:
    """(index of the block's first mask, number of masks, ``set_bits`` of the block) for
    blocks of ``BLOCK`` masks: the bytes unpacked at once stay few however long the document."""
    for r0 in range(0, len(masks), BLOCK):
        block = masks[r0 : r0 + BLOCK]
        yield r0, len(block), *set_bits(block)


def bit_lists(masks: Sequence[int]) -> list[list[int]]:
    """The set bits of each bitset int, ascending (NumPy's unpacking is far faster than
    peeling bits off big Python ints one by one)."""
    out: list[list[int]] = [[] for _ in masks]
    for r0, size, rows, bits in blocks(masks):
        cuts = np.searchsorted(rows, np.arange(1, size))
        out[r0 : r0 + size] = [part.tolist() for part in np.split(bits, cuts)]
    return out


def postings(masks: Sequence[int]) -> dict[int, list[int]]:
    """Each set bit → the indices of the masks that have it, ascending."""
    found: dict[int, list[int]] = {}
    for r0, _, rows, bits in blocks(masks):
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
    for _, _, _, bits in blocks(masks):
        counts += np.bincount(bits, minlength=len(counts))
    return counts.tolist()


def set_bits(masks: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """(mask index, bit) of every set bit, ordered by mask then bit. Each mask's own bytes
    are joined and only their non-zero bytes unpacked (the masks are sparse: padded to the
    longest, scanning the zeros was most of the work)."""
    sizes = np.fromiter(((mask.bit_length() + 7) // 8 for mask in masks), np.int64, len(masks))
    raw = b"".join(
        mask.to_bytes(size, "little") for mask, size in zip(masks, sizes.tolist(), strict=True)
    )
    data = np.frombuffer(raw, dtype=np.uint8)
    ends = np.cumsum(sizes)
    at = np.flatnonzero(data)
    rows = np.searchsorted(ends, at, side="right")
    columns = at - (ends - sizes)[rows]
    # Each non-zero byte's set bits from a table by byte value: work by set bit, not by bit.
    values = data[at]
    counts = _BIT_COUNT[values]
    which = np.repeat(np.arange(len(at)), counts)
    return rows[which], columns[which] * 8 + _BITS[_BITS_START[values[which]] + within_runs(counts)]


def within_runs(counts: np.ndarray) -> np.ndarray:
    """For runs of ``counts`` elements laid end to end, each element's index in its run:
    [2, 0, 3] → [0, 1, 0, 1, 2]."""
    return np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)


# The set bits of every byte value, ascending: value v's are _BITS[_BITS_START[v]:][:count].
_BIT_TABLE = [[b for b in range(8) if v >> b & 1] for v in range(256)]
_BIT_COUNT = np.array([len(bits) for bits in _BIT_TABLE], dtype=np.int64)
_BITS_START = np.concatenate([[0], np.cumsum(_BIT_COUNT)[:-1]])
_BITS = np.array([b for bits in _BIT_TABLE for b in bits], dtype=np.int64)
