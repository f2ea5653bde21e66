"""Sentences as bitsets of dictionary words: packing, overlaps between the sides, postings.

A sentence's words are the bits of a Python int (``align.alignment.lexicon`` assigns them);
these helpers turn lists of such masks into NumPy arrays and count shared words in blocks,
for the bead costs (``beads.py``) and the anchors (``anchors.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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


def overlaps(
    src_masks: Sequence[int], tgt_masks: Sequence[int], first: np.ndarray, width: int
) -> np.ndarray:
    """``out[r, x] = |src_masks[r] ∩ tgt_masks[first[r] + x]|`` (0 where the column is outside
    the target). Vectorised by blocks of source rows: the block's (row, word) pairs are looked
    up in the target rows it can reach, unpacked to a 0/1 matrix (memory bounded by the
    block, not the document)."""
    return overlaps_of([src_masks], tgt_masks, first, width)[0]


def overlaps_of(
    sources: Sequence[Sequence[int]], tgt_masks: Sequence[int], first: np.ndarray, width: int
) -> list[np.ndarray]:
    """``overlaps`` of several lists of source masks as long as each other, against the same
    target masks: each block of the target is unpacked once for all of them."""
    n, m = len(sources[0]), len(tgt_masks)
    outs = [np.zeros((max(n, 1), width), dtype=np.float64) for _ in sources]
    longest = max(
        mask.bit_length() for mask in [0, *tgt_masks, *(max(s, default=0) for s in sources)]
    )
    if not longest:
        return outs
    nbytes = (longest + 7) // 8
    for r0 in range(0, n, BLOCK):
        r1 = min(n, r0 + BLOCK)
        lo = max(0, int(first[r0:r1].min()))
        hi = min(m, int(first[r0:r1].max()) + width)
        if lo >= hi:
            continue
        target: np.ndarray | None = None
        for src_masks, out in zip(sources, outs, strict=True):
            rows, bits = set_bits(src_masks[r0:r1], nbytes)
            if not len(rows):
                continue
            if target is None:
                target = unpack(tgt_masks[lo:hi], nbytes)
            start = first[r0 + rows]
            for x in range(width):
                column = start + x
                inside = (column >= lo) & (column < hi)
                found = target[np.clip(column - lo, 0, hi - lo - 1), bits] & inside
                out[r0:r1, x] = np.bincount(rows, weights=found, minlength=r1 - r0)
    return outs


BLOCK = 1024  # source rows per block of ``overlaps``


def blocks(masks: Sequence[int]) -> Iterator[tuple[int, int, np.ndarray, np.ndarray]]:
    """(index of the block's first mask, number of masks, ``set_bits`` of the block) for
    blocks of ``BLOCK`` masks: the byte matrix stays small however long the document."""
    nbytes = (max(masks, default=0).bit_length() + 7) // 8
    if not nbytes:
        return
    for r0 in range(0, len(masks), BLOCK):
        block = masks[r0 : r0 + BLOCK]
        yield r0, len(block), *set_bits(block, nbytes)


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


def packed_rows(masks: Sequence[int], nbytes: int) -> np.ndarray:
    """Bitset ints as a (len(masks), nbytes) matrix of their little-endian bytes."""
    raw = b"".join(mask.to_bytes(nbytes, "little") for mask in masks)
    return np.frombuffer(raw, dtype=np.uint8).reshape(len(masks), nbytes)


def unpack(masks: Sequence[int], nbytes: int) -> np.ndarray:
    """Bitset ints as a (len(masks), 8·nbytes) matrix of 0/1, bit ``b`` in column ``b``."""
    return np.unpackbits(packed_rows(masks, nbytes), axis=1, bitorder="little")


def set_bits(masks: Sequence[int], nbytes: int) -> tuple[np.ndarray, np.ndarray]:
    """(mask index, bit) of every set bit, ordered by mask then bit: ``np.nonzero`` of the
    unpacked matrix, found through its non-zero bytes (the masks are sparse, and scanning
    every bit of a large vocabulary cost six times more)."""
    packed = packed_rows(masks, nbytes)
    rows, columns = np.nonzero(packed)
    bits = np.unpackbits(packed[rows, columns][:, None], axis=1, bitorder="little")
    which, offset = np.nonzero(bits)
    return rows[which], columns[which] * 8 + offset
