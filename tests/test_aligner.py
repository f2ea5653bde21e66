import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from align import alignment
from align.alignment import align_lengths, beads, bitsets, learned
from align.alignment.bitsets import Sparse, bit_counts, bit_lists, overlaps_of
from align.alignment.model import LENGTH_HUBER, length_cost
from align.config import Settings
from align.context import PairContext
from align.lang.en import content_lemmas
from align.models import Pair, Segment
from tests.paths import SAMPLE


def test_one_to_one_when_lengths_agree():
    assert align_lengths([30, 60], [10, 20]) == [((0,), (0,)), ((1,), (1,))]


def test_merge_detected_when_two_english_sentences_become_one():
    beads = align_lengths([60, 60, 30], [40, 10])
    assert beads == [((0, 1), (0,)), ((2,), (1,))]


def test_split_detected_when_one_english_sentence_becomes_two():
    beads = align_lengths([120, 30], [20, 20, 10])
    assert beads == [((0,), (0, 1)), ((1,), (2,))]


def test_every_sentence_used_once_in_order():
    source, target = [10, 80, 15, 40, 5], [3, 14, 13, 5, 12, 2]
    beads = align_lengths(source, target)
    assert [i for s, _ in beads for i in s] == list(range(len(source)))
    assert [j for _, t in beads for j in t] == list(range(len(target)))


def test_context_reports_sentence_links_as_spans():
    src = "Good day, and welcome to the call. Today's conference is being recorded."
    tgt = "美好的一天，歡迎參加電話會議。今天的會議正在錄製中。"
    pair = Pair("x:1", Segment(src, "x", (1,)), Segment(tgt, "x", (2,)))
    links = PairContext(pair, Settings()).sentence_links
    assert [(link.source.slice(src), link.target.slice(tgt)) for link in links] == [
        ("Good day, and welcome to the call.", "美好的一天，歡迎參加電話會議。"),
        ("Today's conference is being recorded.", "今天的會議正在錄製中。"),
    ]


def test_length_cost_is_quadratic_near_zero_and_linear_far_out():
    assert length_cost(1.0) == 0.5
    assert length_cost(-1.0) == 0.5
    edge = LENGTH_HUBER
    assert abs(length_cost(edge) - edge * edge / 2) < 1e-12  # continuous at the edge
    far = length_cost(10.0) - length_cost(9.0)
    assert abs(far - edge) < 1e-12  # grows by LENGTH_HUBER per deviation
    assert length_cost(10.0) < 10.0 * 10.0 / 2


@settings(max_examples=200)
@given(
    st.lists(st.floats(1, 400), min_size=1, max_size=8).flatmap(
        lambda src: st.tuples(
            st.just(src),
            st.lists(st.floats(1, 150), min_size=len(src), max_size=len(src)),
        )
    )
)
def test_diagonal_shortcut_gives_what_the_dynamic_program_gives(lengths):
    source, target = lengths
    shortcut = align_lengths(source, target)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(alignment, "_diagonal_wins", lambda *args: False)
        assert align_lengths(source, target) == shortcut


def overlaps(src: list[int], tgt: list[int], first: np.ndarray, width: int) -> np.ndarray:
    return overlaps_of([Sparse.of(src)], Sparse.of(tgt), first, width)[0]


@settings(max_examples=60)
@given(
    st.lists(st.integers(0, (1 << 300) - 1), min_size=1, max_size=40),
    st.lists(st.integers(0, (1 << 300) - 1), min_size=1, max_size=40),
    st.integers(-5, 5),
    st.integers(1, 12),
)
def test_band_overlaps_equal_a_popcount_of_each_pair(src, tgt, offset, width):
    first = np.array([i + offset for i in range(len(src))])
    found = overlaps(src, tgt, first, width)
    with pytest.MonkeyPatch.context() as patch:  # blocks of a few rows: their edges too
        patch.setattr(bitsets, "BLOCK", 3)
        assert (overlaps(src, tgt, first, width) == found).all()
        assert bit_lists(src) == [[b for b in range(m.bit_length()) if m >> b & 1] for m in src]
    for r, mask in enumerate(src):
        for x in range(width):
            c = first[r] + x
            expected = (mask & tgt[c]).bit_count() if 0 <= c < len(tgt) else 0
            assert found[r, x] == expected


