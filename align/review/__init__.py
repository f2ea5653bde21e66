"""Decisions about findings that outlive a run: baselines (and, later, the review database)."""
