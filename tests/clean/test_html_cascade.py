"""The extraction cascade of `clean_html`: trafilatura's costlier modes run only where they could
change the text. trafilatura is replaced by a stub that records how it was asked."""

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
    assert H._main_text(None, None, page_words=len(ARTICLE.split()) + 10) == ARTICLE
    assert made == [(False, True)]


def test_a_thin_text_the_comparison_keeps_gets_recall_mode_too(calls):
    made, texts = calls
    thin = "Share this article. Sign up for our newsletter to read more news."
    texts[(False, True)] = thin
    texts[(False, False)] = thin
    texts[(True, True)] = ARTICLE
    assert H._main_text(None, None, page_words=10 * len(ARTICLE.split())) == ARTICLE
    assert made == [(False, True), (False, False), (True, True)]


def test_a_thin_text_the_comparison_replaced_is_not_tried_in_recall_mode(calls):
    made, texts = calls
    texts[(False, True)] = "Share this article. Sign up for our newsletter to read more news."
    texts[(False, False)] = ARTICLE
    assert H._main_text(None, None, page_words=10 * len(ARTICLE.split())) == ARTICLE
    assert made == [(False, True), (False, False)]


def test_recall_text_is_taken_only_where_it_adds_prose(calls):
    made, texts = calls
    texts[(False, True)] = ARTICLE
    texts[(True, True)] = ARTICLE + "\nHome\nWorld\nSport\nWeather\nContact us\nNewsletters\nPodcasts"
    assert H._main_text(None, None, page_words=2 * len(ARTICLE.split())) == ARTICLE
    assert made == [(False, True), (True, True)]
