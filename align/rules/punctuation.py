"""P rules: punctuation and format."""

from __future__ import annotations

import re
from collections.abc import Iterator

from align.context import PairContext
from align.models import Severity, Span
from align.rules.base import Hit, rule

# Opening → closing; half- and full-width brackets are one kind (a width slip is not an error).
_PAIRS = {"(": ")", "[": "]", "「": "」", "『": "』", "《": "》", "【": "】"}
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
_WIDTH = str.maketrans("（）［］", "()[]")


_BRACKET = re.compile(r"[()\[\]（）［］「」『』《》【】]")


def unbalanced(text: str) -> list[int]:
    """Offsets of brackets that are never closed, or closed without being opened."""
    stack: list[int] = []
    stray: list[int] = []
    for match in _BRACKET.finditer(text):
        i, char = match.start(), match.group().translate(_WIDTH)
        if char in _PAIRS:
            stack.append(i)
        elif char in _CLOSING:
            if stack and text[stack[-1]].translate(_WIDTH) == _CLOSING[char]:
                stack.pop()
            else:
                stray.append(i)
    return sorted(stack + stray)


@rule("P001", "unbalanced-brackets", Severity.WARNING)
def unbalanced_brackets(ctx: PairContext) -> Iterator[Hit]:
    """Brackets or Chinese quotation marks left open (or closed twice) in the translation.

    What it checks: ( ) （ ） [ ] 「 」 『 』 《 》 【 】 in the Chinese, when the English has
    its own brackets balanced: an opening mark never closed, or a closing one never opened.
    A half-width bracket closed by a full-width one counts as closed.
    Why it matters: an unclosed bracket swallows the rest of the sentence for a reader, and
    usually means the translation dropped or garbled what was inside.
    Example: ``(such as Office 365, Box and AWS).`` → ``(例如 Office 365、Box 和AWS。``
    Passes: ``(SEC)`` → ``(SEC)``; ``《現代化》政府技術法案``
    """
    if not ctx.target.strip() or unbalanced(ctx.source):
        return
    for offset in unbalanced(ctx.target)[:1]:
        mark = ctx.target[offset]
        kind = "never closed" if mark.translate(_WIDTH) in _PAIRS else "closed but never opened"
        yield Hit(f"{mark} is {kind}", target_span=Span(offset, offset + 1))
