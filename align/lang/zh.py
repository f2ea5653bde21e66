"""Chinese language data and the Traditional/Simplified views (OpenCC)."""

from __future__ import annotations

from functools import lru_cache

# Sentence-final punctuation, including the half-width forms machine translation emits.
SENTENCE_END = "。！？!?；;…"


@lru_cache(maxsize=4)
def converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # deferred: only runs that need a script view pay for loading it

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional→Simplified, character for character so offsets still map back."""
    converted = converter("t2s").convert(text)
    # OpenCC's t2s is character based; if a phrase rule ever changes the length, keep offsets
    # valid by falling back to the original text rather than shifting spans.
    return converted if len(converted) == len(text) else text


def to_traditional(text: str) -> str:
    converted = converter("s2t").convert(text)
    return converted if len(converted) == len(text) else text


def detect_variant(text: str) -> str:
    """``zh-Hant`` or ``zh-Hans``: which conversion changes more characters tells the script."""
    to_s = sum(a != b for a, b in zip(text, to_simplified(text), strict=True))
    to_t = sum(a != b for a, b in zip(text, to_traditional(text), strict=True))
    return "zh-Hant" if to_s > to_t else "zh-Hans"
