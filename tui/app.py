"""The reviewer application shell: a Textual app over an engine run."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class ReviewApp(App[None]):
    """Shows a title and a footer; the review queue arrives with the reviewer issue."""

    TITLE = "align review"
    BINDINGS: ClassVar = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("No document loaded.", id="placeholder")
        yield Footer()
