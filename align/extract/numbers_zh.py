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
import unicodedata

from align.extract.numbers import Claimed, NumberFact, parse_number, significant_digits
from align.extract.ranges import link_ranges
from align.lang.zh import to_simplified
from align.models import Span

_DIGIT_CHARS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"兆": 1e12, "亿": 1e8, "万": 1e4}
_CN = "零〇一二两三四五六七八九十百千"
_CURRENCIES = {
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "人民币": "CNY", "元": "CNY",
    "欧元": "EUR", "英镑": "GBP", "日圆": "JPY", "日元": "JPY", "新台币": "TWD", "台币": "TWD",
}  # fmt: skip
_CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "HK$": "HKD", "NT$": "TWD", "€": "EUR",
                    "£": "GBP", "¥": "CNY", "RMB": "CNY"}  # fmt: skip
_UNITS = {"%": "percent", "个百分点": "points", "百分点": "points", "个基点": "bp",
          "基点": "bp", "倍": "multiple"}  # fmt: skip
# 二倍体 (diploid), 倍数 (multiple), 倍率: words built on 倍, not "N times".
_NOT_TIMES = "体数性率型"
_COUNTERS = "个家名位种笔项次股人年月日季天周条间款套台件张份轮届期座所岁例剂组批粒片支"
_QUALIFIER_BEFORE = {
    "超过": "gt", "逾": "gt", "超": "gt", "高于": "gt", "多于": "gt", "大于": "gt",
    "至少": "ge", "最少": "ge", "不少于": "ge",
    "约": "approx", "大约": "approx", "近": "approx", "将近": "approx", "接近": "approx",
    "约为": "approx", "大概": "approx", "差不多": "approx",
    "不到": "lt", "不足": "lt", "低于": "lt", "少于": "lt", "最多": "lt", "小于": "lt",
}  # fmt: skip
_QUALIFIER_AFTER = {"多": "gt", "以上": "gt", "余": "gt", "出头": "gt", "以下": "lt",
                    "左右": "approx", "上下": "approx"}  # fmt: skip
_DIRECTIONS = {
    "增长": 1, "成长": 1, "增加": 1, "上升": 1, "提高": 1, "提升": 1, "年增": 1, "增": 1,
    "上涨": 1, "改善": 1,
    "下降": -1, "减少": -1, "下滑": -1, "降低": -1, "年减": -1, "减": -1, "下跌": -1, "跌": -1,
}  # fmt: skip


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_ARABIC = (
    r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u00a0]\d{3})+(?![\d.,])|\d+(?:\.\d+)?"
)
_NUMBER = re.compile(
    rf"(?P<neg>负值?\s{{0,3}}|(?<![\w.,)/-])[-−–](?=\d))?"
    rf"(?P<cur>US\$|HK\$|NT\$|RMB|\$|€|£|¥)?\s{{0,3}}"
    rf"(?:(?P<num>{_ARABIC})\s{{0,3}}(?P<more>多|余)?\s{{0,3}}(?P<scale>[十百千][万亿兆]*|[万亿兆]+)?"
    rf"|(?P<cn>[{_CN}]+[万亿兆]*))"
    rf"\s{{0,3}}(?P<unit>%|{_alternation(k for k in _UNITS if k not in {'%', '倍'})}"
    rf"|倍(?![{_NOT_TIMES}])"
    rf"|成(?![长为功本立员果绩熟就交型效品分不]))?"
    rf"\s{{0,3}}(?P<curword>{_alternation(_CURRENCIES)})?"
)
_PERCENT_WORD = re.compile(rf"百分之(?P<num>{_ARABIC}|[{_CN}]+)")
_QUARTER = re.compile(r"第\s{0,3}(?P<q>[1-4一二三四])\s{0,3}(?:财|财政|会计|财务)?季")
# 第4-8天 (4th to 8th day): Arabic ordinals, compared with English 4th-8th.
# A Chinese-numeral ordinal counts only before a counter (第十个年头), not in 第一，(firstly).
_ORDINAL = re.compile(
    rf"第\s{{0,3}}(?P<o>\d+|[{_CN}]+(?=\s{{0,3}}[{_COUNTERS}]))"
    rf"(?:\s{{0,3}}[-–~～至到]\s{{0,3}}(?P<o2>\d+|[{_CN}]+(?=\s{{0,3}}[{_COUNTERS}])))?"
)
_HALF = re.compile(r"(?P<h>上|下)半年")
_FISCAL = re.compile(r"(?P<y>(?:19|20)\d\d|\d\d)\s{0,3}(?:财年|财政年度|会计年度|年度|年)")
_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d\d)\s{0,3}年\s{0,3})?(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s{0,3}月"
    r"(?:\s{0,3}(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s{0,3}[日号])?"
)
_TIME = re.compile(
    r"(?P<ampm>上午|早上|中午|下午|晚上|凌晨)?\s{0,3}(?:(?P<h>\d{1,2})[:：](?P<mi>\d{2})"
    r"|(?P<h2>\d{1,2}|[一二三四五六七八九十]{1,3})\s{0,3}[点时](?:\s{0,3}(?P<mi2>\d{1,2})\s{0,3}分|(?P<half>半))?)"
)
_IDENTIFIER_AFTER = re.compile(r"-[A-Za-z]|[A-Za-z]+\d|[A-Z](?![a-z])")
_APPROXIMATE_BEFORE = re.compile(r"[数几上成好]$")
# 四五年 (four or five years), 二三十个 (twenty or thirty): two neighbouring digits, a range.
_NEIGHBOURS = re.compile(
    rf"(?<![{_CN}第])(?P<a>[一二三四五六七八])(?P<b>[二三四五六七八九])(?P<unit>[十百千万亿]?)(?=\s{{0,3}}[{_COUNTERS}])"
)
_RANGE_JOINER = re.compile(r"^\s*(?:至|到|~|～|-|–|—)\s*$")


