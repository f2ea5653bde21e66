"""Does a Chinese transliteration sound like an English name? (托德·麥金農 ~ Todd McKinnon)

Both sides become sequences of consonant classes, the part of a name that survives
transliteration: vowels shift freely (Catherine → kai se lin), Chinese adds syllables for
consonant clusters (Todd → tuo de) and drops English r/l/h at the end of syllables. The two
sequences are aligned with an edit distance whose costs encode exactly those habits, and the
score is 1 − cost / length. Pinyin comes from pypinyin, looked up once per character into the
dictionary cache (``align.lang.cedict.pinyin_of``), so no import is paid at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.lang.cedict import pinyin_of

# Classes: P labial stop, T dental stop, K velar, S sibilant, C palatal (pinyin j/q/x, which
# transliterate English k- and s- sounds as well), J English j and soft g (喬 qiao, 約 yue,
# 傑 jie), F f/v, W w, H h, L l/r, M, N, Y, and V for a name that starts with a vowel.
_EN_DIGRAPHS = (
    ("sch", "S"), ("tch", "S"), ("ph", "F"), ("th", "T"), ("sh", "S"), ("ch", "C"),
    ("ck", "K"), ("gh", ""), ("qu", "KW"), ("wh", "W"), ("tz", "S"), ("ts", "S"),
    ("dg", "J"), ("kn", "N"), ("wr", "L"), ("mc", "MK"), ("x", "KS"),
)  # fmt: skip
_EN_SINGLE = {
    "b": "P", "p": "P", "d": "T", "t": "T", "k": "K", "q": "K", "s": "S", "z": "S",
    "j": "J", "f": "F", "v": "F", "w": "W", "h": "H", "l": "L", "r": "L", "m": "M", "n": "N",
}  # fmt: skip
_VOWELS = set("aeiouy")
_PINYIN_INITIALS = (
    ("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("d", "T"), ("t", "T"),
    ("g", "K"), ("k", "K"), ("j", "C"), ("q", "C"), ("x", "C"), ("z", "S"), ("c", "S"),
    ("s", "S"), ("f", "F"), ("w", "W"), ("h", "H"), ("l", "L"), ("r", "L"), ("m", "M"),
    ("n", "N"), ("y", "Y"),
)  # fmt: skip
# Pairs that transliteration habitually swaps, at a small cost.
_NEAR = {
    frozenset("CK"): 0.1, frozenset("CS"): 0.1, frozenset("CY"): 0.3, frozenset("WF"): 0.3,
    frozenset("WH"): 0.3, frozenset("HK"): 0.5, frozenset("TS"): 0.3, frozenset("HC"): 0.2,
    frozenset("PF"): 0.6, frozenset("LN"): 0.7, frozenset("TC"): 0.5, frozenset("MN"): 0.4,
    frozenset("JC"): 0.1, frozenset("JY"): 0.2, frozenset("JS"): 0.3,
    frozenset("VY"): 0.3, frozenset("VW"): 0.3, frozenset("VH"): 0.5,
}  # fmt: skip
# English sounds Chinese transliteration often leaves out, and Chinese additions.
_DROP_EN = {"L": 0.35, "H": 0.3, "N": 0.5, "W": 0.5, "Y": 0.4, "V": 0.6}
_DROP_EN_DEFAULT = 0.8
_ADD_ZH = {"N": 0.25, "L": 0.4, "Y": 0.4, "W": 0.4, "H": 0.6, "V": 0.4}
# Added when the two names do not start alike: the first sound survives transliteration.
_FIRST_MISMATCH = 0.6
_FIRST_NEAR = 0.3
_ADD_ZH_DEFAULT = 0.9
MATCH = 0.7  # score at or above which a transliteration matches (tests/bench/transliteration.py)
_LETTERS = re.compile(r"[a-z]+")


@lru_cache(maxsize=4096)
def english_key(name: str) -> str:
    """Consonant classes of an English name (``McKinnon`` → ``MKKNN`` → ``MKN``)."""
    key = []
    for word in _LETTERS.findall(name.lower()):
        # Silent final e (Blake, Catherine), but it still softens the c/g before it (George).
        silent_e = len(word) > 3 and word.endswith("e") and word[-2] not in _VOWELS
        i, end = 0, len(word) - 1 if silent_e else len(word)
        if word[0] in "aeiou":
            key.append("V")  # where the name starts matters: Albert 艾伯特 vs Bert 伯特
        while i < end:
            for graph, cls in _EN_DIGRAPHS:
                if word.startswith(graph, i):
                    key.append(cls)
                    i += len(graph)
                    break
            else:
                char, after = word[i], word[i + 1 : i + 2]
                if char in "cg":
                    soft = after in ("e", "i", "y")
                    key.append(("S" if char == "c" else "J") if soft else "K")
                elif char == "y" and i == 0 and after in _VOWELS:
                    key.append("Y")
                elif char == "h" and i > 0 and after not in _VOWELS:
                    pass  # silent: John, Sarah
                elif char in _EN_SINGLE:
                    key.append(_EN_SINGLE[char])
                i += 1
    return _collapse(key)


def _collapse(key: list[str]) -> str:
    """Doubled letters are one sound: ``Todd`` → ``TT`` → ``T``."""
    out: list[str] = []
    for cls in "".join(key):
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)


def syllable_key(syllable: str) -> str:
    """Classes of one pinyin syllable: its initial and a nasal coda (``jin`` → ``CN``)."""
    if syllable == "er":
        return "L"  # 爾 transliterates r and l
    key = "V"  # no initial: 艾 ai, 奧 ao
    for initial, cls in _PINYIN_INITIALS:
        if syllable.startswith(initial):
            key = cls
            break
    if len(syllable) > 1 and syllable.endswith(("n", "ng")):
        key += "N"
    return key


@lru_cache(maxsize=65536)
def chinese_key(han: str) -> str:
    """Classes of a run of Han characters, from each character's pinyin; a repeated class is
    one sound (托德 tuo de for Todd, 金農 jin nong for -kinnon)."""
    return _collapse([syllable_key(pinyin_of(char)) for char in han if char != "·"])


def _cost(a: str, b: str) -> float:
    return 0.0 if a == b else _NEAR.get(frozenset((a, b)), 1.0)


def key_similarity(english: str, chinese: str) -> float:
    """1 − (weighted edit distance / length of the longer key), in [0, 1]."""
    if not english or not chinese:
        return 0.0
    rows, cols = len(english), len(chinese)
    previous = [0.0] * (cols + 1)
    for j in range(1, cols + 1):
        previous[j] = previous[j - 1] + _ADD_ZH.get(chinese[j - 1], _ADD_ZH_DEFAULT)
    for i in range(1, rows + 1):
        drop = _DROP_EN.get(english[i - 1], _DROP_EN_DEFAULT)
        current = [previous[0] + drop] + [0.0] * cols
        for j in range(1, cols + 1):
            current[j] = min(
                previous[j - 1] + _cost(english[i - 1], chinese[j - 1]),
                previous[j] + drop,
                current[j - 1] + _ADD_ZH.get(chinese[j - 1], _ADD_ZH_DEFAULT),
            )
        previous = current
    cost = previous[cols] + (
        _FIRST_MISMATCH if _cost(english[0], chinese[0]) > _FIRST_NEAR else 0.0
    )
    return max(0.0, 1.0 - cost / max(rows, cols))


_CLASSES = "PTKSCJFWHLMNYV"


@lru_cache(maxsize=len(_CLASSES))
def first_sounds(english_class: str) -> frozenset[str]:
    """The classes a transliteration of a name starting with ``english_class`` can start with."""
    return frozenset(c for c in _CLASSES if _cost(english_class, c) <= _FIRST_NEAR)


@lru_cache(maxsize=65536)
def sounds_like(english: str, han: str) -> float:
    """How well ``han`` transliterates ``english`` (both keys must be non-trivial)."""
    return key_similarity(english_key(english), chinese_key(han))
