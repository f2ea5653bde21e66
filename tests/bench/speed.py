"""Throughput, start-up and memory of `align check`; prints figures (not a test).

    python tests/bench/speed.py [--copies 100] [--jobs 1 2]

1. The sample transcript replicated ``--copies`` times with every digit varied, written to a
   temporary interleaved file and checked with ``align check --format jsonl`` for each
   ``--jobs``: pairs per second and peak RSS of the process tree. Lines without digits repeat
   from copy to copy, so the engine keeps views of a text for one pair only
   (``align.pair_cache``): a cache across pairs would measure itself here, not the checks.
2. The same as ``--files`` separate transcripts (one copy each) in one `align check` run, for
   each ``--jobs``: what a batch of many small files gets from more processes.
3. Sentence-length segments: the 2,180 Bio-MQM pairs (``bench/biomqm``, ~185 English
   characters a pair against the sample's ~435) as JSON Lines, for each ``--jobs``.
4. Start-up: `align check` on a two-line file, best of five.
5. With ``--families``: the replicated sample checked with one rule family at a time
   (``--select``) at the highest ``--jobs``, and with ``--select A`` alone: what reading,
   pairing and writing cost, and what each family adds to it.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.paths import BIOMQM, SAMPLE, biomqm_records

FAMILIES = ("A", "N", "E", "L", "M", "P")


def varied_copies(copies: int, seed: int = 0) -> str:
    """The sample's lines ``copies`` times; in each copy every digit is replaced by a random one,
    the same way on both sides of a pair so its numbers still match."""
    rng = random.Random(seed)
    lines = SAMPLE.read_text("utf-8").splitlines()
    header, body = lines[:1], lines[1:]
    out = list(header)
    for _ in range(copies):
        table = str.maketrans("0123456789", "".join(rng.sample("0123456789", 10)))
        out += [line.translate(table) for line in body]
    return "\n".join(out) + "\n"


def run(args: list[str]) -> tuple[float, float]:
    """Wall time, and peak RSS (MB) of the children (the CLI and its workers)."""
    started = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--files", type=int, default=20, help="transcripts for the many-files run")
    parser.add_argument("--families", action="store_true", help="time each rule family alone")
    args = parser.parse_args()
    align = str(Path(sys.executable).with_name("align"))
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.txt"
        big.write_text(varied_copies(args.copies), "utf-8")
        pairs = 152 * args.copies
        for jobs in args.jobs:
            cmd = [align, "check", str(big), "--format", "jsonl", "--jobs", str(jobs)]
            elapsed, peak = run(cmd)
            print(f"{pairs} pairs, --jobs {jobs}: {elapsed:.1f} s, {pairs / elapsed:.0f} pairs/s "
                  f"(peak RSS of one process so far {peak:.0f} MB)")  # fmt: skip
        # Many transcripts in one run: each file is one copy, its digits varied by its seed.
        files = []
        for k in range(args.files):
            files.append(Path(folder) / f"t{k:03d}.txt")
            files[-1].write_text(varied_copies(1, seed=k), "utf-8")
        for jobs in args.jobs:
            cmd = [align, "check", *map(str, files), "--format", "jsonl", "--jobs", str(jobs)]
            elapsed, _ = run(cmd)
            print(
                f"{args.files} files of 152 pairs, --jobs {jobs}: {elapsed:.1f} s, "
                f"{152 * args.files / elapsed:.0f} pairs/s"
            )
        if BIOMQM.exists():
            segments = Path(folder) / "biomqm.jsonl"
            lines = [
                json.dumps({"source": r["source"], "target": r["target"]}, ensure_ascii=False)
                for r in biomqm_records()
            ]
            segments.write_text("\n".join(lines) + "\n", "utf-8")
            count = len(lines)
            for jobs in args.jobs:
                cmd = [align, "check", str(segments), "--format", "jsonl", "--jobs", str(jobs)]
                elapsed, _ = run(cmd)
                print(f"Bio-MQM, {count} sentence-length pairs, --jobs {jobs}: {elapsed:.1f} s, "
                      f"{count / elapsed:.0f} pairs/s")  # fmt: skip
        two = Path(folder) / "two.txt"
        two.write_text("Revenue grew 58%.\n營收成長 58%。\n", "utf-8")
        best = min(run([align, "check", str(two)])[0] for _ in range(5))
        print(f"start-up: align check on a two-line file in {best:.2f} s (best of 5)")
        if args.families:
            jobs = str(max(args.jobs))
            for family in FAMILIES:
                cmd = [align, "check", str(big), "--format", "jsonl", "--jobs", jobs,
                       "--select", family]  # fmt: skip
                elapsed, _ = run(cmd)
                print(f"{pairs} pairs, --jobs {jobs}, --select {family} only: {elapsed:.1f} s, "
                      f"{pairs / elapsed:.0f} pairs/s")  # fmt: skip


if __name__ == "__main__":
    main()
