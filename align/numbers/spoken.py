"""Numbers written as English words: a small grammar over word tokens, not a list of forms.

``forty two thousand six hundred`` = 42,600, ``two point seven million`` = 2,700,000,
``zero point zero eight`` = 0.08, ``nineteen ninety`` (a year), ``July twenty fifth two thousand
twelve`` and ``the twenty fifth of July`` (dates), ``half past three`` / ``eight fifty one`` /
``two p m`` (times), ``thirty-first`` (an ordinal), ``four dollars and sixty nine cents``.

This module finds the stretches of text where such numbers may be and walks their tokens,
deciding which reader takes each (the grammar is in ``spoken_words``, dates and clock times in
``spoken_clock``); ``english`` adds qualifiers, direction and sign from the words around a
span, as for digits. Pure: text in, facts out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.models import Span
from align.numbers.facts import Kind, NumberFact
from align.numbers.spoken_clock import read_date, read_time
from align.numbers.spoken_words import (
    CARDINAL,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_SCALES,
    ORDINAL_TENS,
    ORDINAL_UNITS,
    SCALES,
    TENS,
    UNITS,
    Token,
    fact_of,
    read_cardinal,
    read_ordinal,
    read_year,
    token_span,
    tokenise,
)


def _trie_pattern(words: frozenset[str]) -> str:
    """An alternation of ``words`` factored by prefix (t(?:wo|en|hree…)): Python's regex
    engine then rejects a word at its first letter instead of trying every alternative."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


# Words near which spoken numbers are looked for: only the stretches of text around them are
# tokenised. Words that are a number only beside another number word (point, half, quarter,
# May, first, second) are left out, since a window reaches back to them: an earnings call
# says "quarter" and "first" in every other sentence.
_HINT_WORDS = frozenset(
    [*UNITS, *TENS, *SCALES, *ORDINAL_UNITS, *ORDINAL_TENS, "hundred", "both",
     *(m for m in MONTHS if len(m) > 3)]
) - {"may", "first", "second"}  # fmt: skip


HINT = re.compile(rf"\b{_trie_pattern(_HINT_WORDS)}\b")
_DIGITS_OWN = re.compile(r"\d ?(?:hundred|thousand|million|billion|trillion)$")
_PERIOD_WORD = re.compile(r"[- ](?:quarter|half)\b")
# Text read before a hint (at, the, a sentence end, one, point, half past) and after the last
# one (o'clock, past four, p m, and a half).
_BEFORE, _AFTER = 16, 16


# "quarter" is no hint (see above), but "a quarter of" is a fraction.
_QUARTER_OF = re.compile(r"\ban? quarter (?:parts? )?of\b")


def _windows(lower: str) -> list[tuple[int, int, int]]:
    """``(from, scan from, to)`` offsets of each stretch of text around hints."""
    windows: list[tuple[int, int, int]] = []
    hints = [*HINT.finditer(lower)]
    if "quarter" in lower:
        hints = sorted([*hints, *_QUARTER_OF.finditer(lower)], key=lambda hint: hint.start())
    for hint in hints:
        if _DIGITS_OWN.match(lower, max(0, hint.start() - 2), hint.end()):
            continue  # $97.7 million: the scale word of digits, read with them
        if hint.group() in ORDINAL_UNITS and _PERIOD_WORD.match(lower, hint.end()):
            continue  # third quarter, first half: read by the period patterns
        start, end = hint.start(), hint.end() + _AFTER
        if windows and start - _BEFORE <= windows[-1][2]:
            low, scan, _ = windows[-1]
            windows[-1] = (low, scan, end)
        else:
            low = lower.rfind(" ", 0, max(0, start - _BEFORE)) + 1  # from a word's start
            windows.append((low, low, end))
    return windows


@dataclass(frozen=True, slots=True)
class SpokenNumber:
    """A cardinal in words: its span, value and significant digits; units are read later."""

    span: Span
    value: float
    digits: int
    words: int


def spoken_facts(
    text: str, lower: str | None = None
) -> tuple[list[NumberFact], list[SpokenNumber]]:
    """Dates, times, years and ordinals in words (complete facts), and cardinals in words
    (for ``english`` to finish with their unit, sign and qualifier)."""
    facts: list[NumberFact] = []
    cardinals: list[SpokenNumber] = []
    for low, scan, high in _windows(text.lower() if lower is None else lower):
        tokens = tokenise(text, low, min(high, len(text)))
        first = next((k for k, t in enumerate(tokens) if t.start >= scan), None)
        if first is not None:
            _scan(text, tokens, first, facts, cardinals)
    return facts, cardinals


