"""`align report`: HTML (self-contained, escaped), Markdown, CSV and JSON batch reports."""

import csv
import json
from pathlib import Path

import lxml.html

from tests.paths import SAMPLE

SMALL = Path(__file__).parent / "data" / "small.txt"


def test_html_report_of_sample_parses_and_has_no_external_resource(run_cli, tmp_path):
    out = tmp_path / "report.html"
    run = run_cli("report", SAMPLE, SMALL, "-o", out)
    assert run.code == 0
    html = out.read_text("utf-8")
    page = lxml.html.fromstring(html)
    assert page.findtext(".//title") == "align report"
    for element in page.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute)
            assert value is None or value.startswith("#"), (element.tag, value)
    assert not page.findall(".//script") and not page.findall(".//link")
    assert "signature: align:0.4.0|" in html
    sections = page.findall(".//section")
    assert [s.findtext("h2") for s in sections] == [str(SAMPLE), str(SMALL)]
    assert len(page.findall(".//svg")) == 3  # roll-up plus one histogram per document
    marks = [m.text for m in page.iter("mark")]
    assert "Adobe" in marks and "AdAdobe" in marks  # E102 spans on both sides


def test_reports_over_documents_with_equal_worst_pairs(run_cli, write, tmp_path):
    """Two documents whose flagged pairs tie on score and position: the roll-up keeps the
    earlier ones (it once compared two results and crashed)."""
    docs = [write(f"{name}.tsv", "Revenue was $5 million.\t營收為 6 百萬美元。\n" * 12)
            for name in ("first", "second")]  # fmt: skip
    for out in (tmp_path / "r.html", tmp_path / "r.md"):
        assert run_cli("report", *docs, "-o", out).code == 0
    from lxml import html

    page = html.parse(str(tmp_path / "r.html"))
    overall = page.xpath("//details")[0]  # the all-documents roll-up comes first
    ids = [b.text for b in overall.xpath(".//div[@class='pair']/p/b")]
    assert len(ids) == 10 and all("first.tsv lines " in i for i in ids)
    pairs = [line for line in (tmp_path / "r.md").read_text("utf-8").splitlines()
             if line.startswith("**")]  # fmt: skip
    assert sum("first.tsv:" in p for p in pairs) == sum("second.tsv:" in p for p in pairs) == 12


def test_html_report_shows_every_flagged_pair_of_the_sample(run_cli, tmp_path):
    out = tmp_path / "r.html"
    assert run_cli("report", SAMPLE, "-o", out).code == 0
    from lxml import html

    page = html.parse(str(out))
    assert len(page.xpath("//div[@class='pair']")) == 22  # the sample's 22 flagged pairs
    assert page.xpath("//summary")[0].text == "Flagged pairs, worst first (22)"


def test_html_escapes_text(run_cli, write, tmp_path):
    doc = write(
        "x.tsv", "<script>alert(1)</script> Thank you.\t<script>alert(1)</script> Thank you.\n"
    )
    out = tmp_path / "r.html"
    run_cli("report", doc, "-o", out)
    html = out.read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_markdown_csv_json_reports(run_cli, tmp_path):
    md, table, data = tmp_path / "r.md", tmp_path / "r.csv", tmp_path / "r.json"
    for out in (md, table, data):
        assert run_cli("report", SMALL, "-o", out).code == 0
    text = md.read_text("utf-8")
    assert text.startswith("# align report") and "| L001 | 1 |" in text
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert {(r["code"], r["line"]) for r in rows} == {("L001", "9"), ("A001", "10")}
    assert json.loads(data.read_text("utf-8"))["schema"] == "align.report/1"


def test_unknown_report_type_is_a_usage_error(run_cli, tmp_path):
    run = run_cli("report", SMALL, "-o", tmp_path / "r.pdf")
    assert run.code == 2 and "unknown report type '.pdf'" in run.err


def test_jsonl_records_stay_one_line_each_with_unicode_line_separators(run_cli, write):
    # U+2028/U+2029/U+0085 are legal raw in JSON strings, but str.splitlines (and older
    # JavaScript) break lines there: they are written escaped.
    doc = write("x.tsv", "Revenue\u2028grew 5%.\t營收\u2029成長\x855%。\n")
    run = run_cli("check", doc, "--format", "jsonl")
    records = [json.loads(line) for line in run.out.splitlines()]
    assert records[0]["source"]["text"] == "Revenue\u2028grew 5%."
    assert records[0]["target"]["text"] == "營收\u2029成長\x855%。"
