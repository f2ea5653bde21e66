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

from align.models import Span
from align.numbers.english_forms import FORM_STARTS, FORMS, openable, read_form
from align.numbers.english_units import (
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    DETERMINER_BEFORE,
    LIST_MARKER_BEFORE,
    MEASURES,
    SCALE_WORDS,
    UNIT_KINDS,
    VAGUE_AFTER,
    direction_before,
    measure_of,
    qualifier_before,
)
from align.numbers.facts import (
    Claimed,
    Kind,
    NumberFact,
    parse_number,
    significant_digits,
    within_range,
)
from align.numbers.ranges import link_ranges
from align.numbers.scanning import alternation, matches_from
from align.numbers.spoken import SpokenNumber, spoken_facts

_UNIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

# Thousands separated by commas, or by (thin, no-break) spaces as in SI style: 290 000.
_NUM = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u00a0]\d{3})+(?![\d.,])|\d+(?:\.\d+)?|\.\d+"
)
_BELOW_HUNDRED = (
    rf"(?:(?:{alternation(_TENS_WORDS)})(?:[- ](?:{alternation(_UNIT_WORDS)}))?"
    rf"|{alternation(_UNIT_WORDS)})"
)
# "one hundred and thirty-one": a hundreds part, then optionally "and" and the rest.
_WORD_NUMBER = (
    rf"(?:{_BELOW_HUNDRED}\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED}\b)?|{_BELOW_HUNDRED})"
)
_NUMBER = re.compile(
    rf"(?P<neg>\bnegative\s+|\bminus\s+|(?<![\w.,)/-])[-−–](?=[$€£¥\d])|\((?=[$€£¥]\d))?"
    rf"(?P<cur>{alternation(k for k in CURRENCY_PREFIX if not k.isalpha())}"
    rf"|\b(?:{alternation(k for k in CURRENCY_PREFIX if k.isalpha())})\s?)?"
    rf"(?:(?P<num>{_NUM})|(?P<word>\b{_WORD_NUMBER}\b))"
    # 5 millions euros: a plural scale word after digits is still their scale
    rf"(?:\s?(?P<scale>hundred|(?:thousand|million|billion|trillion)s?)\b"
    rf"|(?P<abbr>k|K|M|MM|mn|bn|B|tn)(?![A-Za-z]))?"
    rf"(?:\s?(?P<unit>%|percent\b|per cent\b|percentage points?\b|basis points?\b"
    rf"|bps\b|bp\b|pts\b|ppts\b|pp\b|points?\b|x\b|times\b|-?fold\b))?"
    rf"(?:\s(?P<curword>{alternation(CURRENCY_WORDS)})\b)?"
    rf"(?:\s?(?P<measure>{alternation(MEASURES)})(?![A-Za-z]))?"
    rf"(?P<close>\))?(?P<plus>\+|-plus\b)?",
    re.IGNORECASE,
)
# 10-Q, 17p13, 4A, 5G, 1.2.3, and ordinals (10th): identifiers, not quantities.
_IDENTIFIER_AFTER = re.compile(r"^(?:-[A-Z]|[A-Za-z]+\d|[A-Z](?![a-z])|\.\d)")
# Where a number can begin (see ``scanning``).
_NUMBER_START = re.compile(
    rf"[-−–(.](?=[$€£¥\d])|\d|{alternation(k for k in CURRENCY_PREFIX if not k.isalpha())}"
    # Numbers in words are read by ``spoken`` first; here only after a sign or currency.
    rf"|\b(?:negative|minus|{alternation(k for k in CURRENCY_PREFIX if k.isalpha())})"
)

