"""Name checks on pairs built from public bilingual name lists; prints figures.

    python tests/bench/names_corpus.py [--show-fp N] [--show-fn N] [--type person] [--half dev]
        [--frames other]

Every row of ``tests/bench/data/names/names.tsv`` (CLDR territory and city names, CedPane
persons, places and organisations; provenance in SOURCES.md) becomes a correct pair: the
English name in a sentence frame for its type, and the Chinese frame with the name's
established rendering (Traditional or Simplified by the row id), or, for one row in three, the
name kept in Latin script as MT often does. Then its single-change twins, each with the E
codes that name the error:

- ``swap``: another name's rendering of the same type (E101/E102/E103/E104/E106 …: any E);
- ``altered``: in a kept Latin name, two inner letters transposed (E102);
- ``dropped``: the name left out of the Chinese sentence (E101).

Then the kinds of error that need more than one row, built by fixed rules from the same rows
(printed apart, so the figures above stay comparable with earlier runs):

- two-word persons: the ``n``-th transliterated given name (by id) with the ``n``-th
  transliterated surname from the end, joined by ``·`` (or kept in Latin, one in three), as a
  correct pair; twins ``surname_swap`` (the surname's rendering replaced by another surname's:
  any E) and ``partial_drop`` (the surname left out, or the given name for every other person:
  E101);
- firms named after two people: consecutive pairs of transliterated surnames, in sentences that
  say it is a firm, rendered without the person-name dot (or kept) as a correct pair; twin
  ``org_as_person``: the two renderings joined by ``·`` (E105);
- ``ordinary``: a name that is also an ordinary English word rendered as that word, when
  CedPane's own lower-case entries give the word's Chinese (``common_words.tsv``; E103).

``--half dev`` or ``--half test`` keeps one of two fixed halves of the rows (by a hash of the
id that nothing else here uses): misses and false flags are studied on ``dev`` only, and
``test`` is the figure that says whether a change holds on rows nobody looked at.
``--frames other`` puts persons and organisations in other sentences (``OTHER_FRAMES``; their
misses too are read on ``dev`` only): whether a rule holds beyond two sentences per type.

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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment, Severity

NAMES = Path(__file__).parent / "data" / "names" / "names.tsv"
COMMON_WORDS = Path(__file__).parent / "data" / "names" / "common_words.tsv"

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
# Other sentences for persons and organisations (``--frames other``), written on 2026-12-02
# before any rule was changed for them (misses are studied on ``--half dev`` only, as above):
# whether a rule holds beyond the frames above. Organisations get person-like verbs on
# purpose (a firm says and is thanked too), to show what person cues would cost on firms.
OTHER_FRAMES = {
    "person": [
        ("{en} told reporters that demand was strong.", "{zh}告訴記者需求強勁。",
         "有人告訴記者需求強勁。"),
        ("We thanked {en} for the introduction.", "我們感謝{zh}的介紹。", "我們感謝對方的介紹。"),
        ("According to {en}, margins will improve.", "據{zh}稱，利潤率將會改善。",
         "據稱，利潤率將會改善。"),
        ("{en}, our chief financial officer, will take questions.",
         "我們的財務長{zh}將回答問題。", "我們的財務長將回答問題。"),
        ("The report was written by {en} last spring.", "這份報告是{zh}去年春天寫的。",
         "這份報告是去年春天寫的。"),
    ],
    "organisation": [
        ("{en} said revenue rose.", "{zh}表示營收增長。", "該公司表示營收增長。"),
        ("We thanked {en} for the support.", "我們感謝{zh}的支持。", "我們感謝對方的支持。"),
    ],
    "place": FRAMES["place"],
}  # fmt: skip
# Sentences that say the name is a firm: for the firms named after people.
FIRM_FRAMES = [
    ("The analyst is from {en}.", "這位分析師來自{zh}。"),
    ("Shares of {en} rose today.", "{zh}的股價今天上漲。"),
    ("{en} is an investment bank.", "{zh}是一家投資銀行。"),
]
CHANGE_CODES = {
    "swap": None,
    "altered": {"E102"},
    "dropped": {"E101"},
    "surname_swap": None,
    "partial_drop": {"E101"},
    "org_as_person": {"E105"},
    "ordinary": {"E103"},
}


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
            _RAW[row["id"]] = (row["zh_hans"], row["zh_hant"])
    return names


def read_common_words() -> dict[str, tuple[str, str]]:
    """id → (Simplified, Traditional) ordinary-word reading of the name."""
    with COMMON_WORDS.open(encoding="utf-8", newline="") as handle:
        return {
            row["id"]: (row["common_hans"], row["common_hant"])
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        }


def _traditional(name: Name) -> bool:
    return zlib.crc32(name.id.encode()) % 2 == 0


def _script(name: Name, row: Name) -> str:
    """``row``'s first rendering in the script ``name`` is written in."""
    hans, hant = _RAW[row.id]
    return (hant if _traditional(name) else hans).split("|")[0]


