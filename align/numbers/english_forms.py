"""English numbers in fixed forms: dates, clock times, quarters, halves, ordinals, fiscal
years, month names and fractions.

Each form has a pattern (``FORMS``, tried in order), a cheap test of whether a text can hold
it at all (``openable``), where a match can begin (``FORM_STARTS``) and a reader
(``read_form``) that turns a match into a fact.
"""

from __future__ import annotations

import re

from align.models import Span
from align.numbers.facts import Kind, NumberFact
from align.numbers.scanning import alternation
from align.numbers.spoken_words import CARDINAL, MONTHS

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

_MONTH = rf"(?:{alternation(MONTHS)})\.?"
# threefold, tenfold: a multiple in one word ("3-fold" is digits and a unit).
_FOLDS = {**{word: value for word, value in CARDINAL.items() if value >= 2}, "hundred": 100,
          "thousand": 1000}  # fmt: skip
# ... read only beside a change (grew threefold, a tenfold increase): "the answer is twofold"
# means two parts.
_CHANGE = (
    r"(?:grow|grows|grew|grown|rise|rises|rose|risen|increase[sd]?|jump(?:s|ed)?"
    r"|expand(?:s|ed)?|surge[sd]?|climb(?:s|ed)?|soar(?:s|ed)?|multipl(?:y|ies|ied)"
    r"|fall|falls|fell|fallen|drop(?:s|ped)?|decline[sd]?|shrank|shrunk|shrinks?)"
)
_CHANGE_NOUN = (
    r"increase|rise|growth|jump|gain|decrease|decline|drop|reduction|higher|more|larger"
    r"|greater|lower|fewer|less|improvement|expansion"
)

FORMS = [
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
            rf"|\b(?P<qword>{alternation(_ORDINALS)})(?:[\s-]+(?:fiscal|calendar))?[\s-]+quarter\b",
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
        "fold",
        re.compile(
            rf"(?P<verb>\b{_CHANGE}\s+(?:(?:by|about|nearly|almost|roughly|over)\s+)?)?"
            rf"\b(?P<fold>{alternation(_FOLDS)})fold\b"
            rf"(?P<noun>\s+(?:{_CHANGE_NOUN})\b)?",
            re.IGNORECASE,
        ),
    ),
    (
        "month",
        re.compile(
            r"(?P<prev>\b(?:in|of|since|until|by|early|late|mid|last|next|this)\s+)?"
            rf"\b(?P<mname>{'|'.join(name.capitalize() for name in _MONTH_NAMES)})\b"
            r"(?:\s+(?P<myear>1\d\d\d|20\d\d)\b)?"
        ),
    ),
]


def read_form(name: str, match: re.Match[str]) -> NumberFact | None:
    span = Span(*match.span())
    text = match.group(0)
    g = match.groupdict()
    if name == "date":
        month = MONTHS[(g["month"] or g["month2"]).lower().rstrip(".")]
        day = int(g["day"] or g["day2"])
        year = int(g["year"] or g["year2"] or 0)
        if not 1 <= day <= 31:
            return None
        return NumberFact(span, text, year * 10000 + month * 100 + day, kind=Kind.DATE)
    if name == "numeric-date":
        a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
        readings = [year * 10000 + m * 100 + d for m, d in ((a, b), (b, a)) if m <= 12 and d <= 31]
        if not readings:
            return None
        # 01/07/2019 is 1 July or January 7 depending on the writer: either reading matches.
        return NumberFact(span, text, readings[0], kind=Kind.DATE, alternatives=tuple(readings[1:]))
    if name == "fraction":
        return _fraction(span, text, g)
    if name == "time":
        hour = int(g["hour"] or g["hour2"])
        minute = int(g["minute"] or g["minute2"] or 0)
        ampm = (g["ampm"] or "").lower()
        if hour > 24 or minute > 59:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        return NumberFact(span, text, hour + minute / 60, kind=Kind.TIME)
    if name == "quarter":
        number = g["q"] or g["q2"]
        value = int(number) if number else _ORDINALS[g["qword"].lower()]
        return NumberFact(span, text, value, kind=Kind.QUARTER)
    if name == "half":
        number = g["h"] or g["h2"]
        value = int(number) if number else {"first": 1, "second": 2}[g["hword"].lower()]
        return NumberFact(span, text, value, kind=Kind.HALF)
    if name == "ordinal":
        return NumberFact(span, text, int(g["o"]), kind=Kind.ORDINAL)
    if name == "fold":
        return _fold(match) if g["verb"] or g["noun"] else None
    if name == "fiscal":
        year = int(g["fy"])
        return NumberFact(span, text, year + 2000 if year < 100 else year, kind=Kind.YEAR)
    if name == "month":
        if g["mname"] == "May" and not g["prev"] and not g["myear"]:
            return None  # the modal verb
        month = MONTHS[g["mname"].lower()]
        year = int(g["myear"] or 0)
        span = Span(match.start("mname"), match.end())
        text = match.string[span.start : span.end]
        return NumberFact(span, text, year * 10000 + month * 100, kind=Kind.MONTH, weak=True)
    return None


