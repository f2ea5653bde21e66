"""Which names of a sentence are organisations: by their own words (a company suffix) or by
what the sentence says of them (shares of X, X is a bank, an analyst from X).

Pure text in, answer out: E105 asks it before judging a ``·``-joined rendering, since a
firm named after people (Piper Sandler, William Blair) reads like a person's name.
"""

from __future__ import annotations

import re

from align.names.extract import Entity

# Words that end an organisation's name.
ORG_SUFFIX = re.compile(
    r"\b(?:Inc|Corp|Corporation|Company|Co|Group|Holdings|Capital|Securities|Partners|Bank"
    r"|Research|Networks|LLC|Ltd|Management|Advisors|Associates|Financial|Investments"
    r"|Technologies|Systems|Labs|Ventures)\.?$"
)
# "Jonathan Ho with William Blair": the words between a person's name and their firm.
_AFFILIATION = re.compile(r"^,?\s+(?:with|from|at|of)\s+$")
# Nouns that say what kind of organisation a name is.
_KIND = (
    r"(?:company|firm|bank|investment bank|brokerage|broker|fund|hedge fund|insurer|lender"
    r"|retailer|manufacturer|maker|startup|conglomerate|corporation|carrier|airline|chain"
    r"|bank holding company|asset manager|private equity firm|venture capital firm)"
)
# What a sentence says just before the name: shares of X, analysts at X, the bank X.
_BEFORE = re.compile(
    r"(?:\b(?:shares|stock|stake|units?|subsidiary|division|customers|clients|employees)"
    rf"\s+(?:of|in|at)|\banalysts?\s+(?:is\s+|are\s+)?(?:at|from|with)|\bthe\s+{_KIND})\s+$",
    re.IGNORECASE,
)
# What it says just after: X shares, X's stock, X is a bank, X, a retailer.
_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:(?:shares|stock|share price|stock price)\b"
    rf"|(?:,\s+|\s+(?:is|was)\s+)(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_KIND}\b)",
    re.IGNORECASE,
)


def is_organisation(text: str, entity: Entity, previous: Entity | None = None) -> bool:
    """``entity`` of ``text`` names an organisation: a company suffix, a firm after a
    person's name (``previous``) and ``with``/``from``, or a sentence that says so."""
    if ORG_SUFFIX.search(entity.text):
        return True
    if (
        previous is not None
        and _AFFILIATION.match(text[previous.span.end : entity.span.start])
        and len(entity.words) >= 2
        and entity.name_words
    ):
        return True
    before = text[max(0, entity.span.start - 40) : entity.span.start]
    return bool(_BEFORE.search(before) or _AFTER.match(text[entity.span.end :]))
