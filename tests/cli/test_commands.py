"""The CLI against CONTRACT.md: output shape, rejections and exit codes, ingest idempotence."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirewatch.cli.main import app

from ..conftest import FLAT_PAGE

CONTRACT_FIELDS = {
    "id", "url", "outlet", "language", "title", "author", "published", "provenance", "duplicate_group",
    "body", "removed", "comments", "entities", "statements", "signals",
}


@pytest.fixture()
def pages(tmp_path):
    d = tmp_path / "pages"
    d.mkdir()
    (d / "strike.txt").write_text(FLAT_PAGE)
    (d / "empty.txt").write_text("\n\n")
    (d / "meta.jsonl").write_text(json.dumps({"file": "strike.txt", "url": "https://harbour.example/strike"}) + "\n")
    return d


def _docs(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_analyze_prints_contract_objects_and_exits_1_on_a_rejection(pages):
    result = CliRunner().invoke(app, ["analyze", str(pages / "strike.txt"), str(pages / "empty.txt"),
                                      "--meta", str(pages / "meta.jsonl"), "--workers", "1", "--until", "clean"])
    assert result.exit_code == 1
    (doc,) = _docs(result.stdout)
    assert doc.keys() >= CONTRACT_FIELDS
    assert doc["url"] == "https://harbour.example/strike" and doc["outlet"] == "harbour.example"
    assert doc["title"] == "Harbour Strike Enters Third Week, Union Says"
    assert doc["body"].startswith("The dock workers' union") and "Advertisement" not in doc["body"]
    assert doc["entities"] == [] and doc["statements"] == []
    assert "empty.txt" in result.stderr and "empty" in result.stderr


def test_ingest_twice_adds_nothing_and_export_carries_story(pages, tmp_path):
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(pages / "strike.txt"), "--db", db, "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert "1 new, 0 already stored, 0 rejected" in first.stdout
    second = runner.invoke(app, ["ingest", str(pages / "strike.txt"), "--db", db, "--workers", "1"])
    assert "0 new, 1 already stored, 0 rejected" in second.stdout
    exported = _docs(runner.invoke(app, ["export", "--db", db]).stdout)
    assert len(exported) == 1 and "story" in exported[0]


def test_show_lists_who_said_what_most_worth_a_fact_check_first(pages, tmp_path):
    db, runner = str(tmp_path / "w.duckdb"), CliRunner()
    runner.invoke(app, ["ingest", str(pages / "strike.txt"), "--db", db, "--workers", "1"])
    (doc,) = _docs(runner.invoke(app, ["export", "--db", db]).stdout)
    shown = runner.invoke(app, ["show", doc["id"], "--db", db], env={"COLUMNS": "300"}).stdout
    said = shown[shown.index("who said what"):]
    # what the port authority says it did, which a fact-checker can look up, above the union's resolve
    assert said.index("had already ordered new inspections") < said.index("will not go back to work")
    assert "Paul Brandt" in said and "(indirect, named)" in said


def test_show_of_an_unknown_id_says_so(tmp_path):
    db = str(tmp_path / "w.duckdb")
    CliRunner().invoke(app, ["ingest", "--db", db, str(tmp_path)])
    result = CliRunner().invoke(app, ["show", "nope", "--db", db])
    assert result.exit_code == 1 and "no stored article" in result.stderr


def test_stories_claims_and_outlets_as_json_lines(tmp_path):
    """One event told in five pages and four languages, and a near miss told in two: the corpus of
    tests/link, ingested through the CLI and read back as JSON Lines (CONTRACT)."""
    corpus = Path(__file__).parents[1] / "link" / "fixtures" / "plant_blast.jsonl"
    db, runner = str(tmp_path / "w.duckdb"), CliRunner()
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db, "--workers", "1"]).exit_code == 0

    stories = _docs(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    assert sorted(s["articles"] for s in stories) == [2, 5]
    assert {"de", "en", "fr", "ru"} <= set(max(stories, key=lambda s: s["articles"])["languages"])

    claims = _docs(runner.invoke(app, ["claims", "--db", db, "--json"]).stdout)
    assert claims and all(c["story"] in {s["id"] for s in stories} for c in claims)
    assert any("Halvorsen" in (c["speaker"] or "") for c in claims)
    worth = _docs(runner.invoke(app, ["claims", "--db", db, "--json", "--by", "worth"]).stdout)
    assert sorted(c["id"] for c in worth) == sorted(c["id"] for c in claims)
    # a claim told in English has a check-worthiness; one told only in other languages has none, last
    scores = [c["check_worthiness"] for c in worth if c["check_worthiness"] is not None]
    assert scores and all(0 <= s <= 1 for s in scores) and scores == sorted(scores, reverse=True)
    assert all(c["check_worthiness"] is None for c in worth[len(scores):])

    outlets = _docs(runner.invoke(app, ["outlets", "--db", db, "--json"]).stdout)
    assert {o["outlet"] for o in outlets} == {"wire.example", "daily.example", "vesti.example",
                                              "zeitung.example", "journal.example"}


def test_ingest_until_clean_stores_cleaned_articles_only(pages, tmp_path):
    db, runner = str(tmp_path / "w.duckdb"), CliRunner()
    result = runner.invoke(app, ["ingest", str(pages / "strike.txt"), "--db", db, "--workers", "1", "--until", "clean"])
    assert result.exit_code == 0 and "1 new" in result.stdout
    (doc,) = _docs(runner.invoke(app, ["export", "--db", db]).stdout)
    assert doc["body"].startswith("The dock workers' union") and doc["entities"] == [] and doc["statements"] == []
    assert runner.invoke(app, ["ingest", str(pages), "--db", db, "--until", "sideways"]).exit_code == 2


def test_ingest_on_a_local_dask_cluster_prints_the_summary_and_none_of_dasks_chatter(pages, tmp_path):
    env = {**os.environ, "WIREWATCH_DB": str(tmp_path / "dask.duckdb"), "WIREWATCH_INGEST_EXECUTOR": "dask",
           "WIREWATCH_INGEST_CLUSTER_MIN_PAGES": "0"}  # one page: started all the same
    done = subprocess.run(
        [sys.executable, "-c", "from wirewatch.cli.main import main; main()", "ingest", str(pages / "strike.txt"),
         "--workers", "2", "--until", "clean"],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 new, 0 already stored, 0 rejected" in done.stdout + done.stderr
    assert "INFO distributed" not in done.stderr, done.stderr[:2000]


def test_the_claims_orders_offered_are_the_stores():
    from typing import get_args

    from wirewatch.cli.main import ClaimOrder
    from wirewatch.store import stories

    assert {o.value for o in ClaimOrder} == set(get_args(stories.ClaimOrder))