_RAW: dict[str, tuple[str, str]] = {}


def _half(name: Name) -> str:
    """``dev`` or ``test``: a hash no frame, script or kept choice depends on."""
    return "test" if zlib.crc32(b"half:" + name.id.encode()) % 2 else "dev"


def _seed(name: Name) -> int:
    return zlib.crc32(name.id.encode())


_frames = FRAMES


def _frame(name: Name) -> tuple[str, str, str]:
    frames = _frames[name.type]
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


def _parts(names: list[Name], prefix: str) -> list[Name]:
    """Transliterated one-word persons of a CedPane list, by id."""
    return sorted(
        (n for n in names if n.id.startswith(prefix) and n.kind == "transliterated"
         and " " not in n.en),
        key=lambda n: n.id,
    )  # fmt: skip


def _other(parts: list[Name], k: int, avoid: list[Name]) -> Name:
    """The first of ``parts`` from ``k`` on that shares neither spelling nor rendering."""
    for step in range(1, len(parts)):
        other = parts[(k + step) % len(parts)]
        if all(other.en != a.en and other.zh != a.zh for a in avoid):
            return other
    raise ValueError("no other part")


def composed_pairs(names: list[Name]) -> list[tuple[str, str, str, str | None]]:
    """``(group, source, target, change)`` for two-word persons, firms named after two
    people and names read as ordinary words; group names the correct pair's type."""
    out: list[tuple[str, str, str, str | None]] = []
    given, surnames = _parts(names, "cedpane.given."), _parts(names, "cedpane.surname.")
    for k, (first, last) in enumerate(zip(given, reversed(surnames), strict=False)):
        person = Name(f"compose.{first.id}+{last.id}", "person", f"{first.en} {last.en}", "", "")
        en_frame, zh_frame, _ = _frame(person)
        source = en_frame.format(en=person.en)
        kept = _kept(person)
        a, b = _script(person, first), _script(person, last)
        other = _other(surnames, len(surnames) - 1 - k, [first, last])
        c = _script(person, other)

        def zh(text: str, frame: str = zh_frame) -> str:
            return frame.format(zh=text).replace("  ", " ")

        group = f"person2/{'kept' if kept else 'transliterated'}"
        out.append((group, source, zh(f" {person.en} " if kept else f"{a}·{b}"), None))
        swapped = f" {first.en} {other.en} " if kept else f"{a}·{c}"
        out.append((group, source, zh(swapped), "surname_swap"))
        if _seed(person) % 2:
            partial = f" {last.en} " if kept else b
        else:
            partial = f" {first.en} " if kept else a
        out.append((group, source, zh(partial), "partial_drop"))
    for k in range(0, len(surnames) - 1, 2):
        left, right = surnames[k], surnames[k + 1]
        firm = Name(f"firm.{left.id}+{right.id}", "organisation", f"{left.en} {right.en}", "", "")
        en_frame, zh_frame = FIRM_FRAMES[_seed(firm) % len(FIRM_FRAMES)]
        source = en_frame.format(en=firm.en)
        kept = _kept(firm)
        a, b = _script(firm, left), _script(firm, right)
        rendering = f" {firm.en} " if kept else a + b
        group = f"firm/{'kept' if kept else 'transliterated'}"
        out.append((group, source, zh_frame.format(zh=rendering).replace("  ", " ").strip(), None))
        target = zh_frame.format(zh=f"{a}·{b}")
        out.append((group, source, target, "org_as_person"))
    common = read_common_words()
    for name in names:
        if name.id in common:
            en_frame, zh_frame, _ = _frame(name)
            word = common[name.id][1 if _traditional(name) else 0]
            group = f"{name.type}/{name.kind}"
            out.append((group, en_frame.format(en=name.en), zh_frame.format(zh=word), "ordinary"))
    return out


