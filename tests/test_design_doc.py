"""docs/DESIGN.md's layout names every package and module of align/ and tui/ (#23)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_layout_names_every_package_and_module():
    design = (ROOT / "docs" / "DESIGN.md").read_text("utf-8")
    layout = design[design.index("## Layout") :]
    layout = layout[: layout.index("```", layout.index("```") + 3)]
    missing = []
    for top in ("align", "tui"):
        for path in sorted((ROOT / top).rglob("*.py")):
            if path.name in ("__init__.py", "__main__.py"):
                if path.name == "__init__.py" and path.parent != ROOT / top:
                    name = path.parent.name + "/"
                    if not re.search(rf"(?<![\w/]){re.escape(name)}", layout):
                        missing.append(str(path.parent.relative_to(ROOT)))
                continue
            if not re.search(rf"\b{re.escape(path.stem)}\b", layout):
                missing.append(str(path.relative_to(ROOT)))
    assert missing == []
