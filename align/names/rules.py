"""E rules: names and terms kept, translated or transliterated correctly."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from align.context import PairContext
from align.glossary import Term, load_glossaries
from align.lang.cedict import common_lemmas
from align.lang.en import find_phrase, lemma, lemma_tokens, phrase_lemmas
from align.lang.phonetic import MATCH, sounds_like
from align.lang.zh import to_simplified
from align.models import PairResult, Severity, Span
from align.names.extract import Entity, is_common_word
from align.names.finders import How, common_sense, other_names, source_entities
from align.names.known import is_name_by_sound, known_renderings
from align.names.locate import name_forms, transliterated_words
from align.names.organisations import ORG_SUFFIX, is_organisation
from align.names.persons import is_person
from align.names.renderings import renderings
from align.names.transliteration import best_transliteration, inside, name_runs
from align.rules.base import Hit, rule


@rule("E101", "entity-missing", Severity.WARNING)
def entity_missing(ctx: PairContext) -> Iterator[Hit]:
    """A name in the source is nowhere in the translation.

    What it checks: each name of the English (a capitalised span with at least one word that
    is not ordinary English) is looked for in the Chinese: kept in Latin script, translated as
    CC-CEDICT or ``align/data/names.tsv`` know it, transliterated (pinyin compared with the
    name's sound), or its ordinary words translated. Fires when none is found and nothing in
    the aligned sentence even sounds like it; a piece half or more of ordinary words that
    only sounds a little alike does not count (當地 "local" for Dakar), unless the name is one
    often absorbed into other words (我国 for China) or run together from abbreviations
    (CapEx).
    A two-word name is judged whole: one part rendered and the other (not an ordinary word)
    nowhere fires as a partial drop, or as a swap when another name stands in its place
    across the person-name dot. Acronyms are left out: they are often spelled out in Chinese.
    Why it matters: a dropped name changes who said or did something.
    Example: ``Thanks, Heather.`` → ``謝謝。``; ``Gordon Whitfield signed it.`` →
    ``戈登·羅賓遜簽署了它。``
    Passes: ``Thanks, Heather.`` → ``謝謝,希瑟。``; ``Okta`` kept; ``Cisco`` → ``思科``.
    """
    if not ctx.bilingual:
        return
    # A mention is missing only when the name is nowhere in the translation (the renderings
    # fall back to the whole target), so a second mention would say the same again.
    reported: set[str] = set()
    for found in renderings(ctx):
        entity = found.entity
        # A lone capitalised word mid-sentence (Thanks, Heather) is a name even when it is
        # also an ordinary word; capitalised sentence starts were dropped on extraction.
        # So is a firm's name of ordinary words (Oracle Corporation).
        named = entity.name_words or len(entity.words) == 1 or ORG_SUFFIX.search(entity.text)
        if found.how == How.MISSING and named and not entity.is_acronym:
            if entity.text.casefold() in reported:
                continue
            reported.add(entity.text.casefold())
            yield _missing(ctx, entity)
        elif found.how == How.PARTIAL:
            yield Hit(
                f"{found.word} of {entity.text} is not in the translation",
                source_span=entity.span,
                target_span=found.target_span,
            )
        elif found.how == How.SWAPPED and found.target_span:
            yield Hit(
                f"{entity.text} has {found.target_span.slice(ctx.target)} in place of {found.word}",
                source_span=entity.span,
                target_span=found.target_span,
            )


def _missing(ctx: PairContext, entity: Entity) -> Hit:
    # Another name's established rendering in its place says what happened (摩根士丹利 for
    # Goldman Sachs). Only in the message: counted as a rendering of its own it raised the
    # false flags on correct names (3.0% → 3.9%, names_corpus.py).
    others = other_names(ctx, ctx.aligned_target(entity.span.start))
    if not others:
        return Hit(f"{entity.text} is not in the translation", source_span=entity.span)
    span, name = others[0]
    return Hit(
        f"{entity.text} is not in the translation; {span.slice(ctx.target)} there "
        f"is the established name of {name}",
        source_span=entity.span,
        target_span=span,
    )


@rule("E102", "latin-name-altered", Severity.ERROR)
def latin_name_altered(ctx: PairContext) -> Iterator[Hit]:
    """A name kept in Latin script was altered on the way.

    What it checks: a Latin-script word of the Chinese that is not in the English but contains
    or closely resembles (similarity ≥ 0.75) an English name, or spells an acronym of the
    source in other letter case (SXXBC → Sxxbc), when the name itself is not kept anywhere in
    the translation.
    Why it matters: a misspelt customer or product name is published as fact.
    Example: ``customers like Adobe`` → ``AdAdobe 等客戶``
    Passes: ``Adobe`` → ``Adobe``; ``VPNs`` → ``VPN``; ``Okta's`` → ``Okta 的``.
    """
    for found in renderings(ctx):
        if found.how == How.ALTERED and found.target_span:
            altered = found.target_span.slice(ctx.target)
            yield Hit(
                f"{found.word} appears as {altered}",
                source_span=found.entity.span,
                target_span=found.target_span,
            )


@rule("E103", "name-as-common-word", Severity.WARNING)
def name_as_common_word(ctx: PairContext) -> Iterator[Hit]:
    """A name was translated as the ordinary word it is spelled like.

    What it checks: a capitalised English name that is also an ordinary word and a known
    name (CC-CEDICT lists a rendering that sounds like it: Bush 布什, Rich 里奇) or a person
    by the sentence (after a personal title, Dr. Pike; hired, welcomed, given a role, telling:
    We hired Walnut as CFO) is not rendered as a name, and the
    aligned Chinese has a word whose dictionary sense is the ordinary word. A name with other
    ordinary words is translated word for word (Green Party 綠黨) and does not count.
    Why it matters: "President Bush" becoming "President Shrub" is the kind of error that
    makes a published translation a joke.
    Example: ``President Bush spoke.`` → ``灌木總統講話了。``
    Passes: ``President Bush spoke.`` → ``布希總統講話了。``
    """
    for found in renderings(ctx):
        if found.how not in (How.TRANSLATED, How.MISSING, How.UNCLEAR):
            continue
        window = ctx.aligned_target(found.entity.span.start)
        entity = found.entity
        # Dr. Pike, or a Pike the sentence welcomes or gives a role, is a person: 長矛 (a
        # pike) is wrong.
        person = is_person(ctx.source, entity)
        for word, common in zip(entity.words, entity.common, strict=True):
            if not is_common_word(word) or not (person or is_name_by_sound(word.lower())):
                continue
            # A name of ordinary words is translated word for word (Green Party 綠黨).
            if not person and sum(entity.common) > common:
                continue
            hit = common_sense(ctx, window, lemma(word))
            # A sense that is itself a loanword sounds like the name (雷亞爾, the currency
            # real, for Real), or is a piece of the name's transliteration in a dotted
            # person's name (珀 "amber" of 安珀·布賴德爾 Amber Bridle): not a translation.
            if hit and not best_transliteration(word, hit.slice(ctx.target), strict=True):
                if _in_transliterated_name(ctx.target, window, word, hit):
                    continue
                yield Hit(
                    f"the name {word} is rendered as the word {hit.slice(ctx.target)}",
                    source_span=found.entity.span,
                    target_span=hit,
                )


def _in_transliterated_name(target: str, window: Span, word: str, hit: Span) -> bool:
    near = best_transliteration(word, target, window)
    return bool(
        near
        and near[1] != hit
        and inside(hit, near[1])
        and any(inside(near[1], run) for run in name_runs(target, window))
    )


@rule("E104", "common-word-as-name", Severity.WARNING)
def common_word_as_name(ctx: PairContext) -> Iterator[Hit]:
    """An ordinary English word was transliterated as if it were a name.

    What it checks: a lowercase English word of the aligned sentence that sounds like a run of
    two or more transliteration characters (斯, 林, 克 …) in the Chinese (score ≥ 0.8), when
    that run is neither a dictionary word nor the rendering of a name in the source.
    Why it matters: the reader sees a person or place that does not exist.
    Example: ``Moving on to billings.`` → ``繼續討論比林斯。``
    Passes: ``Moving on to billings.`` → ``接下來談談帳單。``; ``Thanks, Catherine.`` →
    ``謝謝凱瑟琳。``
    """
    for word, source_span, target_span in transliterated_words(ctx):
        shown = target_span.slice(ctx.target)
        yield Hit(
            f"the word {word} is transliterated as a name: {shown}",
            source_span=source_span,
            target_span=target_span,
        )


@rule("E105", "organisation-as-person", Severity.WARNING)
def organisation_as_person(ctx: PairContext) -> Iterator[Hit]:
    """An organisation's name was rendered as a person's name.

    What it checks: an organisation (a name ending in Inc, Group, Capital, Securities,
    Networks …, the firm in ``NAME with FIRM``, ``NAME from FIRM``, or a name the sentence
    says is one: ``shares of X``, ``an analyst at X``, ``X is an investment bank``, ``X, a
    retailer``) whose Chinese rendering is written with the person-name separator ``·``
    (威廉·布萊爾).
    Why it matters: an analyst's bank becomes a second analyst; a company becomes a person.
    Example: ``Jonathan Ho with William Blair`` → ``喬納森·何和威廉·布萊爾``
    Passes: ``Jonathan Ho with William Blair`` → ``William Blair 的 Jonathan Ho``
    """
    entities = source_entities(ctx)
    firms = [
        entity
        for previous, entity in zip([None, *entities], entities, strict=False)
        if is_organisation(ctx.source, entity, previous)
    ]
    if not firms:
        return
    found = {r.entity: r for r in renderings(ctx)}  # once a pair, for every firm
    for entity in firms:
        # The firm under its established Chinese name (瑞士信貸 Credit Suisse) elsewhere is not
        # also a person (its English in brackets beside a dotted name does not count); and
        # a dotted run where another name is transliterated is that name (布拉德·澤爾尼克
        # Brad Zelnick), whatever it sounds like.
        own = found.get(entity)
        proper = own.target_span if own and own.how == How.DICTIONARY else None
        others = [
            r.target_span for r in found.values()
            if r.entity != entity and r.how == How.TRANSLITERATION and r.target_span
        ]  # fmt: skip
        window = ctx.aligned_target(entity.span.start)
        # The firm's own words may be translated (摩根·斯坦利研究) and a legal form dropped or
        # written 公司 (LLC, Inc, Ltd): try the name without them.
        named = list(entity.words)
        while len(named) > 2 and (is_common_word(named[-1]) or ORG_SUFFIX.search(named[-1])):
            named.pop()
        for run in name_runs(ctx.target, window):
            text = run.slice(ctx.target)
            fitted = _fit(entity.words, text) or _fit(tuple(named), text)
            if fitted:
                span = Span(run.start + fitted.start, run.start + fitted.end)
                elsewhere = proper is not None and not proper.overlaps(span)
                if elsewhere or any(o.overlaps(span) for o in others):
                    continue
                yield Hit(
                    f"the organisation {entity.text} is written as a person's name "
                    f"{span.slice(ctx.target)}",
                    source_span=entity.span,
                    target_span=span,
                )
                break


def _fit(words: tuple[str, ...], run: str) -> Span | None:
    """The part of a ``·``-joined run that renders ``words`` part for part. The run may hold
    more than the name: 聽取喬納森·何和威廉·布萊爾 holds 威廉·布萊爾 (first part a suffix, last
    part a prefix of the run's parts)."""
    parts = run.split("·")
    offsets = [0]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part) + 1)
    n = len(words)
    for k in range(len(parts) - n + 1):
        first, last = parts[k], parts[k + n - 1]
        # Best-rendering suffix of the first part and prefix of the last; shorter on a tie.
        start = max(range(len(first)), key=lambda i: (*_rendering_score(words[0], first[i:]), i))
        end = max(
            range(1, len(last) + 1), key=lambda j: (*_rendering_score(words[-1], last[:j]), -j)
        )
        if n == 1:
            continue  # one word is not a "·"-joined person's name
        middle = zip(words[1:-1], parts[k + 1 : k + n - 1], strict=True)
        scores = [
            _rendering_score(words[0], first[start:])[0],
            _rendering_score(words[-1], last[:end])[0],
            *(_rendering_score(w, p)[0] for w, p in middle),
        ]
        if min(scores) >= MATCH:
            return Span(offsets[k] + start, offsets[k + n - 1] + end)
    return None


