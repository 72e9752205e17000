"""Watchlists: the file format, its errors, and thresholds per item."""

import json
from datetime import date

import pytest

from wirewatch.errors import ConfigError
from wirewatch.monitor import alerts, load_watchlist
from wirewatch.monitor.watchlist import parse_watchlist, watch_alerts
from wirewatch.store.db import Store

from .conftest import OUTLETS, make_article, store_corpus

DAY = date(2024, 3, 29)
YAML = """\
name: eastern-border
thresholds: {min_articles: 2, min_outlets: 1}
entities:
  - Port Authority
  - name: Red Dawn Brigade
    aliases: [RDB]
    min_articles: 9
places:
  - name: Kharvan Border Region
    min_outlets: 3
  - country: zy
keywords:
  - ceasefire violation
"""


def _alerts(db, watchlist):
    with Store(db, read_only=True) as store:
        return watch_alerts(store.con, watchlist, DAY, DAY)


def test_the_yaml_format(tmp_path):
    (tmp_path / "w.yaml").write_text(YAML)
    wl = load_watchlist(tmp_path / "w.yaml")
    assert wl.name == "eastern-border"
    by_name = {i.name: i for i in wl.items}
    assert by_name["Port Authority"].min_articles == 2
    assert by_name["Red Dawn Brigade"].aliases == ("RDB",) and by_name["Red Dawn Brigade"].min_articles == 9
    assert by_name["Kharvan Border Region"].min_outlets == 3
    assert by_name["country:ZY"].countries == ("ZY",)
    assert by_name["ceasefire violation"].kind == "keyword"


def test_json_is_read_too(tmp_path):
    (tmp_path / "w.json").write_text(json.dumps({"entities": ["Port Authority"]}))
    wl = load_watchlist(tmp_path / "w.json")
    assert wl.name == "w" and wl.items[0].min_articles == 3


@pytest.mark.parametrize(("data", "message"), [
    (["a list"], "expected a mapping"),
    ({"people": ["X"]}, "unknown section"),
    ({"entities": [{"name": "X", "min_articles": 0}]}, "at least 1"),
    ({"entities": [{"name": "X", "threshold": 2}]}, "unknown key"),
    ({"keywords": [{"aliases": ["x"]}]}, "needs a term"),
    ({"thresholds": {"max": 3}}, "thresholds takes"),
])
def test_a_bad_watchlist_is_a_config_error(data, message):
    with pytest.raises(ConfigError, match=message):
        parse_watchlist(data, name="bad")


def test_an_unreadable_watchlist_is_a_config_error(tmp_path):
    (tmp_path / "w.yaml").write_text("entities: [unclosed")
    with pytest.raises(ConfigError, match="cannot read watchlist"):
        load_watchlist(tmp_path / "w.yaml")


@pytest.mark.parametrize(("item", "hit"), [
    ({"name": "Harbour Union", "min_articles": 3}, True),  # one background page per outlet a day
    ({"name": "Harbour Union", "min_articles": 4}, False),
    ({"name": "harbour union", "min_outlets": 3}, True),
    ({"name": "Harbour Union", "min_outlets": 4}, False),
    ({"name": "Nobody", "aliases": ["Harbour Union"]}, True),
])
def test_entity_thresholds(flat_db, item, hit):
    wl = parse_watchlist({"entities": [item]}, name="w")
    assert bool(_alerts(flat_db, wl)) is hit


def test_places_by_name_or_country_and_keywords_in_the_text(flat_db):
    store_corpus(flat_db, [
        make_article(DAY, OUTLETS[0], [("Tesh Pass", "LOC")], body="A ceasefire  violation was reported."),
        make_article(DAY, OUTLETS[1], [("Tesh Pass", "LOC")], body="Another Ceasefire violation, they said."),
        make_article(DAY, OUTLETS[2], [], body="No ceasefire violations here: the plural is another word."),
    ])
    wl = parse_watchlist({"places": [{"country": "ZY"}, {"name": "Ostra Valley", "min_articles": 4}],
                          "keywords": ["ceasefire violation"], "thresholds": {"min_articles": 2}}, name="w")
    found = {a.subjects[0]: a for a in _alerts(flat_db, wl)}
    assert set(found) == {"country:ZY", "ceasefire violation"}
    assert found["ceasefire violation"].articles == 2 and found["ceasefire violation"].watchlist == "w"


def test_detect_with_a_watchlist_file_stores_its_alerts_once(flat_db, tmp_path, monitor_settings):
    (tmp_path / "w.yaml").write_text("entities:\n  - name: Port Authority\n    min_articles: 3\n")
    first = alerts(flat_db, watchlist=tmp_path / "w.yaml", settings=monitor_settings)
    again = alerts(flat_db, watchlist=tmp_path / "w.yaml", settings=monitor_settings)
    # One alert per day of the seven-day window; none added the second time.
    assert len(first.new) == 7 and {a.rule for a in first.alerts} == {"watchlist"}
    assert again.new == () and len(again.alerts) == 7
