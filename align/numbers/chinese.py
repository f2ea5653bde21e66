"""Numeric facts in Chinese text, Traditional or Simplified.

Handled: Arabic and full-width digits with ``,`` / ``，`` separators; myriad scales 萬/万 (10⁴),
億/亿 (10⁸), 兆 (10¹²) with 千/百 and mixed forms (``1.056 億``, ``9,770 萬``, ``3千萬``); Chinese
numerals (二十二, 一百八十, 兩/两, 〇/零); 百分之X and X%; X 個百分點 (points); X 個基點 (basis
points); 負 for the sign and 下降/減少 … for the direction; 倍; 成 (三成 = 30%); ranges with
至/到/~; qualifiers 超過/逾/以上/多/近/約/不到; 第N季, 上半年, N 財年; 年/月/日 dates; clock
times; currencies 美元/美金/港元/人民幣/元/歐元/英鎊/日圓.

A Chinese numeral counts as a fact only with a scale, unit or counter after it (``兩個市場``):
一 in 一些/一直/統一 is not a number, nor is 第一 (an ordinal), nor 三四個 / 數百 (approximate).
"""

from __future__ import annotations

import re

from align.models import Span
from align.numbers.chinese_forms import FORMS, may_match, needles_in, read_form
from align.numbers.chinese_numerals import (
    ARABIC,
    DIGIT_VALUES,
    NUMERAL_CHARS,
    NUMERAL_DIGITS,
    chinese_numeral,
    digitwise,
    normalise,
    numeral_or_digits,
    scale_of,
)
from align.numbers.chinese_units import (
    COUNTERS,
    CURRENCIES,
    CURRENCY_PREFIX,
    KILO,
    MEASURES,
    NOT_TIMES,
    UNITS,
    direction_of,
    measure_of,
    qualifier_of,
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

_NUMBER = re.compile(
    rf"(?P<neg>负值?\s{{0,3}}|零下|(?<![A-Za-z0-9_.,)/-])[-−–](?=\d))?"
    rf"(?P<cur>US\$|HK\$|NT\$|RMB|\$|€|£|¥)?\s{{0,3}}"
    rf"(?:(?P<num>{ARABIC})\s{{0,3}}(?P<more>多|余)?\s{{0,3}}"
    rf"(?P<scale>(?:千(?![克米瓦])|[十百])[万亿兆]*|[万亿兆]+)?"
    # 3万2千, 2万5, 200亿零四千230: digits and numerals after 万/亿 continue the number, and
    # digits after 千/百 fill the places below (1千230, 1百01, 3千5 = 3,500)
    rf"(?P<tail>(?<=亿)[{NUMERAL_CHARS}\d万]+(?![克米瓦])|(?<=万)[{NUMERAL_CHARS}\d]+(?![克米瓦])"
    r"|(?<=千)(?:\d百(?:\d{1,2}(?![\d.]))?|\d{1,3}(?![\d.]))|(?<=百)\d{1,2}(?![\d.]))?"
    # 七点二五, 一百点123: the decimals in numerals or in digits
    rf"|(?P<cn>[{NUMERAL_CHARS}][{NUMERAL_CHARS}万亿兆]*(?:点(?:[{NUMERAL_DIGITS}]+|\d+)[万亿兆]*)?))"
    rf"\s{{0,3}}(?P<unit>%|{alternation(k for k in UNITS if k not in {'%', '倍'})}"
    rf"|倍(?![{NOT_TIMES}])"
    rf"|成(?![长为功本立员果绩熟就交型效品分不]))?"
    # 块 is the spoken 元 (五块, 三块多) where no noun follows it (五块蛋糕 is five pieces)
    rf"\s{{0,3}}(?P<curword>{alternation(CURRENCIES)}|块(?=多|左右|上下|[^\u3400-\u9fff]|$))?"
    rf"(?P<measure>(?<![万亿兆])(?:{alternation(MEASURES)})(?![{NUMERAL_CHARS}]))?"
)
# 第4-8天 (4th to 8th day): Arabic ordinals, compared with English 4th-8th.
# A Chinese-numeral ordinal counts only before a counter (第十个年头), not in 第一，(firstly).
_ORDINAL = re.compile(
    rf"第\s{{0,3}}(?P<o>\d+[万亿]?|[{NUMERAL_CHARS}][{NUMERAL_CHARS}万亿]*(?=\s{{0,3}}[{COUNTERS}]))"
    rf"(?:\s{{0,3}}[-–~～至到]\s{{0,3}}"
    rf"(?P<o2>\d+[万亿]?|[{NUMERAL_CHARS}][{NUMERAL_CHARS}万亿]*(?=\s{{0,3}}[{COUNTERS}])))?"
)
# A numeral alone is a value only as the complement of 是/为 … at the end of a clause
# (总数是零。); elsewhere 一 is "a" and 统一, 唯一 are words.
_BARE_BEFORE = re.compile(r"(?:是|为|达|到|共|计|约|仅|剩|等于|了)$")
_CLAUSE_END = re.compile(r"\s{0,3}(?:[。，；！？,.;!?、）)]|$)")
_IDENTIFIER_AFTER = re.compile(r"-[A-Za-z]|[A-Za-z]+\d|[A-Z](?![a-z])")
_APPROXIMATE_BEFORE = re.compile(r"[数几上成好]$")
# 四五年 (four or five years), 二三十个, 三五百 (three to five hundred), 十五六 (15 or 16),
# 七百三四十 (730 to 740), 一万六七 (16,000 to 17,000): two neighbouring digits (or 三五),
# after an optional numeral that ends in a unit, before a unit or a counter.
_NEIGHBOURS = re.compile(
    rf"(?<![{NUMERAL_CHARS}第万亿点])(?P<pre>[{NUMERAL_CHARS}万亿]*[十百千万亿])?"
    rf"(?P<a>[一二三四五六七八])(?P<b>[二三四五六七八九])(?P<unit>(?:[十百]|千(?![克米瓦]))?[万亿]?)"
    rf"(?![{NUMERAL_DIGITS}点])"
)
_DIGIT_PAIR = re.compile("[一二三四五六七八][二三四五六七八九]")
_RANGE_JOINER = re.compile(r"^\s*(?:至|到|~|～|-|–|—)\s*$")


def _written_digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit()).lstrip("0")


