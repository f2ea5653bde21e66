"""TMX and XLIFF input through the hardened parser; hostile XML is refused."""

import json

import pytest

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="zh-TW" datatype="plaintext" original="x">
    <body>
      <trans-unit id="t1">
        <source>Revenue was <ph id="1">&lt;b&gt;</ph>$97.7 million.</source>
        <target>營收為 <ph id="1">&lt;b&gt;</ph>9,770 萬美元。</target>
        <note>checked</note>
      </trans-unit>
      <trans-unit id="t2">
        <source>Thank you.</source>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="zh">
  <file id="f1">
    <unit id="u1">
      <segment><source>Revenue was $1.2 billion. </source>
        <target>營收為 1.2 億美元。</target></segment>
      <segment><source>Margins grew.</source><target>利潤率成長。</target></segment>
    </unit>
  </file>
</xliff>
"""


def pairs_of(run_cli, path):
    run = run_cli("check", path, "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    return json.loads(run.out)["pairs"]


def test_xliff_12_units_inline_codes_and_missing_target(run_cli, write):
    pairs = pairs_of(run_cli, write("a.xlf", XLIFF12))
    first, second = pairs
    assert first["id"] == "t1" and first["source"]["text"] == "Revenue was $97.7 million."
    assert first["target"]["text"] == "營收為 9,770 萬美元。" and first["findings"] == []
    assert first["note"] == "checked" and first["source"]["lines"] == [5]
    assert [f["code"] for f in second["findings"]] == ["A001"]


def test_xliff_20_joins_segments_of_a_unit(run_cli, write):
    (pair,) = pairs_of(run_cli, write("b.xliff", XLIFF20))
    assert pair["source"]["text"] == "Revenue was $1.2 billion. Margins grew."
    assert [f["code"] for f in pair["findings"]] == ["N204"]


def test_tmx_round_trip_through_align_pair(run_cli, write, tmp_path):
    en = write("en.txt", "Revenue was $105.6 million.\nThank you & goodbye <all>.\n")
    zh = write("zh.txt", "營收為 1.056 億美元。\n謝謝 & 再見 <大家>。\n")
    tmx = tmp_path / "out.tmx"
    assert run_cli("pair", en, zh, "-o", tmx).code == 0
    pairs = pairs_of(run_cli, tmx)
    assert [(p["source"]["text"], p["target"]["text"]) for p in pairs] == [
        ("Revenue was $105.6 million.", "營收為 1.056 億美元。"),
        ("Thank you & goodbye <all>.", "謝謝 & 再見 <大家>。"),
    ]


def test_entity_expansion_bomb_is_refused(run_cli, write):
    bomb = write(
        "bomb.xlf",
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        "<xliff><file><body><trans-unit id='1'><source>&b;</source></trans-unit>"
        "</body></file></xliff>\n",
    )
    run = run_cli("check", bomb)
    assert run.code == 2 and "declares entities" in run.err and run.out == ""


def test_external_entity_is_refused_and_never_read(run_cli, write, tmp_path):
    secret = write("secret.txt", "TOP-SECRET-CONTENT")
    xxe = write(
        "xxe.tmx",
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY s SYSTEM "file://{secret}">]>\n'
        '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&s;</seg>'
        '</tuv><tuv xml:lang="zh"><seg>秘密</seg></tuv></tu></body></tmx>\n',
    )
    run = run_cli("check", xxe, "--format", "json")
    assert run.code == 2 and "TOP-SECRET" not in run.out + run.err
    external_dtd = write(
        "dtd.tmx",
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.invalid/t.dtd">\n<tmx/>\n',
    )
    assert "external DTD" in run_cli("check", external_dtd).err


def test_truncated_xml_is_an_input_error_with_line(run_cli, write):
    broken = write("t.xlf", XLIFF12[: XLIFF12.index('<trans-unit id="t2">') + 10])
    run = run_cli("check", broken)
    assert run.code == 2 and "malformed XML" in run.err and "t.xlf:" in run.err


_TU = '<tu><tuv xml:lang="en"><seg>Hi</seg></tuv><tuv xml:lang="zh"><seg>你好</seg></tuv></tu>'
_BODY = f'<tmx version="1.4"><header srclang="en"/><body>{_TU}</body></tmx>'


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # a "]" inside a comment of the DOCTYPE ended the byte scan's internal subset early
        ("bracket.tmx", '<?xml version="1.0"?>\n<!DOCTYPE tmx [ <!-- ] --> <!ENTITY a "b"> ]>\n'
         + _BODY),
        # a DOCTYPE after 64 KiB of comments was past the scan's window
        ("late.tmx", '<?xml version="1.0"?>\n<!--' + "x" * 70_000
         + '-->\n<!DOCTYPE tmx [ <!ENTITY a "b"> ]>\n' + _BODY),
        # UTF-16 hid the DOCTYPE from a byte scan
        ("utf16.tmx", ('<?xml version="1.0" encoding="UTF-16"?>\n'
                       '<!DOCTYPE tmx [ <!ENTITY a "b"> ]>\n' + _BODY).encode("utf-16")),
    ],
)  # fmt: skip
def test_entity_declarations_the_byte_scan_misses_are_refused(run_cli, tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    run = run_cli("check", path)
    assert run.code == 2 and "refused: the DOCTYPE declares entities" in run.err


def test_a_plain_doctype_is_read(run_cli, tmp_path):
    path = tmp_path / "plain.tmx"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE tmx>\n' + _BODY, "utf-8")
    assert run_cli("check", path, "--fail-on", "never").code == 0
