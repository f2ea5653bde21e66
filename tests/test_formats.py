import pytest

from align.errors import InputError
from align.formats import detect_format, open_document, open_parallel
from tests.paths import ARTICLE, SAMPLE, SCRAPED


def pairs(path, **kwargs):
    document = open_document(str(path), **kwargs)
    return document, list(document.pairs)


# --- interleaved -------------------------------------------------------------------------


def test_sample_has_152_pairs_with_lines_in_step():
    document, found = pairs(SAMPLE)
    assert document.info.format == "interleaved"
    assert document.info.target_lang == "zh-Hant"
    assert len(found) == 152
    for pair in found:
        assert pair.kind == "1-1"
        assert pair.target.line == pair.source.line + 1
    assert found[0].source.line == 2 and found[-1].target.line == 305


def test_sample_disclaimer_is_a_header_not_a_pair():
    document, found = pairs(SAMPLE)
    assert document.info.header == [
        "使用警語:中文譯文來源為 Google 翻譯,僅供參考,實際內容請以英文原文為主"
    ]
    assert all(p.source.line > 1 for p in found)


def test_sample_speaker_lines_are_structural():
    _, found = pairs(SAMPLE)
    speakers = [p for p in found if p.structural]
    assert len(speakers) == 53
    assert {p.source_text for p in speakers} >= {
        "Operator",
        "Todd McKinnon - Co-Founder, Chairman & CEO",
    }
    assert all(p.source_text == p.target_text for p in speakers)


def test_missing_translation_line_is_reported_not_shifted(write):
    path = write("t.txt", "Hello there.\n你好。\nThank you.\nGoodbye now.\n再見。\n")
    _, found = pairs(path)
    assert [(p.kind, p.source_text, p.target_text) for p in found] == [
        ("1-1", "Hello there.", "你好。"),
        ("1-0", "Thank you.", ""),
        ("1-1", "Goodbye now.", "再見。"),
    ]
    assert found[2].source.lines == (4,) and found[2].target.lines == (5,)


def test_orphan_chinese_line_and_blank_lines(write):
    path = write("t.txt", "\nHello there.\n\n你好。\n多出來的一行。\n\nBye now.\n")
    _, found = pairs(path, fmt="interleaved")
    assert [(p.kind, p.line) for p in found] == [("1-1", 2), ("0-1", 5), ("1-0", 7)]


def test_verbatim_sentence_is_not_a_speaker_line(write):
    path = write(
        "t.txt", "你好\nOperator\nOperator\nThank you for joining.\nThank you for joining.\n"
    )
    _, found = pairs(path)
    assert [p.structural for p in found] == [True, False]


def test_simplified_target_detected(write):
    path = write("t.txt", "Revenue grew.\n营收增长了，这个数字说明了许多问题。\n")
    document, _ = pairs(path)
    assert document.info.target_lang == "zh-Hans"


def test_crlf_bom_file(write):
    path = write("t.txt", "\ufeffHello there.\r\n你好。\r\n")
    _, found = pairs(path)
    assert [(p.source_text, p.target_text) for p in found] == [("Hello there.", "你好。")]


# --- parallel ----------------------------------------------------------------------------


def test_parallel_files_pair_by_line(write):
    en = write("en.txt", "One.\nTwo.\n\nFour.\nFive.\n")
    zh = write("zh.txt", "一。\n\n\n四。\n")
    document = open_parallel(str(en), str(zh))
    found = list(document.pairs)
    assert [(p.kind, p.source_text, p.target_text) for p in found] == [
        ("1-1", "One.", "一。"),
        ("1-0", "Two.", ""),
        ("1-1", "Four.", "四。"),
        ("1-0", "Five.", ""),
    ]
    assert found[2].target.path == str(zh) and found[2].source.path == str(en)


# --- TSV / CSV ---------------------------------------------------------------------------


def test_tsv_with_header_any_column_order(write):
    path = write("t.tsv", "id\ttarget\tsource\tnote\nu1\t你好。\tHello.\tchecked\n\n")
    _, found = pairs(path)
    assert [(p.id, p.source_text, p.target_text, p.note, p.line) for p in found] == [
        ("u1", "Hello.", "你好。", "checked", 2)
    ]