# A number as read before its scale, unit and currency: (value, significant digits, weak,
# scale characters still to apply, unit of measure).
_Read = tuple[float, int, bool, str, str | None]


def _number(match: re.Match[str], text: str, original: str) -> NumberFact | None:
    """The fact of one ``_NUMBER`` match: digits or a numeral, then scale, unit, currency."""
    start, end = match.span()
    if match.group("neg") is None and match.group("cur") is None:
        start = match.start("num") if match.group("num") else match.start("cn")
    while end > start and text[end - 1].isspace():
        end -= 1  # the optional unit's leading \s* may have run past the number
    g = match.groupdict()
    unit = g["unit"] or ""
    if g["num"] is not None:
        read = _digits_read(g, text, start, end)
    else:
        read = _numeral_read(g, text, start, end)
    if read is None:
        return None
    value, digits, weak, scale_text, measure = read
    value *= scale_of(scale_text)
    kind = Kind.AMOUNT
    if unit == "成":
        kind, value = Kind.PERCENT, value * 10
    elif unit:
        kind = UNITS[unit]
    currency = (
        CURRENCY_PREFIX.get(g["cur"] or "")
        or CURRENCIES.get(g["curword"] or "")
        or ("CNY" if g["curword"] == "块" else None)
        or measure_of(measure, text, start, end)
    )
    if g["neg"]:
        value = -value
    if (
        kind == Kind.AMOUNT
        and not currency
        and not scale_text
        and g["num"]
        and re.fullmatch(r"(?:19|20)\d\d", g["num"])
    ):
        kind = Kind.YEAR
    return NumberFact(
        span=Span(start, end),
        text=original[start:end],
        value=value,
        kind=kind,
        currency=currency,
        qualifier="gt" if g["more"] else qualifier_of(text, start, end),
        direction=direction_of(text, start),
        digits=digits,
        weak=weak,
        scale=scale_of(scale_text),
    )


