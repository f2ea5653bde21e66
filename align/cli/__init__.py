"""The ``align`` command line: one module per command, ``parser`` puts them together.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or input error.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Sequence

from align.cli.exits import EXIT_INPUT, EXIT_OK
from align.errors import InputError

__all__ = ["main"]


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C: temporary output files are removed, worker pools shut down.
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    from align.cli.output import silence_stdout
    from align.cli.parser import COMMANDS, build_parser

    args = build_parser().parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return COMMANDS[args.command].run(args)
    except InputError as exc:
        print(f"align: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader of our output went away (``| head``); not an error of ours.
        silence_stdout()
        return EXIT_OK
    except OSError as exc:  # stdout on a full disk, a closed terminal …
        print(f"align: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        silence_stdout()
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