def e_findings(checker: Checker, source: str, target: str) -> set[str]:
    pair = Pair("p", Segment(source, "bench", (1,)), Segment(target, "bench", (2,)))
    found = checker.check_pair(pair).findings
    return {f.code for f in found if f.severity >= Severity.WARNING}


@dataclass
class Shown:
    """How many false flags and misses are still to be printed (--show-fp, --show-fn)."""

    fp: int
    fn: int


def tally(
    checker: Checker, rows: Iterable[tuple[str, str, str, str, str | None]], shown: Shown
) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """(group → [correct pairs, flagged]) and (change → [twins, flagged, with the intended
    code]) over rows of (group, label, source, target, change or None for a correct pair)."""
    correct: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    twins: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for group, label, source, target, change in rows:
        found = e_findings(checker, source, target)
        if change is None:
            correct[group][0] += 1
            if found:
                correct[group][1] += 1
                if shown.fp > 0:
                    shown.fp -= 1
                    print(f"FP {label}: {source} | {target} | {sorted(found)}")
            continue
        counts = twins[change]
        counts[0] += 1
        counts[1] += bool(found)
        intended = CHANGE_CODES[change]
        counts[2] += bool(found) if intended is None else bool(found & intended)
        if not found and shown.fn > 0:
            shown.fn -= 1
            print(f"FN {label} {change}: {source} | {target}")
    return correct, twins


def report(correct: dict[str, list[int]], what: str, prefix: str = "") -> None:
    total = sum(n for n, _ in correct.values())
    flagged = sum(f for _, f in correct.values())
    print(f"{prefix}{what}: {flagged}/{total} ({flagged / total:.1%})")
    for group, (n, f) in sorted(correct.items()):
        print(f"  {group:<28} {f:4d}/{n:<4d} {f / n:6.1%}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-fp", type=int, default=0)
    parser.add_argument("--show-fn", type=int, default=0)
    parser.add_argument("--type", choices=sorted(FRAMES))
    parser.add_argument("--half", choices=("dev", "test"))
    parser.add_argument(
        "--frames", choices=("bench", "other"), default="bench",
        help="other: sentences for persons and firms the rules were not written from",
    )  # fmt: skip
    args = parser.parse_args()
    global _frames
    _frames = OTHER_FRAMES if args.frames == "other" else FRAMES
    checker = Checker(Settings(select=("E",)))
    names = [
        n
        for n in read_names()
        if (not args.type or n.type == args.type) and (not args.half or _half(n) == args.half)
    ]
    shown = Shown(args.show_fp, args.show_fn)
    single = ((f"{n.type}/{'kept' if _kept(n) else n.kind}", n.id, s, t, c)
              for n, s, t, c in pairs(names))  # fmt: skip
    correct, twins = tally(checker, single, shown)
    report(correct, "correct pairs with an E finding at warning+", f"names: {len(names)}; ")
    all_twins = sum(c[0] for c in twins.values())
    all_flagged = sum(c[1] for c in twins.values())
    print(f"twins flagged at warning+: {all_flagged}/{all_twins} ({all_flagged / all_twins:.1%})")
    for change, (n, f, i) in sorted(twins.items()):
        print(f"  {change:<9} {n:5d} flagged {f / n:6.1%} with the intended code {i / n:6.1%}")
    if args.type:
        return
    # The kinds built from several rows: two-word persons, firms, ordinary-word readings.
    composed = ((g, g, s, t, c) for g, s, t, c in composed_pairs(names))
    correct, new_twins = tally(checker, composed, shown)
    report(correct, "composed correct pairs with an E finding at warning+")
    for change, (n, f, i) in sorted(new_twins.items()):
        print(f"  {change:<13} {n:5d} flagged {f / n:6.1%} with the intended code {i / n:6.1%}")
    every = [*twins.values(), *new_twins.values()]
    n_all, f_all = sum(c[0] for c in every), sum(c[1] for c in every)
    swaps = [twins["swap"], new_twins["surname_swap"]]
    n_swap, f_swap = sum(c[0] for c in swaps), sum(c[1] for c in swaps)
    print(
        f"all twins flagged at warning+: {f_all}/{n_all} ({f_all / n_all:.1%}); "
        f"swaps with surname-only swaps {f_swap}/{n_swap} ({f_swap / n_swap:.1%})"
    )


if __name__ == "__main__":
    main()
