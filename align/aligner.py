"""Sentence alignment inside a pair: a Gale-Church dynamic program over beads.

Machine translation merges and splits sentences (English ``;`` lists become two Chinese
sentences, two short English sentences become one), so sentences are aligned by length before
findings are matched sentence by sentence. Beads: 1-1, 1-0, 0-1, 2-1, 1-2, 2-2.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from align.lengths import RATIO, VARIANCE

# -log prior of each bead shape (Gale & Church 1993 estimates), so unusual shapes must earn
# their place with a much better length fit.
_BEADS: dict[tuple[int, int], float] = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.0099 / 2),
    (0, 1): -math.log(0.0099 / 2),
    (2, 1): -math.log(0.089 / 2),
    (1, 2): -math.log(0.089 / 2),
    (2, 2): -math.log(0.011),
}


def _bead_cost(src_len: float, tgt_len: float) -> float:
    if src_len == 0 or tgt_len == 0:
        return 0.0
    z = (tgt_len - RATIO * src_len) / math.sqrt(max(src_len, 1.0) * VARIANCE)
    return z * z / 2


Bead = tuple[tuple[int, ...], tuple[int, ...]]


def align_lengths(source: Sequence[float], target: Sequence[float]) -> list[Bead]:
    """Best bead sequence for two lists of sentence lengths (English chars, Chinese chars)."""
    n, m = len(source), len(target)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            base = cost[i][j]
            if base == inf:
                continue
            for (di, dj), prior in _BEADS.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                c = base + prior + _bead_cost(sum(source[i:ni]), sum(target[j:nj]))
                if c < cost[ni][nj]:
                    cost[ni][nj] = c
                    back[ni][nj] = (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
