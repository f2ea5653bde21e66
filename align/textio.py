"""Reading text files line by line with exact positions for errors.

Files are read in binary and decoded one line at a time, so a 100 MB input streams with flat
memory and an undecodable byte is reported with its line and byte offset instead of a traceback.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from align.errors import InputError
from align.remote import readable

_BOM = codecs.BOM_UTF8.decode("utf-8")


def check_encoding(encoding: str) -> str:
    """Return the canonical codec name or raise a usage error for an unknown one."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    if not info._is_text_encoding:  # hex, base64, rot13 …
        raise InputError(f"{encoding!r} is not a text encoding (use e.g. utf-8, big5, gb18030)")
    if info.name.startswith(("utf-16", "utf-32")):
        # Lines are read as bytes split at b"\n", which a two- or four-byte encoding breaks.
        raise InputError(
            f"{encoding!r} input is not supported: convert it to UTF-8 first "
            f"(iconv -f {info.name} -t utf-8 FILE)"
        )
    return info.name


@dataclass(frozen=True)
class ByteRange:
    """Whole lines ``[start, end)`` of a file by byte offset, the first being line
    ``first_line``: one worker's part of a large line-per-pair input."""

    start: int
    end: int
    first_line: int


def iter_lines(
    path: str | Path, encoding: str = "utf-8", span: ByteRange | None = None
) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` with 1-based numbers, line ends and a leading BOM removed;
    with ``span``, only the lines of that byte range, numbered as in the whole file."""
    encoding = check_encoding(encoding)
    offset = span.start if span else 0
    try:
        handle = open(readable(str(path)), "rb")  # noqa: SIM115  (closed by the with below; open errors differ)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(path)) from None
    with handle:
        if span:
            handle.seek(span.start)
        for number, raw in enumerate(handle, start=span.first_line if span else 1):
            if span and offset >= span.end:
                break
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                if number == 1 and raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    raise InputError(
                        "the file is UTF-16 (it starts with a UTF-16 byte-order mark): "
                        "convert it to UTF-8 first (iconv -f utf-16 -t utf-8 FILE)",
                        path=str(path),
                        line=1,
                    ) from None
                raise InputError(
                    f"invalid {encoding} byte 0x{raw[exc.start]:02x} at byte offset "
                    f"{offset + exc.start} (use --encoding, e.g. big5 or gb18030)",
                    path=str(path),
                    line=number,
                ) from None
            offset += len(raw)
            if number == 1 and text.startswith(_BOM):
                text = text[1:]
            yield number, text.rstrip("\r\n")


_BLOCK = 1 << 20


def line_ranges(path: str | Path, size: int) -> list[ByteRange]:
    """The file cut into ranges of about ``size`` bytes at line ends, each with the number of
    its first line: one pass in blocks of a megabyte, so memory stays flat."""
    ranges: list[ByteRange] = []
    start, first_line, lines, position = 0, 1, 0, 0
    cut = size
    with open(path, "rb") as handle:
        while block := handle.read(_BLOCK):
            at = 0
            while position + len(block) > cut:
                newline = block.find(b"\n", max(at, cut - position))
                if newline < 0:
                    break
                end = position + newline + 1
                lines += block.count(b"\n", at, newline + 1)
                ranges.append(ByteRange(start, end, first_line))
                start, first_line, at = end, lines + 1, newline + 1
                cut = end + size
            lines += block.count(b"\n", at)
            position += len(block)
    if position > start:
        ranges.append(ByteRange(start, position, first_line))
    return ranges


# What XML 1.0 cannot hold: C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF.
# The readers accept them (Word writes U+000B for a line break), so every XML writer passes
# its text through ``xml_safe``.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with each character XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
