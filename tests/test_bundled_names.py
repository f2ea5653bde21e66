"""The bundled CedPane names: how they are selected, and that the index answers from them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from align.names.known import known_renderings, names_rendered_as

ROOT = Path(__file__).resolve().parents[1]


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_names", ROOT / "scripts" / "build_names.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_names"] = module
    spec.loader.exec_module(module)
    return module


LINES = [
    "Word\tSimplified\tTraditional\tPinyin",
    "Watkins\t沃特金斯\t沃特金斯\tWòtèjīnsī",
    "Jada; Jaida\t杰达\t傑達\tJiédá",
    "Cressida (old translation)\t克瑞西达\t克瑞西達\tKèruìxīdá",
    "Huangmei County\t黄梅县\t黃梅縣\tHuángméi Xiàn",
    "pillar of salt\t盐柱\t鹽柱\tyánzhù",
    "Good day! greetings\t你们好\t你們好\tnǐmen hǎo",
    "Mrs Guo\t郭太太\t郭太太\tGuō tàitai",
    "Aaron; Aron\t亚伦\t亞倫\tYàlún",
    "Aron\t阿伦\t阿倫\tĀlún",
]


def test_build_keeps_names_and_leaves_out_held_out_lines_and_their_spellings() -> None:
    table = _build_script().build(LINES, held_out={9})
    assert table == {"watkins": {"沃特金斯"}, "jada": {"杰达"}, "jaida": {"杰达"}}


def test_index_answers_from_the_bundled_names() -> None:
    assert "沃特金斯" in known_renderings("watkins")  # not a CC-CEDICT name
    assert "watkins" in names_rendered_as("沃特金斯")
