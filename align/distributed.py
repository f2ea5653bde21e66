"""Checking a corpus on Dask, past one machine (optional: ``pip install "align-qa[dask]"``).

Two ways in:

- ``align check PATH... --dask ADDRESS -o DIR/`` (``check_to_shards``): the client lists the
  input files and submits one task per file to a ``dask.distributed`` cluster (``local:N``
  starts a LocalCluster of N worker processes). The worker opens the file itself, checks it
  whole (the document rules E106 and M104 included, so the output equals ``align check``'s)
  and writes its results as one part of the shard folder (``align.shards``). A large file
  with a pair a line (TSV, JSON Lines; over ``SPLIT_BYTES``) is cut at line ends into byte
  ranges checked by any worker, then one task runs the document rules over them in order
  (``align.cluster_tasks``). Only a few numbers per task come back: the client's memory does
  not grow with the corpus. A task whose worker dies is run again by the scheduler and its
  output replaced whole.
- ``check_on_dask`` (Python): documents are read and cut into chunks of pairs on the client;
  each chunk is one item of a Dask bag, checked by ``align.engine.check_chunk`` on any Dask
  scheduler; results come back in input order and the document rules run on the client
  (``align.run.Runner`` with a Dask ``scheduler``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import logging
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from align.cluster_tasks import (
    SPLIT_BYTES,
    MergeResult,
    MergeTask,
    RangeResult,
    RangeTask,
    ShardTask,
    TaskResult,
    check_range,
    check_shard,
    merge_range,
    plan,
)
from align.config import Settings
from align.engine import Checker
from align.errors import InputError
from align.formats import Document
from align.models import PairResult, RunSummary
from align.report.json import SCHEMA, _dumps, tool_dict
from align.run import Runner
from align.shards import (
    SUMMARY,
    atomic_text,
    is_shard_folder,
    leftovers,
)


def check_on_dask(
    documents: Iterable[Document],
    settings: Settings,
    *,
    chunk_size: int = 100,
    scheduler: str | Any = "processes",
    num_workers: int | None = None,
) -> Iterator[PairResult]:
    """Every pair's result, in input order, computed as a Dask bag by the runner.

    ``scheduler`` is any Dask scheduler: ``"processes"`` (a local pool of worker processes),
    ``"threads"``, ``"synchronous"``, or a ``dask.distributed.Client``.
    """
    runner = Runner(Checker(settings), chunk=chunk_size, scheduler=scheduler,
                    dask_workers=num_workers)  # fmt: skip
    yield from runner.results(list(documents))


# ``align check PATH... --dask ADDRESS -o DIR/``: the client plans, the workers read and write.


@dataclass
class ShardRun:
    """How a cluster run ended: the folder written, whether a finding fails, the errors."""

    folder: Path
    tasks: int
    pairs: int
    seconds: float
    failing: bool
    errors: list[str] = field(default_factory=list)


def prepare_folder(output: str, inputs: list[str]) -> Path:
    """The shard folder ``-o`` names, created if new. A folder from an earlier run loses its
    parts and summary; any other non-empty folder is refused (nothing of the user's is ever
    deleted), as is a folder inside an input folder (the next run would read the parts)."""
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise InputError("--dask writes a folder of shards: -o must be a folder", path=output)
    real = folder.resolve()
    for source in inputs:
        if real == Path(source).resolve() or Path(source).resolve() in real.parents:
            raise InputError("the shard folder is inside an input folder; choose another -o",
                             path=output)  # fmt: skip
    if folder.is_dir() and any(folder.iterdir()):
        if not is_shard_folder(folder):
            raise InputError("not empty and not a shard folder; choose a new or empty -o",
                             path=output)  # fmt: skip
        (folder / SUMMARY).unlink()  # first: a half-cleared folder is no result
        for stale in [*folder.glob("part-*.jsonl"), *leftovers(folder)]:
            stale.unlink()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot make the shard folder: {exc.strerror}", path=output) from None
    return folder


class Progress:
    """Tasks done of the total and pairs per second, on one line of a terminal (stderr);
    nothing while it runs when stderr is not a terminal."""

    def __init__(self, total: int, stream: TextIO, *, live: bool | None = None):
        self.total, self.stream = total, stream
        self.live = stream.isatty() if live is None else live
        self.started = time.perf_counter()
        self.done = self.pairs = 0

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.pairs / elapsed if elapsed > 0 else 0.0

    def line(self, width: int = 24) -> str:
        filled = width * self.done // self.total if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        return (f"[{bar}] {self.done}/{self.total} tasks, {self.pairs:,} pairs, "
                f"{self.rate:,.0f} pairs/s")  # fmt: skip

    def update(self, pairs: int) -> None:
        self.done += 1
        self.pairs += pairs
        if self.live:
            print(f"\r{self.line()}\033[K", end="", file=self.stream, flush=True)

    def close(self) -> None:
        if self.live:
            print(file=self.stream, flush=True)


@contextlib.contextmanager
def dask_client(address: str) -> Iterator[Any]:
    """A ``dask.distributed.Client`` of the scheduler at ``address``, or of a LocalCluster of
    N single-threaded worker processes for ``local:N``, closed (and the cluster stopped) after."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError('--dask needs dask.distributed: pip install "align-qa[dask]"') from None
    if address.startswith("local"):
        count = address.partition(":")[2] or str(os.cpu_count() or 1)
        if not count.isdecimal() or int(count) < 1:
            raise InputError(f"--dask {address}: local:N takes a number of workers (1 or more)")
        dashboard = ":0"  # a free port: the default 8787 may be taken
        # A cluster the tool starts is the tool's to measure. Dask's sampling profiler reads
        # every worker's stack 100 times a second (about 5% of a CPU-bound task), and each
        # process's event loop times itself 50 times a second and its CPU and memory twice:
        # beside the checks on the same cores, that cost 5-10% of a 40-file run here.
        quieter = {
            "distributed.worker.profile.enabled": False,
            "distributed.admin.tick.interval": "1s",
            "distributed.admin.system-monitor.interval": "5s",
        }
        with dask.config.set(quieter):
            cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                   dashboard_address=dashboard,
                                   silence_logs=logging.ERROR)  # fmt: skip
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        yield client


