"""Where the bundled data lives, for tests and benchmarks."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SAMPLE = CORPORA / "okta-q3-fy2019-earnings-call.en-zhtw.txt"
ARTICLE = CORPORA / "okta-business-model.en.md"
SCRAPED = CORPORA / "okta-q4-fy2024-earnings-call.en.txt"
BENCH = ROOT.parent / "shared" / "bench"
