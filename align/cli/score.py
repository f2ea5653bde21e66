"""``align score``: BLEU/chrF/TER of the Chinese against a reference translation."""

from __future__ import annotations

import argparse
from typing import Any

from align.cli.exits import EXIT_OK
from align.cli.options import add_output_option
from align.cli.output import command_output
from align.errors import InputError


def add_parser(commands: Any) -> None:
    from align.formats import FORMATS

    score = commands.add_parser(
        "score", help="BLEU/chrF/TER of the Chinese against a reference translation"
    )
    score.add_argument("path", metavar="PATH", help="an input file (its Chinese is scored)")
    score.add_argument(
        "--reference", metavar="REF", required=True,
        help="reference translations, one line per translated pair of PATH",
    )  # fmt: skip
    score.add_argument(
        "--tokenize",
        choices=("zh", "jieba"),
        default="zh",
        help="what BLEU and TER count: Han characters (sacreBLEU's zh, the WMT convention; "
        "default) or jieba's words",
    )
    score.add_argument("--format", choices=("text", "json"), default="text")
    add_output_option(score)
    score.add_argument("--input-format", choices=[f for f in FORMATS if f != "parallel"])
    score.add_argument("--encoding", default="utf-8", help="input encoding, e.g. big5, gb18030")


def run(args: argparse.Namespace) -> int:
    from align.formats import open_document
    from align.report.score import write_score
    from align.scoring.reference import score_against_reference
    from align.textio import iter_lines

    pairs = [
        p
        for p in open_document(args.path, fmt=args.input_format, encoding=args.encoding).pairs
        if not p.structural and p.source_text.strip() and p.target is not None
    ]
    references = [text for _, text in iter_lines(args.reference, args.encoding)]
    if references and not references[-1].strip():
        references.pop()
    if len(references) != len(pairs):
        raise InputError(
            f"{len(references)} reference lines for {len(pairs)} translated pairs in "
            f"{args.path} (one line per pair, in order, speaker lines excluded)",
            path=args.reference,
        )
    result = score_against_reference(
        [p.id for p in pairs], [p.target_text for p in pairs], references, args.tokenize
    )
    with command_output(args) as out:
        write_score(out, result, args.format)
    return EXIT_OK
