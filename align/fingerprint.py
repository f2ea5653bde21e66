"""Stable identity of a finding, so review decisions and baselines survive re-runs and edits.

The fingerprint hashes the rule code, the finding's spans and the *sentences* holding them
(normalised), not line numbers and not the whole pair: inserting a line elsewhere in the file
or editing another sentence of a paragraph keeps every fingerprint, while editing the flagged
sentence itself makes a new finding (the old decision may no longer apply). A finding with no
span (a pair-level one such as a length outlier) is anchored on both whole texts.

Version 1 hashed the whole pair's texts for every finding; ``legacy_fingerprint`` still
computes it, so baselines and review databases written by earlier versions keep matching.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container, Sequence

from align.models import Finding, Pair, Span
from align.pair_cache import per_pair

_SPACE = re.compile(r"\s+")


@per_pair  # every finding of a pair normalises the same two texts
def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def sentences_around(text: str, span: Span, sentences: Sequence[Span]) -> str:
    """The text of the sentences that ``span`` overlaps (a zero-width span: the sentence it
    starts, or the one it ends); the whole text when no sentence holds it."""
    if span.end == span.start:
        point = span.start
        held = [s for s in sentences if s.start <= point < s.end]
        held = held or [s for s in sentences if s.end == point]
        return held[0].slice(text) if held else text
    overlapped = [s for s in sentences if s.overlaps(span)]
    if not overlapped:
        return text
    return text[overlapped[0].start : overlapped[-1].end]


def fingerprint(
    code: str,
    source: str,
    target: str,
    source_span: Span | None,
    target_span: Span | None,
    source_sentences: Sequence[Span] = (),
    target_sentences: Sequence[Span] = (),
) -> str:
    """The finding's identity from what it points at: each side's span and the sentences
    around it; a side it does not point at contributes nothing, unless it points at neither
    (then both whole texts do)."""
    if source_span is None and target_span is None:
        return _digest("2", code, normalise(source), normalise(target))
    parts = ["2", code]
    for text, span, sentences in (
        (source, source_span, source_sentences),
        (target, target_span, target_sentences),
    ):
        if span is None:
            parts += ["", ""]
        else:
            parts += [normalise(sentences_around(text, span, sentences)), span.slice(text)]
    return _digest(*parts)


def legacy_fingerprint(
    code: str, source: str, target: str, source_span_text: str, target_span_text: str
) -> str:
    """Version 1's fingerprint (whole pair texts), for matching decisions made with it."""
    return _digest(code, normalise(source), normalise(target), source_span_text, target_span_text)


def known_as(finding: Finding, pair: Pair, table: Container[str]) -> str | None:
    """The key under which ``table`` (a baseline, the review decisions) holds ``finding``:
    its fingerprint, or the version-1 one an earlier align wrote; None if neither."""
    if finding.fingerprint in table:
        return finding.fingerprint
    legacy = legacy_fingerprint(
        finding.code, pair.source_text, pair.target_text, finding.source_text,
        finding.target_text,
    )  # fmt: skip
    return legacy if legacy in table else None
