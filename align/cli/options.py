"""The options of the commands that run the checks, and the settings they make."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from align.config import Settings, check_locale, load_settings
from align.errors import InputError


def _jobs(value: str) -> int:
    """Worker processes: at most one per CPU this process may use (more only compete)."""
    from align.workers import available_cpus

    if value == "auto":
        return available_cpus()
    if not value.isdecimal() or int(value) < 1:
        raise argparse.ArgumentTypeError("--jobs takes a number of processes (1 or more) or auto")
    return min(int(value), available_cpus())


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def add_input_options(parser: argparse.ArgumentParser, *, default_jobs: str = "1") -> None:
    """What every command that runs the checks accepts: inputs, rule selection, config.
    ``default_jobs``: what --jobs is when not given, as its help says it."""
    from align.formats import FORMATS, PAIRINGS

    parser.add_argument("paths", nargs="*", metavar="PATH", help="input files or folders")
    parser.add_argument("--source", metavar="EN", help="English file (with --target)")
    parser.add_argument("--target", metavar="ZH", help="Chinese file, paired with --source")
    parser.add_argument("--select", type=_codes, metavar="CODES", help="rule code prefixes to run")
    parser.add_argument("--ignore", type=_codes, metavar="CODES", help="rule prefixes to skip")
    parser.add_argument("--config", type=Path, metavar="FILE", help="align.toml or pyproject.toml")
    parser.add_argument("--glossary", action="append", metavar="FILE",
                        help="glossary of terms, .csv or .tbx (repeatable)")  # fmt: skip
    parser.add_argument(
        "--idioms",
        action="append",
        metavar="FILE",
        help="more idioms for M101, in the format of align/data/idioms.tsv",
    )
    parser.add_argument(
        "--domain",
        metavar="NAME",
        help="domain term bases for M106: finance, biomedical, both (finance,biomedical) "
        "or none (default)",
    )
    parser.add_argument(
        "--target-lang",
        metavar="LOCALE",
        help="declared target locale: zh-TW, zh-HK, zh-CN … (checks the script)",
    )
    parser.add_argument("--input-format", choices=[f for f in FORMATS if f != "parallel"],
                        help="input format (default: by extension and content)")  # fmt: skip
    parser.add_argument("--encoding", default="utf-8", help="input encoding, e.g. big5, gb18030")
    parser.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                        help="worker processes, or auto for one per CPU (output order is "
                             f"kept; default {default_jobs})")  # fmt: skip
    parser.add_argument("--pairing", choices=PAIRINGS, default="auto",
                        help="--source/--target: by line, by alignment, or auto (default: "
                             "by line when the files have as many lines)")  # fmt: skip


def add_output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def processes(args: argparse.Namespace) -> int:
    """Worker processes for the runner: 0 (check inline) unless ``--jobs`` asks for more."""
    return args.jobs if args.jobs > 1 else 0


def settings_of(args: argparse.Namespace) -> Settings:
    """The configuration with the command line's rule selection, term files and locale."""
    from align.rules.base import unknown_prefixes

    for option in ("select", "ignore"):
        unknown = unknown_prefixes(getattr(args, option) or ())
        if unknown:
            raise InputError(
                f"--{option}: no rule matches {', '.join(unknown)} (see `align rules`)"
            )
    settings = load_settings(
        args.config, select=args.select, ignore=args.ignore, fail_on=getattr(args, "fail_on", None)
    )
    # Files named on the command line add to those of the configuration.
    added = {key: getattr(args, key) for key in ("glossary", "idioms") if getattr(args, key)}
    settings = replace(
        settings, **{key: getattr(settings, key) + tuple(files) for key, files in added.items()}
    )
    _load_term_files(settings)
    if args.target_lang:
        settings = replace(settings, target_locale=check_locale(args.target_lang))
    if args.domain is not None:
        from align.meaning.domains import parse_domains

        settings = replace(settings, domain=parse_domains(args.domain))
    return settings


def _load_term_files(settings: Settings) -> None:
    """Read the glossaries and idiom files now: a bad one is an input error, up front."""
    if settings.glossary:
        from align.glossary import load_glossaries

        load_glossaries(settings.glossary)
    if settings.idioms:
        from align.meaning.idioms import load_idioms

        load_idioms(settings.idioms)