def dashboard_link(client: Any) -> str | None:
    """The dashboard's address, when the scheduler serves one (it needs bokeh)."""
    services = client.scheduler_info().get("services", {})
    if "dashboard" not in services or (
        client.cluster is not None and not importlib.util.find_spec("bokeh")
    ):
        return None
    return str(client.dashboard_link)


def check_to_shards(
    client: Any,
    settings: Settings,
    paths: list[str],
    folder: Path,
    *,
    fmt: str | None = None,
    encoding: str = "utf-8",
    progress: Progress | None = None,
    window: int | None = None,
    split_bytes: int = SPLIT_BYTES,
) -> ShardRun:
    """Check ``paths`` on ``client``'s cluster, each worker writing its part of ``folder``;
    then write ``summary.json``. A file is one task, or (large, a pair a line) a task per
    byte range and a merge step per range for its document rules. The client holds a
    few numbers per task and at most ``window`` tasks in flight (default: four per worker
    thread)."""
    from distributed import as_completed

    started = time.perf_counter()
    threads = sum(client.nthreads().values())
    tasks = plan(paths, fmt, encoding, split_bytes, threads)
    schedule = _Schedule(client, settings, str(folder.resolve()), paths, tasks, as_completed())
    if progress:
        progress.total = len(tasks) + sum(schedule.parts.values())  # and a merge step a range
    if window is None:
        window = max(4 * threads, 8)
    queue = iter(tasks)
    for task in itertools.islice(queue, window):
        schedule.submit(task)
    for future in schedule.pending:
        pairs = schedule.settle(_result(future, paths))
        schedule.release(future)
        if progress:
            progress.update(pairs)
        for task in itertools.islice(queue, 1):
            schedule.submit(task)
    if progress:
        progress.close()
    ordered = [schedule.done[i] for i in range(len(paths))]
    total = _write_summary(folder, settings, ordered)
    return ShardRun(
        folder,
        len(paths),
        total.pairs,
        time.perf_counter() - started,
        any(r.failing for r in ordered),
        [r.error for r in ordered if r.error],
    )


