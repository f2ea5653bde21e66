"""Regex helpers shared by the English and Chinese readers.

Their number patterns open with optional groups (a sign, a currency, spaces), which Python's
regex engine would try at every character; ``matches_from`` tries a pattern only where a
cheaper pattern finds a first token, giving the same matches several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def alternation(words: Iterable[str]) -> str:
    """``words`` as a regex alternation, longest first so that a prefix never wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def matches_from(
    starts: re.Pattern[str], pattern: re.Pattern[str], text: str, where: str | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, the pattern tried only where ``starts`` finds a match.

    ``where`` (default ``text``) is searched for starts instead: a lower-cased copy of the same
    length lets lower-case start patterns run without IGNORECASE."""
    where = text if where is None else where
    find, match_at = starts.search, pattern.match
    start = find(where)
    while start is not None:
        position = start.start()
        match = match_at(text, position)
        if match is not None and match.end() > position:
            yield match
            start = find(where, match.end())  # the next start after the match, found in C
        else:
            start = find(where, position + 1)
