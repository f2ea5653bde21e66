"""Chinese language data and the Traditional/Simplified views (OpenCC)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from align.pair_cache import per_pair

# Sentence-final punctuation, including the half-width forms machine translation emits.
SENTENCE_END = "。！？!?；;…"


@lru_cache(maxsize=4)
def converter(config: str) -> Any:  # opencc is untyped
    import opencc  # deferred: only runs that need a script view pay for loading it

    return opencc.OpenCC(config)


# Rules ask for the same pair's views many times: the cache saves most conversions.
@per_pair
def to_simplified(text: str) -> str:
    """Traditional→Simplified, character for character so offsets still map back."""
    converted = converter("t2s").convert(text)
    # OpenCC's t2s is character based; if a phrase rule ever changes the length, keep offsets
    # valid by falling back to the original text rather than shifting spans.
    return converted if len(converted) == len(text) else text


@per_pair
def to_traditional(text: str) -> str:
    converted = converter("s2t").convert(text)
    return converted if len(converted) == len(text) else text


HANT, HANS = "zh-Hant", "zh-Hans"


def dominant_script(traditional: int, simplified: int) -> str | None:
    """``zh-Hant`` or ``zh-Hans`` from how many characters only Traditional writing uses and
    how many only Simplified writing uses (Traditional on a tie); None when there are none."""
    if not traditional and not simplified:
        return None
    return HANT if traditional >= simplified else HANS


def detect_variant(text: str) -> str:
    """``zh-Hant`` or ``zh-Hans`` by ``dominant_script`` (Simplified when nothing marks it)."""
    from align.lang.cedict import script_only_characters

    traditional, simplified = script_only_characters()
    to_t = sum(c in traditional for c in text)
    to_s = sum(c in simplified for c in text)
    return dominant_script(to_t, to_s) or HANS
