from pathlib import Path

import pytest

from align.errors import InputError
from align.textio import iter_lines


def test_strips_bom_and_crlf(write):
    path = write("a.txt", b"\xef\xbb\xbfHello\r\n\xe4\xbd\xa0\xe5\xa5\xbd\r\n")
    assert list(iter_lines(path)) == [(1, "Hello"), (2, "你好")]


def test_invalid_utf8_names_line_and_byte_offset(write):
    path = write("bad.txt", b"Hello\nok \xff here\n")
    with pytest.raises(InputError) as caught:
        list(iter_lines(path))
    error = caught.value
    assert error.line == 2
    assert "byte offset 9" in error.message
    assert str(error).startswith(f"{path}:2: ")
    assert "\n" not in str(error)


@pytest.mark.parametrize("encoding", ["big5", "gb18030"])
def test_legacy_chinese_encodings(write, encoding):
    text = "Revenue grew.\n營收成長。\n" if encoding == "big5" else "Revenue grew.\n营收增长。\n"
    path = write(f"{encoding}.txt", text, encoding=encoding)
    assert [t for _, t in iter_lines(path, encoding)] == text.splitlines()


def test_unknown_encoding_is_an_input_error(write):
    with pytest.raises(InputError, match="unknown encoding"):
        list(iter_lines(write("a.txt", "x"), "no-such-codec"))


def test_missing_file_is_an_input_error(tmp_path: Path):
    with pytest.raises(InputError) as caught:
        list(iter_lines(tmp_path / "nope.txt"))
    assert "nope.txt" in str(caught.value)
