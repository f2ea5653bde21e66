"""One way a source name can be rendered in the target each: kept in Latin script, altered,
a known rendering, a transliteration, its ordinary words translated. Each finder returns a
``Rendering`` of its ``How`` or None; ``align.names.renderings`` decides the order they are
asked in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from align.context import PairContext
from align.lang.cedict import common_lemmas, transliteration_characters
from align.lang.en import STOPWORDS, lemma
from align.lang.scan import glosses
from align.lang.script import without_accents
from align.lang.zh import to_simplified
from align.meaning.lexical import carriers
from align.models import Span
from align.names.extract import LETTER, Entity, extract_entities
from align.names.known import known_renderings, names_rendered_as
from align.names.pinyin import pinyin_span
from align.names.transliteration import best_transliteration, inside

LATIN_TOKEN = re.compile(rf"[{LETTER}][{LETTER}0-9]*(?:[-.'’][{LETTER}0-9]+)*")
# Altered copies: at least this similar, and not merely a different word.
_ALTERED_SIMILARITY = 0.75


class How(StrEnum):
    """How a source name appears in the target."""

    VERBATIM = "verbatim"  # kept in Latin script
    ALTERED = "altered"  # a Latin token that is a corrupted copy of it
    DICTIONARY = "dictionary"  # a rendering CC-CEDICT or names.tsv knows
    TRANSLITERATION = "transliteration"  # Han characters that sound like it
    TRANSLATED = "translated"  # its ordinary words translated
    UNCLEAR = "unclear"  # something sounds a little like it
    MISSING = "missing"
    # A name of two name words: one part rendered, the other nowhere (partial) or another
    # name's part in its place (swapped).
    PARTIAL = "partial"
    SWAPPED = "swapped"


@dataclass(frozen=True, slots=True)
class Rendering:
    """How one entity of the source appears in the target."""

    entity: Entity
    how: How
    target_span: Span | None = None
    # For ``altered``: the source word the target token is a corruption of; for ``partial``
    # and ``swapped``: the word of the name not rendered.
    word: str = ""

    def form(self, target: str) -> str:
        """The rendering as text, Simplified so that script does not count as a difference."""
        if self.target_span is None:
            return ""
        return to_simplified(self.target_span.slice(target))


def source_entities(ctx: PairContext) -> list[Entity]:
    def extract() -> list[Entity]:
        kept = frozenset(t.lower() for t in LATIN_TOKEN.findall(ctx.target))
        return extract_entities(ctx.source, kept)

    return ctx.memo("entity-list", extract)


def singular(word: str) -> str:
    """Case, possessive and plural do not make a different name (VPNs, VPN, Okta's)."""
    low = word.lower().removesuffix("'s").removesuffix("’s")
    return low[:-1] if len(low) > 3 and low.endswith("s") else low


def altered_word(
    entity: Entity,
    latin: list[tuple[str, Span]],
    source_tokens: set[str],
    mentions: Counter[str],
    kept: Counter[str],
    reported: set[Span],
) -> Rendering | None:
    """An altered copy of a name's word that the target keeps fewer times than the source
    says it: Brennan Holloway → Brennan Holloawy; Northwind … Northwind → Northwind …
    Nortwhind. Each altered token is reported once, for the first mention it explains."""
    # An ordinary word of the name (Grand Turk, Wake Island) counts once another word of it
    # is kept: the name is being kept in Latin, so its words are its own.
    name_kept = any(kept[singular(w)] for w in entity.words if len(w) > 1)
    for word, common in zip(entity.words, entity.common, strict=True):
        if (common and not name_kept) or len(word) < 4 or (word.isupper() and len(word) < 5):
            continue
        key = singular(word)
        if kept[key] >= mentions[key]:
            continue  # every mention of this word is kept
        for token, span in latin:
            low = token.lower()
            if span in reported or low in source_tokens:
                continue
            if SequenceMatcher(None, low, word.lower()).ratio() >= _ALTERED_SIMILARITY:
                reported.add(span)
                return Rendering(entity, How.ALTERED, span, word)
    return None


def verbatim(
    entity: Entity, latin: list[tuple[str, Span]], window: Span | None
) -> Rendering | None:
    # A joiner (of, and) kept is no part of the name kept: University of Brescia does not
    # keep Association of Tennis Professionals.
    wanted = {singular(w) for w in entity.words if len(w) > 1 and w.lower() not in STOPWORDS}
    for token, span in latin:
        if inside(span, window) and singular(token) in wanted and not _recased(token, entity):
            return Rendering(entity, How.VERBATIM, span)
    return None


def _recased(token: str, entity: Entity) -> str | None:
    """The acronym of ``entity`` that ``token`` spells in other letter case (SXXBC → Sxxbc)."""
    for word in entity.words:
        if word.isupper() and len(word) > 1 and singular(token) == singular(word):
            stem = token.removesuffix("s") if word.endswith("s") else token
            if not stem.isupper():
                return word
    return None


def altered(
    entity: Entity, latin: list[tuple[str, Span]], source: str, source_tokens: set[str]
) -> Rendering | None:
    """A Latin token that is a corrupted copy of a name: letters added or changed (AdAdobe,
    Okda) or an acronym in other case (SXXBC → Sxxbc, ESTs → Ests)."""
    for token, span in latin:
        recased = _recased(token, entity)
        if recased and token not in source:
            return Rendering(entity, How.ALTERED, span, recased)
        low = token.lower()
        if low in source_tokens:
            continue
        for word in entity.words:
            if len(word) < 4 or (word.isupper() and len(word) < 5):
                continue
            similar = SequenceMatcher(None, low, word.lower()).ratio() >= _ALTERED_SIMILARITY
            if word.lower() in low or similar:
                return Rendering(entity, How.ALTERED, span, word)
    return None


def dictionary(entity: Entity, target: str, window: Span | None) -> Rendering | None:
    simplified = to_simplified(target)
    for key in _name_keys(entity):
        for head in _heads(key):
            start = simplified.find(head, window.start if window else 0)
            if start >= 0 and inside(Span(start, start + len(head)), window):
                return Rendering(entity, How.DICTIONARY, Span(start, start + len(head)))
    return None


def whole_name_rendering(entity: Entity, rendering: Rendering, target: str) -> bool:
    """``rendering`` (a dictionary one) renders the whole name, not one of its words (戈登 is
    Gordon's, not Gordon Whitfield's)."""
    if rendering.target_span is None:
        return True
    found = rendering.target_span.slice(to_simplified(target))
    return len(entity.words) < 2 or any(
        found in _heads(key) for key in _name_keys(entity) if " " in key or "-" in key
    )


def _name_keys(entity: Entity) -> list[str]:
    """The entity and its words, as written and as the place or people they name: Africans →
    African (非洲人), South African → South Africa (南非), European → Europe."""
    whole = entity.key.lower()
    # Asia Pacific as the dictionary spells it, Asia-Pacific (亚太).
    keys = [whole, whole.replace(" ", "-"), *(w.lower() for w in entity.words)]
    keys += [singular(k) for k in keys]
    keys += [k[:-2] for k in keys if k.endswith("ean")] + [k[:-1] for k in keys if k.endswith("an")]
    return list(dict.fromkeys(keys))


# A people or language named after its place: 瑞典人 Swede, 瑞典语 Swedish → 瑞典.
_PEOPLE_SUFFIXES = ("人", "语", "文", "族")


def _heads(key: str) -> list[str]:
    heads = list(known_renderings(key))
    heads += [h[:-1] for h in heads if len(h) > 2 and h.endswith(_PEOPLE_SUFFIXES)]
    return heads


def pinyin(entity: Entity, target: str, window: Span | None) -> Rendering | None:
    """The name's words spelt in pinyin by Han characters (武汉 Wuhan, 张伟 Zhang Wei)."""
    span = pinyin_span(entity.name_words or entity.words, target, window)
    return Rendering(entity, How.TRANSLITERATION, span) if span else None


def absorbable(entity: Entity) -> bool:
    """The dictionary abbreviates the name (or one of its words) to one character (中 China,
    美 America): such a name is often absorbed into other words (中方, 国内, 我国) rather than
    written out, so ordinary words that sound a little like it may well be it."""
    heads = [head for key in _name_keys(entity) for head in _heads(key)]
    # An abbreviation beside the full form (中 and 中国); a one-character name alone is the
    # name itself (张 Zhang), not a short form of it.
    return any(len(head) == 1 for head in heads) and any(len(head) > 1 for head in heads)


def transliteration(
    entity: Entity, target: str, window: Span | None, *, strict: bool, wordy: bool = True
) -> Rendering | None:
    """The best-sounding run of Han characters for the entity's name words; the parts of a
    ``·``-joined name found for several words make one rendering (托德·麥金農)."""
    matches = []
    for word in entity.sound_words:
        match = best_transliteration(word, target, window, strict=strict, wordy=wordy)
        if match:
            matches.append(match)
    if not matches:
        return None
    best = max(matches, key=lambda m: m[0])[1]
    spans = sorted((m[1] for m in matches), key=lambda span: span.start)
    start, end = best.start, best.end
    for span in spans:  # widen to neighbours joined by "·"
        if span.start == end + 1 and target[end] == "·":
            end = span.end
    for span in reversed(spans):
        if span.end == start - 1 and target[span.end] == "·":
            start = span.start
    return Rendering(entity, How.TRANSLITERATION, Span(start, end))


def translated(entity: Entity, ctx: PairContext, window: Span) -> Rendering | None:
    """Most of the entity's words have a dictionary counterpart in the target: its ordinary
    words (通用目錄 Universal Directory), or a name inside a gloss (跟腱 "Achilles tendon")."""
    words = _content_lemmas(entity)
    if not words:
        return None
    glossed = _glossed_entity_lemmas(ctx)
    found = sum(w in glossed or _derived_gloss(ctx, window, w) for w in words)
    if found * 2 >= len(words):
        return Rendering(entity, How.TRANSLATED, window)
    return None


def _derived_gloss(ctx: PairContext, window: Span, stem: str) -> bool:
    """A word of the window is glossed by a derivation of ``stem`` or ``stem`` by one of a
    gloss (moderniz: 现代化 "modernization"; vaccination: 接种 "vaccinate"): the lemmatiser
    strips inflections, not derivational suffixes. They share all but two letters of the
    shorter, and six at least."""
    if len(stem) < 6:
        return False
    for _, _, head in ctx.headwords_within(window):
        for gloss in glosses(head):
            shared = _shared_prefix(gloss, stem)
            if shared >= 6 and shared >= min(len(gloss), len(stem)) - 2:
                return True
    return False


def common_sense(ctx: PairContext, window: Span, wanted: str) -> Span | None:
    """The first dictionary word of ``window`` with the ordinary sense ``wanted`` (a lemma):
    灌木 for bush."""
    for start, end, head in ctx.headwords_within(window):
        if wanted in common_lemmas(head):
            return Span(start, end)
    return None


def _content_lemmas(entity: Entity) -> list[str]:
    return [
        lemma(part)
        for w in entity.words
        for part in w.split("-")
        if len(part) > 2 and part.lower() not in STOPWORDS
    ]


def _glossed_entity_lemmas(ctx: PairContext) -> set[str]:
    """The lemmas of the pair's entity words that some dictionary word of the target glosses
    (the target's full gloss vocabulary is thousands of lemmas; these are a handful)."""

    def compute() -> set[str]:
        wanted = frozenset(w for entity in source_entities(ctx) for w in _content_lemmas(entity))
        return set(carriers(ctx, Span(0, len(ctx.target)), wanted))

    return ctx.memo("glossed-entity-lemmas", compute)


def han_rendering(
    word: str, target: str, window: Span | None = None, *, wordy: bool = True
) -> Span | None:
    """Where one word of a name is rendered in Han characters in ``target`` (within
    ``window``): a known rendering (longest first), else the best strict transliteration.
    The one search behind both E101's judgement of a name's parts and ``locate_name``."""
    simplified = to_simplified(target)
    low, high = (window.start, window.end) if window else (0, len(target))
    for head in known_renderings(word.lower()):
        start = simplified.find(head, low, high)
        if start >= 0:
            return Span(start, start + len(head))
    match = best_transliteration(word, target, window, strict=True, wordy=wordy)
    return match[1] if match else None


def other_names(ctx: PairContext, window: Span) -> list[tuple[Span, str]]:
    """Dictionary names in ``window`` that are the established rendering of a name the English
    does not have (摩根士丹利, Morgan Stanley, for Goldman Sachs), as (span, English name) in
    text order. Proper nouns of two characters or more, standing alone: 約翰 inside 約翰尼斯堡
    (Johannesburg) is part of another name."""
    source, target = without_accents(ctx.source.lower()), ctx.target
    sounds = transliteration_characters()
    found = []
    for start, end, head in sorted(ctx.headwords_within(window), key=lambda h: (h[0], h[0] - h[1])):
        if end - start < 2 or common_lemmas(head):
            continue
        before = target[start - 1] if start else ""
        after = target[end] if end < len(target) else ""
        if before in sounds or after in sounds:
            continue
        names = names_rendered_as(head)
        # Cancún and Cancun are one name.
        if names and not any(without_accents(name) in source for name in names):
            found.append(
                (Span(start, end), " ".join(w[:1].upper() + w[1:] for w in names[0].split()))
            )
    return found


def _shared_prefix(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` begin with in common."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))
