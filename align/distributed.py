"""Checking a corpus on Dask, past one machine (optional: ``pip install "align-qa[dask]"``).

Documents are read and cut into chunks of pairs on the client; each chunk is one item of a
Dask bag, checked by ``align.engine.check_chunk`` (pure and picklable: settings, path, script
and pairs in, results out) wherever the scheduler runs it: worker processes on this machine
or a ``dask.distributed`` cluster. Results come back in input order and the document rules
(E106, M104) run over each document on the client, so the output equals ``align check``'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from align.config import Settings
from align.engine import Checker, DocumentPass, check_chunk
from align.formats import Document
from align.models import PairResult


def _chunks(documents: Iterable[Document], size: int) -> list[tuple[str, str | None, list[Any]]]:
    chunks = []
    for document in documents:
        info = document.info
        pairs = list(document.pairs)
        for start in range(0, len(pairs), size):
            chunks.append((info.path, info.target_lang, pairs[start : start + size]))
    return chunks


def _check(settings: Settings, chunk: tuple[str, str | None, list[Any]]) -> list[PairResult]:
    return check_chunk(settings, *chunk)


def check_on_dask(
    documents: Iterable[Document],
    settings: Settings,
    *,
    chunk_size: int = 100,
    scheduler: str | Any = "processes",
    num_workers: int | None = None,
) -> Iterator[PairResult]:
    """Every pair's result, in input order, computed as a Dask bag.

    ``scheduler`` is any Dask scheduler: ``"processes"`` (a local pool of worker processes),
    ``"threads"``, ``"synchronous"``, or a ``dask.distributed.Client``.
    """
    import dask.bag as db  # the optional extra

    chunks = _chunks(documents, chunk_size)
    if not chunks:
        return
    bag = db.from_sequence(chunks, npartitions=len(chunks)).map(partial(_check, settings))
    options: dict[str, Any] = {"scheduler": scheduler}
    if num_workers:
        options["num_workers"] = num_workers
    checked = bag.compute(**options)
    checker = Checker(settings)
    passes: dict[str, DocumentPass] = {}
    for (path, _, _), results in zip(chunks, checked, strict=True):
        document_pass = passes.setdefault(path, DocumentPass(checker, checker.rules_for(path)))
        for result in results:
            yield document_pass.feed(result)
