"""Numeric facts: what a number in a text means, normalised so English and Chinese compare.

``$105.6 million`` and ``1.056 億美元`` are both ``NumberFact(value=105_600_000, kind=Kind.AMOUNT,
currency="USD")``. The extractors live in ``english`` (with ``spoken``) and ``chinese``; this
module holds the record, the kinds and how two facts relate.
"""

from __future__ import annotations

import enum
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext

from align.models import Span

# What a number measures. "amount" covers counts and money (money has a currency).
KINDS = (
    "amount", "percent", "points", "bp", "multiple",
    "year", "quarter", "half", "date", "month", "time", "ordinal",
)  # fmt: skip
QUALIFIERS = ("gt", "ge", "lt", "approx")
QUALIFIER_WORDS = {"gt": "more than", "ge": "at least", "lt": "less than", "approx": "about"}


class Kind(enum.StrEnum):
    """What a number is: the comparison only matches facts of compatible kinds."""

    AMOUNT = "amount"
    PERCENT = "percent"
    POINTS = "points"  # percentage points
    BP = "bp"  # basis points
    MULTIPLE = "multiple"  # 3x, 三倍
    ORDINAL = "ordinal"
    DATE = "date"
    MONTH = "month"
    YEAR = "year"
    QUARTER = "quarter"
    HALF = "half"
    TIME = "time"


@dataclass(frozen=True, slots=True)
class NumberFact:
    span: Span
    text: str
    value: float
    kind: Kind = Kind.AMOUNT
    currency: str | None = None
    qualifier: str | None = None
    # -1 / +1 when a word right before the number says the direction (down 5%, 下降 5%).
    direction: int = 0
    # Significant digits as written (1.06 億 → 3), to tell rounding from a wrong digit.
    digits: int = 0
    # Weak facts are often rendered without a number (two → 兩者, both); never errors alone.
    weak: bool = False
    # "low"/"high" for the two ends of a range (X to Y, X 至 Y).
    range_role: str | None = None
    # Other readings of an ambiguous fact (01/07/2019: 1 July or 7 January).
    alternatives: tuple[float, ...] = ()
    # The scale word's multiplier (million → 1e6, 億 → 1e8), 1 when none was written.
    scale: float = 1.0
    # A word that implies a number without being one (both = 2): it can match a number of the
    # other side, and its absence there is never reported.
    implied: bool = False
    # The exact decimal of a value beyond float range (309 nines), compared instead of value.
    exact: str | None = None

    def with_(self, **changes: object) -> NumberFact:
        return replace(self, **changes)  # type: ignore[arg-type]


class Claimed:
    """Spans of the text that a fact already owns, for "does this match overlap one?": a
    text of thousands of numbers must not cost a scan of every earlier fact per match, so
    past a handful of spans the test bisects. Spans that overlap are merged, which keeps
    every answer the same."""

    __slots__ = ("_spans",)

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []  # sorted, disjoint

    def free(self, start: int, end: int) -> bool:
        """No claimed span overlaps ``[start, end)``."""
        spans = self._spans
        if len(spans) < 16:  # the usual sentence: a plain scan is cheaper than bisecting
            for s, e in spans:  # noqa: SIM110  (a loop: all() over a generator is slower)
                if s < end and start < e:
                    return False
            return True
        i = bisect_right(spans, (start, _AFTER_ALL))
        if i and spans[i - 1][1] > start:
            return False
        return not (i < len(spans) and spans[i][0] < end)

    def claim(self, start: int, end: int) -> None:
        spans = self._spans
        i = bisect_right(spans, (start, _AFTER_ALL))
        if i and spans[i - 1][1] > start:  # merge with the span before
            i -= 1
            start, end = spans[i][0], max(end, spans[i][1])
            del spans[i]
        while i < len(spans) and spans[i][0] < end:  # and those it reaches
            end = max(end, spans[i][1])
            del spans[i]
        spans.insert(i, (start, end))


_AFTER_ALL = 1 << 62


_WRITTEN_DIGITS = re.compile(r"\d[\d,，\s\u2009\u00a0]*(?:\.\d+)?")


def beyond_float(fact: NumberFact) -> NumberFact | None:
    """A fact whose value overflowed a float, with its exact value from its written digits
    (scale and sign applied); None when it has no digits to be exact from (九 and 40 億)."""
    found = _WRITTEN_DIGITS.search(fact.text)
    if found is None:
        return None
    digits = re.sub(r"[,，\s\u2009\u00a0]", "", found.group())
    with localcontext() as context:
        context.prec = len(digits) + 40  # exact: a scale adds at most a few dozen digits
        exact = Decimal(digits) * Decimal(fact.scale if math.isfinite(fact.scale) else 1)
        if fact.value < 0:
            exact = -exact
        return fact.with_(exact=format(exact.normalize(), "f"))


def within_range(facts: list[NumberFact]) -> list[NumberFact]:
    """Facts as read, except that a value beyond float range carries its exact decimal, and
    one with no written digits to be exact from is left out."""
    kept = []
    for fact in facts:
        if not math.isfinite(fact.value):
            exact = beyond_float(fact)
            if exact is None:
                continue
            fact = exact
        kept.append(fact)
    return kept


def parse_number(written: str) -> float:
    """``9,770`` / ``290 000`` / ``1，000`` → float: separators dropped."""
    return float(re.sub(r"[,，\s\u2009\u00a0]", "", written))


