"""Chinese numbers in fixed forms: dates, clock times, quarters, halves, fiscal years,
fractions, 百分之 percentages and money in 元角分.

Each form has its own pattern and reader (``read_form``); ``may_match`` says cheaply which
forms a text can hold at all, since most sentences have no date or quarter.
"""

from __future__ import annotations

import re

from align.models import Span
from align.numbers.chinese_numerals import (
    ARABIC,
    DIGIT_VALUES,
    NUMERAL_CHARS,
    NUMERAL_DIGITS,
    numeral_or_digits,
    year_value,
)
from align.numbers.facts import Kind, NumberFact, significant_digits

# 百分之七点五; 百分三十 and 百分百 are said too (but 百分点 is "points", with no numeral).
_PERCENT_WORD = re.compile(
    rf"(?P<neg>负)?百分之?(?P<num>{ARABIC}|[{NUMERAL_CHARS}]+(?:点[{NUMERAL_DIGITS}]+)?)"
)
_QUARTER = re.compile(r"第\s{0,3}(?P<q>[1-4一二三四])\s{0,3}(?:财|财政|会计|财务)?季")
_HALF = re.compile(r"(?P<h>上|下)半年")
_YEAR_DIGITS = "零〇一二三四五六七八九"
_YEAR_NUMERAL = "[一两二]千(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?"
_FISCAL = re.compile(
    rf"(?P<y>(?:19|20)\d\d|\d\d|[{_YEAR_DIGITS}]{{4}}|{_YEAR_NUMERAL})"
    r"\s{0,3}(?:财年|财政年度|会计年度|年度|年)"
)
_DATE = re.compile(
    # any year before a month (1876年7月), not only 19xx/20xx as a year alone
    rf"(?:(?P<y>1\d\d\d|20\d\d|[零〇一二三四五六七八九]{{4}}|{_YEAR_NUMERAL})\s{{0,3}}年\s{{0,3}})?"
    r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s{0,3}月"
    r"(?:\s{0,3}(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s{0,3}[日号])?"
)
_TIME = re.compile(
    r"(?P<ampm>上午|早上|中午|下午|晚上|凌晨)?\s{0,3}(?:(?P<h>\d{1,2})[:：](?P<mi>\d{2})"
    r"|(?P<h2>\d{1,2}|[零一二两三四五六七八九十]{1,3})\s{0,3}[点时]"
    r"(?:(?P<mi3>[二三四五]?十[一二三四五六七八九]?|零[一二三四五六七八九])"
    r"(?![分点万亿十零〇一二两三四五六七八九])"
    r"|\s{0,3}(?P<mi2>\d{1,2}|[零〇一二三四五六七八九十]{1,3})\s{0,3}分"
    r"(?:\s{0,3}(?:\d{1,2}|[零〇一二三四五六七八九十]{1,3})\s{0,3}秒)?"
    r"|(?P<half>半)|(?P<ke>[一二三])刻|(?P<oclock>钟|整))?)"
)

# Words before a bare 六点 that make it a time of day (elsewhere 两点 is "two points").
_AT_TIME = re.compile(r"[于在到从至自晚早]$")


