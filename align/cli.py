"""The ``align`` command line.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from align import __version__
from align.config import FAIL_ON, Settings, check_locale, load_settings
from align.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


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


PAIR_FORMATS = ("tsv", "json", "tmx", "beads")


class _VersionAction(argparse.Action):
    """``--version``: the tool's version and the data's, read only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from align.provenance import version_text

        print(version_text(__version__))
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    from align.formats import FORMATS
    from align.report import FORMATS as OUTPUTS

    parser = argparse.ArgumentParser(
        prog="align", description="Check Chinese machine translations of English text."
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the version and the data it runs on"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="check files and print findings")
    _add_input_options(check)
    check.add_argument("--format", choices=sorted(OUTPUTS), default="text", help="output format")
    check.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
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

    report = commands.add_parser("report", help="batch report: .html, .md, .csv or .json")
    _add_input_options(report)
    report.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="report file; its extension picks the format")  # fmt: skip
    report.add_argument(
        "--db", metavar="FILE", help="review database: each finding's decided status and note"
    )
    report.add_argument("--title", default="align report", help="the HTML report's title")

    review = commands.add_parser("review", help="step through the findings in a terminal UI")
    _add_input_options(review)
    review.add_argument(
        "--db", metavar="FILE", help="review database (default: .align/review.sqlite by the input)"
    )

    baseline = commands.add_parser("baseline", help="write the current findings as a baseline")
    _add_input_options(baseline)
    baseline.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    baseline.add_argument(
        "--db", metavar="FILE", help="take reviewer decisions from this review database"
    )

    pair = commands.add_parser("pair", help="align two files and write the pairs")
    pair.add_argument("source", metavar="EN", help="English file, one unit per line")
    pair.add_argument("target", metavar="ZH", help="Chinese file, one unit per line")
    pair.add_argument("--format", choices=PAIR_FORMATS,
                      help="output format (default: by the -o extension, else tsv)")  # fmt: skip
    pair.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    pair.add_argument("--split", action="store_true", help="align sentences, not whole lines")
    pair.add_argument("--encoding", default="utf-8", help="input encoding, e.g. big5, gb18030")

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
    score.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    score.add_argument("--input-format", choices=[f for f in FORMATS if f != "parallel"])
    score.add_argument("--encoding", default="utf-8", help="input encoding, e.g. big5, gb18030")

    rules = commands.add_parser("rules", help="list rules, or explain one")
    rules.add_argument("code", nargs="?", help="a rule code such as A010")
    return parser


# Formats that are one document: written to stdout only once complete.
_WHOLE_DOCUMENTS = {"json", "sarif", "junit"}


def _output(args: argparse.Namespace, *, binary: bool = False) -> Any:
    """The command's ``-o`` (or stdout), refusing to overwrite any file the command reads."""
    from align.output import open_output

    inputs: list[str] = []
    with contextlib.suppress(InputError):  # a folder stands for the files read from it
        inputs += _expand(getattr(args, "paths", None) or [])
    inputs += [
        str(value)
        for key in ("source", "target", "baseline", "db", "config", "reference")
        if (value := getattr(args, key, None))
    ]
    inputs += [*(getattr(args, "glossary", None) or ()), *(getattr(args, "idioms", None) or ())]
    whole = getattr(args, "format", None) in _WHOLE_DOCUMENTS
    return open_output(args.output, binary=binary, inputs=inputs, whole=whole)


def _settings(args: argparse.Namespace) -> Settings:
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
    return settings


def _load_term_files(settings: Settings) -> None:
    """Read the glossaries and idiom files now: a bad one is an input error, up front."""
    if settings.glossary:
        from align.glossary import load_glossaries

        load_glossaries(settings.glossary)
    if settings.idioms:
        from align.meaning.idioms import load_idioms

        load_idioms(settings.idioms)


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    """What every command that runs the checks accepts: inputs, rule selection, config."""
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
        "--target-lang",
        metavar="LOCALE",
        help="declared target locale: zh-TW, zh-HK, zh-CN … (checks the script)",
    )
    parser.add_argument("--input-format", choices=[f for f in FORMATS if f != "parallel"],
                        help="input format (default: by extension and content)")  # fmt: skip
    parser.add_argument("--encoding", default="utf-8", help="input encoding, e.g. big5, gb18030")
    parser.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                        help="worker processes, or auto for one per CPU (output order is "
                             "kept; default 1)")  # fmt: skip
    parser.add_argument("--pairing", choices=PAIRINGS, default="auto",
                        help="--source/--target: by line, by alignment, or auto (default: "
                             "by line when the files have as many lines)")  # fmt: skip


