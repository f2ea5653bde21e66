"""Fuzz the readers, every rule and every writer; prints crashes and timings (not a test).

    python tests/bench/fuzz.py [--inputs 100000] [--seed 0] [--writers-every 10]

Each input is random text built from pieces that matter to align (both scripts, numbers with
scales and units, separators, brackets, markup of every input format, control and invalid
characters), or random bytes, written to a file of a random input format and checked with
every rule, in-process. An ``InputError`` (the one-line error the CLI prints with exit 2) is
a correct outcome; any other exception is a crash, printed with the input so it can become a
regression test. Also counted: X001 findings (a rule that raised), the slowest pair, and
malformed output of the writers (every ``--writers-every``-th input goes through each check
format, parsed back as JSON or XML, and through the HTML, Markdown and CSV batch reports and
the TMX pair writer).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from align.config import Settings
from align.engine import Checker
from align.errors import InputError
from align.formats import READERS, open_document
from align.models import Pair, Segment

SUFFIX = {
    "interleaved": ".txt", "tsv": ".tsv", "csv": ".csv", "jsonl": ".jsonl",
    "monolingual": ".md", "tmx": ".tmx", "xliff": ".xlf",
}  # fmt: skip
PIECES = [
    "Okta", "revenue", " grew ", "58%", "$105.6 million", "$97.7 million", "2 markets",
    "180 basis points", "Q3", "fiscal 2019", "over 20 points", "negative 3.2%", "Todd McKinnon",
    "with William Blair", "The floor is yours.", "give us some color", "Thanks, Catherine.",
    "營收", "成長", "1.056 億美元", "9,770 萬美元", "兩個市場", "180 個基點", "第三季", "負 3.2%",
    "托德·麥金農", "威廉·布萊爾", "地板是你的了", "襯套。", "進行瞭", "这是我们的", "發展戰略",
    "。", "，", "、", ". ", ", ", "; ", "?", "!", "\t", "\n", "\r\n", "\n\n", " ", '"', "'",
    "(", ")", "（", "）", "「", "」", "《", "》", "[", "]", "{", "}", "<", ">", "&", "&amp;",
    '{"source": "', '", "target": "', '"}', "<tu><tuv xml:lang=\"en\"><seg>", "</seg></tuv>",
    "<trans-unit><source>", "</source><target>", "</target></trans-unit>", "---\n", "# ",
    "\ufeff", "\x00", "\u200b", "\u00a0", "\u3000", "𠀀", "\ud800", "½", "٣", "Ⅲ", "萬", "億",
    "兆", "千", "百分之", "成", "點", "-", "–", "—", "~", "～", "至", "到", "多", "約", "以上",
    "\x0b", "\x0c", "\ufffe", "\x1f", "9" * 40, "九億億億", "USD999999999z", "二十四萬五",
    "五分之二", "貳仟參佰", "零下七度", "forty two thousand", "point five", "24/7", "1 1/2",
    "half past three", "Dr. Pike", "第5區", "45-6萬", "...", "…", "廿", "壹",
]  # fmt: skip


def _text(rng: random.Random, most: int = 60) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, most)))


def _well_formed(fmt: str, rng: random.Random) -> str:
    """A valid file of ``fmt`` whose texts are random: it reaches the rules, not just the reader."""
    rows = [(_text(rng, 15).replace("\n", " "), _text(rng, 15).replace("\n", " "))
            for _ in range(rng.randint(1, 4))]  # fmt: skip
    if fmt == "tsv":
        return "source\ttarget\n" + "".join(f"{a.replace(chr(9), ' ')}\t{b.replace(chr(9), ' ')}\n"
                                             for a, b in rows)  # fmt: skip
    if fmt == "jsonl":
        return "".join(json.dumps({"source": a, "target": b}) + "\n" for a, b in rows)
    if fmt in ("tmx", "xliff"):
        units = "".join(
            f"<tu><tuv xml:lang='en'><seg>{escape(a)}</seg></tuv>"
            f"<tuv xml:lang='zh'><seg>{escape(b)}</seg></tuv></tu>"
            for a, b in rows
        )
        if fmt == "tmx":
            return f"<tmx version='1.4'><header srclang='en'/><body>{units}</body></tmx>"
        units = "".join(
            f"<trans-unit id='{i}'><source>{escape(a)}</source><target>{escape(b)}</target>"
            "</trans-unit>" for i, (a, b) in enumerate(rows)
        )  # fmt: skip
        return (f"<xliff version='1.2'><file source-language='en' target-language='zh'>"
                f"<body>{units}</body></file></xliff>")  # fmt: skip
    return "".join(f"{a}\n{b}\n" for a, b in rows)


def random_input(fmt: str, rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.1:
        return rng.randbytes(rng.randint(0, 300))
    text = _well_formed(fmt, rng) if roll < 0.6 else _text(rng)
    return text.encode("utf-8", errors="surrogatepass")


def _check_writers(results: list, doc_info: object, checker: Checker, folder: str) -> int:  # type: ignore[type-arg]
    """Every check format and batch report over ``results``; returns how many were malformed."""
    from lxml import etree

    from align.formats.tmx import write_tmx
    from align.report import FORMATS, ReportContext, writer
    from align.report.batch import DocumentStats
    from align.report.csv import write_csv
    from align.report.html import write_html
    from align.report.markdown import write_markdown

    bad = 0
    for fmt in FORMATS:
        out = io.StringIO()
        writer(fmt)(out, iter(results), ReportContext([doc_info], checker.signature))  # type: ignore[list-item]
        text = out.getvalue()
        try:
            if fmt in {"json", "sarif"}:
                json.loads(text)
            elif fmt == "jsonl":
                for line in text.splitlines():
                    json.loads(line)
            elif fmt == "junit":
                etree.fromstring(text.encode("utf-8"))
        except (ValueError, etree.XMLSyntaxError) as exc:
            bad += 1
            print(f"MALFORMED {fmt}: {exc}")
    stats = DocumentStats(doc_info)  # type: ignore[arg-type]
    for result in results:
        stats.add(result)
    for write in (write_html, write_markdown):
        write(io.StringIO(), [stats], checker.signature)
    write_csv(io.StringIO(), iter(results))
    tmx = io.BytesIO()
    write_tmx(tmx, [r.pair for r in results], "en", "zh")
    try:
        etree.fromstring(tmx.getvalue())
    except etree.XMLSyntaxError as exc:
        bad += 1
        print(f"MALFORMED tmx: {exc}")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--writers-every", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    checker = Checker(Settings())
    warm = Pair(
        "w", Segment("Revenue was $5 million.", "w", (1,)), Segment("營收為500萬美元。", "w", (2,))
    )
    checker.check_pair(warm)  # load the dictionary before any pair is timed
    formats = sorted(READERS)
    crashes, input_errors, pairs, x001, malformed = 0, 0, 0, 0, 0
    slowest = (0.0, "")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.inputs):
            fmt = rng.choice(formats)
            path = Path(folder) / f"input{SUFFIX[fmt]}"
            data = random_input(fmt, rng)
            path.write_bytes(data)
            try:
                document = open_document(str(path), fmt=fmt)
                results = []
                stream = checker.check_document(document)
                while True:
                    began = time.perf_counter()
                    result = next(stream, None)
                    took = time.perf_counter() - began
                    if result is None:
                        break
                    pairs += 1
                    results.append(result)
                    x001 += sum(f.code == "X001" for f in result.findings)
                    if took > slowest[0]:
                        slowest = (took, f"#{n} {fmt} pair {result.pair.id}")
                if args.writers_every and n % args.writers_every == 0:
                    malformed += _check_writers(results, document.info.freeze(), checker, folder)
            except InputError:
                input_errors += 1
            except Exception:  # a crash: print it so it can become a regression test
                crashes += 1
                print(f"CRASH #{n} format={fmt} input={data!r}")
                traceback.print_exc(limit=3)
    elapsed = time.perf_counter() - started
    print(
        f"{args.inputs} inputs ({pairs} pairs checked, {input_errors} input errors) "
        f"in {elapsed:.0f} s: {crashes} crashes, {x001} X001 findings, {malformed} malformed "
        f"outputs; slowest pair {slowest[0] * 1000:.1f} ms ({slowest[1]})"
    )


if __name__ == "__main__":
    main()
