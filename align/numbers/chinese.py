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
from collections.abc import Iterable, Iterator

from align.lang.zh import to_simplified
from align.models import Span
from align.numbers.facts import (
    Claimed,
    NumberFact,
    parse_number,
    significant_digits,
    within_range,
)
from align.numbers.ranges import link_ranges

_DIGIT_CHARS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_TENS_CHARACTERS = {"廿": 20, "卅": 30}
_LARGE_UNITS = {"兆": 1e12, "亿": 1e8, "万": 1e4}
_CN = "零〇一二两三四五六七八九十百千廿卅"
_DIGITS = "零〇一二两三四五六七八九"
_CURRENCIES = {
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "人民币": "CNY", "元": "CNY",
    "欧元": "EUR", "英镑": "GBP", "日圆": "JPY", "日元": "JPY", "新台币": "TWD", "台币": "TWD",
    "块钱": "CNY", "韩元": "KRW", "韩圆": "KRW", "卢比": "INR", "澳元": "AUD", "澳币": "AUD",
    "加元": "CAD", "加币": "CAD", "新加坡元": "SGD", "新元": "SGD", "瑞士法郎": "CHF",
    "法郎": "CHF", "卢布": "RUB", "泰铢": "THB", "越南盾": "VND", "比索": "MXN", "令吉": "MYR",
    "林吉特": "MYR",
}  # fmt: skip
_CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "HK$": "HKD", "NT$": "TWD", "€": "EUR",
                    "£": "GBP", "¥": "CNY", "RMB": "CNY"}  # fmt: skip
_UNITS = {"%": "percent", "个百分点": "points", "百分点": "points", "个基点": "bp",
          "基点": "bp", "倍": "multiple"}  # fmt: skip
