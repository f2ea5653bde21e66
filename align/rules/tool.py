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


@rule("X002", "unused-noqa", Severity.WARNING, internal=True)
def unused_noqa(_ctx: object) -> Iterator[Hit]:
    """A ``noqa: CODE`` marker in a row's note that suppresses nothing.

    What it checks: the engine reports every code listed after ``noqa:`` in a TSV/CSV/JSONL
    ``note`` that matched no finding on that row.
    Why it matters: a stale suppression hides the next real problem of that code on the row.
    Example: note ``noqa: N201`` on a row whose numbers all match.
    Passes: ``noqa: N201`` on a row where N201 fires (the finding is silenced); bare ``noqa``.
    """
    return iter(())


@rule("X003", "segment-too-long", Severity.WARNING, internal=True)
def segment_too_long(_ctx: object) -> Iterator[Hit]:
    """A pair too long to check; the engine skipped its rules.

    What it checks: nothing by itself; the engine reports it when the English and Chinese of
    one pair together exceed ``max-segment-chars`` (20,000 characters by default), as in a file
    with no line breaks.
    Why it matters: the checks are built for sentences and paragraphs; on a megabyte-long
    "line" they would take minutes and say nothing useful. Split the text into lines or
    paragraphs, or raise the limit.
    Example: a 10 MB interleaved file whose two lines are each a whole book.
    Passes: every pair of ordinary length.
    """
    return iter(())