def test_band_overlaps_count_words_past_the_sixteen_bit_sort():
    # A vocabulary of over 65,536 words is ordered by a general sort rather than a radix one.
    high = 1 << 65_536  # as a 16-bit number, bit 0
    src, tgt = [high | 0b101, 0b11], [0b1, high | 0b100, 0b10]
    found = overlaps(src, tgt, np.array([0, 0]), 3)
    assert found.tolist() == [[1.0, 2.0, 0.0], [1.0, 0.0, 1.0]]


@given(st.lists(st.integers(0, (1 << 200) - 1), max_size=30))
def test_bit_lists_are_the_set_bits_in_order(masks):
    assert bit_lists(masks) == [
        [b for b in range(mask.bit_length()) if mask >> b & 1] for mask in masks
    ]


@given(st.lists(st.integers(0, (1 << 200) - 1), min_size=1, max_size=30))
def test_set_bits_are_each_masks_bits_in_order(masks):
    rows, bits = bitsets.set_bits(masks)
    expected = [
        (r, b) for r, mask in enumerate(masks) for b in range(mask.bit_length()) if mask >> b & 1
    ]
    assert list(zip(rows.tolist(), bits.tolist(), strict=True)) == expected


@given(st.lists(st.integers(0, (1 << 200) - 1), max_size=30))
@example([0] * 7 + [1])  # a block of masks with no bit set (found by hypothesis)
def test_postings_list_the_masks_holding_each_bit(masks):
    original, bitsets.BLOCK = bitsets.BLOCK, 7  # several blocks of masks
    try:
        found = bitsets.postings(masks)
    finally:
        bitsets.BLOCK = original
    expected: dict[int, list[int]] = {}
    for index, mask in enumerate(masks):
        for bit in range(mask.bit_length()):
            if mask >> bit & 1:
                expected.setdefault(bit, []).append(index)
    assert found == expected


@given(st.lists(st.integers(0, (1 << 200) - 1), max_size=30))
def test_bit_counts_count_each_bit_over_the_masks(masks):
    counts = bit_counts(masks)
    width = max(masks, default=0).bit_length()
    assert counts[:width] == [sum(mask >> b & 1 for mask in masks) for b in range(width)]
    assert not any(counts[width:])


def _names_document(size: int) -> tuple[list[str], list[str]]:
    """Sentences about people whose names the Chinese writes in characters only (no Latin, not
    in the dictionary), so only a lexicon learned from the document itself can see them."""
    syllables = [
        ("Ka", "卡"),
        ("Lo", "洛"),
        ("Mi", "米"),
        ("Ru", "鲁"),
        ("Zen", "岑"),
        ("Tor", "托"),
    ]
    names = [(a + b.lower(), x + y) for a, x in syllables for b, y in syllables if a != b]
    english, chinese = [], []
    for k in range(size):
        (a, x), (b, y) = names[k % len(names)], names[(7 * k + 3) % len(names)]
        english.append(f"{a} and {b} went home.")
        chinese.append(f"{x}和{y}回家了。")
    return english, chinese


def _learned_one_to_one(english: list[str], chinese: list[str]) -> dict[str, set[str]]:
    """What the learner takes from the document aligned line k to line k."""
    return learned.learned_pairs(
        [set(content_lemmas(s)) for s in english],
        [learned.han_bigrams(s) for s in chinese],
        [((k,), (k,)) for k in range(len(english))],
    )


def test_a_document_teaches_its_names_to_the_second_pass():
    pairs = _learned_one_to_one(*_names_document(200))
    assert pairs["卡洛"] == {"kalo"} and pairs["岑托"] == {"zentor"}
    assert "回家" not in pairs  # in every sentence: it tells none apart


def test_a_long_document_teaches_from_an_even_sample_of_its_beads(monkeypatch):
    assert learned.evenly_spread(list(range(200)), 80) == list(range(0, 200, 3))
    assert learned.evenly_spread(list(range(5)), 80) == [0, 1, 2, 3, 4]
    assert learned.evenly_spread([], 80) == []
    monkeypatch.setattr(learned, "_MAX_BEADS", 80)
    assert _learned_one_to_one(*_names_document(200))["卡洛"] == {"kalo"}


