"""TBX term bases: the entries of a TBX-Basic, TBX 2008 or TBX v3 file.

One reader for user glossaries (``--glossary``, E107) and the bundled domain term bases
(``--domain``, M106). Parsed with the same hardened lxml parser as TMX: no DTD, no entities,
no network.

What is read from each ``termEntry`` (``conceptEntry`` in TBX v3):

* its English terms and its Chinese terms (``zh``, ``zh-Hans``, ``zh-TW`` … language sections);
* each Chinese term's status: ``administrativeStatus`` or ``normativeAuthorization`` saying
  *deprecated* or *superseded* marks a rendering that is wrong (a wrong sense, a banned term);
  any other term is accepted;
* ``<termNote type="translatable">no</termNote>``: the term is kept in English;
* ``<descrip type="x-cue">a|b|c</descrip>``: words of which one must be in the English
  sentence for the entry to apply (a *print* is a reported figure near *estimates*);
* ``subjectField`` and ``definition``, for messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from align.errors import InputError

# Term groups: TBX-Basic ``tig``, TBX 2008 ``ntig``, TBX v3 ``termSec``.
_GROUPS = ("{*}tig", "{*}ntig", "{*}termSec")
_STATUS = ("administrativeStatus", "normativeAuthorization")
_WRONG = ("deprecated", "superseded")


@dataclass(frozen=True, slots=True)
class TermEntry:
    english: tuple[str, ...]
    accepted: tuple[str, ...]  # Chinese renderings as written, in file order
    deprecated: tuple[str, ...]  # Chinese renderings marked deprecated or superseded
    keep: bool  # translatable = no: the English term is kept as written
    cues: tuple[str, ...]
    subject: str
    definition: str
    line: int


def read_tbx(path: str) -> tuple[TermEntry, ...]:
    """Every entry of the TBX file at ``path`` with at least one English term."""
    root = _parse(path)
    entries = (_entry(node) for node in root.iter("{*}termEntry", "{*}conceptEntry"))
    return tuple(entry for entry in entries if entry.english)


def _parse(path: str) -> Any:
    from lxml import etree  # deferred: only TBX files need it

    from align.formats.xml import refuse_declared, refuse_hostile

    refuse_hostile(path)
    parser = etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
    )
    try:
        root = etree.parse(path, parser).getroot()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno and exc.lineno > 0 else None
        raise InputError(f"malformed TBX: {exc.msg}", path=path, line=line) from None
    except OSError as exc:
        raise InputError(str(exc), path=path) from None
    refuse_declared(root.getroottree().docinfo, path)  # before any term is read
    return root


def _entry(node: Any) -> TermEntry:
    from align.formats.xml import XML_LANG

    english: list[str] = []
    accepted: list[str] = []
    deprecated: list[str] = []
    keep = False
    for section in node.iterchildren("{*}langSet", "{*}langSec"):
        lang = (section.get(XML_LANG) or section.get("lang") or "").lower()
        for term, wrong, translatable in _terms(section):
            keep = keep or not translatable
            if lang.startswith("en"):
                english.append(term)
            elif lang.startswith("zh"):
                (deprecated if wrong else accepted).append(term)
    described = {
        kind: (d.text or "").strip()
        for d in node.iter("{*}descrip")
        if (kind := d.get("type")) in ("x-cue", "subjectField", "definition")
    }
    cues = tuple(c.strip() for c in described.get("x-cue", "").split("|") if c.strip())
    return TermEntry(
        tuple(english),
        tuple(accepted),
        tuple(deprecated),
        keep,
        cues,
        described.get("subjectField", ""),
        described.get("definition", ""),
        node.sourceline or 0,
    )


def _terms(section: Any) -> list[tuple[str, bool, bool]]:
    """``(term, wrong, translatable)`` for each term of a language section."""
    groups = list(section.iter(*_GROUPS))
    if not groups:  # bare <term>s in the section: its notes are theirs
        wrong, translatable = _notes(section)
        terms = [(n.text or "").strip() for n in section.iter("{*}term")]
        return [(term, wrong, translatable) for term in terms if term]
    found = []
    for group in groups:
        term = next(((n.text or "").strip() for n in group.iter("{*}term")), "")
        if term:
            found.append((term, *_notes(group)))
    return found


def _notes(node: Any) -> tuple[bool, bool]:
    """(marked deprecated or superseded, translatable) from the term notes under ``node``."""
    wrong, translatable = False, True
    for note in node.iter("{*}termNote"):
        text = (note.text or "").strip().lower()
        if note.get("type") in _STATUS:
            wrong = wrong or any(w in text for w in _WRONG)
        elif note.get("type") == "translatable":
            translatable = translatable and text != "no"
    return wrong, translatable
