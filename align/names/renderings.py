"""Where did each English entity go in the Chinese? Shared by the E rules, computed once a pair.

For every entity of the source, the aligned Chinese sentence (then the whole target) is searched
in order for: the entity kept in Latin script; a Latin token that is an altered copy of it
(``AdAdobe``, ``Okda``); a CC-CEDICT translation of the name (思科 Cisco); a transliteration
that sounds like it (托德·麥金農 Todd McKinnon); a translation of its ordinary words (通用目錄
Universal Directory). What is found first is its rendering.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from align.context import PairContext
from align.lang.en import lemma
from align.lang.phonetic import english_key, sounds_like
from align.lang.script import HAN_CLASS
from align.models import Span
from align.names.extract import LETTER, Entity, is_common_word
from align.names.finders import (
    LATIN_TOKEN,
    How,
    Rendering,
    absorbable,
    altered,
    altered_word,
    common_sense,
    dictionary,
    han_rendering,
    other_names,
    pinyin,
    singular,
    source_entities,
    translated,
    transliteration,
    verbatim,
    whole_name_rendering,
)
from align.names.known import known_renderings
from align.names.persons import is_person
from align.names.transliteration import best_transliteration, explained_by_words, inside

_PART = re.compile(rf"[{LETTER}][{LETTER}0-9]*")
_LOOSE = 0.6  # a neighbour this like the word may be a poor transliteration of it
_SPELT_ALIKE = 0.75  # as altered copies are told (finders._ALTERED_SIMILARITY)
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def renderings(ctx: PairContext) -> list[Rendering]:
    """Each source entity's rendering; memoised on the pair for all E rules."""
    return ctx.memo("entities", lambda: _renderings(ctx))


def _renderings(ctx: PairContext) -> list[Rendering]:
    target = ctx.target
    if not target.strip():
        return []
    latin = [(m.group(), Span(m.start(), m.end())) for m in LATIN_TOKEN.finditer(target)]
    # The parts of hyphenated tokens too: HCV-NS3 keeps both HCV and NS3.
    latin += [
        (m.group(), Span(span.start + m.start(), span.start + m.end()))
        for token, span in list(latin)
        if "-" in token
        for m in _PART.finditer(token)
    ]
    source_tokens = {t.lower() for t in LATIN_TOKEN.findall(ctx.source)}
    source_tokens |= {p.lower() for t in source_tokens if "-" in t for p in _PART.findall(t)}
    mentions = Counter(singular(t) for t in LATIN_TOKEN.findall(ctx.source))
    kept = Counter(singular(token) for token, _ in latin)
    reported: set[Span] = set()
    found = []
    for entity in source_entities(ctx):
        window = ctx.aligned_target(entity.span.start)
        partly = altered_word(entity, latin, source_tokens, mentions, kept, reported)
        rendering = (
            # A word of the name kept fewer times than the source has it, and an altered copy
            # of it: the whole name is judged, not its first word found (Brennan Holloawy).
            partly
            # The aligned sentence first: a name kept in one sentence and translated in
            # another is rendered twice, and the aligned one is this mention's rendering.
            or verbatim(entity, latin, window)
            or (not verbatim(entity, latin, None)
                and altered(entity, latin, ctx.source, source_tokens))
            or dictionary(entity, target, window)
            or pinyin(entity, target, window)
            or (entity.is_term and translated(entity, ctx, window))
            or transliteration(entity, target, window, strict=True)
            or verbatim(entity, latin, None)
            or dictionary(entity, target, None)
            or transliteration(entity, target, None, strict=True)
            or translated(entity, ctx, window)
            # Something in the aligned sentence sounds a little like it.
            or _unclear(ctx, entity, window, latin, source_tokens)
            or Rendering(entity, How.MISSING)
        )  # fmt: skip
        if rendering.how in (How.VERBATIM, How.TRANSLITERATION, How.UNCLEAR) or (
            rendering.how is How.DICTIONARY and not whole_name_rendering(entity, rendering, target)
        ):
            # The whole name: one part found and another nowhere is a partial rendering.
            rendering = _partial(ctx, entity, latin, source_tokens, window) or rendering
        found.append(rendering)
    return found