def _scan(
    text: str,
    tokens: list[Token],
    i: int,
    facts: list[NumberFact],
    cardinals: list[SpokenNumber],
) -> None:
    """Read ``tokens[i:]``; those before ``i`` are context (at, the, a sentence end).

    At each token the readers are tried from the most specific: a date or time, a year, an
    ordinal, then a cardinal (kept in ``cardinals`` for ``english`` to finish)."""
    while i < len(tokens):
        word = tokens[i].word
        if word == "both":  # two, often rendered 两 or 双 or not as a number at all: weak
            facts.append(fact_of(text, token_span(tokens, i, 1), 2.0, weak=True, implied=True))
            i += 1
            continue
        if _skipped(text, tokens, i):
            i += 1
            continue
        fraction = _article_fraction(tokens, i, text)
        if fraction is not None:
            facts.append(fraction)
            i += 1
            continue
        found = read_date(tokens, i, text) or read_time(tokens, i, text) or _year(tokens, i, text)
        if found:
            facts.append(found[0])
            i += found[1]
            continue
        ordinal = read_ordinal(tokens, i)
        if ordinal:
            fact, used = _ordinal_fact(tokens, i, ordinal, text)
            if fact is not None:
                facts.append(fact)
            i += used
            continue
        leading_scale = word == "hundred" or word in SCALES
        after_digit = i > 0 and tokens[i - 1].word[-1:].isdigit()
        if leading_scale and (word not in {"hundred", "thousand"} or after_digit):
            i += 1  # "88.5 billion": the digits' scale word, read with the digits
            continue
        cardinal = read_cardinal(tokens, i)
        if cardinal:
            shaped = _ordinal_or_fraction(tokens, i, cardinal, text)
            if shaped:
                facts.append(shaped[0])
                i += shaped[1]
                continue
            value, used, digits = cardinal
            cardinals.append(SpokenNumber(token_span(tokens, i, used), value, digits, used))
            i += used
            continue
        i += 1


def _skipped(text: str, tokens: list[Token], i: int) -> bool:
    """A token no reader starts at: not a number word, or one inside a capitalised name."""
    word = tokens[i].word
    capital = text[tokens[i].start].isupper() and word not in MONTHS
    if capital and not _sentence_start(tokens, i):
        return True  # Okta Zero, Square One: a capitalised number word inside a name
    return (
        word not in NUMBER_WORDS
        and word not in MONTHS
        and word not in ORDINAL_UNITS
        and (word not in ORDINAL_TENS and word not in {"half", "quarter"})
    )


def _year(tokens: list[Token], i: int, text: str) -> tuple[NumberFact, int] | None:
    """A year in words (nineteen ninety, in two thousand twelve) at ``tokens[i:]``."""
    word = tokens[i].word
    year = read_year(tokens, i) if word in UNITS or word == "twenty" else None
    if year and _ordinal_beyond(tokens, i, year[1], text):
        return None  # eleven hundred twenty first is the 1,121st, not 1120 and first
    if year and 1100 <= year[0] <= 2100 and year[1] >= 2 and _year_like(tokens, i, year[1]):
        return fact_of(text, token_span(tokens, i, year[1]), float(year[0]), kind=Kind.YEAR), year[
            1
        ]
    return None


def _ordinal_fact(
    tokens: list[Token], i: int, ordinal: tuple[int, int], text: str
) -> tuple[NumberFact | None, int]:
    """The fact of the ordinal at ``tokens[i:]`` (None when it is not one) and the tokens to
    move on by."""
    value, used = ordinal
    if _period_after(tokens, i + used):
        return None, used  # third quarter, first half: read by the period patterns
    if _sentence_start(tokens, i) and tokens[i + 1 : i + 2] and tokens[i + 1].word == ",":
        return None, 1  # First, … Second, …
    if used == 1 and value <= 4:
        # first … fourth: often a discourse word or 首次; it may match 第2名 and is never
        # reported missing.
        span = token_span(tokens, i, 1)
        return fact_of(text, span, float(value), kind=Kind.ORDINAL, weak=True, implied=True), 1
    span = token_span(tokens, i, used)
    return fact_of(text, span, float(value), kind=Kind.ORDINAL, weak=used == 1), used


# Denominators: "two thirds", "one fifth", "three quarters", "a half" ("second" is time).
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip


