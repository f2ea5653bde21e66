"""TMX 1.4 and XLIFF 1.2 / 2.x input, parsed with a hardened lxml parser.

Translation files come from outside, so the parser never loads a DTD, never resolves an
entity and never touches the network; a file that declares entities or points at an external
DTD (XXE, "billion laughs") is refused before parsing, and nothing it references is read.
Units stream with ``iterparse`` and are cleared as they go, so memory stays flat.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from align.errors import InputError
from align.formats.base import DocumentInfo, make_pair
from align.models import Pair
from align.remote import readable

if TYPE_CHECKING:  # lxml is loaded by the functions that parse: most inputs are not XML
    from lxml import etree

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PROLOG_BYTES = 1 << 16
_DOCTYPE = re.compile(rb"<!DOCTYPE(?P<body>[^>\[]*(?:\[.*?\])?[^>]*)>", re.DOTALL)
# Inline codes whose content is markup, not text (their tail is text).
_CODES = {"bpt", "ept", "ph", "it", "ut", "sc", "ec", "cp"}


def local_name(tag: object) -> str:
    """``{namespace}name`` → ``name``; comments and processing instructions → ""."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def refuse_hostile(path: str) -> None:
    """Refuse a DOCTYPE that declares entities or names an external DTD."""
    try:
        with open(readable(path), "rb") as handle:
            head = handle.read(_PROLOG_BYTES)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    doctype = _DOCTYPE.search(head)
    if doctype is None:
        return
    body = doctype.group("body")
    line = head[: doctype.start()].count(b"\n") + 1
    if b"<!ENTITY" in body:
        reason = "declares entities (entity expansion or external entities)"
    elif re.search(rb"\b(?:SYSTEM|PUBLIC)\b", body):
        reason = "references an external DTD"
    else:
        return
    raise InputError(f"refused: the DOCTYPE {reason}; remove it", path=path, line=line)


def refuse_declared(docinfo: etree.DocInfo, path: str) -> None:
    """Refuse what the parser saw in the DOCTYPE: an entity declaration or an external DTD.

    The byte scan of ``refuse_hostile`` is a fast first look; this is the decision, so a
    DOCTYPE the scan misses (a ``]`` inside a comment, one after 64 KiB of comments, UTF-16)
    is refused all the same, before any unit is read. Nothing was fetched or expanded: the
    parser neither loads DTDs nor resolves entities."""
    if docinfo.system_url or docinfo.public_id:
        reason = "references an external DTD"
    elif docinfo.internalDTD is not None and any(True for _ in docinfo.internalDTD.iterentities()):
        reason = "declares entities (entity expansion or external entities)"
    else:
        return
    raise InputError(f"refused: the DOCTYPE {reason}; remove it", path=path)


def _text(element: etree._Element) -> str:
    """Text of a segment without the content of inline codes."""
    parts = [element.text or ""]
    for child in element:
        if local_name(child.tag) not in _CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _units(path: str, tags: set[str]) -> Iterator[etree._Element]:
    from lxml import etree

    refuse_hostile(path)
    events = etree.iterparse(
        readable(path), events=("start", "end"), resolve_entities=False, load_dtd=False,
        no_network=True, dtd_validation=False, huge_tree=False, remove_comments=True,
    )  # fmt: skip
    checked = False
    try:
        for event, element in events:
            if not checked:  # the root's start: the DOCTYPE, if any, has been parsed
                refuse_declared(element.getroottree().docinfo, path)
                checked = True
            if event == "end" and local_name(element.tag) in tags:
                yield element
                element.clear(keep_tail=False)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno and exc.lineno > 0 else None
        raise InputError(f"malformed XML: {exc.msg}", path=path, line=line) from None


def read_tmx(path: str, encoding: str, info: DocumentInfo) -> Iterator[Pair]:
    """Each ``<tu>``: the English ``<tuv>`` (or the header's srclang) and the Chinese one."""
    del encoding  # XML declares its own
    for tu in _units(path, {"tu", "header"}):
        if local_name(tu.tag) == "header":
            info.source_lang = tu.get("srclang", info.source_lang)
            continue
        variants = {(tuv.get(XML_LANG) or tuv.get("lang") or ""): tuv for tuv in tu
                    if local_name(tuv.tag) == "tuv"}  # fmt: skip
        source = _pick(variants, info.source_lang.lower(), "en")
        target = _pick(variants, "zh", "zh")
        line = tu.sourceline or 0
        if source is None and target is None:
            continue
        yield make_pair(
            path,
            (line, _segment(source)) if source is not None else None,
            (line, _segment(target) if target is not None else ""),
            ident=tu.get("tuid"),
        )


def _pick(variants: dict[str, etree._Element], wanted: str, fallback: str) -> etree._Element | None:
    for lang, tuv in variants.items():
        if lang.lower() == wanted or lang.lower().startswith(fallback):
            return tuv
    return None


def _segment(tuv: etree._Element) -> str:
    seg = next((child for child in tuv if local_name(child.tag) == "seg"), None)
    return _text(seg) if seg is not None else ""


def read_xliff(path: str, encoding: str, info: DocumentInfo) -> Iterator[Pair]:
    """XLIFF 1.2 ``<trans-unit>`` or 2.x ``<unit>`` (its segments joined): source and target."""
    del encoding
    for unit in _units(path, {"trans-unit", "unit"}):
        sources, targets, notes = [], [], []
        for element in unit.iter():
            name = local_name(element.tag)
            if name == "source":
                sources.append(_text(element))
            elif name == "target":
                targets.append(_text(element))
            elif name == "note":
                notes.append(_text(element))
        source, target = "".join(sources), "".join(targets)
        if not source.strip() and not target.strip():
            continue
        line = unit.sourceline or 0
        yield make_pair(
            path,
            (line, source) if source.strip() else None,
            (line, target),
            note=" ".join(notes),
            ident=unit.get("id"),
        )