def test_tsv_without_header(write):
    _, found = pairs(write("t.tsv", "Hello.\t你好。\nBye.\t\n"))
    assert [(p.kind, p.line, p.id) for p in found] == [("1-1", 1, "t.tsv:1"), ("1-0", 2, "t.tsv:2")]


def test_csv_quoted_multiline_field_keeps_row_line(write):
    path = write(
        "t.csv", 'source,target\n"Hello, world.",你好。\n"Two\nlines.",兩行。\nBye.,再見。\n'
    )
    _, found = pairs(path)
    assert [(p.source_text, p.line) for p in found] == [
        ("Hello, world.", 2),
        ("Two\nlines.", 3),
        ("Bye.", 5),
    ]


def test_tsv_row_with_one_column_is_an_error_with_line(write):
    path = write("t.tsv", "source\ttarget\nHello.\t你好。\njust one column\n")
    with pytest.raises(InputError) as caught:
        pairs(path)
    assert caught.value.line == 3


# --- JSONL -------------------------------------------------------------------------------


def test_jsonl(write):
    path = write(
        "t.jsonl", '{"source": "Hello.", "target": "你好。", "id": 7}\n\n{"source": "Bye."}\n'
    )
    _, found = pairs(path)
    assert [(p.id, p.kind, p.line) for p in found] == [("7", "1-1", 1), ("t.jsonl:3", "1-0", 3)]


@pytest.mark.parametrize(
    ("line", "message"),
    [("{oops", "invalid JSON"), ("[1, 2]", '"source"'), ('{"source": 3}', "must be a string")],
)
def test_jsonl_errors_name_the_line(write, line, message):
    path = write("t.jsonl", '{"source": "a", "target": "b"}\n' + line + "\n")
    with pytest.raises(InputError, match=message) as caught:
        pairs(path)
    assert caught.value.line == 2


# --- English-only ------------------------------------------------------------------------


def test_markdown_article_skips_front_matter_and_markup():
    document, found = pairs(ARTICLE)
    assert document.info.format == "monolingual" and document.info.target_lang is None
    assert all(p.kind == "1-0" and p.target is None for p in found)
    texts = [p.source_text for p in found]
    assert "layout: post" not in texts and not any(t.startswith(("---", "#", "* ")) for t in texts)
    heading = next(p for p in found if p.source_text == "Customer Segments")
    assert heading.source.start == 4  # offset past "### " in the original line


def test_scraped_transcript_splits_inline_speaker_turns():
    _, found = pairs(SCRAPED)
    labels = [p for p in found if p.structural]
    assert "Brett Tighe -- Chief Financial Officer" in {p.source_text for p in labels}
    assert "Dave Gennarelli" in {p.source_text for p in labels}
    long_line = [p for p in found if p.source.line == 18]
    assert len(long_line) > 500
    for pair in long_line:  # every segment's offsets point at its text in the line
        assert pair.source.end - pair.source.start == len(pair.source_text)
    assert len({p.id for p in found}) == len(found)


def test_detect_format_by_extension_and_content(write):
    assert detect_format(str(write("a.tsv", "")), "utf-8") == "tsv"
    assert detect_format(str(write("a.txt", "Hello.\n你好。\n")), "utf-8") == "interleaved"
    assert detect_format(str(write("b.txt", "Hello.\nBye.\n")), "utf-8") == "monolingual"


def test_xml_formats_detected_by_extension(write):
    assert detect_format(str(write("a.tmx", "<tmx/>")), "utf-8") == "tmx"
    assert detect_format(str(write("a.xlf", "<xliff/>")), "utf-8") == "xliff"


def test_open_document_takes_a_pathlib_path_as_a_string(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("source\ttarget\nTwo markets.\t兩個市場。\n", "utf-8")
    document = open_document(path)
    assert document.info.path == str(path)
    assert [(p.source.text, p.target.text) for p in document.pairs] == [
        ("Two markets.", "兩個市場。")
    ]


def test_open_parallel_takes_pathlib_paths(tmp_path):
    en, zh = tmp_path / "en.txt", tmp_path / "zh.txt"
    en.write_text("One.\nTwo.\n", "utf-8")
    zh.write_text("一。\n二。\n", "utf-8")
    document = open_parallel(en, zh)
    assert [p.target.text for p in document.pairs] == ["一。", "二。"]
