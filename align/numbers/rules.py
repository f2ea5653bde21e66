"""N rules: numbers survive translation by value (``$97.7 million`` = ``9,770 萬美元``).

All N rules read one shared comparison (``align.numbers.compare``); each reports its own
``IssueKind``, whose value is the rule's code. Facts that are often rendered without a number
(``two`` → ``兩者``) are "weak": their issues are downgraded so they never fail a build alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from align.context import PairContext
from align.models import Severity
from align.numbers.compare import IssueKind, compare_numbers
from align.rules.base import Hit, rule


def _hits(ctx: PairContext, kind: IssueKind, weak_severity: Severity | None) -> Iterator[Hit]:
    for issue in compare_numbers(ctx):
        if issue.kind is not kind:
            continue
        yield Hit(
            issue.message,
            source_span=issue.source.span if issue.source else None,
            target_span=issue.target.span if issue.target else None,
            severity=weak_severity if issue.weak else None,
        )


@rule("N201", "number-missing", Severity.ERROR)
def number_missing(ctx: PairContext) -> Iterator[Hit]:
    """A number of the source has no equal value anywhere in the target.

    What it checks: every numeric fact of the English (amounts, percents, points, quarters,
    years, dates) is looked for by value in the aligned Chinese sentence, then in the pair.
    Why it matters: a dropped figure in a financial text is a silent factual loss.
    Example: ``We expanded into 2 markets.`` → ``我們拓展了市場。``
    Passes: ``2 markets`` → ``兩個市場``; ``$105.6 million`` → ``1.056 億美元``. A small number
    word (``two``) missing is info only: MT often renders it as 兩者 or 雙.
    """
    yield from _hits(ctx, IssueKind.MISSING, Severity.INFO)


@rule("N202", "number-extra", Severity.WARNING)
def number_extra(ctx: PairContext) -> Iterator[Hit]:
    """The target has a number the source does not.

    What it checks: numeric facts of the Chinese with no equal value in the English.
    Why it matters: an added figure is invented content, or the visible half of a changed one.
    Example: ``Revenue grew strongly.`` → ``營收成長了 58%。``
    Passes: ``Revenue grew 58%.`` → ``營收成長了 58%。``; Chinese numerals with a counter and no
    English number (``both`` → ``兩個``) are not reported.
    """
    yield from _hits(ctx, IssueKind.EXTRA, None)


@rule("N203", "number-value-mismatch", Severity.ERROR)
def number_value_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """An aligned sentence has one number of a kind on each side, and their values differ.

    What it checks: after matching equal values, a lone leftover pair of the same kind in the
    same aligned sentence; the message shows both normalised values.
    Why it matters: a changed figure reads as a fact and misleads the reader.
    Example: ``Revenue was $1.2 billion.`` → ``營收為 21 億美元。``
    Passes: ``$97.7 million`` → ``9,770 萬美元`` (equal value, different notation).
    """
    yield from _hits(ctx, IssueKind.VALUE, Severity.WARNING)


@rule("N204", "number-scale-slip", Severity.ERROR)
def number_scale_slip(ctx: PairContext) -> Iterator[Hit]:
    """A number is off by an exact power of ten: the 萬/億 conversion error.

    What it checks: an unmatched source/target pair whose values differ by 10, 100, 1000 ….
    Why it matters: converting millions into 萬 (10⁴) and 億 (10⁸) is where MT and people slip;
    the result is a figure ten times too big or small.
    Example: ``$1.2 billion`` → ``1.2 億美元`` (120 million).
    Passes: ``$1.2 billion`` → ``12 億美元``.
    """
    yield from _hits(ctx, IssueKind.SCALE, Severity.WARNING)


@rule("N205", "number-unit-mismatch", Severity.ERROR)
def number_unit_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """Same number, different unit or currency.

    What it checks: equal values whose units differ (percent vs a plain number, basis points vs
    percent) or whose currencies are both given and differ (USD vs HKD).
    Why it matters: 58% is not 58, and US$10 million is not HK$10 million.
    Example: ``$10 million`` → ``1,000 萬港元``.
    Passes: ``$10 million`` → ``1,000 萬美元``; a currency left implicit in the target.
    """
    yield from _hits(ctx, IssueKind.UNIT, Severity.WARNING)


@rule("N206", "number-sign-flipped", Severity.ERROR)
def number_sign_flipped(ctx: PairContext) -> Iterator[Hit]:
    """A negative number became positive (or the reverse), or up became down.

    What it checks: values equal except for the sign (``negative 3.2%`` → ``3.2%``), and matched
    values whose direction words disagree (``up 5%`` → ``下降 5%``).
    Why it matters: a loss reported as a gain inverts the meaning of the sentence.
    Example: ``margin was negative 3.2%`` → ``利潤率為 3.2%``.
    Passes: ``negative 3.2%`` → ``負 3.2%``; ``up 58%`` → ``年增 58%``.
    """
    yield from _hits(ctx, IssueKind.SIGN, Severity.WARNING)


@rule("N207", "percent-vs-points", Severity.ERROR)
def percent_vs_points(ctx: PairContext) -> Iterator[Hit]:
    """Percent and percentage points confused.

    What it checks: the same value written as a percent on one side and as percentage points
    (個百分點) on the other.
    Why it matters: a margin up 2 percentage points (30% → 32%) is not up 2% (30% → 30.6%).
    Example: ``improved 22 percentage points`` → ``提高了 22%``.
    Passes: ``improved 22 points`` → ``提高了 22 個百分點``.
    """
    yield from _hits(ctx, IssueKind.PERCENT_POINTS, Severity.WARNING)


@rule("N208", "range-endpoint-mismatch", Severity.ERROR)
def range_endpoint_mismatch(ctx: PairContext) -> Iterator[Hit]:
    """One end of a range differs.

    What it checks: ranges (``$107 million to $108 million``, ``1.07億至1.08億美元``) are
    compared end by end; the scale or currency written once after the upper end applies to
    both ends.
    Why it matters: guidance ranges are the figures investors act on.
    Example: ``$107 million to $108 million`` → ``1.07億至1.18億美元``.
    Passes: ``$107 million to $108 million`` → ``1.07億至1.08億美元``.
    """
    yield from _hits(ctx, IssueKind.RANGE_END, Severity.WARNING)


@rule("N209", "number-qualifier-lost", Severity.WARNING)
def number_qualifier_lost(ctx: PairContext) -> Iterator[Hit]:
    """A qualifier of a number (over, about, up to, at least) is missing in the target.

    What it checks: matched numbers where the English has a qualifier (over, more than,
    approximately, up to, at least, -plus) and the Chinese has none (超過, 多, 以上, 約, 近,
    不到, 至少 …).
    Why it matters: "over 20 points" and "20 points" are different claims.
    Example: ``an improvement of over 20 points`` → ``提高了 20 個百分點``.
    Passes: ``over 450 new customers`` → ``450 多個新客戶``.
    """
    yield from _hits(ctx, IssueKind.QUALIFIER_LOST, None)


@rule("N210", "number-rounded", Severity.INFO)
def number_rounded(ctx: PairContext) -> Iterator[Hit]:
    """The target rounds a number of the source.

    What it checks: the target value equals the source rounded to the target's significant
    digits; the message gives the relative difference.
    Why it matters: usually acceptable, sometimes not (per-share figures); for the reviewer.
    Example: ``$105.6 million`` → ``1.06 億美元`` (0.38% off).
    Passes: ``$105.6 million`` → ``1.056 億美元``; ``$105.6 million`` → ``1.057 億美元`` is a
    value mismatch, not rounding.
    """
    yield from _hits(ctx, IssueKind.ROUNDED, None)