def read_form(name: str, match: re.Match[str], original: str) -> NumberFact | None:
    span = Span(*match.span())
    text = original[span.start : span.end]
    g = match.groupdict()
    if name == "percent":
        value = numeral_or_digits(g["num"])
        if value is None:
            return None
        return NumberFact(span, text, -value if g["neg"] else value, kind=Kind.PERCENT)
    if name == "fraction":
        return _fraction(span, text, g)
    if name == "money":
        fact = _money(span, text, g)
        return fact and _bare_jiao(fact, match)
    if name == "quarter":
        return NumberFact(span, text, numeral_or_digits(g["q"]) or 0, kind=Kind.QUARTER)
    if name == "half":
        return NumberFact(span, text, 1 if g["h"] == "上" else 2, kind=Kind.HALF)
    if name == "fiscal":
        year = year_value(g["y"])
        if year < 100 and not re.search("财", match.group(0)):
            return None  # 12 年 is twelve years, not 2012
        return NumberFact(span, text, year + 2000 if year < 100 else year, kind=Kind.YEAR)
    if name == "date":
        month = numeral_or_digits(g["m"])
        day = numeral_or_digits(g["d"]) if g["d"] else 0
        if not month or day is None or not 1 <= month <= 12:
            return None
        year = year_value(g["y"]) if g["y"] else 0
        kind = Kind.DATE if day else Kind.MONTH
        return NumberFact(span, text, year * 10000 + month * 100 + day, kind=kind, weak=not day)
    if name == "time":
        hour = numeral_or_digits(g["h"] or g["h2"])
        if hour is None or hour > 24 or (hour == 0 and not (g["mi2"] or g["ampm"])):
            return None
        if g["mi3"] and g["mi3"].startswith("零") and not g["ampm"]:
            return None  # 一点零二 is 1.02 unless 早上/下午 says it is a time
        said = g["ampm"] or g["mi2"] or g["mi3"] or g["half"] or g["ke"] or g["oclock"]
        if g["h2"] and not said:
            # 一点 is "a little" and 两点 "two points"; 于六点 (at six) is a time.
            at = _AT_TIME.search(match.string, 0, span.start)
            following = match.string[span.end : span.end + 1]
            decimal = following in DIGIT_VALUES or following.isdecimal()  # 到七点二五, 到三点75
            if hour < 2 or not at or at.end() != span.start or decimal:
                return None
        minute = (
            int(g["mi"] or 0)
            or int(numeral_or_digits(g["mi2"] or g["mi3"] or "0") or 0)
            or (30 if g["half"] else 0)
            or (15 * int(numeral_or_digits(g["ke"]) or 0) if g["ke"] else 0)
        )
        if g["ampm"] in {"下午", "晚上"} and hour < 12:
            hour += 12
        return NumberFact(span, text, hour + minute / 60, kind=Kind.TIME)
    return None


def _fraction(span: Span, text: str, g: dict[str, str | None]) -> NumberFact | None:
    """五分之二 = 0.4, 5分之2, 2/5, 1又1/2 = 1.5; 千分之三 = 0.3%, 万分之五 = 0.05%."""
    denominator = numeral_or_digits(g["den"] or g["den2"] or "")
    numerator = numeral_or_digits(g["numr"] or g["numr2"] or "")
    if not denominator or numerator is None:
        return None
    whole = numeral_or_digits(g["whole"]) if g["whole"] else 0.0
    if whole is None:
        return None
    sign = -1 if g["neg"] else 1
    if g["den"] in {"百", "千", "万"} and not whole:  # per cent, per mille, per ten thousand
        return NumberFact(span, text, sign * numerator * 100 / denominator, kind=Kind.PERCENT)
    return NumberFact(span, text, sign * (whole + numerator / denominator), digits=2)


def _bare_jiao(fact: NumberFact, match: re.Match[str]) -> NumberFact:
    """角 alone is a corner or a horn as often as money (四角, 两角扣在), unless 钱 follows
    (三角钱): weak, so never reported as an extra amount, and either 0.4 yuan or four."""
    money = match["yuan"] or match["fen"] or match.string.startswith("钱", match.end())
    if money or "角" not in match.group(0):
        return fact
    return fact.with_(weak=True, alternatives=(round(fact.value * 10),))


def _money(span: Span, text: str, g: dict[str, str | None]) -> NumberFact | None:
    """八元五角 = 8.5 元, 十二块五毛 = 12.5, 三块五 = 3.5, 五元二角三分 = 5.23."""
    if not (g["jiao"] or g["fen"] or g["jiao2"]):
        return None  # plain 5元 is read with the other currencies
    if not g["yuan"] and not g["jiao"]:
        return None  # 五分 alone is five points or minutes
    yuan = numeral_or_digits(g["yuan"]) if g["yuan"] else 0.0
    if yuan is None:
        return None
    jiao = numeral_or_digits(g["jiao"] or g["jiao2"] or "0") or 0
    fen = numeral_or_digits(g["fen"] or "0") or 0
    value = yuan + jiao / 10 + fen / 100
    return NumberFact(span, text, value, currency="CNY", digits=significant_digits(f"{value:g}"))


