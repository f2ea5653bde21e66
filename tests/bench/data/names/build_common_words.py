#!/usr/bin/env python3
"""Rebuild common_words.tsv: the ordinary-word Chinese of names that are also English words.

Usage:
    python build_common_words.py CEDPANE_GIT_DIR [--names names.tsv] [--out common_words.tsv]

CedPane (public domain, same commit as ``build_names.py``) lists ordinary English words too,
written in lower case (``clay (for pottery)	陶泥``). A row of ``names.tsv`` whose whole English
name, lower-cased, is such a word gets the first of them, in file order: what a translation
that took the name for the word would write (Clay → 陶泥). Nothing is chosen by hand; the
checker's own dictionary (CC-CEDICT) is not used, so the twins built from this file are not
graded on the data the checker reads. No network access; deterministic output.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess

CEDPANE_COMMIT = "d674378f22e384452d0ce9478c8fe0ab69ae28cb"  # as build_names.py
CEDPANE_PATH = "cedpane.txt"
_ENTRY = re.compile(r"^([a-z][a-z' -]*?)\s*(?:\((.*)\))?$")
_HAN = re.compile(r"^[\u3400-\u9fff]+$")


def read_common(gitdir: str) -> dict[str, tuple[str, str, int, str]]:
    """word → (Simplified, Traditional, line, qualifier) for CedPane's lower-case entries."""
    text = subprocess.run(
        ["git", "--git-dir", gitdir, "show", f"{CEDPANE_COMMIT}:{CEDPANE_PATH}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    common: dict[str, tuple[str, str, int, str]] = {}
    for no, line in enumerate(text.split("\n"), 1):
        fields = line.split("\t")
        if no == 1 or len(fields) < 3:
            continue
        match = _ENTRY.match(fields[0])
        if not match or not _HAN.match(fields[1]) or not _HAN.match(fields[2]):
            continue
        common.setdefault(match.group(1), (fields[1], fields[2], no, match.group(2) or ""))
    return common


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cedpane_git")
    parser.add_argument("--names", default="names.tsv")
    parser.add_argument("--out", default="common_words.tsv")
    args = parser.parse_args()
    common = read_common(args.cedpane_git)
    rows = []
    with open(args.names, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            found = common.get(row["en"].lower())
            # The rendering itself is no ordinary-word reading (Chihuahua 奇瓦瓦 vs 吉娃娃 is).
            if found and found[0] not in row["zh_hans"].split("|"):
                hans, hant, no, qualifier = found
                source = f"ssb22/CedPane@{CEDPANE_COMMIT[:7]}:{CEDPANE_PATH}:{no}"
                if qualifier:
                    source += f" [qualifier: {qualifier}]"
                rows.append((row["id"], row["en"], hans, hant, source))
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write("id\ten\tcommon_hans\tcommon_hant\tsource\n")
        for fields in rows:
            out.write("\t".join(fields) + "\n")
    print(f"{len(rows)} names with an ordinary-word reading")


if __name__ == "__main__":
    main()
