"""Numbers written as English words: a small grammar over word tokens, not a list of forms.

``forty two thousand six hundred`` = 42,600, ``two point seven million`` = 2,700,000,
``zero point zero eight`` = 0.08, ``nineteen ninety`` (a year), ``July twenty fifth two thousand
twelve`` and ``the twenty fifth of July`` (dates), ``half past three`` / ``eight fifty one`` /
``two p m`` (times), ``thirty-first`` (an ordinal), ``four dollars and sixty nine cents``.

The scanner walks word tokens and keeps each span it reads; ``numbers_en`` adds qualifiers,
direction and sign from the words around a span, as for digits. Pure: text in, facts out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.extract.numbers import NumberFact, significant_digits
from align.models import Span

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "quadrillion": 10**15, "quintillion": 10**18, "sextillion": 10**21,
          "lakh": 10**5, "crore": 10**7}  # fmt: skip
ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}  # fmt: skip
ORDINAL_SCALES = {"hundredth": 100, "thousandth": 1000, "millionth": 10**6}
MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
_CARDINAL = {**UNITS, **TENS}
_NUMBER_WORDS = {*UNITS, *TENS, *SCALES, "hundred", "point", "oh"}
_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\S")


@dataclass(frozen=True, slots=True)
class _Token:
    word: str  # lower case
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    # Hyphens join number words (forty-two, thirty-first): split them into tokens.
    return [_Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _cardinal(tokens: list[_Token], i: int) -> tuple[float, int, int] | None:
    """The longest cardinal at ``tokens[i:]``: ``(value, tokens used, significant digits)``.

    A word that cannot continue the number ends it: ``two thirty`` is 2, then 30."""
    total, current, last, last_scale = 0, 0, "", 10**30
    best: tuple[float, int, int] | None = None
    j = i
    while j < len(tokens):
        word = tokens[j].word
        if word == "and" and last in {"hundred", "scale"}:
            j += 1
            continue
        if word == "-" and last == "tens":
            j += 1
            continue
        if word in UNITS and UNITS[word] < 10:
            if word == "zero" and last:
                break
            if last not in {"", "tens", "hundred", "scale"}:
                break
            current += UNITS[word]
            last = "unit"
        elif word in UNITS or word in TENS:  # 10-19, or twenty … ninety
            if last not in {"", "hundred", "scale"}:
                break
            current += _CARDINAL[word]
            last = "teen" if word in UNITS else "tens"
        elif word == "hundred":
            if last not in {"", "unit", "teen", "tens"} or current >= 100:
                break
            current = (current or 1) * 100  # "hundred fifteen" is said for 115
            last = "hundred"
        elif word in SCALES:
            if last not in {"", "unit", "teen", "tens", "hundred"} or SCALES[word] >= last_scale:
                break
            total += (current or 1) * SCALES[word]
            current, last, last_scale = 0, "scale", SCALES[word]
        elif word == "point" and last in {"", "unit", "teen", "tens", "hundred"}:
            decimals = _decimals(tokens, j + 1)
            if decimals is None:
                break
            fraction, count = decimals
            value = total + current + fraction
            k = j + 1 + count
            if k < len(tokens) and tokens[k].word in SCALES:  # two point seven million
                value *= SCALES[tokens[k].word]
                k += 1
            whole = len(str(total + current).lstrip("0"))
            return value, k - i, whole + count
        else:
            break
        j += 1
        value = total + current
        best = (float(value), j - i, significant_digits(str(value)))
    return best


def _decimals(tokens: list[_Token], i: int) -> tuple[float, int] | None:
    """``five eight`` after "point" → (0.58, 2)."""
    digits = []
    while i + len(digits) < len(tokens):
        word = tokens[i + len(digits)].word
        if word in UNITS and UNITS[word] < 10:
            digits.append(str(UNITS[word]))
        elif word == "oh":
            digits.append("0")
        else:
            break
    if not digits:
        return None
    return float("0." + "".join(digits)), len(digits)


def _ordinal(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """``twenty fifth`` / ``thirty-first`` / ``fifth`` at ``tokens[i:]``: (value, tokens)."""
    word = tokens[i].word
    if word in ORDINAL_UNITS:
        return ORDINAL_UNITS[word], 1
    if word in ORDINAL_TENS:
        return ORDINAL_TENS[word], 1
    if word in TENS:
        j = i + 1
        if j < len(tokens) and tokens[j].word == "-":
            j += 1
        unit = ORDINAL_UNITS.get(tokens[j].word, 10) if j < len(tokens) else 10
        if unit < 10:
            return TENS[word] + unit, j + 1 - i
    return None


def _spoken_year(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """``nineteen ninety`` / ``twenty twelve`` / ``two thousand twelve`` → (year, tokens)."""
    if i >= len(tokens):
        return None
    first = tokens[i].word
    if (first in UNITS and UNITS[first] >= 11) or first == "twenty":
        high = _CARDINAL[first]
        j = i + 1
        if j < len(tokens) and tokens[j].word == "hundred":
            return high * 100, 2
        rest = _cardinal(tokens, j) if j < len(tokens) else None
        if rest and 10 <= rest[0] <= 99 and rest[1] <= 3:
            return int(high * 100 + rest[0]), 1 + rest[1]
        if j + 1 < len(tokens) and tokens[j].word in {"oh", "o"} and tokens[j + 1].word in UNITS:
            return high * 100 + UNITS[tokens[j + 1].word], 3
    whole = _cardinal(tokens, i)
    if whole and 1000 <= whole[0] <= 2100 and whole[0] == int(whole[0]):
        return int(whole[0]), whole[1]
    return None


def _span(tokens: list[_Token], i: int, n: int) -> Span:
    return Span(tokens[i].start, tokens[i + n - 1].end)


def _fact(text: str, span: Span, value: float, **kw: object) -> NumberFact:
    return NumberFact(span, text[span.start : span.end], value, **kw)  # type: ignore[arg-type]


def _time(tokens: list[_Token], i: int, text: str) -> tuple[NumberFact, int] | None:
    word = tokens[i].word
    nxt = tokens[i + 1].word if i + 1 < len(tokens) else ""
    if word in {"half", "quarter"} and nxt in {"past", "to"} and i + 2 < len(tokens):
        hour = _CARDINAL.get(tokens[i + 2].word)
        if hour and hour <= 12:
            minutes = 30 if word == "half" else 15
            before = (hour - 2) % 12 + 1  # quarter to one is 12:45
            value = hour + minutes / 60 if nxt == "past" else before + (60 - minutes) / 60
            return _fact(text, _span(tokens, i, 3), value, kind="time"), 3
        return None
    hour = _CARDINAL.get(word)
    if hour is None or not 1 <= hour <= 12:
        return None
    if nxt == "o'clock":
        return _fact(text, _span(tokens, i, 2), float(hour), kind="time"), 2
    ampm = _ampm(tokens, i + 1)
    if ampm:
        offset, n = ampm
        return _fact(text, _span(tokens, i, 1 + n), float(hour % 12 + offset), kind="time"), 1 + n
    before = tokens[i - 1].word if i else ""
    if before in {"at", "by", "until", "from"} and nxt:
        minute = _cardinal(tokens, i + 1)
        if nxt in {"oh", "o"} and i + 2 < len(tokens) and tokens[i + 2].word in UNITS:
            minute = (float(UNITS[tokens[i + 2].word]), 2, 1)
        if minute and 1 <= minute[0] <= 59 and minute[0] == int(minute[0]):
            n = 1 + minute[1]
            ampm = _ampm(tokens, i + n)
            offset = 0
            if ampm:
                offset, extra = ampm
                n += extra
                hour %= 12
            return _fact(text, _span(tokens, i, n), hour + offset + minute[0] / 60, kind="time"), n
    return None


def _ampm(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """``p m`` / ``pm`` / ``p.m.`` at ``tokens[i:]``: (hours to add, tokens used)."""
    if i >= len(tokens):
        return None
    word = tokens[i].word
    if word in {"am", "pm"}:
        return (12 if word == "pm" else 0), 1
    if word in {"a", "p"}:  # a m, p.m.
        j = i + 1
        if j < len(tokens) and tokens[j].word == ".":
            j += 1
        if j < len(tokens) and tokens[j].word == "m" and tokens[j].start - tokens[i].end <= 1:
            j += 1
            if j < len(tokens) and tokens[j].word == ".":
                j += 1
            return (12 if word == "p" else 0), j - i
    return None


def _date(tokens: list[_Token], i: int, text: str) -> tuple[NumberFact, int] | None:
    """``July twenty fifth [two thousand twelve]`` or ``[the] twenty fifth of July [...]``."""
    word = tokens[i].word
    if word in MONTHS and i + 1 < len(tokens):
        day = _ordinal(tokens, i + 1) or _day_cardinal(tokens, i + 1)
        if day and 1 <= day[0] <= 31:
            n = 1 + day[1]
            year = _spoken_year(tokens, i + n)
            value = MONTHS[word] * 100 + day[0]
            if year:
                value += year[0] * 10000
                n += year[1]
            return _fact(text, _span(tokens, i, n), value, kind="date"), n
        year = _spoken_year(tokens, i + 1)
        if year and year[1] >= 2:  # July two thousand twelve
            n = 1 + year[1]
            value = year[0] * 10000 + MONTHS[word] * 100
            return _fact(text, _span(tokens, i, n), value, kind="month"), n
        return None
    day = _ordinal(tokens, i)
    if day and i + day[1] + 1 < len(tokens) and tokens[i + day[1]].word == "of":
        month = tokens[i + day[1] + 1].word
        if month in MONTHS and 1 <= day[0] <= 31:
            n = day[1] + 2
            year = _spoken_year(tokens, i + n)
            value = MONTHS[month] * 100 + day[0]
            if year:
                value += year[0] * 10000
                n += year[1]
            return _fact(text, _span(tokens, i, n), value, kind="date"), n
    return None


def _day_cardinal(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    found = _cardinal(tokens, i)
    if found and found[0] <= 31 and found[0] == int(found[0]) and found[1] <= 2:
        return int(found[0]), found[1]
    return None


@dataclass(frozen=True, slots=True)
class SpokenNumber:
    """A cardinal in words: its span, value and significant digits; units are read later."""

    span: Span
    value: float
    digits: int
    words: int


def spoken_facts(text: str) -> tuple[list[NumberFact], list[SpokenNumber]]:
    """Dates, times, years and ordinals in words (complete facts), and cardinals in words
    (for ``numbers_en`` to finish with their unit, sign and qualifier)."""
    tokens = _tokens(text)
    facts: list[NumberFact] = []
    cardinals: list[SpokenNumber] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].word
        if word == "both":  # two, often rendered 两 or 双 or not as a number at all: weak
            facts.append(_fact(text, _span(tokens, i, 1), 2.0, weak=True, implied=True))
            i += 1
            continue
        capital = text[tokens[i].start].isupper() and word not in MONTHS
        if capital and not _sentence_start(tokens, i):
            i += 1  # Okta Zero, Square One: a capitalised number word inside a name
            continue
        if (
            word not in _NUMBER_WORDS
            and word not in MONTHS
            and word not in ORDINAL_UNITS
            and (word not in ORDINAL_TENS and word not in {"half", "quarter"})
        ):
            i += 1
            continue
        found = _date(tokens, i, text) or _time(tokens, i, text)
        if found:
            facts.append(found[0])
            i += found[1]
            continue
        year = _spoken_year(tokens, i) if word in UNITS or word == "twenty" else None
        if year and 1100 <= year[0] <= 2100 and year[1] >= 2 and _year_like(tokens, i, year[1]):
            facts.append(_fact(text, _span(tokens, i, year[1]), float(year[0]), kind="year"))
            i += year[1]
            continue
        ordinal = _ordinal(tokens, i)
        if ordinal and (ordinal[1] > 1 or ordinal[0] > 4):
            # Compound or fifth and beyond; first/second/third are too often discourse words.
            facts.append(_fact(text, _span(tokens, i, ordinal[1]), float(ordinal[0]),
                               kind="ordinal", weak=ordinal[1] == 1))  # fmt: skip
            i += ordinal[1]
            continue
        leading_scale = word == "hundred" or word in SCALES
        after_digit = i > 0 and tokens[i - 1].word[-1:].isdigit()
        if leading_scale and (word not in {"hundred", "thousand"} or after_digit):
            i += 1  # "88.5 billion": the digits' scale word, read with the digits
            continue
        cardinal = _cardinal(tokens, i)
        if (
            cardinal
            and word == "zero"
            and cardinal[1] == 1
            and not _ZERO_BEFORE.get(tokens[i - 1].word if i else "")
        ):
            i += 1  # zero trust, zero-day: a value only as "to zero", "was zero" …
            continue
        if cardinal:
            value, used, digits = cardinal
            cardinals.append(SpokenNumber(_span(tokens, i, used), value, digits, used))
            i += used
            continue
        i += 1
    return facts, cardinals


_ZERO_BEFORE = dict.fromkeys(
    ("is", "was", "were", "be", "been", "to", "at", "of", "reached", "remained", "equals", "by"),
    True,
)


def _sentence_start(tokens: list[_Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].word in {".", "!", "?", ":", ";", '"', "“", "(", "-", "—"}


def _year_like(tokens: list[_Token], i: int, n: int) -> bool:
    """``nineteen ninety`` is a year; ``two thousand twelve`` only after in/since/of/a month."""
    first = tokens[i].word
    teens = first in UNITS and UNITS[first] >= 11  # nineteen ninety, fifteen oh six
    twenties = first == "twenty" and n > 1 and tokens[i + 1].word in UNITS | TENS
    if teens or twenties:
        return True
    before = tokens[i - 1].word if i else ""
    return before in {"in", "since", "of", "by", "until", "year"} or before in MONTHS
