"""Property tests: any amount rendered the English way and the Chinese way matches; one
perturbation of the Chinese is caught; the parsers never raise."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment, Severity
from align.numbers.chinese import extract_chinese
from align.numbers.english import extract_english

CHECKER = Checker(Settings(select=("N",)))
SOUP = "0123456789,.%$萬億万亿千百十一二兩三負至到約多以上 個百分點基美元年月日第季"


def n_findings(source: str, target: str):
    pair = Pair("p:1", Segment(source, "p", (1,)), Segment(target, "p", (2,)))
    return CHECKER.check_pair(pair).findings


def plain(value: Decimal, separators: bool) -> str:
    text = format(value.normalize(), ",f" if separators else "f")
    return text


@st.composite
def amounts(draw):
    mantissa = draw(st.integers(min_value=1, max_value=99_999))
    exponent = draw(st.integers(min_value=0, max_value=8))
    return Decimal(mantissa) * (Decimal(10) ** exponent)


@st.composite
def english_amount(draw, value: Decimal) -> str:
    scales = [(Decimal(1), "")]
    if value >= 10**6:
        scales.append((Decimal(10**6), " million"))
    if value >= 10**9:
        scales.append((Decimal(10**9), " billion"))
    size, word = draw(st.sampled_from(scales))
    return f"${plain(value / size, draw(st.booleans()))}{word}"


@st.composite
def chinese_amount(draw, value: Decimal) -> tuple[str, str]:
    """``(number, scale word)``, with the scale in Traditional or Simplified script."""
    traditional = draw(st.booleans())
    scales = [(Decimal(1), "")]
    if value >= 10**4:
        scales.append((Decimal(10**4), "萬" if traditional else "万"))
    if value >= 10**8:
        scales.append((Decimal(10**8), "億" if traditional else "亿"))
    size, word = draw(st.sampled_from(scales))
    space = draw(st.sampled_from(["", " "]))
    return plain(value / size, draw(st.booleans())) + space, word


def sentence(number: str, scale: str, currency: str = "美元") -> str:
    return f"營收為{number}{scale}{currency}。"


@settings(max_examples=300, deadline=None)
@given(data=st.data(), value=amounts())
def test_same_amount_in_both_languages_matches(data, value):
    english = data.draw(english_amount(value))
    number, scale = data.draw(chinese_amount(value))
    findings = n_findings(f"Revenue was {english}.", sentence(number, scale))
    assert not findings, (english, number + scale, findings)


def _errors(findings):
    return {f.code for f in findings if f.severity >= Severity.WARNING}


@settings(max_examples=300, deadline=None)
@given(data=st.data(), value=amounts())
def test_one_perturbation_is_caught(data, value):
    english = f"Revenue was {data.draw(english_amount(value))}."
    number, scale = data.draw(chinese_amount(value))
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    kinds = ["digit", "drop", "currency"]
    if scale:
        kinds.append("scale")
    kind = data.draw(st.sampled_from(kinds))
    if kind == "digit":
        i = data.draw(st.sampled_from(digits))
        choices = [d for d in "0123456789" if d != number[i] and not (i == digits[0] and d == "0")]
        number = number[:i] + data.draw(st.sampled_from(choices)) + number[i + 1 :]
        target, expected = sentence(number, scale), {"N203", "N204"}
    elif kind == "drop":
        target, expected = "營收成長強勁。", {"N201"}
    elif kind == "currency":
        target, expected = sentence(number, scale, "港元"), {"N205"}
    else:
        swapped = {"萬": "億", "万": "亿", "億": "萬", "亿": "万"}[scale]
        target, expected = sentence(number, swapped), {"N204"}
    found = _errors(n_findings(english, target))
    assert found & expected, (english, target, found)


@settings(max_examples=100, deadline=None)
@given(value=st.decimals(min_value=1, max_value=99, places=1), traditional=st.booleans())
def test_sign_and_points_perturbations(value, traditional):
    number = plain(value, False)
    negative = "負" if traditional else "负"
    points = "個百分點" if traditional else "个百分点"
    assert not n_findings(f"Margin was negative {number}%.", f"利潤率為{negative}{number}%。")
    assert "N206" in _errors(n_findings(f"Margin was negative {number}%.", f"利潤率為{number}%。"))
    source = f"Margin improved {number} percentage points."
    assert not n_findings(source, f"利潤率提高了{number}{points}。")
    assert "N207" in _errors(n_findings(source, f"利潤率提高了{number}%。"))


@settings(max_examples=500, deadline=None)
@given(text=st.text())
def test_parsers_never_raise(text):
    extract_english(text)
    extract_chinese(text)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet="0123456789,.%$萬億万亿千百十一二兩三負至到約多以上 個百分點基美元年月日第季"
    )
)
def test_parsers_never_raise_on_number_soup(text):
    extract_chinese(text)
    extract_english(text)
    n_findings(text, text)
