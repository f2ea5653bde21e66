"""The batch report as Markdown: totals, rules and each document's worst pairs."""

from __future__ import annotations

from typing import TextIO

from align.models import PairResult
from align.report.batch import DocumentStats, decision_text, rollup


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
            decided = _md_cell(decision_text(finding))
            out.write(f"- `{finding.code}` {finding.severity.value}: "
                      f"{_md_cell(finding.message)}{decided}\n")  # fmt: skip
