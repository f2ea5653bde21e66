"""``align check``: check files and print findings."""

from __future__ import annotations

import argparse
from collections.abc import Generator
from typing import Any

from align.cli.exits import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from align.cli.inputs import existing_store, expand, open_inputs, shard_folders
from align.cli.options import add_input_options, add_output_option, processes, settings_of
from align.cli.output import command_output, silence_stdout
from align.config import FAIL_ON, Settings
from align.errors import InputError
from align.models import PairResult


def add_parser(commands: Any) -> None:
    from align.report import FORMATS as OUTPUTS

    check = commands.add_parser("check", help="check files and print findings")
    add_input_options(check)
    check.add_argument("--format", choices=sorted(OUTPUTS), default="text", help="output format")
    add_output_option(check)
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that fails (error)")
    check.add_argument(
        "--baseline", metavar="FILE", help="fail only on findings not in this baseline file"
    )
    check.add_argument("--db", metavar="FILE",
                       help="review database: report each finding's decided status")  # fmt: skip
    check.add_argument(
        "--dask", metavar="ADDRESS",
        help="check on a Dask cluster (scheduler address, or local:N for N local workers); "
        "writes JSONL shards to -o DIR/ (config: dask; none: not on Dask)",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from align.engine import fails
    from align.report import ReportContext, writer
    from align.review.baseline import Baseline
    from align.run import Runner

    settings = settings_of(args)
    address = args.dask or settings.dask
    if address and address != "none" and not shard_folders(args):
        return _check_on_dask(args, settings, address)
    checker, documents, settings = open_inputs(args, settings)
    baseline = Baseline.load(args.baseline) if args.baseline else None
    decisions = existing_store(args.db).all() if args.db else None
    runner = Runner(checker, processes=processes(args), decisions=decisions, baseline=baseline)
    threshold = settings.fail_severity
    context = ReportContext(
        [d.info.freeze() for d in documents], checker.signature, threshold=threshold
    )
    failing: list[bool] = []

    def checked() -> Generator[PairResult]:
        for result in runner.results(documents):
            if not failing and fails([result], threshold):
                failing.append(True)
            yield result
        if baseline:  # known before the writer prints the summary
            context.summary.stale_baseline = baseline.stale()

    stream = checked()
    try:
        with command_output(args) as out:
            writer(args.format)(out, stream, context)
    except BrokenPipeError:
        # The reader went away (| head): the exit status must still say whether the input
        # has findings, so checking goes on, unwritten, until the first failing one.
        silence_stdout()
        for _ in stream:  # until the exit status is known: the first failing finding
            if failing:
                break
        stream.close()
    return EXIT_FINDINGS if failing else EXIT_OK


def _check_on_dask(args: argparse.Namespace, settings: Settings, address: str) -> int:
    """``--dask``: the workers read the inputs and write shards; the client plans and counts."""
    from align.distributed import run_to_shards

    if args.source or not args.paths:
        raise InputError("--dask checks files and folders: give PATH... (not --source/--target)")
    if args.baseline or args.db:
        raise InputError("--dask writes the findings as found: apply --baseline/--db to the "
                         "shards afterwards (align check DIR/ --baseline FILE)")  # fmt: skip
    if args.format not in {"text", "jsonl"}:
        raise InputError(f"--dask writes JSONL shards; for --format {args.format} run "
                         "align check DIR/ --format ... on them")  # fmt: skip
    if not args.output:
        raise InputError("--dask writes a folder of shards: give -o DIR/")
    run = run_to_shards(address, settings, args.paths, expand(args.paths), args.output,
                        fmt=args.input_format, encoding=args.encoding)  # fmt: skip
    return EXIT_INPUT if run.errors else EXIT_FINDINGS if run.failing else EXIT_OK
