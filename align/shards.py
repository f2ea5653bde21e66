"""Shard folders: what ``align check --dask -o DIR/`` writes, and what check, report and
baseline read back.

A shard folder holds ``part-00000.jsonl``, ``part-00001.jsonl`` … and ``summary.json``.

- A part is the output of one task, named by the task's index: one input file, the index
  being its place in the sorted input list. Its lines are the pair objects of ``align check
  --format jsonl`` (same fields, same key order, same serialisation), in input order, so any
  JSONL consumer reads a part, and the parts in name order give the pair lines of ``align
  check --format jsonl`` over the same inputs.
- ``summary.json`` is that JSONL's final line (``summary``, ``schema``, ``tool`` with the
  signature, ``inputs``) plus ``shards`` (each part's name, input and pair count, in order)
  and ``errors`` (the inputs whose task failed, with the one-line message). It is written
  last: a folder without it is a run that did not finish.

Every file is written under a temporary name and renamed into place, so a retried task
replaces its part whole (never half a part, never a pair twice) and a reader never sees a part
being written. Reading streams: one part open at a time, one line at a time.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

from align.config import Settings
from align.errors import InputError
from align.formats.base import DocumentInfo
from align.lengths import length_z
from align.models import Finding, Pair, PairResult, Segment, SentenceLink, Severity, Span, Status
from align.report.json import SCHEMA
from align.scoring.pair import PENALTY, base_score, score_from

SUMMARY = "summary.json"
_TEMPORARY = ".tmp"


def shard_name(index: int) -> str:
    """The part written by task ``index``."""
    return f"part-{index:05d}.jsonl"


def is_shard_folder(path: str | Path) -> bool:
    """A folder holding a ``summary.json``: the output of ``align check --dask``."""
    return Path(path).is_dir() and (Path(path) / SUMMARY).is_file()


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """``path`` opened for writing under a temporary name in the same folder, renamed onto
    ``path`` when the block ends without an error, removed otherwise. Two writers of the same
    path (a task and its retry) each write their own temporary file; the last rename wins
    and the part is always one writer's whole output."""
    with _atomic(path, "w") as handle:
        yield cast(TextIO, handle)


@contextlib.contextmanager
def atomic_binary(path: Path) -> Iterator[BinaryIO]:
    """``atomic_text`` for bytes."""
    with _atomic(path, "wb") as handle:
        yield cast(BinaryIO, handle)


