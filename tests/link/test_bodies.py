"""One official body named in several languages is one speaker (`link.bodies`)."""

from __future__ import annotations

import pytest

from wirewatch.link.bodies import body_of, same_body
from wirewatch.link.claims import find_claims
from wirewatch.model import Statement

from .conftest import make_article


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("State Committee for National Security", "Comitetul de Stat pentru Securitate Națională"),
        ("State Committee for National Security", "Komite Negara untuk Keamanan Nasional"),
        ("State Committee for National Security", "Gosudarstvennyy komitet natsional'noy bezopasnosti"),
        # one meaning more on one side ("state"), a country on one side only
        ("Velarian national security committee", "Staatskomitee für Nationale Sicherheit"),
        ("Tajikistan's defence ministry", "ministère tadjik de la Défense"),
        ("Tajikistan's defence ministry", "Verteidigungsministeriums"),
    ],
)
def test_one_body_in_two_languages(a, b):
    assert same_body(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tajikistan's defence ministry", "Russia's defence ministry"),  # two countries
        ("Ministry of Defence", "Ministry of Foreign Affairs"),
        ("State Committee for National Security", "Ministry of Defence"),
        ("Sergei Beseda", "Sergej Beseda"),  # people are matched by their names, not here
        # a body of the alias table is known by its canonical name, not by what its words mean
        ("Federal Security Service", "Velarian security service"),
    ],
)
def test_different_bodies_or_no_bodies(a, b):
    assert not same_body(a, b)


def test_a_word_alone_names_no_body():
    assert body_of("the ministry") is None and body_of("Interior") is None


def said(content, speaker):
    return Statement(speaker, None, speaker, None, "said", content, "indirect", "named", (0, 10))


def test_a_bodys_statement_in_two_languages_is_one_claim():
    arts = [
        make_article("a", "x", outlet="wire.example", published="2024-05-02", language="en",
                     statements=(said("Gunmen from Velaria attacked the Dornak border post, killing 4 guards",
                                      "State Committee for National Security"),)),
        make_article("b", "x", outlet="stiri.example", published="2024-05-02", language="ro",
                     statements=(said("Bărbați înarmați din Velaria au atacat postul Dornak, ucigând 4 grăniceri",
                                      "Comitetul de Stat pentru Securitate Națională"),)),
    ]
    (claim,) = find_claims(arts, story="s1")
    assert claim.independent_outlets == 2 and claim.corroboration == 1
