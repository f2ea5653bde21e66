"""Where a command writes: its ``-o`` file or stdout, and the progress line on stderr."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any

from align.cli.inputs import expand
from align.errors import InputError

# Formats that are one document: written to stdout only once complete.
_WHOLE_DOCUMENTS = {"json", "sarif", "junit"}


def command_output(args: argparse.Namespace, *, binary: bool = False) -> Any:
    """The command's ``-o`` (or stdout), refusing to overwrite any file the command reads."""
    from align.output import open_output

    inputs: list[str] = []
    with contextlib.suppress(InputError):  # a folder stands for the files read from it
        inputs += expand(getattr(args, "paths", None) or [])
    inputs += [
        str(value)
        for key in ("source", "target", "baseline", "db", "config", "reference")
        if (value := getattr(args, key, None))
    ]
    inputs += [*(getattr(args, "glossary", None) or ()), *(getattr(args, "idioms", None) or ())]
    whole = getattr(args, "format", None) in _WHOLE_DOCUMENTS
    return open_output(args.output, binary=binary, inputs=inputs, whole=whole)


def progress(documents: list[Any], stream: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, Any]]:
    """The (document index, result) stream, with a progress line on the terminal as each
    document starts (nothing when stderr is not a TTY)."""
    show = sys.stderr.isatty()
    current = -1
    for index, result in stream:
        if show and index != current:
            current = index
            print(f"\r[{index + 1}/{len(documents)}] {documents[index].info.path}\033[K", end="",
                  file=sys.stderr, flush=True)  # fmt: skip
        yield index, result
    if show:
        print(file=sys.stderr)


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
