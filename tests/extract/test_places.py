"""Places: the offline gazetteer, resolved in the context of the countries an article mentions."""

from __future__ import annotations

import pytest

from wirewatch.extract.places import geocode, load_gazetteer


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Tripoli", {"LY": 2}, "LY"),
        ("Tripoli", {"LB": 1}, "LB"),
        ("Tripoli", {}, "LY"),  # no context: the most populous namesake
        ("Moscow", {}, "RU"),
        ("Moscow", {"US": 3}, "RU"),  # a world city is not displaced by a small namesake...
        ("Moscow", {"US": 1, "US-ID": 1}, "US"),  # ...unless the article names its state
        ("Paris", {"US": 5}, "FR"),
    ],
)
def test_context_picks_the_namesake(name, context, country):
    assert geocode(name, context=context).country == country


@pytest.mark.parametrize(
    ("name", "country"),
    [("Tajikistan", "TJ"), ("Kenya", "KE"), ("Pakistan", "PK"), ("Samarkand", "UZ"), ("Москва", "RU")],
)
def test_country_codes(name, country):
    assert geocode(name).country == country


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Central Asia", None, 42.0, 64.0),
        ("the Middle East", None, 29.0, 42.0),
        ("North Caucasus", "RU", 43.3, 45.0),
        ("post-Soviet space", None, 50.0, 60.0),
    ],
)
def test_regions(name, country, lat, lon):
    geo = geocode(name)
    assert geo.country == country
    assert abs(geo.lat - lat) < 0.5 and abs(geo.lon - lon) < 0.5


@pytest.mark.parametrize(("name", "country"), [("northern Afghanistan", "AF"), ("Eastern Ukraine", "UA")])
def test_direction_within_a_country(name, country):
    geo = geocode(name)
    assert geo.country == country
    assert geo.place == load_gazetteer().by_iso[country].name


def test_facility_falls_back_to_its_city():
    assert geocode("Karachi airport", trim=True).country == "PK"
    assert geocode("Karachi airport") is None


def test_unknown_place():
    assert geocode("Zzyzxland") is None


@pytest.mark.parametrize(
    ("name", "country"), [("White House", "US"), ("Kiev", "UA"), ("Kharkov", "UA"), ("Bombay", "IN")]
)
def test_old_spellings_and_landmarks(name, country):
    assert geocode(name, trim=True).country == country


@pytest.mark.parametrize("name", ["the West", "the North", "Pacific"])
def test_directions_are_not_towns(name):
    geo = geocode(name)
    assert geo is None or geo.country is None  # nowhere, or an ocean: never a town called "West"
