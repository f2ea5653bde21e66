"""The reviewer app, driven by Textual's Pilot on real files and a real SQLite database."""

import asyncio
import html
import re
import sys
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
    app = make_app(SAMPLE, tmp_path / "r.sqlite", Settings(select=("E", "N")))
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        screen = screen_text(app)
        assert "48–49" in screen and "E102" in screen and "AdAdobe" in screen
        assert "10 of 152 pairs" in screen and "worst first" in screen
        await pilot.press("n")  # the lowest-scored warning: two names rendered two ways
        screen = screen_text(app)
        assert "160–161" in screen and "E106" in screen and "思科" in screen


@pytest.mark.asyncio
async def test_sample_queue_lists_name_findings(tmp_path):
    app = make_app(SAMPLE, tmp_path / "r.sqlite")
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        screen = screen_text(app)
        # The only error (Adobe → AdAdobe) comes first: severity, then score.
        assert app.selected_result().pair.line == 48 and "AdAdobe" in screen
        await pilot.press("j")  # the lowest score: four findings on one pair
        assert [f.code for f in app.selected_result().findings] == ["E106", "E106", "L005", "M104"]
        await pilot.press("j")  # then a bank written as a person
        screen = screen_text(app)
        assert "E105" in screen and "威廉·布萊爾" in screen


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
    async with app.run_test(size=(90, 40)) as pilot:  # narrow: the list cuts messages
        await loaded(pilot)
        await pilot.press("j", "j")  # the pair with the longest messages (E105, M103)
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


def _long_pair_file(tmp_path: Path) -> Path:
    """One pair of ≥ 3,000 characters a side whose only error is in its last sentence."""
    english = " ".join(
        f"Our teams in every region worked hard on the plan for customers, part {word}."
        for word in ("one", "two", "three", "four", "five", "six", "seven", "eight") * 10
    )
    chinese = "".join(
        f"我們在各個地區的團隊都為客戶的計劃努力工作，這是第{word}部分的內容和詳細的說明。"
        for word in "一二三四五六七八" * 10
    )
    english += " We welcome Brennan Holloway to the board."
    chinese += "我們歡迎 Brennan Holloawy 加入董事會。"
    assert len(english) >= 3000 and len(chinese) >= 3000
    path = tmp_path / "long.txt"
    path.write_text(f"{english}\n{chinese}\n", "utf-8")
    return path


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_selected_finding_near_the_end_of_a_long_pair_is_scrolled_into_view(tmp_path, size):
    app = make_app(_long_pair_file(tmp_path), tmp_path / "r.sqlite", Settings(select=("E",)))
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.pause()
        finding = app.selected_finding()
        assert finding.code == "E102" and "Holloawy" in finding.target_text
        scroll = app.query_one("#pair")
        assert scroll.scroll_offset.y > 0  # the span is far below the top of the pair
        assert "Holloawy" in screen_text(app).replace("\n", "")


@pytest.mark.asyncio
async def test_80x24_queue_narrows_and_hides_and_help_scrolls(tmp_path):
    app = make_app(SAMPLE, tmp_path / "r.sqlite")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        queue, pair = app.query_one("#queue"), app.query_one("#pair")
        assert queue.size.width <= 22 and pair.size.width >= 50
        await pilot.press("z")
        await pilot.pause()
        assert not queue.display and pair.size.width >= 75
        await pilot.press("z")
        await pilot.press("question_mark")
        await pilot.pause()
        assert "command palette" not in screen_text(app)  # the last row is below the fold
        await pilot.press("end")
        await pilot.pause()
        assert "command palette" in screen_text(app)
        await pilot.press("escape")


@pytest.mark.asyncio
async def test_deciding_a_pairs_last_finding_moves_on_and_counts(tmp_path):
    db = tmp_path / "r.sqlite"
    app = make_app(SAMPLE, db, Settings(select=("N", "L")))
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        first = app.selected_result()
        assert len(first.findings) == 1 and "decided 0 of 4" in screen_text(app)
        await pilot.press("f")
        assert app.selected_result().pair.id != first.pair.id  # on to the next open pair
        assert "decided 1 of 4" in screen_text(app)
    # A restart starts at the first pair with an undecided finding, not at the top.
    again = make_app(SAMPLE, db, Settings(select=("N", "L")))
    async with again.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        assert again.selected_result().pair.id != first.pair.id
        assert any(f.status == "open" for f in again.selected_result().findings)


