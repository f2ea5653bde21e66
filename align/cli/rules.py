"""``align rules``: list rules, or explain one."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from align.cli.exits import EXIT_OK
from align.errors import InputError


def add_parser(commands: Any) -> None:
    rules = commands.add_parser("rules", help="list rules, or explain one")
    rules.add_argument("code", nargs="?", help="a rule code such as A010")


def run(args: argparse.Namespace) -> int:
    from align.report.rules import write_rule, write_rules
    from align.rules.base import REGISTRY, select_rules

    select_rules()  # registers every rule
    if args.code:
        rule = REGISTRY.get(args.code.upper())
        if rule is None:
            raise InputError(f"no rule {args.code!r} (see `align rules`)")
        write_rule(sys.stdout, rule)
        return EXIT_OK
    write_rules(sys.stdout, REGISTRY)
    return EXIT_OK
