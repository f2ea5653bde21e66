"""The reviewer app, driven by Textual's Pilot on real files and a real SQLite database."""

import asyncio
import html
import re
from pathlib import Path

import pytest

from align.config import Settings
from align.engine import Checker
from align.formats import open_document
from align.review.store import ReviewStore
from tests.paths import SAMPLE
from tui.app import ReviewApp

SMALL = Path(__file__).parent / "data" / "small.txt"


def make_app(path: Path, db: Path, settings: Settings | None = None) -> ReviewApp:
    checker = Checker(settings or Settings())
    return ReviewApp(checker, [open_document(str(path))], ReviewStore(db))


async def loaded(pilot) -> None:
    for _ in range(200):
        if pilot.app.done:
            break
        await asyncio.sleep(0.05)
    await pilot.pause()


def screen_text(app: ReviewApp) -> str:
    """What the terminal shows, as plain text (from Textual's own SVG screenshot)."""
    svg = html.unescape(app.export_screenshot()).replace("\xa0", " ")
    lines = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return "".join(lines)


def queue_labels(app: ReviewApp) -> list[str]:
    return [app.queue.results[i].pair.id for i in app.shown]


@pytest.mark.asyncio
async def test_queue_is_worst_first_and_navigation_moves(tmp_path):
    app = make_app(SMALL, tmp_path / "r.sqlite")
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        assert len(app.shown) == 2  # flagged pairs only, by default
        app.toggle_all_pairs()
        assert len(app.shown) == 6
        scores = [app.queue.results[i].score for i in app.shown]
        assert scores == sorted(scores)
        first = app.selected_result().pair.id
        await pilot.press("j")
        assert app.selected_result().pair.id != first
        await pilot.press("k")
        assert app.selected_result().pair.id == first
        await pilot.press("s")  # file order
        assert queue_labels(app) == sorted(queue_labels(app), key=lambda s: int(s.split(":")[1]))


@pytest.mark.asyncio
async def test_each_decision_key_and_undo_write_the_database(tmp_path):
    db = tmp_path / "r.sqlite"
    app = make_app(SMALL, db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        decided = []
        for key, status in (("a", "accepted"), ("f", "false-positive"), ("x", "fixed")):
            await pilot.press("s")  # file order keeps rows still while statuses change
            await pilot.press("s")
            await pilot.press("s")
            finding = app.selected_finding() or None
            if finding is None:
                await pilot.press("n")
                finding = app.selected_finding()
            await pilot.press(key)
            decided.append((finding.fingerprint, status))
            with ReviewStore(db) as store:  # committed at once, visible to another connection
                assert store.get(finding.fingerprint).status == status
        await pilot.press("u")
        with ReviewStore(db) as store:
            assert store.get(decided[-1][0]).status == decided[-2][1]


@pytest.mark.asyncio
async def test_note_filters_and_search(tmp_path):
    db = tmp_path / "r.sqlite"
    app = make_app(SMALL, db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        finding = app.selected_finding()
        await pilot.press("e")
        await pilot.press(*"greeting, fine")
        await pilot.press("enter")
        with ReviewStore(db) as store:
            assert store.get(finding.fingerprint).note == "greeting, fine"
        app.toggle_all_pairs()
        await pilot.press("1")  # errors only
        assert len(app.shown) == 2
        await pilot.press("1")
        assert len(app.shown) == 6
        await pilot.press("slash")
        await pilot.press(*"markets")
        await pilot.press("enter")
        assert [app.queue.results[i].pair.source_text for i in app.shown] == [
            "We expanded into 2 markets."
        ]
        app.clear_filters()
        app.set_family("L")
        assert [f.code for i in app.shown for f in app.queue.results[i].findings] == ["L001"]


@pytest.mark.asyncio
async def test_decisions_persist_across_a_restart(tmp_path):
    db = tmp_path / "r.sqlite"
    app = make_app(SMALL, db)
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        fingerprint = app.selected_finding().fingerprint
        await pilot.press("f")
    again = make_app(SMALL, db)
    async with again.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        statuses = {f.fingerprint: f.status for r in again.queue.results for f in r.findings}
        assert statuses[fingerprint] == "false-positive"
        await pilot.press("n")  # skips pairs that are fully decided
        assert all(f.status == "open" for f in again.selected_result().findings)


@pytest.mark.asyncio
async def test_sample_main_screen_shows_the_worst_pair_with_highlights(tmp_path):
    app = make_app(SAMPLE, tmp_path / "r.sqlite", Settings(select=("A", "N")))
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        screen = screen_text(app)
        assert "line 260" in screen and "A010" in screen
        assert "2 of 152 pairs" in screen and "worst first" in screen
        await pilot.press("n")
        screen = screen_text(app)
        assert "N209" in screen and "20 points" in screen


@pytest.mark.asyncio
async def test_sample_queue_lists_name_findings(tmp_path):
    app = make_app(SAMPLE, tmp_path / "r.sqlite")
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        screen = screen_text(app)
        assert "line 48" in screen and "E102" in screen  # Adobe → AdAdobe
        assert "E105" in screen and "威廉·布萊爾" in screen  # the worst pair: a bank as a person


@pytest.mark.asyncio
async def test_rule_doc_and_help_screens_open_and_close(tmp_path):
    app = make_app(SMALL, tmp_path / "r.sqlite")
    async with app.run_test(size=(140, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("d")
        assert "Why it matters" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert "Next flagged" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("q")


@pytest.mark.asyncio
async def test_highlighted_finding_message_is_shown_in_full(tmp_path):
    app = make_app(SAMPLE, tmp_path / "r.sqlite")
    async with app.run_test(size=(100, 40)) as pilot:  # narrow: the list cuts messages
        await loaded(pilot)
        findings = app.selected_result().findings
        assert len(findings) > 1
        assert findings[0].message in str(app.finding_detail.content)
        await pilot.press("tab", "tab", "down")  # to the pair, to the findings, one down
        assert app.findings_table.cursor_row == 1
        detail = str(app.finding_detail.content)
        assert detail.startswith(findings[1].code) and findings[1].message in detail
        assert findings[0].message not in detail
        width = app.findings_table.size.width
        assert len(findings[1].message) > width or len(findings[0].message) > width


@pytest.mark.asyncio
async def test_an_input_error_after_start_up_leaves_the_app_with_the_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Hello.\n你好。\nGood.\n很好。\n".encode() + b"Bye \xff.\n")
    app = make_app(bad, tmp_path / "r.sqlite")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            if app.input_error is not None:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
    assert app.input_error is not None
    assert str(app.input_error).startswith(f"{bad}:5: invalid utf-8 byte 0xff")


def test_a_false_positive_moves_its_pair_down_the_worst_first_queue():
    from tui.queue import ReviewQueue

    results = list(Checker(Settings()).check_document(open_document(str(SAMPLE))))
    queue = ReviewQueue()
    queue.add(results)
    # The first pair whose findings cost it (a missing translation scores 0 whatever is decided).
    index = next(i for i in queue.visible() if results[i].score < results[i].base > 0.9)
    before = queue.visible().index(index)
    for finding in results[index].findings:
        queue.set_status(index, finding.fingerprint, "false-positive", "")
    assert queue.results[index].score == round(results[index].base, 4)  # nothing open costs it
    assert queue.visible().index(index) > before