_INPUT_SUFFIXES = {".txt", ".md", ".tsv", ".csv", ".jsonl", ".tmx", ".xlf", ".xliff"}


def _is_input(path: Path) -> bool:
    """Not hidden, and not a folder's own documentation (README, CHANGELOG, LICENSE)."""
    return not path.name.startswith(".") and path.stem.upper() not in {
        "README", "CHANGELOG", "LICENSE", "NOTICE",
    }  # fmt: skip


def _expand(paths: list[str]) -> list[str]:
    """Folders stand for the input files under them, sorted."""
    files: list[str] = []
    for path in paths:
        if Path(path).is_dir():
            found = sorted(
                str(p) for p in Path(path).rglob("*")
                if p.is_file() and p.suffix.lower() in _INPUT_SUFFIXES and _is_input(p)
            )  # fmt: skip
            if not found:
                raise InputError("no input files in this folder", path=path)
            files.extend(found)
        else:
            files.append(path)
    return files


def _run(
    args: argparse.Namespace, settings: Settings | None = None
) -> tuple[Any, list[Any], Settings]:
    """Open the inputs and build the checker: ``(checker, documents, settings)``."""
    from align.engine import Checker
    from align.formats import open_document, open_parallel

    if bool(args.source) != bool(args.target):
        raise InputError("--source and --target go together")
    if not args.paths and not args.source:
        raise InputError("nothing to check: give PATH... or --source EN --target ZH")
    settings = settings or _settings(args)
    if _shard_folders(args):
        return _read_shards(args, settings)
    documents = [
        open_document(path, fmt=args.input_format, encoding=args.encoding)
        for path in _expand(args.paths)
    ]
    if args.source:
        documents.append(
            open_parallel(args.source, args.target, encoding=args.encoding, pairing=args.pairing)
        )
    return Checker(settings), documents, settings


def _shard_folders(args: argparse.Namespace) -> list[str]:
    """The PATHs that are shard folders (``align check --dask -o DIR/``), for the commands
    that read results: check, report, baseline."""
    from align.shards import is_shard_folder

    if args.command not in {"check", "report", "baseline"}:
        return []
    return [path for path in args.paths if is_shard_folder(path)]


def _read_shards(args: argparse.Namespace, settings: Settings) -> tuple[Any, list[Any], Settings]:
    """Shard folders as the inputs: their results are read, streaming, not checked again."""
    from align.shards import ShardChecker

    folders = _shard_folders(args)
    if len(folders) != len(args.paths) or args.source:
        raise InputError("a shard folder is read on its own: give no other inputs with it")
    if args.select or args.ignore:
        raise InputError("--select/--ignore do not apply to a shard folder (its findings are "
                         "stored); check the inputs again instead")  # fmt: skip
    args.jobs = 1  # nothing to compute
    checker = ShardChecker.open(folders, settings)
    return checker, checker.documents, settings


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
    run = run_to_shards(address, settings, args.paths, _expand(args.paths), args.output,
                        fmt=args.input_format, encoding=args.encoding)  # fmt: skip
    return EXIT_INPUT if run.errors else EXIT_FINDINGS if run.failing else EXIT_OK


def check_documents(checker: Any, documents: list[Any], jobs: int) -> Iterator[tuple[int, Any]]:
    """(index of the document, result) for every document's results in input order, checked
    in ``jobs`` processes when > 1: one pool for the whole run, so many small files share
    the workers' start-up and keep them all busy."""
    if jobs <= 1:
        for index, document in enumerate(documents):
            for result in checker.check_document(document):
                yield index, result
        return
    from align.engine import checked_documents
    from align.workers import worker_pool

    sources = ((d.info.path, d.info.target_lang, d.pairs) for d in documents)
    pool = worker_pool(jobs)
    try:
        chunks = checked_documents(pool, checker.settings, sources, size=_CHUNK, window=2 * jobs)
        for index, chunk in chunks:
            for result in chunk:
                yield index, result
    finally:
        # Stopped early (an input error, the reader gone): drop the chunks still queued
        # rather than wait seconds for results nobody will read.
        pool.shutdown(wait=True, cancel_futures=True)