def significant_digits(number: str) -> int:
    """Significant digits of a written number: ``1.056`` → 4, ``9,770`` → 3, ``100`` → 1."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if "." in number:
        return len(digits.lstrip("0")) or 1
    return len(digits.strip("0")) or 1


def same_value(a: float, b: float) -> bool:
    # Tight enough that 1,000,000,000,001 differs from a trillion, loose enough for float
    # products like 1.056 × 10^8.
    return math.isclose(a, b, rel_tol=1e-14, abs_tol=1e-12)


def power_of_ten_apart(a: float, b: float) -> int:
    """``k`` when ``a`` and ``b`` differ by exactly 10^k (k ≠ 0), else 0: the 萬/億 slip."""
    if a == 0 or b == 0 or (a < 0) != (b < 0):
        return 0
    exponent = math.log10(abs(a) / abs(b))
    rounded = round(exponent)
    return rounded if rounded and abs(exponent - rounded) < 1e-9 else 0


def is_rounding(source: NumberFact, target: NumberFact) -> bool:
    """The target writes the source with fewer significant digits, correctly rounded.

    Only a target written with a decimal point or a scale word (1.06 億, 9.8 萬) counts: a
    plain integer such as 100 for 101 is a wrong figure, not a rounding.
    """
    if target.digits == 0 or source.value == 0 or target.digits >= source.digits:
        return False
    if "." not in target.text and target.scale == 1.0:
        return False
    magnitude = math.floor(math.log10(abs(source.value)))
    step = 10 ** (magnitude - target.digits + 1)
    return same_value(round(source.value / step) * step, target.value)


def _date_parts(value: float) -> tuple[int, int, int]:
    whole = round(value)
    return whole // 10000, whole // 100 % 100, whole % 100


# A bare 2019 matches 2019 年; a month alone matches a date in that month; a label's number
# matches an ordinal (Region 5 = 第5區, Phase 2 = 第二階段).
_COMPATIBLE_KINDS = frozenset(
    frozenset(kinds) for kinds in (("amount", "year"), ("month", "date"), ("amount", "ordinal"))
)


def compatible(a: NumberFact, b: NumberFact) -> bool:
    """Facts that can be the same fact in two languages (the values are compared separately)."""
    return (
        a.kind == b.kind
        or frozenset((a.kind, b.kind)) in _COMPATIBLE_KINDS
        or _times_or_count(a, b)
    )


def _times_or_count(a: NumberFact, b: NumberFact) -> bool:
    """ "three times" is a multiple (三倍) or a count of occasions (开了三次会): Chinese says
    which, English does not, so it is compatible with a plain number too."""
    multiple, other = (a, b) if a.kind == Kind.MULTIPLE else (b, a)
    return (
        multiple.kind == Kind.MULTIPLE
        and other.kind == Kind.AMOUNT
        and multiple.text.lower().endswith("times")
    )


def equal(a: NumberFact, b: NumberFact) -> bool:
    """Same fact: compatible kinds and the same value (dates compare the parts both have)."""
    if not compatible(a, b):
        return False
    if a.exact or b.exact:  # beyond float range: the written digits decide
        return a.exact == b.exact
    if a.alternatives or b.alternatives:
        return any(
            equal(a.with_(value=x, alternatives=()), b.with_(value=y, alternatives=()))
            for x in (a.value, *a.alternatives)
            for y in (b.value, *b.alternatives)
        )
    if a.kind in {Kind.DATE, Kind.MONTH} or b.kind in {Kind.DATE, Kind.MONTH}:
        ya, ma, da = _date_parts(a.value)
        yb, mb, db = _date_parts(b.value)
        return ma == mb and (not ya or not yb or ya == yb) and (not da or not db or da == db)
    return same_value(a.value, b.value)


def describe(fact: NumberFact) -> str:
    """The normalised reading shown in messages: ``97,700,000 USD``, ``58%``, ``Q3``."""
    if fact.exact:
        exact = fact.exact
        short = exact if len(exact) <= 24 else f"{exact[:12]}…({len(exact)} digits)"
        unit = "%" if fact.kind == Kind.PERCENT else ""
        return f"{short}{unit}{f' {fact.currency}' if fact.currency else ''}"
    if fact.kind == Kind.QUARTER:
        return f"Q{fact.value:g}"
    if fact.kind == Kind.ORDINAL:
        return f"#{_format_number(fact.value)}"  # #12, #1,121, #9,000,000
    if fact.kind == Kind.HALF:
        return f"H{fact.value:g}"
    if fact.kind in {Kind.DATE, Kind.MONTH}:
        year, month, day = _date_parts(fact.value)
        parts = [f"{year:04d}"] if year else []
        parts.append(f"{month:02d}")
        if day:
            parts.append(f"{day:02d}")
        return "-".join(parts)
    if fact.kind == Kind.TIME:
        hours = int(fact.value)
        return f"{hours:02d}:{round((fact.value - hours) * 60):02d}"
    if fact.kind == Kind.YEAR:
        return f"{fact.value:.0f}"
    number = _format_number(fact.value)
    suffix = {
        "percent": "%",
        "points": " percentage points",
        "bp": " basis points",
        "multiple": "×",
    }.get(fact.kind, "")
    currency = f" {fact.currency}" if fact.currency else ""
    return f"{number}{suffix}{currency}"


def _format_number(value: float) -> str:
    if same_value(value, round(value)):
        return f"{round(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
