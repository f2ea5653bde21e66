"""Known Chinese renderings of English names: CC-CEDICT's proper nouns plus a small curated
list of organisations it lacks (``align/data/names.tsv``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from align.lang.cedict import english_names
from align.lang.phonetic import MATCH, sounds_like
from align.lang.zh import to_simplified


@lru_cache(maxsize=1)
def _curated() -> dict[str, tuple[str, ...]]:
    text = (resources.files("align") / "data" / "names.tsv").read_text("utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, _, chinese = line.partition("\t")
        table[english.strip().lower()] = tuple(
            to_simplified(c.strip()) for c in chinese.split("|") if c.strip()
        )
    return table


@lru_cache(maxsize=65536)
def known_renderings(name: str) -> tuple[str, ...]:
    """Simplified renderings of a lowercase English name (``cisco`` → ``思科``), longest first,
    then in code-point order: a set's order changes with the hash seed, and which of two
    renderings is found first decides what E106 reports."""
    found = set(english_names().get(name, "").split()) | set(_curated().get(name, ()))
    return tuple(sorted(found, key=lambda head: (-len(head), head)))


@lru_cache(maxsize=65536)
def is_name_by_sound(name: str) -> bool:
    """A known rendering of the lowercase ``name`` sounds like it: a name people or places
    bear (bush 布什, green 格林), not a word that only occurs in a proper noun's gloss
    (university in 民族大学 Minzu University, temple in 天宫)."""
    return any(sounds_like(name, head) >= MATCH for head in known_renderings(name))


@lru_cache(maxsize=1)
def _named_by() -> dict[str, tuple[str, ...]]:
    """Simplified headword → the English names it is the established rendering of."""
    table: dict[str, set[str]] = {}
    for name, heads in english_names().items():
        for head in heads.split():
            table.setdefault(head, set()).add(name)
    for name, curated in _curated().items():
        for head in curated:
            table.setdefault(head, set()).add(name)
    return {head: tuple(sorted(names)) for head, names in table.items()}


def names_rendered_as(headword: str) -> tuple[str, ...]:
    """The English names whose established rendering ``headword`` is (微软 → microsoft)."""
    return _named_by().get(headword, ())
