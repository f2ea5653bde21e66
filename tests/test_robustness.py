"""Any input, however damaged, gives results or a one-line input error: never a traceback."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.cli import main
from align.errors import InputError
from align.formats import READERS, open_document
from align.formats.tmx import write_tmx
from align.models import Pair, Segment

SUFFIX = {
    "interleaved": ".txt", "tsv": ".tsv", "csv": ".csv", "jsonl": ".jsonl",
    "monolingual": ".md", "tmx": ".tmx", "xliff": ".xlf",
}  # fmt: skip
# Text that exercises the readers and rules: both scripts, digits, separators, markup.
SOUP = st.text(
    alphabet=st.sampled_from(
        [
            *"Okta revenue grew 58% $105.6 million 營收成長1.056億美元。，、\t\n\r\"'<>&;:{}[]()",
            *["\u00a0", "\u3000", "\ufeff", "\x00", "𠀀", "·", "…", "》", "「", "」"],
        ]
    ),
    max_size=300,
) | st.text(max_size=200)


def run_check(path, *extra):
    """The CLI in-process: only exit codes 0, 1 and 2 are acceptable; anything else raises."""
    return main(["check", str(path), "--format", "jsonl", *extra])


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=SOUP, fmt=st.sampled_from(sorted(READERS)))
def test_any_text_in_any_format_never_crashes(tmp_path, capsys, text, fmt):
    path = tmp_path / f"input{SUFFIX[fmt]}"
    path.write_text(text, "utf-8", errors="surrogatepass")
    code = run_check(path, "--input-format", fmt)
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 2:
        assert err.count("\n") == 1 and err.startswith(f"align: error: {path}")
    else:
        for line in out.splitlines():
            json.loads(line)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_binary_garbage_is_an_input_error_or_checked(tmp_path, capsys, data):
    path = tmp_path / "garbage.txt"
    path.write_bytes(data)
    assert run_check(path) in (0, 1, 2)
    assert "Traceback" not in capsys.readouterr().err


PAIR_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(PAIR_TEXT, PAIR_TEXT), min_size=1, max_size=5))
def test_tmx_round_trip(tmp_path, rows):
    pairs = [
        Pair(f"x:{i}", Segment(en, "x", (i,)), Segment(zh, "x", (i,)))
        for i, (en, zh) in enumerate(rows, start=1)
    ]
    path = tmp_path / "round.tmx"
    with open(path, "wb") as out:
        write_tmx(out, pairs, "en", "zh-Hant")
    back = [(p.source_text, p.target_text) for p in open_document(str(path)).pairs]
    assert back == rows


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(PAIR_TEXT, PAIR_TEXT), min_size=1, max_size=5))
def test_jsonl_round_trip(tmp_path, rows):
    path = tmp_path / "round.jsonl"
    lines = [json.dumps({"source": en, "target": zh}, ensure_ascii=False) for en, zh in rows]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    back = [(p.source_text, p.target_text) for p in open_document(str(path)).pairs]
    assert back == rows


def test_empty_file_checks_to_nothing(write, run_cli):
    run = run_cli("check", write("empty.txt", ""))
    assert run.code == 0 and "0 pairs" in run.out


def test_ten_megabyte_line_is_reported_not_checked(tmp_path, run_cli):
    path = tmp_path / "one-line.txt"
    english = "Revenue grew 58% to $105.6 million this quarter. " * 210_000
    path.write_text(english + "\n" + "營收成長 58%，達 1.056 億美元。" * 10 + "\n", "utf-8")
    assert path.stat().st_size > 10_000_000
    run = run_cli("check", path)
    assert run.code == 0 and "X003 warning" in run.out and "not checked" in run.out


def test_max_segment_chars_setting(write, run_cli):
    config = write("align.toml", "max-segment-chars = 10\n")
    data = write("x.tsv", "source\ttarget\nRevenue grew 58%.\t營收成長 58%。\n")
    assert "X003" in run_cli("check", data, "--config", config).out


def test_readers_raise_only_input_errors(write):
    bad = write("bad.jsonl", '{"source": "x", "target": 3}\n')
    with pytest.raises(InputError):
        list(open_document(str(bad)).pairs)


def test_jsonl_unpaired_surrogate_is_an_input_error(write, run_cli):
    # Found by tests/bench/fuzz.py: a JSON escape of half a surrogate pair crashed the rules.
    bad = write("s.jsonl", '{"source": "Okta \\ud800", "target": "好"}\n')
    run = run_cli("check", bad)
    assert run.code == 2 and "unpaired surrogate \\ud800" in run.err and ":1:" in run.err