# 二倍体 (diploid), 倍数 (multiple), 倍率: words built on 倍, not "N times".
_NOT_TIMES = "体数性率型"
# Counters and label nouns after a numeral (第5区, 第二阶段, 三个): the numeral is a number.
_COUNTERS = (
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


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ARABIC = (
    r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u00a0]\d{3})+(?![\d.,])|\d+(?:\.\d+)?"
)
_KILO = {"克": "千克", "米": "千米", "瓦": "千瓦"}
# Units of measure, compared like currencies (kept as a symbol in NumberFact.currency).
_MEASURES = {
    "公里": "km", "千米": "km", "公尺": "m", "米": "m", "厘米": "cm", "公分": "cm",
    "毫米": "mm", "公斤": "kg", "千克": "kg", "克": "g", "吨": "t", "公吨": "t",
    "英里": "mile", "哩": "mile", "英尺": "ft", "呎": "ft", "英寸": "in", "磅": "lb",
    "平方公里": "km²", "平方千米": "km²", "平方米": "m²", "平方公尺": "m²", "公顷": "ha",
    "千瓦时": "kWh", "千瓦": "kW", "兆瓦": "MW", "秒": "s", "分钟": "min", "小时": "h",
    "毫升": "ml", "升": "l", "摄氏度": "°C", "华氏度": "°F", "度": "°",
}  # fmt: skip
_NUMBER = re.compile(
    rf"(?P<neg>负值?\s{{0,3}}|零下|(?<![A-Za-z0-9_.,)/-])[-−–](?=\d))?"
    rf"(?P<cur>US\$|HK\$|NT\$|RMB|\$|€|£|¥)?\s{{0,3}}"
    rf"(?:(?P<num>{_ARABIC})\s{{0,3}}(?P<more>多|余)?\s{{0,3}}"
    rf"(?P<scale>(?:千(?![克米瓦])|[十百])[万亿兆]*|[万亿兆]+)?"
    # 3万2千, 2万5, 200亿零四千230: digits and numerals after 万/亿 continue the number, and
    # digits after 千/百 fill the places below (1千230, 1百01, 3千5 = 3,500)
    rf"(?P<tail>(?<=亿)[{_CN}\d万]+(?![克米瓦])|(?<=万)[{_CN}\d]+(?![克米瓦])"
    r"|(?<=千)(?:\d百(?:\d{1,2}(?![\d.]))?|\d{1,3}(?![\d.]))|(?<=百)\d{1,2}(?![\d.]))?"
    # 七点二五, 一百点123: the decimals in numerals or in digits
    rf"|(?P<cn>[{_CN}][{_CN}万亿兆]*(?:点(?:[{_DIGITS}]+|\d+)[万亿兆]*)?))"
    rf"\s{{0,3}}(?P<unit>%|{_alternation(k for k in _UNITS if k not in {'%', '倍'})}"
    rf"|倍(?![{_NOT_TIMES}])"
    rf"|成(?![长为功本立员果绩熟就交型效品分不]))?"
    # 块 is the spoken 元 (五块, 三块多) where no noun follows it (五块蛋糕 is five pieces)
    rf"\s{{0,3}}(?P<curword>{_alternation(_CURRENCIES)}|块(?=多|左右|上下|[^\u3400-\u9fff]|$))?"
    rf"(?P<measure>(?<![万亿兆])(?:{_alternation(_MEASURES)})(?![{_CN}]))?"
)
# 百分之七点五; 百分三十 and 百分百 are said too (but 百分点 is "points", with no numeral).
_PERCENT_WORD = re.compile(rf"(?P<neg>负)?百分之?(?P<num>{_ARABIC}|[{_CN}]+(?:点[{_DIGITS}]+)?)")
_QUARTER = re.compile(r"第\s{0,3}(?P<q>[1-4一二三四])\s{0,3}(?:财|财政|会计|财务)?季")
# 第4-8天 (4th to 8th day): Arabic ordinals, compared with English 4th-8th.
# A Chinese-numeral ordinal counts only before a counter (第十个年头), not in 第一，(firstly).
_ORDINAL = re.compile(
    rf"第\s{{0,3}}(?P<o>\d+[万亿]?|[{_CN}][{_CN}万亿]*(?=\s{{0,3}}[{_COUNTERS}]))"
    rf"(?:\s{{0,3}}[-–~～至到]\s{{0,3}}"
    rf"(?P<o2>\d+[万亿]?|[{_CN}][{_CN}万亿]*(?=\s{{0,3}}[{_COUNTERS}])))?"
)
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
    rf"(?<![{_CN}第万亿点])(?P<pre>[{_CN}万亿]*[十百千万亿])?"
    rf"(?P<a>[一二三四五六七八])(?P<b>[二三四五六七八九])(?P<unit>(?:[十百]|千(?![克米瓦]))?[万亿]?)"
    rf"(?![{_DIGITS}点])"
)
_DIGIT_PAIR = re.compile("[一二三四五六七八][二三四五六七八九]")
_RANGE_JOINER = re.compile(r"^\s*(?:至|到|~|～|-|–|—)\s*$")


_ARABIC_RUN = re.compile(r"\d+|\D")


def _section(text: str) -> float | None:
    """A numeral below 万: digits with 十/百/千 (一百零五 → 105, 十二 → 12, 两千四 → 2,400:
    a last digit right after a unit is the next unit down, as people say it). Arabic digits
    may stand for numerals (1百01 = 101, 四千230 = 4,230, 3千5 = 3,500)."""
    total, digit, last_unit, zero = 0.0, None, 0, False
    run = False  # the pending digit was written as several Arabic digits (230)
    tokens: Iterable[str] = text
    if not text.isdigit() and any("0" <= ch <= "9" for ch in text):
        tokens = _ARABIC_RUN.findall(text)
    for ch in tokens:
        if ch in _DIGIT_CHARS or ch.isdecimal():
            if digit:  # a digit not yet taken by a unit (零 is only a placeholder)
                return None  # 三四 (three or four) is an approximation; 一零零 is digit by digit
            value = _DIGIT_CHARS[ch] if ch in _DIGIT_CHARS else int(ch)
            zero = zero or value == 0 or (len(ch) > 1 and ch[0] == "0")  # 1百01
            if last_unit and value >= last_unit:
                return None  # 1百230: more than the unit before it leaves room for
            digit, run = value, len(ch) > 1
        elif ch in _TENS_CHARACTERS:  # 廿二 = 22, 卅 = 30
            if digit is not None or (last_unit and last_unit <= 10):
                return None
            total += _TENS_CHARACTERS[ch]
            digit, last_unit, zero = None, 10, False
        elif ch in _SMALL_UNITS:
            if last_unit and _SMALL_UNITS[ch] >= last_unit:
                return None  # 百千: not a numeral
            total += (digit or 1) * _SMALL_UNITS[ch]  # 两千零十: 零 then 十 is ten
            digit, last_unit, zero = None, _SMALL_UNITS[ch], False
        else:
            return None
    if digit and last_unit >= 100 and not zero and not run:
        return total + digit * last_unit / 10  # 两千四 = 2,400, 三百五 = 350
    return total + (digit or 0)


