"""The length model: Gale-Church for short text, a floor in ratio terms for long text (#24)."""

import math

import pytest

from align.config import Settings, load_settings
from align.engine import Checker
from align.lengths import (
    RATIO,
    RATIO_SD,
    VARIANCE,
    bracketed,
    chinese_length,
    length_sd,
    length_z,
)
from align.models import Pair, Segment


def texts(english: int, chinese: int) -> tuple[str, str]:
    """An English text of ``english`` letters and a Chinese one of ``chinese`` Han characters."""
    return "a" * english, "字" * chinese


def a010(source: str, target: str, **settings) -> list[str]:
    checker = Checker(Settings(select=("A010",), **settings))
    pair = Pair("t:1", Segment(source, "t", (1,)), Segment(target, "t", (2,)))
    return [f.code for f in checker.check_pair(pair).findings]


def test_the_floor_takes_over_at_five_hundred_characters():
    crossover = VARIANCE / RATIO_SD**2
    assert crossover == pytest.approx(500)
    assert length_sd(499) == pytest.approx(math.sqrt(499 * VARIANCE))
    assert length_sd(2000) == pytest.approx(RATIO_SD * 2000)


@pytest.mark.parametrize("english", [20, 100, 300, 499])
def test_short_text_is_judged_by_gale_church_alone(english):
    source, target = texts(english, round(0.15 * english))
    assert length_z(source, target) == length_z(source, target, ratio_sd=0)


@pytest.mark.parametrize("english", [1_000, 2_000, 4_000, 8_000])
def test_a_long_text_is_not_an_outlier_for_being_long(english):
    """A ratio of 0.41 is as far from 0.33 at 8,000 characters as at 1,000."""
    source, target = texts(english, round(0.41 * english))
    assert length_z(source, target) == pytest.approx((0.41 - RATIO) / RATIO_SD, abs=0.01)
    # Gale-Church alone grows with √length: flagged from about 1,150 characters on
    assert length_z(source, target, ratio_sd=0) == pytest.approx(
        0.08 * math.sqrt(english / VARIANCE), abs=0.01
    )


def test_the_issue_example_passes_and_its_half_fires():
    """#24: 1,440 English characters, 593 Chinese (ratio 0.41) was z = +4.6."""
    source, target = texts(1440, 593)
    assert length_z(source, target, ratio_sd=0) == pytest.approx(4.6, abs=0.05)
    assert a010(source, target) == []
    assert a010(source, target, length_ratio_sd=0) == ["A010"]
    assert a010(*texts(1440, 593 // 2)) == ["A010"]


@pytest.mark.parametrize("english", [600, 1_500, 3_000])
def test_half_a_long_translation_missing_fires(english):
    source, target = texts(english, round(RATIO * english / 2))
    assert a010(source, target) == ["A010"]


def test_the_floor_is_a_setting_and_in_the_signature(tmp_path):
    config = tmp_path / "align.toml"
    config.write_text("length-ratio-sd = 0.05\n", "utf-8")
    assert load_settings(config).length_ratio_sd == 0.05
    shipped = Checker(Settings()).signature
    assert "len:ratio=0.33,var=0.45,sd=0.03,z=4," in shipped
    assert Checker(Settings(length_ratio_sd=0.05)).signature != shipped


def test_the_pair_score_uses_the_same_z():
    source, target = texts(1440, 593)
    pair = Pair("t:1", Segment(source, "t", (1,)), Segment(target, "t", (2,)))
    floor = Checker(Settings(select=("A010",))).check_pair(pair)
    alone = Checker(Settings(select=("A010",), length_ratio_sd=0)).check_pair(pair)
    assert floor.base > alone.base


def test_a_latin_gloss_after_a_transliteration_adds_no_length():
    glossed = "埃伯（Eber）活了三十年，生了佩勒格 (Peleg)："
    plain = "埃伯活了三十年，生了佩勒格："
    assert chinese_length(glossed) == chinese_length(plain)
    # Latin text of the sentence itself, or in brackets after Latin, is the translation's.
    assert chinese_length("Peleg活了三十年") == 5 + 5 * RATIO
    assert chinese_length("采用 SAML (Security Assertion Markup Language)") == 4 + 35 * RATIO
    assert chinese_length("（IAM）") == 2 + 3 * RATIO


def test_a_gloss_the_english_has_in_brackets_too_is_counted():
    chinese = "乙肝核心相关抗原（HBcrAg）"
    kept = bracketed("hepatitis B core-related antigen (HBcrAg)")
    assert chinese_length(chinese, kept) == 10 + 6 * RATIO  # the brackets and the letters
    assert chinese_length(chinese) == 8  # the English has it unbracketed, or not at all
    assert chinese_length("干细胞 (ADSC)", bracketed("stem cells (ADSCs)")) == 5 + 4 * RATIO
    # length_z reads the brackets of its own source
    english = "antigen (HBcrAg)"
    expected = (8 + 6 * RATIO - RATIO * 15) / length_sd(15)  # 15 non-space English characters
    assert length_z(english, "抗原核心抗原（HBcrAg）") == pytest.approx(expected)
