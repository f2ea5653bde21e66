"""Input formats: pick a reader by name, extension or content, and stream its pairs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from align.errors import InputError
from align.formats.base import DocumentInfo, Reader
from align.formats.delimited import read_delimited
from align.formats.interleaved import read_interleaved
from align.formats.jsonl import read_jsonl
from align.formats.monolingual import read_monolingual
from align.formats.parallel import read_parallel
from align.formats.xml import read_tmx, read_xliff
from align.lang.script import han_characters, is_chinese
from align.lang.zh import detect_variant
from align.models import Pair
from align.remote import readable
from align.textio import ByteRange, iter_lines

READERS: dict[str, Reader] = {
    "interleaved": read_interleaved,
    "tsv": partial(read_delimited, delimiter="\t"),
    "csv": partial(read_delimited, delimiter=","),
    "jsonl": read_jsonl,
    "monolingual": read_monolingual,
    "tmx": read_tmx,
    "xliff": read_xliff,
}
FORMATS = (*READERS, "parallel")
# Formats with one pair a line and nothing carried from line to line but a TSV's header: a
# large file of them is read by byte ranges, one a worker (``align.distributed``).
RANGE_READERS: dict[str, Callable[..., Iterator[Pair]]] = {
    "tsv": partial(read_delimited, delimiter="\t"),
    "jsonl": read_jsonl,
}
_BY_SUFFIX = {
    ".tsv": "tsv", ".csv": "csv", ".jsonl": "jsonl", ".md": "monolingual",
    ".tmx": "tmx", ".xlf": "xliff", ".xliff": "xliff",
}  # fmt: skip
_SNIFF_LINES = 40
_SNIFF_BYTES = 1 << 16


@dataclass
class Document:
    """One input: what is known about it, and its pairs as a lazy stream."""

    info: DocumentInfo
    pairs: Iterator[Pair]


def detect_format(path: str, encoding: str) -> str:
    """By extension; for plain text, interleaved if any early line is Chinese, else English-only."""
    suffix = Path(path).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    for count, (_, text) in enumerate(iter_lines(path, encoding)):
        if is_chinese(text):
            return "interleaved"
        if count >= _SNIFF_LINES:
            break
    return "monolingual"


def sniff_target_lang(path: str, encoding: str) -> str:
    """``zh-Hant`` or ``zh-Hans`` from the Han characters near the start of the file."""
    try:
        with open(readable(path), "rb") as handle:
            head = handle.read(_SNIFF_BYTES).decode(encoding, errors="replace")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    han = han_characters(head)
    return detect_variant(han) if han else "zh"


def open_document(
    path: str | os.PathLike[str], *, fmt: str | None = None, encoding: str = "utf-8",
    span: ByteRange | None = None,
) -> Document:  # fmt: skip
    """``path`` (a local path, a ``pathlib.Path`` or a URL) as a document; with ``span``, only
    the pairs of that byte range (a format of ``RANGE_READERS``), numbered as in the whole
    file."""
    path = os.fspath(path)
    fmt = fmt or detect_format(path, encoding)
    if fmt not in READERS:
        raise InputError(f"unknown input format {fmt!r} (choose from {', '.join(READERS)})")
    target_lang = None if fmt == "monolingual" else sniff_target_lang(path, encoding)
    info = DocumentInfo(path=path, format=fmt, target_lang=target_lang)
    if span is not None:
        return Document(info, RANGE_READERS[fmt](path, encoding, info, span=span))
    return Document(info, READERS[fmt](path, encoding, info))


PAIRINGS = ("auto", "lines", "align")


def _content_lines(path: str, encoding: str) -> int:
    return sum(1 for _, text in iter_lines(path, encoding) if text.strip())


def open_parallel(
    source: str | os.PathLike[str], target: str | os.PathLike[str], *, encoding: str = "utf-8",
    pairing: str = "auto",
) -> Document:  # fmt: skip
    """Two files: line by line when they have as many lines (or ``pairing="lines"``), else
    aligned by ``align.alignment`` (merged, split and missing lines become 2-1, 1-2, 1-0)."""
    source, target = os.fspath(source), os.fspath(target)
    if pairing == "auto":
        same = _content_lines(source, encoding) == _content_lines(target, encoding)
        pairing = "lines" if same else "align"
    lang = sniff_target_lang(target, encoding)
    if pairing == "lines":
        info = DocumentInfo(path=source, format="parallel", target_lang=lang)
        return Document(info, read_parallel(source, target, encoding, info))
    from align.pairing import align_files, beads_to_pairs

    info = DocumentInfo(path=source, format="parallel-aligned", target_lang=lang)
    beads, src_units, tgt_units = align_files(source, target, encoding)
    return Document(info, beads_to_pairs(beads, src_units, tgt_units, source, target))
