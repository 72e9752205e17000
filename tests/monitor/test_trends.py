"""Daily series: counts per day from the store, dense over the window, dated by publication."""

from datetime import date

from wirewatch.monitor import trends

from .conftest import BURST_DAY, GROUP, LAST, make_article, settings_with, store_corpus


def test_trends_cover_the_days_to_the_latest_stored_day(planted_db, monitor_settings):
    report = trends(planted_db, days=10, settings=monitor_settings)
    assert report.end == LAST.isoformat() and report.start == "2024-03-22"
    assert all(len(t.days) == 10 for t in report.trends)
    first = report.trends[0]
    assert first.burst and first.peak is not None and first.peak.day == BURST_DAY.isoformat()


def test_one_series_by_name_any_case(planted_db, monitor_settings):
    report = trends(planted_db, entity=GROUP[0].upper(), days=3, settings=monitor_settings)
    (t,) = report.trends
    assert (t.kind, t.name, t.type) == ("entity", GROUP[0], "ORG")
    assert [(d.day, d.articles) for d in t.days] == [("2024-03-29", 0), ("2024-03-30", 8), ("2024-03-31", 0)]
    assert t.dated_by == "published" and t.undated == 0


def test_kinds_cover_places_and_outlets(planted_db, monitor_settings):
    report = trends(planted_db, days=5, kinds=["place", "outlet"], settings=monitor_settings)
    assert {t.kind for t in report.trends} == {"place", "outlet"}
    north = next(t for t in report.trends if t.name == "north.example")
    # Two background pages a day, the group's every-fourth-day page on 03-28, three of the surge's eight.
    assert [d.articles for d in north.days] == [2, 3, 2, 5, 2]


def test_articles_without_a_published_date_count_on_their_stored_day(tmp_path):
    db = store_corpus(tmp_path / "u.duckdb", [make_article(None, "north.example", [("Selmar", "GPE")]),
                                              make_article(date(2024, 3, 1), "north.example", [("Selmar", "GPE")])])
    (t,) = trends(db, entity="Selmar", days=1, settings=settings_with()).trends
    assert t.total == 1 and t.undated == 1 and t.dated_by == "stored"
    assert t.end == date.today().isoformat()


def test_as_of_moves_the_window(planted_db):
    report = trends(planted_db, days=2, settings=settings_with(as_of="2024-03-10"))
    assert (report.start, report.end) == ("2024-03-09", "2024-03-10")
    assert not any(t.burst for t in report.trends)


def test_an_empty_store_has_no_trends(tmp_path, monitor_settings):
    db = store_corpus(tmp_path / "e.duckdb", [])
    assert trends(db, settings=monitor_settings).trends == ()
