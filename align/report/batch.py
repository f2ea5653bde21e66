"""Batch reports for people: one self-contained HTML page (or Markdown) over many documents.

The checks stream; per document only totals, a score histogram and the worst pairs are kept,
so a batch of any size fits in memory. The HTML is built with lxml, so every piece of text is
escaped, and it has no external resource: styles inline, charts as inline SVG.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from lxml import etree
from lxml.builder import ElementMaker

from align import __version__
from align.models import Finding, InputInfo, PairResult, RunSummary, Span
from align.report.context import finding_location, pair_lines
from align.textio import xml_safe


def _text(element: etree._Element, text: str) -> None:
    text = xml_safe(text)
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _attributes(element: etree._Element, attributes: dict[str, str]) -> None:
    for key, value in attributes.items():
        element.set(key, xml_safe(value))


# lxml's element builder, with every text and attribute made XML-safe on the way in: input
# text may hold characters (U+000B, U+FFFE …) that lxml refuses.
E = ElementMaker(typemap={str: _text, dict: _attributes})

BINS = 10
# Flagged pairs shown per document, worst first (every one of them, up to this many: the
# report says when there were more), and in the all-documents roll-up.
WORST = 2000
WORST_OVERALL = 10
# Orders the worst pairs of equal score across documents (earlier first): the heap must never
# compare two results, and a position within one document repeats in the next.
_ARRIVAL = itertools.count()


@dataclass
class DocumentStats:
    info: InputInfo
    summary: RunSummary = field(default_factory=RunSummary)
    histogram: list[int] = field(default_factory=lambda: [0] * BINS)
    # (−score, −arrival, result): the lowest-scoring flagged pairs, kept with a bounded heap.
    _worst: list[tuple[float, int, PairResult]] = field(default_factory=list)

    def add(self, result: PairResult) -> None:
        self.summary.add(result)
        self.histogram[min(int(result.score * BINS), BINS - 1)] += 1
        if any(f.is_open for f in result.findings):
            item = (-result.score, -next(_ARRIVAL), result)
            if len(self._worst) < WORST:
                heapq.heappush(self._worst, item)
            else:
                heapq.heappushpop(self._worst, item)

    @property
    def worst(self) -> list[PairResult]:
        return [r for _, _, r in sorted(self._worst, key=lambda x: (-x[0], -x[1]))]


def rollup(documents: Iterable[DocumentStats]) -> DocumentStats:
    total = DocumentStats(InputInfo("all documents", "batch"))
    for doc in documents:
        s, t = doc.summary, total.summary
        t.pairs += s.pairs
        t.flagged += s.flagged
        t.decided += s.decided
        t.score_total += s.score_total
        for key, n in s.by_severity.items():
            t.by_severity[key] += n
        for key, n in s.by_code.items():
            t.by_code[key] = t.by_code.get(key, 0) + n
        total.histogram = [a + b for a, b in zip(total.histogram, doc.histogram, strict=True)]
        for item in doc._worst:
            heapq.heappush(total._worst, item)
            if len(total._worst) > WORST_OVERALL:
                heapq.heappop(total._worst)
    return total


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#222}
h1,h2{font-weight:600} table{border-collapse:collapse;margin:.5rem 0 1rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4} .num{text-align:right} .sig{font-family:monospace;font-size:.85em;color:#555}
.pair{border:1px solid #ddd;border-radius:4px;padding:.5rem;margin:.5rem 0}
.pair p{margin:.25rem 0} mark{padding:0 .1em} mark.N{background:#ffe08a} mark.E{background:#b8e0ff}
mark.L,mark.P{background:#d9c8ff} mark.A,mark.M,mark.X{background:#ffc2c2}
.error{color:#b00020} .warning{color:#9a6700} .info{color:#555}
"""


def _marked(text: str, spans: list[tuple[Span, str]]) -> list[object]:
    """Text with the finding spans wrapped in <mark>, overlapping spans merged."""
    spans = sorted(spans, key=lambda s: s[0].start)
    parts: list[object] = []
    position = 0
    for span, family in spans:
        if span.start < position:
            continue
        parts.append(text[position : span.start])
        parts.append(E.mark(text[span.start : span.end], {"class": family}))
        position = span.end
    parts.append(text[position:])
    return parts


