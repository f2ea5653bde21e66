"""M rules: signs that the meaning went wrong though the words are all there."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from align.context import PairContext
from align.lang.en import content_lemmas
from align.lang.scan import glosses
from align.lang.script import HAN_CLASS
from align.lang.zh import to_simplified, to_traditional
from align.meaning.domains import TermMatch, find_domain_terms
from align.meaning.idioms import find_idioms, literal_renderings, literal_signature
from align.meaning.lexical import WordSense, coverage, word_senses
from align.models import PairResult, Severity, Span
from align.names.finders import How
from align.names.locate import locate_name
from align.names.renderings import renderings
from align.rules.base import Hit, rule
from align.script.marks import HANT, script_marks


@rule("M101", "literal-idiom", Severity.WARNING)
def literal_idiom(ctx: PairContext) -> Iterator[Hit]:
    """An English idiom translated word for word.

    What it checks: the English has an idiom — one of about 3,600: the hand list
    ``align/data/idioms.tsv`` (meeting phrases such as the floor is yours, give some color,
    with the literal Chinese MT writes for them), the non-compositional multiword expressions
    of Open English WordNet (red tape, cold feet, kick the bucket), and the files of the
    ``idioms`` setting — and the aligned Chinese sentence renders it literally: it has one of
    the listed literal renderings (a warning), or it renders every *figurative* word of the
    idiom (at least two, one of them a concrete thing: the content words its meaning does not
    use) with a word CC-CEDICT gives for it, and no single dictionary word renders the whole
    idiom (info: the English may use the phrase literally — red tape on a box — or Chinese
    may have adopted the calque — 毒丸計畫 for poison pill; on held-out pairs about a third of
    these flags were such cases, ``python tests/bench/meaning_heldout.py``).
    Why it matters: the reader gets "the floor belongs to you" or "red adhesive tape"; the
    sentence is grammatical, so nobody notices without the English.
    Example: ``The floor is yours.`` → ``地板是你的了。``; ``We cut through the red tape.`` →
    ``我們剪斷了紅色膠帶。``
    Passes: ``The floor is yours.`` → ``請發言。``; ``the floor`` in a building → ``地板``;
    ``red tape`` → ``繁文縟節``.
    """
    if not ctx.target.strip():
        return
    reported = set()
    for match in find_idioms(ctx.source, ctx.settings.idioms):
        idiom = match.idiom
        if idiom.phrase in reported:
            continue  # "The floor is yours, Rob. The floor is yours.": once is enough
        window = ctx.aligned_target(match.span.start)
        listed = next(literal_renderings(match, ctx.target, window), None)
        if listed is not None:
            reported.add(idiom.phrase)
            yield Hit(
                f'"{idiom.phrase}" rendered literally as {listed.slice(ctx.target)} '
                f"(it means: {idiom.meaning})",
                source_span=match.span,
                target_span=listed,
            )
            continue
        words = literal_signature(idiom, ctx.headwords_within(window))
        if words is None:
            continue
        reported.add(idiom.phrase)
        shown = ", ".join(f"{span.slice(ctx.target)} ({word})" for word, span in words)
        yield Hit(
            f'"{idiom.phrase}" rendered word for word? {shown} (it means: {idiom.meaning})',
            severity=Severity.INFO,
            source_span=match.span,
            target_span=Span(min(s.start for _, s in words), max(s.end for _, s in words)),
        )


@rule("M106", "wrong-domain-sense", Severity.WARNING)
def wrong_domain_sense(ctx: PairContext) -> Iterator[Hit]:
    """A domain term rendered in its everyday sense.

    What it checks: with ``--domain finance`` or ``biomedical`` (setting ``domain``), each
    term of that domain's bundled term base found in the English (*guidance*, *seats*,
    *comps*; the *arm* of a trial, a drug's *vehicle*), when its cue words, if it has any,
    are in the same sentence (a *print* with *estimates*): the aligned Chinese sentence has one
    of the term's everyday-sense renderings and none of its domain renderings. A wrong
    rendering that CC-CEDICT glosses with another word of the English sentence may be that
    word's translation and is not reported.
    Why it matters: 指導 for *guidance* or 座位 for *seats* reads fluently and says something
    else (coaching; chairs); a reviewer without the English cannot see it.
    Example: ``We are raising our guidance.`` → ``我們正在提高我們的指導。`` (finance)
    Passes: ``We are raising our guidance.`` → ``我們上調財測。``; ``Print the form.`` →
    ``列印表格。`` (no cue).
    """
    if not ctx.settings.domain or not ctx.target.strip():
        return
    for match in find_domain_terms(ctx.source, ctx.source_sentences, ctx.settings.domain):
        window = ctx.aligned_target(match.span.start)
        shown = window.slice(ctx.target)
        simplified = to_simplified(shown)
        term = match.term
        if any(rendering in simplified for rendering in term.accepted):
            continue
        listed = (w for w in term.wrong if w in simplified and not _other_word(ctx, match, w))
        wrong = next(listed, None)
        if wrong is None:
            continue
        at = simplified.index(wrong)
        # OpenCC converts character for character, so the offset is the text's offset.
        target_span = (
            Span(window.start + at, window.start + at + len(wrong))
            if len(simplified) == len(shown)
            else window
        )
        expected = " or ".join(term.accepted[:3])
        if script_marks(ctx.target).script == HANT:
            expected = to_traditional(expected)
        yield Hit(
            f'"{match.span.slice(ctx.source)}" ({term.domain}: {term.meaning}) rendered as '
            f"{target_span.slice(ctx.target)}, an everyday sense; expected {expected}",
            source_span=match.span,
            target_span=target_span,
        )


def _other_word(ctx: PairContext, match: TermMatch, wrong: str) -> bool:
    """Whether CC-CEDICT glosses ``wrong`` with a content word of the sentence that is not
    the term's: then it may be that word's translation (预订 for *reservations*)."""
    own = {word for form in match.term.forms for word in form}
    others = set(content_lemmas(match.sentence.slice(ctx.source))) - own
    return not glosses(wrong).isdisjoint(others)


_NAMED = (How.VERBATIM, How.DICTIONARY, How.TRANSLITERATION)
# A sentence of a few Han characters and a full stop, nothing else.
_FRAGMENT = re.compile(f"^[{HAN_CLASS}]{{1,4}}[。.]$")
# What may come before a fragment: a full stop. After ； or : it is an item of a list.
_LIST_BEFORE = re.compile(r"[；;:：、，,]\s*$")
_SHORT_ENGLISH = 4  # words


@rule("M102", "stray-fragment", Severity.WARNING)
def stray_fragment(ctx: PairContext) -> Iterator[Hit]:
    """A lone word or clause between full stops, with no counterpart in the English.

    What it checks: a Chinese "sentence" of one to four Han characters after a full stop and
    ending in one (not a question or exclamation, not the last item of a list, not a name of
    the source) in a pair whose English has no sentence that short.
    Why it matters: a fragment like ``襯套。`` ("bushing.") or ``最近收購。`` is garbage from
    a mis-segmented source; it reads as a typo at best.
    Example: ``… the late President George H.W. Bush. We honor …`` →
    ``…布希的這一天。襯套。我們…``
    Passes: ``Thank you.`` → ``謝謝。``; ``Todd?`` → ``托德?``
    """
    if not ctx.source.strip() or not ctx.target.strip():
        return
    english_short = sum(
        len(s.slice(ctx.source).split()) <= _SHORT_ENGLISH for s in ctx.source_sentences
    )
    fragments = [
        s
        for s in ctx.target_sentences
        if _FRAGMENT.match(s.slice(ctx.target).strip())
        and not _LIST_BEFORE.search(ctx.target[: s.start])
    ]
    if len(fragments) <= english_short:
        return
    named = [r.target_span for r in renderings(ctx) if r.target_span and r.how in _NAMED]
    for span in fragments:
        if any(n.overlaps(span) for n in named):
            continue
        yield Hit(
            f"stray fragment {span.slice(ctx.target).strip()} with no counterpart in the English",
            target_span=span,
        )


_CONJUNCTIONS = re.compile("[和與与及跟]")
_NAME = r"[A-Z][\w'’.-]*"
# "Shaul Eyal with Oppenheimer", "Gray Powell of Deutsche Bank": a two- or three-word name,
# the relation word, and the firm's capitalised words.
_INTRODUCTION = re.compile(
    rf"\b(?P<person>{_NAME}(?: {_NAME}){{1,2}}),? (?P<relation>with|from|of|at) "
    rf"(?P<firm>{_NAME}(?: (?:&|{_NAME}))*)"
)
_MAX_GAP = 12


@rule("M103", "affiliation-as-conjunction", Severity.WARNING)
def affiliation_as_conjunction(ctx: PairContext) -> Iterator[Hit]:
    """``NAME with FIRM`` rendered as ``NAME and FIRM``: one analyst becomes two speakers.

    What it checks: a person's name followed by ``with``, ``from``, ``of`` or ``at`` and an
    organisation (the way transcripts introduce analysts) whose two renderings in the
    Chinese (kept in English, translated or transliterated) are joined by 和, 與, 及 or 跟
    rather than by 的 or a word for "from".
    Why it matters: the reader sees two people (Shaul Eyal and Oppenheimer) where there is
    one analyst and the bank he works for.
    Example: ``Shaul Eyal with Oppenheimer`` → ``Shaul Eyal 和 Oppenheimer``
    Passes: ``Shaul Eyal with Oppenheimer`` → ``Oppenheimer 的 Shaul Eyal``
    """
    if not ctx.target.strip():
        return
    for match in _INTRODUCTION.finditer(ctx.source):
        firm_name = match.group("firm").rstrip(".")  # "… with Needham."
        person = locate_name(match.group("person").split(), ctx.target)
        firm = locate_name(firm_name.split(), ctx.target)
        if person is None or firm is None:
            continue
        left, right = sorted((person, firm), key=lambda s: s.start)
        gap = ctx.target[left.end : right.start]
        conjunction = _CONJUNCTIONS.search(gap)
        if conjunction and len(gap) <= _MAX_GAP and "的" not in gap:
            yield Hit(
                f'"{match.group("relation")}" rendered as "{conjunction.group()}" (and): '
                f"{match.group('person')} and {firm_name} read as two people",
                source_span=Span(match.start(), match.end()),
                target_span=Span(left.start, right.end),
            )


# A long sentence whose words mostly have no dictionary counterpart in its translation.
_LONG = 10  # content words the dictionary knows
_LOW = 0.15


@rule("M105", "low-lexical-coverage", Severity.INFO)
def low_lexical_coverage(ctx: PairContext) -> Iterator[Hit]:
    """A long sentence whose words mostly have no dictionary counterpart in its translation.

    What it checks: for each aligned sentence with ten or more content words the dictionary
    knows (not counting words kept in Latin script), the share that CC-CEDICT translates into
    a word of the aligned Chinese; below 15% the sentence is reported (info).
    Why it matters: a translation that shares almost no vocabulary with its source is often a
    different sentence (misalignment), a hallucination or a paraphrase worth a look.
    Example: a sentence about revenue paired with a sentence about customers.
    Passes: ordinary translations (the sample's median coverage is about 60%).
    """
    for link in ctx.sentence_links:
        share, words = coverage(ctx, link)
        if words >= _LONG and share < _LOW:
            yield Hit(
                f"only {share:.0%} of {words} English content words have a dictionary "
                "counterpart in the translation",
                source_span=link.source,
                target_span=link.target,
            )


# A rendering is the document's usual one when it carried the word this often before.
_USUAL_COUNT = 3
_USUAL_SHARE = 0.75
# Verb forms are paraphrased too freely (working → 努力) to judge their renderings.
_VERB_FORM = re.compile(r"(?:ing|ed)$")


@rule("M104", "sense-inconsistency", Severity.WARNING, document=True, collect=word_senses)
def sense_inconsistency(
    seen: dict[tuple[str, str], Counter[str]],
    result: PairResult,
    senses: tuple[WordSense, ...] | None,
) -> Iterator[Hit]:
    """A word the document translates one way is, here, rendered by nothing that means it.

    What it checks: for every English content word, which words of the aligned Chinese
    sentence carry its sense by CC-CEDICT. When the same word (as written: ``deals``, not
    ``deal with``) was carried by one rendering at least three times before, in three cases
    out of four or more, and here nothing in the aligned sentence carries it at all, the
    pair is reported with the usual rendering and how often it was used.
    Why it matters: "deals" rendered 交易 throughout and then 優惠 ("discounts") once is a
    sense error the reader cannot detect; the rest of the document shows what was meant.
    Example: ``There are a lot of deals.`` → ``有很多優惠。`` after three ``deals`` → ``交易``
    Passes: the usual rendering, or any word CC-CEDICT glosses with the English word.
    """
    reported = set()
    # This runs in the main process for every content word of the document: kept lean.
    for key, word, carriers, start, end, sentence, single in senses or ():
        history = seen.get((key, word))  # words are lowercase (word_senses)
        if history is None:  # not setdefault: it would build a Counter for every word
            history = seen[key, word] = Counter()
        if single and not carriers and history and word not in reported:
            span = Span(start, end)
            hits = list(_unusual(history, word, span, sentence, result.pair.target_text))
            if hits:
                reported.add(word)  # once per pair is enough
            yield from hits
        if carriers:
            head = carriers[0]
            history[head] = history.get(head, 0) + 1  # Counter's += calls __missing__


def _unusual(
    history: Counter[str], word: str, span: Span, sentence: Span, target: str
) -> Iterator[Hit]:
    """The M104 finding for ``word``, when its usual rendering is clear and absent here."""
    usual, count = history.most_common(1)[0]
    # Judged against a usual rendering that is a word (one character glosses too much).
    enough = count >= _USUAL_COUNT and count >= _USUAL_SHARE * sum(history.values())
    if not enough or len(usual) < 2 or _VERB_FORM.search(word):
        return
    shown = sentence.slice(target)
    # A character of the usual rendering here (季 of 季度 in 本季, 身 of 身份 in 身分)
    # is the same word in another form.
    if any(char in to_simplified(shown) for char in usual):
        return
    shown = shown.strip() if len(shown.strip()) <= 30 else shown.strip()[:29] + "…"
    if script_marks(target).script == HANT:
        usual = to_traditional(usual)
    yield Hit(
        f"{word} is {usual} in {count} earlier places, but nothing in “{shown}” means {word}",
        source_span=span,
        target_span=sentence,
    )