def _digitwise(text: str) -> float | None:
    """一九九八 → 1998, 二〇〇七 → 2007, 一一 → 11: digit characters read one by one. Two
    neighbouring digits are an approximation instead (三四 is three or four)."""
    if len(text) < 2 or any(ch not in _DIGIT_CHARS for ch in text):
        return None
    if len(text) == 2:
        a, b = (_DIGIT_CHARS[ch] for ch in text)
        if b == a + 1 or (a, b) == (3, 5) or a == 0:
            return None
    return float("".join(str(_DIGIT_CHARS[ch]) for ch in text))


def chinese_numeral(text: str) -> float | None:
    """二十二 → 22, 一百八十 → 180, 三千万 → 30,000,000, 一亿零五百万 → 105,000,000,
    二十四万五 → 245,000, 七点二五 → 7.25, 十二点五亿 → 1,250,000,000, 一九九八 → 1998."""
    if not text:
        return None
    whole, point, fraction = text.partition("点")
    if point:
        scale_chars = fraction[len(fraction.rstrip("万亿兆")) :]
        digits = fraction[: len(fraction) - len(scale_chars)]
        arabic = digits.isdecimal()  # 一百点123
        if not digits or not (arabic or all(ch in _DIGIT_CHARS for ch in digits)):
            return None
        head = chinese_numeral(whole) if whole else None
        if head is None:
            return None
        written = digits if arabic else "".join(str(_DIGIT_CHARS[ch]) for ch in digits)
        decimal = float("0." + written)
        return (head + decimal) * _scale(scale_chars)
    for unit, size in _LARGE_UNITS.items():
        if unit in text:
            left, _, right = text.partition(unit)
            high = chinese_numeral(left) if left else 1.0
            low = chinese_numeral(right) if right else 0.0
            if high is None or low is None:
                return None
            if len(right) == 1 and right in _DIGIT_CHARS and low:
                low *= size / 10  # 二十四万五 = 245,000, 一万六 = 16,000
            return high * size + low
    found = _section(text)
    return found if found is not None else _digitwise(text)


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


# 大写 (financial) numerals: mapped to the ordinary ones only inside a run of numeral
# characters that has two or more of them, so 大陆, 队伍, 拾取 stay words.
_CAPITALS = {
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "叄": "三", "參": "三", "参": "三", "肆": "四",
    "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十",
    "佰": "百", "仟": "千", "圆": "元",
}  # fmt: skip
_NUMERAL_RUN = "零〇一二两三四五六七八九十百千万亿点元角分"
_CAPITAL_RUN = re.compile(
    f"[{''.join(_CAPITALS)}{_NUMERAL_RUN}]*[{''.join(_CAPITALS)}][{''.join(_CAPITALS)}{_NUMERAL_RUN}]*"
)
_CAPITAL_TABLE = str.maketrans(_CAPITALS)
_COMMON_CHARACTERS = set("陆陸伍参參拾圆")
# …unless a verb that takes a number comes right before it: 增长了伍个百分点.
_VALUE_BEFORE = set("了是为有共约达到计负")
_ANY_CAPITAL = re.compile(f"[{''.join(_CAPITALS)}]")


def _capitals(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) < 2:
        # 陆续, 陆家嘴, 队伍, 拾取: a lone capital that is also a common character counts only
        # between a verb that takes a number and a counter (增长了伍个); one no word uses
        # (壹, 贰 …) after such a verb or before a counter (总数是壹, 负壹, 壹个).
        counted = match.string[match.end() : match.end() + 1] in _COUNTERS
        valued = match.string[match.start() - 1 : match.start()] in _VALUE_BEFORE
        if not ((counted and valued) if run in _COMMON_CHARACTERS else (counted or valued)):
            return run
    return run.translate(_CAPITAL_TABLE)


