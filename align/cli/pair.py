"""``align pair``: align two files and write the pairs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from align.cli.exits import EXIT_OK
from align.cli.options import add_output_option
from align.cli.output import command_output
from align.config import load_settings

PAIR_FORMATS = ("tsv", "json", "tmx", "beads")


def add_parser(commands: Any) -> None:
    pair = commands.add_parser("pair", help="align two files and write the pairs")
    pair.add_argument("source", metavar="EN", help="English file, one unit per line")
    pair.add_argument("target", metavar="ZH", help="Chinese file, one unit per line")
    pair.add_argument("--format", choices=PAIR_FORMATS,
                      help="output format (default: by the -o extension, else tsv)")  # fmt: skip
    add_output_option(pair)
    pair.add_argument("--split", action="store_true", help="align sentences, not whole lines")
    pair.add_argument("--encoding", default="utf-8", help="input encoding, e.g. big5, gb18030")


def run(args: argparse.Namespace) -> int:
    from align.engine import Checker
    from align.formats import sniff_target_lang
    from align.formats.tmx import write_tmx
    from align.pairing import align_files, beads_to_pairs
    from align.report import ReportContext
    from align.report.json import write_json
    from align.report.pairs import write_beads, write_pairs_tsv

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in PAIR_FORMATS else "tsv"
    beads, source, target = align_files(args.source, args.target, args.encoding, split=args.split)
    pairs = beads_to_pairs(beads, source, target, args.source, args.target)
    target_lang = sniff_target_lang(args.target, args.encoding)
    with command_output(args, binary=fmt == "tmx") as out:
        if fmt == "beads":
            write_beads(out, beads, source, target, split=args.split)
        elif fmt == "tsv":
            write_pairs_tsv(out, pairs)
        elif fmt == "tmx":
            write_tmx(out, pairs, "en", target_lang if target_lang != "zh" else "zh")
        else:
            from align.models import InputInfo

            checker = Checker(load_settings(None))
            info = InputInfo(args.source, "parallel-aligned", "en", target_lang)
            context = ReportContext([info], checker.signature)
            write_json(out, checker.check_pairs(pairs), context)
    return EXIT_OK
