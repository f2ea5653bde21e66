"""Where the bundled data lives, for tests and benchmarks."""

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SAMPLE = CORPORA / "okta-q3-fy2019-earnings-call.en-zhtw.txt"
ARTICLE = CORPORA / "okta-business-model.en.md"
SCRAPED = CORPORA / "okta-q4-fy2024-earnings-call.en.txt"
BENCH = ROOT.parent / "shared" / "bench"
BIOMQM = BENCH / "biomqm" / "bench_enzh.jsonl"


def biomqm_records() -> list[dict[str, Any]]:
    """The Bio-MQM benchmark's annotated segments, one dict a record."""
    return [json.loads(line) for line in BIOMQM.read_text("utf-8").splitlines() if line]
