"""The inputs of a command: files and folders, a --source/--target pair, or shard folders."""

from __future__ import annotations

import argparse
from pathlib import Path, PurePath
from typing import Any

from align.cli.options import settings_of
from align.config import Settings
from align.errors import InputError
from align.remote import expand_url, is_url, readable

_INPUT_SUFFIXES = {".txt", ".md", ".tsv", ".csv", ".jsonl", ".tmx", ".xlf", ".xliff"}


def _is_input(path: PurePath) -> bool:
    """An input's suffix, not hidden, and not a folder's own documentation (README, CHANGELOG,
    LICENSE)."""
    documentation = {"README", "CHANGELOG", "LICENSE", "NOTICE"}
    suffix, name = path.suffix.lower(), path.name
    return (
        suffix in _INPUT_SUFFIXES
        and not name.startswith(".")
        and path.stem.upper() not in documentation
    )


def expand(paths: list[str]) -> list[str]:
    """Folders stand for the input files under them, sorted; so do folder URLs
    (``s3://bucket/corpus/``, read through fsspec: ``align.remote``)."""
    files: list[str] = []
    for path in paths:
        if is_url(path) and not path.startswith("file://"):
            files.extend(expand_url(path, _is_input))
            continue
        if Path(readable(path)).is_dir():
            path = readable(path)  # a file:// folder: its files as paths
            found = sorted(
                str(p) for p in Path(path).rglob("*")
                if p.is_file() and _is_input(p)
            )  # fmt: skip
            if not found:
                raise InputError("no input files in this folder", path=path)
            files.extend(found)
        else:
            files.append(path)
    return files


def open_inputs(
    args: argparse.Namespace, settings: Settings | None = None
) -> tuple[Any, list[Any], Settings]:
    """Open the inputs and build the checker: ``(checker, documents, settings)``."""
    from align.engine import Checker
    from align.formats import open_document, open_parallel

    if bool(args.source) != bool(args.target):
        raise InputError("--source and --target go together")
    if not args.paths and not args.source:
        raise InputError("nothing to check: give PATH... or --source EN --target ZH")
    settings = settings or settings_of(args)
    if shard_folders(args):
        return _read_shards(args, settings)
    documents = [
        open_document(path, fmt=args.input_format, encoding=args.encoding)
        for path in expand(args.paths)
    ]
    if args.source:
        documents.append(
            open_parallel(args.source, args.target, encoding=args.encoding, pairing=args.pairing)
        )
    return Checker(settings), documents, settings


def shard_folders(args: argparse.Namespace) -> list[str]:
    """The PATHs that are shard folders (``align check --dask -o DIR/``), for the commands
    that read results: check, report, baseline."""
    from align.shards import is_shard_folder

    if args.command not in {"check", "report", "baseline"}:
        return []
    return [path for path in args.paths if is_shard_folder(path)]


def _read_shards(args: argparse.Namespace, settings: Settings) -> tuple[Any, list[Any], Settings]:
    """Shard folders as the inputs: their results are read, streaming, not checked again."""
    from align.shards import ShardChecker

    folders = shard_folders(args)
    if len(folders) != len(args.paths) or args.source:
        raise InputError("a shard folder is read on its own: give no other inputs with it")
    if args.select or args.ignore:
        raise InputError("--select/--ignore do not apply to a shard folder (its findings are "
                         "stored); check the inputs again instead")  # fmt: skip
    args.jobs = 1  # nothing to compute
    checker = ShardChecker.open(folders, settings)
    return checker, checker.documents, settings


def existing_store(path: str) -> Any:
    """A review database that must already exist (check and baseline only read it)."""
    from align.review.store import ReviewStore

    return ReviewStore(path, read_only=True)
