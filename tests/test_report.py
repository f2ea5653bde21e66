"""`align report`: HTML (self-contained, escaped), Markdown, CSV and JSON batch reports."""

import csv
import json
from pathlib import Path

import lxml.html

from align.report.batch import display_path
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
    assert not page.findall(".//link")
    assert all(script.get("src") is None for script in page.findall(".//script"))  # inline
    assert "signature: align:0.8.12|" in html
    sections = page.findall(".//section")
    assert [s.findtext("h2") for s in sections] == [display_path(str(SAMPLE)),
                                                    display_path(str(SMALL))]  # fmt: skip
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
    assert "alert(1)" in html and "<script>alert" not in html and "&lt;script&gt;" in html
    assert html.count("<script") == 1  # only the report's own filter script


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


def test_html_report_header_filters_rule_explanations_and_counts(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(SAMPLE.parents[1])  # the repository: paths are shown relative to it
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2025-12-02 00:00 UTC
    out = tmp_path / "report.html"
    assert run_cli("report", SAMPLE, "-o", out, "--title", "Okta Q3 review").code == 0
    page = lxml.html.fromstring(out.read_text("utf-8"))
    assert page.findtext(".//title") == page.findtext(".//h1") == "Okta Q3 review"
    meta = page.find(".//p[@class='meta']").text_content()
    assert meta.startswith("Generated 2025-12-02 00:00 UTC by align 0.8.12 from 1 input: corpora/")
    items = page.xpath("//section[@class='document']//li[@data-rule]")
    codes = {li.get("data-rule") for li in items}
    assert {"E102", "N209", "M101"} <= codes
    assert {li.get("data-severity") for li in items} == {"error", "warning"}
    assert {li.get("data-status") for li in items} == {"open"}
    # Every filter choice is a value that occurs, and every code links to its explanation.
    options = page.xpath("//form[@id='filters']//select[@name='rule']/option/@value")
    assert options == ["", *sorted(codes)]
    for code in codes:
        explanation = page.xpath(f"//dt[@id='rule-{code}']/following-sibling::dd[1]")[0]
        assert "Why it matters" in explanation.text_content()
    assert all(a.get("href") == f"#rule-{a.text}" for a in page.xpath("//li[@data-rule]/a"))
    # Histogram bars carry their counts as visible text, not only as tooltips.
    counts = [t.text for t in page.xpath("//svg/text") if t.text and t.text.isdigit()]
    assert sum(map(int, counts)) == 152  # the sample's pairs
    assert str(SAMPLE) not in out.read_text("utf-8")  # absolute paths nowhere


def _chromium_dom(path: Path, fragment: str = "") -> lxml.html.HtmlElement:
    import shutil
    import subprocess

    import pytest

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("headless Chromium is not installed (apt install chromium)")
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
         f"{path.as_uri()}{fragment}"],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    return lxml.html.fromstring(dom)


def test_html_report_in_headless_chromium_shows_every_pair_and_filters(run_cli, tmp_path):
    out = tmp_path / "report.html"
    assert run_cli("report", SAMPLE, "-o", out).code == 0
    flagged = "//section[@class='document']//div[@class='pair']"
    page = _chromium_dom(out)
    assert len(page.xpath(flagged)) == 22
    assert not page.xpath(f"{flagged}[@hidden]")  # all 22 visible, none hidden
    assert page.xpath("string(//span[@id='shown'])") == "22 of 22 flagged pairs shown"
    page = _chromium_dom(out, "#rule=E102")
    visible = page.xpath(f"{flagged}[not(@hidden)]")
    assert len(visible) == 1 and "AdAdobe" in visible[0].text_content()
    page = _chromium_dom(out, "#rule=E102&severity=warning")  # E102 here is an error
    assert page.xpath("string(//span[@id='shown'])") == "0 of 22 flagged pairs shown"
    assert page.xpath("//p[@id='no-match'][not(@hidden)]")
