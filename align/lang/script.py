"""Which script a piece of text is written in (Han vs Latin), by counting characters."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from align.pair_cache import per_pair

# CJK Unified Ideographs, Extension A, and Compatibility Ideographs; enough for zh-Hans/zh-Hant.
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN_CLASS}]")
_HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")


@dataclass(frozen=True, slots=True)
class ScriptCounts:
    han: int
    latin: int

    @property
    def letters(self) -> int:
        return self.han + self.latin

    @property
    def han_share(self) -> float:
        """Share of Han among letters, weighting one Han character like one Latin word (~5)."""
        weighted_latin = self.latin / 5
        total = self.han + weighted_latin
        return self.han / total if total else 0.0


@per_pair  # several rules ask about the same target
def count_scripts(text: str) -> ScriptCounts:
    # Runs, not characters: one string per word instead of one per letter.
    return ScriptCounts(
        han=sum(map(len, _HAN_RUN.findall(text))), latin=sum(map(len, _LATIN_RUN.findall(text)))
    )


def without_accents(text: str) -> str:
    """Latin letters without their accents and tone marks (Cancún → Cancun, Lǚ → Lu)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def han_characters(text: str) -> str:
    return "".join(_HAN.findall(text))


def is_chinese(text: str) -> bool:
    """True when Han characters carry the text (names and tickers in Latin may be mixed in)."""
    if _HAN.search(text) is None:  # every English line of a file: no need to count its words
        return False
    counts = count_scripts(text)
    return counts.han_share >= 0.3
