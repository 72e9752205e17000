import pytest

pytest.importorskip("tantivy")

from tests.api.corpus import hostile, southfront, tass  # noqa: E402
from wirewatch.store.db import Store  # noqa: E402
from wirewatch.store.search import SearchIndex, index_path, refresh_search_index  # noqa: E402


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "w.duckdb") as s:
        yield s


def test_the_index_lives_beside_the_database(tmp_path):
    assert index_path(tmp_path / "w.duckdb") == tmp_path / "w.duckdb.search"


def test_refresh_adds_only_what_is_new_and_survives_reopening(store):
    store.save_batch([southfront()])
    assert refresh_search_index(store) == 1
    assert refresh_search_index(store) == 0
    store.save_batch([tass(), hostile()])
    assert refresh_search_index(store) == 2
    index = SearchIndex.for_db(store.path)
    assert index.watermark() == 3
    assert index.search("moscow") == (["a-fsb"], 1)


@pytest.mark.parametrize(("q", "ids"), [
    ("FSB", ["a-fsb"]),
    ("fsb moscow", ["a-fsb"]),
    ("ФСБ", ["a-tass"]),
    ("title:headline", ["a-xss"]),
    ('"two men"', ["a-fsb"]),
    ('"men two"', []),
    ("detained -moscow", []),
    ("script alert", ["a-xss"]),
])
def test_queries(store, q, ids):
    store.save_batch([southfront(), tass(), hostile()])
    refresh_search_index(store)
    assert SearchIndex.for_db(store.path).search(q)[0] == ids


def test_a_title_match_ranks_above_a_body_match(store):
    store.save_batch([southfront(), tass(), hostile()])
    refresh_search_index(store)
    # "Selmar" is only in a-xss's body; "headline" is in its title: both find it, the order is by score.
    index = SearchIndex.for_db(store.path)
    assert index.search("the OR headline")[0][0] == "a-xss"


def test_an_in_memory_store_has_no_index():
    with Store(":memory:") as s:
        s.save_batch([southfront()])
        assert refresh_search_index(s) == 0
