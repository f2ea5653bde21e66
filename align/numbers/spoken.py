"""Numbers written as English words: a small grammar over word tokens, not a list of forms.

``forty two thousand six hundred`` = 42,600, ``two point seven million`` = 2,700,000,
``zero point zero eight`` = 0.08, ``nineteen ninety`` (a year), ``July twenty fifth two thousand
twelve`` and ``the twenty fifth of July`` (dates), ``half past three`` / ``eight fifty one`` /
``two p m`` (times), ``thirty-first`` (an ordinal), ``four dollars and sixty nine cents``.

The scanner walks word tokens and keeps each span it reads; ``english`` adds qualifiers,
direction and sign from the words around a span, as for digits. Pure: text in, facts out.
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
_CARDINAL = {**UNITS, **TENS}
_NUMBER_WORDS = {*UNITS, *TENS, *SCALES, "hundred", "point", "oh"}
_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\S")


@dataclass(slots=True)
class _Token:
    word: str  # lower case
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    # Hyphens join number words (forty-two, thirty-first): split them into tokens.
    return [
        _Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)
    ]


def _trie_pattern(words: frozenset[str]) -> str:
    """An alternation of ``words`` factored by prefix (t(?:wo|en|hree…)): Python's regex
    engine then rejects a word at its first letter instead of trying every alternative."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
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


def _windows(lower: str) -> list[tuple[int, int, int]]:
    """``(from, scan from, to)`` offsets of each stretch of text around hints."""
    windows: list[tuple[int, int, int]] = []
    for hint in HINT.finditer(lower):
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


def _decimals(tokens: list[_Token], i: int) -> tuple[float, int] | None:
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
        if j < len(tokens) and tokens[j].word == "hundred":  # nineteen hundred seventy-three
            rest = _cardinal(tokens, j + 1) if j + 1 < len(tokens) else None
            if rest and 1 <= rest[0] <= 99 and rest[0] == int(rest[0]):
                return int(high * 100 + rest[0]), 2 + rest[1]
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
    relative = _minutes_to_hour(tokens, i)
    if relative:
        minutes, n = relative
        relation = tokens[i + n].word
        if i + n + 1 < len(tokens):
            hour = _CARDINAL.get(tokens[i + n + 1].word)
            if hour and hour <= 12:
                hour, extra, offset = _clock(tokens, i + n + 2, hour)
                used = n + 2 + extra
                if relation in {"past", "after"}:
                    value = hour + minutes / 60
                else:  # quarter to one is 12:45
                    value = (hour - 2) % 12 + 1 + (60 - minutes) / 60
                if extra:
                    value = value % 12 + offset  # one min to one am is 00:59
                return _fact(text, _span(tokens, i, used), value, kind="time"), used
        return None
    said = _cardinal(tokens, i)
    if said and said[0] <= 24 and said[0] == int(said[0]):  # twenty three o'clock
        clock = _oclock(tokens, i + said[1])
        if clock:
            n = said[1] + clock
            return _fact(text, _span(tokens, i, n), float(said[0]), kind="time"), n
    hour = _CARDINAL.get(word)
    if hour is None or not 1 <= hour <= 12:
        return None
    nxt = tokens[i + 1].word if i + 1 < len(tokens) else ""
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
            hour, extra, offset = _clock(tokens, i + 1 + minute[1], hour)
            n = 1 + minute[1] + extra
            return _fact(text, _span(tokens, i, n), hour + offset + minute[0] / 60, kind="time"), n
    return None


