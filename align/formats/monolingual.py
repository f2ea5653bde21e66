"""English-only documents: Markdown articles and scraped transcripts, with no translation.

Each sentence becomes a ``1-0`` pair so the tool can report what has no translation yet and
export it for translation. Markdown front matter and pure markup lines are skipped; heading and
list markers are cut off the segment (offsets still point into the original line).

Scraped web transcripts put every speaker turn on one long line ("...Thanks, Todd.Todd McKinnon
-- Co-Founder and Chief Executive Officer Yep."). Speaker labels are found from the
``Name -- Role`` pattern and the call-participants list, and become structural segments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from align.formats.base import DocumentInfo, pair_id
from align.models import Pair, Segment
from align.segment import split_english
from align.textio import iter_lines

_LONG_LINE = 2000
_MARKUP_ONLY = re.compile(r"^\s*(?:[-=*_`~#>|:]\s*)+$")
_LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[*+-]\s+|\d+[.)]\s+|>\s*)*")
_NAME = r"[A-Z][\w'’-]*(?: (?:[A-Z]\.|[A-Z][\w'’-]*)){1,3}"
# "Todd McKinnon -- Co-Founder and Chief Executive Officer": a name, then a role after " -- ".
_LABELLED = re.compile(rf"(?<![\w.])({_NAME}) -- ")
_PARTICIPANTS = re.compile(r"Call participants:\s*(.*)$", re.IGNORECASE)


def speaker_labels(text: str) -> list[str]:
    """Speaker labels, longest first: full entries of a call-participants list when there is
    one (``Brian Essex -- JPMorgan Chase and Company -- Analyst``), else bare names seen as
    ``Name -- Role``."""
    labels = set(_LABELLED.findall(text))
    found = _PARTICIPANTS.search(text)
    if found:
        # The list is glued: "Dave GennarelliTodd McKinnon -- Co-Founder ...OfficerBrett Tighe".
        for entry in re.split(r"(?<=[a-z])(?=[A-Z][a-z]+ [A-Z])", found.group(1)):
            if re.match(_NAME, entry.strip()):
                labels.add(entry.strip())
    return sorted(labels, key=len, reverse=True)


def _speaker_spans(text: str, labels: list[str]) -> list[tuple[int, int]]:
    """Where a speaker's label starts a turn: at a sentence start, before a capitalised word."""
    if not labels:
        return []
    alternatives = "|".join(re.escape(label) for label in labels)
    turn = re.compile(rf"(?:^|(?<=[.?!:])|(?<=[.?!:]\s)|(?<=\s\s))(?:{alternatives})(?= [A-Z])")
    return [(m.start(), m.end()) for m in turn.finditer(text)]


def _segments(path: str, line: int, text: str, labels: list[str]) -> Iterator[tuple[Segment, bool]]:
    """``(segment, is_speaker_label)`` for one line of prose."""
    begin = _LINE_PREFIX.match(text)
    start = begin.end() if begin else 0
    cuts = [(s, e, True) for s, e in _speaker_spans(text, labels) if s >= start]
    position = start
    for label_start, label_end, _ in [*cuts, (len(text), len(text), False)]:
        chunk = text[position:label_start]
        for span in split_english(chunk):
            s, e = position + span.start, position + span.end
            yield Segment(text[s:e], path, (line,), s, e), False
        if label_end > label_start:
            yield Segment(text[label_start:label_end], path, (line,), label_start, label_end), True
        position = label_end


def read_monolingual(path: str, encoding: str, info: DocumentInfo) -> Iterator[Pair]:
    in_front_matter = False
    for line, text in iter_lines(path, encoding):
        if line == 1 and text.strip() == "---":
            in_front_matter = True
            continue
        if in_front_matter:
            in_front_matter = text.strip() != "---"
            continue
        if not text.strip() or _MARKUP_ONLY.match(text):
            continue
        # Only a scraped transcript crams many turns into one line; short lines keep their text.
        labels = speaker_labels(text) if len(text) > _LONG_LINE else []
        for index, (segment, speaker) in enumerate(_segments(path, line, text, labels)):
            # Several sentences share a line: later ones add their character offset to the id.
            suffix = f":{segment.start}" if index else ""
            yield Pair(
                id=pair_id(path, line) + suffix,
                source=segment,
                target=None,
                kind="1-0",
                structural=speaker,
            )
