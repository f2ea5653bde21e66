"""JSON Lines: one ``{"source": ..., "target": ..., "id"?: ..., "note"?: ...}`` object per line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from align.errors import InputError
from align.formats.base import DocumentInfo, make_pair
from align.models import Pair
from align.textio import ByteRange, iter_lines

_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_field(record: dict[str, object], key: str, path: str, line: int) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f'"{key}" must be a string', path=path, line=line)
    surrogate = _SURROGATE.search(value)
    if surrogate:  # "\ud800" escapes decode to text no UTF-8 file can hold
        code = f"\\u{ord(surrogate.group()):04x}"
        raise InputError(f'"{key}" holds an unpaired surrogate {code}', path=path, line=line)
    return value


def read_jsonl(
    path: str, encoding: str, info: DocumentInfo, span: ByteRange | None = None
) -> Iterator[Pair]:
    """The pairs of the file, or of the lines of ``span`` (each line stands alone)."""
    for line, text in iter_lines(path, encoding, span):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            message = f"invalid JSON: {exc.msg} (column {exc.colno})"
            raise InputError(message, path=path, line=line) from None
        except RecursionError:  # [[[[… nested deeper than the decoder's stack
            raise InputError("JSON nested too deeply", path=path, line=line) from None
        except ValueError as exc:  # an integer of more than 4,300 digits
            raise InputError(f"invalid JSON: {exc}", path=path, line=line) from None
        if not isinstance(record, dict) or "source" not in record:
            raise InputError('expected an object with a "source" field', path=path, line=line)
        source = _text_field(record, "source", path, line)
        target = _text_field(record, "target", path, line)
        if not source.strip() and not target.strip():
            continue
        ident = record.get("id")
        yield make_pair(
            path,
            (line, source) if source.strip() else None,
            (line, target),
            note=_text_field(record, "note", path, line),
            ident=str(ident) if ident is not None else None,
        )
