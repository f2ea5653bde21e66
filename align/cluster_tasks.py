"""The tasks a Dask worker runs for ``align check --dask`` (``align.distributed`` plans and
submits them): a whole input file checked into its part of the shard folder, or a large
file with a pair a line checked by byte ranges and then merged through the document rules.

Each takes picklable arguments and returns a few numbers (``TaskResult``, ``RangeResult``),
never the pairs: the results go to files the workers write themselves.
"""

from __future__ import annotations

import gzip
import itertools
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align.config import Settings
from align.engine import DocumentPass, _process_checker, check_chunk, fails
from align.errors import InputError
from align.formats import RANGE_READERS, detect_format, open_document
from align.models import PairResult, RunSummary, Severity
from align.remote import is_url
from align.report.json import _dumps, input_dict, pair_dict
from align.run import CHUNK, Runner
from align.shards import atomic_binary, atomic_text, range_name, shard_name
from align.textio import ByteRange, line_ranges


@dataclass
class ShardTask:
    """What a worker is sent: one input file to read, check and write as one part."""

    index: int
    path: str
    fmt: str | None
    encoding: str


@dataclass
class RangeTask:
    """One byte range of a large input with a pair a line: its pairs checked, without the
    document rules, into a hidden part (``range_name``) the document's merge task reads."""

    index: int
    part: int
    path: str
    fmt: str
    encoding: str
    span: ByteRange


@dataclass
class MergeTask:
    """Every range of input ``index`` checked: run the document rules over them in order
    and write its part of the shard folder, as ``check_shard`` does for a whole file."""

    index: int
    path: str
    fmt: str
    encoding: str
    parts: int


@dataclass
class RangeResult:
    """What a range task sends back: how many pairs, or the input's one-line error."""

    index: int
    part: int
    pairs: int
    error: str | None = None


@dataclass
class TaskResult:
    """What comes back to the client: a few numbers, never the pairs."""

    index: int
    path: str
    error: str | None = None
    shard: str | None = None
    info: dict[str, Any] | None = None
    summary: RunSummary | None = None
    failing: bool = False


def check_shard(
    settings: Settings, folder: str, threshold: Severity | None, task: ShardTask
) -> TaskResult:
    """Check one input file where this runs (a Dask worker) and write its results as the
    part ``shard_name(task.index)`` of ``folder``, whole or not at all. A bad input is this
    task's one-line error, returned, not raised: retrying would not fix it."""
    name = shard_name(task.index)
    try:
        document = open_document(task.path, fmt=task.fmt, encoding=task.encoding)
        results = Runner(_process_checker(settings)).results([document])
        summary, failing = _write_part(Path(folder) / name, results, threshold)
    except InputError as exc:
        return TaskResult(task.index, task.path, error=str(exc))
    except OSError as exc:  # the shard folder: full, gone, not writable from this worker
        return TaskResult(task.index, task.path, error=_unwritable(Path(folder) / name, exc))
    info = input_dict(document.info.freeze())
    return TaskResult(task.index, task.path, None, name, info, summary, failing)


def _write_part(
    path: Path, results: Iterable[PairResult], threshold: Severity | None
) -> tuple[RunSummary, bool]:
    """``results`` written as the pair lines of the part ``path``, whole or not at all: their
    totals, and whether one fails at ``threshold``."""
    summary, failing = RunSummary(), False
    with atomic_text(path) as out:
        for result in results:
            summary.add(result)
            failing = failing or fails([result], threshold)
            out.write(_dumps(pair_dict(result), None) + "\n")
    return summary, failing


def _unwritable(where: Path | str, exc: OSError) -> str:
    return f"{where}: cannot write the shard: {exc.strerror or exc}"


