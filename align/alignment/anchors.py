"""Where to look: the band's centre line for the dynamic program on a long document.

Cumulative length alone drifts by over a hundred sentences on a long text (the translation
ratio varies from book to book), so the centre follows *anchors*: English/Chinese sentence
pairs that share a word rare on both sides. The longest chain of anchors increasing on both
sides is kept, and the centre is interpolated between them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from align.alignment.bitsets import bit_lists, postings

_MAX_DF = 20  # lemmas rarer than this on both sides vote for anchors
_MIN_SCORE = 8.0  # about two rare shared words


def _heaviest_chain(weights: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The chain of points strictly increasing in both coordinates with the largest total
    weight (a Fenwick tree keeps the best chain ending at or before each column)."""
    points = sorted(weights, key=lambda p: (p[0], -p[1]))
    columns = sorted({j for _, j in points})
    rank = {j: r + 1 for r, j in enumerate(columns)}
    size = len(columns)
    tree_value = [0.0] * (size + 1)
    tree_index = [-1] * (size + 1)
    best = [0.0] * len(points)
    parent = [-1] * len(points)
    for k, (i, j) in enumerate(points):
        value, index, r = 0.0, -1, rank[j] - 1
        while r > 0:  # best chain ending in a column < j
            if tree_value[r] > value:
                value, index = tree_value[r], tree_index[r]
            r -= r & -r
        best[k], parent[k] = value + weights[i, j], index
        r = rank[j]
        while r <= size:
            if best[k] > tree_value[r]:
                tree_value[r], tree_index[r] = best[k], k
            r += r & -r
    k = max(range(len(points)), key=best.__getitem__, default=-1)
    chain = []
    while k >= 0:
        chain.append(points[k])
        k = parent[k]
    return chain[::-1]


def _drop_outliers(chain: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop anchors far off the line through their neighbours: repeated passages (formulaic
    verses, boilerplate) make convincing but wrong anchors that bend the centre line."""
    changed = True
    while changed and len(chain) > 2:
        changed = False
        kept = [chain[0]]
        for k in range(1, len(chain) - 1):
            (i0, j0), (i, j), (i1, j1) = kept[-1], chain[k], chain[k + 1]
            expected = j0 + (i - i0) / (i1 - i0) * (j1 - j0) if i1 > i0 else j
            if abs(j - expected) > 10 + 0.25 * (i1 - i0):
                changed = True
                continue
            kept.append(chain[k])
        kept.append(chain[-1])
        chain = kept
    return chain


def anchor_centres(
    src_masks: Sequence[int], tgt_masks: Sequence[int], fallback: Sequence[float]
) -> list[int]:
    """A target position for every source boundary 0..n, through the anchor chain."""
    n, m = len(src_masks), len(tgt_masks)
    src_bits = bit_lists(src_masks)
    src_post = postings(src_masks)
    rare = 0  # only words rare in the source can anchor: index the target for those alone
    for bit, rows in src_post.items():
        if len(rows) <= _MAX_DF:
            rare |= 1 << bit
    tgt_post = postings([mask & rare for mask in tgt_masks])
    corridor = max(50, m // 10)  # far from the length diagonal, a shared word is chance
    # Retrieval: each source sentence scores the target sentences in its corridor by the
    # rarer words they share (idf weights); a clear winner becomes a candidate anchor.
    idf = {
        bit: math.log((n + m) / (len(rows) + len(tgt_post.get(bit, ()))))
        for bit, rows in src_post.items()
        if 0 < len(tgt_post.get(bit, ())) <= _MAX_DF and len(rows) <= _MAX_DF
    }
    weights: dict[tuple[int, int], float] = {}
    for i, bits in enumerate(src_bits):
        scores: dict[int, float] = {}
        for bit in bits:
            weight = idf.get(bit)
            if weight is None:
                continue
            for j in tgt_post[bit]:
                if abs(j - fallback[i]) <= corridor:
                    scores[j] = scores.get(j, 0.0) + weight
        if scores:
            ranked = sorted(scores.values(), reverse=True)
            j = max(scores, key=scores.__getitem__)
            if ranked[0] >= _MIN_SCORE and (len(ranked) == 1 or ranked[0] >= 2 * ranked[1]):
                weights[i, j] = ranked[0]
    chain = _drop_outliers(
        [(0, 0), *[(i + 0.5, j + 0.5) for i, j in _heaviest_chain(weights)], (n, m)]
    )
    centres = []
    k = 0
    for i in range(n + 1):
        while k + 1 < len(chain) - 1 and chain[k + 1][0] <= i:
            k += 1
        (i0, j0), (i1, j1) = chain[k], chain[min(k + 1, len(chain) - 1)]
        share = (i - i0) / (i1 - i0) if i1 > i0 else 0.0
        centres.append(round(j0 + share * (j1 - j0)))
    return centres
