"""Checks on Dask: a local cluster of worker processes gives the same results as one process.

    pip install -e ".[dask]" && python tests/bench/dask_check.py [--copies 20] [--workers 2]

Builds the sample replicated with its digits varied (as tests/bench/speed.py does), checks it
in this process and as a Dask bag on a pool of worker processes (``scheduler="processes"``;
a ``dask.distributed.Client`` works the same), and prints both times and whether every
result (scores, findings, document-rule findings) is identical.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.distributed import check_on_dask
from align.engine import Checker
from align.formats import open_document
from tests.bench.speed import varied_copies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for shard in range(2):  # a corpus of two files
            path = Path(folder) / f"shard{shard}.txt"
            path.write_text(varied_copies(args.copies // 2, seed=shard), "utf-8")
            paths.append(str(path))
        started = time.perf_counter()
        serial = [r for p in paths for r in Checker(settings).check_document(open_document(p))]
        one = time.perf_counter() - started
        started = time.perf_counter()
        documents = [open_document(p) for p in paths]
        on_dask = list(check_on_dask(documents, settings, num_workers=args.workers))
        many = time.perf_counter() - started
    same = [(r.pair.id, r.score, r.findings) for r in serial] == [
        (r.pair.id, r.score, r.findings) for r in on_dask
    ]
    print(f"{len(serial)} pairs: one process {one:.1f} s ({len(serial) / one:.0f} pairs/s); "
          f"Dask bag on {args.workers} worker processes {many:.1f} s "
          f"({len(serial) / many:.0f} pairs/s); identical results: {same}")  # fmt: skip


if __name__ == "__main__":
    main()
