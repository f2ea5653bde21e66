"""Importing this package registers every rule (see ``align.rules.base``)."""

from align.numbers import rules as numbers  # the N family lives in its own package
from align.rules import completeness, entities, language, meaning, punctuation, tool
from align.rules.base import REGISTRY, Hit, Rule, rule, select_rules

__all__ = [
    "REGISTRY",
    "Hit",
    "Rule",
    "completeness",
    "entities",
    "language",
    "meaning",
    "numbers",
    "punctuation",
    "rule",
    "select_rules",
    "tool",
]