def _normalise(text: str) -> str:
    """Simplified script, ASCII digits/percent and ordinary numerals for 大写 ones, one
    character for one (offsets unchanged)."""
    simple = to_simplified(text).translate(_FULL_WIDTH)
    if _ANY_CAPITAL.search(simple):
        simple = _CAPITAL_RUN.sub(_capitals, simple)
    return simple


_CLAUSE_START = re.compile(r"[，,。；;！？!?：:、]")
# Words that contain a qualifier character without meaning it: 合约 (contract), 最近 (lately).
_NOT_QUALIFIER = re.compile(r"[合纽条预签契节公制邀履]约|[最附]近|超[级市越]")


_QUALIFIER_CHARACTER = re.compile(f"[{''.join(sorted({w[0] for w in _QUALIFIER_BEFORE}))}]")
_QUALIFIER_AFTER_WORD = re.compile(rf"\s*[{_COUNTERS}]?\s*({_alternation(_QUALIFIER_AFTER)})")


def _last_qualifier(clause: str) -> tuple[int, str] | None:
    """The qualifier word ending last in ``clause`` (the first listed on a tie): (end, kind)."""
    best = None
    for word, qualifier in _QUALIFIER_BEFORE.items():
        position = clause.rfind(word)
        if position >= 0 and (best is None or position + len(word) > best[0]):
            best = (position + len(word), qualifier)
    return best


def _qualifier(text: str, start: int, end: int) -> str | None:
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


def _direction(text: str, start: int) -> int:
    before = _BETWEEN_DIRECTION.sub("", text[max(0, start - 8) : start])
    if not before.endswith(_DIRECTION_WORDS):
        return 0
    for word in _DIRECTION_WORDS:
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
    measure = g["measure"]
    before = text[max(0, start - 1) : start]
    after = text[end : end + 2]
    if g["num"] is not None:
        prev = text[start - 1] if start else " "
        glued = (
            prev == "-" and start > 1 and text[start - 2].isascii() and text[start - 2].isalpha()
        )
        identifier = not unit and _IDENTIFIER_AFTER.match(after)  # 95%CI is 95%
        if (prev.isascii() and prev.isalpha()) or glued or identifier:
            return None  # 10-Q, COVID-19, SCORE-15, Q3, 17p13, 4A (but 20.4ns is a number)
        value = parse_number(g["num"])
        digits = significant_digits(g["num"])
        if scale_text and "." not in g["num"]:
            # 1830万: every written digit counts; a trailing zero before 万 is a digit, not padding
            digits = len(_written_digits(g["num"]))
        if g["tail"]:
            value = value * _scale(scale_text) + _tail(g["tail"], scale_text)
            scale_text = ""
        weak = False
    else:
        cn = g["cn"]
        measure = g["measure"]
        if cn.endswith("千") and measure in _KILO:
            cn, measure = cn[:-1], _KILO[measure]  # 五千克 is 5 kg, not 5,000 g
        parsed = chinese_numeral(cn)
        if parsed is None or cn[0] in "百千万亿兆" or (not parsed and cn not in {"零", "〇"}):
            return None  # 千个 (thousands of), 三四个 (three or four)
        if before == "第" or _APPROXIMATE_BEFORE.search(before):
            return None  # 第一 is an ordinal; 数百, 几十 are vague
        if cn == "一" and g["curword"] == "块" and before in {"在", "到", "成"}:
            return None  # 在一块 is "together"
        has_unit = bool(
            unit
            or g["curword"]
            or measure
            or g["neg"]
            or re.search("[十百千万亿兆点]", cn)
            or (len(cn) >= 4 and _digitwise(cn) is not None)  # 一九九八, 二〇〇七: digit by digit
        )
        bare_value = _BARE_BEFORE.search(text, 0, start) and _CLAUSE_END.match(text, end)
        if not has_unit and not re.match(rf"\s*[{_COUNTERS}]", after) and not bare_value:
            return None
        explicit = unit or g["curword"] or measure or g["neg"]
        if parsed == 1 and not re.search("[十百千万亿兆]", cn) and not (explicit or bare_value):
            return None  # 一个 is "a", not a count
        value = parsed
        digits = significant_digits(f"{parsed:.10g}")
        weak = parsed <= 10 and not (unit or g["curword"] or measure or "点" in cn)
        scale_text = cn[len(cn.rstrip("万亿兆")) :]
        value /= _scale(scale_text)  # applied again below, with the other scales
    value *= _scale(scale_text)
    kind = "amount"
    if unit == "成":
        kind, value = "percent", value * 10
    elif unit:
        kind = _UNITS[unit]
    currency = (
        _CURRENCY_PREFIX.get(g["cur"] or "")
        or _CURRENCIES.get(g["curword"] or "")
        or ("CNY" if g["curword"] == "块" else None)
        or _measure(measure, text, start, end)
    )
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


