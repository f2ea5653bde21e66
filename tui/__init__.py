"""The Textual reviewer for align results (the engine lives in ``align`` and never imports this)."""