def _unclear(
    ctx: PairContext,
    entity: Entity,
    window: Span,
    latin: list[tuple[str, Span]],
    source_tokens: set[str],
) -> Rendering | None:
    """Something in the aligned sentence sounds a little like the name: not sure enough to
    call it missing, not sure enough to call it a rendering. Pieces mostly of ordinary words
    that happen to sound alike (開設了 "opened" for Cairo, 當地 "local" for Dakar) are not
    enough, unless the name is one often absorbed into other words (我国 for China); nor is
    a piece of another name (的黎波里 Tripoli for Tortola), nor anything once another name
    kept in Latin script stands in the sentence (Vieques for Serbia)."""
    wordy = absorbable(entity) or _compound(entity)
    match = transliteration(entity, ctx.target, window, strict=False, wordy=wordy)
    if match is None or match.target_span is None:
        return None
    piece = match.target_span
    if not wordy and _known(entity) and _mostly_words(ctx.target, piece):
        # A name with an established rendering (首尔 Seoul) that is not there: ordinary
        # words that happen to sound just like it (設了 "set up") are not it either.
        return None
    if any(_mostly_within(piece, span) and not _spelt_alike(name, entity)
           for span, name in other_names(ctx, window)):  # fmt: skip
        return None
    if any(
        inside(span, window) and token[:1].isupper() and len(token) > 2
        and token.lower() not in source_tokens and not is_common_word(token)
        for token, span in latin
    ):  # fmt: skip
        return None
    return Rendering(entity, How.UNCLEAR)


def _known(entity: Entity) -> bool:
    return any(known_renderings(key) for key in (entity.key.lower(), *map(str.lower, entity.words)))


def _mostly_words(target: str, piece: Span) -> bool:
    """Half or more of ``piece`` is ordinary dictionary words."""
    explained = explained_by_words(target)
    return 2 * sum(explained[piece.start : piece.end]) >= piece.end - piece.start


def _mostly_within(piece: Span, span: Span) -> bool:
    """More than half of ``piece`` lies in ``span`` (在的黎 of 的黎波里)."""
    overlap = min(piece.end, span.end) - max(piece.start, span.start)
    return 2 * overlap > piece.end - piece.start


def _spelt_alike(name: str, entity: Entity) -> bool:
    """Another spelling of the same name (Ekaterinburg, Yekaterinburg), not another name."""
    return SequenceMatcher(None, name.lower(), entity.key.lower()).ratio() >= _SPELT_ALIKE


def _compound(entity: Entity) -> bool:
    """A word run together from abbreviated words (CapEx, eCommerce): often translated by
    what the words stand for (資本支出), which no dictionary ties to the name."""
    return any(_INNER_CAPITAL.search(word) for word in entity.words)


