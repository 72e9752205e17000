"""The extraction cascade of `clean_html`: trafilatura's costlier modes run only where they could
change the text. trafilatura is replaced by a stub that records how it was asked, but for the last
test, which reads a whole page."""

from __future__ import annotations

import pytest
from lxml import etree

from wirewatch.clean import html as H

ARTICLE = " ".join(["The river authority warned of floods in three districts this spring."] * 12)


@pytest.fixture
def calls(monkeypatch):
    """Each extraction as (recall, fast); the stub's texts by mode are set per test."""
    made: list[tuple[bool, bool]] = []
    texts: dict[tuple[bool, bool], str] = {}

    def extract(tree, url, *, recall=False, fast=True):
        made.append((recall, fast))
        body = etree.fromstring(f"<body><p>{texts[(recall, fast)]}</p></body>")
        return texts[(recall, fast)], body

    monkeypatch.setattr(H, "_extract", extract)
    return made, texts


def test_a_text_covering_the_page_takes_one_fast_extraction(calls):
    made, texts = calls
    texts[(False, True)] = ARTICLE
    assert H._main_text(None, None, page_words=len(ARTICLE.split()) + 10)[0] == ARTICLE
    assert made == [(False, True)]


def test_a_thin_text_the_comparison_keeps_gets_recall_mode_too(calls):
    made, texts = calls
    thin = "Share this article. Sign up for our newsletter to read more news."
    texts[(False, True)] = thin
    texts[(False, False)] = thin
    texts[(True, True)] = ARTICLE
    assert H._main_text(None, None, page_words=10 * len(ARTICLE.split()))[0] == ARTICLE
    assert made == [(False, True), (False, False), (True, True)]


def test_a_thin_text_the_comparison_replaced_is_not_tried_in_recall_mode(calls):
    made, texts = calls
    texts[(False, True)] = "Share this article. Sign up for our newsletter to read more news."
    texts[(False, False)] = ARTICLE
    assert H._main_text(None, None, page_words=10 * len(ARTICLE.split()))[0] == ARTICLE
    assert made == [(False, True), (False, False)]


def test_recall_text_is_taken_only_where_it_adds_prose(calls):
    made, texts = calls
    texts[(False, True)] = ARTICLE
    texts[(True, True)] = ARTICLE + "\nHome\nWorld\nSport\nWeather\nContact us\nNewsletters\nPodcasts"
    assert H._main_text(None, None, page_words=2 * len(ARTICLE.split()))[0] == ARTICLE
    assert made == [(False, True), (True, True)]


# A guestbook page laid out in tables: its entries scroll in a <marquee>, which trafilatura's cleaning
# deletes; wirewatch drops it ahead of trafilatura, so the comparison must still see it.
ENTRIES = [
    ("I met Tomas at the river clinic in 2019 and he was the kindest nurse on the ward. He stayed late every night "
     "to read to the children, and we will never forget the songs he taught them.", "Rosa Delane (Harwick, ME)"),
    ("Tomas coached our youth football team for six seasons. He never raised his voice, and he made every boy "
     "feel that he belonged on the field. Our thoughts are with his family this week.", "Kevin Marsh (Olden, VT)"),
    ("We shared an office at the county library for eleven years. Tomas could find any book from a half "
     "remembered title and a colour, and he laughed at every one of my terrible jokes.", "Ada Fenwick"),
    ("My daughter learned to swim because Tomas refused to give up on her fear of the water. Thank you for "
     "sharing him with all of us, and may the memories bring you some comfort.", "Lena Ostrova (Marlow, NH)"),
]


def _guestbook_page() -> str:
    rows = "".join(f"<tr><td><font size=2>{text}<br><i>{who}</i></font></td></tr>" for text, who in ENTRIES)
    return (
        "<html><head><title>Remembering Tomas Abel</title></head><body>"
        "<table><tr><td><a href='/'>Home</a> | <a href='/guestbook'>Guestbook</a></td></tr>"
        "<tr><td><p>We lost Tomas in March after a long illness. Below are messages left by friends.</p></td></tr>"
        f"<tr><td><marquee direction=up behavior=scroll><table>{rows}</table></marquee></td></tr>"
        "<tr><td>Site by Harwick Web Works</td></tr></table></body></html>"
    )


def test_a_page_whose_text_scrolls_in_a_marquee_keeps_it():
    body = "\n".join(H.clean_html(_guestbook_page()).paragraphs)
    assert "river clinic" in body
    assert "terrible jokes" in body
