"""The engine stays usable without the UI: importing any of align never loads textual."""

import pkgutil
import subprocess
import sys

import align


def test_engine_never_imports_textual():
    modules = [m.name for m in pkgutil.walk_packages(align.__path__, "align.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from align.cli import main\n"
        "main(['rules'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'tui'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(modules) > 10


def test_tui_package_imports():
    from tui.app import ReviewApp

    assert ReviewApp.TITLE == "align review"


# One package per rule family, each with its extraction, comparison and rules (issue #23);
# align.rules keeps the registry and the families with no package (A, P, X).
FAMILY_PACKAGES = {
    "N": "align.numbers",
    "E": "align.names",
    "L": "align.script",
    "M": "align.meaning",
}


def test_each_family_package_defines_its_own_rules():
    from align.rules.base import REGISTRY, select_rules

    select_rules()  # importing align.rules registers every rule
    for code, registered in REGISTRY.items():
        home = FAMILY_PACKAGES.get(registered.family, "align.rules")
        assert registered.check.__module__.startswith(home + "."), code
    assert {r.family for r in REGISTRY.values()} >= FAMILY_PACKAGES.keys()


def test_checks_and_extract_are_gone_and_lang_holds_resources_only():
    import ast
    from pathlib import Path

    root = Path(align.__file__).parent
    # Source files, not folders: a checkout updated in place keeps their __pycache__.
    assert not [*(root / "checks").glob("*.py"), *(root / "extract").glob("*.py")]
    forbidden = (*FAMILY_PACKAGES.values(), "align.rules", "align.context", "align.engine")
    for path in (root / "lang").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(forbidden), f"{path.name}: {node.module}"
