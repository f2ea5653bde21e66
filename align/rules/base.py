"""The rule registry: small functions with a stable code, a name, a severity and docs.

A rule is a function from a ``PairContext`` to hits; ``@rule`` registers it. Codes follow the
families in DESIGN.md (``A`` alignment, ``N`` numbers, ``E`` entities, ``L`` language, ``P``
punctuation, ``M`` meaning, ``X`` the tool) and are never reused.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from align.models import Severity, Span

FAMILIES = {
    "A": "alignment and completeness",
    "N": "numbers",
    "E": "named entities and terms",
    "L": "language and script",
    "P": "punctuation and format",
    "M": "meaning",
    "X": "the tool itself",
}
_CODE = re.compile(r"^[ANELPMX]\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it checks", "Why it matters", "Example", "Passes")


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule returns; the engine turns it into a ``Finding``."""

    message: str
    source_span: Span | None = None
    target_span: Span | None = None
    severity: Severity | None = None  # overrides the rule's default for this one hit


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: Callable[..., Iterable[Hit]]
    doc: str
    # Raised by the engine itself (X family), never run on a pair.
    internal: bool = False
    # Off unless selected by its full code (``--select A003``): useful, but too noisy for ALL.
    opt_in: bool = False
    # Runs over a document's results in order (``check(state, result, collected)``), not on
    # one pair; ``collect(ctx)`` gathers, in the worker, what it needs from each pair.
    document: bool = False
    collect: Callable[..., Any] | None = None

    @property
    def family(self) -> str:
        return self.code[0]

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    @property
    def heading(self) -> str:
        """``E105 organisation-as-person (warning, named entities and terms)``: how `align
        rules CODE`, the HTML report and the reviewer title a rule's explanation."""
        return f"{self.code} {self.name} ({self.severity.value}, {FAMILIES[self.family]})"


REGISTRY: dict[str, Rule] = {}


def whole_span(text: str) -> Span | None:
    """The span of ``text`` without surrounding whitespace; None when it is blank."""
    stripped = text.strip()
    if not stripped:
        return None
    start = text.index(stripped)
    return Span(start, start + len(stripped))


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    internal: bool = False,
    opt_in: bool = False,
    document: bool = False,
    collect: Callable[..., Any] | None = None,
) -> Callable[[Callable[..., Iterable[Hit]]], Rule]:
    """Register a rule; the docstring must carry the four sections of ``DOC_SECTIONS``."""

    def register(func: Callable[..., Iterable[Hit]]) -> Rule:
        if not _CODE.match(code):
            raise ValueError(f"bad rule code {code!r}")
        if not _NAME.match(name):
            raise ValueError(f"rule name must be kebab-case: {name!r}")
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        doc = func.__doc__ or ""
        missing = [s for s in DOC_SECTIONS if f"{s}:" not in doc]
        if missing:
            raise ValueError(f"{code} docstring lacks: {', '.join(missing)}")
        registered = Rule(
            code, name, severity, func, inspect.cleandoc(doc), internal, opt_in, document, collect
        )
        REGISTRY[code] = registered
        return registered

    return register


def _longest_match(code: str, prefixes: Sequence[str]) -> int:
    """Length of the longest prefix matching ``code`` (``ALL`` counts as 0); -1 if none."""
    best = -1
    for prefix in prefixes:
        prefix = prefix.strip().upper()
        if prefix == "ALL":
            best = max(best, 0)
        elif prefix and code.startswith(prefix):
            best = max(best, len(prefix))
    return best


def select_rules(select: Sequence[str] = ("ALL",), ignore: Sequence[str] = ()) -> list[Rule]:
    """Rules enabled by ruff-style prefixes: the more specific of select and ignore wins."""
    from align import rules as _  # noqa: F401  (importing the package registers every rule)

    chosen = []
    for code in sorted(REGISTRY):
        selected = _longest_match(code, select)
        if REGISTRY[code].opt_in and selected < len(code):
            continue
        if selected >= 0 and selected > _longest_match(code, ignore):
            chosen.append(REGISTRY[code])
    return chosen


def unknown_prefixes(prefixes: Iterable[str]) -> list[str]:
    """Prefixes that name no registered rule (a typo in --select should not pass silently)."""
    from align import rules as _  # noqa: F401

    return [
        p
        for p in prefixes
        if p.strip()
        and p.strip().upper() != "ALL"
        and not any(code.startswith(p.strip().upper()) for code in REGISTRY)
    ]
