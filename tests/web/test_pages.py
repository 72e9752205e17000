import re
from html.parser import HTMLParser

import pytest

from tests.api.corpus import IMG, SCRIPT, SF_BODY
from wirewatch.api.edge import CSP

PAGES = ["/", "/?q=FSB", "/?q=%3Cscript%3E", "/articles/a-fsb", "/articles/a-tass", "/articles/a-xss", "/stories",
         "/stories/s1", "/stories/s-%3Cscript%3Ealert(1)%3C/script%3E", "/entities", "/entities/FSB",
         f"/entities/{SCRIPT}", "/outlets", "/places", "/alerts", "/claims", "/claims?q=FSB", "/static/style.css"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_served_with_the_csp(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("path", [p for p in PAGES if not p.endswith(".css")])
def test_no_page_carries_script_or_inline_code(client, path):
    html = client.get(path).text
    assert SCRIPT not in html and IMG not in html
    parser = _Tags()
    parser.feed(html)
    assert parser.tags and not [t for t, _ in parser.tags if t in ("script", "img", "iframe", "object", "embed")]
    attrs = [(t, k, v or "") for t, a in parser.tags for k, v in a]
    assert not [a for a in attrs if a[1].startswith("on") or a[1] == "style"], "event handlers or inline styles"
    assert not [a for a in attrs if a[1] in ("href", "src", "action") and not a[2].startswith(("/", "?", "https://"))]


def test_the_hostile_page_shows_its_payloads_as_text(client):
    html = client.get("/articles/a-xss").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    # The address is not a link: only http(s) addresses are.
    assert 'href="javascript' not in html and "javascript:alert(3)" in html


def test_highlighted_text_gives_back_the_body(client):
    html = client.get("/articles/a-fsb").text
    text = re.search(r'<div class="text">(.*?)</div>', html, re.S).group(1)
    plain = re.sub(r"<[^>]+>", "", text).replace("&#39;", "'")
    assert plain == SF_BODY
    assert '<span class="ent ent-ORG" title="ORG: FSB">Federal Security Service</span>' in text
    assert 'class="stmt stmt-vague sig"' in text


def test_the_article_page_shows_signals_with_evidence_and_comments_apart(client):
    html = client.get("/articles/a-fsb").text
    sig = html[html.index('<section class="signals">'):html.index('<section class="body">')]
    assert "headline_overstates" in sig and "FSB foils terror plot in Moscow" in sig and "not in the body" in sig
    comments = html[html.index('<section class="comments">'):]
    assert "Great work by the services" in comments and "Great work" not in html[:html.index('<section class="comments">')]
    assert "from meta, confidence 0.95" in html and "2024-03-01" in html


def test_the_story_page_sets_outlets_side_by_side(client):
    html = client.get("/stories/s1").text
    assert html.count('<section class="outlet-col">') == 2
    assert "southfront.org" in html and "tass.ru" in html and ">ru<" in html


def test_the_entity_page_draws_a_timeline_and_names_company(client):
    html = client.get("/entities/FSB").text
    assert html.count('<rect class="bar"') == 2 and "2024-03-01: 1 article" in html
    assert '<a href="/entities/Moscow">Moscow</a>' in html


def test_the_map_puts_places_at_their_coordinates(client):
    html = client.get("/places").text
    # Moscow, 55.75 N 37.62 E: x = (37.62 + 180) / 360 * 720, y = (90 - 55.75) / 180 * 360.
    assert '<circle class="place" cx="435.2" cy="68.5"' in html


def test_search_page_lists_matches(client):
    html = client.get("/", params={"q": "FSB"}).text
    assert '<a class="title" href="/articles/a-fsb">FSB foils terror plot in Moscow</a>' in html
    assert "1 article<" in html


def test_a_linked_story_keeps_its_outlet_columns(db):
    from fastapi.testclient import TestClient

    from wirewatch.api.app import create_app
    from wirewatch.store.db import Store

    with Store(db) as store:  # the row the linking stage writes for a story
        store.con.execute("INSERT INTO stories (id, articles, outlets, label, first_title) "
                          "VALUES ('s1', 2, ['southfront.org', 'tass.ru'], 'FSB, Moscow', 'FSB foils terror plot')")
    with TestClient(create_app(db)) as c:
        html = c.get("/stories/s1").text
    assert html.count('<section class="outlet-col">') == 2
    assert "<h2>southfront.org</h2>" in html and "<h2>tass.ru</h2>" in html


def test_the_alerts_page_lists_stored_alerts_escaped(db):
    from fastapi.testclient import TestClient

    from wirewatch.api.app import create_app
    from wirewatch.store.db import Store

    with Store(db) as store:
        store.con.execute("INSERT INTO alerts (id, rule, day, subjects, summary, score, articles, outlets, article_ids) "
                          "VALUES ('al1', 'new_pairing', DATE '2024-03-01', ?, ?, 2.0, 2, 2, ['a-fsb', 'a-xss'])",
                          [["FSB", SCRIPT], f"FSB named with {IMG} for the first time"])
    with TestClient(create_app(db)) as c:
        html = c.get("/alerts").text
    assert "new_pairing" in html and '<a href="/articles/a-fsb">' in html and '<a href="/?q=FSB">FSB</a>' in html
    assert SCRIPT not in html and IMG not in html and "&lt;script&gt;" in html


def test_claims_show_their_origin_and_every_telling_escaped(db):
    from fastapi.testclient import TestClient

    from wirewatch.api.app import create_app
    from wirewatch.store.db import Store

    with Store(db) as store:  # the rows the linking stage writes: one FSB claim told by two outlets
        store.con.execute("INSERT INTO claims VALUES ('c1', 's1', 'FSB', 'FSB', ?, DATE '2024-03-01', "
                          "'southfront.org', ['southfront.org', 'tass.ru'], 2, 2, 1, ['FSB'], NULL, NULL)",
                          [f"two men planned an attack {SCRIPT}"])
        store.con.execute("INSERT INTO claim_mentions VALUES "
                          "('c1', 'a-fsb', 'southfront.org', DATE '2024-03-01', 'headline', 'FSB', NULL, 'x'), "
                          "('c1', 'a-tass', 'tass.ru', DATE '2024-03-02', 'asserted', NULL, ?, 'y')", [IMG])
    with TestClient(create_app(db)) as c:
        listed, story, none = c.get("/claims?q=FSB").text, c.get("/stories/s1").text, c.get("/claims?q=Nobody").text
    for html in (listed, story):
        assert "two men planned an attack" in html and "single origin" in html
        assert '<a href="/articles/a-tass">tass.ru</a>' in html and "headline" in html and "asserted" in html
        assert SCRIPT not in html and IMG not in html and "&lt;script&gt;" in html
    assert "1 claim naming FSB" in listed and "No claims stored naming Nobody" in none


def test_claims_can_be_listed_most_worth_a_fact_check_first(db):
    from fastapi.testclient import TestClient

    from wirewatch.api.app import create_app
    from wirewatch.store.db import Store

    with Store(db) as store:
        for cid, content, worth in (("c1", "the talks went well", 0.12), ("c2", "12 men were arrested at the port", 0.81)):
            store.con.execute("INSERT INTO claims (id, story, speaker, origin, content, independent_outlets, "
                              "corroboration, check_worthiness) VALUES (?, 's1', 'FSB', 'FSB', ?, 1, 1, ?)",
                              [cid, content, worth])
    with TestClient(create_app(db)) as c:
        html = c.get("/claims?by=worth").text
        assert c.get("/claims?by=loudest").status_code == 422
    assert html.index("12 men were arrested") < html.index("the talks went well")
    assert "0.81" in html and "most worth a fact-check first" in html