def _section(text: str) -> float | None:
    """A numeral below 万: digits with 十/百/千 (一百零五 → 105, 十二 → 12)."""
    total, digit = 0.0, None
    for ch in text:
        if ch in _DIGIT_CHARS:
            if digit and _DIGIT_CHARS[ch]:
                return None  # 三四 (three or four) is an approximation, not a number
            digit = _DIGIT_CHARS[ch]
        elif ch in _SMALL_UNITS:
            total += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def chinese_numeral(text: str) -> float | None:
    """二十二 → 22, 一百八十 → 180, 三千万 → 30,000,000, 一亿零五百万 → 105,000,000."""
    for unit, size in _LARGE_UNITS.items():
        if unit in text:
            left, _, right = text.partition(unit)
            high = chinese_numeral(left) if left else 1.0
            low = chinese_numeral(right) if right else 0.0
            return None if high is None or low is None else high * size + low
    return _section(text) if text else None


def _scale(text: str) -> float:
    value = 1.0
    for ch in text:
        value *= _SMALL_UNITS.get(ch, 1) * _LARGE_UNITS.get(ch, 1)
    return value


def _written_digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit()).lstrip("0")


_FULL_WIDTH = str.maketrans(
    {ch: unicodedata.normalize("NFKC", ch) for ch in "０１２３４５６７８９％．＄"}
)


def _normalise(text: str) -> str:
    """Simplified script and ASCII digits/percent, one character for one (offsets unchanged)."""
    return to_simplified(text).translate(_FULL_WIDTH)


_CLAUSE_START = re.compile(r"[，,。；;！？!?：:、]")
# Words that contain a qualifier character without meaning it: 合约 (contract), 最近 (lately).
_NOT_QUALIFIER = re.compile(r"[合纽条预签契节公制邀履]约|[最附]近|超[级市越]")


def _qualifier(text: str, start: int, end: int) -> str | None:
    """A qualifier right after the number, or anywhere earlier in its clause (约占…的 16%)."""
    # Within 60 characters: a clause is shorter, and a text of thousands of numbers must not
    # rescan everything before each one.
    window = max(0, start - 60)
    clause_start = max(
        (m.end() for m in _CLAUSE_START.finditer(text, window, start)), default=window
    )
    clause = _NOT_QUALIFIER.sub("  ", text[clause_start:start])
    best = None
    for word, qualifier in _QUALIFIER_BEFORE.items():
        position = clause.rfind(word)
        if position >= 0 and (best is None or position + len(word) > best[0]):
            best = (position + len(word), qualifier)
    if best:
        return best[1]
    after = text[end : end + 8]
    match = re.match(rf"\s*[{_COUNTERS}]?\s*({_alternation(_QUALIFIER_AFTER)})", after)
    if match and not (
        match.group(1) == "多" and after.lstrip().startswith(("多数", "多个", "多种"))
    ):
        return _QUALIFIER_AFTER[match.group(1)]
    return None


