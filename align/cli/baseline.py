"""``align baseline``: write the current findings as a baseline."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from align.cli.exits import EXIT_OK
from align.cli.inputs import existing_store, open_inputs
from align.cli.options import add_input_options, add_output_option, processes
from align.cli.output import command_output


def add_parser(commands: Any) -> None:
    baseline = commands.add_parser("baseline", help="write the current findings as a baseline")
    add_input_options(baseline)
    add_output_option(baseline)
    baseline.add_argument(
        "--db", metavar="FILE", help="take reviewer decisions from this review database"
    )


def run(args: argparse.Namespace) -> int:
    from align.review.baseline import write_baseline
    from align.run import Runner

    checker, documents, _ = open_inputs(args)
    decisions = existing_store(args.db).all() if args.db else None
    runner = Runner(checker, processes=processes(args), decisions=decisions)
    with command_output(args) as out:
        count = write_baseline(out, runner.results(documents))
    if args.output:
        print(f"{count} findings written to {args.output}", file=sys.stderr)
    return EXIT_OK
