"""The English→Chinese length model shared by the aligner and the length-ratio rule.

Gale-Church style: the Chinese length of a translation is about ``RATIO`` × the English length,
with a variance that grows linearly with length, so a short line like ``180 basis points`` →
``180個基點`` is never an outlier while a 300-character line rendered in 20 characters is.

Lengths count non-space characters. Latin letters and digits inside the Chinese text (names,
tickers, numbers kept as they are) are counted at ``RATIO`` weight, as if translated, so a
line full of names is not mistaken for an expansion.

Calibrated with ``python tests/bench/calibrate_length.py``: machine-translated Chinese gives a
ratio of 0.32–0.35 and a variance per English character of 0.41–0.46 (the sample transcript and
``bench/bible/en_mt_zh``); human translation (``bench/bible/zh``) 0.30 and 0.38.

Gale-Church alone lets the allowed *ratio* narrow without end as a text grows (its standard
deviation in ratio terms is √(VARIANCE / length)), but documents and genres differ in their
ratio however long they are: Bio-MQM abstracts 0.30, the human Genesis 0.32, machine
translations 0.34–0.39. So the standard deviation in ratio terms never falls below ``RATIO_SD``,
the root-mean-square distance of a document's ratio from ``RATIO`` with the Gale-Church noise
of its length taken out (0.028–0.032 over Bio-MQM per system and abstract, Genesis per chapter
and the sample; ``python tests/bench/a010_calibration.py``). The floor is reached at
VARIANCE / RATIO_SD² = 500 English characters: shorter text is judged by Gale-Church alone, as
before, and longer text by a band of ±z × RATIO_SD around ``RATIO`` that stops shrinking.
It is a floor, not an added term, because ``VARIANCE`` was measured over many documents at
sentence length and so already holds their spread there.
"""

from __future__ import annotations

import math
import re

RATIO = 0.33
VARIANCE = 0.45
RATIO_SD = 0.03
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def english_length(text: str) -> int:
    """Non-space characters."""
    return len("".join(text.split()))  # twice as fast as summing the words' lengths


def chinese_length(text: str) -> float:
    latin = len(_LATIN_OR_DIGIT.findall(text))
    return english_length(text) - latin + latin * RATIO


def length_sd(src: float, variance: float = VARIANCE, ratio_sd: float = RATIO_SD) -> float:
    """The standard deviation of the Chinese length for ``src`` English characters: Gale-Church
    (√(src × variance)), but never less than ``ratio_sd`` × src."""
    src = max(src, 1)
    return max(math.sqrt(src * variance), ratio_sd * src)


def length_z(
    source: str,
    target: str,
    ratio: float = RATIO,
    variance: float = VARIANCE,
    ratio_sd: float = RATIO_SD,
) -> float:
    """How many standard deviations the target length is from what the source predicts."""
    src = english_length(source)
    tgt = chinese_length(target)
    return (tgt - ratio * src) / length_sd(src, variance, ratio_sd)
