"""Finding transliterated names in Chinese text: runs of Han characters that sound like an
English name (``align.lang.phonetic``), and the runs written as a name (``托德·麥金農``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from align.lang.cedict import common_lemmas, transliteration_characters
from align.lang.phonetic import MATCH, chinese_key, english_key, first_sounds, sounds_like
from align.lang.scan import headwords_in
from align.lang.script import HAN_CLASS
from align.lang.zh import to_simplified
from align.models import Span
from align.pair_cache import per_pair

_HAN_RUN = re.compile(f"[{HAN_CLASS}](?:[{HAN_CLASS}]|·)*")
_NAME_RUN = re.compile(f"[{HAN_CLASS}]+(?:·[{HAN_CLASS}]+)+")
_MAX_TRANSLITERATION = 8


def inside(span: Span, window: Span | None) -> bool:
    return window is None or (window.start <= span.start and span.end <= window.end)


def best_transliteration(
    word: str,
    target: str,
    window: Span | None = None,
    *,
    strict: bool = False,
    wordy: bool = True,
) -> tuple[float, Span] | None:
    """The run of Han characters in ``target`` that best sounds like ``word``, if it matches.

    ``strict`` only considers runs made of transliteration characters (斯, 林, 克 …). A piece
    inside an ordinary dictionary word (謝謝, the 希 of 希望) must sound exactly right
    (羅布 for Rob); without ``wordy``, so must a piece half or more of ordinary words."""
    key = english_key(word)
    if not key:
        return None
    longest = min(_MAX_TRANSLITERATION, len(key) + 2)
    shortest = 1 if len(key) == 1 else 2
    # One consonant (Todd, Ho) is matched by too much: then only an exact, strict match counts.
    threshold = MATCH if len(key) > 1 else 1.0
    strict = strict or len(key) == 1
    alike = first_sounds(key[0])
    best: tuple[float, int, Span] | None = None
    for run in _han_runs(target):
        if window and not inside(run.span, window):
            continue
        text, explained = run.text, run.explained
        for start, first in enumerate(run.first_sounds):
            if first not in alike:
                continue  # a transliteration keeps the first sound: skip the DP
            stop = min(len(text), start + longest)
            if strict:
                stop = min(stop, run.letters_end[start])
            for end in range(start + shortest, stop + 1):
                piece = text[start:end]
                # One word is one part of a dotted name (海因茨 of 海因茨·索恩, not 海因茨·索);
                # a word with its particles may be two (van Beethoven, 范·貝多芬).
                if piece[0] == "·" or piece[-1] == "·" or ("·" in piece and " " not in word):
                    continue
                score = sounds_like(word, piece)
                words = sum(explained[start:end])
                # An ordinary word (謝謝) only counts when it sounds exactly right; without
                # ``wordy``, neither does a piece mostly of ordinary words (開設了 "opened"
                # for Cairo, 當地 "local" for Dakar).
                if score < 1.0 and (
                    words == end - start or (not wordy and words * 2 >= end - start)
                ):
                    continue
                # Best score; on a tie the longer piece (托德 rather than 托 for Todd).
                if score >= threshold and (best is None or (score, end - start) > best[:2]):
                    best = (score, end - start, Span(run.span.start + start, run.span.start + end))
    return (best[0], best[2]) if best else None


@dataclass(frozen=True, slots=True)
class _HanRun:
    span: Span
    text: str
    explained: tuple[bool, ...]  # by an ordinary dictionary word
    # From each offset, where the run of transliteration characters (and ·) stops.
    letters_end: tuple[int, ...]
    first_sounds: tuple[str, ...]  # each character's first sound class ("" for ·)


@per_pair  # every source name searches the same target
def _han_runs(target: str) -> tuple[_HanRun, ...]:
    # One dictionary scan and one Simplified view of the whole target (shared with the other
    # rules) rather than one per run: a word of Han characters lies inside one run.
    explained = explained_by_words(target)
    simplified = to_simplified(target)  # the pair's cached view, sliced per run
    letters = _letters_pattern("·")
    runs = []
    for match in _HAN_RUN.finditer(target):
        start, end = match.span()
        text = match.group()
        letters_end = list(range(len(text)))  # a character that is no letter stops at itself
        for first, stop in map(re.Match.span, letters.finditer(simplified[start:end])):
            letters_end[first:stop] = [stop] * (stop - first)
        runs.append(
            _HanRun(Span(start, end), text, explained[start:end], tuple(letters_end),
                    tuple(map(_first_sound, text)))
        )  # fmt: skip
    return tuple(runs)


@lru_cache(maxsize=2)
def _letters_pattern(extra: str) -> re.Pattern[str]:
    """Runs of transliteration characters (and ``extra``), as one compiled character class."""
    return re.compile(f"[{re.escape(''.join(sorted(transliteration_characters())) + extra)}]+")


@lru_cache(maxsize=1 << 14)
def _first_sound(char: str) -> str:
    return chinese_key(char)[:1]


@per_pair  # asked for whole targets, several times within one pair
def explained_by_words(text: str) -> tuple[bool, ...]:
    """Which characters belong to an ordinary (common-sense) dictionary word of 2+ characters."""
    explained = [False] * len(text)
    for start, end, head in headwords_in(text):
        if end - start > 1 and common_lemmas(head):
            explained[start:end] = [True] * (end - start)
    return tuple(explained)


def name_runs(target: str, window: Span) -> list[Span]:
    """Runs written as a transliterated personal name: Han parts joined by ``·``."""
    return [Span(m.start(), m.end()) for m in _NAME_RUN.finditer(target, window.start, window.end)]


def transliteration_runs(text: str) -> list[Span]:
    """Runs of two or more transliteration characters that no dictionary word explains."""
    explained = explained_by_words(text)
    runs = []
    for letters in _letters_pattern("").finditer(to_simplified(text)):
        start = None
        for i in range(letters.start(), letters.end() + 1):
            if i < letters.end() and not explained[i]:
                start = i if start is None else start
                continue
            if start is not None and i - start >= 2:
                runs.append(Span(start, i))
            start = None
    return runs
