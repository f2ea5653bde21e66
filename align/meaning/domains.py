"""Domain term bases for M106: terms whose domain sense MT renders in an everyday sense.

Each domain is a bundled TBX file (``align/data/terms/<domain>.tbx``, read by
:mod:`align.tbx`): a polysemous English term (*guidance*, *arm* of a trial), the Chinese
renderings of its domain sense (accepted), the everyday-sense renderings MT picks instead
(deprecated), and optional cue words one of which must be in the English sentence for the
domain sense to be meant (a *print* with *estimates*, not *print the form*).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from align.errors import InputError
from align.lang.en import find_phrase, lemma_tokens, phrase_lemmas
from align.lang.zh import to_simplified
from align.models import Span

DOMAINS = ("finance", "biomedical")


@dataclass(frozen=True, slots=True)
class DomainTerm:
    english: str  # the entry's first English term, for messages
    forms: tuple[tuple[str, ...], ...]  # lemmas of each English term
    cues: tuple[tuple[str, ...], ...]  # lemmas of each cue; empty: the term always applies
    accepted: tuple[str, ...]  # Simplified
    wrong: tuple[str, ...]  # Simplified, none inside an accepted rendering
    meaning: str
    domain: str
    origin: str  # "terms/finance.tbx:12"


@dataclass(frozen=True, slots=True)
class TermMatch:
    term: DomainTerm
    span: Span  # the term in the English
    sentence: Span  # the English sentence holding it


def parse_domains(value: str | list[str] | tuple[str, ...], origin: str | None = None
                  ) -> tuple[str, ...]:  # fmt: skip
    """``"finance,biomedical"`` (or a list) → the known domains named; ``none`` → ()."""
    if not isinstance(value, (str, list, tuple)):
        raise InputError("domain must be a name or a list of names", path=origin)
    names = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    chosen = tuple(dict.fromkeys(n.strip().lower() for n in names if n.strip()))
    if chosen == ("none",):
        return ()
    unknown = [n for n in chosen if n not in DOMAINS]
    if unknown or not chosen:
        raise InputError(
            f"unknown domain {', '.join(unknown) or repr(value)}; use "
            f"{', '.join(DOMAINS)} or none (comma-separated for several)",
            path=origin,
        )
    return chosen


@lru_cache(maxsize=8)
def domain_terms(domains: tuple[str, ...]) -> tuple[DomainTerm, ...]:
    """The terms of the bundled term bases of ``domains``, parsed once per process."""
    from align.tbx import read_tbx

    terms = []
    for domain in domains:
        resource = resources.files("align") / "data" / "terms" / f"{domain}.tbx"
        with resources.as_file(resource) as path:
            entries = read_tbx(str(path))
        for entry in entries:
            accepted = tuple(dict.fromkeys(to_simplified(c) for c in entry.accepted))
            wrong = tuple(
                w
                for w in dict.fromkeys(to_simplified(c) for c in entry.deprecated)
                if not any(w in a for a in accepted)  # 指导 is no error inside 指导价
            )
            if not accepted or not wrong:
                continue
            terms.append(
                DomainTerm(
                    entry.english[0],
                    tuple(f for f in map(phrase_lemmas, entry.english) if f),
                    tuple(c for c in dict.fromkeys(map(phrase_lemmas, entry.cues)) if c),
                    accepted,
                    wrong,
                    entry.definition,
                    domain,
                    f"terms/{domain}.tbx:{entry.line}",
                )
            )
    return tuple(terms)


@lru_cache(maxsize=8)
def _by_first_word(domains: tuple[str, ...]) -> dict[str, list[tuple[tuple[str, ...], DomainTerm]]]:
    index: dict[str, list[tuple[tuple[str, ...], DomainTerm]]] = {}
    for term in domain_terms(domains):
        for form in term.forms:
            index.setdefault(form[0], []).append((form, term))
    return index


def find_domain_terms(
    text: str, sentences: list[Span], domains: tuple[str, ...]
) -> Iterator[TermMatch]:
    """The terms of ``domains`` in the English ``text`` whose cue (if any) is in the same
    sentence; each term once, at its first such place."""
    index = _by_first_word(domains)
    found: set[str] = set()
    for sentence in sentences:
        shown = sentence.slice(text)
        tokens = lemma_tokens(shown)
        lemmas = {word for word, _, _ in tokens}
        for position, (word, start, end) in enumerate(tokens):
            # A verb's irregular past is not its noun (led, the ECG lead): the word as
            # written must begin like its lemma.
            if not shown[start:end].lower().startswith(word[:3]):
                continue
            for form, term in index.get(word, ()):
                if term.origin in found or not _at(tokens, position, form):
                    continue
                if term.cues and not any(
                    c[0] in lemmas and next(find_phrase(tokens, c), None) is not None
                    for c in term.cues
                ):
                    continue
                found.add(term.origin)
                start = sentence.start + tokens[position][1]
                end = sentence.start + tokens[position + len(form) - 1][2]
                yield TermMatch(term, Span(start, end), sentence)


def _at(tokens: list[tuple[str, int, int]], position: int, form: tuple[str, ...]) -> bool:
    window = tokens[position : position + len(form)]
    return len(window) == len(form) and all(t[0] == w for t, w in zip(window, form, strict=True))
