from dataclasses import replace

from tests.link.conftest import make_article
from wirewatch.ingest.dedupe import NearDuplicates
from wirewatch.store.db import Store, StoreBandIndex

STORY = (
    "The council of Selmar voted on Tuesday to rebuild the old river bridge after engineers found that "
    "two of its pillars could not be repaired. The new bridge will cost about forty million euros and "
    "should open in three years. Until then a ferry will carry cars and bicycles across the river every "
    "twenty minutes from six in the morning until midnight, the council said in a statement."
)
OTHER = (
    "Farmers in the northern valley began the grape harvest two weeks early this year because of the "
    "long dry summer. Growers said the crop was smaller than usual but the quality was high, and prices "
    "for the best wines are expected to rise. The regional wine board will publish its first estimate "
    "of the harvest at the end of the month, a spokesman said."
)


def test_a_reprint_with_a_new_last_line_joins_the_first_copys_group(settings):
    nd = NearDuplicates.in_memory(settings)
    assert nd.assign("a", STORY) is None
    assert nd.assign("b", STORY + " Reporting by the Selmar Wire.") == "a"
    assert nd.regrouped == {"a": "a"}


def test_different_texts_and_short_texts_are_not_grouped(settings):
    nd = NearDuplicates.in_memory(settings)
    assert nd.assign("a", STORY) is None
    assert nd.assign("b", OTHER) is None
    assert nd.assign("c", "Too short to judge.") is None



class _CountingConnection:
    """A DuckDB connection that remembers the SQL it was given."""

    def __init__(self, con):
        self.con, self.queries = con, []

    def execute(self, sql, *args):
        self.queries.append(sql)
        return self.con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.con, name)


def test_copies_across_stored_batches_are_grouped_with_one_band_lookup_per_batch(settings, tmp_path, monkeypatch):
    """The store's band index reads the members a whole batch's bands meet in one query."""
    with Store(tmp_path / "w.duckdb") as store:
        index = StoreBandIndex(store)
        nd = NearDuplicates(settings, index)
        first = [("a", STORY), ("b", OTHER)]
        groups = nd.assign_all(first)
        stored = [replace(make_article(i, body), duplicate_group=g) for (i, body), g in zip(first, groups, strict=True)]
        store.save_batch(stored, index=index, regrouped=nd.regrouped)
        counting = _CountingConnection(store.con)
        monkeypatch.setattr(store, "con", counting)
        second = [("c", STORY + " Reporting by the Selmar Wire."), ("d", OTHER + " Updated."), ("e", "Too short.")]
        assert nd.assign_all(second) == ["a", "b", None]
        assert sum("minhash_bands" in q for q in counting.queries) == 1
