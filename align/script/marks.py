"""Traditional vs Simplified inside Chinese text: the characters only one script uses."""

from __future__ import annotations

from dataclasses import dataclass

from align.lang.cedict import script_only_characters
from align.lang.zh import HANS, HANT, dominant_script
from align.pair_cache import per_pair

SCRIPT_NAMES = {HANT: "Traditional", HANS: "Simplified"}


@dataclass(frozen=True, slots=True)
class ScriptMarks:
    """Characters only one script uses (灣 說 vs 湾 说); shared ones (台 了 里) prove nothing."""

    traditional: tuple[int, ...]  # offsets
    simplified: tuple[int, ...]

    def of(self, script: str) -> tuple[int, ...]:
        return self.traditional if script == HANT else self.simplified

    @property
    def script(self) -> str | None:
        """The segment's script by majority; None when it has no marked character."""
        return dominant_script(len(self.traditional), len(self.simplified))


@per_pair  # several rules ask about the same pair's text
def script_marks(text: str) -> ScriptMarks:
    traditional, simplified = script_only_characters()
    present = set(text)
    return ScriptMarks(offsets(text, present & traditional), offsets(text, present & simplified))


def offsets(text: str, chars: set[str]) -> tuple[int, ...]:
    """Where the given characters occur, by ``str.find`` per character (a Python loop over
    every character of the text costs more)."""
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    return tuple(sorted(found))
