"""The words around a Chinese number: currencies, units, measures, counters, qualifiers
and directions, and the readers that find them beside a number.

Kept apart from the numeral grammar: this is the vocabulary that says what a number counts
(美元, 公里, 个百分点) and how it is hedged (超过, 左右) or moving (下降).
"""

from __future__ import annotations

import re

from align.numbers.facts import Kind
from align.numbers.scanning import alternation

CURRENCIES = {
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "人民币": "CNY", "元": "CNY",
    "欧元": "EUR", "英镑": "GBP", "日圆": "JPY", "日元": "JPY", "新台币": "TWD", "台币": "TWD",
    "块钱": "CNY", "韩元": "KRW", "韩圆": "KRW", "卢比": "INR", "澳元": "AUD", "澳币": "AUD",
    "加元": "CAD", "加币": "CAD", "新加坡元": "SGD", "新元": "SGD", "瑞士法郎": "CHF",
    "法郎": "CHF", "卢布": "RUB", "泰铢": "THB", "越南盾": "VND", "比索": "MXN", "令吉": "MYR",
    "林吉特": "MYR",
}  # fmt: skip
CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "HK$": "HKD", "NT$": "TWD", "€": "EUR",
                    "£": "GBP", "¥": "CNY", "RMB": "CNY"}  # fmt: skip
UNITS: dict[str, Kind] = {"%": Kind.PERCENT, "个百分点": Kind.POINTS, "百分点": Kind.POINTS,
                          "个基点": Kind.BP, "基点": Kind.BP, "倍": Kind.MULTIPLE}  # fmt: skip
# 二倍体 (diploid), 倍数 (multiple), 倍率: words built on 倍, not "N times".
NOT_TIMES = "体数性率型"
# Counters and label nouns after a numeral (第5区, 第二阶段, 三个): the numeral is a number.
COUNTERS = (
    "个家名位种笔项次股人年月日季天周条间款套台件张份轮届期座所岁例剂组批粒片支"
    "区章步节部卷幕场级层楼号课册版集阶关站块"
)
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


KILO = {"克": "千克", "米": "千米", "瓦": "千瓦"}
# Units of measure, compared like currencies (kept as a symbol in NumberFact.currency).
MEASURES = {
    "公里": "km", "千米": "km", "公尺": "m", "米": "m", "厘米": "cm", "公分": "cm",
    "毫米": "mm", "公斤": "kg", "千克": "kg", "克": "g", "吨": "t", "公吨": "t",
    "英里": "mile", "哩": "mile", "英尺": "ft", "呎": "ft", "英寸": "in", "磅": "lb",
    "平方公里": "km²", "平方千米": "km²", "平方米": "m²", "平方公尺": "m²", "公顷": "ha",
    "千瓦时": "kWh", "千瓦": "kW", "兆瓦": "MW", "秒": "s", "分钟": "min", "小时": "h",
    "毫升": "ml", "升": "l", "摄氏度": "°C", "华氏度": "°F", "度": "°",
}  # fmt: skip


_CLAUSE_START = re.compile(r"[，,。；;！？!?：:、]")
# Words that contain a qualifier character without meaning it: 合约 (contract), 最近 (lately).
_NOT_QUALIFIER = re.compile(r"[合纽条预签契节公制邀履]约|[最附]近|超[级市越]")


_QUALIFIER_CHARACTER = re.compile(f"[{''.join(sorted({w[0] for w in _QUALIFIER_BEFORE}))}]")
_QUALIFIER_AFTER_WORD = re.compile(rf"\s*[{COUNTERS}]?\s*({alternation(_QUALIFIER_AFTER)})")


def _last_qualifier(clause: str) -> tuple[int, str] | None:
    """The qualifier word ending last in ``clause`` (the first listed on a tie): (end, kind)."""
    best = None
    for word, qualifier in _QUALIFIER_BEFORE.items():
        position = clause.rfind(word)
        if position >= 0 and (best is None or position + len(word) > best[0]):
            best = (position + len(word), qualifier)
    return best


def qualifier_of(text: str, start: int, end: int) -> str | None:
    """A qualifier right after the number, or anywhere earlier in its clause (约占…的 16%)."""
    # Within 60 characters: a clause is shorter, and a text of thousands of numbers must not
    # rescan everything before each one.
    window = max(0, start - 60)
    clause_start = max(
        (m.end() for m in _CLAUSE_START.finditer(text, window, start)), default=window
    )
    clause = _NOT_QUALIFIER.sub("  ", text[clause_start:start])
    # The usual clause has no character a qualifier word begins with: nothing to look for.
    best = _last_qualifier(clause) if _QUALIFIER_CHARACTER.search(clause) else None
    if best:
        return best[1]
    after = text[end : end + 8]
    match = _QUALIFIER_AFTER_WORD.match(after)
    if match and not (
        match.group(1) == "多" and after.lstrip().startswith(("多数", "多个", "多种"))
    ):
        return _QUALIFIER_AFTER[match.group(1)]
    return None


_DIRECTION_WORDS = tuple(sorted(_DIRECTIONS, key=len, reverse=True))
_BETWEEN_DIRECTION = re.compile(r"(?:了|约|约为|超过|达|达到|为|近|逾|\s)+$")


def direction_of(text: str, start: int) -> int:
    before = _BETWEEN_DIRECTION.sub("", text[max(0, start - 8) : start])
    if not before.endswith(_DIRECTION_WORDS):
        return 0
    for word in _DIRECTION_WORDS:
        if before.endswith(word):
            return _DIRECTIONS[word]
    return 0


def measure_of(word: str | None, text: str, start: int, end: int) -> str | None:
    """The unit of measure's symbol; 度 is °C or °F only after 摄氏/华氏 (零下 means °C)."""
    if not word:
        return None
    unit = MEASURES[word]
    if unit == "km" and (
        text.endswith("每小时", 0, start) or text.startswith(("每小时", "/小时"), end)
    ):
        return "km/h"
    if unit == "°":
        before = text[max(0, start - 2) : start]
        if before == "华氏":
            return "°F"
        return "°C" if before == "摄氏" or text.startswith("零下", start) else None
    return unit
