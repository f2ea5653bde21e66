"""The review database: decisions by fingerprint, WAL durability, refusal of foreign files."""

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from align.errors import InputError
from align.review.store import ReviewStore

SMALL = Path(__file__).parent / "data" / "small.txt"


def fingerprints(run_cli, path):
    report = json.loads(run_cli("check", path, "--format", "json").out)
    return {f["code"]: f["fingerprint"] for p in report["pairs"] for f in p["findings"]}


def test_decisions_change_status_and_fail_on(run_cli, tmp_path):
    db = tmp_path / "review.sqlite"
    prints = fingerprints(run_cli, SMALL)
    with ReviewStore(db) as store:
        store.decide(prints["L001"], "L001", "false-positive", note="a greeting")
        store.decide(prints["A001"], "A001", "fixed")
    run = run_cli("check", SMALL, "--db", db, "--format", "json")
    assert run.code == 0  # neither false positives nor fixed findings fail
    findings = {f["code"]: f for p in json.loads(run.out)["pairs"] for f in p["findings"]}
    assert findings["L001"]["status"] == "false-positive"
    assert findings["L001"]["note"] == "a greeting"
    assert findings["A001"]["status"] == "fixed"
    with ReviewStore(db) as store:
        store.decide(prints["A001"], "A001", "accepted")
    assert run_cli("check", SMALL, "--db", db).code == 1  # accepted: a real error, still fails


def test_undo_restores_the_previous_decision(tmp_path):
    with ReviewStore(tmp_path / "r.sqlite") as store:
        first = store.decide("fp1", "N203", "accepted", note="checked")
        second = store.decide("fp1", "N203", "fixed")
        assert store.undo(second, first)
        assert store.get("fp1").status == "accepted" and store.get("fp1").note == "checked"
        assert store.undo(first, None)
        assert store.get("fp1") is None


def test_undo_never_removes_another_reviewers_later_decision(tmp_path, monkeypatch):
    db = tmp_path / "r.sqlite"
    monkeypatch.setenv("ALIGN_REVIEWER", "ana")
    with ReviewStore(db) as ana:
        mine = ana.decide("fp1", "N203", "false-positive")
        monkeypatch.setenv("ALIGN_REVIEWER", "ben")
        with ReviewStore(db) as ben:
            ben.decide("fp1", "N203", "accepted", note="it is wrong")
        monkeypatch.setenv("ALIGN_REVIEWER", "ana")
        assert not ana.undo(mine, None)  # ben decided since: his decision stays
        current = ana.get("fp1")
        assert current.reviewer == "ben" and current.status == "accepted"
        log = ana.log()
    # Append-only: who decided what, in order; nothing was rewritten or deleted.
    assert [(action, d.reviewer, d.status) for action, d in log] == [
        ("decide", "ana", "false-positive"),
        ("decide", "ben", "accepted"),
    ]


def test_reviewer_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGN_REVIEWER", "mei")
    with ReviewStore(tmp_path / "r.sqlite") as store:
        assert store.decide("fp", "L001", "fixed").reviewer == "mei"


