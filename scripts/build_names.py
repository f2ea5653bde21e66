"""Build ``align/data/names_cedpane.tsv``: established Chinese renderings of foreign names from
CedPane (public domain).

    python scripts/build_names.py PATH/TO/CedPane.git

Reads ``cedpane.txt`` at CedPane commit d674378 (https://github.com/ssb22/CedPane, "released
into the public domain"), the same file the names benchmark was drawn from, and keeps the
entries that name something: the English column is capitalised (Watkins, Cressida, Ministry for
State Security). Left out, so that only renderings a checker may accept as established are
shipped:

- entries CedPane marks as old, alternate, uncertain, regional, Bible or Catholic translations,
  dialect, nicknames, or languages (the qualifier in parentheses);
- names of Chinese origin (the English is the pinyin of the Chinese: Huangmei County 黄梅县),
  which the pinyin reader checks from the characters themselves;
- Chinese columns with Latin letters, English columns longer than six words or with other
  characters than a name's (Good day! greetings), and Chinese persons by title (Mrs Guo);
- **every line the names benchmark uses** (``tests/bench/data/names/names.tsv``, its
  ``cedpane.txt:LINE`` sources) and every spelling on those lines: the benchmark measures
  names the checker has not been given, and must stay so.

Output: ``english<TAB>simplified[|simplified…]``, one lowercase English name a line (the
spellings of a ``Jada; Jaida; Jayda`` line each get one), sorted. The CC-CEDICT index build
reads it into the names part (``align/lang/cedict_build.py``); nothing here runs at run time.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import unicodedata
from pathlib import Path

from pypinyin import Style, lazy_pinyin

COMMIT = "d674378f22e384452d0ce9478c8fe0ab69ae28cb"  # 2020-06-16
ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "align" / "data" / "names_cedpane.tsv"
BENCHMARK = ROOT / "tests" / "bench" / "data" / "names" / "names.tsv"

_QUALIFIED = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_DROP = re.compile(
    r"old|alternate|variant|\?|uncertain|Taiwan|HK|short form|abbreviat|fictional|Bible"
    r"|Catholic|Cantonese|dialect|slang|informal|nickname|derogatory|language|Mormon|game"
    r"|pun|joke|literary|classical|book",
    re.IGNORECASE,
)
_HAN = re.compile(r"^[\u3400-\u9fff\u00b7]+$")
# A name is written with letters, spaces, apostrophes, hyphens, dots and ampersands; a phrase
# (Good day! greetings) or a Chinese person addressed by title (Mrs Guo 郭太太) is not one.
_NAME = re.compile(r"^(?!(?:Mr|Mrs|Ms|Miss)\.? )[^\W\d_][\w .'&-]*$")
_GENERIC = re.compile(r"(?:乡|镇|县|市|区|村|省|街道|自治州|自治县|旗)$")
_LINE_SOURCE = re.compile(r"cedpane\.txt:([\d,]+)")


def _cedpane(gitdir: str) -> list[str]:
    text = subprocess.run(
        ["git", "--git-dir", gitdir, "show", f"{COMMIT}:cedpane.txt"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    return text.split("\n")


def _benchmark_lines() -> set[int]:
    with BENCHMARK.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return {
            int(n)
            for row in rows
            for match in _LINE_SOURCE.finditer(row["source"])
            for n in match.group(1).split(",")
        }


def _folded(text: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", text.lower()))


def _chinese_origin(english: str, simplified: str) -> bool:
    """The English is the pinyin of the Chinese, less a generic word (Huangmei County 黄梅县)."""
    core = _GENERIC.sub("", simplified) or simplified
    reading = "".join(lazy_pinyin(core, style=Style.NORMAL, errors="ignore"))
    folded = _folded(english)
    return bool(reading) and (folded == reading or folded.startswith(reading))


def _spellings(field: str) -> tuple[list[str], str]:
    match = _QUALIFIED.match(field)
    names, qualifier = (match.group(1), match.group(2)) if match else (field, "")
    return [n.strip() for n in names.split(";") if n.strip()], qualifier


def build(lines: list[str], held_out: set[int]) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    excluded: set[str] = set()
    for number, line in enumerate(lines, 1):
        fields = line.split("\t")
        if number == 1 or len(fields) < 3:
            continue
        names, qualifier = _spellings(fields[0])
        simplified = fields[1].strip()
        if number in held_out:
            excluded.update(n.lower() for n in names)
            continue
        if not names or not names[0][:1].isupper() or not _HAN.match(simplified):
            continue
        if _DROP.search(qualifier) or _chinese_origin(names[0], simplified):
            continue
        for name in names:
            if name[:1].isupper() and _NAME.match(name) and len(name.split()) <= 6:
                table.setdefault(name.lower(), set()).add(simplified)
    for name in excluded:
        table.pop(name, None)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cedpane_git", help="a CedPane git directory (with commit d674378)")
    args = parser.parse_args()
    table = build(_cedpane(args.cedpane_git), _benchmark_lines())
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write(
            f"# Established renderings of names, from CedPane@{COMMIT[:7]} (public domain).\n"
            "# Built by scripts/build_names.py; see NOTICE. english<TAB>simplified|...\n"
        )
        for name in sorted(table):
            out.write(f"{name}\t{'|'.join(sorted(table[name]))}\n")
    print(f"{len(table)} names written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
