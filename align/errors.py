"""Errors that end a run with exit code 2 and a one-line message (never a traceback)."""

from __future__ import annotations


class InputError(Exception):
    """Bad input or usage: the CLI prints ``path:line: message`` and exits 2."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message
