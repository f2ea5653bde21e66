"""Importing this package registers every rule (see ``align.rules.base``).

The families with a package of their own keep their rules there: N in ``align.numbers``, E in
``align.names``, L in ``align.script``, M in ``align.meaning``; the small families without
extraction of their own (A completeness, P punctuation, X tool) live here.
"""

from align.meaning import rules as meaning
from align.names import rules as names
from align.numbers import rules as numbers
from align.rules import completeness, punctuation, tool
from align.rules.base import REGISTRY, Hit, Rule, rule, select_rules
from align.script import rules as script

__all__ = [
    "REGISTRY",
    "Hit",
    "Rule",
    "completeness",
    "meaning",
    "names",
    "numbers",
    "punctuation",
    "rule",
    "script",
    "select_rules",
    "tool",
]