def _fraction(span: Span, text: str, g: dict[str, str | None]) -> NumberFact | None:
    """2/5, 1 1/2, -3/4, 1 in 20."""
    numerator = int(g["n"] or g["n2"] or 0)
    denominator = int((g["d"] or g["d2"] or "0").replace(",", ""))
    if g["n2"] and numerator >= denominator:
        return None  # "3 in 2" is not a ratio
    if denominator == 0 or (numerator, denominator) == (24, 7):
        return None  # 24/7 is "always"
    value = int(g["whole"] or 0) + numerator / denominator
    return NumberFact(span, text, -value if g["neg"] else value, digits=2)


def _fold(match: re.Match[str]) -> NumberFact:
    """Weak: "grew threefold" is 增长了三倍 or 增长了两倍 (by two more) as the translator
    counts; a match counts, a difference is no error."""
    span = Span(match.start("fold"), match.end("fold") + len("fold"))
    value = _FOLDS[match["fold"].lower()]
    return NumberFact(
        span, match.string[span.start : span.end], value, kind=Kind.MULTIPLE, weak=True
    )


# Where a match of each pattern can begin. Python's regex engine tries a pattern that opens
# with optional groups at every position of the text; trying it only where one of these
# finds a first token gives the same matches several times faster.
FORM_STARTS = {
    "date": re.compile(rf"\b(?:{_MONTH}|\d)"),
    "numeric-date": re.compile(r"\b\d"),
    "fraction": re.compile(r"[-−–]\d|\b(?:minus|negative) \d|\b\d"),
    "time": re.compile(r"\b\d"),
    "quarter": re.compile(rf"\b(?:q[1-4]|[1-4]q|{alternation(_ORDINALS)})"),
    "half": re.compile(r"\b(?:h[12]|[12]h|first|second)"),
    "ordinal": re.compile(r"\b\d"),
    "fiscal": re.compile(r"\b(?:fiscal|fy)"),
    "fold": re.compile(rf"\b(?:{_CHANGE}\s|(?:{alternation(_FOLDS)})fold)", re.IGNORECASE),
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
# ``openable``: most sentences have no digit, and each pattern would otherwise be tried at
# every digit (date, time, ordinal) or every "in", "of" and "this" (month) by matches_from. The
# tests are literal searches where they can be (a leading \b would make Python's regex engine
# try every position): a test may let a text through that the pattern then refuses, never
# the reverse.
# A month name ending a word (the date pattern reads no other): "market", "decline" and
# "approximately" do not make a sentence worth trying at every digit.
_MONTH_WORD = re.compile(rf"(?:{alternation(MONTHS)})\b")
# The month pattern reads capitalised names only (May, March).
_CAPITAL_MONTH = re.compile(rf"(?:{'|'.join(name.capitalize() for name in _MONTH_NAMES)})\b")
_NUMERIC_DATE = re.compile(r"\d[/.-]\d{1,2}[/.-](?:19|20)\d\d")
_CLOCK = re.compile(r"\d:\d\d|\d ?[ap]\.?m")
_ORDINAL_SUFFIX = re.compile(r"\d(?:st|nd|rd|th)\b")
# "quarter" and "first" are in every other sentence of an earnings call: only a quarter or a
# half as the patterns write them (Q3, 3Q, third quarter, H1, first half) opens them.
_QUARTER_WORDS = re.compile(
    rf"(?:{alternation(_ORDINALS)})[\s-]+(?:(?:fiscal|calendar)[\s-]+)?quarter"
)
_HALF_WORDS = re.compile(r"(?:first|second)\s+half")
_QUARTER_CODE, _QUARTER_CODE_AFTER = re.compile(r"q[1-4]"), re.compile(r"[1-4]q")
_HALF_CODE, _HALF_CODE_AFTER = re.compile(r"h[12]"), re.compile(r"[12]h")


def openable(text: str, lower: str) -> set[str]:
    """The patterns that can match somewhere in ``text`` (``lower`` is its lower case)."""
    names: set[str] = set()
    if _CAPITAL_MONTH.search(text):
        names.add("month")
    if "quarter" in lower and _QUARTER_WORDS.search(lower):
        names.add("quarter")
    if "half" in lower and _HALF_WORDS.search(lower):
        names.add("half")
    if "fold" in lower:
        names.add("fold")
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
