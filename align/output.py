"""Where a report goes: stdout, or ``-o PATH`` without ever replacing what it should not.

A regular file (or a new path) is written to a temporary file beside it and renamed into place,
so a failed run leaves the previous report whole. Anything else at the path is written
*through*, never replaced: ``/dev/null`` and other devices, a FIFO (``-o >(gzip > r.gz)``),
and a symlink, whose final target gets the report (atomically when that is a regular file)
while the link stays a link. A path that is one of the run's inputs is refused: the input
would be swapped for the report.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from align.errors import InputError


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _destination(path: str, inputs: Iterable[str]) -> tuple[str, bool]:
    """``(path to write, atomic?)``: the symlink's final target, and whether to rename onto it."""
    if any(_same_file(path, source) for source in inputs):
        raise InputError("the output would replace an input file; choose another -o", path=path)
    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        folder = os.path.dirname(real) or "."
        if not os.path.isdir(folder):
            raise InputError("no such folder for the output", path=path) from None
        return real, True
    except OSError as exc:
        raise InputError(f"cannot write the output: {exc.strerror}", path=path) from None
    if stat.S_ISDIR(mode):
        raise InputError("the output is a folder; give a file name", path=path)
    return real, stat.S_ISREG(mode)


@contextlib.contextmanager
def _write_errors(path: str) -> Iterator[None]:
    """A failed write (a full disk, a closed FIFO) is the one-line error, naming the file."""
    try:
        yield
    except OSError as exc:
        raise InputError(f"cannot write the output: {exc.strerror or exc}", path=path) from None


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


@contextlib.contextmanager
def open_output(
    path: str | None, *, binary: bool = False, inputs: Iterable[str] = (), whole: bool = False
) -> Iterator[IO[Any]]:
    """stdout, or ``path`` written safely (see the module docstring). With ``whole`` (a JSON,
    SARIF or JUnit document) stdout gets the document only once it is complete: an input
    error found late must not leave half a document for the next program to parse."""
    if path is None:
        if not whole:
            yield sys.stdout.buffer if binary else sys.stdout
            return
        # In memory up to 8 MB, then in a temporary file: memory stays bounded.
        with tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+b") as spool:
            spooled: IO[Any] = spool if binary else io.TextIOWrapper(spool, encoding="utf-8")
            yield spooled
            spooled.flush()
            spool.seek(0)
            shutil.copyfileobj(spool, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        return
    real, atomic = _destination(path, inputs)
    mode = "wb" if binary else "w"
    encoding = None if binary else "utf-8"
    if not atomic:  # a device, FIFO or socket: write through, never replace
        with _write_errors(path):
            handle = open(real, mode, encoding=encoding)  # noqa: SIM115  (closed below)
        with _write_errors(path), handle:
            yield handle
        return
    folder = os.path.dirname(real) or "."
    existing = Path(real)
    # A new report is an ordinary file (umask applies); a replaced one keeps its mode.
    keep = existing.stat().st_mode & 0o7777 if existing.exists() else 0o666 & ~_umask()
    with _write_errors(path):
        fd, named = _scratch_file(folder)
    try:
        with _write_errors(path), os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fchmod(fd, keep)
            _publish(fd, named, real)
    except BaseException:
        if named:
            with contextlib.suppress(OSError):
                os.unlink(named)
        raise


def _scratch_file(folder: str) -> tuple[int, str | None]:
    """``(fd, name)`` of a file to write the report into. On Linux it has no name yet
    (O_TMPFILE), so a run killed even by SIGKILL leaves nothing behind; elsewhere it is a
    hidden named file, removed if the run fails."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag:
        with contextlib.suppress(OSError):  # a file system without O_TMPFILE support
            return os.open(folder, flag | os.O_WRONLY, 0o600), None
    return tempfile.mkstemp(dir=folder, prefix=".align-output.")


def _publish(fd: int, named: str | None, real: str) -> None:
    """Give the finished file its name, replacing what was there in one rename."""
    if named is None:  # O_TMPFILE: link it under a temporary name first
        named = os.path.join(os.path.dirname(real) or ".", f".align-output.{os.getpid()}")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(named)
        # linkat(AT_SYMLINK_FOLLOW): os.link calls plain link() unless given a dir fd, and
        # link() would try to link the /proc symlink itself.
        root = os.open("/", os.O_RDONLY)
        try:
            os.link(f"/proc/self/fd/{fd}", named, src_dir_fd=root, follow_symlinks=True)
        finally:
            os.close(root)
    try:
        os.replace(named, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(named)
        raise
