"""Numeric facts in English text.

Handled: digits with separators and decimals; negatives (``-3``, ``negative``, ``minus``,
accounting parentheses); number words (two … ninety-nine, hundred, thousand, million);
scale words and abbreviations (million, bn, M, k); currencies ($, US$, HK$, €, £, ¥, RMB, USD …);
percent, percentage points, basis points, multiples; ranges; qualifiers (over, about, up to,
at least, -plus); quarters, halves, fiscal years, dates, years and clock times.

Not facts: identifiers (``Form 10-Q``, ``COVID-19``), ordinals used in discourse (``First,``),
``one``/``a`` as determiners, vague quantities (``a couple``, ``dozens``, ``hundreds of``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from align.models import Span
from align.numbers.facts import (
    Claimed,
    NumberFact,
    parse_number,
    significant_digits,
    within_range,
)
from align.numbers.ranges import link_ranges
from align.numbers.spoken import SpokenNumber, spoken_facts

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mm": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
_CURRENCY_PREFIX = {
    "us$": "USD", "$": "USD", "usd": "USD", "hk$": "HKD", "hkd": "HKD", "nt$": "TWD",
    "a$": "AUD", "c$": "CAD", "s$": "SGD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "rmb": "CNY", "cny": "CNY",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "usd": "USD", "eur": "EUR",
    "hkd": "HKD", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "won": "KRW", "krw": "KRW",
    "rupees": "INR", "rupee": "INR", "inr": "INR", "rubles": "RUB", "roubles": "RUB",
    "baht": "THB", "pesos": "MXN", "francs": "CHF", "ringgit": "MYR", "dong": "VND",
    "australian dollars": "AUD", "canadian dollars": "CAD", "singapore dollars": "SGD",
    "hong kong dollars": "HKD", "swiss francs": "CHF",
}  # fmt: skip
_UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent",
    "percentage points": "points", "percentage point": "points", "points": "points",
    "point": "points", "pts": "points", "ppts": "points", "pp": "points",
    "basis points": "bp", "basis point": "bp", "bps": "bp", "bp": "bp",
    "x": "multiple", "times": "multiple", "-fold": "multiple", "fold": "multiple",
}  # fmt: skip
# Units of measure, compared like currencies (NumberFact.currency holds the symbol).
MEASURES = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "mile", "mile": "mile", "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "cm": "cm", "centimeters": "cm", "centimetres": "cm", "mm": "mm", "millimeters": "mm",
    "millimetres": "mm", "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in",
    "kg": "kg", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "grams": "g", "gram": "g",
    "lbs": "lb", "lb": "lb", "tons": "t", "tonnes": "t", "metric tons": "t",
    "square kilometers": "km²", "square kilometres": "km²", "km²": "km²", "sq km": "km²",
    "square meters": "m²", "square metres": "m²", "m²": "m²", "hectares": "ha",
    "°C": "°C", "degrees celsius": "°C", "degrees centigrade": "°C", "°F": "°F",
    "degrees fahrenheit": "°F", "degree celsius": "°C", "degree fahrenheit": "°F",
    "kilometers per hour": "km/h", "kilometres per hour": "km/h", "km per hour": "km/h",
    "kph": "km/h", "miles per hour": "mph", "mph": "mph", "kWh": "kWh", "kilowatt hours": "kWh",
    "kilowatt-hours": "kWh",
    "kW": "kW", "kilowatts": "kW", "MW": "MW", "megawatts": "MW", "km/h": "km/h",
    "liters": "l", "litres": "l", "ml": "ml", "milliliters": "ml", "hours": "h", "hour": "h",
    "minutes": "min", "minute": "min", "seconds": "s", "second": "s",
}  # fmt: skip
_QUALIFIERS = {
    "over": "gt", "more than": "gt", "above": "gt", "in excess of": "gt", "upwards of": "gt",
    "greater than": "gt", "exceeding": "gt", "north of": "gt",
    "at least": "ge", "no less than": "ge",
    "approximately": "approx", "about": "approx", "around": "approx", "roughly": "approx",
    "nearly": "approx", "almost": "approx", "close to": "approx", "approx.": "approx",
    "some": "approx", "circa": "approx",
    "up to": "lt", "less than": "lt", "under": "lt", "below": "lt", "fewer than": "lt",
    "at most": "lt", "no more than": "lt",
}  # fmt: skip
_DIRECTIONS = {
    "up": 1, "increased": 1, "increase": 1, "increase of": 1, "grew": 1, "growth of": 1,
    "rose": 1, "gained": 1, "improved": 1, "improvement of": 1,
    "down": -1, "decreased": -1, "decrease of": -1, "declined": -1, "decline of": -1,
    "fell": -1, "dropped": -1, "lower by": -1, "reduced": -1, "reduction of": -1,
}  # fmt: skip
_UNIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Thousands separated by commas, or by (thin, no-break) spaces as in SI style: 290 000.
_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u00a0]\d{3})+(?![\d.,])|\d+(?:\.\d+)?|\.\d+"
)
_BELOW_HUNDRED = (
    rf"(?:(?:{_alternation(_TENS_WORDS)})(?:[- ](?:{_alternation(_UNIT_WORDS)}))?"
    rf"|{_alternation(_UNIT_WORDS)})"
)
# "one hundred and thirty-one": a hundreds part, then optionally "and" and the rest.
_WORD_NUMBER = (
    rf"(?:{_BELOW_HUNDRED}\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED}\b)?|{_BELOW_HUNDRED})"
)
_MONTH = rf"(?:{_alternation(_MONTHS)})\.?"

_PATTERNS = [
    (
        "date",
        re.compile(
            rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>1\d\d\d|20\d\d)\b)?"
            rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})(?:,?\s+(?P<year2>1\d\d\d|20\d\d))?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "numeric-date",
        re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)\b"),
    ),
    (
        "fraction",
        re.compile(
            r"(?P<neg>(?<![\w)])[-−–]|\bminus |\bnegative )?"
            r"(?<![\w/.,])(?:(?P<whole>\d+)\s+)?(?P<n>\d{1,3})/(?P<d>\d{1,4})(?![\w/]|\.\d)"
            r"|\b(?P<n2>\d{1,3}) in (?P<d2>\d{1,3}(?:,\d{3})?)\b(?![.,]\d)"  # 1 in 20
        ),
    ),
    (
        "time",
        re.compile(
            r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s?(?P<ampm>[ap]\.m\.|[ap]m\b)"
            r"|\b(?P<hour2>\d{1,2}):(?P<minute2>\d{2})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "quarter",
        re.compile(
            r"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s?'?(?:FY)?(?P<qyear>\d{2}))?\b"
            rf"|\b(?P<qword>{_alternation(_ORDINALS)})(?:[\s-]+(?:fiscal|calendar))?[\s-]+quarter\b",
            re.IGNORECASE,
        ),
    ),
    (
        "half",
        re.compile(
            r"\b(?:H(?P<h>[12])|(?P<h2>[12])H)\b|\b(?P<hword>first|second)\s+half\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ordinal",
        re.compile(r"\b(?P<o>\d+)(?:st|nd|rd|th)\b", re.IGNORECASE),
    ),
    (
        "fiscal",
        re.compile(r"\b(?:fiscal(?:\s+year)?|FY)\s?'?(?P<fy>(?:19|20)\d\d|\d\d)\b", re.IGNORECASE),
    ),
    (
        "month",
        re.compile(
            r"(?P<prev>\b(?:in|of|since|until|by|early|late|mid|last|next|this)\s+)?"
            rf"\b(?P<mname>{'|'.join(name.capitalize() for name in _MONTH_NAMES)})\b"
            r"(?:\s+(?P<myear>1\d\d\d|20\d\d)\b)?"
        ),
    ),
    (
        "number",
        re.compile(
            rf"(?P<neg>\bnegative\s+|\bminus\s+|(?<![\w.,)/-])[-−–](?=[$€£¥\d])|\((?=[$€£¥]\d))?"
            rf"(?P<cur>{_alternation(k for k in _CURRENCY_PREFIX if not k.isalpha())}"
            rf"|\b(?:{_alternation(k for k in _CURRENCY_PREFIX if k.isalpha())})\s?)?"
            rf"(?:(?P<num>{_NUM})|(?P<word>\b{_WORD_NUMBER}\b))"
            # 5 millions euros: a plural scale word after digits is still their scale
            rf"(?:\s?(?P<scale>hundred|(?:thousand|million|billion|trillion)s?)\b"
            rf"|(?P<abbr>k|K|M|MM|mn|bn|B|tn)(?![A-Za-z]))?"
            rf"(?:\s?(?P<unit>%|percent\b|per cent\b|percentage points?\b|basis points?\b"
            rf"|bps\b|bp\b|pts\b|ppts\b|pp\b|points?\b|x\b|times\b|-?fold\b))?"
            rf"(?:\s(?P<curword>{_alternation(_CURRENCY_WORDS)})\b)?"
            rf"(?:\s?(?P<measure>{_alternation(MEASURES)})(?![A-Za-z]))?"
            rf"(?P<close>\))?(?P<plus>\+|-plus\b)?",
            re.IGNORECASE,
        ),
    ),
]

_QUALIFIER_BEFORE = re.compile(rf"\b(?P<q>{_alternation(_QUALIFIERS)})\s+$", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(
    rf"\b(?P<d>{_alternation(_DIRECTIONS)})(?:\s+by)?"
    r"(?:\s+(?:over|more than|about|nearly|approximately|roughly))?\s+$",
    re.IGNORECASE,
)
_VAGUE_AFTER = re.compile(r"^\s*(?:of\b|s\b)", re.IGNORECASE)  # "hundreds of", "thousands"
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# 10-Q, 17p13, 4A, 5G, 1.2.3, and ordinals (10th): identifiers, not quantities.
_IDENTIFIER_AFTER = re.compile(r"^(?:-[A-Z]|[A-Za-z]+\d|[A-Z](?![a-z])|\.\d)")
# "Number two, ...", "No. 3": list markers, not quantities.
_LIST_MARKER_BEFORE = re.compile(r"\b(?:number|no\.)\s+$", re.IGNORECASE)
# "talk about 100 new deals": here "about" is a preposition, not "approximately".
_ABOUT_AS_PREPOSITION = re.compile(
    r"\b(?:talk|talks|talked|talking|think|thinks|thinking|thought|speak|speaks|spoke|ask|asks|"
    r"asked|hear|heard|know|knew|care|cared|worry|worried|excited|learn|learned|read|say|says|"
    r"said|tell|told|question|questions|comment|comments|news|details|more|bring|brought|"
    r"how|what|that|this|it|is it|one)\s+about\s+$",
    re.IGNORECASE,
)


def _measure(written: str | None) -> str | None:
    if not written:
        return None
    return MEASURES.get(written) or MEASURES.get(written.lower())


_AFTER_SPOKEN = re.compile(
    rf"(?P<unit>\s?%|-?fold\b|\s(?:percent|per cent|percentage points?|basis points?|points?"
    rf"|times)\b)?"
    rf"(?:\s(?P<curword>{_alternation(_CURRENCY_WORDS)}|cents?|united states dollars?)\b)?"
    rf"(?:\s(?P<measure>{_alternation(MEASURES)})(?![A-Za-z]))?",
    re.IGNORECASE,
)
# "four dollars and sixty nine cents", "seventy five dollars sixty three"
_ZERO_BEFORE = re.compile(
    r"\b(?:is|was|were|be|been|to|at|of|reached|remained|equals?|by)\s+$", re.IGNORECASE
)
_CENTS_GAP = re.compile(r"\s+(?:and\s+)?")


def _spoken_number(
    spoken: SpokenNumber, following: SpokenNumber | None, text: str
) -> tuple[NumberFact, int] | None:
    """A cardinal in words with its unit, currency, sign and qualifier: ``(fact, end)``."""
    start, end = spoken.span.start, spoken.span.end
    before = text[max(0, start - 30) : start]
    after = _AFTER_SPOKEN.match(text, end)
    value, digits = spoken.value, spoken.digits
    unit_text = (after.group("unit") or "").strip().lower() if after else ""
    word = (after.group("curword") or "").lower() if after else ""
    measure = after.group("measure") if after else None
    if after and after.end() > end:
        end = after.end()
    if value == 1 and spoken.words == 1 and not (unit_text or word or measure):
        return None  # "one" is a determiner more often than a fact
    lone_zero = value == 0 and spoken.words == 1 and not (unit_text or word or measure)
    if lone_zero and not _ZERO_BEFORE.search(before):
        return None  # zero trust, zero-day: a value only as "to zero", "was zero" …
    if _DETERMINER_BEFORE.search(before) or _LIST_MARKER_BEFORE.search(before):
        return None
    if _VAGUE_AFTER.match(text[spoken.span.end : spoken.span.end + 10]):
        return None
    currency = None
    if word.startswith("cent"):
        value, currency = value / 100, "USD"
    elif word:
        currency = "USD" if word.startswith("united states") else _CURRENCY_WORDS[word]
        gap = _CENTS_GAP.fullmatch(text, end, following.span.start) if following else None
        if following and gap and following.value < 100:
            cents = _AFTER_SPOKEN.match(text, following.span.end)
            said = (cents.group("curword") or "").lower() if cents else ""
            if said.startswith("cent") or not said:  # "and sixty nine cents", "dollars sixty three"
                value += following.value / 100
                digits += 2
                end = cents.end() if cents else following.span.end
    kind = _UNITS.get(unit_text, "amount") if unit_text else "amount"
    if measure:
        currency = _measure(measure)
    if re.search(r"\b(?:negative|minus)\s+$", before, re.IGNORECASE):
        value = -value
        start = before.lower().rfind("negative" if "negative" in before.lower() else "minus")
        start += max(0, spoken.span.start - 30)
    qualifier = None
    found = _QUALIFIER_BEFORE.search(before)
    if found and not _ABOUT_AS_PREPOSITION.search(before):
        qualifier = _QUALIFIERS[found.group("q").lower()]
    moved = _DIRECTION_BEFORE.search(before)
    direction = _DIRECTIONS[moved.group("d").lower()] if moved else 0
    weak = abs(value) <= 10 and not (unit_text or currency) and spoken.words == 1
    fact = NumberFact(
        span=Span(start, end), text=text[start:end], value=value, kind=kind, currency=currency,
        qualifier=qualifier, direction=direction, digits=digits, weak=weak,
    )  # fmt: skip
    return fact, end


def _word_value(word: str) -> int:
    total = 0
    for part in re.split(r"[- ]+", word.lower()):
        if part == "hundred":
            total *= 100
        total += _TENS_WORDS.get(part, 0) + _UNIT_WORDS.get(part, 0)
    return total


def _number(match: re.Match[str], text: str) -> NumberFact | None:
    start, end = match.span()
    num, word = match.group("num"), match.group("word")
    before, after = text[max(0, start - 30) : start], text[end : end + 10]
    if num is not None:
        prev = text[start - 1] if start else " "
        before_prev = text[start - 2] if start > 1 else " "
        if (
            prev.isalpha()
            or (prev == "-" and before_prev.isalpha())
            or (prev == "/" and before_prev.isalnum())
        ):
            return None  # COVID-19, A320, 2019/20
        if not (match.group("unit") or match.group("abbr")) and _IDENTIFIER_AFTER.match(after):
            return None
        if after[:1] == "/" and after[1:2].isdigit():
            return None  # a part of 24/7 or of a fraction the fraction pattern refused
        value = parse_number(num)
        digits = significant_digits(num)
    else:
        value = _word_value(word)
        digits = len(str(int(value)).strip("0")) or 1
        if value == 1 and not match.group("scale"):
            return None  # "one" is a determiner more often than a fact
    scale_word = (match.group("scale") or match.group("abbr") or "").lower()
    if len(scale_word) > 3:
        scale_word = scale_word.removesuffix("s")  # millions: not "bns" or "ms"
    if scale_word == "hundred":
        value *= 100
    elif scale_word:
        value *= _SCALES[scale_word]
    if scale_word and _VAGUE_AFTER.match(after) and num is None:
        return None
    if (_DETERMINER_BEFORE.search(before) and num is None) or _LIST_MARKER_BEFORE.search(before):
        return None
    unit = (match.group("unit") or "").lower()
    kind = _UNITS.get(unit.lstrip("-"), "amount") if unit else "amount"
    if kind == "multiple" and unit == "x" and not num:
        kind = "amount"
    prefix = (match.group("cur") or "").strip().lower()
    currency = (
        _CURRENCY_PREFIX.get(prefix)
        or _CURRENCY_WORDS.get((match.group("curword") or "").lower())
        or _measure(match.group("measure"))
    )
    negative = bool(match.group("neg"))
    if match.group("neg") == "(" and not match.group("close"):
        negative = False
    if negative:
        value = -value
    qualifier = None
    found = _QUALIFIER_BEFORE.search(before)
    if found and not _ABOUT_AS_PREPOSITION.search(before):
        qualifier = _QUALIFIERS[found.group("q").lower()]
    if match.group("plus"):
        qualifier = "gt"
    direction = 0
    moved = _DIRECTION_BEFORE.search(before)
    if moved:
        direction = _DIRECTIONS[moved.group("d").lower()]
    if (
        kind == "amount"
        and not currency
        and not scale_word
        and num
        and re.fullmatch(r"(?:19|20)\d\d", num)
    ):
        kind = "year"
    weak = num is None and abs(value) <= 10 and not scale_word
    span_end = end
    text_span = text[start:span_end]
    if match.group("neg") == "(" and not match.group("close"):
        start += 1
        text_span = text[start:span_end]
    return NumberFact(
        span=Span(start, span_end),
        text=text_span,
        value=value,
        kind=kind,
        currency=currency,
        qualifier=qualifier,
        direction=direction,
        digits=digits,
        weak=weak,
        scale=(100.0 if scale_word == "hundred" else _SCALES.get(scale_word, 1.0)),
    )


def _special(name: str, match: re.Match[str]) -> NumberFact | None:
    span = Span(*match.span())
    text = match.group(0)
    g = match.groupdict()
    if name == "date":
        month = _MONTHS[(g["month"] or g["month2"]).lower().rstrip(".")]
        day = int(g["day"] or g["day2"])
        year = int(g["year"] or g["year2"] or 0)
        if not 1 <= day <= 31:
            return None
        return NumberFact(span, text, year * 10000 + month * 100 + day, kind="date")
    if name == "numeric-date":
        a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
        readings = [year * 10000 + m * 100 + d for m, d in ((a, b), (b, a)) if m <= 12 and d <= 31]
        if not readings:
            return None
        # 01/07/2019 is 1 July or January 7 depending on the writer: either reading matches.
        return NumberFact(span, text, readings[0], kind="date", alternatives=tuple(readings[1:]))
    if name == "fraction":
        numerator = int(g["n"] or g["n2"])
        denominator = int((g["d"] or g["d2"]).replace(",", ""))
        if g["n2"] and numerator >= denominator:
            return None  # "3 in 2" is not a ratio
        if denominator == 0 or (numerator, denominator) == (24, 7):
            return None  # 24/7 is "always"
        whole = int(g["whole"] or 0)
        value = whole + numerator / denominator
        return NumberFact(span, text, -value if g["neg"] else value, digits=2)
    if name == "time":
        hour = int(g["hour"] or g["hour2"])
        minute = int(g["minute"] or g["minute2"] or 0)
        ampm = (g["ampm"] or "").lower()
        if hour > 24 or minute > 59:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        return NumberFact(span, text, hour + minute / 60, kind="time")
    if name == "quarter":
        number = g["q"] or g["q2"]
        value = int(number) if number else _ORDINALS[g["qword"].lower()]
        return NumberFact(span, text, value, kind="quarter")
    if name == "half":
        number = g["h"] or g["h2"]
        value = int(number) if number else {"first": 1, "second": 2}[g["hword"].lower()]
        return NumberFact(span, text, value, kind="half")
    if name == "ordinal":
        return NumberFact(span, text, int(g["o"]), kind="ordinal")
    if name == "fiscal":
        year = int(g["fy"])
        return NumberFact(span, text, year + 2000 if year < 100 else year, kind="year")
    if name == "month":
        if g["mname"] == "May" and not g["prev"] and not g["myear"]:
            return None  # the modal verb
        month = _MONTHS[g["mname"].lower()]
        year = int(g["myear"] or 0)
        span = Span(match.start("mname"), match.end())
        text = match.string[span.start : span.end]
        return NumberFact(span, text, year * 10000 + month * 100, kind="month", weak=True)
    return None


# Where a match of each pattern can begin. Python's regex engine tries a pattern that opens
# with optional groups at every position of the text; trying it only where one of these
# finds a first token gives the same matches several times faster.
_STARTS = {
    # A sign, "(" or "." begins a number only before a digit or currency sign.
    "number": re.compile(
        rf"[-−–(.](?=[$€£¥\d])|\d|{_alternation(k for k in _CURRENCY_PREFIX if not k.isalpha())}"
        # Numbers in words are read by ``spoken`` first; here only after a sign or currency.
        rf"|\b(?:negative|minus|{_alternation(k for k in _CURRENCY_PREFIX if k.isalpha())})"
    ),
    "date": re.compile(rf"\b(?:{_MONTH}|\d)"),
    "numeric-date": re.compile(r"\b\d"),
    "fraction": re.compile(r"[-−–]\d|\b(?:minus|negative) \d|\b\d"),
    "time": re.compile(r"\b\d"),
    "quarter": re.compile(rf"\b(?:q[1-4]|[1-4]q|{_alternation(_ORDINALS)})"),
    "half": re.compile(r"\b(?:h[12]|[12]h|first|second)"),
    "ordinal": re.compile(r"\b\d"),
    "fiscal": re.compile(r"\b(?:fiscal|fy)"),
    "month": re.compile(
        r"\b(?:in|of|since|until|by|early|late|mid|last|next|this)\s"
        rf"|\b(?:{'|'.join(_MONTH_NAMES)})\b"
    ),
}


# What a text must contain for a pattern to match at all: most sentences have no digit, and
# the month pattern would otherwise be tried at every "in", "of" and "this".
_DIGIT = re.compile(r"\d")
_DIGIT_IN_DIGIT = re.compile(r"\d in \d")
# What a text must contain for each pattern to match at all, tested once per text by
# ``_openable``: most sentences have no digit, and each pattern would otherwise be tried at
# every digit (date, time, ordinal) or every "in", "of" and "this" (month) by _matches. The
# tests are literal searches where they can be (a leading \b would make Python's regex engine
# try every position): a test may let a text through that the pattern then refuses, never
# the reverse.
# A month name ending a word (the date pattern reads no other): "market", "decline" and
# "approximately" do not make a sentence worth trying at every digit.
_MONTH_WORD = re.compile(rf"(?:{_alternation(_MONTHS)})\b")
# The month pattern reads capitalised names only (May, March).
_CAPITAL_MONTH = re.compile(rf"(?:{'|'.join(name.capitalize() for name in _MONTH_NAMES)})\b")
_NUMERIC_DATE = re.compile(r"\d[/.-]\d{1,2}[/.-](?:19|20)\d\d")
_CLOCK = re.compile(r"\d:\d\d|\d ?[ap]\.?m")
_ORDINAL_SUFFIX = re.compile(r"\d(?:st|nd|rd|th)\b")
# "quarter" and "first" are in every other sentence of an earnings call: only a quarter or a
# half as the patterns write them (Q3, 3Q, third quarter, H1, first half) opens them.
_QUARTER_WORDS = re.compile(
    rf"(?:{_alternation(_ORDINALS)})[\s-]+(?:(?:fiscal|calendar)[\s-]+)?quarter"
)
_HALF_WORDS = re.compile(r"(?:first|second)\s+half")
_QUARTER_CODE, _QUARTER_CODE_AFTER = re.compile(r"q[1-4]"), re.compile(r"[1-4]q")
_HALF_CODE, _HALF_CODE_AFTER = re.compile(r"h[12]"), re.compile(r"[12]h")


def _openable(text: str, lower: str) -> set[str]:
    """The patterns that can match somewhere in ``text`` (``lower`` is its lower case)."""
    names = {"number"}
    if _CAPITAL_MONTH.search(text):
        names.add("month")
    if "quarter" in lower and _QUARTER_WORDS.search(lower):
        names.add("quarter")
    if "half" in lower and _HALF_WORDS.search(lower):
        names.add("half")
    if _DIGIT.search(lower) is None:
        return names
    if "/" in lower or (" in " in lower and _DIGIT_IN_DIGIT.search(lower)):
        names.add("fraction")
    if _MONTH_WORD.search(lower):
        names.add("date")
    if _NUMERIC_DATE.search(lower):
        names.add("numeric-date")
    if _CLOCK.search(lower):
        names.add("time")
    if _ORDINAL_SUFFIX.search(lower):
        names.add("ordinal")
    if "fiscal" in lower or "fy" in lower:
        names.add("fiscal")
    if "q" in lower and (_QUARTER_CODE.search(lower) or _QUARTER_CODE_AFTER.search(lower)):
        names.add("quarter")
    if _HALF_CODE.search(lower) or _HALF_CODE_AFTER.search(lower):
        names.add("half")
    return names


def _matches(name: str, pattern: re.Pattern[str], text: str, lower: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only where a match can begin.

    ``lower`` is ``text`` lower-cased with the same length: the lower-case ``_STARTS`` patterns
    run on it several times faster than with IGNORECASE."""
    find, match_at = _STARTS[name].search, pattern.match
    start = find(lower)
    while start is not None:
        position = start.start()
        match = match_at(text, position)
        if match is not None and match.end() > position:
            yield match
            start = find(lower, match.end())  # the next start after the match, found in C
        else:
            start = find(lower, position + 1)