def _rendering_score(word: str, han: str) -> tuple[float, bool]:
    """How well ``han`` renders ``word``, and whether it is a known rendering (preferred):
    a known rendering of the name, a dictionary sense of an ordinary word of it (合夥人
    Partners in 埃弗科爾·合夥人), else how it sounds."""
    simplified = to_simplified(han)
    if simplified in known_renderings(word.lower()):
        return 1.0, True
    if len(han) > 1 and is_common_word(word) and lemma(word) in common_lemmas(simplified):
        return 1.0, True
    return sounds_like(word, han), False


@rule("E107", "glossary-violation", Severity.ERROR)
def glossary_violation(ctx: PairContext) -> Iterator[Hit]:
    """A glossary term is not translated as the glossary says.

    What it checks: for every term of the glossaries given with ``--glossary`` or the
    ``glossary`` setting (CSV or TBX) found in the English: a do-not-translate term must appear
    in the Chinese exactly as written; a term with translations must have one of them in the
    Chinese (compared on the Simplified view, so script does not matter).
    Why it matters: product names and agreed terminology are the part of a translation a
    client checks first.
    Example: glossary ``Single Sign-On,單一登入``; ``Single Sign-On`` → ``單點登錄``
    Passes: ``Single Sign-On`` → ``單一登入``; a do-not-translate ``Okta`` kept as ``Okta``.
    """
    if not ctx.settings.glossary or not ctx.target.strip():
        return
    simplified = to_simplified(ctx.target)
    for term in load_glossaries(ctx.settings.glossary):
        match = term.pattern.search(ctx.source)
        if match is None or not _cued(term, ctx.source):
            continue
        span = Span(match.start(), match.end())
        if term.keep and term.source not in ctx.target:
            yield Hit(f"{term.source} must be kept as written ({term.origin})", source_span=span)
        elif not term.keep and not any(t in simplified for t in term.translations):
            used = next((w for w in term.wrong if w in simplified), None)
            if used and len(simplified) == len(ctx.target):  # as the text writes it
                at = simplified.index(used)
                used = ctx.target[at : at + len(used)]
            if term.translations:
                wanted = term.shown or " or ".join(term.translations)
                message = f"{term.source} must be translated as {wanted}"
                if used:
                    message += f", not {used}"
            elif used:
                message = f"{term.source} must not be translated as {used}"
            else:
                continue
            yield Hit(f"{message} ({term.origin})", source_span=span)


