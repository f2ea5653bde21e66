"""A finding's identity follows the sentences it points at: decisions and baselines survive
edits elsewhere in the paragraph, moved lines and renamed files, and decisions made with the
version-1 fingerprint (whole pair texts) still apply."""

from __future__ import annotations

import json

from align.fingerprint import legacy_fingerprint, sentences_around
from align.models import Span
from align.review.store import ReviewStore

EN = "The weather was calm. Revenue rose to $5 million. We thank our staff."
ZH = "天氣平靜。營收增至 600 萬美元。我們感謝員工。"


def _report(run_cli, path, *extra):
    return json.loads(run_cli("check", path, "--select", "N", "--format", "json", *extra).out)


def _number_finding(run_cli, path, *extra):
    findings = [f for p in _report(run_cli, path, *extra)["pairs"] for f in p["findings"]]
    assert [f["code"] for f in findings] == ["N203"]
    return findings[0]


def test_sentences_around_a_span():
    sentences = [Span(0, 5), Span(5, 18), Span(18, 25)]
    assert sentences_around(ZH, Span(9, 12), sentences) == "營收增至 600 萬美元。"
    assert sentences_around(ZH, Span(3, 7), sentences) == "天氣平靜。營收增至 600 萬美元。"
    assert sentences_around(ZH, Span(5, 5), sentences) == "營收增至 600 萬美元。"
    assert sentences_around(ZH, Span(0, 3), []) == ZH  # no sentences: the whole text


def test_editing_another_sentence_keeps_the_decision(run_cli, write, tmp_path):
    db = tmp_path / "review.sqlite"
    path = write("call.txt", f"{EN}\n{ZH}\n")
    first = _number_finding(run_cli, path)
    with ReviewStore(db) as store:
        store.decide(first["fingerprint"], "N203", "false-positive", note="checked")

    # Both sides' first and last sentences edited; the flagged sentence untouched.
    edited_en = EN.replace("The weather was calm.", "It rained all day.").replace(
        "our staff", "everyone"
    )
    edited_zh = ZH.replace("天氣平靜。", "整天下雨。").replace("員工", "大家")
    write("call.txt", f"{edited_en}\n{edited_zh}\n")
    again = _number_finding(run_cli, path, "--db", db)
    assert again["fingerprint"] == first["fingerprint"]
    assert again["status"] == "false-positive" and again["note"] == "checked"


def test_editing_the_flagged_sentence_reopens_it(run_cli, write, tmp_path):
    db = tmp_path / "review.sqlite"
    path = write("call.txt", f"{EN}\n{ZH}\n")
    first = _number_finding(run_cli, path)
    with ReviewStore(db) as store:
        store.decide(first["fingerprint"], "N203", "false-positive")
    write("call.txt", f"{EN}\n{ZH.replace('營收增至', '收入增加到')}\n")
    again = _number_finding(run_cli, path, "--db", db)
    assert again["fingerprint"] != first["fingerprint"] and again["status"] == "open"


def test_moved_lines_and_renamed_files_keep_the_fingerprint(run_cli, write):
    first = _number_finding(run_cli, write("a.txt", f"{EN}\n{ZH}\n"))
    moved = write("b.txt", f"Good morning.\n早安。\n\nThank you.\n謝謝。\n{EN}\n{ZH}\n")
    assert _number_finding(run_cli, moved)["fingerprint"] == first["fingerprint"]


def test_version_1_decisions_and_baselines_still_match(run_cli, write, tmp_path):
    path = write("call.txt", f"{EN}\n{ZH}\n")
    finding = _number_finding(run_cli, path)
    v1 = legacy_fingerprint("N203", EN, ZH, finding["source_text"], finding["target_text"])
    assert v1 != finding["fingerprint"]

    db = tmp_path / "review.sqlite"
    with ReviewStore(db) as store:
        store.decide(v1, "N203", "false-positive")
    assert _number_finding(run_cli, path, "--db", db)["status"] == "false-positive"

    baseline = write(
        "baseline.json",
        json.dumps({"schema": "align.baseline/1", "findings": [{"fingerprint": v1}]}),
    )
    report = _report(run_cli, path, "--baseline", baseline)
    assert report["summary"]["baseline"]["matched"] == 1


def test_sarif_carries_both_fingerprint_versions(run_cli, write):
    path = write("call.txt", f"{EN}\n{ZH}\n")
    finding = _number_finding(run_cli, path)
    sarif = json.loads(run_cli("check", path, "--select", "N", "--format", "sarif").out)
    prints = sarif["runs"][0]["results"][0]["partialFingerprints"]
    assert prints["alignFingerprint/v2"] == finding["fingerprint"]
    v1 = legacy_fingerprint("N203", EN, ZH, finding["source_text"], finding["target_text"])
    assert prints["alignFingerprint/v1"] == v1
