"""Wire datelines: the place and date a report opens with, read as the report's date."""

from __future__ import annotations

import pytest

from wirewatch.clean.dateline import dateline_at
from wirewatch.clean.metadata import published_of
from wirewatch.clean.parts import DateSeen, PageParts
from wirewatch.model import Found, Source


@pytest.mark.parametrize(
    ("text", "date", "rest"),
    [
        ("VARNA, March 3, 2031. Border guards said on Monday ...", "2031-03-03", "Border guards"),
        ("ВАРНА, 3 марта 2031. Пограничники заявили ...", "2031-03-03", "Пограничники"),
        ("Selmar, 3 Maret 2031 - Penjaga perbatasan mengatakan ...", "2031-03-03", "Penjaga"),
        ("Varna, 03.03.2031 (QNA) - Die Grenzschutz ...", "2031-03-03", "Die"),
        ("Quarn, 3 March 2031 (Vostok Wire): Guards said ...", "2031-03-03", "Guards"),
        ("VARNA (Vostok Wire) - Border guards said ...", None, "Border guards"),
        ("VARNA, Selmar (QNA) \u2014 Border guards said ...", None, "Border guards"),
        # a day and a month without the year: the wires' usual form, dating nothing
        ("VARNA, Sept 3 (Vostok Wire) - Border guards said ...", None, "Border guards"),
        ("VARNA, Jan. 5 \u2014 Border guards said ...", None, "Border guards"),
        ("ВАРНА, 3 марта. Пограничники заявили ...", None, "Пограничники"),
    ],
)
def test_a_dateline_gives_the_place_the_date_and_where_the_report_begins(text, date, rest):
    found = dateline_at(text)
    assert found is not None
    assert found.date == date
    assert text[found.end :].startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "Varna, the guards said, is calm tonight.",  # a place like any word, and no date
        "NATO: the alliance will meet on Monday.",  # a colon after capitals is no dateline
        "Border guards said on March 3, 2031 that ...",
        "The Selmar ministry - a body of 40 staff - said ...",
        "VARNA, March 3, 2031.",  # nothing after it
        "Varna, March 3 - guards said ...",  # a day and month after a place like any word
        "VARNA, 3 guards said ...",  # a figure is no date
    ],
)
def test_sentences_that_only_look_like_datelines_are_none(text):
    assert dateline_at(text) is None


def _parts(*paragraphs: str, dates: tuple[DateSeen, ...] = ()) -> PageParts:
    return PageParts(title=Found(None), author=Found(None), paragraphs=paragraphs, dates=dates)


def test_a_dateline_dates_a_page_that_gives_no_other_date():
    source = Source(id="x", name="page", raw=b"", kind="text")
    found, _ = published_of(source, _parts("VARNA, March 3, 2031. Border guards said on Monday that ..."))
    assert (found.value, found.source) == ("2031-03-03", "dateline")


def test_a_byline_date_and_structured_dates_outrank_a_dateline():
    source = Source(id="x", name="page", raw=b"", kind="text")
    parts = _parts("VARNA, March 3, 2031. Border guards said ...", dates=(DateSeen("2031-03-04", "byline", "4 March 2031"),))
    assert published_of(source, parts)[0].value == "2031-03-04"
    given = Source(id="x", name="page", raw=b"", kind="text", published="2031-03-05")
    assert published_of(given, parts)[0].value == "2031-03-05"


def test_a_page_header_date_gives_way_to_the_dateline():
    source = Source(id="x", name="page", raw=b"", kind="text")
    parts = _parts("VARNA, March 3, 2031. Border guards said ...", dates=(DateSeen("2033-06-17", "page_header", "June 17, 2033"),))
    assert published_of(source, parts)[0].value == "2031-03-03"


def test_a_city_written_like_any_word_opens_a_dateline_with_a_dash_where_the_caller_knows_it():
    # Indonesian and Malay wires: "Moskow - ..."; the caller tells a city's name from a word
    text = "Selmar - Penjaga perbatasan mengatakan ..."
    assert dateline_at(text) is None
    found = dateline_at(text, city=lambda name: name == "Selmar")
    assert found is not None and text[found.end :].startswith("Penjaga")
    assert dateline_at("Update - Penjaga ...", city=lambda name: name == "Selmar") is None
    found = dateline_at("Selmar (dpa) - Die Grenze ...", city=lambda name: name == "Selmar")
    assert found is not None and found.text == "Selmar (dpa)"