def _minutes_to_hour(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """``quarter``/``half``/``ten``/``twenty five`` (minutes) before past/to/till/after/before."""
    word = tokens[i].word
    if word in {"half", "quarter"}:
        minutes, n = (30 if word == "half" else 15), 1
    else:
        found = _cardinal(tokens, i)
        if not found or not 1 <= found[0] <= 59 or found[0] != int(found[0]):
            return None
        minutes, n = int(found[0]), found[1]
        if i + n < len(tokens) and tokens[i + n].word in {"min", "mins", "minute", "minutes"}:
            n += 1
    if i + n < len(tokens) and tokens[i + n].word in {"past", "to", "till", "after", "before"}:
        return minutes, n
    return None


def _oclock(tokens: list[_Token], i: int) -> int:
    """Tokens of ``o'clock`` / ``o' clock`` / ``o clock`` at ``tokens[i:]``, or 0."""
    words = [t.word for t in tokens[i : i + 3]]
    if words[:1] == ["o'clock"]:
        return 1
    if words[:2] == ["o", "clock"]:
        return 2
    if words[:3] == ["o", "'", "clock"]:
        return 3
    return 0


def _clock(tokens: list[_Token], i: int, hour: int) -> tuple[int, int, int]:
    """``(hour on a 12-hour clock if a m / p m follows, tokens it takes, hours to add)``."""
    ampm = _ampm(tokens, i)
    if not ampm:
        return hour, 0, 0
    offset, extra = ampm
    return hour % 12, extra, offset


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
        ordinal_day = _ordinal(tokens, i + 1)
        day = ordinal_day or _day_cardinal(tokens, i + 1)
        year = _spoken_year(tokens, i + 1)
        if day and year and not ordinal_day and year[1] > day[1] and 1100 <= year[0] <= 2100:
            day = None  # July eighteen seventy six is a year, not the 18th
        if day and 1 <= day[0] <= 31:
            return _dated(tokens, i, 1 + day[1], MONTHS[word], day[0], text)
        if year and year[1] >= 2:  # July two thousand twelve
            n = 1 + year[1]
            value = year[0] * 10000 + MONTHS[word] * 100
            return _fact(text, _span(tokens, i, n), value, kind="month"), n
        return None
    day = _ordinal(tokens, i)
    if day and i + day[1] + 1 < len(tokens) and tokens[i + day[1]].word == "of":
        month = tokens[i + day[1] + 1].word
        if month in MONTHS and 1 <= day[0] <= 31:
            return _dated(tokens, i, day[1] + 2, MONTHS[month], day[0], text)
    return None


def _dated(
    tokens: list[_Token], i: int, n: int, month: int, day: int, text: str
) -> tuple[NumberFact, int]:
    """The date read in ``tokens[i : i + n]``, with a spoken year right after it if any."""
    value = month * 100 + day
    year = _spoken_year(tokens, i + n)
    if year:
        value += year[0] * 10000
        n += year[1]
    return _fact(text, _span(tokens, i, n), value, kind="date"), n


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


def spoken_facts(
    text: str, lower: str | None = None
) -> tuple[list[NumberFact], list[SpokenNumber]]:
    """Dates, times, years and ordinals in words (complete facts), and cardinals in words
    (for ``english`` to finish with their unit, sign and qualifier)."""
    facts: list[NumberFact] = []
    cardinals: list[SpokenNumber] = []
    for low, scan, high in _windows(text.lower() if lower is None else lower):
        tokens = _tokens(text, low, min(high, len(text)))
        first = next((k for k, t in enumerate(tokens) if t.start >= scan), None)
        if first is not None:
            _scan(text, tokens, first, facts, cardinals)
    return facts, cardinals


def _scan(
    text: str,
    tokens: list[_Token],
    i: int,
    facts: list[NumberFact],
    cardinals: list[SpokenNumber],
) -> None:
    """Read ``tokens[i:]``; those before ``i`` are context (at, the, a sentence end)."""
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
        if year and _ordinal_beyond(tokens, i, year[1], text):
            year = None  # eleven hundred twenty first is the 1,121st, not 1120 and first
        if year and 1100 <= year[0] <= 2100 and year[1] >= 2 and _year_like(tokens, i, year[1]):
            facts.append(_fact(text, _span(tokens, i, year[1]), float(year[0]), kind="year"))
            i += year[1]
            continue
        ordinal = _ordinal(tokens, i)
        if ordinal and _period_after(tokens, i + ordinal[1]):
            i += ordinal[1]  # third quarter, first half: read by the period patterns
            continue
        discourse = (
            _sentence_start(tokens, i) and tokens[i + 1 : i + 2] and (tokens[i + 1].word == ",")
        )
        if ordinal and discourse:
            i += 1  # First, … Second, …
            continue
        if ordinal and ordinal[1] == 1 and ordinal[0] <= 4:
            # first … fourth: often a discourse word or 首次; it may match 第2名 and is never
            # reported missing.
            span = _span(tokens, i, 1)
            facts.append(_fact(text, span, float(ordinal[0]), kind="ordinal", weak=True,
                               implied=True))  # fmt: skip
            i += 1
            continue
        if ordinal:
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
        if cardinal:
            shaped = _ordinal_or_fraction(tokens, i, cardinal, text)
            if shaped:
                facts.append(shaped[0])
                i += shaped[1]
                continue
            value, used, digits = cardinal
            cardinals.append(SpokenNumber(_span(tokens, i, used), value, digits, used))
            i += used
            continue
        i += 1


# Denominators: "two thirds", "one fifth", "three quarters", "a half" ("second" is time).
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip


def _ordinal_or_fraction(
    tokens: list[_Token], i: int, cardinal: tuple[float, int, int], text: str
) -> tuple[NumberFact, int] | None:
    """``one hundred twenty first`` (121st), ``two thirds``, ``one fifth``, ``two and a half``."""
    value, used, _ = cardinal
    k = i + used
    nxt = tokens[k].word if k < len(tokens) else ""
    whole = int(value) == value
    scale = ORDINAL_SCALES.get(nxt.removesuffix("s"))
    if scale and whole and value:
        n = used + 1
        span = _span(tokens, i, n)
        if nxt.endswith("s"):  # three millionths
            return _fact(text, span, value / scale, digits=2), n
        if value == 1:  # one hundredth: 1/100, or the 100th
            return _fact(text, span, 1 / scale, digits=2, alternatives=(float(scale),)), n
        return _fact(text, span, value * scale, kind="ordinal"), n  # nine millionth
    ordinal = ORDINAL_UNITS.get(nxt) or ORDINAL_TENS.get(nxt)
    step = 10 if ordinal and ordinal < 10 else 100
    if ordinal and whole and value >= 20 and nxt != "second" and value % step == 0:
        n = used + 1
        return _fact(text, _span(tokens, i, n), value + ordinal, kind="ordinal"), n
    den = DENOMINATORS.get(nxt)
    if den and whole and (nxt.endswith("s") or value == 1):
        return _fact(text, _span(tokens, i, used + 1), value / den, digits=2), used + 1
    if nxt == "and" and k + 2 < len(tokens):  # two and a half, three and two quarters
        part = tokens[k + 1].word
        count = 1.0 if part in {"a", "one"} else float(_CARDINAL.get(part, 0))
        den = DENOMINATORS.get(tokens[k + 2].word)
        if den and count:
            n = used + 3
            return _fact(text, _span(tokens, i, n), value + count / den, digits=2), n
    return None


def _ordinal_beyond(tokens: list[_Token], i: int, used: int, text: str) -> bool:
    """The cardinal at ``tokens[i:]`` ends in an ordinal or a denominator after the ``used``
    tokens another reading took (eleven hundred twenty first, nineteen hundred thirds)."""
    cardinal = _cardinal(tokens, i)
    if cardinal is None or cardinal[1] < used:
        return False
    shaped = _ordinal_or_fraction(tokens, i, cardinal, text)
    return shaped is not None and shaped[1] > used


def _period_after(tokens: list[_Token], i: int) -> bool:
    words = [t.word for t in tokens[i : i + 3] if t.word != "-"]
    return bool(words) and (words[0] in {"quarter", "quarters", "half"} or words[:2] in (
        ["fiscal", "quarter"], ["calendar", "quarter"], ["fiscal", "half"]))  # fmt: skip


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
