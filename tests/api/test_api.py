import pytest

from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_search_puts_the_best_match_first_and_counts_all_matches(client):
    r = client.get("/api/articles", params={"q": "FSB"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1 and [a["id"] for a in body["items"]] == ["a-fsb"]
    item = body["items"][0]
    assert {"id", "url", "title", "outlet", "story"} <= item.keys()
    assert (item["outlet"], item["story"], item["url"]) == ("southfront.org", "s1", "https://southfront.org/a-fsb")


def test_search_needs_every_word_and_reads_other_scripts(client):
    assert client.get("/api/articles", params={"q": "ФСБ"}).json()["total"] == 1
    assert client.get("/api/articles", params={"q": "detained moscow"}).json()["total"] == 1
    assert client.get("/api/articles", params={"q": "detained Selmar"}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": "detained OR Selmar"}).json()["total"] == 2


def test_a_malformed_query_is_read_as_well_as_it_can_be(client):
    r = client.get("/api/articles", params={"q": '"unbalanced (FSB'})
    assert r.status_code == 200 and "items" in r.json()


def test_without_a_query_the_latest_articles_come_first(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 3 and [a["id"] for a in body["items"]] == ["a-xss", "a-tass", "a-fsb"]


@pytest.mark.parametrize(("params", "ids"), [
    ({"limit": 1}, ["a-xss"]),
    ({"limit": 1, "offset": 1}, ["a-tass"]),
    ({"limit": 2, "offset": 2}, ["a-fsb"]),
    ({"offset": 5}, []),
    ({"q": "the", "limit": 1, "offset": 0}, None),
])
def test_pages_keep_the_total(client, params, ids):
    body = client.get("/api/articles", params=params).json()
    if ids is not None:
        assert [a["id"] for a in body["items"]] == ids
        assert body["total"] == 3
    else:
        assert len(body["items"]) == 1 and body["total"] == 2


def test_one_article_is_the_contract_object(client):
    a = client.get("/api/articles/a-fsb").json()
    assert a["title"] == "FSB foils terror plot in Moscow" and a["story"] == "s1"
    assert a["published"] == {"date": "2024-03-01", "source": "meta", "confidence": 0.95}
    assert [s["kind"] for s in a["signals"]] == ["headline_overstates", "vague_sourcing"]
    assert a["entities"][1]["geo"]["country"] == "RU"


def test_an_unknown_article_is_404(client):
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_entities_are_counted_by_articles(client):
    body = client.get("/api/entities", params={"type": "org"}).json()
    assert body["total"] == 1 and body["items"][0] == {"name": "FSB", "type": "ORG", "articles": 2, "mentions": 3}
    assert client.get("/api/entities", params={"q": "mosc"}).json()["items"][0]["name"] == "Moscow"


def test_an_entity_has_a_timeline_and_its_company(client):
    e = client.get("/api/entities/FSB").json()
    assert e["timeline"] == [{"date": "2024-03-01", "articles": 1}, {"date": "2024-03-02", "articles": 1}]
    assert e["co_mentioned"][0]["name"] == "Moscow" and e["co_mentioned"][0]["articles"] == 2
    assert client.get("/api/entities/Nobody").status_code == 404


def test_places_have_coordinates(client):
    items = client.get("/api/places").json()["items"]
    moscow = next(p for p in items if p["name"] == "Moscow")
    assert (moscow["lat"], moscow["lon"], moscow["articles"]) == (55.75, 37.62, 2)


def test_outlets_are_listed(client):
    body = client.get("/api/outlets").json()
    assert body["total"] == 3
    sf = next(o for o in body["items"] if o["outlet"] == "southfront.org")
    assert (sf["articles"], sf["signals"], sf["languages"]) == (1, 2, ["en"])


def test_stories_come_from_articles_story(client):
    body = client.get("/api/stories").json()
    assert body["total"] == 2
    s1 = next(s for s in body["items"] if s["id"] == "s1")
    assert (s1["articles"], s1["outlets"], s1["first"], s1["last"]) == (2, ["southfront.org", "tass.ru"],
                                                                         "2024-03-01", "2024-03-02")


def test_a_story_sets_outlets_side_by_side(client):
    s = client.get("/api/stories/s1").json()
    cols = {o["outlet"]: o["articles"][0] for o in s["outlets"]}
    assert [st["sourcing"] for st in cols["southfront.org"]["attributes"]] == ["named", "vague"]
    assert cols["tass.ru"]["asserts"][0]["sourcing"] == "none" and cols["tass.ru"]["language"] == "ru"
    assert client.get("/api/stories/none").status_code == 404


def test_a_stories_table_adds_its_columns_when_there_is_one(client):
    con = client.app.state.wirewatch.store.con
    con.execute("CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, label VARCHAR)")
    con.execute("INSERT INTO stories (id, label) VALUES ('s1', 'Arrests in Moscow')")
    s1 = next(s for s in client.get("/api/stories").json()["items"] if s["id"] == "s1")
    assert s1["label"] == "Arrests in Moscow" and s1["articles"] == 2
    assert client.get("/api/stories/s1").json()["label"] == "Arrests in Moscow"


def test_alerts_are_empty_until_the_monitor_makes_its_table(client):
    assert client.get("/api/alerts").json() == {"items": [], "total": 0}
    con = client.app.state.wirewatch.store.con
    con.execute("CREATE TABLE IF NOT EXISTS alerts (id VARCHAR, raised_at TIMESTAMP)")
    con.execute("INSERT INTO alerts (id, raised_at) VALUES ('x1', TIMESTAMP '2024-03-01 10:00:00')")
    body = client.get("/api/alerts").json()
    assert body["total"] == 1 and body["items"][0]["id"] == "x1"
    assert body["items"][0]["raised_at"] == "2024-03-01 10:00:00"


def test_the_openapi_schema_describes_the_routes(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/articles/{article_id}", "/api/ingest"} <= paths.keys()
    assert "requestBody" in paths["/api/ingest"]["post"]


# --- POST /api/ingest ---------------------------------------------------------------------------

PAGE = {"text": "Harbour strike enters third week\n\nThe dock workers' union of Selmar said on Monday that the "
                "strike would go on.", "url": "https://harbour.example/strike", "outlet": "harbour.example"}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_ingest_needs_the_token(client, headers):
    r = client.post("/api/ingest", json=PAGE, headers=headers)
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"


def test_ingest_is_off_without_a_configured_token(db):
    from fastapi.testclient import TestClient

    from wirewatch.api.app import create_app
    from wirewatch.settings import load_settings

    with TestClient(create_app(db, settings=load_settings(env={}))) as c:
        r = c.post("/api/ingest", json=PAGE, headers={"Authorization": "Bearer "})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_a_posted_page_is_stored_once_and_found_by_search(client):
    r = client.post("/api/ingest", json=PAGE, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["new"] == 1 and len(body["ids"]) == 1
    stored = client.get(f"/api/articles/{body['ids'][0]}").json()
    assert stored["url"] == PAGE["url"] and "dock workers" in stored["body"]
    hits = client.get("/api/articles", params={"q": "dock workers"}).json()
    assert [a["id"] for a in hits["items"]] == body["ids"]
    again = client.post("/api/ingest", json=PAGE, headers=AUTH).json()
    assert (again["new"], again["already_stored"], again["ids"]) == (0, 1, body["ids"])


@pytest.mark.parametrize(("record", "code"), [
    ({"text": "   \n  "}, "empty"),
    ({"url": "https://x.example"}, "invalid_request"),
    ({"text": 5}, "invalid_request"),
])
def test_a_page_that_cannot_be_read_is_refused(client, record, code):
    r = client.post("/api/ingest", json=record, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == code