def _digits_read(g: dict[str, str | None], text: str, start: int, end: int) -> _Read | None:
    """Arabic digits (``1.056``, ``9,770``, ``3万2千``); None inside an identifier."""
    number, unit, scale_text = g["num"] or "", g["unit"] or "", g["scale"] or ""
    prev = text[start - 1] if start else " "
    glued = prev == "-" and start > 1 and text[start - 2].isascii() and text[start - 2].isalpha()
    identifier = not unit and _IDENTIFIER_AFTER.match(text[end : end + 2])  # 95%CI is 95%
    if (prev.isascii() and prev.isalpha()) or glued or identifier:
        return None  # 10-Q, COVID-19, SCORE-15, Q3, 17p13, 4A (but 20.4ns is a number)
    value = parse_number(number)
    digits = significant_digits(number)
    if scale_text and "." not in number:
        # 1830万: every written digit counts; a trailing zero before 万 is a digit, not padding
        digits = len(_written_digits(number))
    if g["tail"]:
        value = value * scale_of(scale_text) + _tail(g["tail"], scale_text)
        scale_text = ""
    return value, digits, False, scale_text, g["measure"]


def _numeral_read(g: dict[str, str | None], text: str, start: int, end: int) -> _Read | None:
    """A Chinese numeral, a number only with a unit, counter or scale after it (or as the
    value a clause ends on): 一 in 一些, 第一, 三四个 and 数百 are not facts."""
    cn, measure, unit, curword = g["cn"] or "", g["measure"], g["unit"] or "", g["curword"]
    before, after = text[max(0, start - 1) : start], text[end : end + 2]
    if cn.endswith("千") and measure in KILO:
        cn, measure = cn[:-1], KILO[measure]  # 五千克 is 5 kg, not 5,000 g
    parsed = chinese_numeral(cn)
    if parsed is None or cn[0] in "百千万亿兆" or (not parsed and cn not in {"零", "〇"}):
        return None  # 千个 (thousands of), 三四个 (three or four)
    if before == "第" or _APPROXIMATE_BEFORE.search(before):
        return None  # 第一 is an ordinal; 数百, 几十 are vague
    if cn == "一" and curword == "块" and before in {"在", "到", "成"}:
        return None  # 在一块 is "together"
    has_unit = bool(
        unit
        or curword
        or measure
        or g["neg"]
        or re.search("[十百千万亿兆点]", cn)
        or (len(cn) >= 4 and digitwise(cn) is not None)  # 一九九八, 二〇〇七: digit by digit
    )
    bare_value = _BARE_BEFORE.search(text, 0, start) and _CLAUSE_END.match(text, end)
    if not has_unit and not re.match(rf"\s*[{COUNTERS}]", after) and not bare_value:
        return None
    explicit = unit or curword or measure or g["neg"]
    if parsed == 1 and not re.search("[十百千万亿兆]", cn) and not (explicit or bare_value):
        return None  # 一个 is "a", not a count
    digits = significant_digits(f"{parsed:.10g}")
    weak = parsed <= 10 and not (unit or curword or measure or "点" in cn)
    scale_text = cn[len(cn.rstrip("万亿兆")) :]
    value = parsed / scale_of(scale_text)  # applied again by the caller, with the other scales
    return value, digits, weak, scale_text, measure


_UNIT_WORD = re.compile(rf"\s{{0,3}}(?:{alternation([*MEASURES, *CURRENCIES])})")


def _approximate_range(match: re.Match[str], text: str) -> tuple[float, float] | None:
    """The two ends of 三五百 (300, 500) or 十五六 (15, 16); None for other digit pairs."""
    a, b = match.group("a"), match.group("b")
    if DIGIT_VALUES[b] != DIGIT_VALUES[a] + 1 and (a, b) != ("三", "五"):
        return None
    pre, unit = match.group("pre") or "", match.group("unit")
    after = text[match.end() : match.end() + 6]
    counted = re.match(rf"\s{{0,3}}[{COUNTERS}]", after) or _UNIT_WORD.match(after)
    if not (pre or unit or counted):
        return None  # 一二 in a list, 三四 alone
    low, high = chinese_numeral(pre + a + unit), chinese_numeral(pre + b + unit)
    if low is None or high is None or low >= high:
        return None
    return low, high


