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
# Only the first pass uses it: the second takes the document's own share of 1-0 and 0-1 beads
# from the first (``align.alignment._measured``).
DOCUMENT_PRIOR = {**PRIOR, (1, 0): 0.03, (0, 1): 0.03}

# A word in more than this share of the English sentences tells them apart too little (in the
# Bible: LORD, son, say); leaving such words out helps both benchmarks.
FREQUENT = 0.1

# The length term is Gale-Church's z²/2 up to |z| = LENGTH_HUBER and linear beyond (Huber's
# loss): a translation much longer or shorter than usual (names written twice, 以利沙（Elishah）;
# a clause left out) stays a strong hint without outweighing what the words say.
# `python tests/bench/bible_align.py`, strict F1 human / MT: z²/2 alone 0.965 / 0.972;
# 1.5 → 0.967 / 0.978 (2.0 → 0.964 / 0.974, 1.0 → 0.960 / 0.980).
LENGTH_HUBER = 1.5


def length_cost(z: float) -> float:
    """The length term of a bead whose Chinese length is ``z`` deviations from the expected."""
    size = abs(z)
    return z * z / 2 if size <= LENGTH_HUBER else LENGTH_HUBER * (size - LENGTH_HUBER / 2)
