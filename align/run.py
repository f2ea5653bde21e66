"""The one runner: checks documents inline or in a pool of worker processes, and settles
each result (review decisions, the baseline, the score from the findings still open).

The CLI's check, report and baseline commands and the review app run their documents here;
``align.distributed`` runs the same per-document pass (``DocumentPass``) on a Dask cluster.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from align.config import Settings
from align.engine import DocumentPass, _process_checker, check_chunk
from align.formats import Document
from align.models import Finding, Pair, PairResult, SentenceLink
from align.scoring.pair import rescored

if TYPE_CHECKING:  # only a pool needs them: keep them out of start-up
    from concurrent.futures import Executor, Future

    from align.review.baseline import Baseline
    from align.review.store import Decision

# Pairs per task sent to a worker: small enough that a transcript of a few hundred pairs
# still keeps two workers busy, large enough that sending it costs little.
CHUNK = 100


def settle(
    result: PairResult,
    decisions: Mapping[str, Decision] | None = None,
    baseline: Baseline | None = None,
) -> PairResult:
    """The result with its findings' review decisions and baseline marks, and its score
    from the findings still open: the one place a checked pair's score changes after the
    checks."""
    from align.review.store import decided_findings

    findings = decided_findings(result, decisions) if decisions else None
    if findings is not None:
        result = replace(result, findings=findings)
    if baseline is not None:
        result = replace(result, findings=baseline.mark(result))
    return rescored(result) if findings is not None or baseline is not None else result


@dataclass
class Runner:
    """Checks documents with ``checker`` in this process (``processes`` 0), in a pool of
    that many worker processes, or on a Dask ``scheduler`` ("processes", "threads",
    "synchronous" or a ``dask.distributed.Client``), in input order; every result is
    settled."""

    checker: Any  # an engine Checker, or a ShardChecker reading stored results
    processes: int = 0
    chunk: int = CHUNK
    decisions: Mapping[str, Decision] | None = None
    baseline: Baseline | None = None
    scheduler: Any = None
    dask_workers: int | None = None

    def chunks(self, documents: Sequence[Document]) -> Iterator[tuple[int, list[PairResult]]]:
        """(index of the document, settled results) in input order: one result at a time
        inline, one chunk of results at a time from a pool or Dask."""
        if self.scheduler is not None:
            checked = self._on_dask(documents)
        else:
            checked = self._pooled(documents) if self.processes else self._inline(documents)
        for index, results in checked:
            yield index, [settle(r, self.decisions, self.baseline) for r in results]

    def indexed(self, documents: Sequence[Document]) -> Iterator[tuple[int, PairResult]]:
        for index, results in self.chunks(documents):
            for result in results:
                yield index, result

    def results(self, documents: Sequence[Document]) -> Iterator[PairResult]:
        return (result for _, result in self.indexed(documents))

    def _inline(self, documents: Sequence[Document]) -> Iterator[tuple[int, list[PairResult]]]:
        for index, document in enumerate(documents):
            for result in self.checker.check_document(document):
                yield index, [result]

    def _pooled(self, documents: Sequence[Document]) -> Iterator[tuple[int, list[PairResult]]]:
        """One pool for the whole run, so many small files share the workers' start-up and
        keep them all busy."""
        from align.workers import worker_pool

        sources = ((d.info.path, d.info.target_lang, d.pairs) for d in documents)
        pool = worker_pool(self.processes)
        try:
            settings = self.checker.settings
            window = 2 * self.processes
            yield from checked_documents(pool, settings, sources, size=self.chunk, window=window)
        finally:
            # Stopped early (an input error, the reader gone): drop the chunks still queued
            # rather than wait seconds for results nobody will read.
            pool.shutdown(wait=True, cancel_futures=True)

    def _on_dask(self, documents: Sequence[Document]) -> Iterator[tuple[int, list[PairResult]]]:
        """Every chunk of pairs one item of a Dask bag, computed at once; the document rules
        then run here, in input order."""
        import dask.bag as db  # the optional extra

        chunks = _dask_chunks(documents, self.chunk)
        if not chunks:
            return
        items = [chunk[1:] for chunk in chunks]
        bag = db.from_sequence(items, npartitions=len(chunks))
        options: dict[str, Any] = {"scheduler": self.scheduler}
        if self.dask_workers:
            options["num_workers"] = self.dask_workers
        checked = bag.map(partial(_check_item, self.checker.settings)).compute(**options)
        passes: dict[str, DocumentPass] = {}
        for (index, path, _, _), results in zip(chunks, checked, strict=True):
            rules = self.checker.rules_for(path)
            document_pass = passes.setdefault(path, DocumentPass(self.checker, rules))
            yield index, [document_pass.feed(result) for result in results]


def _dask_chunks(
    documents: Sequence[Document], size: int
) -> list[tuple[int, str, str | None, list[Pair]]]:
    """(index of the document, its path, target language, ``size`` of its pairs) in order."""
    chunks = []
    for index, document in enumerate(documents):
        info = document.info
        pairs = list(document.pairs)
        for start in range(0, len(pairs), size):
            chunks.append((index, info.path, info.target_lang, pairs[start : start + size]))
    return chunks


def _check_item(settings: Settings, item: tuple[str, str | None, list[Pair]]) -> list[PairResult]:
    return check_chunk(settings, *item)


# What ``checked_documents`` checks of each document: its path, target language and pairs.
DocumentPairs = tuple[str, str | None, Iterable[Pair]]


def checked_documents(
    pool: Executor, settings: Settings, documents: Iterable[DocumentPairs],
    *, size: int, window: int,
) -> Iterator[tuple[int, list[PairResult]]]:  # fmt: skip
    """(index of the document, a chunk of its results) for every document, in input order,
    checked in ``pool``'s worker processes. At most ``window`` chunks are in flight, so a
    streaming reader stays flat, and they may belong to consecutive documents: a document
    smaller than a chunk would otherwise leave the other workers idle. If reading a document
    fails, the chunks already sent are still delivered before the error."""
    checker = _process_checker(settings)
    pending: deque[tuple[int, DocumentPass, list[Pair], Future[list[_Checked]]]] = deque()

    def done() -> tuple[int, list[PairResult]]:
        index, passes, chunk, future = pending.popleft()
        parts = future.result()
        return index, [
            passes.feed(PairResult(p, *part)) for p, part in zip(chunk, parts, strict=True)
        ]

    error: Exception | None = None
    try:
        for index, (path, lang, pairs) in enumerate(documents):
            passes = DocumentPass(checker, checker.rules_for(path))
            for chunk in _chunks(pairs, size):
                future = pool.submit(_check_chunk_parts, settings, path, lang, chunk)
                pending.append((index, passes, chunk, future))
                if len(pending) > window:
                    yield done()
    except Exception as exc:  # what was read before the error is reported, then the error
        error = exc
    while pending:
        yield done()
    if error is not None:
        raise error


def _chunks(pairs: Iterable[Pair], size: int) -> Iterator[list[Pair]]:
    """Lists of ``size`` pairs; if reading fails, the pairs read before it come first."""
    chunk: list[Pair] = []
    try:
        for pair in pairs:
            chunk.append(pair)
            if len(chunk) == size:
                yield chunk
                chunk = []
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


# A PairResult without its pair: what a worker sends back (the parent has the pairs).
# What a worker sends back for a pair: PairResult's fields after the pair itself, in order.
_Checked = tuple[
    float, tuple[Finding, ...], tuple[SentenceLink, ...], tuple[tuple[str, Any], ...], float
]


def _check_chunk_parts(
    settings: Settings, path: str, target_lang: str | None, pairs: list[Pair]
) -> list[_Checked]:
    return [
        (r.score, r.findings, r.sentences, r.collected, r.base)
        for r in check_chunk(settings, path, target_lang, pairs)
    ]