def test_wal_mode_and_decisions_survive_kill_9(tmp_path):
    db = tmp_path / "r.sqlite"
    script = textwrap.dedent(f"""
        import os, signal
        from align.review.store import ReviewStore
        store = ReviewStore({str(db)!r})
        store.decide("fp-kept", "N203", "accepted")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == -9
    with ReviewStore(db) as store:
        assert store.get("fp-kept").status == "accepted"
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_two_processes_share_the_database(tmp_path):
    db = tmp_path / "r.sqlite"
    with ReviewStore(db) as first, ReviewStore(db) as second:
        first.decide("a", "N201", "fixed")
        second.decide("b", "N202", "accepted")
        assert set(first.all()) == set(second.all()) == {"a", "b"}


@pytest.mark.parametrize(
    "content", [b"this is not sqlite at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_corrupt_or_foreign_file_is_refused_and_left_untouched(tmp_path, content):
    db = tmp_path / "review.sqlite"
    db.write_bytes(content)
    with pytest.raises(InputError) as caught:
        ReviewStore(db)
    assert "left untouched" in str(caught.value) and "mv " in str(caught.value)
    assert db.read_bytes() == content


def test_other_sqlite_database_is_refused(tmp_path, run_cli):
    db = tmp_path / "other.sqlite"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    before = db.read_bytes()
    run = run_cli("check", SMALL, "--db", db)
    assert run.code == 2 and "not made by align" in run.err and "Traceback" not in run.err
    assert db.read_bytes() == before
    assert not os.path.exists(str(db) + "-wal") or os.path.getsize(str(db) + "-wal") == 0


def _make_db(path: Path) -> None:
    with ReviewStore(path) as store:
        store.decide("fp1", "N201", "false-positive", note="fine")
        store.connection.execute("PRAGMA journal_mode=DELETE")  # a plain file, no -wal beside it


def test_check_reads_the_database_without_changing_it(run_cli, tmp_path):
    db = tmp_path / "r.sqlite"
    _make_db(db)
    before = db.read_bytes()
    db.chmod(0o444)  # a read-only database is fine for reading
    run = run_cli("check", SMALL, "--db", db, "--fail-on", "never")
    assert run.code == 0, run.err
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sqlite"]  # no -wal, no -shm


def test_empty_file_as_database_is_not_given_a_schema_by_check(run_cli, tmp_path):
    db = tmp_path / "empty.sqlite"
    db.write_bytes(b"")
    run = run_cli("check", SMALL, "--db", db)
    assert run.code == 2 and db.read_bytes() == b""


def test_database_without_the_decisions_table_is_one_line(run_cli, tmp_path):
    db = tmp_path / "r.sqlite"
    _make_db(db)
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TABLE decisions")
    run = run_cli("check", SMALL, "--db", db)
    assert run.code == 2 and "no decisions table" in run.err and run.err.count("\n") == 1


def test_extra_columns_and_unknown_statuses_do_not_break_or_hide(tmp_path):
    from align.models import Finding, Pair, PairResult, Segment, Severity, Span
    from align.run import settle

    db = tmp_path / "r.sqlite"
    _make_db(db)
    with sqlite3.connect(db) as connection:
        connection.execute("ALTER TABLE decisions ADD COLUMN extra TEXT DEFAULT 'x'")
        connection.execute("PRAGMA ignore_check_constraints=ON")
        connection.execute("UPDATE decisions SET status='escalated'")
    with ReviewStore(db, read_only=True) as store:
        decided = store.all()
    assert decided["fp1"].status == "escalated"
    finding = Finding(
        "N201", "number-missing", Severity.ERROR, "m", Span(0, 1), None, "", "", "fp1"
    )
    pair = Pair("1", Segment("a", "t", (1,)), Segment("b", "t", (2,)))
    result = PairResult(pair, 0.5, (finding,))
    assert settle(result, decided).findings[0].status == "open"


def test_review_where_no_database_can_be_made_is_one_line(run_cli, tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(SMALL.read_bytes())
    (tmp_path / ".align").write_text("a file where the .align folder would go")
    from align.cli import review
    from align.cli.parser import build_parser

    args = build_parser().parse_args(["review", str(source)])
    with pytest.raises(InputError, match="cannot create the review database"):
        review.run(args)


def test_a_dismissed_finding_no_longer_costs_its_pair_score(run_cli, tmp_path):
    db = tmp_path / "review.sqlite"
    before = json.loads(run_cli("check", SMALL, "--format", "json").out)
    pair = next(p for p in before["pairs"] if any(f["code"] == "L001" for f in p["findings"]))
    assert [f["code"] for f in pair["findings"]] == ["L001"] and pair["score"] < 1
    with ReviewStore(db) as store:
        store.decide(pair["findings"][0]["fingerprint"], "L001", "false-positive")
    after = json.loads(run_cli("check", SMALL, "--db", db, "--format", "json").out)
    decided = next(p for p in after["pairs"] if p["id"] == pair["id"])
    assert decided["score"] == 1.0  # its only finding was decided away
    assert after["summary"]["score_mean"] > before["summary"]["score_mean"]


def test_a_baselined_finding_no_longer_costs_its_pair_score(run_cli, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run_cli("baseline", SMALL, "-o", baseline).code == 0
    report = json.loads(run_cli("check", SMALL, "--baseline", baseline, "--format", "json").out)
    assert all(p["score"] == 1.0 for p in report["pairs"] if p["findings"] and p["kind"] == "1-1")


@pytest.mark.parametrize("suffix", [".csv", ".md", ".html", ".json"])
def test_reports_show_decisions_from_the_database(run_cli, tmp_path, suffix):
    db = tmp_path / "review.sqlite"
    prints = fingerprints(run_cli, SMALL)
    with ReviewStore(db) as store:
        store.decide(prints["L001"], "L001", "false-positive", note="a greeting")
    out = tmp_path / f"report{suffix}"
    assert run_cli("report", SMALL, "--db", db, "-o", out).code == 0
    text = out.read_text("utf-8")
    if suffix == ".csv":
        assert "L001,untranslated-target,error,false-positive," in text
    elif suffix == ".json":
        assert json.loads(text)["summary"]["decided"] == 1
    elif suffix == ".md":
        assert "1 decided in review" in text
    else:
        from lxml import html

        table = html.fromstring(text).xpath("//table[tr/th='decided']")[0]
        heads = [th.text for th in table.xpath("tr[1]/th")]
        assert table.xpath("tr[2]/td")[heads.index("decided")].text == "1"
