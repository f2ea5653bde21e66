"""``align review``: step through the findings in a terminal UI."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from align.cli.exits import EXIT_OK
from align.cli.inputs import open_inputs
from align.cli.options import add_input_options


def add_parser(commands: Any) -> None:
    review = commands.add_parser("review", help="step through the findings in a terminal UI")
    add_input_options(review, default_jobs="2")
    # Unset: the app picks two worker processes (checking stays off the interface's thread).
    review.set_defaults(jobs=None)
    review.add_argument(
        "--db", metavar="FILE", help="review database (default: .align/review.sqlite by the input)"
    )


def run(args: argparse.Namespace) -> int:
    from align.review.store import ReviewStore, default_db_path

    checker, documents, _ = open_inputs(args)
    db = Path(args.db) if args.db else default_db_path(args.paths[0] if args.paths else args.source)
    store = ReviewStore(db)
    from tui.app import ReviewApp  # the engine never imports the UI; only this command does

    # After an edit in $EDITOR the app opens the inputs again, as this command did.
    app = ReviewApp(checker, documents, store, reopen=lambda: open_inputs(args)[1], jobs=args.jobs)
    app.run()
    if app.input_error is not None:  # found after the interface started: same line, exit 2
        raise app.input_error
    return EXIT_OK
