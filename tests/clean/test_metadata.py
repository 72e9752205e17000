"""Publication date and `date_conflict`: which dates are trusted, and when dates contradict.

Page parts are built by hand (no cleaner runs): each case gives the dates a cleaner would have
found and where, and says which date is chosen and whether a conflict is reported.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from wirewatch.clean.metadata import DATE_MARGIN_DAYS, published_of, title_of
from wirewatch.clean.parts import DateSeen, PageParts
from wirewatch.model import Found, Signal, Source


def _source(*, url: str | None = None, published: str | None = None) -> Source:
    return Source(id="x", name="page", raw=b"", kind="html", url=url, published=published)


def _parts(*dates: DateSeen) -> PageParts:
    return PageParts(title=Found(None), author=Found(None), paragraphs=(), dates=dates)


def _comment(day: str) -> DateSeen:
    return DateSeen(day, "comment", "I read this years ago and it is still true.")


def _conflicts(signals: tuple[Signal, ...]) -> bool:
    return any(s.kind == "date_conflict" for s in signals)


def test_page_header_date_newer_than_a_comment_is_dropped_with_a_conflict():
    """The seed case: a 'Monday, June 17, 2024' header widget above comments of 2015."""
    found, signals = published_of(
        _source(url="https://news.example/taliban-may-invade-4057/"),
        _parts(DateSeen("2024-06-17", "page_header", "Monday, June 17, 2024"), _comment("2015-10-29")),
    )
    assert found.value is None
    assert _conflicts(signals)
    assert "2015-10-29" in signals[0].detail


def test_byline_date_years_after_the_comments_is_kept_at_half_confidence_with_a_conflict():
    found, signals = published_of(
        _source(), _parts(DateSeen("2021-03-01", "byline", "2021-03-01T10:00"), _comment("2016-05-02"))
    )
    assert (found.value, found.source, found.confidence) == ("2021-03-01", "byline", 0.375)
    assert _conflicts(signals)


@pytest.mark.parametrize(
    ("where", "url", "published"),
    [
        ("html_meta", None, None),
        ("url", "https://blog.example/2024/06/03/best-hotel-brands/", None),
        ("meta", None, "2024-06-03"),
    ],
)
def test_republished_post_with_a_structured_date_is_no_conflict(where, url, published):
    """A post re-dated in its meta tags (or address, or sidecar) keeps its comments from 2014."""
    dates = [_comment("2014-05-26")]
    if where == "html_meta":
        dates.append(DateSeen("2024-06-03", "html_meta", "2024-06-03T08:00:00+00:00"))
    found, signals = published_of(_source(url=url, published=published), _parts(*dates))
    assert (found.value, found.source) == ("2024-06-03", where)
    assert found.confidence >= 0.85
    assert not _conflicts(signals)


def test_structured_html_meta_is_preferred_over_a_visible_date():
    found, signals = published_of(
        _source(),
        _parts(DateSeen("2024-06-10", "byline", "Updated June 10, 2024"),
               DateSeen("2024-06-03", "html_meta", "2024-06-03"), _comment("2024-06-04")),
    )
    assert (found.value, found.source) == ("2024-06-03", "html_meta")
    assert not _conflicts(signals)


@pytest.mark.parametrize("days_before", range(0, DATE_MARGIN_DAYS + 1))
def test_comment_within_the_margin_is_no_conflict(days_before):
    """Time zones and scheduled posts put a comment a day or two 'before' its article."""
    comment_day = (date(2024, 6, 17) - timedelta(days=days_before)).isoformat()
    found, signals = published_of(
        _source(), _parts(DateSeen("2024-06-17", "byline", "June 17, 2024"), _comment(comment_day))
    )
    assert (found.value, found.confidence) == ("2024-06-17", 0.75)
    assert not _conflicts(signals)


def test_comment_just_past_the_margin_is_a_conflict():
    comment_day = (date(2024, 6, 17) - timedelta(days=DATE_MARGIN_DAYS + 1)).isoformat()
    _, signals = published_of(_source(), _parts(DateSeen("2024-06-17", "byline", "June 17, 2024"), _comment(comment_day)))
    assert _conflicts(signals)


def test_comment_dated_before_the_web_is_a_quoted_date_not_a_conflict():
    """'Loriot was born on 12 November 1923' in a comment does not date the comment."""
    found, signals = published_of(
        _source(), _parts(DateSeen("2023-11-06", "byline", "06.11.2023"), _comment("1923-11-08"))
    )
    assert found.value == "2023-11-06"
    assert not _conflicts(signals)


def test_comments_after_the_date_are_no_conflict():
    found, signals = published_of(
        _source(), _parts(DateSeen("2024-06-17", "page_header", "June 17, 2024"), _comment("2024-06-18"))
    )
    assert found.value == "2024-06-17"
    assert not _conflicts(signals)


def test_no_dates_at_all():
    assert published_of(_source(), _parts()) == (Found(None), ())


@pytest.mark.parametrize("placeholder", ["1970-01-01T00:00:00Z", "1900-01-01"])
def test_a_cms_placeholder_date_is_no_date(placeholder):
    found, _ = published_of(_source(), _parts(DateSeen(placeholder[:10], "html_meta", placeholder)))
    assert found.value is None


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Ferry Prices To Rise In January \u2013 Harbour Rising", "http://harbourrising.com/3694/ferry", "Ferry Prices To Rise In January"),
        ("Judge Frees Dockers \u22c6 Valley Daily", "https://www.valleydaily.net/judge", "Judge Frees Dockers"),
        ("Mayor leads in new poll - HARBOURPOST", "http://harbourp.st/2d15", "Mayor leads in new poll"),
        ("Mayor leads in new poll :: Harbour Post", "http://harbourpost.net/2d15", "Mayor leads in new poll"),
        # an ending that does not spell the address is the headline's
        ("Council Pick \u2013 Promptly Resigns", "http://valleydaily.net/pick", "Council Pick \u2013 Promptly Resigns"),
    ],
)
def test_outlet_name_after_the_headline_is_cut_where_it_spells_the_address(title, url, expected):
    parts = PageParts(title=Found(title, "text line 1", 0.8), author=Found(None), paragraphs=())
    assert title_of(_source(url=url), parts).value == expected
    meta = Source(id="x", name="page", raw=b"", kind="jsonl", url=url, title=title)
    assert title_of(meta, _parts()).value == expected
