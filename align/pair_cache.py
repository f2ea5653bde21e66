"""Caches of views of a text (its dictionary words, its Simplified form) that live for one pair.

The rules of a pair ask for the same views of its texts many times. Keeping them past the pair
would make text seen before cheaper than new text: a transcript checked twice, or a benchmark
of repeated text, would measure the cache rather than the checks. The engine empties them as
each pair starts; the size bound keeps memory flat for callers outside a pair (the aligner).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_CACHES: list[Any] = []


def per_pair(function: F) -> F:
    """Cache ``function`` by its arguments until the next pair starts."""
    cached = lru_cache(maxsize=128)(function)
    _CACHES.append(cached)
    return cached  # type: ignore[return-value]


def new_pair() -> None:
    """Forget every view of the previous pair's texts."""
    for cache in _CACHES:
        cache.cache_clear()