def extract_english(text: str) -> list[NumberFact]:
    """Every numeric fact in ``text``, in order, without overlaps (earlier patterns win)."""
    taken = Claimed()
    facts: list[NumberFact] = []
    lower = text.lower()
    if len(lower) != len(text):  # "İ" lowers to two characters: keep such characters as they are
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    openable = _openable(text, lower)
    _read_spoken(text, lower, taken, facts)
    for name, pattern in _PATTERNS:
        if name not in openable:
            continue
        for match in _matches(name, pattern, text, lower):
            if not match.group(0).strip():
                continue
            if not taken.free(*match.span()):
                continue
            fact = _number(match, text) if name == "number" else _special(name, match)
            if fact is None:
                continue
            taken.claim(*match.span())
            facts.append(fact)
    facts.sort(key=lambda f: f.span.start)
    facts = within_range(facts)  # 309 nines: exact, beyond float
    return link_ranges(text, facts, _RANGE_JOINER, _RANGE_OPENER)


def _read_spoken(text: str, lower: str, taken: Claimed, facts: list[NumberFact]) -> None:
    """Numbers in words, claimed before the digit patterns run."""
    complete, cardinals = spoken_facts(text, lower)
    for fact in complete:
        if taken.free(fact.span.start, fact.span.end):
            taken.claim(fact.span.start, fact.span.end)
            facts.append(fact)
    consumed_until = -1
    for i, spoken in enumerate(cardinals):
        if spoken.span.start < consumed_until or not taken.free(spoken.span.start, spoken.span.end):
            continue
        following = cardinals[i + 1] if i + 1 < len(cardinals) else None
        made = _spoken_number(spoken, following, text)
        if made is None:
            continue
        fact, end = made
        if not taken.free(fact.span.start, fact.span.end):
            continue
        consumed_until = end
        taken.claim(fact.span.start, fact.span.end)
        facts.append(fact)


_RANGE_JOINER = re.compile(r"^\s*(?:to|-|–|—|through)\s*$|^\s*and\s*$", re.IGNORECASE)
# "and" joins a range only after "between": "between $510 million and $520 million".
_RANGE_OPENER = re.compile(r"\bbetween\s+$", re.IGNORECASE)
