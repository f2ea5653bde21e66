"""The batch report as one self-contained HTML page over many documents.

The HTML is built with lxml, so every piece of text is escaped, and it has no external
resource: styles inline, charts as inline SVG.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import TextIO

from lxml import etree
from lxml.builder import ElementMaker

from align import __version__
from align.models import Finding, PairResult, Severity, Span
from align.report.batch import BINS, DocumentStats, decision_text, display_path, rollup
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

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#222}
h1,h2{font-weight:600} table{border-collapse:collapse;margin:.5rem 0 1rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4} .num{text-align:right} .sig{font-family:monospace;font-size:.85em;color:#555}
.pair{border:1px solid #ddd;border-radius:4px;padding:.5rem;margin:.5rem 0}
.pair p{margin:.25rem 0} mark{padding:0 .1em} mark.N{background:#ffe08a} mark.E{background:#b8e0ff}
mark.L,mark.P{background:#d9c8ff} mark.A,mark.M,mark.X{background:#ffc2c2}
.error{color:#b00020} .warning{color:#9a6700} .info{color:#555}
.meta{color:#444} #filters{position:sticky;top:0;background:#fff;padding:.5rem 0;
border-bottom:1px solid #ddd} #filters label{margin-right:1rem} li.dim{opacity:.35}
dl.rules dt{font-weight:600;margin-top:.75rem} dl.rules dd{margin:0 0 0 1rem}
dl.rules pre{white-space:pre-wrap;font-family:inherit;margin:.25rem 0}
"""

# Filters the pairs by rule, severity and review status (all three from the finding items'
# data attributes); the choice is kept in the address (#rule=E102&severity=error), so a
# filtered view can be linked to. No "</" may appear in it: it is inlined in <script>.
_SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  var keys = ["rule", "severity", "status"];
  function apply() {
    var want = {}, shown = 0, total = 0, hash = [];
    keys.forEach(function (k) {
      want[k] = form.elements[k].value;
      if (want[k]) { hash.push(k + "=" + encodeURIComponent(want[k])); }
    });
    document.querySelectorAll("div.pair").forEach(function (pair) {
      var any = false;
      pair.querySelectorAll("li[data-rule]").forEach(function (li) {
        var ok = keys.every(function (k) { return !want[k] || li.dataset[k] === want[k]; });
        li.classList.toggle("dim", !ok);
        any = any || ok;
      });
      pair.hidden = !any;
      if (pair.closest("section.document")) { total += 1; shown += any ? 1 : 0; }
    });
    document.getElementById("shown").textContent = shown + " of " + total + " flagged pairs shown";
    document.getElementById("no-match").hidden = shown > 0 || total === 0;
    history.replaceState(null, "", hash.length ? "#" + hash.join("&") : location.pathname);
  }
  location.hash.slice(1).split("&").forEach(function (kv) {
    var parts = kv.split("=");
    if (keys.indexOf(parts[0]) >= 0) {
      form.elements[parts[0]].value = decodeURIComponent(parts[1] || "");
    }
  });
  form.addEventListener("change", apply);
  apply();
})();
"""


def _generated() -> str:
    """The report's date, UTC; ``SOURCE_DATE_EPOCH`` fixes it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _marked(text: str, spans: list[tuple[Span, str]]) -> list[etree._Element | str]:
    """Text with the finding spans wrapped in <mark>, overlapping spans merged."""
    spans = sorted(spans, key=lambda s: s[0].start)
    parts: list[etree._Element | str] = []
    position = 0
    for span, family in spans:
        if span.start < position:
            continue
        parts.append(text[position : span.start])
        parts.append(E.mark(text[span.start : span.end], {"class": family}))
        position = span.end
    parts.append(text[position:])
    return parts


def _decision(finding: Finding) -> list[etree._Element]:
    text = decision_text(finding)
    return [E.em(text, {"class": "decision"})] if text else []


