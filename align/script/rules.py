"""L rules: the target is Chinese, in the expected script."""

from __future__ import annotations

import re
from collections.abc import Iterator

from align.context import PairContext
from align.lang.script import count_scripts
from align.models import Severity, Span
from align.names.extract import is_common_word
from align.rules.base import Hit, rule, whole_span
from align.script.confusions import conversion_confusions
from align.script.marks import HANS, HANT, SCRIPT_NAMES, script_marks

# A lowercase English word: names, tickers and acronyms are capitalised, prose is not.
_PROSE_WORD = re.compile(r"\b[a-z][a-z']{2,}\b")


@rule("L001", "untranslated-target", Severity.ERROR)
def untranslated_target(ctx: PairContext) -> Iterator[Hit]:
    """The target is English prose, not Chinese.

    What it checks: the Chinese side is mostly Latin script (Han share below
    ``untranslated-han-share``) and contains English prose: two or more lowercase words of
    three letters or more, or one when it repeats the source verbatim.
    Why it matters: machine translation sometimes returns its input unchanged; a reader of the
    Chinese edition then gets English.
    Example: ``We grew revenue 40% this year.`` → ``We grew revenue 40% this year.``
    Passes: speaker lines (structural pairs), names and tickers alone (``Okta`` → ``Okta``,
    ``AWS re:Invent``), and Chinese text with English names in it.
    """
    target = ctx.target.strip()
    if not target or not ctx.source.strip():
        return
    if count_scripts(target).han_share >= ctx.settings.untranslated_han_share:
        return
    prose = len(_PROSE_WORD.findall(target))
    verbatim = target == ctx.source.strip()
    if prose >= 2 or (verbatim and prose >= 1):
        how = "repeats the source verbatim" if verbatim else "is English, not Chinese"
        yield Hit(
            f"translation {how}",
            source_span=whole_span(ctx.source),
            target_span=whole_span(ctx.target),
        )


# English prose left in a Chinese sentence: lowercase words, not inside a URL, path or address.
_LEFT_ENGLISH = re.compile(r"(?<![\w./@:-])[a-z]{3,}(?:[ -][a-z]{2,})*(?![\w./@:-])")


@rule("L002", "english-in-target", Severity.WARNING)
def english_in_target(ctx: PairContext) -> Iterator[Hit]:
    """English words left untranslated inside Chinese text.

    What it checks: a Chinese target (not one L001 reports as wholly English) containing a
    lowercase English word or phrase that is ordinary English (a CC-CEDICT gloss word) and
    appears in the source; names, acronyms, product names in CamelCase, URLs, e-mail addresses
    and file names are left alone.
    Why it matters: half-translated sentences read as a failure of the translation, and the
    English word is often the one the engine did not understand.
    Example: ``The pipeline is strong.`` → ``我們的 pipeline 很強。``
    Passes: ``Okta Identity Cloud`` kept in English; ``AWS re:Invent``; ``okta.com``; the
    original term in brackets after its translation, ``脂肪干细胞(adipose-derived stem cells)``.
    """
    target = ctx.target
    if not target.strip() or count_scripts(target).han_share < ctx.settings.untranslated_han_share:
        return
    for match in _LEFT_ENGLISH.finditer(target):
        phrase = match.group()
        words = phrase.replace("-", " ").split()
        if not any(len(w) >= 3 and is_common_word(w) for w in words):
            continue
        in_source = _find(ctx.source, phrase)
        if in_source is None or _in_brackets(target, match.start()):
            continue
        yield Hit(
            f"English left untranslated: {phrase}",
            source_span=in_source,
            target_span=Span(match.start(), match.end()),
        )


def _in_brackets(text: str, position: int) -> bool:
    """Inside parentheses: 脂肪干细胞 (adipose-derived stem cells) glosses the original term,
    a convention of technical Chinese, not a failure to translate."""
    before = text[:position]
    opened = max(before.rfind("("), before.rfind("（"))
    return opened >= 0 and max(before.rfind(")"), before.rfind("）")) < opened


def _find(text: str, phrase: str) -> Span | None:
    found = re.search(rf"\b{re.escape(phrase)}\b", text, re.IGNORECASE)
    return Span(found.start(), found.end()) if found else None


# Fewer marked characters than this is noise (a quoted name, one odd character).
_MIN_MARKED = 2


