"""Ranges: two facts joined by ``to`` / ``至`` share what only the second one spells out.

``$2 to $3 million`` and ``1.07億至1.08億美元`` write the scale or the currency once, after the
upper end; the lower end inherits it so both ends compare by value. Two facts are a range only
when they are of one kind: ``rose 32% to $410 million`` is a change and a result.
"""

from __future__ import annotations

import re

from align.numbers.facts import Kind, NumberFact

_RANGE_KINDS = {"amount", "percent", "points", "bp", "multiple"}


def _abbreviated_high(text: str, low: NumberFact, high: NumberFact) -> float | None:
    """The high end of ``45-6万`` (46万) or ``17-8万`` (18万), written with fewer digits than
    the low end and a scale word after it: its digits replace the low end's last ones."""
    low_digits = text[low.span.start : low.span.end]
    high_digits = text[high.span.start : high.span.end]
    if high.scale == 1.0 or not (low_digits.isdigit() and low_digits.isascii()):
        return None
    written = high_digits.rstrip("万亿兆千百十")
    if not (written.isdigit() and written.isascii()) or len(written) >= len(low_digits):
        return None
    completed = int(low_digits[: len(low_digits) - len(written)] + written)
    if completed <= int(low_digits):
        return None
    return completed * high.scale


def link_ranges(
    text: str,
    facts: list[NumberFact],
    joiner: re.Pattern[str],
    opener: re.Pattern[str] | None = None,
) -> list[NumberFact]:
    """Mark ``low``/``high`` ends of ranges in ordered ``facts`` and complete the low end."""
    linked = list(facts)
    for i in range(len(linked) - 1):
        low, high = linked[i], linked[i + 1]
        gap = text[low.span.end : high.span.start]
        if not joiner.match(gap) or low.kind not in _RANGE_KINDS or high.kind not in _RANGE_KINDS:
            continue
        if low.kind != high.kind and low.kind != Kind.AMOUNT:
            continue  # "rose 32% to $410 million": a change and a result, not a range
        if low.currency and high.currency and low.currency != high.currency:
            continue
        if gap.strip().lower() == "and" and (
            opener is None or not opener.search(text[: low.span.start])
        ):
            continue
        changes: dict[str, object] = {"range_role": "low"}
        high_changes: dict[str, object] = {"range_role": "high"}
        short_high = _abbreviated_high(text, low, high)
        if short_high is not None:  # 45-6万: the high end writes only its last digit
            high_changes["value"] = short_high
        if low.kind == Kind.AMOUNT and high.kind != Kind.AMOUNT:
            changes["kind"] = high.kind
        if low.currency is None and high.currency is not None:
            changes["currency"] = high.currency
        # The high end as meant (63-4万: 64万, not 4万) decides whether the low one shares its
        # scale word.
        high_value = high.value if short_high is None else short_high
        if (
            low.scale == 1.0
            and high.scale != 1.0
            and abs(low.value) * high.scale <= abs(high_value) * 10
        ):
            changes["value"] = low.value * high.scale
            changes["scale"] = high.scale
        linked[i] = low.with_(**changes)
        linked[i + 1] = high.with_(**high_changes)
    return linked
