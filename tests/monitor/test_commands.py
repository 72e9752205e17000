"""`wirewatch trends` and `wirewatch alerts` (CONTRACT: a table by default, JSON Lines with --json)."""

import json

from typer.testing import CliRunner

from wirewatch.cli.main import app

from .conftest import BURST_DAY, GROUP


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_trends_json_lines(planted_db):
    result = CliRunner().invoke(app, ["trends", "--db", planted_db, "--entity", GROUP[0], "--days", "5", "--json"])
    assert result.exit_code == 0, result.output
    (t,) = _lines(result.stdout)
    assert t["name"] == GROUP[0] and t["burst"] and t["peak"]["day"] == BURST_DAY.isoformat()
    assert len(t["days"]) == 5 and t["dated_by"] == "published"


def test_trends_table(planted_db):
    result = CliRunner().invoke(app, ["trends", "--db", planted_db, "--kind", "entity", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "2 series" in result.stdout and "Red Dawn" in result.stdout and "publication dates" in result.stdout


def test_alerts_detect_then_list(planted_db):
    runner = CliRunner()
    assert _lines(runner.invoke(app, ["alerts", "--db", planted_db, "--json"]).stdout) == []
    detected = runner.invoke(app, ["alerts", "--db", planted_db, "--detect", "--json"])
    assert detected.exit_code == 0, detected.output
    assert "1 new alert" in detected.stderr
    (a,) = _lines(detected.stdout)
    assert a["rule"] == "burst" and a["day"] == BURST_DAY.isoformat()
    listed = runner.invoke(app, ["alerts", "--db", planted_db])
    assert listed.exit_code == 0 and "1 alert" in listed.stdout and "burst" in listed.stdout


def test_a_bad_watchlist_exits_2_with_the_reason(planted_db, tmp_path):
    (tmp_path / "w.yaml").write_text("people: [X]\n")
    result = CliRunner().invoke(app, ["alerts", "--db", planted_db, "--watchlist", str(tmp_path / "w.yaml")])
    assert result.exit_code == 2 and "unknown section" in result.stderr
