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
from dataclasses import dataclass
from difflib import SequenceMatcher

from align.checks.lexical import carriers
from align.checks.transliteration import (
    best_transliteration,
    explained_by_words,
    inside,
    transliteration_runs,
)
from align.context import PairContext
from align.extract.entities import Entity, extract_entities, is_common_word
from align.lang.en import STOPWORDS, lemma
from align.lang.names import known_renderings
from align.lang.phonetic import chinese_key, english_key, first_sounds
from align.lang.script import HAN_CLASS
from align.lang.zh import to_simplified
from align.models import Span

_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.'’][A-Za-z0-9]+)*")
_PART = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Altered copies: at least this similar, and not merely a different word.
_ALTERED_SIMILARITY = 0.75


@dataclass(frozen=True, slots=True)
class Rendering:
    """How one entity of the source appears in the target."""

    entity: Entity
    # verbatim | altered | dictionary | transliteration | translated | unclear | missing, or
    # for a name of several name words: partial (one part rendered, another nowhere) |
    # swapped (another name's part in its place)
    how: str
    target_span: Span | None = None
    # For ``altered``: the source word the target token is a corruption of; for ``partial``
    # and ``swapped``: the word of the name not rendered.
    word: str = ""

    def form(self, target: str) -> str:
        """The rendering as text, Simplified so that script does not count as a difference."""
        if self.target_span is None:
            return ""
        return to_simplified(self.target_span.slice(target))


def renderings(ctx: PairContext) -> list[Rendering]:
    """Each source entity's rendering; memoised on the pair for all E rules."""
    return ctx.memo("entities", lambda: _renderings(ctx))


def source_entities(ctx: PairContext) -> list[Entity]:
    return ctx.memo("entity-list", lambda: extract_entities(ctx.source))


def _renderings(ctx: PairContext) -> list[Rendering]:
    target = ctx.target
    if not target.strip():
        return []
    latin = [(m.group(), Span(m.start(), m.end())) for m in _LATIN_TOKEN.finditer(target)]
    # The parts of hyphenated tokens too: HCV-NS3 keeps both HCV and NS3.
    latin += [
        (m.group(), Span(span.start + m.start(), span.start + m.end()))
        for token, span in list(latin)
        if "-" in token
        for m in _PART.finditer(token)
    ]
    source_tokens = {t.lower() for t in _LATIN_TOKEN.findall(ctx.source)}
    mentions = Counter(_singular(t) for t in _LATIN_TOKEN.findall(ctx.source))
    kept = Counter(_singular(token) for token, _ in latin)
    reported: set[Span] = set()
    found = []
    for entity in source_entities(ctx):
        window = ctx.aligned_target(entity.span.start)
        partly = _altered_word(entity, latin, source_tokens, mentions, kept, reported)
        rendering = (
            # A word of the name kept fewer times than the source has it, and an altered copy
            # of it: the whole name is judged, not its first word found (Brennan Holloawy).
            partly
            # The aligned sentence first: a name kept in one sentence and translated in
            # another is rendered twice, and the aligned one is this mention's rendering.
            or _verbatim(entity, latin, window)
            or (not _verbatim(entity, latin, None)
                and _altered(entity, latin, ctx.source, source_tokens))
            or _dictionary(entity, target, window)
            or (entity.is_term and _translated(entity, ctx, window))
            or _transliteration(entity, target, window, strict=True)
            or _verbatim(entity, latin, None)
            or _dictionary(entity, target, None)
            or _transliteration(entity, target, None, strict=True)
            or _translated(entity, ctx, window)
            # Something in the aligned sentence sounds a little like it: not sure enough to
            # call it missing, not sure enough to call it a rendering.
            # When the dictionary knows the name's rendering and it is absent, ordinary words
            # that happen to sound alike (開設了 "opened" for Cairo 開羅) are not enough.
            or (_transliteration(entity, target, window, strict=False,
                                 wordy=not _known(entity)) and
                Rendering(entity, "unclear"))
            or Rendering(entity, "missing")
        )  # fmt: skip
        if rendering.how in ("verbatim", "transliteration", "unclear"):
            # The whole name: one part found and another nowhere is a partial rendering.
            rendering = _partial(entity, target, latin, source_tokens, window) or rendering
        found.append(rendering)
    return found


