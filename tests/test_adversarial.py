"""No pattern backtracks catastrophically: every extractor is linear on hostile strings.

A budget of seconds for 30 KB is 10–50× what the extractors take; a quadratic or exponential
pattern blows far past it (before the fix, 20 KB of spaces took 14 s in the Chinese number
reader and ``USD`` + 26 nines + ``z`` took seconds in the acronym pattern).
"""

from __future__ import annotations

import itertools
import re
import time

import pytest

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment
from align.names.extract import _ACRONYM, extract_entities
from align.names.transliteration import transliteration_runs
from align.numbers.chinese import extract_chinese
from align.numbers.english import extract_english
from align.segment import split_sentences

EXTRACTORS = {
    "numbers_en": extract_english,
    "numbers_zh": extract_chinese,
    "entities": extract_entities,
    "sentences": split_sentences,
    "transliteration": transliteration_runs,
}
# Runs of capitals, digits, punctuation, CJK numerals and separators, each ended by a
# character that makes the pattern fail late.
UNITS = [
    "A", "USD9", "9", "9,", "1-", "1.", "十", "億", "二〇", "點", " ", "\t", "，", ".", "A.",
    "$", "%", "第", "分之", "O'", "one hundred and ", "-9",
]  # fmt: skip
ENDINGS = ["z", "x.", "年", ""]
SIZE = 30_000
BUDGET_S = 5.0


def _hostile() -> list[str]:
    return [(unit * (SIZE // len(unit) + 1))[:SIZE] + end for unit in UNITS for end in ENDINGS]


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_extractor_is_linear_on_hostile_strings(name):
    extract = EXTRACTORS[name]
    slowest = (0.0, "")
    for text in _hostile():
        started = time.perf_counter()
        extract(text)
        slowest = max(slowest, (time.perf_counter() - started, text[:12] + "…" + text[-2:]))
    assert slowest[0] < BUDGET_S, f"{name} took {slowest[0]:.1f} s on {slowest[1]!r}"


def test_whole_pair_check_is_fast_on_hostile_text():
    checker = Checker(Settings())
    for unit in ("USD9", "9,", "  ", "億", "one hundred and "):
        text = (unit * 3000)[:9000] + "z"
        pair = Pair("1", Segment(text, "x", (1,)), Segment(text, "x", (2,)))
        started = time.perf_counter()
        checker.check_pair(pair)
        assert time.perf_counter() - started < BUDGET_S


_OLD_ACRONYM = re.compile(r"^(?:[A-Z]{2,}s?|(?:[A-Z]\.){2,}|[A-Z]{2,}[A-Za-z]*(?:-?[A-Z0-9]+)+s?)$")


def test_acronym_pattern_accepts_the_same_words_as_before():
    """The linear pattern is the old, exponential one's language: every word of up to six
    characters over the letters that matter is accepted by both or by neither."""
    for length in range(1, 7):
        for letters in itertools.product("ABzs9-.", repeat=length):
            word = "".join(letters)
            assert bool(_ACRONYM.match(word)) == bool(_OLD_ACRONYM.match(word)), word
