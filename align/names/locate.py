"""What other rules ask of a pair's name renderings: the forms a document compares (E106),
ordinary words transliterated as names (E104), and where a name is (M rules)."""

from __future__ import annotations

import re

from align.context import PairContext
from align.lang.en import STOPWORDS
from align.lang.phonetic import english_key
from align.models import Span
from align.names.finders import How, han_rendering, source_entities
from align.names.renderings import renderings
from align.names.transliteration import best_transliteration, inside, transliteration_runs

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
        if not any(s.overlaps(run) for s in rendered)
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


_NAMED = (How.DICTIONARY, How.TRANSLITERATION)


def name_forms(ctx: PairContext) -> tuple[tuple[str, str, Span], ...]:
    """(entity key, rendered form, target span) for the names this pair renders: what the
    document-wide consistency rule compares. The form is Simplified, "" when kept in English."""
    forms = []
    for found in renderings(ctx):
        entity = found.entity
        if entity.is_term or entity.is_acronym or found.target_span is None:
            continue
        if found.how == How.VERBATIM:
            forms.append((entity.key, "", found.target_span))
        elif found.how in _NAMED:
            forms.append((entity.key, found.form(ctx.target), found.target_span))
    return tuple(forms)


def locate_name(words: list[str], target: str) -> Span | None:
    """Where a name written as ``words`` appears in ``target``: its words kept in Latin script,
    a known Chinese rendering, or a transliteration; the span covers all parts found."""
    spans = []
    for word in words:
        clean = word.rstrip(".,")
        found = re.search(rf"(?<![A-Za-z]){re.escape(clean)}(?![A-Za-z])", target)
        if found:
            spans.append(Span(found.start(), found.end()))
            continue
        rendered = han_rendering(clean, target)
        if rendered:
            spans.append(rendered)
    if not spans:
        return None
    return Span(min(s.start for s in spans), max(s.end for s in spans))
