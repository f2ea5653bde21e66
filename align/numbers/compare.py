"""Match the numeric facts of a pair by value and classify what does not match.

Facts are matched inside aligned sentences first, then anywhere in the pair (MT moves clauses
across sentence boundaries). What is left is paired up by the relation that explains it best —
off by a power of ten, sign flipped, rounded, percent vs points, another unit — and only then
as a plain value mismatch; the rest is missing from or added to the target.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from align.context import PairContext
from align.models import Span
from align.numbers.chinese import extract_chinese
from align.numbers.english import extract_english
from align.numbers.facts import (
    QUALIFIER_WORDS,
    Kind,
    NumberFact,
    compatible,
    describe,
    equal,
    is_rounding,
    power_of_ten_apart,
    same_value,
)


class IssueKind(StrEnum):
    """What is wrong with a number; the value is the code of the rule that reports it."""

    MISSING = "N201"
    EXTRA = "N202"
    VALUE = "N203"
    SCALE = "N204"
    UNIT = "N205"
    SIGN = "N206"
    PERCENT_POINTS = "N207"
    RANGE_END = "N208"
    QUALIFIER_LOST = "N209"
    ROUNDED = "N210"


@dataclass(frozen=True, slots=True)
class NumberIssue:
    kind: IssueKind
    source: NumberFact | None
    target: NumberFact | None
    message: str
    weak: bool = False  # involves a fact often rendered without a number: lower severity


def _reading(fact: NumberFact) -> str:
    written, normal = fact.text.strip(), describe(fact)
    return written if written == normal else f"{written} = {normal}"


def _both(source: NumberFact, target: NumberFact) -> str:
    return f"{_reading(source)}; target {_reading(target)}"


def _inside(fact: NumberFact, span: Span) -> bool:
    return span.start <= fact.span.start and fact.span.end <= span.end


def _match(
    sources: list[NumberFact], targets: list[NumberFact], pairs: list[tuple[NumberFact, NumberFact]]
) -> None:
    """Greedy in reading order: each source fact takes the first equal target fact; facts a
    word only implies (both, first) go last, so they never take a written number's match."""
    for source in sorted(sources, key=lambda fact: fact.implied):
        for target in targets:
            if equal(source, target):
                pairs.append((source, target))
                sources.remove(source)
                targets.remove(target)
                break


def _relation(source: NumberFact, target: NumberFact) -> IssueKind | None:
    """The kind of issue explaining an unmatched source/target pair, or None if unrelated."""
    if source.exact or target.exact:
        return None  # beyond float range: only a plain value mismatch can be said
    if same_value(source.value, target.value) and not compatible(source, target):
        if {source.kind, target.kind} == {Kind.PERCENT, Kind.POINTS}:
            return IssueKind.PERCENT_POINTS
        if {source.kind, target.kind} <= {
            Kind.AMOUNT, Kind.PERCENT, Kind.POINTS, Kind.BP, Kind.MULTIPLE,
        }:  # fmt: skip
            return IssueKind.UNIT
        return None
    if not compatible(source, target) or source.kind not in {
        Kind.AMOUNT,
        Kind.PERCENT,
        Kind.POINTS,
        Kind.BP,
        Kind.MULTIPLE,
    }:
        return None
    if same_value(source.value, -target.value):
        return IssueKind.SIGN
    if power_of_ten_apart(source.value, target.value):
        return IssueKind.SCALE
    if is_rounding(source, target):
        return IssueKind.ROUNDED
    return None


def _explain(kind: IssueKind, source: NumberFact, target: NumberFact) -> str:
    if kind is IssueKind.SCALE:
        k = power_of_ten_apart(target.value, source.value)
        size = "large" if k > 0 else "small"
        return f"scale slip, target {10 ** abs(k):,}× too {size}: {_both(source, target)}"
    if kind is IssueKind.ROUNDED:
        diff = abs(target.value - source.value) / abs(source.value)
        return f"rounded ({diff:.2%} off): {_both(source, target)}"
    if kind is IssueKind.SIGN:
        return f"sign flipped: {_both(source, target)}"
    if kind is IssueKind.PERCENT_POINTS:
        return f"percent and percentage points confused: {_both(source, target)}"
    if kind is IssueKind.UNIT:
        return f"unit differs: {_both(source, target)}"
    if kind is IssueKind.RANGE_END:
        return f"range endpoint differs: {_both(source, target)}"
    return f"value differs: {_both(source, target)}"