def _results(checker: Any, documents: list[Any], jobs: int) -> Iterator[Any]:
    return (result for _, result in check_documents(checker, documents, jobs))


# Pairs per task sent to a worker: small enough that a transcript of a few hundred pairs
# still keeps two workers busy, large enough that sending it costs little.
_CHUNK = 100


def _existing_store(path: str) -> Any:
    """A review database that must already exist (check and baseline only read it)."""
    from align.review.store import ReviewStore

    return ReviewStore(path, read_only=True)


def _check(args: argparse.Namespace) -> int:
    from align.engine import fails
    from align.report import ReportContext, writer
    from align.review.baseline import Baseline

    settings = _settings(args)
    address = args.dask or settings.dask
    if address and address != "none" and not _shard_folders(args):
        return _check_on_dask(args, settings, address)
    checker, documents, settings = _run(args, settings)
    baseline = Baseline.load(args.baseline) if args.baseline else None
    store = _existing_store(args.db) if args.db else None
    threshold = settings.fail_severity
    context = ReportContext(
        [d.info.freeze() for d in documents], checker.signature, threshold=threshold
    )
    failing: list[bool] = []

    def results():  # type: ignore[no-untyped-def]
        stream = _results(checker, documents, args.jobs)
        if store:
            stream = store.apply(stream)
        for result in baseline.apply(stream) if baseline else stream:
            if not failing and fails([result], threshold):
                failing.append(True)
            yield result
        if baseline:  # known before the writer prints the summary
            context.summary.stale_baseline = baseline.stale()

    stream = results()
    try:
        with _output(args) as out:
            writer(args.format)(out, stream, context)
    except BrokenPipeError:
        # The reader went away (| head): the exit status must still say whether the input
        # has findings, so checking goes on, unwritten, until the first failing one.
        _silence_stdout()
        for _ in stream:  # until the exit status is known: the first failing finding
            if failing:
                break
        stream.close()
    return EXIT_FINDINGS if failing else EXIT_OK


REPORT_FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".csv": "csv", ".json": "json"}


def _progress(documents: list[Any], stream: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, Any]]:
    """The (document index, result) stream, with a progress line on the terminal as each
    document starts (nothing when stderr is not a TTY)."""
    show = sys.stderr.isatty()
    current = -1
    for index, result in stream:
        if show and index != current:
            current = index
            print(f"\r[{index + 1}/{len(documents)}] {documents[index].info.path}\033[K", end="",
                  file=sys.stderr, flush=True)  # fmt: skip
        yield index, result
    if show:
        print(file=sys.stderr)


