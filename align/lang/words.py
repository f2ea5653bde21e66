"""Chinese words as jieba segments them, for word-level metrics.

rjieba is jieba's algorithm and dictionary compiled (jieba-rs): the same tokens, many times
faster, with no dictionary cache written at run time. The checks themselves do not segment:
they look up every dictionary word in a text (``align.alignment.lexicon``), which is robust to
a segmenter's mistakes (和威廉 for 和 + 威廉) and aligned the Bible as well as jieba's words
did (``tests/bench/segmented_alignment.py``; see the README).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version


def segment(text: str) -> list[str]:
    """jieba's words of ``text`` (with its HMM for unknown words), whitespace dropped. jieba's
    dictionary is Simplified: give it a Simplified view."""
    import rjieba  # deferred: only word-level scoring needs it

    return [word for word in rjieba.cut(text) if not word.isspace()]


@lru_cache(maxsize=1)
def segmenter() -> str:
    """The segmenter and its version, for a reproducibility signature."""
    return f"rjieba-{version('rjieba')}"