def _cued(term: Term, source: str) -> bool:
    """Whether the term applies: it has no cue words, or one of them is in the English."""
    if not term.cues:
        return True
    tokens = lemma_tokens(source)
    return any(next(find_phrase(tokens, phrase_lemmas(cue)), None) is not None
               for cue in term.cues)  # fmt: skip


_SHOWN_LINES = 5


@rule("E106", "inconsistent-rendering", Severity.WARNING, document=True, collect=name_forms)
def inconsistent_rendering(
    seen: dict[str, Any], result: PairResult, names: tuple[tuple[str, str, Span], ...] | None
) -> Iterator[Hit]:
    """One name is rendered in different ways across a document.

    What it checks: every rendering of each name (kept in English, a CC-CEDICT translation, a
    transliteration; compared on the Simplified view) in input order; fires on the pair where
    a name gets a rendering different from the ones before, and lists every rendering so
    far with its lines.
    Why it matters: a reader meets 布希 in one paragraph and 布什 in the next, or Deloitte and
    德勤, and wonders whether they are the same.
    Example: ``Thanks, Bush.`` → ``謝謝布希。`` then later ``Bush said`` → ``布什說``
    Passes: the same rendering every time; names only ever kept in English.
    """
    line = result.pair.target.lines[0] if result.pair.target else 0
    for key, form, span in names or ():
        # form → (how it was first written, its lines)
        forms: dict[str, tuple[str, list[int]]] = seen.setdefault(key, {})
        # 武汉 and 武汉市 (Wuhan, Wuhan city) are one rendering.
        same = [f for f in forms if f and form and (f.startswith(form) or form.startswith(f))]
        form = same[0] if same else form
        new = form not in forms and bool(forms)
        shown = span.slice(result.pair.target_text) if form else "kept in English"
        lines = forms.setdefault(form, (shown, []))[1]
        # Pairs arrive in input order: a new line is never below the last one kept. Six
        # lines are enough to show five and "…" (a long document must not grow the list).
        if len(lines) < _SHOWN_LINES + 1 and (not lines or lines[-1] != line):
            lines.append(line)
        if new:
            listing = "; ".join(
                f"{text} (line{'s' if len(at) > 1 else ''} "
                f"{', '.join(str(n) for n in at[:_SHOWN_LINES])}"
                f"{' …' if len(at) > _SHOWN_LINES else ''})"
                for text, at in forms.values()
            )
            yield Hit(f"{key} is rendered {len(forms)} ways: {listing}", target_span=span)
