"""User glossaries: terms to keep in English and terms with a required translation.

Two formats, chosen by extension:

* CSV (``.csv``, UTF-8, header row): ``source,target[,note]``. An empty ``target`` means *do
  not translate*: the term must appear in the Chinese exactly as written. Otherwise the
  Chinese must contain one of the ``|``-separated translations (Traditional or Simplified,
  compared on the Simplified view).
* TBX (``.tbx``, TBX-Basic / TBX 2008 / TBX v3, read by :mod:`align.tbx`): each
  ``termEntry``'s English term, its ``zh*`` terms as translations, except those marked
  deprecated or superseded, which the Chinese must not use; ``<termNote
  type="translatable">no</termNote>`` (or no Chinese term at all) makes it do-not-translate;
  ``<descrip type="x-cue">`` words limit the entry to English that has one of them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from align.lang.zh import to_simplified


@dataclass(frozen=True, slots=True)
class Term:
    source: str
    # Required translations (Simplified); empty means the term is kept in English.
    translations: tuple[str, ...]
    origin: str  # "file:line", for messages
    note: str = ""
    shown: str = ""  # the translations as written in the glossary
    # Renderings the glossary forbids (TBX deprecated or superseded terms), Simplified.
    wrong: tuple[str, ...] = ()
    # The term applies only when one of these words is in the English (TBX x-cue).
    cues: tuple[str, ...] = ()

    @property
    def keep(self) -> bool:
        return not self.translations and not self.wrong

    @property
    def pattern(self) -> re.Pattern[str]:
        return _term_pattern(self.source)


@lru_cache(maxsize=1024)
def _term_pattern(source: str) -> re.Pattern[str]:
    """Whole words, case-insensitive, allowing a plural or possessive ending."""
    return re.compile(rf"(?<![\w-]){re.escape(source)}(?:s|es|'s|’s)?(?![\w-])", re.IGNORECASE)


def load_glossaries(paths: tuple[str, ...]) -> tuple[Term, ...]:
    terms: list[Term] = []
    for path in paths:
        terms.extend(_load(path, *_stamp(path)))
    return tuple(terms)


def glossary_digest(paths: tuple[str, ...]) -> str:
    """A short hash of the terms themselves, for the report signature."""
    import hashlib

    digest = hashlib.sha256()
    for term in load_glossaries(paths):
        line = f"{term.source}\t{'|'.join(term.translations)}"
        if term.wrong or term.cues:  # glossaries without them keep their digest
            line += f"\t{'|'.join(term.wrong)}\t{'|'.join(term.cues)}"
        digest.update(f"{line}\n".encode())
    return digest.hexdigest()[:8]


def _stamp(path: str) -> tuple[int, int]:
    try:
        stat = Path(path).stat()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    return stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=16)
def _load(path: str, size: int, mtime: int) -> tuple[Term, ...]:
    """Cached by size and mtime: every worker process and pair reuses one parse."""
    del size, mtime
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".tbx", ".xml"):
        return _read_tbx(path)
    raise InputError("glossary must be .csv or .tbx", path=path)


def _translations(cell: str) -> tuple[str, ...]:
    return tuple(to_simplified(t.strip()) for t in cell.split("|") if t.strip())


def _read_csv(path: str) -> tuple[Term, ...]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte offset {exc.start})", path=path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    if not rows:
        raise InputError("empty glossary", path=path)
    header = [h.strip().lower() for h in rows[0]]
    if "source" not in header or "target" not in header:
        raise InputError("glossary header must name the columns source,target[,note]",
                         path=path, line=1)  # fmt: skip
    src, tgt = header.index("source"), header.index("target")
    note = header.index("note") if "note" in header else None
    terms = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(src, tgt) or not row[src].strip():
            raise InputError("a glossary row needs a source term", path=path, line=number)
        terms.append(
            Term(
                row[src].strip(),
                _translations(row[tgt]),
                f"{path}:{number}",
                row[note].strip() if note is not None and note < len(row) else "",
                " or ".join(t.strip() for t in row[tgt].split("|") if t.strip()),
            )
        )
    return tuple(terms)


def _read_tbx(path: str) -> tuple[Term, ...]:
    from align.tbx import read_tbx

    terms = []
    for entry in read_tbx(path):
        accepted = () if entry.keep else tuple(to_simplified(c) for c in entry.accepted)
        wrong = () if entry.keep else tuple(to_simplified(c) for c in entry.deprecated)
        for english in entry.english:
            terms.append(Term(english, accepted, f"{path}:{entry.line}",
                              shown=" or ".join(entry.accepted), wrong=wrong,
                              cues=entry.cues))  # fmt: skip
    if not terms:
        raise InputError("no English terms found in the TBX file", path=path)
    return tuple(terms)
