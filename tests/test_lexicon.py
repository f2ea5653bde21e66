"""CC-CEDICT index: built from the installed package, cached on disk, and used by alignment."""

import gzip
import marshal
import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from align.alignment.lexicon import chinese_masks, english_masks, kept_latin_masks
from align.lang import cedict, cedict_build, cedict_index
from align.lang.en import content_lemmas, lemma

# A CC-CEDICT of five entries, in the real file's format: the cache tests build an index from
# it in milliseconds instead of building the real one (120,000 entries) once per test.
_TINY = """# CC-CEDICT
#! date=2026-01-01T00:00:00Z
#! entries=5
微軟 微软 [Wei1 ruan3] /Microsoft/
市場 市场 [shi4 chang3] /market/CL:個|个[ge4]/
交易 交易 [jiao1 yi4] /(business) transaction/business deal/CL:筆|笔[bi3]/
思科 思科 [Si1 ke1] /Cisco Systems, Inc./
了 了 [le5] /(completed action marker)/
"""


@pytest.fixture
def tiny_dictionary(tmp_path, monkeypatch):
    data = tmp_path / "cedict.txt.gz"
    data.write_bytes(gzip.compress(_TINY.encode("utf-8")))
    monkeypatch.setattr(cedict_build, "data_file", lambda: data)
    cedict_index.clear_cache()
    yield
    cedict_index.clear_cache()


@pytest.mark.usefixtures("tiny_dictionary")
def test_index_is_built_once_then_loaded_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path / "cache"))
    cedict_index.clear_cache()
    try:
        index = cedict.chinese_to_english()
        files = list((tmp_path / "cache").glob("cedict-*.marshal"))
        assert len(files) == 1
        assert "microsoft" in index["微软"].split()
        assert "market" in index["市场"].split()
        cedict_index.clear_cache()
        assert cedict.chinese_to_english() == index  # read back from the file
    finally:
        cedict_index.clear_cache()


@pytest.mark.parametrize(
    "content",
    [
        b"not marshal data",
        marshal.dumps({"every": {"交易": "deal"}}),  # an old layout
        marshal.dumps({"every": marshal.dumps({"交易": "deal"})}),  # loads, but parts are missing
        marshal.dumps({"every": b"\xff damaged", "__sha256__": b"0" * 32}),  # checksum fails
    ],
    ids=["garbage", "old-layout", "incomplete", "damaged"],
)
@pytest.mark.usefixtures("tiny_dictionary")
def test_unreadable_cache_is_rebuilt(tmp_path, monkeypatch, content):
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path))
    cedict_index.clear_cache()
    try:
        cedict_index.cache_path().parent.mkdir(parents=True, exist_ok=True)
        cedict_index.cache_path().write_bytes(content)
        assert "deal" in cedict.chinese_to_english()["交易"].split()
        assert cedict_index.cache_path().read_bytes() != content  # the rebuilt index replaced it
    finally:
        cedict_index.clear_cache()


@pytest.mark.usefixtures("tiny_dictionary")
def test_unwritable_cache_is_said_once(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"  # a cache folder under a file cannot be made, even by root
    blocker.write_text("")
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(blocker / "cache"))
    cedict_index.clear_cache()
    try:
        assert "deal" in cedict.chinese_to_english()["交易"].split()
        assert capsys.readouterr().err.count("ALIGN_CACHE_DIR") == 1
    finally:
        cedict_index.clear_cache()


def test_lemmas_meet_on_both_sides():
    assert lemma("created") == lemma("create") == lemma("creates")
    assert lemma("said") == "say" and lemma("men") == "man" and lemma("sanctified") == "sanctify"
    assert content_lemmas("The deals were signed") == ["deal", "sign"]


def test_masks_share_words_through_the_dictionary():
    vocab: dict[str, int] = {}
    (english,) = english_masks(["Microsoft entered the market"], vocab)
    right, wrong = chinese_masks(["微軟進入了市場", "我們很高興"], vocab)
    assert (english & right).bit_count() >= 2
    assert english & wrong == 0


