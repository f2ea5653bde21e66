"""Reading Chinese numerals and normalising Chinese text before any number is read.

``chinese_numeral`` turns 二十二, 一亿零五百万, 七点二五, 一九九八 into values; ``normalise`` maps
Traditional to Simplified, full-width digits to ASCII and 大写 numerals (壹, 贰 …) to ordinary
ones, one character for one, so spans found in the normal text index the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from align.lang.zh import to_simplified
from align.numbers.chinese_units import COUNTERS

DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_TENS_CHARACTERS = {"廿": 20, "卅": 30}
_LARGE_UNITS = {"兆": 1e12, "亿": 1e8, "万": 1e4}
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千廿卅"
NUMERAL_DIGITS = "零〇一二两三四五六七八九"

ARABIC = (
    r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u2009\u00a0]\d{3})+(?![\d.,])|\d+(?:\.\d+)?"
)

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
        if ch in DIGIT_VALUES or ch.isdecimal():
            if digit:  # a digit not yet taken by a unit (零 is only a placeholder)
                return None  # 三四 (three or four) is an approximation; 一零零 is digit by digit
            value = DIGIT_VALUES[ch] if ch in DIGIT_VALUES else int(ch)
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


def digitwise(text: str) -> float | None:
    """一九九八 → 1998, 二〇〇七 → 2007, 一一 → 11: digit characters read one by one. Two
    neighbouring digits are an approximation instead (三四 is three or four)."""
    if len(text) < 2 or any(ch not in DIGIT_VALUES for ch in text):
        return None
    if len(text) == 2:
        a, b = (DIGIT_VALUES[ch] for ch in text)
        if b == a + 1 or (a, b) == (3, 5) or a == 0:
            return None
    return float("".join(str(DIGIT_VALUES[ch]) for ch in text))


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
        if not digits or not (arabic or all(ch in DIGIT_VALUES for ch in digits)):
            return None
        head = chinese_numeral(whole) if whole else None
        if head is None:
            return None
        written = digits if arabic else "".join(str(DIGIT_VALUES[ch]) for ch in digits)
        decimal = float("0." + written)
        return (head + decimal) * scale_of(scale_chars)
    for unit, size in _LARGE_UNITS.items():
        if unit in text:
            left, _, right = text.partition(unit)
            high = chinese_numeral(left) if left else 1.0
            low = chinese_numeral(right) if right else 0.0
            if high is None or low is None:
                return None
            if len(right) == 1 and right in DIGIT_VALUES and low:
                low *= size / 10  # 二十四万五 = 245,000, 一万六 = 16,000
            return high * size + low
    found = _section(text)
    return found if found is not None else digitwise(text)


def scale_of(text: str) -> float:
    value = 1.0
    for ch in text:
        value *= _SMALL_UNITS.get(ch, 1) * _LARGE_UNITS.get(ch, 1)
    return value


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
        counted = match.string[match.end() : match.end() + 1] in COUNTERS
        valued = match.string[match.start() - 1 : match.start()] in _VALUE_BEFORE
        if not ((counted and valued) if run in _COMMON_CHARACTERS else (counted or valued)):
            return run
    return run.translate(_CAPITAL_TABLE)


def normalise(text: str) -> str:
    """Simplified script, ASCII digits/percent and ordinary numerals for 大写 ones, one
    character for one (offsets unchanged)."""
    simple = to_simplified(text).translate(_FULL_WIDTH)
    if _ANY_CAPITAL.search(simple):
        simple = _CAPITAL_RUN.sub(_capitals, simple)
    return simple


def numeral_or_digits(value: str) -> float | None:
    if value[0].isdigit():
        digits = value.rstrip("万亿")
        return float(digits) * scale_of(value[len(digits) :])
    return chinese_numeral(value)


def year_value(written: str) -> int:
    if written.isascii():
        return int(written)
    return int(digitwise(written) or chinese_numeral(written) or 0)  # 一九九八, 两千零五
