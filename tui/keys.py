"""The reviewer's key bindings and layout rules (CSS, with the terminal-size breakpoints)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# Below 120 columns the queue keeps only a narrow strip (score and line; the table scrolls
# sideways) so that each language keeps about a third of an 80-column terminal; `z` hides
# it. Below 32 rows the findings list and detail shrink to leave the pair room.
HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
CSS = """
#body { height: 1fr; }
#queue { width: 1fr; min-width: 40; }
Screen.-narrow #queue { width: 22; min-width: 22; }
#queue.-hidden { display: none; }
#detail { width: 3fr; }
#pair { height: 1fr; }
#findings { height: auto; max-height: 10; }
Screen.-short #findings { max-height: 4; }
#finding-detail { height: auto; max-height: 4; padding: 0 1; }
Screen.-short #finding-detail { max-height: 2; }
#status-line { height: 1; background: $boost; }
ProgressBar { height: 1; }
"""

BINDINGS: list[BindingType] = [
    Binding("j", "move(1)", "Down", id="down", show=False),
    Binding("k", "move(-1)", "Up", id="up", show=False),
    Binding("g,home", "first", "First pair", id="first", show=False),
    Binding("G,end", "last", "Last pair", id="last", show=False),
    Binding("z", "toggle_queue", "Queue", id="toggle-queue"),
    Binding("n", "next_flagged(1)", "Next flagged", id="next-flagged"),
    Binding("p", "next_flagged(-1)", "Prev flagged", id="previous-flagged"),
    Binding("a", "decide('accepted')", "Accept", id="accept"),
    Binding("f", "decide('false-positive')", "False pos.", id="false-positive"),
    Binding("x", "decide('fixed')", "Fixed", id="fixed"),
    Binding("A", "decide_all('accepted')", "Accept all like it", id="accept-all", show=False),
    Binding("F", "decide_all('false-positive')", "False pos. all like it", show=False),
    Binding("X", "decide_all('fixed')", "Fixed all like it", id="fixed-all", show=False),
    Binding("o", "edit", "Edit", id="edit"),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("e", "note", "Note", id="note"),
    Binding("slash", "search", "Search", id="search"),
    Binding("s", "cycle_sort", "Sort", id="sort"),
    Binding("1", "severity('error')", "Errors", id="filter-errors", show=False),
    Binding("2", "severity('warning')", "Warnings", id="filter-warnings", show=False),
    Binding("3", "severity('info')", "Info", id="filter-info", show=False),
    Binding("d", "rule_doc", "Rule doc", id="rule-doc"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]
