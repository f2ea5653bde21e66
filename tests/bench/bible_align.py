"""Alignment accuracy and speed on bench/bible; prints figures (not a test).

    python tests/bench/bible_align.py [--seeds 13 1 2 3]

1. English vs the human Chinese translation, verse-level gold, Vecalign's strict/lax F1
   (reference points on the same file: Gale-Church 0.821, Hunalign 0.895, Vecalign 0.978,
   Bertalign 0.979).
2. English vs its own machine translation (en_mt_zh, de-tokenised) after random merges, splits
   and drops with known gold (seeded; strict F1).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.alignment import align_sentences
from align.segment import split_chinese
from tests.bench.bible_score import merge_by_verse, read_beads, score
from tests.paths import BENCH

BIBLE = BENCH / "bible"
_TOKEN_SPACE = re.compile(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])")


def lines(name: str) -> list[str]:
    return (BIBLE / name).read_text("utf-8").splitlines()


def human() -> None:
    english, chinese = lines("en/001.txt"), lines("zh/001.txt")
    started = time.perf_counter()
    beads = align_sentences(english, chinese)
    elapsed = time.perf_counter() - started
    merged = merge_by_verse(beads, lines("en.verse"), lines("zh.verse"))
    result = score(merged, read_beads(BIBLE / "gold/001.align"))
    print(
        f"bible human: strict F1 {result['strict']:.3f} (P {result['strict_p']:.3f} "
        f"R {result['strict_r']:.3f}), lax F1 {result['lax']:.3f}; "
        f"{len(english)}×{len(chinese)} sentences in {elapsed:.2f} s"
    )


def perturbed_machine_translation(seed: int = 13, rate: float = 0.04):
    """MT lines with random merges (2→1), splits (1→2 at a sentence end) and drops (1→0),
    each at ``rate``; a line with one sentence cannot be split and stays as it is."""
    rng = random.Random(seed)
    english = lines("en/001.txt")
    machine = [_TOKEN_SPACE.sub("", x) for x in lines("en_mt_zh/001.txt")]
    target: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i = 0
    while i < len(english):
        event = rng.choices(["merge", "split", "drop", "keep"], [rate, rate, rate, 1 - 3 * rate])[0]
        spans = split_chinese(machine[i])
        if event == "merge" and i + 1 < len(english):  # two MT lines become one
            gold.append(((i, i + 1), (len(target),)))
            target.append(machine[i] + machine[i + 1])
            i += 2
            continue
        if event == "split" and len(spans) > 1:  # one MT line becomes two
            cut = spans[len(spans) // 2].start
            gold.append(((i,), (len(target), len(target) + 1)))
            target += [machine[i][:cut], machine[i][cut:]]
        elif event == "drop":  # the translation is missing
            gold.append(((i,), ()))
        else:
            gold.append(((i,), (len(target),)))
            target.append(machine[i])
        i += 1
    return english, target, gold


def machine(seed: int = 13) -> float:
    english, target, gold = perturbed_machine_translation(seed)
    started = time.perf_counter()
    beads = align_sentences(english, target)
    elapsed = time.perf_counter() - started
    result = score(beads, gold)
    print(
        f"bible MT with merges/splits/drops (seed {seed}): strict F1 {result['strict']:.3f} "
        f"(P {result['strict_p']:.3f} R {result['strict_r']:.3f}); "
        f"{len(english)}×{len(target)} in {elapsed:.2f} s"
    )
    return result["strict"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--seeds", type=int, nargs="*", default=[13], metavar="SEED",
        help="perturbation seeds of the machine-translation run (default: 13); with more "
        "than one, their mean is printed too",
    )  # fmt: skip
    seeds = parser.parse_args().seeds
    human()
    results = [machine(seed) for seed in seeds]
    if len(results) > 1:
        print(f"bible MT, mean strict F1 over {len(results)} seeds: {statistics.mean(results):.4f}")


if __name__ == "__main__":
    main()