def _direction(text: str, start: int) -> int:
    before = re.sub(
        r"(?:了|约|约为|超过|达|达到|为|近|逾|\s)+$", "", text[max(0, start - 8) : start]
    )
    for word in sorted(_DIRECTIONS, key=len, reverse=True):
        if before.endswith(word):
            return _DIRECTIONS[word]
    return 0


def _number(match: re.Match[str], text: str, original: str) -> NumberFact | None:
    start, end = match.span()
    if match.group("neg") is None and match.group("cur") is None:
        start = match.start("num") if match.group("num") else match.start("cn")
    while end > start and text[end - 1].isspace():
        end -= 1  # the optional unit's leading \s* may have run past the number
    g = match.groupdict()
    unit = g["unit"] or ""
    scale_text = g["scale"] or ""
    before = text[max(0, start - 1) : start]
    after = text[end : end + 2]
    if g["num"] is not None:
        prev = text[start - 1] if start else " "
        glued = (
            prev == "-" and start > 1 and text[start - 2].isascii() and text[start - 2].isalpha()
        )
        if (prev.isascii() and prev.isalpha()) or glued or _IDENTIFIER_AFTER.match(after):
            return None  # 10-Q, COVID-19, SCORE-15, Q3, 17p13, 4A (but 20.4ns is a number)
        value = parse_number(g["num"])
        digits = significant_digits(g["num"])
        if scale_text and "." not in g["num"]:
            # 1830万: every written digit counts; a trailing zero before 万 is a digit, not padding
            digits = len(_written_digits(g["num"]))
        weak = False
    else:
        cn = g["cn"]
        parsed = chinese_numeral(cn)
        if not parsed or cn[0] in "百千万亿兆":
            return None  # 千个 (thousands of), 三四个 (three or four)
        if before == "第" or _APPROXIMATE_BEFORE.search(before):
            return None  # 第一 is an ordinal; 数百, 几十 are vague
        has_unit = bool(unit or g["curword"] or re.search("[十百千万亿兆]", cn))
        if not has_unit and not re.match(rf"\s*[{_COUNTERS}]", after):
            return None
        if parsed == 1 and not re.search("[十百千万亿兆]", cn):
            return None  # 一个 is "a", not a count
        value = parsed
        digits = len(str(int(parsed)).strip("0")) or 1
        weak = parsed <= 10 and not (unit or g["curword"])
        scale_text = cn[len(cn.rstrip("万亿兆")) :]
        value /= _scale(scale_text)  # applied again below, with the other scales
    value *= _scale(scale_text)
    kind = "amount"
    if unit == "成":
        kind, value = "percent", value * 10
    elif unit:
        kind = _UNITS[unit]
    currency = _CURRENCY_PREFIX.get(g["cur"] or "") or _CURRENCIES.get(g["curword"] or "")
    if g["neg"]:
        value = -value
    if (
        kind == "amount"
        and not currency
        and not scale_text
        and g["num"]
        and re.fullmatch(r"(?:19|20)\d\d", g["num"])
    ):
        kind = "year"
    return NumberFact(
        span=Span(start, end),
        text=original[start:end],
        value=value,
        kind=kind,
        currency=currency,
        qualifier="gt" if g["more"] else _qualifier(text, start, end),
        direction=_direction(text, start),
        digits=digits,
        weak=weak,
        scale=_scale(scale_text),
    )


def _cn_or_arabic(value: str) -> float | None:
    return float(value) if value[0].isdigit() else chinese_numeral(value)