@pytest.mark.asyncio
async def test_empty_states_say_what_is_true(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Thank you very much.\n非常感謝。\n", "utf-8")
    app = make_app(clean, tmp_path / "r.sqlite")
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert "No findings in this file." in screen_text(app)
    app = make_app(SMALL, tmp_path / "r2.sqlite")
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        app.queue.search = "E10"
        app.refresh_queue()
        await pilot.pause()
        assert "No pair matches the filters:" in screen_text(app)
        assert "search “E10”" in screen_text(app)


def test_the_selected_findings_spans_are_emphasised_and_the_others_stay_marked():
    from rich.console import Console

    from tui.widgets.pair_view import pair_table, selected_line

    checker = Checker(Settings())
    results = map(checker.check_pair, open_document(str(SAMPLE)).pairs)
    result = next(r for r in results if any(f.target_span for f in r.findings))
    finding = next(f for f in result.findings if f.target_span)
    console = Console(width=120, record=True, color_system="truecolor")

    def reversed_text(selected):
        table = pair_table(result, selected)
        lines = console.render_lines(table, console.options.update_width(120), pad=False)
        return "".join(s.text for line in lines for s in line if s.style and s.style.reverse)

    assert reversed_text(None) == ""
    assert finding.target_text.replace(" ", "") in reversed_text(finding).replace(" ", "")
    assert selected_line(pair_table(result, finding), console, 120) is not None
    assert selected_line(pair_table(result, None), console, 120) is None


@pytest.mark.asyncio
async def test_bulk_decision_takes_every_finding_of_the_rule_and_subject_and_undoes_at_once(
    tmp_path,
):
    doc = tmp_path / "numbers.txt"
    doc.write_text(
        "Revenue rose to $5 million.\n營收增至 600 萬美元。\n"
        "Costs were $7 million.\n成本為 800 萬美元。\n"
        "Again, revenue rose to $5 million.\n營收再次增至 600 萬美元。\n",
        "utf-8",
    )
    db = tmp_path / "r.sqlite"
    app = make_app(doc, db, Settings(select=("N",)))
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("s")  # file order: the first pair is the first $5 million
        assert app.selected_finding().source_text == "$5 million"
        await pilot.press("F")
        statuses = {
            (r.pair.line, f.source_text): f.status for r in app.queue.results for f in r.findings
        }
        assert statuses == {(1, "$5 million"): "false-positive", (3, "$7 million"): "open",
                            (5, "$5 million"): "false-positive"}  # fmt: skip
        await pilot.press("u")
        assert all(f.status == "open" for r in app.queue.results for f in r.findings)
    with ReviewStore(db) as store:
        assert store.all() == {}  # the undo took both back


@pytest.mark.asyncio
async def test_edit_in_editor_reloads_and_keeps_decisions_of_unchanged_sentences(
    tmp_path, monkeypatch
):
    doc = tmp_path / "call.txt"
    doc.write_text(
        "The weather was calm. Revenue rose to $5 million. We thank our staff.\n"
        "天氣平靜。營收增至 600 萬美元。我們感謝員工。\n",
        "utf-8",
    )
    # The "editor": records how it was called and rewrites the first sentence of both sides.
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "pathlib.Path(sys.argv[0]).with_suffix('.args').write_text(' '.join(sys.argv[1:]))\n"
        "p = pathlib.Path(sys.argv[2])\n"
        "t = p.read_text('utf-8').replace('The weather was calm.', 'It rained all day.')\n"
        "p.write_text(t.replace('天氣平靜。', '整天下雨。'), 'utf-8')\n",
        "utf-8",
    )
    settings = Settings(select=("N",))

    def reopen():
        return [open_document(str(doc))]

    app = ReviewApp(Checker(settings), reopen(), ReviewStore(tmp_path / "r.sqlite"), reopen)
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("f")
        await pilot.press("o")
        await loaded(pilot)
        assert editor.with_suffix(".args").read_text() == f"+2 {doc}"  # the Chinese line
        assert "It rained all day." in doc.read_text("utf-8")
        result = app.queue.results[0]
        assert result.pair.source_text.startswith("It rained all day.")
        assert [f.status for f in result.findings] == ["false-positive"]  # kept after the edit


def test_review_honours_jobs_and_defaults_to_two_processes(tmp_path):
    from align.workers import available_cpus

    default = ReviewApp(Checker(Settings()), [], ReviewStore(tmp_path / "a.sqlite"))
    assert default.processes == max(1, min(2, available_cpus()))
    one = ReviewApp(Checker(Settings()), [], ReviewStore(tmp_path / "b.sqlite"), jobs=1)
    assert one.processes == 1
