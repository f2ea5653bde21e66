"""Name checks on pairs built from public bilingual name lists; prints figures.

    python tests/bench/names_corpus.py [--show-fp N] [--show-fn N] [--type person]

Every row of ``tests/bench/data/names/names.tsv`` (CLDR territory and city names, CedPane
persons, places and organisations; provenance in SOURCES.md) becomes a correct pair: the
English name in a sentence frame for its type, and the Chinese frame with the name's
established rendering (Traditional or Simplified by the row id), or, for one row in three, the
name kept in Latin script as MT often does. Then its single-change twins, each with the E
codes that name the error:

- ``swap``: another name's rendering of the same type (E101/E102/E103/E104/E106 …: any E);
- ``altered``: in a kept Latin name, two inner letters transposed (E102);
- ``dropped``: the name left out of the Chinese sentence (E101).

Figures: correct pairs with an E finding at warning or above, and twins flagged at warning or
above, by change and by name type. Nothing here is tuned to: the names come from outside the
project and the frames are fixed.
"""

from __future__ import annotations

import argparse
import csv
import sys
import zlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment, Severity

NAMES = Path(__file__).parent / "data" / "names" / "names.tsv"

# (English, Chinese with {zh}, Chinese with the name dropped), per type.
FRAMES = {
    "person": [
        ("We welcome {en} to the board.", "我們歡迎{zh}加入董事會。", "我們歡迎新成員加入董事會。"),
        ("Yesterday {en} presented the results.", "昨天{zh}介紹了業績。", "昨天有人介紹了業績。"),
    ],
    "organisation": [
        ("The analyst is from {en}.", "這位分析師來自{zh}。", "這位分析師來自一家機構。"),
        ("Last year {en} signed the deal.", "去年{zh}簽署了協議。", "去年對方簽署了協議。"),
    ],
    "place": [
        ("We opened an office in {en}.", "我們在{zh}開設了辦事處。", "我們在當地開設了辦事處。"),
        ("Sales in {en} grew quickly.", "{zh}的銷售額增長迅速。", "當地的銷售額增長迅速。"),
    ],
}
CHANGE_CODES = {"swap": None, "altered": {"E102"}, "dropped": {"E101"}}


@dataclass(frozen=True)
class Name:
    id: str
    type: str
    en: str
    zh: str
    kind: str


def read_names() -> list[Name]:
    names = []
    with NAMES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            traditional = zlib.crc32(row["id"].encode()) % 2 == 0
            zh = (row["zh_hant"] if traditional else row["zh_hans"]).split("|")[0]
            names.append(Name(row["id"], row["type"], row["en"], zh, row["kind"]))
    return names


def _seed(name: Name) -> int:
    return zlib.crc32(name.id.encode())


def _frame(name: Name) -> tuple[str, str, str]:
    frames = FRAMES[name.type]
    return frames[_seed(name) % len(frames)]


def _kept(name: Name) -> bool:
    return _seed(name) % 3 == 0


def _altered(word: str) -> str | None:
    """Two inner letters of the longest word transposed: Holloway → Holloawy."""
    parts = word.split(" ")
    k = max(range(len(parts)), key=lambda i: len(parts[i]))
    w = parts[k]
    for i in range(len(w) - 3, 0, -1):
        if w[i].isalpha() and w[i + 1].isalpha() and w[i] != w[i + 1]:
            parts[k] = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            return " ".join(parts)
    return None


def pairs(names: list[Name]) -> list[tuple[Name, str, str, str | None]]:
    """``(name, source, target, change)``: the correct pair (change None) and its twins."""
    out = []
    by_type = defaultdict(list)
    for name in names:
        by_type[name.type].append(name)
    for name in names:
        en_frame, zh_frame, dropped = _frame(name)
        source = en_frame.format(en=name.en)
        rendering = f" {name.en} " if _kept(name) else name.zh
        out.append((name, source, zh_frame.format(zh=rendering).replace("  ", " "), None))
        others = [n for n in by_type[name.type] if n.zh != name.zh and n.en != name.en]
        other = others[_seed(name) % len(others)]
        swapped = f" {other.en} " if _kept(name) else other.zh
        out.append((name, source, zh_frame.format(zh=swapped).replace("  ", " "), "swap"))
        out.append((name, source, dropped, "dropped"))
        if _kept(name):
            altered = _altered(name.en)
            if altered:
                target = zh_frame.format(zh=f" {altered} ").replace("  ", " ")
                out.append((name, source, target, "altered"))
    return out


def e_findings(checker: Checker, source: str, target: str) -> set[str]:
    pair = Pair("p", Segment(source, "bench", (1,)), Segment(target, "bench", (2,)))
    found = checker.check_pair(pair).findings
    return {f.code for f in found if f.severity >= Severity.WARNING}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-fp", type=int, default=0)
    parser.add_argument("--show-fn", type=int, default=0)
    parser.add_argument("--type", choices=sorted(FRAMES))
    args = parser.parse_args()
    checker = Checker(Settings(select=("E",)))
    names = [n for n in read_names() if not args.type or n.type == args.type]
    correct: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    twins: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    shown_fp = shown_fn = 0
    for name, source, target, change in pairs(names):
        found = e_findings(checker, source, target)
        if change is None:
            group = f"{name.type}/{'kept' if _kept(name) else name.kind}"
            correct[group][0] += 1
            if found:
                correct[group][1] += 1
                if shown_fp < args.show_fp:
                    shown_fp += 1
                    print(f"FP {name.id}: {source} | {target} | {sorted(found)}")
            continue
        counts = twins[change]
        counts[0] += 1
        counts[1] += bool(found)
        intended = CHANGE_CODES[change]
        counts[2] += bool(found) if intended is None else bool(found & intended)
        if not found and shown_fn < args.show_fn:
            shown_fn += 1
            print(f"FN {name.id} {change}: {source} | {target}")
    total = sum(n for n, _ in correct.values())
    flagged = sum(f for _, f in correct.values())
    print(f"names: {len(names)}; correct pairs with an E finding at warning+: "
          f"{flagged}/{total} ({flagged / total:.1%})")  # fmt: skip
    for group, (n, f) in sorted(correct.items()):
        print(f"  {group:<28} {f:4d}/{n:<4d} {f / n:6.1%}")
    all_twins = sum(c[0] for c in twins.values())
    all_flagged = sum(c[1] for c in twins.values())
    print(f"twins flagged at warning+: {all_flagged}/{all_twins} ({all_flagged / all_twins:.1%})")
    for change, (n, f, i) in sorted(twins.items()):
        print(f"  {change:<9} {n:5d} flagged {f / n:6.1%} with the intended code {i / n:6.1%}")


if __name__ == "__main__":
    main()
