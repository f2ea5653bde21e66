"""Lexical coverage: how much of an English sentence the dictionary finds in its translation."""

from __future__ import annotations

import re
from bisect import bisect_left

from align.context import PairContext
from align.lang.cedict import vocabulary
from align.lang.en import STOPWORDS, content_lemmas, lemma
from align.lang.scan import glosses
from align.models import SentenceLink, Span


def coverage(ctx: PairContext, link: SentenceLink) -> tuple[float, int]:
    """(share of the English content words CC-CEDICT knows that it finds translated in the
    aligned Chinese, how many such words there are); words the Chinese keeps in Latin script
    do not count."""
    known = vocabulary()
    # Words kept in Latin script in the Chinese (names, products) are not translated at all.
    kept = {lemma(w) for w in _LATIN.findall(link.target.slice(ctx.target))}
    words = [
        w for w in content_lemmas(link.source.slice(ctx.source)) if w in known and w not in kept
    ]
    if not words:
        return 1.0, 0
    glossed = carriers(ctx, link.target, frozenset(words))
    return sum(w in glossed for w in words) / len(words), len(words)


def carriers(ctx: PairContext, window: Span, wanted: frozenset[str]) -> dict[str, list[str]]:
    """Each wanted lemma → the headwords of the target ``window`` whose glosses carry it.

    Kept per window on the pair, with the window's headwords and their glosses: M105 and M104
    ask about the same sentence for mostly the same words, and the scan is the cost."""

    def fresh() -> tuple[set[str], dict[str, list[str]], list[tuple[str, frozenset[str]]]]:
        return set(), {}, [(head, glosses(head)) for _, _, head in ctx.headwords_within(window)]

    asked, carried, heads = ctx.memo(f"carriers:{window.start}:{window.end}", fresh)
    missing = wanted - asked
    if missing:
        for head, senses in heads:
            if senses.isdisjoint(missing):  # most headwords: no new set built for them
                continue
            for gloss in senses & missing:
                carried.setdefault(gloss, []).append(head)
        asked |= missing
    return {gloss: carried[gloss] for gloss in wanted if gloss in carried}


_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SHORT = 12  # words: a short sentence aligned one to one says clearly what renders what


def _single(link: SentenceLink, ctx: PairContext) -> bool:
    """The link pairs one English sentence of at most ``_SHORT`` words with one Chinese one."""
    english = _sentences_in(ctx.source_sentences, link.source)
    return (
        len(english) == 1
        and len(_sentences_in(ctx.target_sentences, link.target)) == 1
        and len(english[0].slice(ctx.source).split()) <= _SHORT
    )


def _sentences_in(sentences: list[Span], span: Span) -> list[Span]:
    """The sentences (sorted, disjoint) that start inside ``span``."""
    first = bisect_left(sentences, span.start, key=lambda s: s.start)
    last = bisect_left(sentences, span.end, first, key=lambda s: s.start)
    return sentences[first:last]


# (lemma, word as written, the Chinese words carrying it, source start, source end, target
# sentence span, whether the sentence is short and aligned one to one). Offsets, not a Span:
# every content word of every pair has one, crossing from the workers with --jobs.
WordSense = tuple[str, str, tuple[str, ...], int, int, Span, bool]


def word_senses(ctx: PairContext) -> tuple[WordSense, ...]:
    """For each English content word of an aligned sentence: (lemma, word as written, the
    Chinese words of the aligned sentence whose CC-CEDICT glosses carry it, where the word is,
    the target sentence span, whether the sentence is short and aligned one to one, so that
    its absence of a rendering means something). Words of two characters or more are
    preferred; a word nothing carries is listed only in such a sentence."""
    known = vocabulary()
    found = []
    for link in ctx.sentence_links:
        english = link.source.slice(ctx.source)
        words = [
            (match.start(), word, lemma(word))
            for match in _WORD.finditer(english)
            if (word := match.group()).islower() and word not in STOPWORDS
        ]
        wanted = frozenset(key for _, _, key in words if key in known)
        carried_by = carriers(ctx, link.target, wanted)
        single = _single(link, ctx)
        for offset, word, key in words:
            if key not in wanted:
                continue
            heads = carried_by.get(key, [])
            if not heads and not single:
                continue  # neither a rendering to count nor an absence that means something
            longer = [h for h in heads if len(h) > 1]
            start = link.source.start + offset
            found.append(
                (key, word, tuple(dict.fromkeys(longer or heads)), start, start + len(word),
                 link.target, single)
            )  # fmt: skip
    return tuple(found)
