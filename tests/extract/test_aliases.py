"""The alias table: folding, acronyms, shipped groups and a user table merged over them."""

from __future__ import annotations

import pytest

from wirewatch.errors import ConfigError
from wirewatch.extract.aliases import fold, load_aliases


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Al-Qaeda", "al qaeda"),
        ("U.N.", "un"),
        ("Da'esh", "daesh"),
        ("ФСБ", "fsb"),
        ("Федеральная служба", "federalnaya sluzhba"),
        ("  Tehreek-i-Taliban   Pakistan ", "tehreek i taliban pakistan"),
    ],
)
def test_fold(text, key):
    assert fold(text) == key


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("ISIS", "Islamic State"),
        ("IS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("Dahesh", "Islamic State"),
        ("Исламское государство", "Islamic State"),
        ("IS-K", "Islamic State Khorasan Province"),
        ("ISKP", "Islamic State Khorasan Province"),
        ("FSB", "Federal Security Service"),
        ("ФСБ", "Federal Security Service"),
        ("SVR", "Foreign Intelligence Service"),
        ("CSTO", "Collective Security Treaty Organization"),
        ("Commonwealth of Independent States", "Commonwealth of Independent States"),
        ("TTP", "Tehreek-i-Taliban Pakistan"),
        ("IMU", "Islamic Movement of Uzbekistan"),
        ("al-Qaida", "al-Qaeda"),
        ("Путин", "Vladimir Putin"),
    ],
)
def test_shipped_aliases(surface, canonical):
    hit = load_aliases().lookup(surface)
    assert hit is not None and hit.canonical == canonical


@pytest.mark.parametrize("surface", ["is", "Is", "fsb", "Un", "Nothing Known"])
def test_acronyms_need_their_capitals(surface):
    assert load_aliases().lookup(surface) is None


def test_user_table_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "canonical,type,alias\n"
        "# a brigade invented for this test\n"
        "Northern Shield Brigade,ORG,NSB\n"
        "Islamic State,ORG,IS-K\n",
        encoding="utf-8",
    )
    table = load_aliases(str(path))
    assert table.lookup("NSB").canonical == "Northern Shield Brigade"
    assert table.lookup("Northern Shield Brigade").type == "ORG"
    assert table.lookup("IS-K").canonical == "Islamic State"  # the user's choice wins
    assert table.lookup("FSB").canonical == "Federal Security Service"  # shipped rows stay


@pytest.mark.parametrize(
    "text",
    ["canonical,type,alias\nSomething,ARMY,Smth\n", "canonical,type,alias\nOnly Two,ORG\n"],
)
def test_bad_user_table_is_a_config_error(tmp_path, text):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_aliases(str(path))


def test_missing_user_table_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError):
        load_aliases(str(tmp_path / "absent.csv"))


@pytest.mark.parametrize(("surface", "found"), [("LeT", True), ("Let", False), ("JeM", True), ("Jem", False)])
def test_mixed_case_acronyms_keep_their_case(surface, found):
    assert (load_aliases().lookup(surface) is not None) is found


def test_country_column(tmp_path):
    path = tmp_path / "tied.csv"
    path.write_text(
        "canonical,type,alias,country\nOmar Tessin,PERSON,Tessin,ly\nOmar Tessin,PERSON,O. Tessin\n",
        encoding="utf-8",
    )
    table = load_aliases(str(path))
    assert table.lookup("O. Tessin").country == "LY"  # given once, it holds for every spelling
    assert load_aliases().lookup("Khalifa Haftar").country == "LY"  # shipped rows carry it too


def test_bad_country_is_a_config_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("canonical,type,alias,country\nX Group,ORG,XG,Libya\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_aliases(str(path))
