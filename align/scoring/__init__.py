"""Pair scores (``pair.py``); reference-based metrics come with the alignment work."""
