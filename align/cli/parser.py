"""The ``align`` argument parser: the global options and one sub-command per module."""

from __future__ import annotations

import argparse

from align import __version__
from align.cli import baseline, check, pair, report, review, rules, score

# In the order ``align --help`` lists them.
COMMANDS = {
    "check": check, "report": report, "review": review, "baseline": baseline, "pair": pair,
    "score": score, "rules": rules,
}  # fmt: skip


class _VersionAction(argparse.Action):
    """``--version``: the tool's version and the data's, read only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from align.provenance import version_text

        print(version_text(__version__))
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="align", description="Check Chinese machine translations of English text."
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the version and the data it runs on"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMANDS.values():
        module.add_parser(commands)
    return parser
