"""Modal screens of the reviewer: help and rule documentation (text), prompts."""

from tui.screens.modal import PromptScreen, TextScreen

__all__ = ["PromptScreen", "TextScreen"]
