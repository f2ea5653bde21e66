"""Modal screens: help, a rule's documentation, and a one-line text prompt (note, search)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Markdown, Static


class TextScreen(ModalScreen[None]):
    """Markdown text that any key of escape/q/? closes; it scrolls (arrows, page keys,
    home/end) when it is taller than the terminal, as help is at 80×24."""

    BINDINGS: ClassVar = [
        Binding("escape,q,question_mark,enter", "dismiss", "Close", id="close"),
    ]
    DEFAULT_CSS = """
    TextScreen { align: center middle; }
    TextScreen > VerticalScroll { width: 90; max-width: 100%; height: auto; max-height: 90%;
                                  border: thick $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, markdown: str):
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.can_focus = True
            yield Static("[dim]escape to close · ↑ ↓ page home end to scroll[/dim]")
            yield Markdown(self.markdown)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; enter returns it, escape returns None."""

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel", id="cancel")]
    DEFAULT_CSS = """
    PromptScreen { align: center middle; }
    PromptScreen > Vertical { width: 80; max-width: 100%; height: auto; border: thick $accent;
                              background: $surface; padding: 1 2; }
    """

    def __init__(self, title: str, value: str = ""):
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text)
            yield Input(value=self.value, id="prompt-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
