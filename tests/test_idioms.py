"""M101's inventories and the literal signature: figurative words, concreteness, calques."""

from __future__ import annotations

from align.config import Settings
from align.context import PairContext
from align.meaning.idioms import (
    figurative_words,
    find_idioms,
    literal_signature,
    load_idioms,
    parse_wordnet_idioms,
)
from align.models import Pair, Segment


def _headwords(chinese: str):
    pair = Pair("x", Segment("x", "x", (1,)), Segment(chinese, "x", (2,)))
    return PairContext(pair, Settings()).target_headwords


def test_figurative_words_are_the_concrete_image_the_meaning_does_not_use():
    assert figurative_words(["red", "tape"], "needlessly time-consuming procedure") == (
        "red",
        "tape",
    )
    # The meaning explains "cream": only one figurative word, not judged.
    assert figurative_words(["ice", "cream"], "frozen dessert containing cream") == ()
    # Two figurative words but nothing concrete (cash, equivalent): not judged.
    assert figurative_words(["cash", "equivalent"], "a highly liquid debt instrument") == ()
    # Light verbs never count.
    assert figurative_words(["take", "place"], "come about, happen") == ()


def test_wordnet_inventory_is_loaded_with_placeholders_and_hand_entries_win():
    idioms = load_idioms()
    phrases = [i.phrase for i in idioms]
    assert len(phrases) == len(set(phrases))
    assert "red tape" in phrases and "the floor is yours" in phrases
    [parsed] = parse_wordnet_idioms("tighten one's belt\tbelt\tlive frugally\t1-v\n", "t")
    assert [len(e) if e else 0 for e in parsed.pattern][1] > 1  # one's: any possessive
    assert find_idioms("We all had to tighten our belts.", ())  # matched through the inventory


def test_literal_signature_needs_every_figurative_word_and_no_single_term():
    red_tape = next(i for i in load_idioms() if i.phrase == "red tape")
    words = literal_signature(red_tape, _headwords("更多的紅色膠帶"))
    assert words is not None and [w for w, _ in words] == ["red", "tape"]
    assert literal_signature(red_tape, _headwords("紅色的盒子")) is None  # tape not rendered
    assert literal_signature(red_tape, _headwords("繁文縟節")) is None