def _special(name: str, match: re.Match[str], original: str) -> NumberFact | None:
    span = Span(*match.span())
    text = original[span.start : span.end]
    g = match.groupdict()
    if name == "percent":
        value = _cn_or_arabic(g["num"])
        return None if value is None else NumberFact(span, text, value, kind="percent")
    if name == "quarter":
        return NumberFact(span, text, _cn_or_arabic(g["q"]) or 0, kind="quarter")
    if name == "half":
        return NumberFact(span, text, 1 if g["h"] == "上" else 2, kind="half")
    if name == "fiscal":
        year = int(g["y"])
        if year < 100 and not re.search("财", match.group(0)):
            return None  # 12 年 is twelve years, not 2012
        return NumberFact(span, text, year + 2000 if year < 100 else year, kind="year")
    if name == "date":
        month = _cn_or_arabic(g["m"])
        day = _cn_or_arabic(g["d"]) if g["d"] else 0
        if not month or day is None or not 1 <= month <= 12:
            return None
        year = int(g["y"] or 0)
        kind = "date" if day else "month"
        return NumberFact(span, text, year * 10000 + month * 100 + day, kind=kind, weak=not day)
    if name == "time":
        hour = _cn_or_arabic(g["h"] or g["h2"])
        if hour is None or hour > 24:
            return None
        if g["h2"] and not g["ampm"] and not g["mi2"] and not g["half"]:
            return None  # 一点 is "a little"; a bare 3点 is too ambiguous without 下午/分
        minute = int(g["mi"] or g["mi2"] or (30 if g["half"] else 0))
        if g["ampm"] in {"下午", "晚上"} and hour < 12:
            hour += 12
        return NumberFact(span, text, hour + minute / 60, kind="time")
    return None


_SPECIAL = [
    ("date", _DATE), ("time", _TIME), ("quarter", _QUARTER), ("half", _HALF),
    ("percent", _PERCENT_WORD), ("fiscal", _FISCAL),
]  # fmt: skip
# What a text must contain for each pattern to match: most sentences have no date or quarter.
_NEEDS = {
    "date": ("月",), "time": ("点", "时", ":", "："), "quarter": ("季",), "half": ("半年",),
    "percent": ("百分之",), "fiscal": ("年",), "ordinal": ("第",),
}  # fmt: skip


def _may_match(name: str, text: str) -> bool:
    return any(needed in text for needed in _NEEDS[name])


def extract_chinese(text: str) -> list[NumberFact]:
    """Every numeric fact in ``text``, in order; spans index the text as given."""
    normal = _normalise(text)
    taken = Claimed()
    facts: list[NumberFact] = []
    free = taken.free

    for name, pattern in _SPECIAL:
        if not _may_match(name, normal):
            continue
        for match in pattern.finditer(normal):
            if match.group(0).strip() and free(*match.span()):
                fact = _special(name, match, text)
                if fact is not None:
                    taken.claim(fact.span.start, fact.span.end)
                    facts.append(fact)
    ordinals = _ORDINAL.finditer(normal) if _may_match("ordinal", normal) else ()
    for match in ordinals:  # after 第N季, which the specials took
        if not free(*match.span()):
            continue
        for group in ("o", "o2"):
            written = match.group(group)
            value = _cn_or_arabic(written) if written else None
            if value:
                span = Span(match.start(group), match.end(group))
                ordinal = NumberFact(
                    span, text[span.start : span.end], value, kind="ordinal", weak=True
                )
                facts.append(ordinal)
        taken.claim(*match.span())
    for match in _NEIGHBOURS.finditer(normal):
        low, high = _DIGIT_CHARS[match.group("a")], _DIGIT_CHARS[match.group("b")]
        if high == low + 1 and free(*match.span()):
            scale = _scale(match.group("unit"))
            for value, group, role in ((low, "a", "low"), (high, "b", "high")):
                span = Span(match.start(group), match.end(group))
                fact = NumberFact(
                    span,
                    text[span.start : span.end],
                    value * scale,
                    weak=value * scale <= 10,
                    range_role=role,
                    digits=1,
                )
                facts.append(fact)
            taken.claim(*match.span())
    for match in _NUMBER.finditer(normal):
        if not match.group(0).strip() or not free(*match.span()):
            continue
        fact = _number(match, normal, text)
        if fact is not None:
            taken.claim(fact.span.start, fact.span.end)
            facts.append(fact)
    facts.sort(key=lambda f: f.span.start)
    return link_ranges(normal, facts, _RANGE_JOINER)
