"""The engine's data model: immutable records that flow from readers to reports.

Everything downstream (rules, scoring, reports, the TUI) only reads these objects, so they are
frozen dataclasses; derived values are computed once by the engine, never stored twice.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar


@functools.total_ordering
class Severity(enum.Enum):
    """How bad a finding is. Ordered: ``ERROR > WARNING > INFO``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


T = TypeVar("T")


def _pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle as a constructor call with the field values: smaller and about three times
    faster than the default for slots dataclasses (results cross processes with --jobs)."""
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A ``[start, end)`` range of characters in one side's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """The two share a character (a zero-width span shares none)."""
        return self.start < other.end and other.start < self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Segment:
    """One side of a pair with its provenance.

    ``lines`` are 1-based line numbers in ``path``; ``start``/``end`` are character offsets of
    ``text`` inside the first of those lines (a sentence cut from a long scraped line keeps
    where it came from).
    """

    text: str
    path: str
    lines: tuple[int, ...]
    start: int = 0
    end: int | None = None

    @property
    def line(self) -> int:
        return self.lines[0]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Pair:
    """One unit of the input: English source and its Chinese target (either may be absent).

    ``structural`` marks units that are not prose to translate (speaker lines repeated verbatim
    in a transcript); rules leave them alone.
    """

    id: str
    source: Segment | None
    target: Segment | None
    kind: str = "1-1"
    structural: bool = False
    note: str = ""

    @property
    def source_text(self) -> str:
        return self.source.text if self.source else ""

    @property
    def target_text(self) -> str:
        return self.target.text if self.target else ""

    @property
    def path(self) -> str:
        side = self.source or self.target
        return side.path if side else ""

    @property
    def line(self) -> int:
        side = self.source or self.target
        return side.line if side else 0


class Status(enum.StrEnum):
    """A finding's review status: open until a reviewer decides (the JSON writes the value)."""

    OPEN = "open"
    ACCEPTED = "accepted"  # a real error: stays open
    FALSE_POSITIVE = "false-positive"
    FIXED = "fixed"

    @classmethod
    def read(cls, value: str) -> Status:
        """A stored status; one this align does not know (a newer one's) leaves it open."""
        try:
            return cls(value)
        except ValueError:
            return cls.OPEN


# Review decisions that keep a finding alive: "accepted" means a real error.
OPEN_STATUSES = frozenset({Status.OPEN, Status.ACCEPTED})


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    """A problem a rule found on a pair, with the spans it points at on each side."""

    code: str
    name: str
    severity: Severity
    message: str
    source_span: Span | None
    target_span: Span | None
    source_text: str
    target_text: str
    fingerprint: str
    status: Status = Status.OPEN
    # In the --baseline file: known, so it neither fails the run nor shows as new.
    baseline: bool = False
    note: str = ""  # the reviewer's note, from the review database

    @property
    def is_open(self) -> bool:
        """Counts towards --fail-on and the totals: not decided away, not in the baseline."""
        return self.status in OPEN_STATUSES and not self.baseline


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SentenceLink:
    """One bead of the sentence alignment inside a pair: a source range and a target range."""

    source: Span
    target: Span


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class PairResult:
    pair: Pair
    score: float
    findings: tuple[Finding, ...] = ()
    sentences: tuple[SentenceLink, ...] = ()
    # What each document rule collected from this pair in the worker ((code, data), …), for
    # the rule to compare across the document (E106: how each name is rendered). Not reported.
    collected: tuple[tuple[str, Any], ...] = ()
    # The score before any finding (the length fit; 0 for a missing translation): the score
    # is this times the open findings' factors, recomputed when a decision or the baseline
    # closes one (align.scoring.pair.rescored).
    base: float = 1.0

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


@dataclass(frozen=True, slots=True)
class InputInfo:
    """What a reader found out about one input file."""

    path: str
    format: str
    source_lang: str = "en"
    target_lang: str | None = None
    header: tuple[str, ...] = ()


@dataclass(slots=True)
class RunSummary:
    """Totals over a run; filled incrementally so results can stream."""

    pairs: int = 0
    flagged: int = 0
    by_severity: dict[str, int] = field(
        default_factory=lambda: {s.value: 0 for s in reversed(Severity)}
    )
    by_code: dict[str, int] = field(default_factory=dict)
    score_total: float = 0.0
    baselined: int = 0
    # Findings a reviewer decided (accepted, false positive, fixed): accepted ones stay open.
    decided: int = 0
    # Baseline entries that no longer occur; None when no baseline was given.
    stale_baseline: list[str] | None = None

    def add(self, result: PairResult) -> None:
        self.pairs += 1
        self.score_total += result.score
        self.baselined += sum(f.baseline for f in result.findings)
        self.decided += sum(f.status != Status.OPEN for f in result.findings)
        open_findings = [f for f in result.findings if f.is_open]
        if open_findings:
            self.flagged += 1
        for f in open_findings:
            self.by_severity[f.severity.value] += 1
            self.by_code[f.code] = self.by_code.get(f.code, 0) + 1

    def merge(self, other: RunSummary) -> None:
        """Add ``other``'s totals (another document's, another worker's) to these."""
        self.pairs += other.pairs
        self.flagged += other.flagged
        self.score_total += other.score_total
        self.baselined += other.baselined
        self.decided += other.decided
        for severity, count in other.by_severity.items():
            self.by_severity[severity] += count
        for code, count in other.by_code.items():
            self.by_code[code] = self.by_code.get(code, 0) + count

    @property
    def score_mean(self) -> float:
        return round(self.score_total / self.pairs, 4) if self.pairs else 1.0

    def to_dict(self) -> dict[str, object]:
        return {
            "pairs": self.pairs,
            "flagged": self.flagged,
            "by_severity": dict(self.by_severity),
            "by_code": dict(sorted(self.by_code.items())),
            "score_mean": self.score_mean,
            **({"decided": self.decided} if self.decided else {}),  # added: review decisions
            **(
                {"baseline": {"matched": self.baselined, "stale": self.stale_baseline}}
                if self.stale_baseline is not None
                else {}
            ),
        }
