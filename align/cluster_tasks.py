"""The tasks a Dask worker runs for ``align check --dask`` (``align.distributed`` plans and
submits them): a whole input file checked into its part of the shard folder, or a large
file with a pair a line checked by byte ranges, each then merged through the document rules
in order, one step a range.

Each takes picklable arguments and returns a few numbers (``TaskResult``, ``RangeResult``,
``MergeResult``), never the pairs: the results go to files the workers write themselves.
"""

from __future__ import annotations

import gzip
import itertools
import os
import pickle
import shutil
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
from align.shards import (
    atomic_binary,
    atomic_text,
    carry_name,
    merged_name,
    range_name,
    shard_name,
)
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
    document rules, into a hidden part (``range_name``) its merge step reads."""

    index: int
    part: int
    path: str
    fmt: str
    encoding: str
    span: ByteRange


@dataclass
class MergeTask:
    """Range ``part`` of input ``index`` checked, and the ranges before it merged: run the
    document rules over its pairs, from the state the step before handed on, into a hidden
    piece. The last step joins the pieces into the input's part, the same lines
    ``check_shard`` writes for the whole file. A step per range lets the document pass run
    while later ranges are still being checked, rather than all of it at the end."""

    index: int
    part: int
    path: str
    fmt: str
    encoding: str
    parts: int


@dataclass
class MergeResult:
    """What a merge step but the last sends back: done, or the input's one-line error."""

    index: int
    part: int
    error: str | None = None


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
        summary = RunSummary()
        failing = _write_part(Path(folder) / name, results, threshold, summary)
    except InputError as exc:
        return TaskResult(task.index, task.path, error=str(exc))
    except OSError as exc:  # the shard folder: full, gone, not writable from this worker
        return TaskResult(task.index, task.path, error=_unwritable(Path(folder) / name, exc))
    info = input_dict(document.info.freeze())
    return TaskResult(task.index, task.path, None, name, info, summary, failing)


def _write_part(
    path: Path, results: Iterable[PairResult], threshold: Severity | None,
    summary: RunSummary,
) -> bool:  # fmt: skip
    """``results`` written as the pair lines of the part ``path``, whole or not at all, and
    added to ``summary``: whether one fails at ``threshold``."""
    failing = False
    with atomic_text(path) as out:
        for result in results:
            summary.add(result)
            failing = failing or fails([result], threshold)
            out.write(_dumps(pair_dict(result), None) + "\n")
    return failing


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


def merge_range(
    settings: Settings, folder: str, threshold: Severity | None, task: MergeTask,
    checked: RangeResult, before: MergeResult | TaskResult | None,
) -> TaskResult | MergeResult:  # fmt: skip
    """One step of the document pass over a large input's ranges (``MergeTask``), after its
    range was ``checked`` and the step ``before`` it (None for the first) ran. An error of
    either is handed on: the input's first error by range ends up with its last step."""
    error = (before.error if before else None) or checked.error
    if error:
        return MergeResult(task.index, task.part, error)
    base, index = Path(folder), task.index
    checker = _process_checker(settings)
    passes = DocumentPass(checker, checker.rules_for(task.path))
    summary, failing = RunSummary(), False
    last = task.part + 1 == task.parts
    try:
        if task.part:
            with (base / carry_name(index, task.part - 1)).open("rb") as handle:
                passes.state, summary, failing = pickle.load(handle)  # the step before's
        results = (passes.feed(r) for r in _unpickled(base / range_name(index, task.part)))
        failing = _write_part(base / merged_name(index, task.part), results, threshold,
                              summary) or failing  # fmt: skip
        if not last:
            with atomic_binary(base / carry_name(index, task.part)) as out:
                pickle.dump((passes.state, summary, failing), out, pickle.HIGHEST_PROTOCOL)
            return MergeResult(index, task.part)
        with atomic_binary(base / shard_name(index)) as out:
            for part in range(task.parts):
                with (base / merged_name(index, part)).open("rb") as piece:
                    shutil.copyfileobj(piece, out)
    except OSError as exc:
        return TaskResult(index, task.path, error=_unwritable(base / shard_name(index), exc))
    # Opened for its description only: the pairs came from the ranges.
    document = open_document(task.path, fmt=task.fmt, encoding=task.encoding)
    info = input_dict(document.info.freeze())
    return TaskResult(index, task.path, None, shard_name(index), info, summary, failing)


def _unpickled(path: Path) -> Iterator[PairResult]:
    with gzip.open(path, "rb") as handle:
        while True:
            try:
                yield from pickle.load(handle)  # a chunk check_range of this run wrote
            except EOFError:
                return


# An input with a pair a line (TSV, JSON Lines) larger than this is checked by byte ranges,
# a task each, each followed by a merge step for its document rules: a single large file keeps
# every worker busy. A file is cut into about ``RANGES_PER_THREAD`` ranges for each worker
# thread (so that the last ones to finish leave little idle: with four, one worker idled for
# most of a range at the end), of ``SPLIT_BYTES`` / 8 to 2 × ``SPLIT_BYTES``.
SPLIT_BYTES = 8 << 20
RANGES_PER_THREAD = 8


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