class _Schedule:
    """The client's book of a run. With each range of a large file it submits that range's
    merge step (``MergeTask``), to run once the range and the step before are done: the
    scheduler starts it ahead of ranges not yet started, so the document pass keeps pace
    with the checking instead of running alone at the end. A range's error is handed down
    the file's steps, so the file ends with its first error, as reading it whole would."""

    def __init__(
        self, client: Any, settings: Settings, folder: str, paths: list[str],
        tasks: list[ShardTask | RangeTask], pending: Any,
    ) -> None:  # fmt: skip
        self.client, self.paths, self.pending = client, paths, pending
        threshold = settings.fail_severity
        self.runs: dict[type, Any] = {
            ShardTask: partial(check_shard, settings, folder, threshold),
            RangeTask: partial(check_range, settings, folder),
            MergeTask: partial(merge_range, settings, folder, threshold),
        }
        self.parts = Counter(t.index for t in tasks if isinstance(t, RangeTask))
        self.last_step: dict[int, Any] = {}  # each split file's latest merge step (a future)
        self.done: dict[int, TaskResult] = {}

    def submit(self, task: ShardTask | RangeTask) -> None:
        """Submit ``task`` (ranges in file order), and a range's merge step after it."""
        future = self._submit(task, task.part if isinstance(task, RangeTask) else 0, task)
        if isinstance(task, RangeTask):
            index = task.index
            step = MergeTask(index, task.part, task.path, task.fmt, task.encoding,
                             self.parts[index])  # fmt: skip
            before = self.last_step.get(index)
            self.last_step[index] = self._submit(step, task.part, step, future, before,
                                                 priority=1)  # fmt: skip

    def _submit(self, task: Any, part: int, *args: Any, priority: int = 0) -> Any:
        key = f"align-{type(task).__name__}-{task.index}-{part}-{uuid.uuid4().hex}"
        future = self.client.submit(self.runs[type(task)], *args, key=key, priority=priority)
        self.pending.add(future)
        return future

    def release(self, future: Any) -> None:
        """Let the cluster forget a settled task's result, unless a merge step not yet
        submitted will need it."""
        if not any(step is future for step in self.last_step.values()):
            future.release()

    def settle(self, result: TaskResult | RangeResult | MergeResult) -> int:
        """Book one result; the pairs it newly accounts for."""
        if isinstance(result, RangeResult):
            return result.pairs
        index = result.index
        if isinstance(result, MergeResult):  # a step: only the last one's error ends the file
            if result.error and result.part + 1 == self.parts[index]:
                self.done[index] = TaskResult(index, self.paths[index], error=result.error)
            return 0
        self.done.setdefault(index, result)  # a failed step's error: the first one stands
        split = index in self.parts  # its pairs came with its ranges
        return result.summary.pairs if result.summary and not split else 0


def _write_summary(folder: Path, settings: Settings, ordered: list[TaskResult]) -> RunSummary:
    """``summary.json``: the totals over the files' results (in input order), their shards
    and errors; written last, once no unfinished part is left. The totals."""
    total = RunSummary()
    for result in ordered:
        if result.summary:
            total.merge(result.summary)
    summary = {
        "summary": total.to_dict(),
        "schema": SCHEMA,
        "tool": tool_dict(Checker(settings).signature),
        "inputs": [r.info for r in ordered if r.info],
        "shards": [
            {"path": r.shard, "input": r.path, "pairs": r.summary.pairs}
            for r in ordered
            if r.shard and r.summary
        ],
        "errors": [{"input": r.path, "message": r.error} for r in ordered if r.error],
    }
    for stale in leftovers(folder):  # a killed worker's unfinished part: retried elsewhere
        with contextlib.suppress(OSError):
            stale.unlink()
    with atomic_text(folder / SUMMARY) as out:
        out.write(_dumps(summary, 2) + "\n")
    return total


def run_to_shards(
    address: str,
    settings: Settings,
    named: list[str],
    paths: list[str],
    output: str,
    *,
    fmt: str | None = None,
    encoding: str = "utf-8",
    stderr: TextIO | None = None,
) -> ShardRun:
    """``align check PATH... --dask ADDRESS -o DIR/``: ``paths`` (the files of the ``named``
    PATHs) checked on the cluster into the shard folder ``output``, with the dashboard link,
    a progress bar, each failed input's one-line error and a closing line on ``stderr``."""
    from align.textio import check_encoding

    stderr = stderr or sys.stderr
    check_encoding(encoding)  # a bad --encoding is one error, not one per task
    folder = prepare_folder(output, named)
    with dask_client(address) as client:
        link = dashboard_link(client)
        if link:
            print(f"Dask dashboard: {link}", file=stderr)
        progress = Progress(len(paths), stderr)
        run = check_to_shards(client, settings, paths, folder, fmt=fmt, encoding=encoding,
                              progress=progress)  # fmt: skip
    for error in run.errors:
        print(f"align: error: {error}", file=stderr)
    rate = run.pairs / run.seconds if run.seconds else 0.0
    print(f"{run.tasks - len(run.errors)} of {run.tasks} shards written to {folder}{os.sep} "
          f"({run.pairs:,} pairs in {run.seconds:.1f} s, {rate:,.0f} pairs/s)",
          file=stderr)  # fmt: skip
    return run


def _result(future: Any, paths: list[str]) -> TaskResult | RangeResult | MergeResult:
    """The task's result; a task that failed for another reason (a bug, a worker killed more
    often than the scheduler allows) becomes that input's one-line error."""
    try:
        result = future.result()
    except Exception as exc:
        _, kind, index, part = str(future.key).split("-")[:4]
        error = f"{paths[int(index)]}: {type(exc).__name__}: {exc}"
        if kind == RangeTask.__name__:
            return RangeResult(int(index), int(part), 0, error)
        return TaskResult(int(index), paths[int(index)], error=error)
    if not isinstance(result, TaskResult | RangeResult | MergeResult):
        raise TypeError(f"unexpected task result {result!r}")
    return result
