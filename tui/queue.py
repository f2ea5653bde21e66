"""The review queue: results with filters, sort order and decisions (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from align.models import PairResult, Severity, Status
from align.scoring.pair import rescored

SORTS = ("worst first", "file order", "most findings")


@dataclass
class ReviewQueue:
    results: list[PairResult] = field(default_factory=list)
    sort: str = SORTS[0]
    severity: Severity | None = None  # only pairs with a finding of this severity
    family: str | None = None  # only pairs with a finding of this rule family
    undecided_only: bool = False
    # The queue is for reviewing: pairs without findings stay out unless asked for.
    flagged_only: bool = True
    search: str = ""

    def add(self, results: list[PairResult]) -> None:
        self.results.extend(results)

    def cycle_sort(self) -> str:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        return self.sort

    def _keep(self, result: PairResult) -> bool:
        findings = result.findings
        if self.flagged_only and not findings:
            return False
        if self.severity is not None and not any(f.severity == self.severity for f in findings):
            return False
        if self.family is not None and not any(f.code.startswith(self.family) for f in findings):
            return False
        if self.undecided_only and not any(f.status == Status.OPEN for f in findings):
            return False
        if self.search:
            needle = self.search.lower()
            pair = result.pair
            haystack = f"{pair.id}\n{pair.source_text}\n{pair.target_text}".lower()
            if needle not in haystack and not any(needle in f.code.lower() for f in findings):
                return False
        return True

    def visible(self) -> list[int]:
        """Indexes into ``results`` of the pairs shown, in display order."""
        shown = [i for i, r in enumerate(self.results) if self._keep(r)]
        if self.sort == "worst first":  # the worst open severity, then the lowest score
            shown.sort(key=lambda i: (-_open_rank(self.results[i]), self.results[i].score, i))
        elif self.sort == "most findings":
            shown.sort(key=lambda i: (-len(self.results[i].findings), i))
        return shown

    def set_status(self, index: int, fingerprint: str, status: str, note: str) -> None:
        result = self.results[index]
        findings = tuple(
            replace(f, status=Status.read(status), note=note) if f.fingerprint == fingerprint else f
            for f in result.findings
        )
        self.results[index] = rescored(replace(result, findings=findings))

    def decided_count(self) -> tuple[int, int]:
        """(findings decided, all findings) over every pair, filters aside."""
        statuses = [f.status for r in self.results for f in r.findings]
        return sum(status != Status.OPEN for status in statuses), len(statuses)

    def empty_state(self, done: bool, *, files: int) -> str:
        """What to say when no pair is shown: still checking, no findings at all, or none
        that the filters let through."""
        if not done:
            return "Checking…"
        if not any(result.findings for result in self.results):
            return f"No findings in {'this file' if files == 1 else 'these files'}."
        return f"No pair matches the filters: {self.describe_filters()}."

    def describe_filters(self) -> str:
        parts = [self.sort, "flagged pairs" if self.flagged_only else "all pairs"]
        if self.severity:
            parts.append(f"{self.severity.value} only")
        if self.family:
            parts.append(f"family {self.family}")
        if self.undecided_only:
            parts.append("undecided only")
        if self.search:
            parts.append(f"search “{self.search}”")
        return " · ".join(parts)


def _open_rank(result: PairResult) -> int:
    """The rank of the worst severity among the pair's undecided findings; -1 if none."""
    return max((f.severity.rank for f in result.findings if f.status == Status.OPEN), default=-1)
