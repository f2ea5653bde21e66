"""`align score`: sacreBLEU against a reference, script-normalised, with signatures."""

import json


def test_scores_per_pair_and_corpus_with_signatures(run_cli, write):
    path = write(
        "h.tsv", "Revenue was $105.6 million.\t營收為 1.056 億美元。\nThanks.\t謝謝大家。\n"
    )
    ref = write("ref.txt", "营收为1.056亿美元。\n感谢大家。\n")
    report = json.loads(run_cli("score", path, "--reference", ref, "--format", "json").out)
    first, second = report["pairs"]
    # Traditional hypothesis vs Simplified reference: script differences cost nothing.
    assert (first["bleu"], first["chrf"], first["ter"]) == (100.0, 100.0, 0.0)
    assert second["bleu"] < 100 and second["ter"] > 0
    assert 0 < report["corpus"]["bleu"] < 100
    assert "tok:zh" in report["signatures"]["bleu"]
    assert "asian:yes" in report["signatures"]["ter"]


def test_text_output(run_cli, write):
    path = write("h.tsv", "Thanks.\t謝謝。\n")
    run = run_cli("score", path, "--reference", write("ref.txt", "谢谢。\n"))
    assert run.code == 0
    assert "chrF 100.00\tTER   0.00" in run.out.splitlines()[1]
    assert "bleu signature: nrefs:1" in run.out


def test_reference_line_count_mismatch_is_an_input_error(run_cli, write):
    path = write("h.tsv", "One.\t一。\nTwo.\t二。\n")
    run = run_cli("score", path, "--reference", write("ref.txt", "一。\n"))
    assert run.code == 2 and "1 reference lines for 2 translated pairs" in run.err


def test_jieba_words_as_bleu_and_ter_tokens(run_cli, write):
    path = write(
        "h.tsv", "Revenue was $105.6 million.\t營收為 1.056 億美元。\nThanks all.\t謝謝大家。\n"
    )
    ref = write("ref.txt", "营收为1.056亿美元。\n感谢大家。\n")
    args = ("score", path, "--reference", ref, "--format", "json")
    chars = json.loads(run_cli(*args).out)
    words = json.loads(run_cli(*args, "--tokenize", "jieba").out)
    # Script and spacing are normalised before segmenting: the same words, a perfect score.
    first = words["pairs"][0]
    assert (first["bleu"], first["chrf"], first["ter"]) == (100.0, 100.0, 0.0)
    # 谢谢 for 感谢 is one wrong word of three, but only one wrong character of five.
    assert words["pairs"][1]["bleu"] < chars["pairs"][1]["bleu"]
    assert words["pairs"][1]["chrf"] == chars["pairs"][1]["chrf"]  # chrF counts characters
    assert "tok:none" in words["signatures"]["bleu"]
    assert "|seg:rjieba-" in words["signatures"]["bleu"]
    assert "|seg:rjieba-" in words["signatures"]["ter"]
    assert "seg:" not in chars["signatures"]["bleu"]


def test_segment_gives_jiebas_words_without_whitespace():
    from align.lang.words import segment

    assert segment("我们现在将听取发言。") == ["我们", "现在", "将", "听取", "发言", "。"]
    words = segment("营收为 1.056 亿美元")
    assert "".join(words) == "营收为1.056亿美元"
    assert not any(w.isspace() for w in words)
