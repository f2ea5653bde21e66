"""The same input gives the same report whatever Python's hash seed: nothing may depend on
the order of a set of strings (E106 once reported 中 or 楚 for "Chinese" by the seed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_reports_do_not_depend_on_the_hash_seed(tmp_path):
    doc = tmp_path / "doc.tsv"
    doc.write_text(
        # 中 and 楚 (in 清楚) are both among the dictionary's renderings of "Chinese", of one
        # length: which one line 1 is said to use must not change from run to run.
        "We checked the Chinese dictionary and saw it clearly.\t我们检查了中国词典，看得很清楚。\n"
        "We checked the Chinese dictionary again.\t我们又检查了汉语词典。\n",
        "utf-8",
    )
    outputs = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}
        run = subprocess.run(
            [sys.executable, "-m", "align", "check", str(doc), "--format", "json",
             "--fail-on", "never"],
            capture_output=True, text=True, env=env, cwd=tmp_path, check=True,
        )  # fmt: skip
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert "Chinese is rendered 2 ways: 中 (line 1); 汉语 (line 2)" in outputs.pop()
