"""The aligner with jieba's words instead of every dictionary word; prints figures (not a test).

    python tests/bench/segmented_alignment.py [--seeds 13 1 2]

The aligner's dictionary overlap looks up every CC-CEDICT headword in a Chinese sentence (each
substring of up to six characters the dictionary has). The alternative is jieba's words
(rjieba, on the Simplified view): a word that jieba finds and the dictionary has counts alone
(现在, without its pieces 现 and 在); a word the dictionary lacks (a name, or 和威廉 glued by
mistake) is still looked up piece by piece. Both are run on bible_align.py's benchmark.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.alignment import lexicon
from align.lang.cedict import chinese_to_english
from align.lang.words import segment
from align.lang.zh import to_simplified
from tests.bench.bible_align import human, machine, summary

every_headword = lexicon.headwords_in


def jieba_headwords(text: str) -> list[lexicon.Headword]:
    index = chinese_to_english()
    heads = every_headword(text)
    simplified = to_simplified(text)
    found, start = [], 0
    for word in segment(simplified):
        start = simplified.find(word, start)  # past the whitespace segment() drops
        end = start + len(word)
        if word in index:
            found.append((start, end, word))
        else:
            found += [h for h in heads if start <= h[0] and h[1] <= end]
        start = end
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, nargs="*", default=[13, 1, 2], metavar="SEED")
    seeds = parser.parse_args().seeds
    scans = {"every dictionary word": every_headword, "jieba's words": jieba_headwords}
    for name, scan in scans.items():
        print(f"--- {name}")
        lexicon.headwords_in = scan  # what chinese_masks looks words up with
        human()
        summary([machine(seed) for seed in seeds])


if __name__ == "__main__":
    main()
