"""Sentence splitting for English and Chinese, returning character spans into the input.

Findings point at a sentence, so a split must never lose or shift characters: every function
here returns ``Span`` objects over the original string (whitespace between sentences excluded).
"""

from __future__ import annotations

import re

from align.lang.script import HAN_CLASS, is_chinese
from align.models import Span

# Abbreviations after which a full stop never ends a sentence (titles, corporate suffixes).
_NEVER_END = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "mt",
        "inc",
        "co",
        "corp",
        "ltd",
        "llc",
        "plc",
        "bros",
        "vs",
        "etc",
        "al",
        "approx",
        "est",
        "dept",
        "no",
        "nos",
        "fig",
        "vol",
        "ed",
        "gov",
        "gen",
        "rep",
        "sen",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# Dotted abbreviations that often end a sentence too ("... in the U.S. We ..."): they end one
# only when the next word is a typical sentence opener.
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_OPENERS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "it",
        "its",
        "let",
        "my",
        "now",
        "on",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "we",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "with",
        "yes",
        "you",
        "your",
    ]
)
_CLOSERS = "\"'”’)]}»"
# A run of sentence-end marks, matched from its first mark only (the look-behind, tried after
# a mark, rejects a start inside a run: a run of dots is then linear, not quadratic).
_EN_END = re.compile(rf"[.?!…](?<![.?!…][.?!…])[.?!…]*[{re.escape(_CLOSERS)}]*(?=\s+|$)")
# Scraped transcripts glue sentences: "Thanks, Todd.Todd McKinnon -- CEO".
_EN_GLUED = re.compile(r"(?<=[a-z]{2}[.?!])(?=[A-Z][a-z])")
_ZH_END = re.compile(rf"[。！？!?；;…]+[」』”’）)\]]*|(?<=[{HAN_CLASS}])\.(?=\s|$)")
_WORD_AFTER = re.compile(r"\s*[\"'“‘(\[]*([A-Za-z]+|\S)")


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _spans_from_cuts(text: str, cuts: list[int]) -> list[Span]:
    spans = []
    previous = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        span = _trimmed(text, previous, cut)
        if span:
            spans.append(span)
        previous = cut
    return spans


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters ending at ``end`` (a backward scan: a regex anchored at
    ``end`` would search from the start of the text for every full stop)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _ends_english_sentence(text: str, match: re.Match[str]) -> bool:
    punct = match.group(0)
    after = _WORD_AFTER.match(text, match.end())
    if after is None:
        return True
    next_word = after.group(1)
    if punct.startswith(".") and not punct.startswith("..."):
        word = _word_before(text, match.start())
        bare = word.lstrip("\"'“‘([").lower()
        if bare in _NEVER_END:
            return False
        if re.fullmatch(r"[A-Z]", word.lstrip("\"'“‘([")):  # an initial: George H. Bush
            return False
        if _DOTTED.search(word + "."):
            return next_word[:1].isupper() and next_word.lower() in _OPENERS
    # A sentence starts with a capital, digit, quote or a symbol such as $; not lowercase.
    return not next_word[:1].islower()


def split_english(text: str) -> list[Span]:
    cuts = [m.end() for m in _EN_END.finditer(text) if _ends_english_sentence(text, m)]
    cuts += [m.start() for m in _EN_GLUED.finditer(text)]
    return _spans_from_cuts(text, cuts)


def split_chinese(text: str) -> list[Span]:
    return _spans_from_cuts(text, [m.end() for m in _ZH_END.finditer(text)])


def split_sentences(text: str) -> list[Span]:
    """Split by the rules of the language the text is written in."""
    return split_chinese(text) if is_chinese(text) else split_english(text)