def _partial(
    entity: Entity,
    target: str,
    latin: list[tuple[str, Span]],
    source_tokens: set[str],
    window: Span,
) -> Rendering | None:
    """A name of two words, as a person's (Marcus Hartley), of which one is rendered
    (kept, a known rendering, a transliteration) and another nowhere in the aligned sentence:
    ``swapped`` when another name stands next to the part found (馬庫斯·哈里森, Marcus
    Harrison), else ``partial`` (馬庫斯 alone). ``word`` is the part not rendered."""
    # Any word may be the part found (Dawn of Dawn Comfort), but only a name word is missed:
    # the ordinary words of a name (Okta Integration Network) may be translated. A word of one
    # consonant (Sao, Ho) is matched by too much and too little to tell.
    words = [w for w in entity.words if len(w) > 1 and not w.isupper()]
    if len(words) != 2 or len(entity.words) != 2:
        return None  # a two-part name, as a person's is
    spans = {word: _word_span(word, target, latin, window) for word in words}
    found = [span for span in spans.values() if span is not None]
    absent = [
        w
        for w, span in spans.items()
        if span is None and not is_common_word(w) and len(english_key(w)) > 1
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
        same_start = chinese_key(text)[:1] in first_sounds(english_key(word)[0])
        if same_start or best_transliteration(word, text):
            return None
        return Rendering(entity, "swapped", neighbour, word)
    # Something else that may be its transliteration (the parts found are not).
    masked = list(target)
    for span in found:
        masked[span.start : span.end] = "_" * (span.end - span.start)
    if best_transliteration(word, "".join(masked), window, wordy=False):
        return None
    return Rendering(entity, "partial", found[0], word)


def _word_span(word: str, target: str, latin: list[tuple[str, Span]], window: Span) -> Span | None:
    """Where one word of a name is rendered in the aligned sentence: kept, a known rendering,
    or a transliteration."""
    wanted = _singular(word)
    for token, span in latin:
        if inside(span, window) and _singular(token) == wanted:
            return span
    simplified = to_simplified(target)
    for head in known_renderings(word.lower()):
        start = simplified.find(head, window.start, window.end)
        if start >= 0:
            return Span(start, start + len(head))
    match = best_transliteration(word, target, window, strict=True, wordy=False)
    return match[1] if match else None


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


def _altered_word(
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
    name_kept = any(kept[_singular(w)] for w in entity.words if len(w) > 1)
    for word, common in zip(entity.words, entity.common, strict=True):
        if (common and not name_kept) or len(word) < 4 or (word.isupper() and len(word) < 5):
            continue
        key = _singular(word)
        if kept[key] >= mentions[key]:
            continue  # every mention of this word is kept
        for token, span in latin:
            low = token.lower()
            if span in reported or low in source_tokens:
                continue
            if SequenceMatcher(None, low, word.lower()).ratio() >= _ALTERED_SIMILARITY:
                reported.add(span)
                return Rendering(entity, "altered", span, word)
    return None


def _verbatim(
    entity: Entity, latin: list[tuple[str, Span]], window: Span | None
) -> Rendering | None:
    wanted = {_singular(w) for w in entity.words if len(w) > 1}
    for token, span in latin:
        if inside(span, window) and _singular(token) in wanted and not _recased(token, entity):
            return Rendering(entity, "verbatim", span)
    return None


def _recased(token: str, entity: Entity) -> str | None:
    """The acronym of ``entity`` that ``token`` spells in other letter case (SXXBC → Sxxbc)."""
    for word in entity.words:
        if word.isupper() and len(word) > 1 and _singular(token) == _singular(word):
            stem = token.removesuffix("s") if word.endswith("s") else token
            if not stem.isupper():
                return word
    return None


def _singular(word: str) -> str:
    """Case, possessive and plural do not make a different name (VPNs, VPN, Okta's)."""
    low = word.lower().removesuffix("'s").removesuffix("’s")
    return low[:-1] if len(low) > 3 and low.endswith("s") else low


def _altered(
    entity: Entity, latin: list[tuple[str, Span]], source: str, source_tokens: set[str]
) -> Rendering | None:
    """A Latin token that is a corrupted copy of a name: letters added or changed (AdAdobe,
    Okda) or an acronym in other case (SXXBC → Sxxbc, ESTs → Ests)."""
    for token, span in latin:
        recased = _recased(token, entity)
        if recased and token not in source:
            return Rendering(entity, "altered", span, recased)
        low = token.lower()
        if low in source_tokens:
            continue
        for word in entity.words:
            if len(word) < 4 or (word.isupper() and len(word) < 5):
                continue
            similar = SequenceMatcher(None, low, word.lower()).ratio() >= _ALTERED_SIMILARITY
            if word.lower() in low or similar:
                return Rendering(entity, "altered", span, word)
    return None


def _dictionary(entity: Entity, target: str, window: Span | None) -> Rendering | None:
    simplified = to_simplified(target)
    for key in _name_keys(entity):
        for head in _heads(key):
            start = simplified.find(head, window.start if window else 0)
            if start >= 0 and inside(Span(start, start + len(head)), window):
                return Rendering(entity, "dictionary", Span(start, start + len(head)))
    return None


def _name_keys(entity: Entity) -> list[str]:
    """The entity and its words, as written and as the place or people they name: Africans →
    African (非洲人), South African → South Africa (南非), European → Europe."""
    keys = [entity.key.lower(), *(w.lower() for w in entity.words)]
    keys += [_singular(k) for k in keys]
    keys += [k[:-2] for k in keys if k.endswith("ean")] + [k[:-1] for k in keys if k.endswith("an")]
    return list(dict.fromkeys(keys))


# A people or language named after its place: 瑞典人 Swede, 瑞典语 Swedish → 瑞典.
_PEOPLE_SUFFIXES = ("人", "语", "文", "族")


def _heads(key: str) -> list[str]:
    heads = list(known_renderings(key))
    heads += [h[:-1] for h in heads if len(h) > 2 and h.endswith(_PEOPLE_SUFFIXES)]
    return heads


def _known(entity: Entity) -> bool:
    """The dictionary knows an established rendering of the name or of one of its words, and
    the name is not one it also abbreviates to one character (中 China, 美 America): such a
    name is often absorbed into other words (中方, 国内, 我国) rather than written out."""
    heads = [head for key in _name_keys(entity) for head in _heads(key)]
    return bool(heads) and all(len(head) > 1 for head in heads)


def _transliteration(
    entity: Entity, target: str, window: Span | None, *, strict: bool, wordy: bool = True
) -> Rendering | None:
    """The best-sounding run of Han characters for the entity's name words; the parts of a
    ``·``-joined name found for several words make one rendering (托德·麥金農)."""
    matches = []
    for word in entity.name_words or entity.words:
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
    return Rendering(entity, "transliteration", Span(start, end))


def _translated(entity: Entity, ctx: PairContext, window: Span) -> Rendering | None:
    """Most of the entity's words have a dictionary counterpart in the target: its ordinary
    words (通用目錄 Universal Directory), or a name inside a gloss (跟腱 "Achilles tendon")."""
    words = _content_lemmas(entity)
    if not words:
        return None
    glossed = _glossed_entity_lemmas(ctx)
    if sum(w in glossed for w in words) * 2 >= len(words):
        return Rendering(entity, "translated", window)
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


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]{3,}(?![\w'’-])")
# A common word transliterated: stricter than finding a name's own rendering.
_COMMON_AS_NAME = 0.8


def transliterated_words(ctx: PairContext) -> list[tuple[str, Span, Span]]:
    """(word, source span, target span) for lowercase English words rendered as a name."""
    return ctx.memo("transliterated-words", lambda: _transliterated_words(ctx))


def _transliterated_words(ctx: PairContext) -> list[tuple[str, Span, Span]]:
    if not ctx.target.strip():
        return []
    rendered = [r.target_span for r in renderings(ctx) if r.target_span and r.how in _NAMED]
    names = [w for e in source_entities(ctx) for w in e.words]
    runs = [
        run
        for run in transliteration_runs(ctx.target)
        if not any(s.start < run.end and run.start < s.end for s in rendered)
        # A source name's transliteration, even where the name is also kept in Latin.
        and not any(best_transliteration(n, run.slice(ctx.target), strict=True) for n in names)
    ]
    if not runs:
        return []
    words = [  # (word, its span, the target sentence aligned with it)
        (m.group(), span, ctx.aligned_target(span.start))
        for m in _LOWER_WORD.finditer(ctx.source)
        if m.group() not in STOPWORDS
        for span in [Span(m.start(), m.end())]
    ]
    found = []
    for run in runs:
        # The source word that sounds most like the run; only a word of three consonant
        # classes or more is evidence (a two-class word like "lata" matches too easily).
        best = None
        for word, span, window in words:
            if not inside(run, window):
                continue
            match = best_transliteration(word, run.slice(ctx.target), strict=True)
            if (
                match
                and match[1].end - match[1].start >= 2
                and (best is None or match[0] > best[0])
            ):
                best = (match[0], word, span, match[1])
        if best and best[0] >= _COMMON_AS_NAME and len(english_key(best[1])) >= 3:
            _, word, span, piece = best
            found.append((word, span, Span(run.start + piece.start, run.start + piece.end)))
    return found


_NAMED = ("dictionary", "transliteration")


def name_forms(ctx: PairContext) -> tuple[tuple[str, str, Span], ...]:
    """(entity key, rendered form, target span) for the names this pair renders: what the
    document-wide consistency rule compares. The form is Simplified, "" when kept in English."""
    forms = []
    for found in renderings(ctx):
        entity = found.entity
        if entity.is_term or entity.is_acronym or found.target_span is None:
            continue
        if found.how == "verbatim":
            forms.append((entity.key, "", found.target_span))
        elif found.how in ("dictionary", "transliteration"):
            forms.append((entity.key, found.form(ctx.target), found.target_span))
    return tuple(forms)


def locate_name(words: list[str], target: str) -> Span | None:
    """Where a name written as ``words`` appears in ``target``: its words kept in Latin script,
    a known Chinese rendering, or a transliteration; the span covers all parts found."""
    simplified = to_simplified(target)
    spans = []
    for word in words:
        clean = word.rstrip(".,")
        found = re.search(rf"(?<![A-Za-z]){re.escape(clean)}(?![A-Za-z])", target)
        if found:
            spans.append(Span(found.start(), found.end()))
            continue
        for head in known_renderings(clean.lower()):
            start = simplified.find(head)
            if start >= 0:
                spans.append(Span(start, start + len(head)))
                break
        else:
            match = best_transliteration(clean, target, strict=True)
            if match:
                spans.append(match[1])
    if not spans:
        return None
    return Span(min(s.start for s in spans), max(s.end for s in spans))
