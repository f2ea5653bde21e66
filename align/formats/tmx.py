"""TMX 1.4 output (lxml streams it, so every piece of text is escaped and memory stays flat)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from lxml import etree

from align import __version__
from align.formats.xml import XML_LANG
from align.models import Pair
from align.textio import xml_safe


def write_tmx(out: BinaryIO, pairs: Iterable[Pair], source_lang: str, target_lang: str) -> None:
    header = {
        "creationtool": "align",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "align",
        "adminlang": "en",
        "srclang": source_lang,
        "datatype": "plaintext",
    }
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("tmx", version="1.4"):
            xf.write(etree.Element("header", header))
            with xf.element("body"):
                for pair in pairs:
                    if pair.source is None or pair.target is None:
                        continue  # a translation unit needs both sides
                    tu = etree.Element("tu", tuid=xml_safe(pair.id))
                    for lang, text in (
                        (source_lang, pair.source_text),
                        (target_lang, pair.target_text),
                    ):
                        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
                        etree.SubElement(tuv, "seg").text = xml_safe(text)
                    xf.write(tu)
