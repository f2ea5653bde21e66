"""The reviewer: a queue of pairs worst first, the selected pair side by side, its findings.

The engine runs in a thread worker and posts results in batches, so the interface stays
responsive and fills as results arrive. Every decision is written to the review database
at once (see ``align.review.store``); the app keeps an undo stack of what it replaced.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult, SuspendNotSupported, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from align.engine import Checker
from align.errors import InputError
from align.formats import Document
from align.models import Finding, PairResult, Severity, Status
from align.report.context import finding_location
from align.review.store import ReviewStore
from align.workers import available_cpus
from tui import keys
from tui.palette import PaletteCommands
from tui.queue import ReviewQueue
from tui.screens import PromptScreen, TextScreen
from tui.session import ReviewSession, subject
from tui.texts import editor_command, export_html, help_markdown, rule_markdown
from tui.widgets.pair_view import PairPanel
from tui.widgets.tables import FindingsTable, QueueTable, finding_detail

_BATCH = 200


class ReviewApp(App[None], PaletteCommands):
    """``align review``: step through flagged pairs and decide on each finding."""

    TITLE = "align review"
    # Textual declares these as instance variables, so not ClassVar (mypy), hence the noqa.
    HORIZONTAL_BREAKPOINTS = keys.HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = keys.VERTICAL_BREAKPOINTS
    CSS = keys.CSS
    BINDINGS: ClassVar = keys.BINDINGS

    def __init__(
        self,
        checker: Checker,
        documents: list[Document],
        store: ReviewStore,
        reopen: Callable[[], list[Document]] | None = None,
        jobs: int | None = None,
    ):
        super().__init__()
        self.checker = checker
        self.documents = documents
        self.store = store
        # Opens the inputs again (after an edit in $EDITOR); None: the app cannot reload.
        self.reopen = reopen
        # Worker processes (--jobs); by default two: the check never runs on the UI thread.
        self.processes = max(1, min(jobs if jobs else 2, available_cpus()))
        self.queue = ReviewQueue()
        self.session = ReviewSession(store, self.queue)
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
            yield QueueTable(id="queue", cursor_type="row", zebra_stripes=True)
            with Vertical(id="detail"):
                yield PairPanel(id="pair")
                yield FindingsTable(id="findings", cursor_type="row")
                # The table cuts long messages at its width: the highlighted one in full here.
                yield Static("", id="finding-detail")
        yield Static("", id="status-line")
        yield Footer()

    def on_mount(self) -> None:
        # Kept, not queried: a modal screen on top would hide them from query_one.
        self.queue_table = self.query_one("#queue", QueueTable)
        self.findings_table = self.query_one("#findings", FindingsTable)
        self.pair_panel = self.query_one("#pair", PairPanel)
        self.finding_detail = self.query_one("#finding-detail", Static)
        self.status_line = self.query_one("#status-line", Static)
        self.progress = self.query_one(ProgressBar)
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

        runner = Runner(self.checker, processes=self.processes, chunk=_BATCH, decisions=decided)
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
        table.fill(self.queue.results, self.shown, several_files=len(self.documents) > 1)
        if selected is not None and selected in self.shown:
            table.move_cursor(row=self.shown.index(selected), animate=False)
        self._update_status()
        self.show_selected()

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
        if result is None:
            self.findings_table.clear()
            empty = self.queue.empty_state(self.done, files=len(self.documents))
            self.pair_panel.message(empty)
            self.finding_detail.update("")
            return
        self.findings_table.fill(result)
        self.show_finding_detail()

    def show_finding_detail(self) -> None:
        """The selected pair with the highlighted finding emphasised and in view, and the
        finding's message in full."""
        result, finding = self.selected_result(), self.selected_finding()
        if result is not None:
            self.pair_panel.show(result, finding)
        self.finding_detail.update(finding_detail(finding) if finding else "")

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
        # The pair view changed width: its lines fold elsewhere.
        self.call_after_refresh(self.pair_panel.scroll_to_finding)

    def _first_undecided(self) -> None:
        """Select the first pair in queue order that still has an undecided finding."""
        for row, index in enumerate(self.shown):
            if any(f.status == Status.OPEN for f in self.queue.results[index].findings):
                self.queue_table.move_cursor(row=row, animate=False)
                return

    def action_next_flagged(self, step: int) -> None:
        self.navigated = True
        table = self.queue_table
        row = table.cursor_row or 0
        candidates = range(row + step, len(self.shown) if step > 0 else -1, step)
        for candidate in candidates:
            if any(
                f.status == Status.OPEN for f in self.queue.results[self.shown[candidate]].findings
            ):
                table.move_cursor(row=candidate, animate=False)
                return
        self.notify("No more undecided findings that way.", timeout=2)

    def action_decide(self, status: str, note: str | None = None) -> None:
        index, finding = self.selected_index(), self.selected_finding()
        if index is None or finding is None:
            self.notify("This pair has no finding to decide on.", timeout=2)
            return
        self.session.decide(index, finding, status, note)
        self._after_decision()
        still_open = any(f.status == Status.OPEN for f in self.queue.results[index].findings)
        if status != Status.OPEN and note is None and not still_open:
            # The pair is done: on to the next pair with an undecided finding, if any.
            self.action_next_flagged(1)
        self._update_status()

    def _after_decision(self, step: int = 1) -> None:
        """Update the selected row in place (no rebuild) and move to the next finding."""
        index = self.selected_index()
        if index is None:
            return
        result = self.queue.results[index]
        self.queue_table.update_review(index, result)
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
        count = self.session.decide_all(chosen, status)
        self.notify(f"{count} {chosen.code} finding(s) on “{subject(chosen)}” marked {status}.",
                    timeout=3)  # fmt: skip
        self.refresh_queue(keep_selection=True)

    def action_undo(self) -> None:
        outcome = self.session.undo()
        if outcome is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        undone, kept = outcome
        if kept:
            current = self.store.get(kept[0].finding.fingerprint)
            who = current.reviewer if current else "another reviewer"
            self.notify(f"{who} has decided {len(kept)} of these since; their decisions stay.",
                        timeout=4)  # fmt: skip
        moved_to = (undone or kept)[-1].index
        if moved_to in self.shown:
            self.queue_table.move_cursor(row=self.shown.index(moved_to), animate=False)
        self.refresh_queue(keep_selection=True)

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
        command = editor_command(path, line)
        try:
            with self.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:  # no terminal to hand over (tests): run it as it is
            subprocess.run(command, check=False, stdin=subprocess.DEVNULL)
        except OSError as exc:
            self.notify(f"cannot run {command[0]}: {exc.strerror or exc}", severity="error")
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
        self.session.undo_stack.clear()  # the findings they name may be gone
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

    def action_rule_doc(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            self.notify("Select a finding first.", timeout=2)
            return
        self.push_screen(TextScreen(rule_markdown(finding.code)))

    def action_help(self) -> None:
        self.push_screen(TextScreen(help_markdown(keys.BINDINGS)))

    def export_report(self) -> None:
        target = export_html(self.documents, self.queue.results, self.checker.signature,
                             self.store.path.parent)  # fmt: skip
        self.notify(f"Report written to {target}", timeout=4)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from self.palette_commands()

    def on_unmount(self) -> None:
        self.store.close()