def test_names_kept_in_latin_count_as_shared_words():
    english = ["And the sons of Javan; Elishah, and Tarshish.", "The isles were divided."]
    chinese = ["爪哇的儿子们。以利沙（Elishah），塔西什（Tarshish）。", "海岛被分开了。The end"]
    vocab: dict[str, int] = {}
    src, tgt = kept_latin_masks(english, chinese, vocab)
    assert (src[0] & tgt[0]).bit_count() == 2  # Elishah, Tarshish
    assert src[1] == 0  # "The" is a stop word; "isles" and "divided" are not in the Chinese
    assert not src[1] & tgt[1]


def test_kept_latin_bits_do_not_collide_with_gloss_lemmas():
    vocab: dict[str, int] = {}
    english_masks(["The market grew."], vocab)
    src, tgt = kept_latin_masks(["The market grew."], ["市场 market 增长了。"], vocab)
    assert src[0] & tgt[0]
    assert not src[0] & english_masks(["The market grew."], vocab)[0]


def test_cache_is_named_after_the_data_not_its_install_time(tmp_path, monkeypatch):
    data = tmp_path / "cedict.txt.gz"
    monkeypatch.setattr(cedict_build, "data_file", lambda: data)
    data.write_bytes(gzip.compress(b"A A [a1] /a/\n"))
    first = cedict_index.cache_path()
    os.utime(data, (1, 1))  # reinstalled: same content, another time
    assert cedict_index.cache_path() == first
    data.write_bytes(gzip.compress(b"B B [b1] /b/\n"))
    assert cedict_index.cache_path() != first


def test_a_new_index_removes_indexes_unused_for_a_month(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cedict_build, "build", lambda: {"every": {"交易": "deal"}})
    stale, recent = (
        tmp_path / "cedict-000000000000.marshal",
        tmp_path / "cedict-111111111111.marshal",
    )
    leftover, unrelated = tmp_path / "cedict-222222222222.123.tmp", tmp_path / "notes.txt"
    for path in (stale, recent, leftover, unrelated):
        path.write_bytes(b"x")
    month_ago = time.time() - 31 * 86400
    for path in (stale, leftover, unrelated):
        os.utime(path, (month_ago, month_ago))
    cedict_index.clear_cache()
    try:
        assert cedict.chinese_to_english() == {"交易": "deal"}
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [cedict_index.cache_path().name, recent.name, unrelated.name]
        )
        os.utime(cedict_index.cache_path(), (month_ago, month_ago))
        cedict_index.clear_cache()
        cedict.chinese_to_english()  # loading marks the index as used
        assert cedict_index.cache_path().stat().st_mtime > month_ago + 86400
    finally:
        cedict_index.clear_cache()


def test_a_part_is_decoded_once_even_from_several_threads_and_its_bytes_dropped():
    cedict_index.clear_cache()
    try:
        with ThreadPoolExecutor(4) as pool:
            found = list(pool.map(lambda _: cedict.english_names(), range(8)))
        assert all(names is found[0] for names in found) and "cisco" in found[0]
        assert "names" not in cedict_index._index()  # decoded: the raw bytes are gone
    finally:
        cedict_index.clear_cache()


def test_views_of_a_text_do_not_outlive_its_pair():
    # A benchmark of repeated text, or a file checked twice, must pay for every pair.
    from align.config import Settings
    from align.engine import Checker
    from align.lang.scan import headwords_in
    from align.models import Pair, Segment

    def pair(n: int, source: str, target: str) -> Pair:
        return Pair(f"p:{n}", Segment(source, "p", (n,)), Segment(target, "p", (n,)))

    checker = Checker(Settings())
    checker.check_pair(pair(1, "Thank you.", "謝謝你。"))
    checker.check_pair(pair(2, "Good morning.", "早安。"))
    misses = headwords_in.cache_info().misses
    headwords_in("謝謝你。")
    assert headwords_in.cache_info().misses == misses + 1
