"""Reading text files line by line with exact positions for errors.

Files are read in binary and decoded one line at a time, so a 100 MB input streams with flat
memory and an undecodable byte is reported with its line and byte offset instead of a traceback.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from align.errors import InputError

_BOM = codecs.BOM_UTF8.decode("utf-8")


def check_encoding(encoding: str) -> str:
    """Return the canonical codec name or raise a usage error for an unknown one."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def iter_lines(path: str | Path, encoding: str = "utf-8") -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` with 1-based numbers, line ends and a leading BOM removed."""
    encoding = check_encoding(encoding)
    offset = 0
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed by the with below; open errors differ)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(path)) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
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
