"""Checking the documents of a command, in this process or a pool of workers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Pairs per task sent to a worker: small enough that a transcript of a few hundred pairs
# still keeps two workers busy, large enough that sending it costs little.
_CHUNK = 100


def check_documents(checker: Any, documents: list[Any], jobs: int) -> Iterator[tuple[int, Any]]:
    """(index of the document, result) for every document's results in input order, checked
    in ``jobs`` processes when > 1: one pool for the whole run, so many small files share
    the workers' start-up and keep them all busy."""
    if jobs <= 1:
        for index, document in enumerate(documents):
            for result in checker.check_document(document):
                yield index, result
        return
    from align.engine import checked_documents
    from align.workers import worker_pool

    sources = ((d.info.path, d.info.target_lang, d.pairs) for d in documents)
    pool = worker_pool(jobs)
    try:
        chunks = checked_documents(pool, checker.settings, sources, size=_CHUNK, window=2 * jobs)
        for index, chunk in chunks:
            for result in chunk:
                yield index, result
    finally:
        # Stopped early (an input error, the reader gone): drop the chunks still queued
        # rather than wait seconds for results nobody will read.
        pool.shutdown(wait=True, cancel_futures=True)


def results(checker: Any, documents: list[Any], jobs: int) -> Iterator[Any]:
    return (result for _, result in check_documents(checker, documents, jobs))
