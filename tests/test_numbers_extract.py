"""Number extraction, English and Chinese: values, kinds and what is not a fact."""

import pytest

from align.numbers.chinese import chinese_numeral, extract_chinese
from align.numbers.english import extract_english
from align.numbers.facts import describe


def readings(facts):
    return [describe(f) for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revenue was $105.6 million", ["105,600,000 USD"]),
        (
            "$97.7 million and US$2bn and €3.5M",
            ["97,700,000 USD", "2,000,000,000 USD", "3,500,000 EUR"],
        ),
        ("up 180 basis points and 22 points", ["180 basis points", "22 percentage points"]),
        ("58% and 12 percent and 3 percentage points", ["58%", "12%", "3 percentage points"]),
        ("negative 3.2% and ($4.5) and -7", ["-3.2%", "-4.5 USD", "-7"]),
        ("two markets and twenty-two people", ["2", "22"]),
        ("2x faster, 3 times more", ["2×", "3×"]),
        ("the third quarter, Q4, fiscal 2019, FY24", ["Q3", "Q4", "2019", "2024"]),
        ("October 31, Feb 28, 2024 at 5:00 p.m.", ["10-31", "2024-02-28", "17:00"]),
        ("the first half and H2", ["H1", "H2"]),
        ("Reform Act of 1995", ["1995"]),
    ],
)
def test_english_values(text, expected):
    assert readings(extract_english(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Form 10-Q",
        "COVID-19 cases",
        "First, we grew.",
        "one of our customers",
        "a couple of deals",
        "hundreds of thousands of users",
        "Number two, security.",
        "we may grow",
    ],
)
def test_english_non_facts(text):
    assert extract_english(text) == []


def test_written_ordinals_are_facts_in_both_languages():
    # A changed or dropped ordinal is a warning (issue #18): 10th and 第 10 are not weak.
    (english,) = extract_english("our 10th year")
    (chinese,) = extract_chinese("第 10 年")
    assert english.kind == chinese.kind == "ordinal" and not english.weak and not chinese.weak
    assert english.value == chinese.value == 10
    # 第一次, 第二个: often "first", "second" with no digit in the English
    (small,) = extract_chinese("第二个")
    assert small.kind == "ordinal" and small.weak


def test_english_qualifiers_ranges_directions():
    facts = extract_english(
        "over 450 customers, approximately 110 million shares, up 58%, "
        "$107 million to $108 million, between 20 and 25 percent, talk about 100 deals"
    )
    assert [(describe(f), f.qualifier, f.direction, f.range_role) for f in facts] == [
        ("450", "gt", 0, None),
        ("110,000,000", "approx", 0, None),
        ("58%", None, 1, None),
        ("107,000,000 USD", None, 0, "low"),
        ("108,000,000 USD", None, 0, "high"),
        ("20%", None, 0, "low"),
        ("25%", None, 0, "high"),
        ("100", None, 0, None),
    ]


def test_english_range_inherits_scale():
    assert readings(extract_english("$2 to $3 million")) == ["2,000,000 USD", "3,000,000 USD"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.056 億美元", ["105,600,000 USD"]),
        ("9,770 萬美元 and 9,770 万美元", ["97,700,000 USD", "97,700,000 USD"]),
        ("3千萬 and 3000 萬", ["30,000,000", "30,000,000"]),
        ("１２％ and 百分之五十 and 三成", ["12%", "50%", "30%"]),
        ("180 個基點 and 22 個百分點", ["180 basis points", "22 percentage points"]),
        ("負 3.2% and 負值 14.2%", ["-3.2%", "-14.2%"]),
        ("兩個市場, 二十二個國家, 一百八十家公司", ["2", "22", "180"]),
        ("2019 財年第三季, 第四季度", ["2019", "Q3", "Q4"]),
        ("2023 年 12 月 31 日 and 10 月 31 日", ["2023-12-31", "10-31"]),
        ("下午 5:00 and 上半年", ["17:00", "H1"]),
        ("3 倍", ["3×"]),
    ],
)
def test_chinese_values(text, expected):
    assert readings(extract_chinese(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一些客戶",
        "統一平台",
        "第一，我們",
        "千個應用",
        "數百萬用戶",
        "一個季度",
        "10-Q 表格",
        "萬豪酒店",
    ],
)
def test_chinese_non_facts(text):
    assert extract_chinese(text) == []


def test_chinese_qualifiers_ranges():
    facts = extract_chinese("增加了 450 多個客戶，約占營收的 16%，1.07億至1.08億美元，四五年")
    assert [(describe(f), f.qualifier, f.range_role) for f in facts] == [
        ("450", "gt", None),
        ("16%", "approx", None),
        ("107,000,000 USD", None, "low"),
        ("108,000,000 USD", None, "high"),
        ("4", None, "low"),
        ("5", None, "high"),
    ]


def test_chinese_spans_index_the_original_traditional_text():
    text = "營收為 1.056 億美元，年增 58%。"
    assert [text[f.span.start : f.span.end] for f in extract_chinese(text)] == [
        "1.056 億美元",
        "58%",
    ]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("二十二", 22),
        ("一百八十", 180),
        ("兩千", 2000),
        ("三千万", 3e7),
        ("一亿零五百万", 1.05e8),
        ("十", 10),
        ("一百零五", 105),
        ("三四", None),
    ],
)
def test_chinese_numeral(numeral, value):
    assert chinese_numeral(numeral.replace("兩", "两")) == value
