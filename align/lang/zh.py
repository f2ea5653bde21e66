"""Chinese language data and the Traditional/Simplified views (OpenCC)."""

from __future__ import annotations

from functools import lru_cache

from align.pair_cache import per_pair

# Sentence-final punctuation, including the half-width forms machine translation emits.
SENTENCE_END = "。！？!?；;…"


@lru_cache(maxsize=4)
def converter(config: str):  # type: ignore[no-untyped-def]
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


def detect_variant(text: str) -> str:
    """``zh-Hant`` or ``zh-Hans``: more characters only Traditional writing uses, or fewer."""
    from align.lang.cedict import script_only_characters

    traditional, simplified = script_only_characters()
    to_t = sum(c in traditional for c in text)
    to_s = sum(c in simplified for c in text)
    return "zh-Hant" if to_t > to_s else "zh-Hans"
