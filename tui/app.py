"""The reviewer: a queue of pairs worst first, the selected pair side by side, its findings.

The engine runs in a thread worker and posts results in batches, so the interface stays
responsive and fills as results arrive. Every decision is written to the review database
at once (see ``align.review.store``); the app keeps an undo stack of what it replaced.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SuspendNotSupported, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from align.engine import Checker
from align.errors import InputError
from align.formats import Document
from align.models import Finding, InputInfo, PairResult, Severity
from align.report.context import finding_location, pair_lines
from align.review.store import Decision, ReviewStore
from align.rules.base import FAMILIES, REGISTRY
from align.workers import available_cpus
from tui.queue import ReviewQueue
from tui.render import SEVERITY_STYLES, STATUS_MARKS, pair_table, selected_line
from tui.screens import PromptScreen, TextScreen

_BATCH = 200


@dataclass(frozen=True)
class UndoEntry:
    index: int
    finding: Finding
    previous: Decision | None
    mine: Decision  # what this reviewer wrote: undone only while it is still the decision


# One undo step: a single decision, or every decision of a bulk action.
UndoStep = tuple[UndoEntry, ...]


def subject(finding: Finding) -> str:
    """What a finding is about, for bulk decisions: its source span's text (the name, the
    number), else its target span's."""
    return finding.source_text or finding.target_text


