"""English language data: stopwords and a crude, consistent lemmatiser for dictionary lookup."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_STOPWORD_TEXT = """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    also one ones thing things something someone sb sth etc us let may might must shall unto
    thee thou thy thine ye hath doth saith upon behold therefore thereof shalt hast art
    wherefore whereby
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Adverbs that open a sentence and modify all of it (time, sequence, stance): a capitalised
# word right after one is capitalised for itself (Yesterday Walker spoke), unlike the second
# word of a capitalised phrase at a sentence start (Operator Instructions).
_SENTENCE_ADVERB_TEXT = """
    yesterday today tonight tomorrow later earlier recently currently previously lately
    meanwhile afterwards afterward next finally first second third lastly initially eventually
    separately additionally moreover furthermore however nevertheless nonetheless instead
    still yet thus hence accordingly consequently similarly likewise besides otherwise
    overall ultimately notably importantly clearly obviously fortunately unfortunately
    surprisingly frankly honestly certainly perhaps maybe indeed specifically
"""
SENTENCE_ADVERBS = frozenset(_SENTENCE_ADVERB_TEXT.split())
# Irregular forms → the base form dictionary glosses use (said → say, men → man).
_IRREGULAR = {
    form: base
    for base, forms in {
        "be": "was were been",
        "have": "had",
        "do": "did done",
        "go": "went gone",
        "say": "said",
        "come": "came",
        "take": "took taken",
        "make": "made",
        "see": "saw seen",
        "give": "gave given",
        "find": "found",
        "tell": "told",
        "die": "died dying",
        "send": "sent",
        "hear": "heard",
        "bring": "brought",
        "think": "thought",
        "buy": "bought",
        "build": "built",
        "know": "knew known",
        "grow": "grew grown",
        "get": "got gotten",
        "leave": "left",
        "keep": "kept",
        "begin": "began begun",
        "speak": "spoke spoken spake",
        "write": "wrote written",
        "eat": "ate eaten",
        "drink": "drank drunk",
        "rise": "rose risen",
        "fall": "fell fallen",
        "lie": "lay lain",
        "sit": "sat",
        "stand": "stood",
        "hold": "held",
        "lead": "led",
        "meet": "met",
        "pay": "paid",
        "sell": "sold",
        "spend": "spent",
        "win": "won",
        "lose": "lost",
        "feel": "felt",
        "fight": "fought",
        "catch": "caught",
        "teach": "taught",
        "seek": "sought",
        "run": "ran",
        "drive": "drove driven",
        "choose": "chose chosen",
        "bear": "bore born borne bare",
        "beget": "begat begot begotten",
        "slay": "slew slain",
        "flee": "fled",
        "smite": "smote smitten",
        "forsake": "forsook forsaken",
        "man": "men",
        "woman": "women",
        "child": "children",
        "brother": "brethren",
        "person": "people",
        "mouse": "mice",
        "foot": "feet",
        "tooth": "teeth",
        "ox": "oxen",
        "sheep": "sheep",
        "good": "better best",
        "bad": "worse worst",
        "much": "more most",
        "little": "less least",
    }.items()
    for form in forms.split()
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """Strip common inflections so ``created``, ``creates``, ``create`` share one key.

    Not linguistics, just consistency: the same function runs on dictionary glosses and on
    the text, so both sides meet on the same key.
    """
    w = word.lower().removesuffix("'s").strip("'-")
    w = _IRREGULAR.get(w, w)
    for suffix, keep in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: -len(suffix)] + keep
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def content_lemmas(text: str) -> list[str]:
    """Lemmas of the content words of an English text, in order."""
    return [lemma(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1]


# Words for phrase matching: a hyphen separates them (run-rate is run rate).
_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def lemma_tokens(text: str) -> list[tuple[str, int, int]]:
    """``(lemma, start, end)`` of each word of ``text``, hyphenated words split."""
    return [(lemma(m.group()), m.start(), m.end()) for m in _PLAIN_WORD.finditer(text)]


def phrase_lemmas(phrase: str) -> tuple[str, ...]:
    """The lemmas a phrase is matched by: ``run-rates`` and ``run rate`` are (run, rate)."""
    return tuple(word for word, _, _ in lemma_tokens(phrase))


def find_phrase(tokens: list[tuple[str, int, int]], words: tuple[str, ...]) -> Iterator[int]:
    """Indices of ``tokens`` where the lemmas ``words`` occur in a row."""
    width = len(words)
    if not width:
        return
    for k in range(len(tokens) - width + 1):
        if tokens[k][0] == words[0] and all(tokens[k + j][0] == words[j] for j in range(1, width)):
            yield k
