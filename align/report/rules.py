"""``align rules`` output: the list of rules, or one rule explained."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from align.rules.base import Rule


def write_rule(out: TextIO, rule: Rule) -> None:
    out.write(f"{rule.heading}\n\n{rule.doc}\n")


def write_rules(out: TextIO, registry: Mapping[str, Rule]) -> None:
    width = max(len(rule.name) for rule in registry.values())
    for code, rule in sorted(registry.items()):
        out.write(f"{code}  {rule.name:<{width}} {rule.severity.value:<8} {rule.summary}\n")
