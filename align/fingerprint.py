"""Stable identity of a finding, so review decisions and baselines survive re-runs.

The fingerprint hashes the rule code with the normalised texts of the pair and of the finding's
spans, not line numbers: inserting a line elsewhere in the file keeps every fingerprint, while
editing the pair's text makes a new finding (the old decision no longer applies).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from align.pair_cache import per_pair

_SPACE = re.compile(r"\s+")


@per_pair  # every finding of a pair normalises the same two texts
def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def fingerprint(code: str, source: str, target: str, source_span: str, target_span: str) -> str:
    key = "\x1f".join([code, normalise(source), normalise(target), source_span, target_span])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