_UNIT_WORD = re.compile(rf"\s{{0,3}}(?:{_alternation([*_MEASURES, *_CURRENCIES])})")


def _approximate_range(match: re.Match[str], text: str) -> tuple[float, float] | None:
    """The two ends of 三五百 (300, 500) or 十五六 (15, 16); None for other digit pairs."""
    a, b = match.group("a"), match.group("b")
    if _DIGIT_CHARS[b] != _DIGIT_CHARS[a] + 1 and (a, b) != ("三", "五"):
        return None
    pre, unit = match.group("pre") or "", match.group("unit")
    after = text[match.end() : match.end() + 6]
    counted = re.match(rf"\s{{0,3}}[{_COUNTERS}]", after) or _UNIT_WORD.match(after)
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
        if len(tail) == 1 and tail in _DIGIT_CHARS:
            value *= _scale(scale_text[-1:]) / 10  # 2万五 = 25,000
        return value
    unit = _scale(tail[len(digits) :])
    if unit == 1 and len(digits) == 1:
        unit = _scale(scale_text[-1:]) / 10
    return float(digits) * unit


def _measure(word: str | None, text: str, start: int, end: int) -> str | None:
    """The unit of measure's symbol; 度 is °C or °F only after 摄氏/华氏 (零下 means °C)."""
    if not word:
        return None
    unit = _MEASURES[word]
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


def _cn_or_arabic(value: str) -> float | None:
    if value[0].isdigit():
        digits = value.rstrip("万亿")
        return float(digits) * _scale(value[len(digits) :])
    return chinese_numeral(value)


def _year(written: str) -> int:
    if written.isascii():
        return int(written)
    return int(_digitwise(written) or chinese_numeral(written) or 0)  # 一九九八, 两千零五


# Words before a bare 六点 that make it a time of day (elsewhere 两点 is "two points").
_AT_TIME = re.compile(r"[于在到从至自晚早]$")


