"""X rules: problems of the tool itself, raised by the engine rather than run on a pair."""

from __future__ import annotations

from collections.abc import Iterator

from align.models import Severity
from align.rules.base import Hit, rule


@rule("X001", "rule-crashed", Severity.ERROR, internal=True)
def rule_crashed(_ctx: object) -> Iterator[Hit]:
    """A rule raised an exception on this pair; the run went on without its result.

    What it checks: nothing by itself; the engine reports it when a rule fails.
    Why it matters: a crash must not hide the other findings of a run, nor pass silently:
    the pair was not fully checked. Please report it with the pair's text.
    Example: ``N201 raised ValueError: ...`` on one pair of a large file.
    Passes: every pair on which all rules ran.
    """
    return iter(())
