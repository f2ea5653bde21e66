"""`align check --dask` against `--jobs`: throughput, the client's peak memory, same output.

    pip install -e ".[dask]" && python tests/bench/dask_check.py [--files 100] [--workers 2]
        [--copies 1] [--address tcp://scheduler:8786] [--tsv]

Writes ``--files`` files, each the sample ``--copies`` times with its digits varied (as
tests/bench/speed.py does, so no two files are alike), or with ``--tsv`` one TSV file of the
sample's pairs ``--copies`` times (over 8 MiB it is checked by byte ranges on every worker),
then runs, each as its own process:

1. ``align check DIR --jobs N --format jsonl -o FILE``;
2. ``align check DIR --dask local:N -o SHARDS/`` (or ``--address``: an existing cluster),

and prints each one's wall time and pairs/s, the client's own peak RSS (for ``local:N`` that
process also runs the scheduler; the workers are not counted), and whether the shards'
lines equal the JSONL's pair lines.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.formats import open_document
from tests.bench.speed import varied_copies

# Runs the CLI in this interpreter and reports this process's own peak RSS (not its
# children's: the --jobs pool and the LocalCluster's workers are other processes).
_CLIENT = """
import resource, sys
from align.cli import main
if __name__ == "__main__":
    code = main(sys.argv[1:])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"client-peak-mb {peak:.0f}", file=sys.stderr)
    sys.exit(code)
"""


def run(script: Path, args: list[str]) -> tuple[float, float]:
    """(wall seconds, the client's peak RSS in MB) of ``align ARGS``."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode > 1:
        sys.exit(f"align {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    peak = next(
        float(line.split()[1])
        for line in done.stderr.splitlines()
        if line.startswith("client-peak-mb")
    )
    return elapsed, peak


def _write_tsv(path: Path, copies: int) -> None:
    """The sample's pairs ``copies`` times, digits varied, as one TSV file."""
    interleaved = path.with_suffix(".txt.tmp")
    with path.open("w", encoding="utf-8") as out:
        out.write("source\ttarget\n")
        for k in range(copies):
            interleaved.write_text(varied_copies(1, seed=k), "utf-8")
            for pair in open_document(str(interleaved), fmt="interleaved").pairs:
                if pair.source and pair.target:
                    en, zh = (side.text.replace("\t", " ") for side in (pair.source, pair.target))
                    out.write(f"{en}\t{zh}\n")
    interleaved.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--copies", type=int, default=1, help="copies of the sample per file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--address", help="an existing scheduler instead of local:N")
    parser.add_argument("--tsv", action="store_true", help="one TSV file of --copies copies")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        if args.tsv:
            _write_tsv(folder / "corpus.tsv", args.copies)
            args.files = 1
        for k in range(0 if args.tsv else args.files):
            text = varied_copies(args.copies, seed=k)
            (folder / f"doc{k:05d}.txt").write_text(text, "utf-8")
        script = Path(tmp) / "client.py"
        script.write_text(_CLIENT, "utf-8")
        jsonl = Path(tmp) / "jobs.jsonl"
        shards = Path(tmp) / "shards"
        jobs_time, jobs_peak = run(
            script, ["check", str(folder), "--jobs", str(args.workers), "--format", "jsonl",
                     "-o", str(jsonl), "--fail-on", "never"],
        )  # fmt: skip
        address = args.address or f"local:{args.workers}"
        dask_time, dask_peak = run(
            script, ["check", str(folder), "--dask", address, "-o", f"{shards}/",
                     "--fail-on", "never"],
        )  # fmt: skip
        expected = jsonl.read_text("utf-8").splitlines()[:-1]
        summary = json.loads((shards / "summary.json").read_text("utf-8"))
        got: list[str] = []
        for shard in summary["shards"]:
            got += (shards / shard["path"]).read_text("utf-8").splitlines()
    pairs = len(expected)
    print(f"{args.files} files, {pairs:,} pairs")
    print(f"--jobs {args.workers}:       {jobs_time:6.1f} s  {pairs / jobs_time:6.0f} pairs/s  "
          f"client peak {jobs_peak:.0f} MB")  # fmt: skip
    print(f"--dask {address}: {dask_time:6.1f} s  {pairs / dask_time:6.0f} pairs/s  "
          f"client peak {dask_peak:.0f} MB")  # fmt: skip
    print(f"shards equal the JSONL pair for pair: {got == expected}")


if __name__ == "__main__":
    main()
