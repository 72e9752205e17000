"""An export's author list as crawler libraries fill it: names kept, link texts and roles left out."""

import pytest

from wirewatch.clean.authors import given_authors


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