def _pair_block(result: PairResult) -> etree._Element:
    pair = result.pair
    src = [(f.source_span, f.code[0]) for f in result.findings if f.source_span]
    tgt = [(f.target_span, f.code[0]) for f in result.findings if f.target_span]
    items = []
    for finding in result.findings:
        path, line, _ = finding_location(result, finding)
        status = _status(finding)
        attributes = {"data-rule": finding.code, "data-severity": finding.severity.value,
                      "data-status": status}  # fmt: skip
        items.append(
            E.li(
                attributes,
                E.a(finding.code, href=f"#rule-{finding.code}", title="what this rule checks"),
                " ",
                E.span(finding.severity.value, {"class": finding.severity.value}),
                f" {display_path(path)}:{line} — {finding.message}",
                *_decision(finding),
            )
        )
    # Lines as everywhere: the pair's file lines here, each finding's own side's line above.
    heading = f"{display_path(pair.path)} lines {pair_lines(pair)}"
    return E.div(
        {"class": "pair"},
        E.p(E.b(heading), f" score {result.score:.2f} ({pair.kind})"),
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
        if count:  # the count on its bar (above it when the bar is short), not only a tooltip
            y = height - h + 11 if h > 14 else height - h - 2
            above = etree.SubElement(svg, "text", {"font-size": "10", "text-anchor": "middle"},
                                     x=str(i * (bar + 2) + bar / 2), y=str(y))  # fmt: skip
            above.text = str(count)
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
        link = E.a(code, href=f"#rule-{code}")
        rows.append(E.tr(E.td(link), E.td(name), E.td(str(n), {"class": "num"})))
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


def _worst_first(severity: Severity) -> int:
    return -severity.rank


def _status(finding: Finding) -> str:
    """The review status the report shows and filters by: a baselined finding is "baseline"."""
    return "baseline" if finding.baseline else finding.status


def _filters(documents: list[DocumentStats]) -> list[etree._Element]:
    """The filter bar over the pairs shown, and the message for when nothing matches."""
    findings = [f for doc in documents for r in doc.worst for f in r.findings]
    if not findings:
        return []
    choices = {
        "rule": sorted({f.code for f in findings}),
        "severity": [s.value for s in sorted({f.severity for f in findings}, key=_worst_first)],
        "status": sorted({_status(f) for f in findings}),
    }
    labels = []
    for key, values in choices.items():
        options = [E.option("all", value=""), *[E.option(v, value=v) for v in values]]
        labels.append(E.label(f"{key} ", E.select({"name": key}, *options)))
    return [
        E.form({"id": "filters"}, *labels, E.span({"id": "shown"})),
        E.p({"id": "no-match", "hidden": "hidden"}, "No pair matches the filter."),
    ]


def _rules_section(documents: list[DocumentStats]) -> list[etree._Element]:
    """What each rule in the report checks (``align rules CODE``), the target of every
    finding's code link."""
    from align.rules.base import REGISTRY

    codes = sorted({f.code for doc in documents for r in doc.worst for f in r.findings})
    entries: list[etree._Element] = []
    for code in codes:
        rule = REGISTRY.get(code)
        if rule is None:
            continue
        entries.append(E.dt({"id": f"rule-{code}"}, rule.heading))
        entries.append(E.dd(E.pre(rule.doc)))
    return [E.h2("Rules in this report"), E.dl({"class": "rules"}, *entries)] if entries else []


def _inputs_text(documents: list[DocumentStats], shown: int = 10) -> str:
    paths = [display_path(d.info.path) for d in documents]
    more = f" and {len(paths) - shown:,} more" if len(paths) > shown else ""
    return ", ".join(paths[:shown]) + more


def write_html(
    out: TextIO, documents: list[DocumentStats], signature: str, *, title: str = "align report"
) -> None:
    total = rollup(documents)
    per_document = E.table(
        E.tr(E.th("document"), E.th("format"), E.th("pairs"), E.th("flagged"), E.th("errors"),
             E.th("mean score")),
        *[E.tr(E.td(E.a(display_path(d.info.path), href=f"#doc-{i}")), E.td(d.info.format),
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
    inputs = f"{len(documents):,} input{'s' if len(documents) != 1 else ''}"
    meta = f"Generated {_generated()} by align {__version__} from {inputs}: "
    body = E.body(
        E.h1(title),
        E.p({"class": "meta"}, meta + _inputs_text(documents)),
        E.p({"class": "sig"}, f"signature: {signature}"),
        *_filters(documents),
        *overall,
    )
    for i, doc in enumerate(documents):
        heading = display_path(doc.info.path)
        section = E.section({"id": f"doc-{i}", "class": "document"}, *_section(doc, heading))
        body.append(section)
    for element in _rules_section(documents):
        body.append(element)
    body.append(E.script(_SCRIPT))
    page = E.html(
        {"lang": "en"},
        E.head(E.meta(charset="utf-8"), E.title(title), E.style(_CSS)),
        body,
    )
    out.write("<!DOCTYPE html>\n")
    out.write(etree.tostring(page, encoding="unicode", method="html", pretty_print=True))
