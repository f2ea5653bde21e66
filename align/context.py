"""What a rule sees of a pair: its texts, sentences and alignment, computed once and shared."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from align.alignment import align_lengths
from align.config import Settings
from align.lang.cedict import MAX_HEADWORD
from align.lang.scan import Headword, headwords_in
from align.lengths import bracketed, chinese_length, english_length
from align.models import Pair, SentenceLink, Span
from align.segment import split_chinese, split_english

T = TypeVar("T")


class PairContext:
    """Per-pair view handed to every rule. Expensive views are computed on first use."""

    def __init__(
        self,
        pair: Pair,
        settings: Settings,
        *,
        bilingual: bool = True,
        target_lang: str | None = None,
    ):
        self.pair = pair
        self.settings = settings
        # False for English-only inputs, where a missing target is expected.
        self.bilingual = bilingual
        # The document's script as its reader found it (zh-Hant, zh-Hans), when known.
        self.target_lang = target_lang
        self.source = pair.source_text
        self.target = pair.target_text
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a view shared by several rules (e.g. number matching) once per pair."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def source_sentences(self) -> list[Span]:
        return split_english(self.source)

    @cached_property
    def target_sentences(self) -> list[Span]:
        return split_chinese(self.target)

    @cached_property
    def target_headwords(self) -> tuple[Headword, ...]:
        """Every dictionary headword of the target: one scan shared by the rules."""
        return headwords_in(self.target)

    @cached_property
    def _headword_starts(self) -> list[int]:
        return [start for start, _, _ in self.target_headwords]

    def headwords_within(self, span: Span) -> tuple[Headword, ...]:
        """The target's headwords lying wholly inside ``span``."""
        heads, starts = self.target_headwords, self._headword_starts
        first = bisect_left(starts, span.start)
        last = bisect_left(starts, span.end, first)
        # A headword starting this far before the end cannot run past it.
        safe = max(first, bisect_left(starts, span.end - MAX_HEADWORD + 1, first, last))
        return heads[first:safe] + tuple(h for h in heads[safe:last] if h[1] <= span.end)

    def aligned_target(self, position: int) -> Span:
        """The target span aligned with the source sentence holding ``position`` (the whole
        target if no sentence link holds it)."""
        links = self.sentence_links
        k = bisect_right(self._link_starts, position) - 1
        if k >= 0 and position < links[k].source.end:
            return links[k].target
        return Span(0, len(self.target))

    @cached_property
    def _link_starts(self) -> list[int]:
        return [link.source.start for link in self.sentence_links]

    @cached_property
    def sentence_links(self) -> list[SentenceLink]:
        """Sentence beads with both sides present, as spans covering each side's sentences."""
        src, tgt = self.source_sentences, self.target_sentences
        if not src or not tgt:
            return []
        if len(src) == 1 and len(tgt) == 1:
            return [SentenceLink(src[0], tgt[0])]
        kept = bracketed(self.source)
        beads = align_lengths(
            [english_length(s.slice(self.source)) for s in src],
            [chinese_length(t.slice(self.target), kept) for t in tgt],
        )
        return [
            SentenceLink(
                Span(src[s[0]].start, src[s[-1]].end), Span(tgt[t[0]].start, tgt[t[-1]].end)
            )
            for s, t in beads
            if s and t
        ]