@rule("L003", "mixed-script", Severity.WARNING)
def mixed_script(ctx: PairContext) -> Iterator[Hit]:
    """Traditional and Simplified characters mixed in one segment.

    What it checks: the Chinese uses at least two characters only Traditional writing uses
    (灣, 說, 這) and at least two only Simplified writing uses (湾, 说, 这), by CC-CEDICT's
    headwords. Characters both scripts share (台, 了, 里, 著) prove nothing.
    Why it matters: mixed scripts come from pasting output of different engines or a partial
    conversion; readers in Taiwan and Hong Kong notice at once.
    Example: ``這是我們的发展战略。``
    Passes: ``這是我們的發展戰略。``; ``这是我们的发展战略。``
    """
    marks = script_marks(ctx.target)
    if len(marks.traditional) >= _MIN_MARKED and len(marks.simplified) >= _MIN_MARKED:
        minority = min((marks.traditional, HANT), (marks.simplified, HANS), key=lambda m: len(m[0]))
        chars = "".join(dict.fromkeys(ctx.target[i] for i in minority[0]))
        majority = HANS if minority[1] == HANT else HANT  # on a tie too, not the same script
        yield Hit(
            f"{SCRIPT_NAMES[minority[1]]} characters {chars} in {SCRIPT_NAMES[majority]} text",
            target_span=_cover(minority[0]),
        )


def _cover(offsets: tuple[int, ...]) -> Span:
    return Span(min(offsets), max(offsets) + 1)


@rule("L004", "wrong-script", Severity.ERROR)
def wrong_script(ctx: PairContext) -> Iterator[Hit]:
    """The segment is in the other script than the locale (or the rest of the document).

    What it checks: with ``--target-lang`` (or ``target-locale`` in the configuration) the
    expected script is zh-TW/zh-HK/zh-MO → Traditional, zh-CN/zh-SG → Simplified; without
    it, the script of the document's beginning. Fires when the segment is written mostly in
    the other script (two or more marked characters).
    Why it matters: a Simplified sentence in a Taiwanese publication, or the reverse, is the
    first thing a reader there notices.
    Example: ``--target-lang zh-TW`` and ``我们的客户``
    Passes: ``--target-lang zh-TW`` and ``我們的客戶``; text with only shared characters.
    """
    expected = ctx.settings.expected_script or ctx.target_lang
    if expected not in (HANT, HANS):
        return
    marks = script_marks(ctx.target)
    wrong = HANS if expected == HANT else HANT
    if marks.script == wrong and len(marks.of(wrong)) >= _MIN_MARKED:
        why = (
            f"the locale {ctx.settings.target_locale}"
            if ctx.settings.target_locale
            else "the document"
        )
        yield Hit(
            f"{SCRIPT_NAMES[wrong]} text, but {why} is {SCRIPT_NAMES[expected]}",
            target_span=_cover(marks.of(wrong)),
        )


@rule("L005", "conversion-confusion", Severity.WARNING)
def conversion_confusion(ctx: PairContext) -> Iterator[Hit]:
    """A character a Simplified→Traditional conversion got wrong (進行瞭, 幹擾, 曆史).

    What it checks: in Traditional text, a character sharing its Simplified form with others
    (了/瞭, 干/幹/乾, 历 → 曆/歷, 面/麵, 只/隻) that no dictionary word holds in its context,
    where OpenCC's phrase-aware conversion of the Simplified context picks another member of
    the group. Dictionary-driven (CC-CEDICT words, OpenCC phrases), not a list of errors.
    Why it matters: these characters make non-words a reader stumbles over (幹擾 is "to do
    harass"); they come from naive character-by-character conversion.
    Example: ``我們進行瞭討論。`` (了), ``受到幹擾`` (干擾)
    Passes: ``我們進行了討論。``; ``瞭解``; ``這裡``/``這裏`` (variants, both correct).
    """
    if script_marks(ctx.target).script != HANT:
        return
    for confusion in conversion_confusions(ctx.target):
        at = confusion.span.start
        context = ctx.target[max(0, at - 2) : at + 3]
        fixed = context.replace(confusion.found, confusion.expected)
        yield Hit(
            f"{confusion.found} makes no word in {context}; the conversion standards write "
            f"{confusion.expected} ({fixed})",
            target_span=confusion.span,
        )
