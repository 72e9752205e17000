from dataclasses import replace

import pytest

from wirewatch.assess.outlets import domain_of, import_ratings, outlet_profiles
from wirewatch.errors import ConfigError
from wirewatch.model import Signal, Statement
from wirewatch.store.db import Store

from ..store.test_db import _article


def _statement(sourcing: str) -> Statement:
    return Statement("X", None, "x", None, "said", "something happened", "indirect", sourcing, (0, 4))


@pytest.fixture()
def store(tmp_path):
    a1 = _article(1)
    a1 = replace(a1, extracted=replace(a1.extracted, statements=(_statement("none"), _statement("named"))),
                 signals=(Signal("headline_overstates", "Bridge vote", None),))
    a2 = _article(2)
    a2 = replace(a2, extracted=replace(a2.extracted, statements=(_statement("vague"), _statement("named"))),
                 signals=())
    with Store(tmp_path / "w.duckdb") as s:
        s.save_batch([a1, a2])
        yield s


def test_profile_measures_own_voice_vague_and_overstating_headlines(store):
    (p,) = outlet_profiles(store)
    assert (p.outlet, p.articles, p.statements) == ("s.example", 2, 4)
    assert (p.own_voice_share, p.vague_share, p.headline_overstates_rate) == (0.25, 0.25, 0.5)
    assert p.ratings == ()


def test_imported_ratings_sit_beside_the_profile_and_reimport_replaces_them(store, tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("Source,Type\nhttps://www.S.example/,satire\nother.example,reliable\n")
    assert import_ratings(store, f, rated_by="List A", domain_column="source", rating_column="type") == 2
    f.write_text("domain,rating\ns.example,mixed\n")
    import_ratings(store, f, rated_by="List A")
    (p,) = outlet_profiles(store)
    assert [(r.rating, r.rated_by) for r in p.ratings] == [("mixed", "List A")]
    assert p.own_voice_share == 0.25  # a rating never changes a measurement


def test_a_file_without_a_recognisable_rating_column_is_refused(store, tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("domain,notes\ns.example,hello\n")
    with pytest.raises(ConfigError, match="rating"):
        import_ratings(store, f, rated_by="List B")


@pytest.mark.parametrize(("value", "domain"), [("https://www.Example.org/a", "example.org"),
                                                ("www.example.org", "example.org"), ("example.org/x", "example.org")])
def test_domain_of(value, domain):
    assert domain_of(value) == domain