def _pair_leftovers(
    sources: list[NumberFact], targets: list[NumberFact], issues: list[NumberIssue], *, plain: bool
) -> None:
    """Pair leftovers that a relation explains; with ``plain``, also a lone same-kind pair."""
    for source in list(sources):
        for target in targets:
            kind = _relation(source, target)
            if kind:
                weak = source.weak or target.weak
                issues.append(
                    NumberIssue(kind, source, target, _explain(kind, source, target), weak)
                )
                sources.remove(source)
                targets.remove(target)
                break
    if not plain:
        return
    for fact_kind in dict.fromkeys(f.kind for f in sources):  # in source order: deterministic
        same_source = [f for f in sources if f.kind == fact_kind]
        same_target = [f for f in targets if compatible(same_source[0], f)]
        if len(same_source) == 1 and len(same_target) == 1:
            source, target = same_source[0], same_target[0]
            both_range = source.range_role is not None and target.range_role is not None
            kind = IssueKind.RANGE_END if both_range else IssueKind.VALUE
            # A changed ordinal is a wrong fact even where a missing one would not be.
            weak = (source.weak or target.weak) and source.kind != Kind.ORDINAL
            issues.append(NumberIssue(kind, source, target, _explain(kind, source, target), weak))
            sources.remove(source)
            targets.remove(target)


def _matched_issues(pairs: Iterable[tuple[NumberFact, NumberFact]]) -> list[NumberIssue]:
    issues = []
    for source, target in pairs:
        if source.currency and target.currency and source.currency != target.currency:
            issues.append(
                NumberIssue(
                    IssueKind.UNIT, source, target, f"currency differs: {_both(source, target)}"
                )
            )
        if (source.value < 0) != (target.value < 0) and not same_value(source.value, 0):
            issues.append(
                NumberIssue(
                    IssueKind.SIGN, source, target, _explain(IssueKind.SIGN, source, target)
                )
            )
        elif source.direction and target.direction and source.direction != target.direction:
            way = "up" if source.direction > 0 else "down"
            message = f"direction flipped ({way} in the source): {_both(source, target)}"
            issues.append(NumberIssue(IssueKind.SIGN, source, target, message))
        if source.qualifier and not target.qualifier and not source.weak:
            word = QUALIFIER_WORDS[source.qualifier]
            issues.append(
                NumberIssue(
                    IssueKind.QUALIFIER_LOST, source, target,
                    f"qualifier lost: the source says {word} {describe(source)} "
                    f"({source.text.strip()}), the target just {target.text.strip()}",
                )
            )  # fmt: skip
    return issues


def compare_numbers(ctx: PairContext) -> list[NumberIssue]:
    """All number issues of a pair, computed once and shared by the N rules."""
    return ctx.memo("numbers", lambda: _compare(ctx))


def _compare(ctx: PairContext) -> list[NumberIssue]:
    if not (ctx.source.strip() and ctx.target.strip()):
        return []
    sources = extract_english(ctx.source)
    targets = extract_chinese(ctx.target)
    matched: list[tuple[NumberFact, NumberFact]] = []
    issues: list[NumberIssue] = []
    links = ctx.sentence_links
    for link in links:  # within aligned sentences first
        in_source = [f for f in sources if _inside(f, link.source)]
        in_target = [f for f in targets if _inside(f, link.target)]
        _match(in_source, in_target, matched)
    done = {id(f) for pair in matched for f in pair}
    left_source = [f for f in sources if id(f) not in done]
    left_target = [f for f in targets if id(f) not in done]
    _match(left_source, left_target, matched)  # then anywhere in the pair
    for link in links:
        in_source = [f for f in left_source if _inside(f, link.source)]
        in_target = [f for f in left_target if _inside(f, link.target)]
        before = len(issues)
        _pair_leftovers(in_source, in_target, issues, plain=True)
        for issue in issues[before:]:  # pairs: both sides are set
            assert issue.source is not None and issue.target is not None
            left_source.remove(issue.source)
            left_target.remove(issue.target)
    _pair_leftovers(left_source, left_target, issues, plain=False)
    issues.extend(_matched_issues(matched))
    for fact in left_source:
        if fact.implied:
            continue
        issues.append(
            NumberIssue(
                IssueKind.MISSING, fact, None, f"{_reading(fact)} is not in the target", fact.weak
            )
        )
    for fact in left_target:
        if not fact.weak:  # 兩個 for "both": a Chinese numeral with no English number is normal
            issues.append(
                NumberIssue(
                    IssueKind.EXTRA, None, fact, f"target has {_reading(fact)}, not in the source"
                )
            )
    return issues
