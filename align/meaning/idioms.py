"""English idioms rendered word for word: the phrase lists and their matcher (rule M101).

Two inventories: the hand list ``align/data/idioms.tsv`` (its header documents the format;
each phrase with the literal Chinese MT produces for it) plus any files the ``idioms`` setting
names, and ``align/data/idioms_oewn.tsv``, the non-compositional multiword expressions of Open
English WordNet (built by ``scripts/build_idioms.py``). Phrases are matched on lemmas, so
``give us some color`` matches ``give ~ color`` and ``gave a little color`` does too.

Every idiom also has *figurative words*: the content words its meaning does not use (shot,
arm in `a shot in the arm`, "a stimulus"). A translation that renders each of them with a word
CC-CEDICT gives for it (槍, 手臂) is literal, whatever words the MT chose; one that renders them
all with a single dictionary word whose senses cover them is an established term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from align.errors import InputError
from align.lang.cedict import common_lemmas
from align.lang.en import STOPWORDS, lemma
from align.lang.scan import Headword
from align.lang.zh import to_simplified
from align.models import Span

_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
GAP = "~"
_MAX_GAP = 4


@dataclass(frozen=True, slots=True)
class Idiom:
    phrase: str
    # Per element: the lemmas it accepts, or None for a gap of up to four words.
    pattern: tuple[frozenset[str] | None, ...]
    literal: tuple[str, ...]  # Simplified keywords
    meaning: str
    origin: str
    # Lemmas of the content words the meaning does not use: what a literal rendering shows.
    figurative: tuple[str, ...] = ()


# Their literal Chinese cannot be told from an idiomatic one: never figurative words.
_LIGHT_VERBS = frozenset({
    "take", "make", "give", "get", "have", "put", "set", "go", "come", "do", "keep", "let",
    "bring", "turn", "run", "hold", "show", "call", "pull", "cut", "play", "lay", "see",
})  # fmt: skip
_POSSESSIVES = frozenset(["my", "your", "his", "her", "its", "our", "their", "one's"])
_PLACEHOLDERS = {"someone", "somebody", "something"}
_OEWN = "align/data/idioms_oewn.tsv"
# A figurative word needs at least this many; fewer is one word used as a metaphor.
MIN_FIGURATIVE = 2
# A dictionary word with more senses than this (打, 开) renders anything: not evidence.
_MAX_SENSE_LEMMAS = 40


@lru_cache(maxsize=1 << 16)  # every word of every sentence: words repeat, texts do not
def _lemma(word: str) -> str:
    return lemma(word.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _concrete() -> frozenset[str]:
    """Words most of whose noun senses are kinds of things (arm, bullet, boat):
    ``align/data/concrete_words.txt``, from Open English WordNet."""
    text = (resources.files("align") / "data" / "concrete_words.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _is_concrete(word: str) -> bool:
    # As written or as its base form (feet → foot), never a derived form's base: the list
    # has "landing" (a platform), which says nothing about "land".
    concrete = _concrete()
    return word in concrete or (lemma(word) in concrete and lemma(word) != word)


def _judged(words: list[str]) -> tuple[str, ...]:
    """The lemmas of the figurative ``words``, if the literal signature can judge them: at
    least two, one of them concrete (the image a word-for-word rendering shows); else none."""
    figures = tuple(dict.fromkeys(_lemma(w) for w in words))
    if len(figures) < MIN_FIGURATIVE or not any(map(_is_concrete, words)):
        return ()
    return figures


def figurative_words(words: list[str], meaning: str) -> tuple[str, ...]:
    """Lemmas of the content words of an idiom that its meaning does not use, if they can be
    judged (see ``_judged``)."""
    explained = {_lemma(w) for w in _TOKEN.findall(meaning)}
    found: list[str] = []
    for word in words:
        base = _lemma(word)
        if word in STOPWORDS or len(word) < 3 or base in _LIGHT_VERBS or word in _LIGHT_VERBS:
            continue
        if base not in explained and all(_lemma(w) != base for w in found):
            found.append(word)
    return _judged(found)


def parse_idioms(text: str, origin: str) -> list[Idiom]:
    idioms = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 3 or not columns[0].strip() or not columns[1].strip():
            raise InputError("an idiom line needs: phrase<TAB>literal keywords<TAB>meaning",
                             path=origin, line=number)  # fmt: skip
        phrase, literal, meaning = (c.strip() for c in columns)
        pattern = tuple(
            None if item == GAP else frozenset(_lemma(w) for w in item.split("|"))
            for item in phrase.lower().split()
        )
        if pattern[0] is None or pattern[-1] is None:
            raise InputError("an idiom cannot start or end with ~", path=origin, line=number)
        keywords = tuple(to_simplified(k.strip()) for k in literal.split("|") if k.strip())
        words = [w for item in phrase.lower().split() if item != GAP for w in item.split("|")]
        idioms.append(Idiom(phrase, pattern, keywords, meaning, f"{origin}:{number}",
                            figurative_words(words, meaning)))  # fmt: skip
    return idioms


def parse_wordnet_idioms(text: str, origin: str) -> list[Idiom]:
    """``idioms_oewn.tsv``: expression, figurative words, meaning, synset. ``one's`` matches
    any possessive; ``someone``/``something`` a gap."""
    idioms = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        expression, figurative, meaning, _ = line.split("\t")
        pattern = tuple(
            None if word in _PLACEHOLDERS
            else frozenset(map(_lemma, _POSSESSIVES)) if word in _POSSESSIVES
            else frozenset({_lemma(word)})
            for word in expression.split()
        )  # fmt: skip
        if pattern[0] is None or pattern[-1] is None:
            continue  # "give someone": nothing to anchor the match on one side
        figures = _judged(figurative.split())
        idioms.append(Idiom(expression, pattern, (), meaning, f"{origin}:{number}", figures))
    return idioms


@lru_cache(maxsize=8)
def load_idioms(extra: tuple[str, ...] = ()) -> tuple[Idiom, ...]:
    builtin = (resources.files("align") / "data" / "idioms.tsv").read_text("utf-8")
    idioms = parse_idioms(builtin, "align/data/idioms.tsv")
    for path in extra:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read idioms: {exc}", path=path) from None
        idioms.extend(parse_idioms(text, path))
    # WordNet's expressions last: a phrase in a hand list keeps its listed keywords.
    listed = {idiom.phrase for idiom in idioms}
    wordnet = (resources.files("align") / "data" / "idioms_oewn.tsv").read_text("utf-8")
    idioms.extend(i for i in parse_wordnet_idioms(wordnet, _OEWN) if i.phrase not in listed)
    return tuple(idioms)


@lru_cache(maxsize=8)
def _index(extra: tuple[str, ...]) -> dict[str, list[Idiom]]:
    """Idioms by the lemmas of their first word: a sentence only tries the ones it can start."""
    index: dict[str, list[Idiom]] = {}
    for idiom in load_idioms(extra):
        first = idiom.pattern[0]
        assert first is not None
        for word in first:
            index.setdefault(word, []).append(idiom)
    return index


@dataclass(frozen=True, slots=True)
class IdiomMatch:
    idiom: Idiom
    span: Span  # in the English text


def find_idioms(text: str, extra: tuple[str, ...] = ()) -> list[IdiomMatch]:
    lemmas = list(map(_lemma, _TOKEN.findall(text)))
    present = set(lemmas)
    index = _index(extra)
    # Most candidates start with a common word: keep those whose other words are all present,
    # deciding once per distinct word rather than at each of its occurrences.
    viable = {}
    for word in index.keys() & present:
        idioms = [
            idiom
            for idiom in index[word]
            if all(not e.isdisjoint(present) for e in idiom.pattern[1:] if e)
        ]
        if idioms:
            viable[word] = idioms
    if not viable:
        return []
    found: list[tuple[Idiom, int, int]] = []
    for i, word in enumerate(lemmas):
        for idiom in viable.get(word, ()):
            end = _match(idiom.pattern, lemmas, i)
            if end is not None:
                found.append((idiom, i, end))
    if not found:
        return []
    # Token offsets only for the rare text that has an idiom.
    tokens = [m.span() for m in _TOKEN.finditer(text)]
    return [IdiomMatch(idiom, Span(tokens[i][0], tokens[end - 1][1])) for idiom, i, end in found]


def _match(pattern: tuple[frozenset[str] | None, ...], lemmas: list[str], i: int) -> int | None:
    """The token index just past a match of ``pattern`` starting at ``i``, or None."""
    if not pattern:
        return i
    element, rest = pattern[0], pattern[1:]
    if element is None:
        for skip in range(_MAX_GAP + 1):
            end = _match(rest, lemmas, i + skip)
            if end is not None:
                return end
        return None
    if i < len(lemmas) and lemmas[i] in element:
        return _match(rest, lemmas, i + 1)
    return None


def literal_renderings(match: IdiomMatch, target: str, window: Span) -> Iterator[Span]:
    """Where the idiom's literal keywords occur in the target window."""
    simplified = to_simplified(target)
    for keyword in match.idiom.literal:
        start = simplified.find(keyword, window.start, window.end)
        if start >= 0:
            yield Span(start, start + len(keyword))


def literal_signature(
    idiom: Idiom, headwords: tuple[Headword, ...]
) -> list[tuple[str, Span]] | None:
    """Each figurative word of ``idiom`` with the target word that renders it literally
    (distinct words, none of them a word for all of them at once), from ``headwords`` (the
    target window's dictionary words); None if a figurative word has no literal rendering
    or one dictionary word renders the whole idiom (an established term: 信用合作社)."""
    if not idiom.figurative:
        return None
    wanted = set(idiom.figurative)
    found: dict[str, Span] = {}
    for start, end, head in headwords:
        senses = common_lemmas(head)
        if not senses or len(senses) > _MAX_SENSE_LEMMAS:
            continue
        if wanted <= senses:
            return None
        for word in wanted & senses:
            span = Span(start, end)
            if word not in found and not any(span.overlaps(s) for s in found.values()):
                found[word] = span
    if len(found) < len(wanted):
        return None
    return [(_surface(idiom, word), found[word]) for word in idiom.figurative]


def _surface(idiom: Idiom, base: str) -> str:
    """The idiom's word whose lemma is ``base``, as written (white, not whit)."""
    return next((w for w in _TOKEN.findall(idiom.phrase) if _lemma(w) == base), base)
