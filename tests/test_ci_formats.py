"""CI outputs: JUnit XML parses, SARIF 2.1.0 has rules and locations, GitHub annotations."""

import json
import re
from pathlib import Path

import pytest
from lxml import etree

SMALL = Path(__file__).parent / "data" / "small.txt"


def test_junit_suite_per_file_case_per_pair_failures_at_fail_on(run_cli, write):
    other = write("other.tsv", "Thank you very much.\t非常感謝。\n")
    run = run_cli("check", SMALL, other, "--format", "junit")
    assert run.code == 1
    root = etree.fromstring(run.out.encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(SMALL), str(other)]
    assert [(s.get("tests"), s.get("failures")) for s in suites] == [("6", "2"), ("1", "0")]
    failures = root.findall(".//failure")
    assert {f.get("type") for f in failures} == {"A001", "L001"}
    never = etree.fromstring(run_cli("check", SMALL, "--format", "junit", "--fail-on", "never")
                             .out.encode("utf-8"))  # fmt: skip
    assert never.findall(".//failure") == [] and never.get("tests") == "6"


def test_sarif_has_version_rules_and_locations(run_cli, monkeypatch):
    monkeypatch.chdir(SMALL.parents[2])  # the repository: SMALL is tests/data/small.txt in it
    log = json.loads(run_cli("check", SMALL, "--format", "sarif").out)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"A001", "N203", "L001"} <= {r["id"] for r in rules}
    assert all("Why it matters:" in r["help"]["text"] for r in rules)
    results = {r["ruleId"]: r for r in run["results"]}
    location = results["L001"]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "tests/data/small.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 9, "startColumn": 1, "endColumn": 11}
    assert rules[results["L001"]["ruleIndex"]]["id"] == "L001"
    assert results["A001"]["level"] == "error" and results["A001"]["partialFingerprints"]


def test_github_annotations_escape_and_locate(run_cli, write):
    path = write("a,b.tsv", "Revenue was $97.7 million.\t營收為 9,700 萬美元。\n")
    lines = run_cli("check", path, "--format", "github").out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"::error file={str(path).replace(',', '%2C')},line=1,col=5,")
    assert "title=N203 number-value-mismatch::value differs: $97.7 million" in lines[0]


# RFC 3986 URI-reference characters: no space, no raw '#' inside a path.
_URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~:/?\[\]@!$&'()*+,;=%]*$")


def test_sarif_uris_are_percent_encoded_and_relative_to_srcroot(run_cli, tmp_path, monkeypatch):
    folder = tmp_path / "a b#c"
    folder.mkdir()
    path = folder / "my file.txt"
    path.write_bytes(SMALL.read_bytes())
    monkeypatch.chdir(tmp_path)
    log = json.loads(run_cli("check", path, "--format", "sarif").out)
    run = log["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "a%20b%23c/my%20file.txt", "uriBaseId": "%SRCROOT%"}
    assert _URI_REFERENCE.match(location["uri"])
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"


SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"


@pytest.mark.parametrize("inside", [True, False], ids=["under-srcroot", "absolute-file-uri"])
def test_sarif_validates_against_the_oasis_schema(run_cli, tmp_path, monkeypatch, inside):
    """The official SARIF 2.1.0 schema (OASIS, bundled under tests/data/sarif), with format
    checks on, so a URI with a raw space fails it."""
    import jsonschema

    folder = tmp_path / "a b#c"
    folder.mkdir()
    path = folder / "my file.txt"
    path.write_bytes(SMALL.read_bytes())
    work = tmp_path if inside else tmp_path / "elsewhere"
    work.mkdir(exist_ok=True)
    monkeypatch.chdir(work)
    log = json.loads(run_cli("check", path, "--format", "sarif").out)
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    assert log["runs"][0]["results"]  # findings, not an empty run, were validated

    # The check can fail: the same log with a raw path as its URI does not validate.
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    location["artifactLocation"]["uri"] = str(path)
    assert any(e.validator == "format" for e in validator.iter_errors(log))