def _special(name: str, match: re.Match[str], original: str) -> NumberFact | None:
    span = Span(*match.span())
    text = original[span.start : span.end]
    g = match.groupdict()
    if name == "percent":
        value = _cn_or_arabic(g["num"])
        if value is None:
            return None
        return NumberFact(span, text, -value if g["neg"] else value, kind="percent")
    if name == "fraction":
        return _fraction(span, text, g)
    if name == "money":
        return _money(span, text, g)
    if name == "quarter":
        return NumberFact(span, text, _cn_or_arabic(g["q"]) or 0, kind="quarter")
    if name == "half":
        return NumberFact(span, text, 1 if g["h"] == "上" else 2, kind="half")
    if name == "fiscal":
        year = _year(g["y"])
        if year < 100 and not re.search("财", match.group(0)):
            return None  # 12 年 is twelve years, not 2012
        return NumberFact(span, text, year + 2000 if year < 100 else year, kind="year")
    if name == "date":
        month = _cn_or_arabic(g["m"])
        day = _cn_or_arabic(g["d"]) if g["d"] else 0
        if not month or day is None or not 1 <= month <= 12:
            return None
        year = _year(g["y"]) if g["y"] else 0
        kind = "date" if day else "month"
        return NumberFact(span, text, year * 10000 + month * 100 + day, kind=kind, weak=not day)
    if name == "time":
        hour = _cn_or_arabic(g["h"] or g["h2"])
        if hour is None or hour > 24 or (hour == 0 and not (g["mi2"] or g["ampm"])):
            return None
        if g["mi3"] and g["mi3"].startswith("零") and not g["ampm"]:
            return None  # 一点零二 is 1.02 unless 早上/下午 says it is a time
        said = g["ampm"] or g["mi2"] or g["mi3"] or g["half"] or g["ke"] or g["oclock"]
        if g["h2"] and not said:
            # 一点 is "a little" and 两点 "two points"; 于六点 (at six) is a time.
            at = _AT_TIME.search(match.string, 0, span.start)
            following = match.string[span.end : span.end + 1]
            decimal = following in _DIGIT_CHARS or following.isdecimal()  # 到七点二五, 到三点75
            if hour < 2 or not at or at.end() != span.start or decimal:
                return None
        minute = (
            int(g["mi"] or 0)
            or int(_cn_or_arabic(g["mi2"] or g["mi3"] or "0") or 0)
            or (30 if g["half"] else 0)
            or (15 * int(_cn_or_arabic(g["ke"]) or 0) if g["ke"] else 0)
        )
        if g["ampm"] in {"下午", "晚上"} and hour < 12:
            hour += 12
        return NumberFact(span, text, hour + minute / 60, kind="time")
    return None


def _fraction(span: Span, text: str, g: dict[str, str | None]) -> NumberFact | None:
    """五分之二 = 0.4, 5分之2, 2/5, 1又1/2 = 1.5; 千分之三 = 0.3%, 万分之五 = 0.05%."""
    denominator = _cn_or_arabic(g["den"] or g["den2"] or "")
    numerator = _cn_or_arabic(g["numr"] or g["numr2"] or "")
    if not denominator or numerator is None:
        return None
    whole = _cn_or_arabic(g["whole"]) if g["whole"] else 0.0
    if whole is None:
        return None
    sign = -1 if g["neg"] else 1
    if g["den"] in {"百", "千", "万"} and not whole:  # per cent, per mille, per ten thousand
        return NumberFact(span, text, sign * numerator * 100 / denominator, kind="percent")
    return NumberFact(span, text, sign * (whole + numerator / denominator), digits=2)


def _money(span: Span, text: str, g: dict[str, str | None]) -> NumberFact | None:
    """八元五角 = 8.5 元, 十二块五毛 = 12.5, 三块五 = 3.5, 五元二角三分 = 5.23."""
    if not (g["jiao"] or g["fen"] or g["jiao2"]):
        return None  # plain 5元 is read with the other currencies
    if not g["yuan"] and not g["jiao"]:
        return None  # 五分 alone is five points or minutes
    yuan = _cn_or_arabic(g["yuan"]) if g["yuan"] else 0.0
    if yuan is None:
        return None
    jiao = _cn_or_arabic(g["jiao"] or g["jiao2"] or "0") or 0
    fen = _cn_or_arabic(g["fen"] or "0") or 0
    value = yuan + jiao / 10 + fen / 100
    return NumberFact(span, text, value, currency="CNY", digits=significant_digits(f"{value:g}"))


