"""Country names in the relay languages are places: pycountry's catalogues, the shipped everyday
forms, case endings, and one entity per country however many spellings a page uses."""

from __future__ import annotations

import pytest

from wirewatch import analyze_text
from wirewatch.extract.country_names import country_names


def test_catalogues_and_everyday_forms_are_read():
    names = set(country_names(("id", "ro")))
    assert ("SY", "Suriah") in names and ("US", "Statele Unite") in names
    assert ("RU", "Rusia") in names  # data/country_names.csv: the catalogue has only "Federasi Rusia"


@pytest.mark.parametrize(
    "sentence",
    [
        "Pasukan dari Suriah, Rusia dan Amerika Serikat bertemu di Turki pada hari Selasa untuk berunding.",
        "Trupe din Siria, Rusia și Statele Unite s-au întâlnit în Turcia. Președintele Siriei a vorbit marți.",
        "Truppen aus Syrien, Russland und den Vereinigten Staaten trafen sich am Dienstag in der Türkei.",
        "Des troupes de Syrie, de Russie et des États-Unis se sont réunies mardi en Turquie pour négocier.",
    ],
)
def test_countries_of_other_languages_resolve_once_each(sentence):
    text = f"Titre\n\n{sentence}\n\n{sentence}"
    found = analyze_text(text, until="extract").extracted.entities
    places = {e.name: (e.geo.country if e.geo else None) for e in found if e.type == "GPE"}
    assert places.get("Syria") == "SY" and places.get("Russia") == "RU"
    assert places.get("United States") == "US" and places.get("Turkey") == "TR"
    names = [e.name for e in found]
    assert len(names) == len(set(names))