def _partial(
    ctx: PairContext,
    entity: Entity,
    latin: list[tuple[str, Span]],
    source_tokens: set[str],
    window: Span,
) -> Rendering | None:
    """A name of two words, as a person's (Marcus Hartley), of which one is rendered
    (kept, a known rendering, a transliteration) and another nowhere in the aligned sentence:
    ``swapped`` when another name stands next to the part found (馬庫斯·哈里森, Marcus
    Harrison), else ``partial`` (馬庫斯 alone). ``word`` is the part not rendered."""
    # Any word may be the part found (Dawn of Dawn Comfort) or the part missed. An ordinary
    # word (Comfort, Fort of Fort Nelson) is missed only when neither it nor its sense is
    # there and the name is plainly written as a name: titled, with the person-name dot,
    # kept in Latin script, or with another name in the word's place. A word of one
    # consonant (Sao, Ho) is matched by too much and too little to tell.
    target = ctx.target
    spoken = [w for w, _ in entity.spoken_words]
    words = [w for w in spoken if len(w) > 1 and not w.isupper()]
    if len(words) != 2 or len(spoken) != 2:
        return None  # a two-part name, as a person's is
    spans = {word: _word_span(word, target, latin, window) for word in words}
    found = [span for span in spans.values() if span is not None]
    absent = [
        w
        for w, span in spans.items()
        if span is None
        and len(english_key(w)) > 1
        and not (is_common_word(w) and _sense_within(ctx, window, w))
    ]
    if not found or not absent:
        return None
    word = absent[0]
    for span in found:
        neighbour = _neighbour(target, span, source_tokens)
        if neighbour is None or not inside(neighbour, window):
            continue
        # A looser transliteration of the word (杜蒙·布里藤 Dumont Britten), or one that
        # starts with its sound: not sure enough to call it another name.
        text = neighbour.slice(target)
        if best_transliteration(word, text) or sounds_like(word, text) >= _LOOSE:
            return None
        return Rendering(entity, How.SWAPPED, neighbour, word)
    # Written as a person's name, or kept in Latin script: then every word is the name's own
    # (Earl of Earl Bullock kept alone).
    dotted = any("·" in (target[span.start - 1 : span.start], target[span.end : span.end + 1])
                 for span in found)  # fmt: skip
    kept = any(target[span.start : span.start + 1].isascii() for span in found)
    person = is_person(ctx.source, entity)
    if is_common_word(word) and not (person or dotted or kept):
        return None  # the ordinary word of a place's or firm's name: often left out
    # Something else that may be its transliteration (the parts found are not).
    masked = list(target)
    for span in found:
        masked[span.start : span.end] = "_" * (span.end - span.start)
    if best_transliteration(word, "".join(masked), window, wordy=False):
        return None
    return Rendering(entity, How.PARTIAL, found[0], word)


def _sense_within(ctx: PairContext, window: Span, word: str) -> bool:
    """A dictionary word of the window renders an ordinary sense of ``word``, or of each
    longer part of a hyphenated word (Co-Founder: founder 创始人)."""
    if common_sense(ctx, window, lemma(word)):
        return True
    parts = [part for part in word.split("-") if len(part) > 2]
    return bool(parts) and all(common_sense(ctx, window, lemma(p)) for p in parts)


def _word_span(word: str, target: str, latin: list[tuple[str, Span]], window: Span) -> Span | None:
    """Where one word of a name is rendered in the aligned sentence: kept, a known rendering,
    or a transliteration."""
    # A word with its particles (de la Cruz) is kept in Latin as its capitalised word.
    wanted = {singular(word), singular(word.split()[-1])}
    for token, span in latin:
        if inside(span, window) and singular(token) in wanted:
            return span
    return han_rendering(word, target, window, wordy=False)


_NEIGHBOUR_HAN = re.compile(f"[{HAN_CLASS}]+")


def _neighbour(target: str, span: Span, source_tokens: set[str]) -> Span | None:
    """The name part written right next to ``span``: Han characters across the person-name
    dot (馬庫斯·哈里森), or a capitalised Latin word the source does not have (Marcus
    Harrison)."""
    # The Han part ends where an ordinary word starts (羅賓遜 of 羅賓遜簽署了).
    explained = explained_by_words(target)
    if target[span.end : span.end + 1] == "·":
        after = _NEIGHBOUR_HAN.match(target, span.end + 1)
        if after:
            end = after.start()
            while end < after.end() and not explained[end]:
                end += 1
            if end > after.start():
                return Span(after.start(), end)
    if span.start > 0 and target[span.start - 1] == "·":
        before = re.search(f"[{HAN_CLASS}]+$", target[: span.start - 1])
        if before:
            start = before.end()
            while start > before.start() and not explained[start - 1]:
                start -= 1
            if start < before.end():
                return Span(start, before.end())
    if target[span.start : span.start + 1].isascii():
        after = re.compile(r" ([A-Z][a-z]+)\b").match(target, span.end)
        if after and after.group(1).lower() not in source_tokens:
            return Span(after.start(1), after.end(1))
        before = re.search(r"\b([A-Z][a-z]+) $", target[: span.start])
        if before and before.group(1).lower() not in source_tokens:
            return Span(before.start(1), before.end(1))
    return None
