"""CC-CEDICT index: built from the installed package, cached on disk, and used by alignment."""

from align.alignment.lexicon import chinese_masks, english_masks
from align.lang import cedict
from align.lang.en import content_lemmas, lemma


def test_index_is_built_once_then_loaded_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path / "cache"))
    cedict._index.cache_clear()
    try:
        index = cedict.chinese_to_english()
        files = list((tmp_path / "cache").glob("cedict-*.marshal"))
        assert len(files) == 1
        assert "microsoft" in index["微软"].split()
        assert "market" in index["市场"].split()
        cedict._index.cache_clear()
        assert cedict.chinese_to_english() == index  # read back from the file
    finally:
        cedict._index.cache_clear()


def test_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path))
    cedict._index.cache_clear()
    try:
        cedict._cache_path().parent.mkdir(parents=True, exist_ok=True)
        cedict._cache_path().write_bytes(b"not marshal data")
        assert "deal" in cedict.chinese_to_english()["交易"].split()
    finally:
        cedict._index.cache_clear()


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
