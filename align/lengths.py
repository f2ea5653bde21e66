"""The English→Chinese length model shared by the aligner and the length-ratio rule.

Gale-Church style: the Chinese length of a translation is about ``RATIO`` × the English length,
with a variance that grows linearly with length, so a short line like ``180 basis points`` →
``180個基點`` is never an outlier while a 300-character line rendered in 20 characters is.

Lengths count non-space characters. Latin letters and digits inside the Chinese text (names,
tickers, numbers kept as they are) are counted at ``RATIO`` weight, as if translated, so a
line full of names is not mistaken for an expansion; a Latin gloss in brackets after a
transliteration (库什（Cush）) is not counted at all.

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

from align.lang.script import HAN_CLASS

RATIO = 0.33
VARIANCE = 0.45
RATIO_SD = 0.03
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
# A Latin gloss in brackets right after Chinese text, 库什（Cush）: machine translation adds the
# original beside a name it transliterates, so the English has the name once and the Chinese
# twice. Counted, a verse listing names looked too long for its English: A010 flagged it, and
# the aligner paired a short verse with the longer one before it, whose translation was
# missing. Latin in brackets after Latin (SAML (Security …)) is the translation's own text,
# and so is a gloss the English has in brackets too: antigen (HBcrAg) → 抗原（HBcrAg）.
_GLOSS = re.compile(rf"(?<=[{HAN_CLASS}])\s*[（(]([A-Za-z][A-Za-z .'’-]*)[）)]")
_BRACKETED = re.compile(r"\(([^()]*)\)")


def english_length(text: str) -> int:
    """Non-space characters."""
    return len("".join(text.split()))  # twice as fast as summing the words' lengths


def bracketed(english: str) -> frozenset[str]:
    """What the English has in brackets (as ``_gloss_key``): the Chinese may keep it in
    brackets too."""
    return frozenset(_gloss_key(found) for found in _BRACKETED.findall(english))


def _gloss_key(text: str) -> str:
    """Case and a plural s do not make another abbreviation: (ADSCs) → （ADSC）."""
    return text.strip().lower().removesuffix("s")


def chinese_length(text: str, kept: frozenset[str] = frozenset()) -> float:
    """Non-space characters, Latin letters and digits at ``RATIO`` weight, and glosses left
    out unless their text is one of ``kept`` (``bracketed`` of the English)."""
    if "(" in text or "（" in text:
        text = _GLOSS.sub(lambda m: m[0] if _gloss_key(m[1]) in kept else "", text)
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
    tgt = chinese_length(target, bracketed(source))
    return (tgt - ratio * src) / length_sd(src, variance, ratio_sd)
