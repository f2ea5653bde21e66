"""Inputs named by URL (``s3://``, ``gs://``, ``hdfs://``, ``https://``, ``file://``), read
through fsspec when it and the URL's backend are installed (fsspec comes with ``.[dask]``).

Only the opening of a file differs. A ``file://`` URL is its local path; any other is copied
once, on the machine that reads it (a Dask worker for ``--dask``), to a private temporary
file that the readers stream like any other file (XML parsing and format sniffing want a
seekable local file) and that is removed when the process exits. Reports keep the URL.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import PurePosixPath
from types import ModuleType
from urllib.parse import unquote, urlparse

from align.errors import InputError

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


def _fsspec(url: str) -> ModuleType:
    try:
        import fsspec
    except ImportError:
        raise InputError(
            "reading a URL needs fsspec: pip install 'align-qa[dask]' (and the URL's backend, "
            "such as s3fs or gcsfs)",
            path=url,
        ) from None
    return fsspec


def readable(path: str) -> str:
    """What to open for ``path``: a local path as it is; for a URL a local file with its
    content (the path itself for ``file://``, else a temporary copy made once a process)."""
    if not is_url(path):
        return path
    if path.startswith("file://"):
        return unquote(urlparse(path).path)
    return _copy(path)


@cache
def _copy(url: str) -> str:
    fsspec = _fsspec(url)
    handle, target = tempfile.mkstemp(suffix=PurePosixPath(url).suffix, dir=_scratch())
    os.close(handle)
    try:
        with fsspec.open(url, "rb") as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
    except FileNotFoundError:
        raise InputError("no such file", path=url) from None
    except (OSError, ValueError, ImportError) as exc:
        # An unknown protocol or a backend that is not installed says so in its message.
        raise InputError(_first_line(exc), path=url) from None
    return target


@lru_cache(maxsize=1)
def _scratch() -> str:
    folder = tempfile.mkdtemp(prefix="align-remote-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _first_line(exc: Exception) -> str:
    """An fsspec error in one line (an unknown protocol or a missing backend says which)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def expand_url(url: str, wanted: Callable[[PurePosixPath], bool]) -> list[str]:
    """A folder URL stands for the files under it that are ``wanted``, sorted, as URLs; any
    other URL stands for itself. (A ``file://`` folder is listed by the caller as a path.)"""
    fsspec = _fsspec(url)
    try:
        fs, root = fsspec.core.url_to_fs(url)
        if not fs.isdir(root):
            return [url]
        found = sorted(
            path for path in fs.find(root) if wanted(PurePosixPath(path))
        )  # fmt: skip
    except (OSError, ValueError, ImportError) as exc:
        raise InputError(_first_line(exc), path=url) from None
    if not found:
        raise InputError("no input files in this folder", path=url)
    # As the user spelt the folder, so that reports name the files the way they were asked.
    root = root.rstrip("/")
    return [url.rstrip("/") + path[len(root) :] for path in found]
