"""Peak memory of `align check` as the input grows; prints figures (not a test).

    python tests/bench/memory.py [--sizes 5 20] [--big 1024] [--big-select P001|ALL] [--jobs N]

1. All rules on interleaved inputs of ``--sizes`` MB (the sample replicated with its digits
   varied, as in ``speed.py``): peak RSS should not grow with the input.
2. One ``--big`` MB input (1 GB by default) through the whole pipeline — reader, pair
   context, sentence alignment, scoring, JSONL writer — with only the ``--big-select`` rules,
   so that it finishes in minutes rather than hours: the readers and writers stream
   (``--big-select ALL --jobs 2`` checks it with every rule, in about an hour).

Peak RSS is the largest of the child and the worker processes it waited for (``os.wait4``),
in MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.speed import varied_copies


def write_input(path: Path, megabytes: float) -> int:
    """An interleaved file of about ``megabytes`` MB; returns its number of pairs."""
    block = varied_copies(1, seed=0)
    header, body = block.split("\n", 1)
    pairs_per_block = body.count("\n") // 2
    size, pairs, seed = 0, 0, 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(header + "\n")
        while size < megabytes * 1e6:
            seed += 1
            text = varied_copies(1, seed=seed).split("\n", 1)[1]
            out.write(text)
            size += len(text.encode("utf-8"))
            pairs += pairs_per_block
    return pairs


def peak_rss(args: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="*", default=[5, 20])
    parser.add_argument("--big", type=float, default=1024, help="MB; 0 to skip")
    parser.add_argument("--big-select", default="P001", help="rule codes, or ALL")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    align = str(Path(sys.executable).with_name("align"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        for size in args.sizes:
            pairs = write_input(path, size)
            cmd = [align, "check", str(path), "--format", "jsonl", "-o", os.devnull,
                   "--jobs", str(args.jobs)]  # fmt: skip
            elapsed, peak, code = peak_rss(cmd)
            print(f"all rules, {size:g} MB ({pairs:,} pairs): peak RSS {peak:.0f} MB, "
                  f"{elapsed:.0f} s, exit {code}")  # fmt: skip
        if args.big:
            pairs = write_input(path, args.big)
            cmd = [align, "check", str(path), "--format", "jsonl", "-o", os.devnull,
                   "--jobs", str(args.jobs)]  # fmt: skip
            if args.big_select != "ALL":
                cmd += ["--select", args.big_select]
            elapsed, peak, code = peak_rss(cmd)
            what = f"--select {args.big_select} --jobs {args.jobs}, {args.big:g} MB"
            what += f" ({pairs:,} pairs)"
            print(f"{what}: peak RSS {peak:.0f} MB, {elapsed:.0f} s, exit {code}")


if __name__ == "__main__":
    main()
