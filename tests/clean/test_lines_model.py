"""The line model of the flattened-text cleaner: its features, its trees, the shipped file, the split
it was trained on; on fictional pages written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from wirewatch.clean.flat import clean_flat, line_facts
from wirewatch.clean.line_model import FEATURE_NAMES, MODEL_FILE, Forest, LineModel, features, load_line_model
from wirewatch.clean.line_train import is_held_out
from wirewatch.data import __file__ as data_init

URL = "https://harbourtimes.example/ferry-service-to-resume-after-winter-storms/"
ARTICLE = [
    "Ferry Service To Resume After Winter Storms",
    "The ferry between Lorn and the outer islands will sail again on Monday after three weeks in port.",
    "Harbour master Ines Dahl said the storm had damaged the loading ramp on the island side.",
    "Repairs",
    "Crews worked through the weekend to replace the ramp's hinges and test the hydraulics twice.",
    "Islanders have relied on a small supply boat for food and medicine since the service stopped.",
]
MENU = ["Home", "News", "Sport", "Weather", "Opinion", "Subscribe"]
PAGE = "\n\n".join([*MENU, *ARTICLE, "Share", "Related stories", "Copyright 2025 Harbour Times"])


def test_features_have_one_named_column_each():
    facts, stops = line_facts(PAGE, url=URL)
    x = features(facts, stops)
    assert x.shape == (len(facts), len(FEATURE_NAMES))
    assert np.isfinite(x).all()


def test_no_lines_no_features():
    assert features([], frozenset()).shape == (0, len(FEATURE_NAMES))


def test_a_forest_is_walked_to_its_leaves():
    # One tree: feature 0 <= 1.0 -> leaf -2, else leaf +2; baseline 0.
    forest = Forest(
        feature=np.array([0, 0, 0]), threshold=np.array([1.0, 0.0, 0.0]), left=np.array([1, 0, 0]),
        right=np.array([2, 0, 0]), value=np.array([0.0, -2.0, 2.0]), leaf=np.array([False, True, True]),
        roots=np.array([0]), baseline=0.0,
    )
    p = forest.probabilities(np.array([[0.5], [3.0]]))
    assert p[0] == pytest.approx(1 / (1 + np.exp(2))) and p[1] == pytest.approx(1 / (1 + np.exp(-2)))
    assert LineModel(forest, 0.5).keeps(np.array([[0.5], [3.0]])).tolist() == [False, True]


def test_the_shipped_model_is_small_and_loads():
    from pathlib import Path

    path = Path(data_init).with_name(MODEL_FILE)
    assert path.stat().st_size < 400_000
    assert load_line_model() is not None


def test_a_model_for_other_features_is_refused(tmp_path):
    forest = Forest(*(np.zeros(1, dtype=t) for t in (int, float, int, int, float, bool)), np.zeros(1, int), 0.0)
    path = tmp_path / "other.npz"
    LineModel(forest, 0.5).save(path)
    with np.load(path) as z:
        arrays = dict(z)
    arrays["names"] = np.frombuffer(b"something else", dtype=np.uint8)
    np.savez(path, **arrays)
    assert load_line_model(str(path)) is None


# A longer page, as the model is used on (40 lines or more): a site menu, the article with a
# subheading, a related-stories box and a footer.
SITE_MENU = ["Home", "News", "Local", "Islands", "Business", "Sport", "Weather", "Opinion", "Culture",
             "Travel", "Podcasts", "Puzzles", "Obituaries", "Events", "Jobs", "Subscribe", "Log in", "Search"]
MORE = [
    "Officials expect the first sailing to carry mostly freight, with passengers allowed from Tuesday.",
    "The operator said tickets bought for cancelled crossings would be honoured until the end of March.",
    "A second vessel, laid up for its annual inspection, is due back in service in about a fortnight.",
    "Fishermen on the outer islands said the storms had also kept their boats in harbour for days.",
    "The council will meet on Thursday to discuss whether the ramp needs a permanent replacement.",
    "Engineers have warned that the hinges fitted this weekend are a temporary solution at best.",
]
RELATED = ["Related stories", "Storm closes coastal road for a second day", "Island school reopens after repairs",
           "New harbour master named", "Ferry timetable changes for summer"]
FOOTER = ["About us", "Contact", "Advertise", "Privacy policy", "Terms of use", "Copyright 2025 Harbour Times"]
LONG_PAGE = "\n\n".join([*SITE_MENU, *ARTICLE, *MORE, *RELATED, *FOOTER])


def test_the_model_keeps_the_article_and_drops_the_chrome_of_a_long_page():
    assert len(line_facts(LONG_PAGE, url=URL)[0]) >= 40  # long enough for the model to be asked
    body = clean_flat(LONG_PAGE, url=URL).paragraphs
    assert set(ARTICLE[1:3] + MORE) <= set(body)
    assert not set(SITE_MENU + RELATED + FOOTER) & set(body)


def test_short_pages_are_left_to_the_rules():
    assert clean_flat(PAGE, url=URL).paragraphs == clean_flat(PAGE, url=URL, model=False).paragraphs


def test_the_rules_alone_still_clean():
    body = clean_flat(PAGE, url=URL, model=False).paragraphs
    assert ARTICLE[1] in body and not set(MENU) & set(body)


@pytest.mark.parametrize("url", ["https://www.harbourtimes.example/a", "https://harbourtimes.example/b/c"])
def test_held_out_pages_are_chosen_by_site(url):
    assert is_held_out(url) == is_held_out("https://harbourtimes.example/other")