_CN_OR_ARABIC = rf"\d+(?:\.\d+)?|[{_CN}]+(?:点[{_DIGITS}]+)?"
_FRACTION = re.compile(
    rf"(?P<neg>负|-)?(?:(?P<whole>\d+|[{_CN}]+)又)?"
    rf"(?:(?P<den>\d+|[{_CN}]+)分之(?P<numr>{_CN_OR_ARABIC})"
    r"|(?<![A-Za-z0-9_/.])(?P<numr2>\d{1,3})/(?P<den2>\d{1,4})(?![A-Za-z0-9_/]))"
)
_JIAO = rf"(?P<jiao>[{_DIGITS}\d])\s{{0,3}}(?:毛|角(?!形|度|色|落|逐|大楼))"
_FEN = rf"零?(?P<fen>[{_DIGITS}\d])\s{{0,3}}分(?!之|钟|析|别|开|布|配|享|子|类|数)"
# 八元五角, 十二块五毛, 三块五, 五元二角三分; or 五毛, 三角钱 alone.
_MONEY = re.compile(
    rf"(?:(?P<yuan>\d+|[{_CN}]+)\s{{0,3}}(?:元|块钱?)|(?<![{_CN}\d])(?=[{_DIGITS}\d]\s{{0,3}}[毛角]))"
    rf"(?:{_JIAO})?(?:{_FEN})?"
    rf"(?P<jiao2>(?<=块)[{_DIGITS}\d](?![{_CN}\d万亿角毛分]))?"
)
_SPECIAL = [
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


def _present(text: str) -> set[str]:
    return set(_NEEDLES.findall(text))


# …and, for the patterns whose needed strings are common words (时 in 同时, 分 in 部分, 年),
# what a match cannot do without: a digit or numeral right before the word. One C-level
# search each, instead of trying the pattern at every position of the text.
_CORES = {
    "date": re.compile(r"[\d一二三四五六七八九十]\s{0,3}月"),
    "time": re.compile(r"[\d零一二两三四五六七八九十]\s{0,3}[点时]|\d[:：]\d"),
    "money": re.compile(rf"[{_DIGITS}\d]\s{{0,3}}[毛角分]|块[{_DIGITS}\d]"),
    "fiscal": re.compile(r"[\d零〇一二三四五六七八九十千]\s{0,3}(?:财|会计|年)"),
}


def _may_match(name: str, present: set[str], text: str = "") -> bool:
    if present.isdisjoint(_NEEDS[name]):
        return False
    core = _CORES.get(name)
    return core is None or core.search(text) is not None


# Where a match of _NUMBER can begin: it opens with optional groups (sign, currency, spaces),
# so finditer would try it at every character of the text.
_NUMBER_START = re.compile(rf"\s|负|[-−–](?=\d)|US\$|HK\$|NT\$|RMB|[$€£¥\d{_CN}]")


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """``_NUMBER.finditer(text)``, the pattern tried only where a match can begin."""
    find, match_at = _NUMBER_START.search, _NUMBER.match
    start = find(text)
    while start is not None:
        position = start.start()
        match = match_at(text, position)
        if match is not None and match.end() > position:
            yield match
            start = find(text, match.end())
        else:
            start = find(text, position + 1)


def extract_chinese(text: str) -> list[NumberFact]:
    """Every numeric fact in ``text``, in order; spans index the text as given."""
    normal = _normalise(text)
    present = _present(normal)
    taken = Claimed()
    facts: list[NumberFact] = []
    free = taken.free

    for name, pattern in _SPECIAL:
        if not _may_match(name, present, normal):
            continue
        for match in pattern.finditer(normal):
            if match.group(0).strip() and free(*match.span()):
                fact = _special(name, match, text)
                if fact is not None:
                    taken.claim(fact.span.start, fact.span.end)
                    facts.append(fact)
    ordinals = _ORDINAL.finditer(normal) if _may_match("ordinal", present) else ()
    for match in ordinals:  # after 第N季, which the specials took
        if not free(*match.span()):
            continue
        for group in ("o", "o2"):
            written = match.group(group)
            value = _cn_or_arabic(written) if written else None
            if value:
                span = Span(match.start(group), match.end(group))
                ordinal = NumberFact(
                    span,
                    text[span.start : span.end],
                    value,
                    kind="ordinal",
                    # 第一次, 第二个 often stand for "first", "second" with no digit
                    weak=not written[0].isdigit() and value <= 10,
                )
                facts.append(ordinal)
        taken.claim(*match.span())
    neighbours = _NEIGHBOURS.finditer(normal) if _DIGIT_PAIR.search(normal) else ()
    for match in neighbours:
        if free(*match.span()):
            ends = _approximate_range(match, normal)
            if ends:
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
    for match in _numbers(normal):
        if not match.group(0).strip() or not free(*match.span()):
            continue
        fact = _number(match, normal, text)
        if fact is not None:
            taken.claim(fact.span.start, fact.span.end)
            facts.append(fact)
    facts.sort(key=lambda f: f.span.start)
    facts = within_range(facts)  # 309 nines: exact, beyond float
    return link_ranges(normal, facts, _RANGE_JOINER)
