"""Rendering: every character of a pair stays visible, unaligned sentences included."""

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment
from tui.render import _rows


def test_unaligned_sentence_keeps_a_row():
    source = "Revenue grew 58% this year. We also hired many people. Thank you."
    target = "營收年增 58%。謝謝。"
    pair = Pair("x:1", Segment(source, "x", (1,)), Segment(target, "x", (2,)))
    result = Checker(Settings()).check_pair(pair)
    shown_source = "".join(source[a:b] for (a, b), _ in _rows(result))
    shown_target = "".join(target[a:b] for _, (a, b) in _rows(result))
    assert "We also hired many people." in shown_source
    assert shown_source.replace(" ", "") == source.replace(" ", "")
    assert shown_target == target
