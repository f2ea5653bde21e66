"""A010 (length-ratio outlier) on correct text and on omissions, short and long; prints figures.

    python tests/bench/a010_calibration.py [--seed 0] [--set length-z=4 ...] [--sweep KEY=V1,V2]

Every figure is "A010 at warning or above" from the rule itself (a ``Checker`` that selects
only A010), with the shipped settings and then with each candidate:

- Bio-MQM (``../shared/bench/biomqm``): records whose gold has no omission or addition error
  (false flags; the issue's target is ≤ 1%) and records with one (recall). An omission or
  addition is a gold error of category ``Accuracy/Omission`` or ``Accuracy/Addition``, or
  ``has_omission``.
- The sample (``corpora/``, Google-Translate zh-TW): flags among its translated lines.
- Bible Genesis (``../shared/bench/bible``): the human translation's gold verse beads (false
  flags) and the machine translation's lines (false flags).
- Synthetic long paragraphs: consecutive correct pairs (Bio-MQM records without an omission or
  addition, one system's records in document and segment order; Genesis verse beads, human and
  machine) joined into paragraphs of 500–3,000 English characters (false flags), and the same
  paragraphs with one piece (a record or a verse: one sentence, usually) dropped from the
  Chinese side (recall, also by the share of the Chinese that was dropped).

It also prints the spread of the length ratio between documents (Bio-MQM per system and
document, Genesis per chapter, the sample), raw and with the within-document Gale–Church noise
(``VARIANCE`` / length) taken out, and the root-mean-square distance from ``RATIO`` (the spread
plus the offset of the genre's mean): how far a long correct paragraph's ratio can be from the
model's however long it is.

``--set length-z=4.5`` (kebab-case keys of ``[tool.align]``, numbers only) adds one candidate;
``--sweep length-z=3.5,4,4.5`` adds one candidate per value, for a sensitivity table.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.engine import Checker
from align.formats import open_document
from align.lengths import RATIO, VARIANCE, chinese_length, english_length
from align.models import Pair, Segment, Severity
from tests.bench.calibrate_length import detokenise
from tests.paths import BENCH, SAMPLE, biomqm_records

LENGTH_ERRORS = ("Accuracy/Omission", "Accuracy/Addition")
SHORTEST, LONGEST = 500, 3000  # English characters of a synthetic paragraph

Piece = tuple[str, str]  # (English, Chinese)


def has_length_error(record: dict[str, Any]) -> bool:
    errors = record["gold_errors"]
    return bool(record["has_omission"]) or any(e["category"] in LENGTH_ERRORS for e in errors)


# ---------------------------------------------------------------------------------------- data


def bible() -> tuple[list[Piece], list[Piece], list[str]]:
    """Genesis: the human translation's gold beads, the machine translation's lines, and the
    chapter (``Gen:1``) of each human bead."""
    root = BENCH / "bible"
    english = (root / "en/001.txt").read_text("utf-8").splitlines()
    human = (root / "zh/001.txt").read_text("utf-8").splitlines()
    machine = [detokenise(x) for x in (root / "en_mt_zh/001.txt").read_text("utf-8").splitlines()]
    verses = (root / "en.verse").read_text("utf-8").splitlines()
    beads, chapters = [], []
    for line in (root / "gold/001.align").read_text("utf-8").splitlines():
        src_ids, tgt_ids = (json.loads(side) for side in line.split(":"))  # "[1,2]:[3]"
        if src_ids and tgt_ids and verses[src_ids[0]].startswith("Gen:"):
            source = " ".join(english[i] for i in src_ids)
            beads.append((source, "".join(human[j] for j in tgt_ids)))
            chapters.append(verses[src_ids[0]].rsplit(":", 1)[0])
    mt = [(e, m) for e, m, v in zip(english, machine, verses, strict=True) if v.startswith("Gen:")]
    return beads, mt, chapters


def sample() -> list[Piece]:
    document = open_document(str(SAMPLE))
    return [
        (p.source_text, p.target_text)
        for p in document.pairs
        if not p.structural and p.source_text.strip() and p.target_text.strip()
    ]


def paragraphs(runs: Iterable[Sequence[Piece]], rng: random.Random) -> list[list[Piece]]:
    """Consecutive pieces of each run joined until the English reaches a length drawn from
    500–3,000 characters; a paragraph never crosses a run and is never longer than 3,000."""
    out: list[list[Piece]] = []
    for run in runs:
        current: list[Piece] = []
        size, goal = 0, rng.randint(SHORTEST, LONGEST)
        for piece in run:
            n = english_length(piece[0])
            if size + n > LONGEST:
                if size >= SHORTEST:
                    out.append(current)
                current, size, goal = [], 0, rng.randint(SHORTEST, LONGEST)
                if n > LONGEST:
                    continue
            current.append(piece)
            size += n
            if size >= goal:
                out.append(current)
                current, size, goal = [], 0, rng.randint(SHORTEST, LONGEST)
    return out


def joined(pieces: Sequence[Piece], drop: int | None = None) -> Piece:
    return (
        " ".join(e for e, _ in pieces),
        "".join(z for i, (_, z) in enumerate(pieces) if i != drop),
    )


# ------------------------------------------------------------------------------------- scoring


def flags(settings: Settings, pairs: Sequence[Piece]) -> list[bool]:
    checker = Checker(replace(settings, select=("A010",)))
    out = []
    for i, (source, target) in enumerate(pairs):
        pair = Pair(f"bench:{i}", Segment(source, "bench", (1,)), Segment(target, "bench", (2,)))
        result = checker.check_pair(pair, target_lang="zh-Hans")
        out.append(any(f.severity >= Severity.WARNING for f in result.findings))
    return out


def rate(hits: Sequence[bool]) -> str:
    n = sum(hits)
    return f"{n:>4}/{len(hits):<5} {n / len(hits) if hits else 0:6.1%}"


class Sets:
    """Every set, built once (the synthetic ones from ``seed``)."""

    def __init__(self, seed: int) -> None:
        records = biomqm_records()
        self.records = records
        self.mqm_clean = [(r["source"], r["target"]) for r in records if not has_length_error(r)]
        self.mqm_error = [(r["source"], r["target"]) for r in records if has_length_error(r)]
        self.sample = sample()
        self.human, self.mt, self.chapters = bible()
        by_system: dict[str, list[dict[str, Any]]] = {}
        for r in records:
            if not has_length_error(r):
                by_system.setdefault(r["system"], []).append(r)
        for run in by_system.values():
            run.sort(key=lambda r: (str(r["doc"]), int(r["seg"]) if str(r["seg"]).isdigit() else 0))
        rng = random.Random(seed)
        mqm_runs = [[(r["source"], r["target"]) for r in run] for run in by_system.values()]
        self.long: dict[str, list[list[Piece]]] = {
            "Bio-MQM": paragraphs(mqm_runs, rng),
            "Genesis human": paragraphs([self.human], rng),
            "Genesis MT": paragraphs([self.mt], rng),
        }
        # One omission per paragraph: a piece drawn at random, never the only one.
        self.drops = {
            name: [rng.randrange(len(p)) if len(p) > 1 else None for p in paras]
            for name, paras in self.long.items()
        }


def evaluate(name: str, settings: Settings, sets: Sets) -> dict[str, str]:
    row = {"model": name}
    row["Bio-MQM clean FF"] = rate(flags(settings, sets.mqm_clean))
    row["Bio-MQM om/add recall"] = rate(flags(settings, sets.mqm_error))
    row["sample flags"] = rate(flags(settings, sets.sample))
    row["Genesis human FF"] = rate(flags(settings, sets.human))
    row["Genesis MT FF"] = rate(flags(settings, sets.mt))
    for set_name, paras in sets.long.items():
        correct = [joined(p) for p in paras]
        row[f"long {set_name} FF"] = rate(flags(settings, correct))
        dropped = [
            (joined(p, d), d, p)
            for p, d in zip(paras, sets.drops[set_name], strict=True)
            if d is not None
        ]
        hits = flags(settings, [pair for pair, _, _ in dropped])
        row[f"long {set_name} drop recall"] = rate(hits)
        for low, high in ((0, 0.1), (0.1, 0.25), (0.25, 1.01)):
            chosen = [
                hit
                for hit, (_, d, p) in zip(hits, dropped, strict=True)
                if low <= chinese_length(p[d][1]) / chinese_length(joined(p)[1]) < high
            ]
            row[f"  {set_name}: drop {low:.0%}–{min(high, 1):.0%} of zh"] = rate(chosen)
    by_length: dict[tuple[int, int], list[bool]] = {
        (500, 1000): [],
        (1000, 2000): [],
        (2000, 3001): [],
    }
    for paras in sets.long.values():
        for p, hit in zip(paras, flags(settings, [joined(p) for p in paras]), strict=True):
            n = english_length(joined(p)[0])
            for (low, high), bucket in by_length.items():
                if low <= n < high:
                    bucket.append(hit)
    for (low, high), bucket in by_length.items():
        row[f"long (all) FF {low}–{min(high, 3000)}"] = rate(bucket)
    return row


# ---------------------------------------------------------------------------- between documents


def spread(name: str, documents: Sequence[Sequence[Piece]], minimum: int) -> None:
    """The sd of the per-document ratio, raw and minus the Gale–Church noise of its length."""
    ratios, noise = [], []
    for doc in documents:
        src = sum(english_length(e) for e, _ in doc)
        if src < minimum:
            continue
        ratios.append(sum(chinese_length(z) for _, z in doc) / src)
        noise.append(VARIANCE / src)
    if len(ratios) < 2:
        return
    raw = statistics.pvariance(ratios)
    between = max(raw - statistics.mean(noise), 0.0)
    offset = statistics.mean(ratios) - RATIO
    print(
        f"  {name:<38} n={len(ratios):>4}  mean={statistics.mean(ratios):.3f}  "
        f"sd={math.sqrt(raw):.3f}  without Gale–Church noise: sd={math.sqrt(between):.3f}, "
        f"rms about RATIO={math.sqrt(between + offset**2):.3f}"
    )


def spreads(sets: Sets) -> None:
    print("Length ratio between documents (Chinese / English characters, align.lengths):")
    by_doc: dict[tuple[str, str], list[Piece]] = {}
    for r in sets.records:
        if not has_length_error(r):
            by_doc.setdefault((r["system"], str(r["doc"])), []).append((r["source"], r["target"]))
    chapters: dict[str, list[Piece]] = {}
    for piece, chapter in zip(sets.human, sets.chapters, strict=True):
        chapters.setdefault(chapter, []).append(piece)
    genesis_mt = [sets.mt[i : i + 100] for i in range(0, len(sets.mt), 100)]
    every = [*by_doc.values(), *chapters.values(), sets.sample]
    spread("Bio-MQM system×document, ≥ 300 chars", list(by_doc.values()), 300)
    spread("Genesis human, per chapter", list(chapters.values()), 300)
    spread("Genesis MT, per 100 lines", genesis_mt, 300)
    spread("all of the above and the sample, ≥ 300", [*every, *genesis_mt], 300)
    spread("all of the above and the sample, ≥ 1000", [*every, *genesis_mt], 1000)


# ----------------------------------------------------------------------------------------- main


def candidate(text: str) -> tuple[str, dict[str, Any]]:
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    for part in text.split(","):
        key, _, value = part.partition("=")
        name = key.strip().replace("-", "_")
        if name not in known:
            raise SystemExit(f"unknown setting {key!r}")
        values[name] = float(value)
    return text, values


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--set", action="append", default=[], help="KEY=V[,KEY=V]: a candidate")
    parser.add_argument("--sweep", action="append", default=[], help="KEY=V1,V2,…")
    parser.add_argument("--no-spread", action="store_true", help="skip the between-document sd")
    args = parser.parse_args()
    sets = Sets(args.seed)
    print(
        f"Bio-MQM: {len(sets.mqm_clean)} records without an omission/addition, "
        f"{len(sets.mqm_error)} with; sample: {len(sets.sample)} lines; Genesis: "
        f"{len(sets.human)} human beads, {len(sets.mt)} MT lines; synthetic paragraphs "
        + ", ".join(f"{k} {len(v)}" for k, v in sets.long.items())
    )
    if not args.no_spread:
        spreads(sets)
    models: list[tuple[str, Settings]] = [("shipped", Settings())]
    for text in args.set:
        name, values = candidate(text)
        models.append((name, replace(Settings(), **values)))
    for text in args.sweep:
        key, _, values = text.partition("=")
        for value in values.split(","):
            name, parsed = candidate(f"{key}={value}")
            models.append((name, replace(Settings(), **parsed)))
    rows = [evaluate(name, settings, sets) for name, settings in models]
    width = max(len(k) for k in rows[0])
    print("\nA010 at warning+ (flagged/total rate); FF = false flags on correct text:")
    print(f"{'':<{width}}  " + "  ".join(f"{r['model']:>17}" for r in rows))
    for key in rows[0]:
        if key != "model":
            print(f"{key:<{width}}  " + "  ".join(f"{r[key]:>17}" for r in rows))


if __name__ == "__main__":
    main()
