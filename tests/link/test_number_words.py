"""Figures written as words, the keys a claim keeps across pages that write them as digits."""

from __future__ import annotations

import pytest

from wirewatch.link.number_words import number_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sixty-three people died", {"63"}),
        ("twenty five thousand fighters", {"25000"}),
        ("three border guards and seventeen civilians", {"3", "17"}),
        ("thousands fled", set()),
    ],
)
def test_english_figures_in_words(text, expected):
    assert number_words(text, "en") == expected
