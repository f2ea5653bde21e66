"""Rendering: every character of a pair stays visible, unaligned sentences included."""

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment
from tui.widgets.pair_view import _rows


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


def test_long_chinese_folds_instead_of_being_cut():
    from rich.console import Console

    from align.models import Pair, PairResult, Segment
    from tui.widgets.pair_view import pair_table

    chinese = "營收成長" * 60 + "終點"  # 242 characters, no space to wrap at
    pair = Pair("t:1", Segment("Revenue grew. " * 20, "t", (1,)), Segment(chinese, "t", (2,)))
    console = Console(width=80, record=True)
    console.print(pair_table(PairResult(pair, 1.0)))
    shown = console.export_text()
    assert "…" not in shown
    assert "終點" in shown  # the end of the sentence is on screen
    assert shown.count("營收成長") + shown.count("營收") >= 60