@contextlib.contextmanager
def _atomic(path: Path, mode: str) -> Iterator[IO[Any]]:
    fd, named = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TEMPORARY)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(named, 0o666 & ~_umask())
        os.replace(named, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(named)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


# The hidden files of a large input checked by byte ranges (``align.cluster_tasks``), by kind
# and suffix: each range's checked pairs, each merge step's lines, and the document rules'
# state a step hands on. Named in one place, so that ``leftovers`` finds every one of them.
_HIDDEN = {"range": ".pickle", "merged": ".jsonl", "carry": ".pickle"}


def leftovers(folder: Path) -> list[Path]:
    """Temporary files of writers that died before renaming (a killed worker's), and the
    hidden files of large inputs checked by ranges, which a finished run no longer needs."""
    patterns = [f".part-*.jsonl.*{_TEMPORARY}", *(f".{kind}-*" for kind in _HIDDEN),
                *(f"..{kind}-*{_TEMPORARY}" for kind in _HIDDEN)]  # fmt: skip
    return sorted({path for pattern in patterns for path in folder.glob(pattern)})


def _hidden_name(kind: str, index: int, part: int) -> str:
    return f".{kind}-{index:05d}-{part:05d}{_HIDDEN[kind]}"


def range_name(index: int, part: int) -> str:
    """The checked pairs of byte range ``part`` of input ``index``, before its document pass:
    hidden, so that no reader of the folder takes it for a part."""
    return _hidden_name("range", index, part)


def merged_name(index: int, part: int) -> str:
    """The pair lines of range ``part`` of input ``index`` after its document pass."""
    return _hidden_name("merged", index, part)


def carry_name(index: int, part: int) -> str:
    """What the document pass over input ``index`` hands on after range ``part``."""
    return _hidden_name("carry", index, part)


# Reading


def _span(value: Any) -> Span | None:
    return None if value is None else Span(int(value[0]), int(value[1]))


def _segment(data: Any) -> Segment | None:
    if data is None:
        return None
    text = data["text"]
    return Segment(text, data["path"], tuple(data["lines"]), 0, len(text))


def _finding(data: dict[str, Any]) -> Finding:
    return Finding(
        code=data["code"],
        name=data["name"],
        severity=Severity(data["severity"]),
        message=data["message"],
        source_span=_span(data["source_span"]),
        target_span=_span(data["target_span"]),
        source_text=data["source_text"],
        target_text=data["target_text"],
        fingerprint=data["fingerprint"],
        status=Status.read(data.get("status", "open")),
        baseline=bool(data.get("baseline", False)),
        note=data.get("note", ""),
    )


def _base(
    pair: Pair, score: float, findings: tuple[Finding, ...], bilingual: bool, settings: Settings
) -> float:
    """The score before findings, which a pair object does not hold: recomputed from the
    texts as the engine computes it, so that a baseline or a review decision that closes a
    finding rescores the pair exactly as ``align check`` on the inputs would."""
    if not any(f.is_open for f in findings):
        return score  # nothing to close: rescoring gives the score back
    source, target = pair.source_text, pair.target_text
    z = None
    if source.strip() and target.strip():
        z = length_z(
            source,
            target,
            settings.length_ratio,
            settings.length_variance,
            settings.length_ratio_sd,
        )
    base = base_score(pair, z, bilingual=bilingual)
    if score_from(base, findings) == score:
        return base
    # Checked with other length settings: the best the stored score tells.
    factor = 1.0
    for finding in findings:
        if finding.is_open:
            factor *= 1 - PENALTY[finding.severity]
    return score / factor


def result_from_dict(data: dict[str, Any], *, bilingual: bool, settings: Settings) -> PairResult:
    """The result a pair object of ``align.report/1`` was written from (the inverse of
    ``align.report.json.pair_dict``; a segment's offset inside its line is not stored)."""
    pair = Pair(
        id=data["id"],
        source=_segment(data["source"]),
        target=_segment(data["target"]),
        kind=data["kind"],
        structural=bool(data.get("structural", False)),
        note=data.get("note", ""),
    )
    findings = tuple(_finding(f) for f in data["findings"])
    sentences = tuple(
        SentenceLink(Span(*link["source"]), Span(*link["target"]))
        for link in data.get("sentences", ())
    )
    score = float(data["score"])
    base = _base(pair, score, findings, bilingual, settings)
    return PairResult(pair, score, findings, sentences, (), base)


@dataclass
class ShardDocument:
    """One input as a shard folder recorded it: its info and the part holding its results."""

    info: DocumentInfo
    part: Path
    pairs: int = 0

    def results(self, settings: Settings) -> Iterator[PairResult]:
        bilingual = self.info.target_lang is not None
        try:
            handle = open(self.part, encoding="utf-8")  # noqa: SIM115  (closed below)
        except OSError as exc:
            raise InputError(f"missing shard: {exc.strerror or exc}", path=str(self.part)) from None
        with handle:
            for number, line in enumerate(handle, start=1):
                try:
                    data = json.loads(line)
                    yield result_from_dict(data, bilingual=bilingual, settings=settings)
                except (ValueError, KeyError, TypeError, IndexError) as exc:
                    raise InputError(
                        f"not a pair object of {SCHEMA}: {type(exc).__name__}: {exc}",
                        path=str(self.part),
                        line=number,
                    ) from None


def _load_summary(folder: Path) -> dict[str, Any]:
    path = folder / SUMMARY
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a shard summary: {exc}", path=str(path)) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or "shards" not in data:
        raise InputError(
            f'not a shard summary (expected "schema": "{SCHEMA}" and "shards")', path=str(path)
        )
    return data


@dataclass
class ShardChecker:
    """Stands in for ``align.engine.Checker`` when the inputs are shard folders: the results
    are read from the parts, not computed, and the signature is the one they were made with."""

    settings: Settings
    signature: str
    documents: list[ShardDocument] = field(default_factory=list)

    @classmethod
    def open(cls, folders: list[str], settings: Settings) -> ShardChecker:
        signature: str | None = None
        documents: list[ShardDocument] = []
        for folder in folders:
            data = _load_summary(Path(folder))
            where = str(Path(folder) / SUMMARY)
            errors = data.get("errors") or []
            if errors:
                first = errors[0].get("message", "?")
                more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
                raise InputError(
                    f"incomplete: {len(errors)} input(s) failed when it was written: "
                    f"{first}{more}; fix them and check again",
                    path=folder,
                )
            tool = data.get("tool") or {}
            if signature is not None and tool.get("signature") != signature:
                raise InputError("checked with other settings than the first folder", path=where)
            signature = str(tool.get("signature", ""))
            inputs = {i["path"]: i for i in data.get("inputs", [])}
            try:
                for shard in data["shards"]:
                    about = inputs[shard["input"]]
                    info = DocumentInfo(
                        path=about["path"],
                        format=about["format"],
                        source_lang=about.get("source_lang", "en"),
                        target_lang=about.get("target_lang"),
                    )
                    part = Path(folder) / shard["path"]
                    documents.append(ShardDocument(info, part, int(shard.get("pairs", 0))))
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(f"not a shard summary: missing {exc}", path=where) from None
        return cls(settings, signature or "", documents)

    def check_document(self, document: ShardDocument) -> Iterator[PairResult]:
        return document.results(self.settings)
