"""New pairings: an armed group and a place never co-mentioned before, now in k articles from 2 outlets."""

from datetime import date

import pytest

from wirewatch.monitor import alerts
from wirewatch.monitor.pairings import new_pairings, words_pattern
from wirewatch.store.db import Store

from .conftest import GROUP, LAST, OUTLETS, REGION, make_article, store_corpus

PASS = ("Tesh Pass", "LOC")
MILITIA = ("Black Ridge Militia", "ORG")
WINDOW = (date(2024, 3, 25), LAST)


def _pairs(db, **kw):
    with Store(db, read_only=True) as store:
        return new_pairings(store.con, *WINDOW, group_words=kw.pop("words", ["militia", "brigade"]),
                            min_articles=3, min_outlets=2, **kw)


def _co(day, outlets, group=MILITIA, place=PASS):
    return [make_article(day, o, [group, place]) for o in outlets]


def test_a_group_newly_seen_with_a_place_in_three_articles_from_two_outlets(flat_db):
    # Both were in the news before, but never together.
    store_corpus(flat_db, [make_article(date(2024, 3, 1), OUTLETS[0], [MILITIA]),
                           make_article(date(2024, 3, 2), OUTLETS[1], [PASS])]
                 + _co(date(2024, 3, 27), OUTLETS[:1]) + _co(date(2024, 3, 28), OUTLETS[:2]))
    (alert,) = _pairs(flat_db)
    assert alert.rule == "new_pairing" and alert.subjects == (MILITIA[0], PASS[0])
    assert alert.day == "2024-03-28" and alert.articles == 3 and alert.outlets == 2


@pytest.mark.parametrize(("articles", "why"), [
    (_co(date(2024, 3, 28), [OUTLETS[0]] * 3), "one outlet only"),
    (_co(date(2024, 3, 28), OUTLETS[:2]), "two articles only"),
    (_co(date(2024, 3, 10), OUTLETS[:1]) + _co(date(2024, 3, 28), OUTLETS), "seen together before the window"),
    (_co(date(2024, 3, 28), OUTLETS, group=("Port Authority", "ORG")), "not an armed group"),
    (_co(date(2024, 3, 28), OUTLETS, place=("Harbour Union", "ORG")), "not a place"),
])
def test_no_pairing_alert(flat_db, articles, why):
    store_corpus(flat_db, articles)
    assert _pairs(flat_db) == [], why


def test_a_watchlist_entity_counts_as_a_group_whatever_its_name(flat_db):
    store_corpus(flat_db, _co(date(2024, 3, 28), OUTLETS, group=("Port Authority", "ORG")))
    assert [a.subjects for a in _pairs(flat_db, group_names=["port authority"])] == [("Port Authority", PASS[0])]


def test_the_old_pair_in_the_background_is_not_new(flat_db):
    store_corpus(flat_db, _co(date(2024, 3, 28), OUTLETS, group=GROUP, place=REGION))
    assert _pairs(flat_db) == []


def test_a_pairing_is_raised_once_however_often_detection_runs(flat_db, monitor_settings):
    store_corpus(flat_db, _co(date(2024, 3, 28), OUTLETS))
    first = alerts(flat_db, detect_now=True, settings=monitor_settings)
    store_corpus(flat_db, _co(date(2024, 3, 31), OUTLETS))  # more of the same pair, later
    second = alerts(flat_db, detect_now=True, settings=monitor_settings)
    assert [a.rule for a in first.alerts] == ["new_pairing"] and second.new == ()
    assert [a.id for a in second.alerts] == [a.id for a in first.alerts]


@pytest.mark.parametrize(("name", "hit"), [
    ("Black Ridge Militia", True), ("MILITIA of the hills", True), ("Militiaman Club", False),
    ("Boko Haram", True), ("Bokoharam", False), ("Front (North)", True),
])
def test_armed_group_words_match_whole_words(name, hit):
    import re

    assert bool(re.search(words_pattern(["militia", "boko haram", "front"]), name)) is hit