# After an article, a denominator with a part of something after it is a fraction: a third of
# the market, a tenth part of, grew by a fifth. Otherwise it is an ordinal: a third party, a
# fifth straight year, a quarter of an hour (a time: 一刻钟).
_PART_OF = (["of"], ["part", "of"], ["parts", "of"])
_SENTENCE_END = frozenset(".!?;")


def _article_fraction(tokens: list[Token], i: int, text: str) -> NumberFact | None:
    word = tokens[i].word
    den = DENOMINATORS.get(word)
    if (
        den is None
        or den == 2
        or word.endswith("s")
        or not i
        or tokens[i - 1].word not in {"a", "an"}
    ):
        return None
    after = [t.word for t in tokens[i + 1 : i + 4]]
    if word == "quarter" and after[1:3] == ["an", "hour"]:
        return None
    part_of = any(after[: len(part)] == part for part in _PART_OF)
    if not part_of and not (after[:1] and after[0] in _SENTENCE_END):
        return None
    return fact_of(text, token_span(tokens, i - 1, 2), 1 / den, digits=2)


def _ordinal_or_fraction(
    tokens: list[Token], i: int, cardinal: tuple[float, int, int], text: str
) -> tuple[NumberFact, int] | None:
    """``one hundred twenty first`` (121st), ``two thirds``, ``one fifth``, ``two and a half``."""
    value, used, _ = cardinal
    k = i + used
    nxt = tokens[k].word if k < len(tokens) else ""
    whole = int(value) == value
    scale = ORDINAL_SCALES.get(nxt.removesuffix("s"))
    if scale and whole and value:
        n = used + 1
        span = token_span(tokens, i, n)
        if nxt.endswith("s"):  # three millionths
            return fact_of(text, span, value / scale, digits=2), n
        if value == 1:  # one hundredth: 1/100, or the 100th
            return fact_of(text, span, 1 / scale, digits=2, alternatives=(float(scale),)), n
        return fact_of(text, span, value * scale, kind=Kind.ORDINAL), n  # nine millionth
    ordinal = ORDINAL_UNITS.get(nxt) or ORDINAL_TENS.get(nxt)
    step = 10 if ordinal and ordinal < 10 else 100
    if ordinal and whole and value >= 20 and nxt != "second" and value % step == 0:
        n = used + 1
        return fact_of(text, token_span(tokens, i, n), value + ordinal, kind=Kind.ORDINAL), n
    den = DENOMINATORS.get(nxt)
    if den and whole and (nxt.endswith("s") or value == 1):
        return fact_of(text, token_span(tokens, i, used + 1), value / den, digits=2), used + 1
    if nxt == "and" and k + 2 < len(tokens):  # two and a half, three and two quarters
        part = tokens[k + 1].word
        count = 1.0 if part in {"a", "one"} else float(CARDINAL.get(part, 0))
        den = DENOMINATORS.get(tokens[k + 2].word)
        if den and count:
            n = used + 3
            return fact_of(text, token_span(tokens, i, n), value + count / den, digits=2), n
    return None


def _ordinal_beyond(tokens: list[Token], i: int, used: int, text: str) -> bool:
    """The cardinal at ``tokens[i:]`` ends in an ordinal or a denominator after the ``used``
    tokens another reading took (eleven hundred twenty first, nineteen hundred thirds)."""
    cardinal = read_cardinal(tokens, i)
    if cardinal is None or cardinal[1] < used:
        return False
    shaped = _ordinal_or_fraction(tokens, i, cardinal, text)
    return shaped is not None and shaped[1] > used


def _period_after(tokens: list[Token], i: int) -> bool:
    words = [t.word for t in tokens[i : i + 3] if t.word != "-"]
    return bool(words) and (words[0] in {"quarter", "quarters", "half"} or words[:2] in (
        ["fiscal", "quarter"], ["calendar", "quarter"], ["fiscal", "half"]))  # fmt: skip


def _sentence_start(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].word in {".", "!", "?", ":", ";", '"', "“", "(", "-", "—"}


def _year_like(tokens: list[Token], i: int, n: int) -> bool:
    """``nineteen ninety`` is a year; ``two thousand twelve`` only after in/since/of/a month."""
    first = tokens[i].word
    teens = first in UNITS and UNITS[first] >= 11  # nineteen ninety, fifteen oh six
    twenties = first == "twenty" and n > 1 and tokens[i + 1].word in UNITS | TENS
    if teens or twenties:
        return True
    before = tokens[i - 1].word if i else ""
    return before in {"in", "since", "of", "by", "until", "year"} or before in MONTHS
