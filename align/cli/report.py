"""``align report``: a batch report, .html, .md, .csv or .json."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from align.cli.exits import EXIT_OK
from align.cli.inputs import existing_store, open_inputs
from align.cli.options import add_input_options, processes
from align.cli.output import command_output, progress
from align.errors import InputError

REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".csv": "csv", ".json": "json"}


def add_parser(commands: Any) -> None:
    report = commands.add_parser("report", help="batch report: .html, .md, .csv or .json")
    add_input_options(report)
    report.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="report file; its extension picks the format")  # fmt: skip
    report.add_argument(
        "--db", metavar="FILE", help="review database: each finding's decided status and note"
    )
    report.add_argument("--title", default="align report", help="the HTML report's title")


def run(args: argparse.Namespace) -> int:
    from align.report.batch import write_report
    from align.run import Runner

    fmt = REPORT_FORMATS.get(Path(args.output).suffix.lower())
    if fmt is None:
        raise InputError(f"unknown report type {Path(args.output).suffix!r} "
                         f"(use {', '.join(REPORT_FORMATS)})", path=args.output)  # fmt: skip
    checker, documents, _ = open_inputs(args)
    decided = {}
    if args.db:  # read once, up front: the report needs the decisions, not the database
        with existing_store(args.db) as store:
            decided = store.all()
    runner = Runner(checker, processes=processes(args), decisions=decided)
    indexed = progress(documents, runner.indexed(documents))
    infos = [document.info.freeze() for document in documents]
    with command_output(args) as out:
        write_report(out, fmt, indexed, infos, checker.signature, title=args.title)
    print(f"report written to {args.output}", file=sys.stderr)
    return EXIT_OK
