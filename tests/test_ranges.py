"""Large inputs read by byte ranges (``align.textio.line_ranges``, ``open_document(span=)``):
the ranges' pairs, one after the other, are the whole file's."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from align.errors import InputError
from align.formats import open_document
from align.textio import iter_lines, line_ranges


@pytest.mark.parametrize("seed", range(40))
def test_ranges_cut_at_line_ends_and_number_lines_as_the_whole_file(tmp_path, seed):
    rng = random.Random(seed)
    lines = ["x" * rng.randint(0, 30) + "行" * rng.randint(0, 3) for _ in range(rng.randint(0, 50))]
    text = "\n".join(lines) + ("\n" if rng.random() < 0.5 else "")
    path = tmp_path / "f.txt"
    path.write_text(text, "utf-8")
    size = rng.randint(1, 120)
    ranges = line_ranges(path, size)
    assert [x for span in ranges for x in iter_lines(path, span=span)] == list(iter_lines(path))
    assert all(a.end == b.start for a, b in itertools.pairwise(ranges))
    assert not ranges or (ranges[0].start == 0 and ranges[-1].end == path.stat().st_size)


def _rows(n: int) -> list[tuple[str, str]]:
    return [
        (f"Revenue grew {i}% in Q{i % 4 + 1}.", f"營收在第{i % 4 + 1}季增長了{i}%。")
        for i in range(n)
    ]


@pytest.mark.parametrize("header", ["source\ttarget\tnote\n", "target\tsource\n", ""])
def test_tsv_ranges_take_the_files_header(tmp_path, header):
    path = tmp_path / "c.tsv"
    swapped = header.startswith("target")
    body = "".join(f"{zh}\t{en}\n" if swapped else f"{en}\t{zh}\tn{k}\n"
                   for k, (en, zh) in enumerate(_rows(200)))  # fmt: skip
    path.write_text(header + body + "\n\n", "utf-8")
    whole = list(open_document(str(path)).pairs)
    assert len(whole) == 200
    for size in (64, 1000, 5000):
        spans = line_ranges(path, size)
        assert len(spans) > 1
        assert [p for s in spans for p in open_document(str(path), span=s).pairs] == whole


def test_jsonl_ranges_and_errors_name_the_files_line(tmp_path):
    path = tmp_path / "c.jsonl"
    records = [
        json.dumps({"source": en, "target": zh}, ensure_ascii=False) for en, zh in _rows(100)
    ]
    records[70] = '{"source": 1}'  # line 71
    path.write_text("\n".join(records) + "\n", "utf-8")
    spans = line_ranges(path, 500)
    bad = [s for s in spans if s.first_line <= 71][-1]
    before = [
        p for s in spans if s.start < bad.start for p in open_document(str(path), span=s).pairs
    ]
    assert before and before == list(itertools.islice(open_document(str(path)).pairs, len(before)))
    with pytest.raises(InputError, match="must be a string") as caught:
        list(open_document(str(path), span=bad).pairs)
    assert caught.value.line == 71 and Path(caught.value.path or "") == path


def test_leftovers_include_the_hidden_files_and_a_killed_writers_temporary_one(tmp_path):
    from align.shards import atomic_binary, carry_name, leftovers, merged_name, range_name

    for name in (range_name(0, 1), merged_name(0, 0), carry_name(0, 0)):
        with atomic_binary(tmp_path / name) as out:
            out.write(b"checked")
    (tmp_path / f".{range_name(0, 2)}.abc123.tmp").write_bytes(b"half")  # its writer died
    (tmp_path / f".{carry_name(0, 1)}.def456.tmp").write_bytes(b"half")
    (tmp_path / "part-00000.jsonl").write_text("{}\n", "utf-8")
    assert [p.name for p in leftovers(tmp_path)] == [
        "..carry-00000-00001.pickle.def456.tmp",
        "..range-00000-00002.pickle.abc123.tmp",
        ".carry-00000-00000.pickle",
        ".merged-00000-00000.jsonl",
        ".range-00000-00001.pickle",
    ]