def _decision_text(finding: Finding) -> str:
    """`` [false-positive: a greeting]`` for a decided finding, "" for an open one."""
    if finding.status == "open" and not finding.note:
        return ""
    note = f": {finding.note}" if finding.note else ""
    return f" [{finding.status}{note}]"


def _decision(finding: Finding) -> list[object]:
    text = _decision_text(finding)
    return [E.em(text, {"class": "decision"})] if text else []


def _pair_block(result: PairResult) -> etree._Element:
    pair = result.pair
    src = [(f.source_span, f.code[0]) for f in result.findings if f.source_span]
    tgt = [(f.target_span, f.code[0]) for f in result.findings if f.target_span]
    items = []
    for finding in result.findings:
        path, line, _ = finding_location(result, finding)
        items.append(
            E.li(
                E.span(
                    f"{finding.code} {finding.severity.value}", {"class": finding.severity.value}
                ),
                f" {path}:{line} — {finding.message}",
                *_decision(finding),
            )
        )
    return E.div(
        {"class": "pair"},
        # Lines as everywhere: the pair's file lines here, each finding's own side's line above.
        E.p(
            E.b(f"{pair.path} lines {pair_lines(pair)}"), f" score {result.score:.2f} ({pair.kind})"
        ),
        E.p(*_marked(pair.source_text, src)),
        E.p({"lang": "zh"}, *_marked(pair.target_text, tgt)),
        E.ul(*items),
    )


def _histogram_svg(histogram: list[int]) -> etree._Element:
    width, height, bar = 320, 120, 30
    top = max(histogram) or 1
    svg = etree.Element("svg", xmlns="http://www.w3.org/2000/svg", width=str(width),
                        height=str(height + 20), role="img")  # fmt: skip
    etree.SubElement(svg, "title").text = "pairs by score (0 to 1, in tenths)"
    for i, count in enumerate(histogram):
        h = round(count / top * height)
        etree.SubElement(svg, "rect", x=str(i * (bar + 2)), y=str(height - h), width=str(bar),
                         height=str(h), fill="#d9534f" if i < 5 else "#5cb85c")  # fmt: skip
        label = etree.SubElement(svg, "text", {"font-size": "10", "text-anchor": "middle"},
                                 x=str(i * (bar + 2) + bar / 2), y=str(height + 14))  # fmt: skip
        label.text = f"{i / BINS:.1f}"
        etree.SubElement(label, "title").text = f"{count} pairs"
    return svg


def _totals_table(doc: DocumentStats) -> etree._Element:
    s = doc.summary
    return E.table(
        E.tr(E.th("pairs"), E.th("flagged"), E.th("errors"), E.th("warnings"), E.th("info"),
             E.th("decided"), E.th("mean score")),
        E.tr(*[E.td(str(v), {"class": "num"}) for v in (
            s.pairs, s.flagged, s.by_severity["error"], s.by_severity["warning"],
            s.by_severity["info"], s.decided, f"{s.score_mean:.3f}")]),
    )  # fmt: skip


