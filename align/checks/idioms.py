"""English idioms rendered word for word: the phrase list and its matcher (rule M101).

The list is ``align/data/idioms.tsv`` (its header documents the format) plus any files the
``idioms`` setting names. Phrases are matched on lemmas, so ``give us some color`` matches
``give ~ color`` and ``gave a little color`` does too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from align.errors import InputError
from align.lang.en import lemma
from align.lang.zh import to_simplified
from align.models import Span

_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
GAP = "~"
_MAX_GAP = 4


@dataclass(frozen=True, slots=True)
class Idiom:
    phrase: str
    # Per element: the lemmas it accepts, or None for a gap of up to four words.
    pattern: tuple[frozenset[str] | None, ...]
    literal: tuple[str, ...]  # Simplified keywords
    meaning: str
    origin: str


@lru_cache(maxsize=1 << 16)  # every word of every sentence: words repeat, texts do not
def _lemma(word: str) -> str:
    return lemma(word.lower().replace("’", "'"))


def parse_idioms(text: str, origin: str) -> list[Idiom]:
    idioms = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 3 or not columns[0].strip() or not columns[1].strip():
            raise InputError("an idiom line needs: phrase<TAB>literal keywords<TAB>meaning",
                             path=origin, line=number)  # fmt: skip
        phrase, literal, meaning = (c.strip() for c in columns)
        pattern = tuple(
            None if item == GAP else frozenset(_lemma(w) for w in item.split("|"))
            for item in phrase.lower().split()
        )
        if pattern[0] is None or pattern[-1] is None:
            raise InputError("an idiom cannot start or end with ~", path=origin, line=number)
        keywords = tuple(to_simplified(k.strip()) for k in literal.split("|") if k.strip())
        idioms.append(Idiom(phrase, pattern, keywords, meaning, f"{origin}:{number}"))
    return idioms


@lru_cache(maxsize=8)
def load_idioms(extra: tuple[str, ...] = ()) -> tuple[Idiom, ...]:
    builtin = (resources.files("align") / "data" / "idioms.tsv").read_text("utf-8")
    idioms = parse_idioms(builtin, "align/data/idioms.tsv")
    for path in extra:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read idioms: {exc}", path=path) from None
        idioms.extend(parse_idioms(text, path))
    return tuple(idioms)


@lru_cache(maxsize=8)
def _index(extra: tuple[str, ...]) -> dict[str, list[Idiom]]:
    """Idioms by the lemmas of their first word: a sentence only tries the ones it can start."""
    index: dict[str, list[Idiom]] = {}
    for idiom in load_idioms(extra):
        first = idiom.pattern[0]
        assert first is not None
        for word in first:
            index.setdefault(word, []).append(idiom)
    return index


@dataclass(frozen=True, slots=True)
class IdiomMatch:
    idiom: Idiom
    span: Span  # in the English text


def find_idioms(text: str, extra: tuple[str, ...] = ()) -> list[IdiomMatch]:
    lemmas = list(map(_lemma, _TOKEN.findall(text)))
    present = set(lemmas)
    index = _index(extra)
    # Most candidates start with a common word: keep those whose other words are all present,
    # deciding once per distinct word rather than at each of its occurrences.
    viable = {}
    for word in index.keys() & present:
        idioms = [
            idiom
            for idiom in index[word]
            if all(not e.isdisjoint(present) for e in idiom.pattern[1:] if e)
        ]
        if idioms:
            viable[word] = idioms
    if not viable:
        return []
    found: list[tuple[Idiom, int, int]] = []
    for i, word in enumerate(lemmas):
        for idiom in viable.get(word, ()):
            end = _match(idiom.pattern, lemmas, i)
            if end is not None:
                found.append((idiom, i, end))
    if not found:
        return []
    # Token offsets only for the rare text that has an idiom.
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    return [IdiomMatch(idiom, Span(tokens[i][0], tokens[end - 1][1])) for idiom, i, end in found]


def _match(pattern: tuple[frozenset[str] | None, ...], lemmas: list[str], i: int) -> int | None:
    """The token index just past a match of ``pattern`` starting at ``i``, or None."""
    if not pattern:
        return i
    element, rest = pattern[0], pattern[1:]
    if element is None:
        for skip in range(_MAX_GAP + 1):
            end = _match(rest, lemmas, i + skip)
            if end is not None:
                return end
        return None
    if i < len(lemmas) and lemmas[i] in element:
        return _match(rest, lemmas, i + 1)
    return None


def literal_renderings(match: IdiomMatch, target: str, window: Span) -> Iterator[Span]:
    """Where the idiom's literal keywords occur in the target window."""
    simplified = to_simplified(target)
    for keyword in match.idiom.literal:
        start = simplified.find(keyword, window.start, window.end)
        if start >= 0:
            yield Span(start, start + len(keyword))