def check_range(settings: Settings, folder: str, task: RangeTask) -> RangeResult:
    """Check the pairs of one byte range (pair rules only) into its hidden part."""
    try:
        document = open_document(task.path, fmt=task.fmt, encoding=task.encoding, span=task.span)
        lang = document.info.target_lang
        pairs = 0
        with (
            atomic_binary(Path(folder) / range_name(task.index, task.part)) as raw,
            # Level 1: a pair's 2 kB of pickle becomes 0.9 kB for 1% of its checking time.
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1, mtime=0) as out,
        ):
            while chunk := list(itertools.islice(document.pairs, CHUNK)):
                results = check_chunk(settings, task.path, lang, chunk)
                out.write(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
                pairs += len(results)
    except InputError as exc:
        return RangeResult(task.index, task.part, 0, str(exc))
    except OSError as exc:
        return RangeResult(task.index, task.part, 0, _unwritable(folder, exc))
    return RangeResult(task.index, task.part, pairs)


def merge_ranges(
    settings: Settings, folder: str, threshold: Severity | None, task: MergeTask
) -> TaskResult:
    """The document rules over the checked ranges of one input, in order, written as its
    part: the same lines ``check_shard`` writes for the whole file."""
    name = shard_name(task.index)
    checker = _process_checker(settings)
    # Opened for its description only: the pairs come from the ranges.
    document = open_document(task.path, fmt=task.fmt, encoding=task.encoding)
    passes = DocumentPass(checker, checker.rules_for(task.path))
    ranges = (Path(folder) / range_name(task.index, part) for part in range(task.parts))
    results = (passes.feed(checked) for path in ranges for checked in _unpickled(path))
    try:
        summary, failing = _write_part(Path(folder) / name, results, threshold)
    except OSError as exc:
        return TaskResult(task.index, task.path, error=_unwritable(Path(folder) / name, exc))
    info = input_dict(document.info.freeze())
    return TaskResult(task.index, task.path, None, name, info, summary, failing)


def _unpickled(path: Path) -> Iterator[PairResult]:
    with gzip.open(path, "rb") as handle:
        while True:
            try:
                yield from pickle.load(handle)  # a chunk check_range of this run wrote
            except EOFError:
                return


# An input with a pair a line (TSV, JSON Lines) larger than this is checked by byte ranges,
# a task each, then one task runs its document rules: a single large file keeps every worker
# busy. A file is cut into about ``RANGES_PER_THREAD`` ranges for each worker thread (so that
# the last ones to finish leave little idle), of ``SPLIT_BYTES`` / 8 to 2 × ``SPLIT_BYTES``.
SPLIT_BYTES = 8 << 20
RANGES_PER_THREAD = 4


def plan(
    paths: list[str], fmt: str | None, encoding: str, split_bytes: int, threads: int = 1
) -> list[ShardTask | RangeTask]:
    """The tasks for ``paths``: a whole file each, or the byte ranges of a large local file of
    a format read by ranges. The client reads such a file once, in blocks, to cut it at line
    ends and number the ranges' lines; nothing of it is kept."""
    tasks: list[ShardTask | RangeTask] = []
    for index, path in enumerate(paths):
        ranges = _ranges(path, fmt, encoding, split_bytes, threads)
        if len(ranges) < 2:
            tasks.append(ShardTask(index, path, fmt, encoding))
            continue
        form = fmt or detect_format(path, encoding)
        tasks += [RangeTask(index, k, path, form, encoding, span) for k, span in enumerate(ranges)]
    return tasks


def _ranges(
    path: str, fmt: str | None, encoding: str, split_bytes: int, threads: int
) -> list[ByteRange]:
    try:
        if is_url(path) or (size := os.path.getsize(path)) <= split_bytes:
            return []
        if (fmt or detect_format(path, encoding)) not in RANGE_READERS:
            return []
        share = size // (RANGES_PER_THREAD * max(threads, 1))
        return line_ranges(path, min(max(share, split_bytes // 8), 2 * split_bytes))
    except (OSError, InputError):
        return []  # the whole-file task reports it, as for any input