def test_second_pass_finds_a_dropped_line_only_names_can_place(monkeypatch):
    english, chinese = _names_document(200)
    target = chinese[:100] + chinese[101:]  # the translation of line 100 is missing
    gold = [((k,), (k - (k > 100),) if k != 100 else ()) for k in range(200)]
    assert alignment.align_sentences(english, target) == gold
    monkeypatch.setattr(alignment, "_MIN_SENTENCES", 10**6)  # first pass only
    assert alignment.align_sentences(english, target) != gold


def test_bead_costs_by_blocks_of_rows_give_the_same_alignment(monkeypatch):
    english, chinese = _names_document(200)
    target = [*chinese[:50], chinese[50] + chinese[51], *chinese[52:120], *chinese[121:]]
    whole = alignment.align_sentences(english, target)
    monkeypatch.setattr(beads, "_ROWS", 7)  # many blocks, none aligned with the band's rows
    assert alignment.align_sentences(english, target) == whole
    assert ((50, 51), (50,)) in whole and ((120,), ()) in whole


def _sample_lines() -> tuple[list[str], list[str]]:
    """The sample's English lines and their machine translations, one pair a line (the
    speaker lines, repeated untranslated, left out)."""
    lines = [line for line in SAMPLE.read_text("utf-8").splitlines()[1:] if line.strip()]
    english, chinese = [], []
    for source, target in zip(lines[::2], lines[1::2], strict=True):
        if source != target:
            english.append(source)
            chinese.append(target)
    return english, chinese


def _dropped_and_merged() -> tuple[list[str], list[str]]:
    """The sample with the translations of lines 20 and 21 merged into one line and the
    translation of line 47, in the middle, missing (the aligner of align 0.4 absorbed it into
    a 2-1 bead with line 46)."""
    english, chinese = _sample_lines()
    target = [*chinese[:20], chinese[20] + chinese[21], *chinese[22:47], *chinese[48:]]
    return english, target


def test_a_dropped_line_is_a_1_0_bead_and_a_correct_merge_stays_2_1():
    english, target = _dropped_and_merged()
    assert len(english) == 99
    found = alignment.align_sentences(english, target)
    assert ((20, 21), (20,)) in found  # the merge
    assert ((47,), ()) in found  # the drop: not absorbed into a neighbouring 2-1
    assert [bead for bead in found if not bead[0] or not bead[1]] == [((47,), ())]


def test_check_reports_the_dropped_line_as_a001(run_cli, write):
    english, target = _dropped_and_merged()
    en = write("en.txt", "\n".join(english) + "\n")
    zh = write("zh.txt", "\n".join(target) + "\n")
    run = run_cli("check", "--source", en, "--target", zh)
    missing = [line for line in run.out.splitlines() if ": A001 " in line]
    assert missing == [f"{en}:48: A001 error source has no translation"]


@pytest.mark.parametrize("at", [30, 70])
def test_of_two_lines_competing_for_a_translation_the_better_evidenced_keeps_it(at):
    # The translation names all four cities of the first line; the second, longer line shares
    # only one of them (its other names are nowhere in the Chinese), so it covers its few
    # known words fully and its length fits better. Its translation is the one missing.
    english, chinese = _sample_lines()
    first = "Sales rose in Oslo, Bergen, Malmo and Turku."
    translated = "奥斯陆（Oslo）、卑尔根（Bergen）、马尔默（Malmo）和图尔库（Turku）的销售额上升。"
    second = "Turku thanks Haakonsdottir, Lindqvistberg, Solbakkenstad, Fjellheimsen and Rasmusen."
    found = alignment.align_sentences(
        [*english[:at], first, second, *english[at:]], [*chinese[:at], translated, *chinese[at:]]
    )
    assert ((at,), (at,)) in found and ((at + 1,), ()) in found


@pytest.mark.parametrize("at", [5, 30, 60])
def test_a_missing_line_with_no_dictionary_word_is_a_1_0_bead(at):
    # Names the Chinese never has: no lexical evidence either way, which a merge used to get
    # for free while a 1-0 bead paid for it.
    english, chinese = _sample_lines()
    names = "Haakonsdottir, Lindqvistberg, Solbakkenstad, Fjellheimsen and Rasmusen."
    found = alignment.align_sentences([*english[:at], names, *english[at:]], chinese)
    assert ((at,), ()) in found


def test_within_runs_numbers_each_run_from_zero():
    assert bitsets.within_runs(np.array([2, 0, 3])).tolist() == [0, 1, 0, 1, 2]
    assert bitsets.within_runs(np.array([], dtype=np.int64)).tolist() == []