class ReviewApp(App[None]):
    """``align review``: step through flagged pairs and decide on each finding."""

    TITLE = "align review"
    # Below 120 columns the queue keeps only a narrow strip (score and line; the table scrolls
    # sideways) so that each language keeps about a third of an 80-column terminal; `z` hides
    # it. Below 32 rows the findings list and detail shrink to leave the pair room.
    # Textual declares these as instance variables, so not ClassVar (mypy), hence the noqa.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012
    CSS = """
    #body { height: 1fr; }
    #queue { width: 1fr; min-width: 40; }
    Screen.-narrow #queue { width: 22; min-width: 22; }
    #queue.-hidden { display: none; }
    #detail { width: 3fr; }
    #pair { height: 1fr; }
    #findings { height: auto; max-height: 10; }
    Screen.-short #findings { max-height: 4; }
    #finding-detail { height: auto; max-height: 4; padding: 0 1; }
    Screen.-short #finding-detail { max-height: 2; }
    #status-line { height: 1; background: $boost; }
    ProgressBar { height: 1; }
    """
    BINDINGS: ClassVar = [
        Binding("j", "move(1)", "Down", id="down", show=False),
        Binding("k", "move(-1)", "Up", id="up", show=False),
        Binding("g,home", "first", "First pair", id="first", show=False),
        Binding("G,end", "last", "Last pair", id="last", show=False),
        Binding("z", "toggle_queue", "Queue", id="toggle-queue"),
        Binding("n", "next_flagged(1)", "Next flagged", id="next-flagged"),
        Binding("p", "next_flagged(-1)", "Prev flagged", id="previous-flagged"),
        Binding("a", "decide('accepted')", "Accept", id="accept"),
        Binding("f", "decide('false-positive')", "False pos.", id="false-positive"),
        Binding("x", "decide('fixed')", "Fixed", id="fixed"),
        Binding("A", "decide_all('accepted')", "Accept all like it", id="accept-all", show=False),
        Binding("F", "decide_all('false-positive')", "False pos. all like it", show=False),
        Binding("X", "decide_all('fixed')", "Fixed all like it", id="fixed-all", show=False),
        Binding("o", "edit", "Edit", id="edit"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("e", "note", "Note", id="note"),
        Binding("slash", "search", "Search", id="search"),
        Binding("s", "cycle_sort", "Sort", id="sort"),
        Binding("1", "severity('error')", "Errors", id="filter-errors", show=False),
        Binding("2", "severity('warning')", "Warnings", id="filter-warnings", show=False),
        Binding("3", "severity('info')", "Info", id="filter-info", show=False),
        Binding("d", "rule_doc", "Rule doc", id="rule-doc"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        checker: Checker,
        documents: list[Document],
        store: ReviewStore,
        reopen: Callable[[], list[Document]] | None = None,
    ):
        super().__init__()
        self.checker = checker
        self.documents = documents
        self.store = store
        # Opens the inputs again (after an edit in $EDITOR); None: the app cannot reload.
        self.reopen = reopen
        self.queue = ReviewQueue()
        self.undo_stack: list[UndoStep] = []
        self.shown: list[int] = []
        self.done = False
        self.last_rebuild = 0.0
        # Set once the reviewer moves: until then, the finished check starts at the first
        # pair with an undecided finding (after a restart, where the reviewer left off).
        self.navigated = False
        # An input error found while checking (after start-up): reported by ``align review``.
        self.input_error: InputError | None = None

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="body"):
            yield DataTable(id="queue", cursor_type="row", zebra_stripes=True)
            with Vertical(id="detail"):
                with VerticalScroll(id="pair"):
                    yield Static("Checking…", id="pair-view")
                yield DataTable(id="findings", cursor_type="row")
                # The table cuts long messages at its width: the highlighted one in full here.
                yield Static("", id="finding-detail")
        yield Static("", id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        # Kept, not queried: a modal screen on top would hide them from query_one.
        self.queue_table = self.query_one("#queue", DataTable)
        self.findings_table = self.query_one("#findings", DataTable)
        self.pair_view = self.query_one("#pair-view", Static)
        self.finding_detail = self.query_one("#finding-detail", Static)
        self.status_line = self.query_one("#status-line", Static)
        self.progress = self.query_one(ProgressBar)
        for column in ("score", "pair", "worst", "findings", "review"):
            self.queue_table.add_column(column, key=column)
        self.findings_table.add_columns("line", "code", "severity", "review", "message", "note")
        self.queue_table.focus()
        self.analyse()

    # -- the engine, in a thread ----------------------------------------------------------

    @work(thread=True, exclusive=True)
    def analyse(self) -> None:
        """Check in worker processes, chunk by chunk and in order; this thread only waits on
        them (releasing the GIL), so the interface stays responsive on large files."""
        try:
            decided = self.store.all()
            documents = [(d, list(d.pairs)) for d in self.documents]
        except InputError as exc:  # an undecodable byte on line 900: the CLI's one-line error
            self.call_from_thread(self._stop_on_input_error, exc)
            return
        self.call_from_thread(self._set_total, sum(len(pairs) for _, pairs in documents))
        from align.run import Runner

        workers = max(1, min(2, available_cpus()))
        runner = Runner(self.checker, processes=workers, chunk=_BATCH, decisions=decided)
        read = [Document(d.info, iter(pairs)) for d, pairs in documents]
        for _, batch in runner.chunks(read):
            self.call_from_thread(self._add_results, batch)
        self.call_from_thread(self._add_results, [], True)

    def _stop_on_input_error(self, error: InputError) -> None:
        """Leave the interface; ``align review`` then prints the error and exits 2."""
        self.input_error = error
        self.exit()

    def _set_total(self, total: int) -> None:
        self.progress.update(total=total, progress=0)

    def _add_results(self, results: list[PairResult], finished: bool = False) -> None:
        self.queue.add(results)
        self.progress.advance(len(results))
        self.done = finished
        # Rebuilding the table is the costly part: at most once a second while checking.
        now = time.monotonic()
        if finished or now - self.last_rebuild >= 1.0:
            self.last_rebuild = now
            self.refresh_queue(keep_selection=True)
            if finished and not self.navigated:
                self._first_undecided()
        else:
            self._update_status()

    # -- rendering ------------------------------------------------------------------------

    def refresh_queue(self, *, keep_selection: bool = False) -> None:
        table = self.queue_table
        selected = self.selected_index() if keep_selection else None
        self.shown = self.queue.visible()
        table.clear()
        for index in self.shown:
            result = self.queue.results[index]
            worst = result.worst
            table.add_row(
                f"{result.score:.2f}",
                self._label(result),
                worst.value if worst else "",
                " ".join(sorted({f.code for f in result.findings})),
                _review_cell(result),
                key=str(index),
            )
        if selected is not None and selected in self.shown:
            table.move_cursor(row=self.shown.index(selected), animate=False)
        self._update_status()
        self.show_selected()

    def _label(self, result: PairResult) -> str:
        """The pair's file lines (both sides); with several inputs, after its file name."""
        lines = pair_lines(result.pair)
        if len(self.documents) == 1:
            return lines
        return f"{Path(result.pair.path).name}:{lines}"

    def _empty_state(self) -> str:
        if not self.done:
            return "Checking…"
        where = "this file" if len(self.documents) == 1 else "these files"
        if not any(result.findings for result in self.queue.results):
            return f"No findings in {where}."
        return f"No pair matches the filters: {self.queue.describe_filters()}."

    def _update_status(self) -> None:
        total = len(self.queue.results)
        progress = "" if self.done else " (checking…)"
        decided, findings = self.queue.decided_count()
        self.status_line.update(
            f" {len(self.shown)} of {total} pairs{progress} · decided {decided} of {findings} "
            f"· {self.queue.describe_filters()} · db {self.store.path}"
        )

    def selected_index(self) -> int | None:
        table = self.queue_table
        if not self.shown or table.cursor_row is None or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def selected_result(self) -> PairResult | None:
        index = self.selected_index()
        return None if index is None else self.queue.results[index]

    def selected_finding(self) -> Finding | None:
        result = self.selected_result()
        if result is None or not result.findings:
            return None
        row = self.findings_table.cursor_row or 0
        return result.findings[min(row, len(result.findings) - 1)]

    def show_selected(self) -> None:
        result = self.selected_result()
        view = self.pair_view
        findings = self.findings_table
        row = findings.cursor_row or 0
        findings.clear()
        if result is None:
            view.update(self._empty_state())
            self.finding_detail.update("")
            return
        for finding in result.findings:
            findings.add_row(
                str(finding_location(result, finding)[1]),
                finding.code,
                f"[{SEVERITY_STYLES[finding.severity.value]}]{finding.severity.value}[/]",
                STATUS_MARKS.get(finding.status, finding.status),
                finding.message,
                finding.note,
            )
        if result.findings:
            findings.move_cursor(row=min(row, len(result.findings) - 1), animate=False)
        self.show_finding_detail()

    def show_pair(self) -> None:
        """The selected pair with the selected finding emphasised, scrolled so that the
        finding's span is on screen (its target span, else its source span)."""
        result = self.selected_result()
        if result is None:
            return
        self.pair_view.update(pair_table(result, self.selected_finding()))
        self.call_after_refresh(self._scroll_to_finding)

    def _scroll_to_finding(self) -> None:
        result, scroll = self.selected_result(), self.query_one("#pair", VerticalScroll)
        width = self.pair_view.content_region.width
        if result is None or width <= 0:
            return
        line = selected_line(pair_table(result, self.selected_finding()), self.console, width)
        if line is None:
            scroll.scroll_home(animate=False)
        else:
            scroll.scroll_to_region(Region(0, line, width, 1), animate=False, immediate=True)

    def show_finding_detail(self) -> None:
        finding = self.selected_finding()
        self.show_pair()
        if finding is None:
            self.finding_detail.update("")
            return
        style = SEVERITY_STYLES[finding.severity.value]
        detail = Text.assemble((f"{finding.code} ", "bold"), (finding.severity.value, style),
                               "  ", finding.message)  # fmt: skip
        if finding.note:
            detail.append(f"  (note: {finding.note})", style="italic")
        self.finding_detail.update(detail)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "queue":
            self.findings_table.move_cursor(row=0, animate=False)
            self.show_selected()
        elif event.data_table.id == "findings":
            self.show_finding_detail()

    # -- actions --------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        table = self.queue_table
        self.navigated = True
        if self.shown:
            row = max(0, min(len(self.shown) - 1, (table.cursor_row or 0) + step))
            table.move_cursor(row=row, animate=False)

    def action_first(self) -> None:
        self.navigated = True
        self.queue_table.move_cursor(row=0, animate=False)

    def action_last(self) -> None:
        self.navigated = True
        if self.shown:
            self.queue_table.move_cursor(row=len(self.shown) - 1, animate=False)

    def action_toggle_queue(self) -> None:
        self.queue_table.toggle_class("-hidden")
        if self.queue_table.has_class("-hidden") and self.queue_table.has_focus:
            self.findings_table.focus()
        self.call_after_refresh(self._scroll_to_finding)  # the pair view changed width

    def _first_undecided(self) -> None:
        """Select the first pair in queue order that still has an undecided finding."""
        for row, index in enumerate(self.shown):
            if any(f.status == "open" for f in self.queue.results[index].findings):
                self.queue_table.move_cursor(row=row, animate=False)
                return

    def action_next_flagged(self, step: int) -> None:
        self.navigated = True
        table = self.queue_table
        row = table.cursor_row or 0
        candidates = range(row + step, len(self.shown) if step > 0 else -1, step)
        for candidate in candidates:
            if any(f.status == "open" for f in self.queue.results[self.shown[candidate]].findings):
                table.move_cursor(row=candidate, animate=False)
                return
        self.notify("No more undecided findings that way.", timeout=2)

    def action_decide(self, status: str, note: str | None = None) -> None:
        index, finding = self.selected_index(), self.selected_finding()
        if index is None or finding is None:
            self.notify("This pair has no finding to decide on.", timeout=2)
            return
        previous = self.store.get(finding.fingerprint)
        result = self.queue.results[index]
        decision = self.store.decide(
            finding.fingerprint, finding.code, status, note=note,
            path=result.pair.path, line=result.pair.line,
        )  # fmt: skip
        self.undo_stack.append((UndoEntry(index, finding, previous, decision),))
        self.queue.set_status(index, finding.fingerprint, decision.status, decision.note)
        self._after_decision()
        still_open = any(f.status == "open" for f in self.queue.results[index].findings)
        if status != "open" and note is None and not still_open:
            # The pair is done: on to the next pair with an undecided finding, if any.
            self.action_next_flagged(1)
        self._update_status()

    def _after_decision(self, step: int = 1) -> None:
        """Update the selected row in place (no rebuild) and move to the next finding."""
        index = self.selected_index()
        if index is None:
            return
        result = self.queue.results[index]
        self.queue_table.update_cell(str(index), "review", _review_cell(result))
        row = self.findings_table.cursor_row or 0
        self.show_selected()
        if result.findings:
            target = min(row + step, len(result.findings) - 1)
            self.findings_table.move_cursor(row=target, animate=False)

    def action_decide_all(self, status: str) -> None:
        """Decide every finding with the selected one's rule and subject (all E106 for one
        name, say), in every pair; one undo step takes them all back."""
        chosen = self.selected_finding()
        if chosen is None:
            self.notify("This pair has no finding to decide on.", timeout=2)
            return
        key = (chosen.code, subject(chosen))
        step: list[UndoEntry] = []
        for index, result in enumerate(self.queue.results):
            for finding in result.findings:
                if (finding.code, subject(finding)) != key or finding.status == status:
                    continue
                previous = self.store.get(finding.fingerprint)
                decision = self.store.decide(
                    finding.fingerprint, finding.code, status, note=finding.note or None,
                    path=result.pair.path, line=result.pair.line,
                )  # fmt: skip
                step.append(UndoEntry(index, finding, previous, decision))
                self.queue.set_status(index, finding.fingerprint, decision.status, decision.note)
        if step:
            self.undo_stack.append(tuple(step))
        self.notify(f"{len(step)} {chosen.code} finding(s) on “{key[1]}” marked {status}.",
                    timeout=3)  # fmt: skip
        self.refresh_queue(keep_selection=True)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.", timeout=2)
            return
        kept = [entry for entry in reversed(self.undo_stack.pop()) if not self._undo_one(entry)]
        if kept:
            current = self.store.get(kept[0].finding.fingerprint)
            who = current.reviewer if current else "another reviewer"
            self.notify(f"{who} has decided {len(kept)} of these since; their decisions stay.",
                        timeout=4)  # fmt: skip
        self.refresh_queue(keep_selection=True)

    def _undo_one(self, entry: UndoEntry) -> bool:
        """Take back one decision; False (and the queue shows the current decision) if
        another reviewer has decided the finding since."""
        if not self.store.undo(entry.mine, entry.previous):
            current = self.store.get(entry.finding.fingerprint)
            if current is not None:
                self.queue.set_status(entry.index, current.fingerprint, current.status,
                                      current.note)  # fmt: skip
            return False
        status = entry.previous.status if entry.previous else "open"
        note = entry.previous.note if entry.previous else ""
        self.queue.set_status(entry.index, entry.finding.fingerprint, status, note)
        if entry.index in self.shown:
            self.queue_table.move_cursor(row=self.shown.index(entry.index), animate=False)
        return True

    def action_edit(self) -> None:
        """Open the selected finding's file at its line in $VISUAL/$EDITOR (`+LINE` works for
        vi, vim, nano, emacs, micro, kakoune), then check the file again: decisions of findings
        whose sentences did not change are kept (they are keyed by fingerprint)."""
        result, finding = self.selected_result(), self.selected_finding()
        if result is None:
            return
        if finding is not None:
            path, line, _ = finding_location(result, finding)
        else:
            path, line = result.pair.path, result.pair.line
        editor = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
        try:
            with self.suspend():
                subprocess.run([*editor, f"+{line}", path], check=False)
        except SuspendNotSupported:  # no terminal to hand over (tests): run it as it is
            subprocess.run([*editor, f"+{line}", path], check=False, stdin=subprocess.DEVNULL)
        except OSError as exc:
            self.notify(f"cannot run {editor[0]}: {exc.strerror or exc}", severity="error")
            return
        self.reload()

    def reload(self) -> None:
        """Check the inputs again from disk (after an edit); decisions come from the store."""
        if self.reopen is None:
            self.notify("Reload is not available here.", timeout=2)
            return
        try:
            self.documents = self.reopen()
        except InputError as exc:
            self.notify(str(exc), severity="error", timeout=6)
            return
        self.queue.results.clear()
        self.undo_stack.clear()  # the findings they name may be gone
        self.done = False
        self.navigated = False
        self.refresh_queue()
        self.analyse()

    def action_note(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.notify("This pair has no finding to annotate.", timeout=2)
            return

        def save(text: str | None) -> None:
            if text is not None:
                self.action_decide(finding.status, note=text)

        self.push_screen(PromptScreen(f"Note for {finding.code}:", finding.note), save)

    def action_search(self) -> None:
        def apply(text: str | None) -> None:
            if text is not None:
                self.queue.search = text.strip()
                self.refresh_queue()

        self.push_screen(PromptScreen("Search (id, text or rule code; empty clears):",
                                      self.queue.search), apply)  # fmt: skip

    def action_cycle_sort(self) -> None:
        self.notify(f"Sort: {self.queue.cycle_sort()}", timeout=2)
        self.refresh_queue(keep_selection=True)

    def action_severity(self, level: str) -> None:
        severity = Severity(level)
        self.queue.severity = None if self.queue.severity == severity else severity
        self.refresh_queue()

    def set_family(self, family: str | None) -> None:
        self.queue.family = family
        self.refresh_queue()

    def toggle_all_pairs(self) -> None:
        self.queue.flagged_only = not self.queue.flagged_only
        self.refresh_queue(keep_selection=True)

    def toggle_undecided(self) -> None:
        self.queue.undecided_only = not self.queue.undecided_only
        self.refresh_queue()

    def clear_filters(self) -> None:
        self.queue.severity = self.queue.family = None
        self.queue.undecided_only, self.queue.search = False, ""
        self.refresh_queue()

    def jump_to_rule(self, code: str) -> None:
        table = self.queue_table
        for row, index in enumerate(self.shown):
            if any(f.code == code for f in self.queue.results[index].findings):
                table.move_cursor(row=row, animate=False)
                return
        self.notify(f"No pair with {code} in view.", timeout=2)

    def action_rule_doc(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.notify("Select a finding first.", timeout=2)
            return
        rule = REGISTRY[finding.code]
        self.push_screen(TextScreen(f"# {rule.code} {rule.name}\n\n*{rule.severity.value}, "
                                    f"{FAMILIES[rule.family]}*\n\n{rule.doc}"))  # fmt: skip

    def action_help(self) -> None:
        lines = ["# Keys", "", "| key | does |", "|---|---|",
                 "| j / k, ↓ / ↑ | move in the queue |",
                 "| g / G, home / end | first / last pair |",
                 "| A / F / X | accept / false-positive / fix every finding of this rule and "
                 "subject (one undo) |",
                 "| tab | queue → pair (scroll) → findings |"]  # fmt: skip
        shown = {"slash": "/", "question_mark": "?"}
        lines += [
            f"| {shown.get(b.key, b.key)} | {b.description} |" for b in self.BINDINGS if b.show
        ]
        lines += ["| 1 / 2 / 3 | only pairs with an error / warning / info (again: all) |",
                  "| ctrl+p | command palette: filters, jump to rule, export |"]  # fmt: skip
        self.push_screen(TextScreen("\n".join(lines)))

    def export_report(self) -> None:
        from align.report.batch import DocumentStats
        from align.report.html import write_html

        stats = DocumentStats(InputInfo(", ".join(d.info.path for d in self.documents), "review"))
        for result in self.queue.results:
            stats.add(result)
        target = self.store.path.parent / "align-review-report.html"
        with open(target, "w", encoding="utf-8") as out:
            write_html(out, [stats], self.checker.signature)
        self.notify(f"Report written to {target}", timeout=4)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Filter: clear all filters", "Show every pair", self.clear_filters)
        yield SystemCommand("Filter: all pairs / flagged only", "Also show pairs with no finding",
                            self.toggle_all_pairs)  # fmt: skip
        yield SystemCommand("Filter: undecided only", "Toggle pairs with open findings only",
                            self.toggle_undecided)  # fmt: skip
        for family, what in FAMILIES.items():
            yield SystemCommand(f"Filter: family {family}", f"Only pairs with {what} findings",
                                lambda f=family: self.set_family(f))  # fmt: skip
        for code in sorted({f.code for r in self.queue.results for f in r.findings}):
            yield SystemCommand(f"Jump to rule {code}", REGISTRY[code].name,
                                lambda c=code: self.jump_to_rule(c))  # fmt: skip
        yield SystemCommand("Export: HTML report", "Write align-review-report.html beside the db",
                            self.export_report)  # fmt: skip

    def on_unmount(self) -> None:
        self.store.close()


def _review_cell(result: PairResult) -> str:
    open_count = sum(f.status == "open" for f in result.findings)
    return f"{open_count} open" if open_count else ("done" if result.findings else "")
