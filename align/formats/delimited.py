"""TSV and CSV: columns ``source``, ``target`` and optional ``id``, ``note``.

The header is optional: a first row naming ``source`` and ``target`` is a header; otherwise the
columns are taken in that order. Each row's line number is the physical line it starts on (the
header is line 1), so a quoted CSV field spanning lines still points at the right place.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Literal

from align.errors import InputError
from align.formats.base import DocumentInfo, make_pair
from align.models import Pair
from align.textio import ByteRange, iter_lines

# A cell may hold a long paragraph (or a whole unsplit document): no limit of csv's own, since
# the engine reports pairs over max-segment-chars (X003) instead of checking them.
csv.field_size_limit(2**31 - 1)

COLUMNS = ("source", "target", "id", "note")


def _column_map(row: list[str]) -> dict[str, int] | None:
    names = [cell.strip().lower() for cell in row]
    if "source" in names and "target" in names:
        return {name: names.index(name) for name in COLUMNS if name in names}
    return None


def read_delimited(
    path: str, encoding: str, info: DocumentInfo, delimiter: str, span: ByteRange | None = None
) -> Iterator[Pair]:
    """The pairs of the file, or of the lines of ``span`` (TSV only: no quoted field spans
    lines there), with the columns the file's first row names."""
    if span and delimiter != "\t":
        raise ValueError("only TSV is read by byte ranges")
    lines = (text + "\n" for _, text in iter_lines(path, encoding, span))
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    reader = csv.reader(lines, delimiter=delimiter, quoting=quoting, strict=True)
    columns: dict[str, int] | None = None
    first = True
    skipped = span.first_line - 1 if span else 0
    if skipped:  # a later part of the file: its header (or none) is the first line's
        head = next(iter_lines(path, encoding), (1, ""))[1]
        columns = _column_map(next(csv.reader([head], delimiter=delimiter, quoting=quoting)))
        columns = columns or {name: i for i, name in enumerate(COLUMNS)}
        first = False
    while True:
        line = skipped + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"malformed row: {exc}", path=path, line=line) from None
        if first:
            first = False
            columns = _column_map(row)
            if columns is not None:
                continue
            columns = {name: i for i, name in enumerate(COLUMNS)}
        if not any(cell.strip() for cell in row):
            continue
        assert columns is not None
        values = {name: row[i] if i < len(row) else "" for name, i in columns.items()}
        if len(row) < 2:
            raise InputError(
                f"expected at least 2 {'tab' if delimiter == chr(9) else 'comma'}-separated "
                f"columns (source, target), found {len(row)}",
                path=path,
                line=line,
            )
        yield make_pair(
            path,
            (line, values["source"]) if values["source"].strip() else None,
            (line, values["target"]),
            note=values.get("note", ""),
            ident=values.get("id") or None,
        )
