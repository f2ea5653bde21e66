"""What the reviewer's help and rule screens say, the editor it opens, and the HTML export."""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterable
from pathlib import Path

from textual.binding import Binding, BindingType

from align.formats import Document
from align.models import InputInfo, PairResult
from align.rules.base import FAMILIES, REGISTRY

_KEY_NAMES = {"slash": "/", "question_mark": "?"}


def help_markdown(bindings: Iterable[BindingType]) -> str:
    lines = ["# Keys", "", "| key | does |", "|---|---|",
             "| j / k, ↓ / ↑ | move in the queue |",
             "| g / G, home / end | first / last pair |",
             "| A / F / X | accept / false-positive / fix every finding of this rule and "
             "subject (one undo) |",
             "| tab | queue → pair (scroll) → findings |"]  # fmt: skip
    lines += [
        f"| {_KEY_NAMES.get(b.key, b.key)} | {b.description} |"
        for b in bindings
        if isinstance(b, Binding) and b.show
    ]
    lines += ["| 1 / 2 / 3 | only pairs with an error / warning / info (again: all) |",
              "| ctrl+p | command palette: filters, jump to rule, export |"]  # fmt: skip
    return "\n".join(lines)


def rule_markdown(code: str) -> str:
    rule = REGISTRY[code]
    return (f"# {rule.code} {rule.name}\n\n*{rule.severity.value}, "
            f"{FAMILIES[rule.family]}*\n\n{rule.doc}")  # fmt: skip


def export_html(
    documents: list[Document], results: list[PairResult], signature: str, folder: Path
) -> Path:
    """The reviewed results, decisions included, as ``align-review-report.html`` in
    ``folder``; its path."""
    from align.report.batch import DocumentStats
    from align.report.html import write_html

    stats = DocumentStats(InputInfo(", ".join(d.info.path for d in documents), "review"))
    for result in results:
        stats.add(result)
    target = folder / "align-review-report.html"
    with open(target, "w", encoding="utf-8") as out:
        write_html(out, [stats], signature)
    return target


def editor_command(path: str, line: int) -> list[str]:
    """``$VISUAL``/``$EDITOR`` (else vi) at ``line`` of ``path``: ``+LINE`` is understood by
    vi, vim, nano, emacs, micro and kakoune."""
    editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    return [*editor, f"+{line}", path]
