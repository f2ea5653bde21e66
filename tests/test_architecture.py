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
