"""L rules: the target is Chinese, in the expected script."""

from __future__ import annotations

import re
from collections.abc import Iterator

from align.context import PairContext
from align.lang.script import count_scripts
from align.models import Severity
from align.rules.base import Hit, rule, whole_span

# A lowercase English word: names, tickers and acronyms are capitalised, prose is not.
_PROSE_WORD = re.compile(r"\b[a-z][a-z']{2,}\b")


@rule("L001", "untranslated-target", Severity.ERROR)
def untranslated_target(ctx: PairContext) -> Iterator[Hit]:
    """The target is English prose, not Chinese.

    What it checks: the Chinese side is mostly Latin script (Han share below
    ``untranslated-han-share``) and contains English prose: two or more lowercase words of
    three letters or more, or one when it repeats the source verbatim.
    Why it matters: machine translation sometimes returns its input unchanged; a reader of the
    Chinese edition then gets English.
    Example: ``We grew revenue 40% this year.`` → ``We grew revenue 40% this year.``
    Passes: speaker lines (structural pairs), names and tickers alone (``Okta`` → ``Okta``,
    ``AWS re:Invent``), and Chinese text with English names in it.
    """
    target = ctx.target.strip()
    if not target or not ctx.source.strip():
        return
    if count_scripts(target).han_share >= ctx.settings.untranslated_han_share:
        return
    prose = len(_PROSE_WORD.findall(target))
    verbatim = target == ctx.source.strip()
    if prose >= 2 or (verbatim and prose >= 1):
        how = "repeats the source verbatim" if verbatim else "is English, not Chinese"
        yield Hit(
            f"translation {how}",
            source_span=whole_span(ctx.source),
            target_span=whole_span(ctx.target),
        )
