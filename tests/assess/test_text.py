"""The small text helpers: sentences with offsets, the light stemmer."""

from __future__ import annotations

import pytest

from wirewatch.assess.text import content_stems, sentences, stem


@pytest.mark.parametrize(
    ("a", "b"),
    [("plans", "planned"), ("use", "used"), ("transferring", "transferred"), ("round", "rounds"), ("militants", "militant")],
)
def test_stem_joins_forms(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("US", "us"), ("US", "use"), ("IS", "is")])
def test_acronyms_keep_their_case(a, b):
    assert stem(a) != stem(b)


def test_content_stems_keep_acronyms_drop_stopwords():
    assert content_stems("Taliban, IS may invade the region") == {"Taliban".lower(), "IS", "invad", "region"}


def test_sentences_carry_offsets():
    text = "Mr. Smith said so. Then he left!\n\nA new paragraph"
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["Mr. Smith said so.", "Then he left!", "A new paragraph"]
