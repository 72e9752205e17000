"""The gazetteer kept on disk: what a worker reads back is the gazetteer it would have built."""

from __future__ import annotations

from wirewatch.extract import place_cache
from wirewatch.extract.places import build_gazetteer, geocode, load_gazetteer


def test_cached_gazetteer_equals_the_built_one(tmp_path):
    built = build_gazetteer()
    path = tmp_path / "gazetteer.marshal"
    place_cache.write(path, built)
    read = place_cache.read(path)
    assert read is not None
    for field in ("countries", "by_iso", "regions", "subdivisions", "demonyms", "neighbours"):
        assert dict(getattr(read, field)) == dict(getattr(built, field)), field
    for field in ("cities", "alt_cities"):
        ours, theirs = getattr(read, field), getattr(built, field)
        assert set(ours) == set(theirs)
        assert all(list(ours.get(k, ())) == list(theirs.get(k, ())) for k in ("tripoli", "moscow", "kiev", "paris"))


def test_a_broken_cache_file_is_ignored(tmp_path):
    path = tmp_path / "gazetteer.marshal"
    path.write_bytes(b"not marshal data")
    assert place_cache.read(path) is None


def test_stale_caches_are_removed_when_a_new_one_is_written(tmp_path):
    old = tmp_path / "gazetteer-0000.marshal"
    old.write_bytes(b"")
    place_cache.write(tmp_path / "gazetteer-1111.marshal", load_gazetteer())
    assert not old.exists()


def test_the_cache_location_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert place_cache.cache_file().parent == tmp_path / "wirewatch"


def test_lookups_through_the_lazy_table_give_places():
    assert geocode("Tripoli", context={"LB": 1}).country == "LB"
