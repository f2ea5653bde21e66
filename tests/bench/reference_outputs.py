"""Reference outputs for refactoring: `align check --format json` on fixed inputs; prints diffs.

    python tests/bench/reference_outputs.py write DIR      # run this tree, write DIR/*.json
    python tests/bench/reference_outputs.py compare A B    # same findings and scores?

Inputs: the sample transcript, the 2,180 Bio-MQM segments (as JSON Lines, one pair each) and
the first 600 lines of the Bible's English with their Chinese machine translation (two
parallel files, aligned by align). A refactoring must leave every output identical except
the version in the tool's signature (issue #23).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT.parent / "shared" / "bench"


def _inputs(folder: Path) -> dict[str, list[str]]:
    biomqm = folder / "biomqm.jsonl"
    with biomqm.open("w", encoding="utf-8") as out:
        for line in (BENCH / "biomqm" / "bench_enzh.jsonl").read_text("utf-8").splitlines():
            record = json.loads(line)
            pair = {"source": record["source"], "target": record["target"]}
            out.write(json.dumps(pair, ensure_ascii=False) + "\n")
    en, zh = folder / "bible.en.txt", folder / "bible.zh.txt"
    english = (BENCH / "bible" / "en" / "001.txt").read_text("utf-8").splitlines()[:600]
    chinese = (BENCH / "bible" / "en_mt_zh" / "001.txt").read_text("utf-8").splitlines()[:600]
    en.write_text("\n".join(english) + "\n", "utf-8")
    zh.write_text("\n".join(c.replace(" ", "") for c in chinese) + "\n", "utf-8")
    return {
        "sample": [str(ROOT / "corpora" / "okta-q3-fy2019-earnings-call.en-zhtw.txt")],
        "biomqm": [str(biomqm)],
        "bible": ["--source", str(en), "--target", str(zh)],
    }


def write(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, args in _inputs(Path(scratch)).items():
            run = subprocess.run(
                [sys.executable, "-m", "align", "check", *args, "--format", "json",
                 "--fail-on", "never"],
                capture_output=True, text=True, cwd=ROOT,
            )  # fmt: skip
            if run.returncode != 0:
                sys.exit(f"{name}: align exited {run.returncode}: {run.stderr.strip()}")
            report = json.loads(run.stdout)
            report["tool"].pop("version")
            report["tool"]["signature"] = report["tool"]["signature"].split("|", 1)[1]
            for entry in report.get("inputs", []):  # scratch paths differ from run to run
                entry["path"] = Path(entry["path"]).name
            text = json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True)
            for path in args:
                if not path.startswith("--"):  # the folders of the inputs, not "." of "--source"
                    text = text.replace(str(Path(path).parent), "")
            (out / f"{name}.json").write_text(text, "utf-8")
            print(f"{name}: {len(report['pairs'])} pairs written to {out / (name + '.json')}")


def compare(a: Path, b: Path) -> None:
    same = True
    for left in sorted(a.glob("*.json")):
        right = b / left.name
        equal = right.exists() and left.read_text("utf-8") == right.read_text("utf-8")
        same &= equal
        print(f"{left.stem}: {'identical' if equal else 'DIFFERENT'}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
