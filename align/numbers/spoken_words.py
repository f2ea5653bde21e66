"""The grammar of numbers in English words, over word tokens: cardinals with decimals and
scales, ordinals and spoken years.

``read_cardinal`` reads ``forty two thousand six hundred`` and ``two point seven million``;
``read_ordinal`` reads ``thirty-first``; ``read_year`` reads ``nineteen ninety``. Each takes
tokens and a position and says how many tokens it used, so callers can try one after another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.models import Span
from align.numbers.facts import NumberFact, significant_digits

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70,
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
# Scale words as ordinals (nine millionth = 9,000,000th) or, plural, as denominators (three
# millionths); "one hundredth" is either (1/100, or 100th: a place, an anniversary).
ORDINAL_SCALES = {"hundredth": 100, "thousandth": 10**3, "millionth": 10**6,
                  "billionth": 10**9, "trillionth": 10**12}  # fmt: skip
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
CARDINAL = {**UNITS, **TENS}
NUMBER_WORDS = {*UNITS, *TENS, *SCALES, "hundred", "point", "oh"}
_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\S")


@dataclass(slots=True)
class Token:
    word: str  # lower case
    start: int
    end: int


def tokenise(text: str, start: int, end: int) -> list[Token]:
    # Hyphens join number words (forty-two, thirty-first): split them into tokens.
    return [Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def read_cardinal(tokens: list[Token], i: int) -> tuple[float, int, int] | None:
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
            current += CARDINAL[word]
            last = "teen" if word in UNITS else "tens"
        elif word == "hundred":
            if last not in {"", "unit", "teen", "tens"} or current >= 100:
                break
            current = (current or 1) * 100  # "hundred fifteen" is said for 115
            last = "hundred"
        elif word in SCALES or (word[-1:] == "s" and word[:-1] in SCALES and last):
            # thirty-five thousands, one billion twenty-five millions: a plural scale word
            # after a number is its scale (alone, "thousands of" is vague)
            size = SCALES[word.removesuffix("s") if word not in SCALES else word]
            if last not in {"", "unit", "teen", "tens", "hundred"} or size >= last_scale:
                break
            total += (current or 1) * size
            current, last, last_scale = 0, "scale", size
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


def _decimals(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """``five eight`` after "point" → (0.58, 2)."""
    digits: list[str] = []
    while i + len(digits) < len(tokens):
        word = tokens[i + len(digits)].word
        if word in UNITS and UNITS[word] < 10:
            digits.append(str(UNITS[word]))
        elif word in {"oh", "o"}:
            digits.append("0")
        else:
            break
    if not digits:
        return None
    return float("0." + "".join(digits)), len(digits)


def read_ordinal(tokens: list[Token], i: int) -> tuple[int, int] | None:
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


def read_year(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """``nineteen ninety`` / ``twenty twelve`` / ``two thousand twelve`` → (year, tokens)."""
    if i >= len(tokens):
        return None
    first = tokens[i].word
    if (first in UNITS and UNITS[first] >= 11) or first == "twenty":
        high = CARDINAL[first]
        j = i + 1
        if j < len(tokens) and tokens[j].word == "hundred":  # nineteen hundred seventy-three
            rest = read_cardinal(tokens, j + 1) if j + 1 < len(tokens) else None
            if rest and 1 <= rest[0] <= 99 and rest[0] == int(rest[0]):
                return int(high * 100 + rest[0]), 2 + rest[1]
            return high * 100, 2
        rest = read_cardinal(tokens, j) if j < len(tokens) else None
        if rest and 10 <= rest[0] <= 99 and rest[1] <= 3:
            return int(high * 100 + rest[0]), 1 + rest[1]
        if j + 1 < len(tokens) and tokens[j].word in {"oh", "o"} and tokens[j + 1].word in UNITS:
            return high * 100 + UNITS[tokens[j + 1].word], 3
    whole = read_cardinal(tokens, i)
    if whole and 1000 <= whole[0] <= 2100 and whole[0] == int(whole[0]):
        return int(whole[0]), whole[1]
    return None


def token_span(tokens: list[Token], i: int, n: int) -> Span:
    return Span(tokens[i].start, tokens[i + n - 1].end)


def fact_of(text: str, span: Span, value: float, **kw: object) -> NumberFact:
    return NumberFact(span, text[span.start : span.end], value, **kw)  # type: ignore[arg-type]
