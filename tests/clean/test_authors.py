"""An export's author list as crawler libraries fill it: names kept, link texts and roles left out."""

import pytest

from wirewatch.clean.authors import byline_in_block, given_authors
from wirewatch.clean.flat import clean_flat


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("View All Posts, Anna Kerr", "Anna Kerr"),
        ("More Anna, Anna Kerr, Valdren Post, More Tomas", "Anna Kerr, Valdren Post"),
        ("Tomas Brell, Valdren Post National Politics Reporter", "Tomas Brell"),
        ("Anna Kerr, Anna Kerr", "Anna Kerr"),
        ("Kerr, Anna", "Kerr, Anna"),
        ("Staff Writer", None),
        # a site's slogan the crawler took for authors
        ("Anna Kerr, Because Without Valdra, There Is No Free World.", "Anna Kerr"),
        ("Valdren Institute of Policy, Because Without Valdra, There Is No Free World.", "Valdren Institute of Policy"),
        ("", None),
        (None, None),
    ],
)
def test_given_authors(value, expected):
    assert given_authors(value) == expected


# The lines between a headline and its article, as flattened pages print them (fictional).
PAGE_TEXT = "The ferry operators carried most commuters during the closure, and the plants by the river bloomed."


@pytest.mark.parametrize("block, expected", [
    (["Renata Quill", "Dec 18, 2031", "Share"], "Renata Quill"),  # a name over the date
    (["Dec. 19, 2031 · Tomas Brell on behalf of the transport desk"], None),  # no "by", not beside alone
    (["by Tomas Brell | Transport | 8 min read"], "Tomas Brell"),
    (["109 Comments | Ilse Varga | Last Updated: March 11, 2031"], "Ilse Varga"),
    (["Written by:", "Ilse Varga", "Related articles"], "Ilse Varga"),
    (["By", "Wedding ChecklistsJust EngagedWedding Planning", "Naoise Brennan"], "Naoise Brennan"),
    (["Ahmet Kaya January 23, 2031 10:01 am"], "Ahmet Kaya"),
    (["By Peter Dunmore on Tuesday, August 21, 2031"], "Peter Dunmore"),
    (["By Jonas Weller Jan. 31, 2031 7:47 am EST", "Bowers & Wilkins"], "Jonas Weller"),
    # labels beside a date are no people: common words, a job title, capitals, a weekday
    (["Indoor Plants", "March 2, 2031"], None),
    (["Marketing Director", "March 2, 2031"], None),
    (["AI Safety Forum", "18th Dec 2031"], None),
    (["Friday Roundup", "March 2, 2031"], None),
    (["No Comments", "March 2, 2031"], None),
])
def test_the_byline_block_under_the_headline_names_the_author(block, expected):
    assert byline_in_block(block, PAGE_TEXT + " indoor marketing comments") == expected


def test_a_flattened_page_takes_its_author_from_the_block_under_the_headline():
    page = (
        "Kessel Courier\n\nHome | Transport | Opinion\n\nHarbour bridge reopens after eleven weeks\n\n"
        "Renata Quill\n\nMarch 2, 2031\n\n"
        "The harbour bridge at Kessel reopened to traffic on Saturday after eleven weeks of repairs to its eastern "
        "span, the port authority said in a statement.\n\n"
        "Engineers replaced forty steel cables and resurfaced the deck, work the authority said came in under "
        "budget despite the storms that closed the site twice in February.\n"
    )
    parts = clean_flat(page, language="en")
    assert parts.author.value == "Renata Quill"