_CN_OR_ARABIC = rf"\d+(?:\.\d+)?|[{NUMERAL_CHARS}]+(?:点[{NUMERAL_DIGITS}]+)?"
_FRACTION = re.compile(
    rf"(?P<neg>负|-)?(?:(?P<whole>\d+|[{NUMERAL_CHARS}]+)又)?"
    rf"(?:(?P<den>\d+|[{NUMERAL_CHARS}]+)分之(?P<numr>{_CN_OR_ARABIC})"
    r"|(?<![A-Za-z0-9_/.])(?P<numr2>\d{1,3})/(?P<den2>\d{1,4})(?![A-Za-z0-9_/]))"
)
_JIAO = rf"(?P<jiao>[{NUMERAL_DIGITS}\d])\s{{0,3}}(?:毛|角(?!形|度|色|落|逐|大楼))"
_FEN = rf"零?(?P<fen>[{NUMERAL_DIGITS}\d])\s{{0,3}}分(?!之|钟|析|别|开|布|配|享|子|类|数)"
# 八元五角, 十二块五毛, 三块五, 五元二角三分; or 五毛, 三角钱 alone.
_MONEY = re.compile(
    rf"(?:(?P<yuan>\d+|[{NUMERAL_CHARS}]+)\s{{0,3}}(?:元|块钱?)|(?<![{NUMERAL_CHARS}\d])(?=[{NUMERAL_DIGITS}\d]\s{{0,3}}[毛角]))"
    rf"(?:{_JIAO})?(?:{_FEN})?"
    rf"(?P<jiao2>(?<=块)[{NUMERAL_DIGITS}\d](?![{NUMERAL_CHARS}\d万亿角毛分]))?"
)
FORMS = [
    ("date", _DATE), ("time", _TIME), ("quarter", _QUARTER), ("half", _HALF),
    ("fraction", _FRACTION), ("percent", _PERCENT_WORD), ("money", _MONEY), ("fiscal", _FISCAL),
]  # fmt: skip
# What a text must contain for each pattern to match: most sentences have no date or quarter.
_NEEDS = {
    "date": ("月",), "time": ("点", "时", ":", "："), "quarter": ("季",), "half": ("半年",),
    "percent": ("百分",), "fiscal": ("年",), "ordinal": ("第",), "fraction": ("分之", "/"),
    "money": ("角", "毛", "块", "分"),  # 元 alone is read with the other currencies
}  # fmt: skip


# Every string some pattern needs, found in one pass over a text (a look-ahead, so 百分之
# yields both 百分 and 分之).
_NEEDLES = re.compile("(?=(" + "|".join(re.escape(n) for n in sorted(
    {n for needs in _NEEDS.values() for n in needs}, key=len, reverse=True)) + "))")  # fmt: skip


def needles_in(text: str) -> set[str]:
    return set(_NEEDLES.findall(text))


# …and, for the patterns whose needed strings are common words (时 in 同时, 分 in 部分, 年),
# what a match cannot do without: a digit or numeral right before the word. One C-level
# search each, instead of trying the pattern at every position of the text.
_CORES = {
    "date": re.compile(r"[\d一二三四五六七八九十]\s{0,3}月"),
    "time": re.compile(r"[\d零一二两三四五六七八九十]\s{0,3}[点时]|\d[:：]\d"),
    "money": re.compile(rf"[{NUMERAL_DIGITS}\d]\s{{0,3}}[毛角分]|块[{NUMERAL_DIGITS}\d]"),
    "fiscal": re.compile(r"[\d零〇一二三四五六七八九十千]\s{0,3}(?:财|会计|年)"),
}


def may_match(name: str, present: set[str], text: str = "") -> bool:
    if present.isdisjoint(_NEEDS[name]):
        return False
    core = _CORES.get(name)
    return core is None or core.search(text) is not None