_AFTER_SPOKEN = re.compile(
    rf"(?P<unit>\s?%|-?fold\b|\s(?:percent|per cent|percentage points?|basis points?|points?"
    rf"|times)\b)?"
    rf"(?:\s(?P<curword>{alternation(CURRENCY_WORDS)}|cents?|united states dollars?)\b)?"
    rf"(?:\s(?P<measure>{alternation(MEASURES)})(?![A-Za-z]))?",
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
    if DETERMINER_BEFORE.search(before) or LIST_MARKER_BEFORE.search(before):
        return None
    if VAGUE_AFTER.match(text[spoken.span.end : spoken.span.end + 10]):
        return None
    currency = None
    if word.startswith("cent"):
        value, currency = value / 100, "USD"
    elif word:
        currency = "USD" if word.startswith("united states") else CURRENCY_WORDS[word]
        gap = _CENTS_GAP.fullmatch(text, end, following.span.start) if following else None
        if following and gap and following.value < 100:
            cents = _AFTER_SPOKEN.match(text, following.span.end)
            said = (cents.group("curword") or "").lower() if cents else ""
            if said.startswith("cent") or not said:  # "and sixty nine cents", "dollars sixty three"
                value += following.value / 100
                digits += 2
                end = cents.end() if cents else following.span.end
    kind = UNIT_KINDS.get(unit_text, Kind.AMOUNT) if unit_text else Kind.AMOUNT
    if measure:
        currency = measure_of(measure)
    if re.search(r"\b(?:negative|minus)\s+$", before, re.IGNORECASE):
        value = -value
        start = before.lower().rfind("negative" if "negative" in before.lower() else "minus")
        start += max(0, spoken.span.start - 30)
    qualifier, direction = qualifier_before(before), direction_before(before)
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
    """The fact of one ``_NUMBER`` match: digits or words, then scale, unit, currency, sign."""
    start, end = match.span()
    num = match.group("num")
    before, after = text[max(0, start - 30) : start], text[end : end + 10]
    written = _written_value(match, text, after)
    if written is None:
        return None
    value, digits = written
    scale_word = (match.group("scale") or match.group("abbr") or "").lower()
    if len(scale_word) > 3:
        scale_word = scale_word.removesuffix("s")  # millions: not "bns" or "ms"
    if scale_word == "hundred":
        value *= 100
    elif scale_word:
        value *= SCALE_WORDS[scale_word]
    if scale_word and VAGUE_AFTER.match(after) and num is None:
        return None
    if (DETERMINER_BEFORE.search(before) and num is None) or LIST_MARKER_BEFORE.search(before):
        return None
    unit = (match.group("unit") or "").lower()
    kind = UNIT_KINDS.get(unit.lstrip("-"), Kind.AMOUNT) if unit else Kind.AMOUNT
    if kind == Kind.MULTIPLE and unit == "x" and not num:
        kind = Kind.AMOUNT
    prefix = (match.group("cur") or "").strip().lower()
    currency = (
        CURRENCY_PREFIX.get(prefix)
        or CURRENCY_WORDS.get((match.group("curword") or "").lower())
        or measure_of(match.group("measure"))
    )
    unclosed = match.group("neg") == "(" and not match.group("close")
    if match.group("neg") and not unclosed:
        value = -value
    if (
        kind == Kind.AMOUNT
        and not (currency or scale_word)
        and re.fullmatch(r"(?:19|20)\d\d", num or "")
    ):
        kind = Kind.YEAR
    if unclosed:
        start += 1  # "(5" with no ")" is not an accounting negative: the number is "5"
    return NumberFact(
        span=Span(start, end),
        text=text[start:end],
        value=value,
        kind=kind,
        currency=currency,
        qualifier="gt" if match.group("plus") else qualifier_before(before),
        direction=direction_before(before),
        digits=digits,
        weak=num is None and abs(value) <= 10 and not scale_word,
        scale=(100.0 if scale_word == "hundred" else SCALE_WORDS.get(scale_word, 1.0)),
    )


def _written_value(match: re.Match[str], text: str, after: str) -> tuple[float, int] | None:
    """``(value, significant digits)`` of the digits or words before any scale; None for an
    identifier (COVID-19, 10-Q) or for "one", a determiner more often than a fact."""
    num, start = match.group("num"), match.start()
    if num is None:
        value = _word_value(match.group("word"))
        if value == 1 and not match.group("scale"):
            return None
        return value, len(str(int(value)).strip("0")) or 1
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
    return parse_number(num), significant_digits(num)


def extract_english(text: str) -> list[NumberFact]:
    """Every numeric fact in ``text``, in order, without overlaps (earlier readers win):
    numbers in words, then the fixed forms in ``FORMS`` order, then plain numbers."""
    taken = Claimed()
    facts: list[NumberFact] = []
    lower = text.lower()
    if len(lower) != len(text):  # "İ" lowers to two characters: keep such characters as they are
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    names = openable(text, lower)
    _read_spoken(text, lower, taken, facts)
    for name, pattern in FORMS:
        if name in names:
            for match in matches_from(FORM_STARTS[name], pattern, text, lower):
                if match.group(0).strip() and taken.free(*match.span()):
                    _keep(match, read_form(name, match), taken, facts)
    for match in matches_from(_NUMBER_START, _NUMBER, text, lower):
        if match.group(0).strip() and taken.free(*match.span()):
            _keep(match, _number(match, text), taken, facts)
    facts.sort(key=lambda f: f.span.start)
    facts = within_range(facts)  # 309 nines: exact, beyond float
    return link_ranges(text, facts, _RANGE_JOINER, _RANGE_OPENER)


def _keep(
    match: re.Match[str], fact: NumberFact | None, taken: Claimed, facts: list[NumberFact]
) -> None:
    """Keep ``fact`` read from ``match``; the whole match is claimed, not only the fact."""
    if fact is not None:
        taken.claim(*match.span())
        facts.append(fact)


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