def _report(args: argparse.Namespace) -> int:
    from align.report import ReportContext
    from align.report.batch import DocumentStats, write_csv, write_html, write_markdown
    from align.report.json import write_json

    fmt = REPORT_FORMATS.get(Path(args.output).suffix.lower())
    if fmt is None:
        raise InputError(f"unknown report type {Path(args.output).suffix!r} "
                         f"(use {', '.join(REPORT_FORMATS)})", path=args.output)  # fmt: skip
    checker, documents, _ = _run(args)
    decided = {}
    if args.db:  # read once, up front: the report needs the decisions, not the database
        with _existing_store(args.db) as store:
            decided = store.all()

    def indexed() -> Iterator[tuple[int, Any]]:
        from align.review.store import with_decisions

        for index, result in _progress(documents, check_documents(checker, documents, args.jobs)):
            yield index, with_decisions(result, decided) if decided else result

    def stream() -> Iterator[Any]:
        return (result for _, result in indexed())

    with _output(args) as out:
        if fmt == "json":
            context = ReportContext([d.info.freeze() for d in documents], checker.signature)
            write_json(out, stream(), context)
        elif fmt == "csv":
            write_csv(out, stream())
        else:
            stats = [DocumentStats(document.info.freeze()) for document in documents]
            for index, result in indexed():
                stats[index].add(result)
            if fmt == "html":
                write_html(out, stats, checker.signature, title=args.title)
            else:
                write_markdown(out, stats, checker.signature)
    print(f"report written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from align.review.store import ReviewStore, default_db_path

    checker, documents, _ = _run(args)
    db = Path(args.db) if args.db else default_db_path(args.paths[0] if args.paths else args.source)
    store = ReviewStore(db)
    from tui.app import ReviewApp  # the engine never imports the UI; only this command does

    # After an edit in $EDITOR the app opens the inputs again, as this command did.
    app = ReviewApp(checker, documents, store, reopen=lambda: _run(args)[1])
    app.run()
    if app.input_error is not None:  # found after the interface started: same line, exit 2
        raise app.input_error
    return EXIT_OK


def _baseline(args: argparse.Namespace) -> int:
    from align.review.baseline import write_baseline

    checker, documents, _ = _run(args)
    results = _results(checker, documents, args.jobs)
    if args.db:
        results = _existing_store(args.db).apply(results)
    with _output(args) as out:
        count = write_baseline(out, results)
    if args.output:
        print(f"{count} findings written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _pair(args: argparse.Namespace) -> int:
    from align.engine import Checker
    from align.formats import sniff_target_lang
    from align.formats.tmx import write_tmx
    from align.pairing import align_files, beads_to_pairs
    from align.report import ReportContext
    from align.report.json import write_json

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in PAIR_FORMATS else "tsv"
    beads, source, target = align_files(args.source, args.target, args.encoding, split=args.split)
    pairs = beads_to_pairs(beads, source, target, args.source, args.target)
    target_lang = sniff_target_lang(args.target, args.encoding)
    with _output(args, binary=fmt == "tmx") as out:
        if fmt == "beads":  # Vecalign/Bertalign format: 0-based line numbers of the files
            for src, tgt in beads:
                if args.split:  # sentence numbers, as in a file of one sentence per line
                    out.write(f"{list(src)}:{list(tgt)}\n")
                else:
                    out.write(f"{_file_lines(source, src)}:{_file_lines(target, tgt)}\n")
        elif fmt == "tsv":
            out.write("source\ttarget\n")
            for pair in pairs:
                cells = (pair.source_text, pair.target_text)
                out.write("\t".join(c.replace("\t", " ") for c in cells) + "\n")
        elif fmt == "tmx":
            write_tmx(out, pairs, "en", target_lang if target_lang != "zh" else "zh")
        else:
            from align.models import InputInfo

            checker = Checker(load_settings(None))
            info = InputInfo(args.source, "parallel-aligned", "en", target_lang)
            context = ReportContext([info], checker.signature)
            write_json(out, checker.check_pairs(pairs), context)
    return EXIT_OK


def _file_lines(units: list[Any], indexes: tuple[int, ...]) -> list[int]:
    """A bead side as 0-based lines of its file: blank lines are skipped but keep their
    numbers, so ``[2]`` is the file's third line."""
    return list(dict.fromkeys(units[k].line - 1 for k in indexes))


def _score(args: argparse.Namespace) -> int:
    import json

    from align.formats import open_document
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
    with _output(args) as out:
        if args.format == "json":
            data = {
                "schema": "align.score/1",
                "corpus": result.corpus,
                "signatures": result.signatures,
                "pairs": [vars(s) for s in result.segments],
            }
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            for s in result.segments:
                out.write(f"{s.id}\tBLEU {s.bleu:6.2f}\tchrF {s.chrf:6.2f}\tTER {s.ter:6.2f}\n")
            c = result.corpus
            out.write(
                f"corpus\tBLEU {c['bleu']:6.2f}\tchrF {c['chrf']:6.2f}\tTER {c['ter']:6.2f}\n"
            )
            for name, signature in result.signatures.items():
                out.write(f"{name} signature: {signature}\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from align.rules.base import FAMILIES, REGISTRY, select_rules

    select_rules()  # registers every rule
    if args.code:
        rule = REGISTRY.get(args.code.upper())
        if rule is None:
            raise InputError(f"no rule {args.code!r} (see `align rules`)")
        print(f"{rule.code} {rule.name} ({rule.severity.value}, {FAMILIES[rule.family]})\n")
        print(rule.doc)
        return EXIT_OK
    width = max(len(rule.name) for rule in REGISTRY.values())
    for code, rule in sorted(REGISTRY.items()):
        print(f"{code}  {rule.name:<{width}} {rule.severity.value:<8} {rule.summary}")
    return EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C: temporary output files are removed, worker pools shut down.
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    handlers = {
        "check": _check, "report": _report, "review": _review, "baseline": _baseline, "pair": _pair,
        "score": _score, "rules": _rules,
    }  # fmt: skip
    try:
        return handlers[args.command](args)
    except InputError as exc:
        print(f"align: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader of our output went away (``| head``); not an error of ours.
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # stdout on a full disk, a closed terminal …
        print(f"align: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        _silence_stdout()
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
