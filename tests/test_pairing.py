"""Pairing two files by alignment: `align pair` and `align check --source/--target`."""

import json

from lxml import etree

EN = (
    "Good day, and welcome to the call. Today the conference is being recorded.\n"
    "Revenue was $105.6 million.\n"
    "Billings were $97.7 million.\n"
    "Thank you all for joining.\n"
)
ZH = (
    "美好的一天，歡迎參加電話會議。\n今天的會議正在錄製中。\n"
    "營收為 1.056 億美元。帳單為 9,770 萬美元。\n感謝大家的參與。\n"
)


def test_beads_format_finds_split_and_merge(run_cli, write):
    en, zh = write("en.txt", EN), write("zh.txt", ZH)
    run = run_cli("pair", en, zh, "--format", "beads")
    assert run.code == 0
    assert run.out.splitlines() == ["[0]:[0, 1]", "[1, 2]:[2]", "[3]:[3]"]


def test_bead_indices_name_file_lines_across_blank_lines(run_cli, write):
    # Blank lines are skipped but keep their numbers: [2] is the file's third line.
    en, zh = write("en.txt", "One.\n\nTwo.\nThree.\n"), write("zh.txt", "一。\n二。\n\n三。\n")
    run = run_cli("pair", en, zh, "--format", "beads")
    assert run.code == 0
    assert run.out.splitlines() == ["[0]:[0]", "[2]:[1]", "[3]:[3]"]


def test_tsv_output_reads_back_as_input(run_cli, write, tmp_path):
    en, zh = write("en.txt", EN), write("zh.txt", ZH)
    out = tmp_path / "pairs.tsv"
    assert run_cli("pair", en, zh, "-o", out).code == 0
    rows = out.read_text("utf-8").splitlines()
    assert rows[0] == "source\ttarget" and len(rows) == 4
    assert run_cli("check", out, "--fail-on", "warning").code == 0  # numbers now line up


def test_tmx_output_is_valid_tmx(run_cli, write, tmp_path):
    en, zh = write("en.txt", EN), write("zh.txt", ZH)
    out = tmp_path / "pairs.tmx"
    assert run_cli("pair", en, zh, "-o", out).code == 0
    root = etree.parse(str(out)).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    units = root.findall("body/tu")
    assert len(units) == 3
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in units[1]]
    assert langs == ["en", "zh-Hant"]
    assert units[1].findtext("tuv[2]/seg") == "營收為 1.056 億美元。帳單為 9,770 萬美元。"


def test_json_output_is_a_report_with_bead_lines(run_cli, write):
    en, zh = write("en.txt", EN), write("zh.txt", ZH)
    report = json.loads(run_cli("pair", en, zh, "--format", "json").out)
    assert report["schema"] == "align.report/1"
    first, second = report["pairs"][:2]
    assert (first["kind"], first["target"]["lines"]) == ("1-2", [1, 2])
    assert (second["kind"], second["source"]["lines"]) == ("2-1", [2, 3])
    assert not [f for p in report["pairs"] for f in p["findings"] if f["code"].startswith("N")]


def test_check_aligns_files_of_different_length(run_cli, write):
    en = write("en.txt", EN)
    zh = write(
        "zh.txt",
        "美好的一天，歡迎參加電話會議。今天的會議正在錄製中。\n"
        "營收為 1.056 億美元。帳單為 9,770 萬美元。\n",
    )
    run = run_cli("check", "--source", en, "--target", zh, "--format", "json")
    pairs = json.loads(run.out)["pairs"]
    assert [p["kind"] for p in pairs] == ["1-1", "2-1", "1-0"]
    assert [f["code"] for f in pairs[2]["findings"]] == ["A001"]


def test_pairing_lines_keeps_line_pairs(run_cli, write):
    en, zh = write("en.txt", "One.\nTwo.\n"), write("zh.txt", "一。\n")
    pairs = json.loads(run_cli("check", "--source", en, "--target", zh, "--pairing", "lines",
                               "--format", "json").out)["pairs"]  # fmt: skip
    assert [(p["kind"], p["source"]["lines"]) for p in pairs] == [("1-1", [1]), ("1-0", [2])]


def test_split_aligns_sentences(run_cli, write):
    en = write("en.txt", "Revenue grew. Margins improved.\n")
    zh = write("zh.txt", "營收成長。\n利潤率提高了。\n")
    run = run_cli("pair", en, zh, "--split", "--format", "beads")
    assert run.out.splitlines() == ["[0]:[0]", "[1]:[1]"]