def _tail(tail: str, scale_text: str) -> float:
    """The digits after 万/亿 in 3万2千 (2,000) or 2万5 (5,000: one digit is the next unit),
    or after 千/百 in 1千230 (230) or 3千5 (500)."""
    digits = tail.rstrip("千百十")
    if not digits.isdigit() or len(tail) - len(digits) > 1:  # 两千, 零四千230, 5千万
        value = chinese_numeral(tail) or 0.0
        if len(tail) == 1 and tail in DIGIT_VALUES:
            value *= scale_of(scale_text[-1:]) / 10  # 2万五 = 25,000
        return value
    unit = scale_of(tail[len(digits) :])
    if unit == 1 and len(digits) == 1:
        unit = scale_of(scale_text[-1:]) / 10
    return float(digits) * unit


# Where a match of _NUMBER can begin: it opens with optional groups (sign, currency, spaces),
# so finditer would try it at every character of the text.
_NUMBER_START = re.compile(rf"\s|负|[-−–](?=\d)|US\$|HK\$|NT\$|RMB|[$€£¥\d{NUMERAL_CHARS}]")


def extract_chinese(text: str) -> list[NumberFact]:
    """Every numeric fact in ``text``, in order; spans index the text as given.

    Readers run from the most specific form to the plainest, each taking only text that no
    earlier one claimed: fixed forms (dates, 百分之 …), ordinals, approximations, numbers."""
    normal = normalise(text)
    present = needles_in(normal)
    taken = Claimed()
    facts: list[NumberFact] = []
    for name, pattern in FORMS:
        if not may_match(name, present, normal):
            continue
        for match in pattern.finditer(normal):
            if match.group(0).strip() and taken.free(*match.span()):
                _keep(read_form(name, match, text), taken, facts)
    if may_match("ordinal", present):
        _read_ordinals(normal, text, taken, facts)  # after 第N季, which the forms took
    if _DIGIT_PAIR.search(normal):
        _read_approximations(normal, text, taken, facts)
    for match in matches_from(_NUMBER_START, _NUMBER, normal):
        if match.group(0).strip() and taken.free(*match.span()):
            _keep(_number(match, normal, text), taken, facts)
    facts.sort(key=lambda f: f.span.start)
    facts = within_range(facts)  # 309 nines: exact, beyond float
    return link_ranges(normal, facts, _RANGE_JOINER)


def _keep(fact: NumberFact | None, taken: Claimed, facts: list[NumberFact]) -> None:
    if fact is not None:
        taken.claim(fact.span.start, fact.span.end)
        facts.append(fact)


def _read_ordinals(normal: str, text: str, taken: Claimed, facts: list[NumberFact]) -> None:
    """第5, 第二阶段, 第4-8天: each end an ordinal fact; the whole match is claimed."""
    for match in _ORDINAL.finditer(normal):
        if not taken.free(*match.span()):
            continue
        for group in ("o", "o2"):
            written = match.group(group)
            value = numeral_or_digits(written) if written else None
            if value:
                span = Span(match.start(group), match.end(group))
                ordinal = NumberFact(
                    span,
                    text[span.start : span.end],
                    value,
                    kind=Kind.ORDINAL,
                    # 第一次, 第二个 often stand for "first", "second" with no digit
                    weak=not written[0].isdigit() and value <= 10,
                )
                facts.append(ordinal)
        taken.claim(*match.span())


def _read_approximations(normal: str, text: str, taken: Claimed, facts: list[NumberFact]) -> None:
    """三五百, 十五六: the two ends of an approximate range, each a one-digit fact."""
    for match in _NEIGHBOURS.finditer(normal):
        if not taken.free(*match.span()):
            continue
        ends = _approximate_range(match, normal)
        if not ends:
            continue
        for value, group, role in zip(ends, ("a", "b"), ("low", "high"), strict=True):
            span = Span(match.start(group), match.end(group))
            if role == "low" and match.group("pre"):
                span = Span(match.start("pre"), span.end)
            if role == "high" and match.group("unit"):
                span = Span(span.start, match.end("unit"))
            fact = NumberFact(span, text[span.start : span.end], value,
                              weak=value <= 10, range_role=role, digits=1)  # fmt: skip
            facts.append(fact)
        taken.claim(*match.span())
