"""Round trips: a random value written in English and in Chinese, in any of the ways people
and MT write it, compares equal; one controlled change to the Chinese is flagged.

The renderers here are the test's own oracle, written from the languages' rules, not from
the readers under test.
"""

from __future__ import annotations

import opencc
from hypothesis import given
from hypothesis import strategies as st

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment, Severity

_CHECKER = Checker(Settings(select=("N",)))
_S2T = opencc.OpenCC("s2twp.json")

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def english_words(n: int) -> str:
    """342,017 → three hundred forty two thousand seventeen."""

    def below_thousand(k: int) -> list[str]:
        words = []
        if k >= 100:
            words += [_EN_UNITS[k // 100], "hundred"]
            k %= 100
        if k >= 20:
            words.append(_EN_TENS[k // 10])
            k %= 10
        if k:
            words.append(_EN_UNITS[k])
        return words

    if n == 0:
        return "zero"
    words: list[str] = []
    for size, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (1, "")):
        if n >= size:
            words += below_thousand(n // size) + ([name] if name else [])
            n %= size
    return " ".join(words)


_ZH_DIGITS = "零一二三四五六七八九"
_CAPITAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def chinese_numeral(n: int, *, financial: bool = False) -> str:
    """342,017 → 三十四万二千零一十七 (the standard written form, 零 for each gap); 10 is 十,
    or 一十 in the financial style, where 大写 writes 壹拾."""

    def below_myriad(k: int, leading: bool) -> str:
        out, gap = "", False
        for size, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = k // size % 10
            if digit:
                if gap or (not out and not leading and size < 1000):
                    out += "零"
                bare_ten = unit == "十" and digit == 1 and not out and leading and not financial
                out += ("" if bare_ten else _ZH_DIGITS[digit]) + unit
                gap = False
            elif out:
                gap = True
        return out

    if n == 0:
        return "零"
    parts, first = [], True
    for size, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // size % 10**4 if size < 10**8 else n // size
        if chunk:
            parts.append(below_myriad(chunk, first) + unit)
            first = False
        elif parts and n % size:
            parts.append("")
    return "".join(parts).replace("零零", "零")


def myriad_form(n: int) -> str:
    """2,700,000 → 270万; 123,000,000 → 1.23亿 (digits with the largest exact myriad unit)."""
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            scaled = f"{n / size:.6f}".rstrip("0").rstrip(".")
            if float(scaled) * size == n:
                return scaled + unit
    return str(n)


def _warnings(source: str, target: str) -> list[str]:
    pair = Pair("p", Segment(source, "t", (1,)), Segment(target, "t", (2,)))
    found = _CHECKER.check_pair(pair).findings
    return [f.code for f in found if f.severity >= Severity.WARNING]


_VALUES = st.one_of(
    st.integers(min_value=11, max_value=999_999_999),
    st.integers(min_value=1, max_value=9_999).map(lambda k: k * 10_000),
)
_EN_FORMS = st.sampled_from(["digits", "words"])
_ZH_FORMS = st.sampled_from(["digits", "fullwidth", "myriad", "numeral", "capital"])


def english(n: int, form: str) -> str:
    return f"{n:,}" if form == "digits" else english_words(n)


def chinese(n: int, form: str) -> str:
    if form == "digits":
        return f"{n:,}"
    if form == "fullwidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if form == "myriad":
        return myriad_form(n)
    if form == "capital":
        return chinese_numeral(n, financial=True).translate(_CAPITAL)
    return chinese_numeral(n)


@given(_VALUES, _EN_FORMS, _ZH_FORMS, st.booleans())
def test_a_value_in_any_form_compares_equal(n, en_form, zh_form, traditional):
    target = f"總數為{chinese(n, zh_form)}個。"
    target = _S2T.convert(target) if traditional else target
    assert _warnings(f"The total was {english(n, en_form)}.", target) == []


@given(_VALUES, _EN_FORMS, _ZH_FORMS)
def test_a_changed_digit_is_flagged(n, en_form, zh_form):
    # The leading digit changed: same precision, a different figure.
    leading = int(str(n)[0])
    changed = n + (10 ** (len(str(n)) - 1)) * (1 if leading < 9 else -1)
    target = f"總數為{chinese(changed, zh_form)}個。"
    assert {"N203", "N204"} & set(_warnings(f"The total was {english(n, en_form)}.", target))


@given(_VALUES, _ZH_FORMS)
def test_a_percent_turned_into_points_is_flagged(n, zh_form):
    value = n % 1000 + 1
    target = f"增長了{chinese(value, zh_form)}個百分點。"
    assert "N207" in _warnings(f"Growth was {value}%.", target)


def test_oracle_renders_known_values():
    assert english_words(342_017) == "three hundred forty two thousand seventeen"
    assert chinese_numeral(342_017) == "三十四万二千零一十七"
    assert chinese_numeral(105_000_000) == "一亿零五百万"
    assert chinese_numeral(10) == "十"
    assert myriad_form(2_700_000) == "270万"
