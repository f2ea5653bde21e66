"""Dates and clock times in English words: ``July twenty fifth two thousand twelve``, ``the
twenty fifth of July``, ``half past three``, ``eight fifty one``, ``two p m``, ``six o'clock``.
"""

from __future__ import annotations

from align.numbers.facts import Kind, NumberFact
from align.numbers.spoken_words import (
    CARDINAL,
    MONTHS,
    UNITS,
    Token,
    fact_of,
    read_cardinal,
    read_ordinal,
    read_year,
    token_span,
)


def read_time(tokens: list[Token], i: int, text: str) -> tuple[NumberFact, int] | None:
    word = tokens[i].word
    relative = _minutes_to_hour(tokens, i)
    if relative:
        minutes, n = relative
        relation = tokens[i + n].word
        if i + n + 1 < len(tokens):
            hour = CARDINAL.get(tokens[i + n + 1].word)
            if hour and hour <= 12:
                hour, extra, offset = _clock(tokens, i + n + 2, hour)
                used = n + 2 + extra
                if relation in {"past", "after"}:
                    value = hour + minutes / 60
                else:  # quarter to one is 12:45
                    value = (hour - 2) % 12 + 1 + (60 - minutes) / 60
                if extra:
                    value = value % 12 + offset  # one min to one am is 00:59
                return fact_of(text, token_span(tokens, i, used), value, kind=Kind.TIME), used
        return None
    said = read_cardinal(tokens, i)
    if said and said[0] <= 24 and said[0] == int(said[0]):  # twenty three o'clock
        clock = _oclock(tokens, i + said[1])
        if clock:
            n = said[1] + clock
            return fact_of(text, token_span(tokens, i, n), float(said[0]), kind=Kind.TIME), n
    hour = CARDINAL.get(word)
    if hour is None or not 1 <= hour <= 12:
        return None
    nxt = tokens[i + 1].word if i + 1 < len(tokens) else ""
    ampm = _ampm(tokens, i + 1)
    if ampm:
        offset, n = ampm
        return fact_of(
            text, token_span(tokens, i, 1 + n), float(hour % 12 + offset), kind=Kind.TIME
        ), 1 + n
    before = tokens[i - 1].word if i else ""
    if before in {"at", "by", "until", "from"} and nxt:
        minute = read_cardinal(tokens, i + 1)
        if nxt in {"oh", "o"} and i + 2 < len(tokens) and tokens[i + 2].word in UNITS:
            minute = (float(UNITS[tokens[i + 2].word]), 2, 1)
        if minute and 1 <= minute[0] <= 59 and minute[0] == int(minute[0]):
            hour, extra, offset = _clock(tokens, i + 1 + minute[1], hour)
            n = 1 + minute[1] + extra
            return fact_of(
                text, token_span(tokens, i, n), hour + offset + minute[0] / 60, kind=Kind.TIME
            ), n
    return None


def _minutes_to_hour(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """``quarter``/``half``/``ten``/``twenty five`` (minutes) before past/to/till/after/before."""
    word = tokens[i].word
    if word in {"half", "quarter"}:
        minutes, n = (30 if word == "half" else 15), 1
    else:
        found = read_cardinal(tokens, i)
        if not found or not 1 <= found[0] <= 59 or found[0] != int(found[0]):
            return None
        minutes, n = int(found[0]), found[1]
        if i + n < len(tokens) and tokens[i + n].word in {"min", "mins", "minute", "minutes"}:
            n += 1
    if i + n < len(tokens) and tokens[i + n].word in {"past", "to", "till", "after", "before"}:
        return minutes, n
    return None


def _oclock(tokens: list[Token], i: int) -> int:
    """Tokens of ``o'clock`` / ``o' clock`` / ``o clock`` at ``tokens[i:]``, or 0."""
    words = [t.word for t in tokens[i : i + 3]]
    if words[:1] == ["o'clock"]:
        return 1
    if words[:2] == ["o", "clock"]:
        return 2
    if words[:3] == ["o", "'", "clock"]:
        return 3
    return 0


def _clock(tokens: list[Token], i: int, hour: int) -> tuple[int, int, int]:
    """``(hour on a 12-hour clock if a m / p m follows, tokens it takes, hours to add)``."""
    ampm = _ampm(tokens, i)
    if not ampm:
        return hour, 0, 0
    offset, extra = ampm
    return hour % 12, extra, offset


def _ampm(tokens: list[Token], i: int) -> tuple[int, int] | None:
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


def read_date(tokens: list[Token], i: int, text: str) -> tuple[NumberFact, int] | None:
    """``July twenty fifth [two thousand twelve]`` or ``[the] twenty fifth of July [...]``."""
    word = tokens[i].word
    if word in MONTHS and i + 1 < len(tokens):
        ordinal_day = read_ordinal(tokens, i + 1)
        day = ordinal_day or _day_cardinal(tokens, i + 1)
        year = read_year(tokens, i + 1)
        if day and year and not ordinal_day and year[1] > day[1] and 1100 <= year[0] <= 2100:
            day = None  # July eighteen seventy six is a year, not the 18th
        if day and 1 <= day[0] <= 31:
            return _dated(tokens, i, 1 + day[1], MONTHS[word], day[0], text)
        if year and year[1] >= 2:  # July two thousand twelve
            n = 1 + year[1]
            value = year[0] * 10000 + MONTHS[word] * 100
            return fact_of(text, token_span(tokens, i, n), value, kind=Kind.MONTH), n
        return None
    day = read_ordinal(tokens, i)
    if day and i + day[1] + 1 < len(tokens) and tokens[i + day[1]].word == "of":
        month = tokens[i + day[1] + 1].word
        if month in MONTHS and 1 <= day[0] <= 31:
            return _dated(tokens, i, day[1] + 2, MONTHS[month], day[0], text)
    return None


def _dated(
    tokens: list[Token], i: int, n: int, month: int, day: int, text: str
) -> tuple[NumberFact, int]:
    """The date read in ``tokens[i : i + n]``, with a spoken year right after it if any."""
    value = month * 100 + day
    year = read_year(tokens, i + n)
    if year:
        value += year[0] * 10000
        n += year[1]
    return fact_of(text, token_span(tokens, i, n), value, kind=Kind.DATE), n


def _day_cardinal(tokens: list[Token], i: int) -> tuple[int, int] | None:
    found = read_cardinal(tokens, i)
    if found and found[0] <= 31 and found[0] == int(found[0]) and found[1] <= 2:
        return int(found[0]), found[1]
    return None
