"""/api/claims and /api/trends over a corpus ingested for real: one event in five pages and four
languages beside a near miss (the fixture corpus of tests/link)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirewatch.api.app import create_app
from wirewatch.pipeline.run import ingest
from wirewatch.settings import load_settings

CORPUS = Path(__file__).resolve().parents[1] / "link" / "fixtures" / "plant_blast.jsonl"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("linked") / "w.duckdb"
    settings = load_settings(env={})
    ingest([CORPUS], db=db, workers=1, settings=settings)
    with TestClient(create_app(db, settings=settings), raise_server_exceptions=False) as c:
        yield c


def test_claims_name_their_speaker_and_every_telling(client):
    body = client.get("/api/claims").json()
    assert body["total"] == len(body["items"]) > 0
    halvorsen = [c for c in body["items"] if "Halvorsen" in (c["speaker"] or "")]
    assert halvorsen and all(m["presentation"] in {"attributed", "asserted", "headline"}
                             for c in halvorsen for m in c["mentions"])


def test_claims_page_and_filter_by_entity(client):
    total = client.get("/api/claims").json()["total"]
    page = client.get("/api/claims", params={"limit": 1, "offset": 0}).json()
    assert page["total"] == total and len(page["items"]) == 1
    about = client.get("/api/claims", params={"entity": "Ingrid Halvorsen"}).json()
    assert 0 < about["total"] <= total
    assert client.get("/api/claims", params={"entity": "Nobody Atall"}).json() == {"items": [], "total": 0}


def test_claims_by_check_worthiness_most_worth_a_fact_check_first(client):
    items = client.get("/api/claims", params={"by": "worth"}).json()["items"]
    # claims told only in languages other than English have none, and come last
    scores = [c["check_worthiness"] for c in items if c["check_worthiness"] is not None]
    assert scores and all(0 <= s <= 1 for s in scores) and scores == sorted(scores, reverse=True)
    assert all(c["check_worthiness"] is None for c in items[len(scores):])
    assert client.get("/api/claims", params={"by": "loudest"}).status_code == 422


def test_trends_count_days_per_series_and_refuse_unknown_kinds(client):
    body = client.get("/api/trends", params={"kind": "entity", "days": 3, "limit": 2}).json()
    assert len(body["items"]) == 2 <= body["total"]
    assert all(t["kind"] == "entity" and len(t["days"]) == 3 for t in body["items"])
    bad = client.get("/api/trends", params={"kind": "weather"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