def _codes_table(doc: DocumentStats) -> etree._Element:
    from align.rules.base import REGISTRY

    rows = [E.tr(E.th("rule"), E.th("name"), E.th("findings"))]
    for code, n in sorted(doc.summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        name = REGISTRY[code].name if code in REGISTRY else ""
        rows.append(E.tr(E.td(code), E.td(name), E.td(str(n), {"class": "num"})))
    return E.table(*rows)


def _section(doc: DocumentStats, heading: str, *, overall: bool = False) -> list[etree._Element]:
    shown = doc.worst
    flagged = doc.summary.flagged
    if overall:
        title = f"The {len(shown)} worst pairs of all documents"
    elif len(shown) < flagged:
        title = f"Flagged pairs, worst first: the {len(shown):,} worst of {flagged:,}"
    else:
        title = f"Flagged pairs, worst first ({flagged:,})"
    return [
        E.h2(heading),
        _totals_table(doc),
        _histogram_svg(doc.histogram),
        _codes_table(doc),
        # <details>: collapsible without a script; open, so printing shows everything
        E.details({"open": "open"}, E.summary(title), *[_pair_block(r) for r in shown]),
    ]


def write_html(out: TextIO, documents: list[DocumentStats], signature: str) -> None:
    total = rollup(documents)
    per_document = E.table(
        E.tr(E.th("document"), E.th("format"), E.th("pairs"), E.th("flagged"), E.th("errors"),
             E.th("mean score")),
        *[E.tr(E.td(E.a(d.info.path, href=f"#doc-{i}")), E.td(d.info.format),
               E.td(str(d.summary.pairs), {"class": "num"}),
               E.td(str(d.summary.flagged), {"class": "num"}),
               E.td(str(d.summary.by_severity["error"]), {"class": "num"}),
               E.td(f"{d.summary.score_mean:.3f}", {"class": "num"}))
          for i, d in enumerate(documents)],
    )  # fmt: skip
    overall = (
        [*_section(total, f"All documents ({len(documents)})", overall=True),
         E.h2("Documents"), per_document]
        if len(documents) > 1 else []  # one document: its own section says it all
    )  # fmt: skip
    body = E.body(
        E.h1("align report"),
        E.p({"class": "sig"}, f"align {__version__} — signature: {signature}"),
        *overall,
    )
    for i, doc in enumerate(documents):
        section = E.section({"id": f"doc-{i}"}, *_section(doc, doc.info.path))
        body.append(section)
    page = E.html(
        {"lang": "en"},
        E.head(E.meta(charset="utf-8"), E.title("align report"), E.style(_CSS)),
        body,
    )
    out.write("<!DOCTYPE html>\n")
    out.write(etree.tostring(page, encoding="unicode", method="html", pretty_print=True))


def _md_cell(text: str) -> str:
    """Text for one line of Markdown: HTML escaped (Markdown viewers render raw HTML, and
    input text may hold <script>), table bars escaped, line breaks as spaces."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("|", "\\|").replace("\n", " ")


def write_markdown(out: TextIO, documents: list[DocumentStats], signature: str) -> None:
    total = rollup(documents)
    s = total.summary
    out.write("# align report\n\n")
    out.write(f"`{signature}`\n\n")
    out.write(f"{s.pairs} pairs in {len(documents)} documents, {s.flagged} flagged "
              f"({s.by_severity['error']} errors, {s.by_severity['warning']} warnings, "
              f"{s.by_severity['info']} info open, {s.decided} decided in review); "
              f"mean score {s.score_mean:.3f}.\n\n")  # fmt: skip
    out.write("| document | pairs | flagged | errors | mean score |\n|---|---:|---:|---:|---:|\n")
    for doc in documents:
        d = doc.summary
        out.write(f"| {_md_cell(doc.info.path)} | {d.pairs} | {d.flagged} | "
                  f"{d.by_severity['error']} | {d.score_mean:.3f} |\n")  # fmt: skip
    out.write("\n| rule | findings |\n|---|---:|\n")
    for code, n in sorted(s.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"| {code} | {n} |\n")
    for doc in documents:
        shown, flagged = doc.worst, doc.summary.flagged
        more = f" (the {len(shown):,} worst of {flagged:,})" if len(shown) < flagged else ""
        out.write(f"\n## {_md_cell(doc.info.path)}: flagged pairs, worst first{more}\n")
        _markdown_pairs(out, shown)


def _markdown_pairs(out: TextIO, results: list[PairResult]) -> None:
    for result in results:
        out.write(f"\n**{_md_cell(result.pair.id)}** — score {result.score:.2f}\n\n")
        out.write(f"- EN: {_md_cell(result.pair.source_text)}\n")
        out.write(f"- ZH: {_md_cell(result.pair.target_text)}\n")
        for finding in result.findings:
            decided = _md_cell(_decision_text(finding))
            out.write(f"- `{finding.code}` {finding.severity.value}: "
                      f"{_md_cell(finding.message)}{decided}\n")  # fmt: skip


CSV_COLUMNS = ("path", "line", "column", "pair", "code", "name", "severity", "status", "message",
               "source_text", "target_text", "score", "fingerprint")  # fmt: skip


def write_csv(out: TextIO, results: Iterable[PairResult]) -> None:
    """One row per finding (streams)."""
    import csv

    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for result in results:
        for f in result.findings:
            path, line, column = finding_location(result, f)
            writer.writerow([path, line, column, result.pair.id, f.code, f.name,
                             f.severity.value, f.status, f.message, f.source_text,
                             f.target_text, result.score, f.fingerprint])  # fmt: skip
