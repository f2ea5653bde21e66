"""Bead shapes and their prior probabilities; no NumPy here, so pairs align without it."""

from __future__ import annotations

Bead = tuple[tuple[int, ...], tuple[int, ...]]

# Gale & Church's bead probabilities (their 1-3/3-1 share split with 2-2).
PRIOR = {
    (1, 1): 0.89, (2, 1): 0.0445, (1, 2): 0.0445, (2, 2): 0.011, (1, 3): 0.004, (3, 1): 0.004,
    (1, 0): 0.005, (0, 1): 0.005,
}  # fmt: skip
# Whole documents: lines are dropped and added about as often as they are merged (measured on
# bench/bible with `tests/bench/bible_align.py`: 0.03 helps both human and machine translation).
DOCUMENT_PRIOR = {**PRIOR, (1, 0): 0.03, (0, 1): 0.03}
