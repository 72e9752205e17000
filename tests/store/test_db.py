import duckdb
import pytest

from wirewatch.clean.memory import OutletMemory
from wirewatch.errors import StoreError
from wirewatch.model import (
    Article,
    Cleaned,
    Comment,
    Entity,
    Extracted,
    Found,
    Rejection,
    Signal,
    Source,
    Statement,
)
from wirewatch.model.convert import article_dict
from wirewatch.store.db import ROW_GROUP_SIZE, Store


def _article(n: int = 1) -> Article:
    body = f"The council of Selmar voted on a new bridge number {n}."
    return Article(
        source=Source(id=f"id{n}", name=f"page{n}.txt", raw=f"raw {n}".encode(), kind="text", url=f"https://s.example/{n}"),
        cleaned=Cleaned(
            text=body, encoding="utf-8", language="en", title=Found("Bridge vote", "text line 1", 0.8),
            author=Found(None), outlet=Found("s.example", "url", 0.9), published=Found("2023-05-02", "meta", 0.95),
            body=body, removed=("Menu",), comments=(Comment("Good news", "2023-05-03"),),
        ),
        extracted=Extracted(
            entities=(Entity("Selmar", "GPE", ("Selmar",), count=1),),
            statements=(Statement("Council", None, "the council", None, "said", "a bridge", "indirect", "named", (4, 11)),),
        ),
        signals=(Signal("vague_sourcing", "it is believed", (0, 5)),),
    )


def test_an_article_round_trips_through_the_store(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        assert store.save_batch([_article()]) == (1, 0)
        d = store.article_dict("id1")
        back = store.article("id1")
    expected = article_dict(_article())
    assert {k: v for k, v in d.items() if k != "story"} == expected
    assert back is not None and back.source.raw == b"raw 1" and article_dict(back)["statements"] == expected["statements"]


def test_storing_the_same_article_twice_adds_nothing(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        store.save_batch([_article()])
        assert store.save_batch([_article()]) == (0, 0)
        assert store.article_count() == 1


def test_rejections_are_recorded_once_per_input(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        r = Rejection("bad.txt", "empty", "empty: no text in it")
        store.save_batch([r])
        store.save_batch([r])
        assert store.rejections() == [r]


def test_a_failed_batch_leaves_nothing_half_written(tmp_path, monkeypatch):
    with Store(tmp_path / "w.duckdb") as store:
        store.save_batch([_article(1)])

        def boom(*_a, **_k):
            raise duckdb.Error("disk full")

        monkeypatch.setattr(store, "_save_memory", boom)
        with pytest.raises(StoreError, match="nothing of it was kept"):
            store.save_batch([_article(2)], memory=OutletMemory(3, 0.3))
        assert store.article_count() == 1
        assert store.known_ids(["id1", "id2"]) == {"id1"}


def test_outlet_memory_is_kept_across_runs(tmp_path, settings):
    memory = OutletMemory.empty(settings)
    pages = [Source(id=f"p{n}", name=f"p{n}", raw=f"Menu\nDonate now\nStory {n} text.".encode(), kind="text",
                    outlet="s.example") for n in range(3)]
    memory.learn(pages)
    with Store(tmp_path / "w.duckdb") as store:
        store.save_batch([], memory=memory)
        again = OutletMemory.empty(settings)
        store.load_memory(again)
    assert again.frozen() == memory.frozen() and len(again.frozen()["s.example"]) == 2


def test_a_second_copy_in_the_same_batch_is_stored_once(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        assert store.save_batch([_article(1), _article(1), _article(2)]) == (2, 0)
        assert store.con.execute("SELECT id, seq FROM articles ORDER BY seq").fetchall() == [("id1", 1), ("id2", 2)]


def test_a_name_rejected_twice_in_one_batch_keeps_the_later_reason(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        first, later = Rejection("bad.txt", "empty", "empty"), Rejection("bad.txt", "binary", "binary data")
        assert store.save_batch([first, later]) == (0, 2)
        assert store.rejections() == [later]


def test_a_copy_found_later_regroups_the_stored_first_copy(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        store.save_batch([_article(1)])
        store.save_batch([_article(2)], regrouped={"id1": "id1"})
        assert store.article_dict("id1")["duplicate_group"] == "id1"


class _PandasProbes:
    """Counts attempts to import pandas (DuckDB's binding tries it for every bound Python value)."""

    def __init__(self) -> None:
        self.n = 0

    def find_spec(self, name, path=None, target=None):
        if name == "pandas":
            self.n += 1
        return None


def test_a_batch_write_costs_no_pandas_probe_per_row(tmp_path, monkeypatch):
    """Issue: bound parameters made DuckDB retry `import pandas` twice per value, ~20% of ingest time."""
    import sys

    probes = _PandasProbes()
    monkeypatch.setattr(sys, "meta_path", [probes, *sys.meta_path])
    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    counts = []
    with Store(tmp_path / "w.duckdb") as store:
        for batch in ([_article(1)], [_article(n) for n in range(2, 52)]):
            probes.n = 0
            store.save_batch(batch)
            counts.append(probes.n)
    assert counts[1] == counts[0]  # fifty articles cost what one does


def _cached_table_pages(store: Store) -> int:
    row = store.con.execute("SELECT memory_usage_bytes FROM duckdb_memory() WHERE tag = 'BASE_TABLE'").fetchone()
    return int(row[0]) if row else 0


def test_trimming_the_cache_evicts_table_pages_and_keeps_the_floor_limit(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        store.save_batch([_article(n) for n in range(1, 400)])
        store.con.execute("CHECKPOINT")  # written pages become the persistent ones DuckDB caches
        store.con.execute("SELECT count(*), sum(length(body)), sum(octet_length(raw)) FROM articles JOIN inputs USING (id)").fetchall()
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert limit == "512.0 MiB"  # MEMORY_FLOOR: a small store's index nodes are far below half of it
        assert _cached_table_pages(store) > 0
        store.trim_cache(0)
        assert _cached_table_pages(store) == 0
        assert store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == limit
        store.save_batch([_article(400)])  # still writable, nothing lost
        assert store.article_count() == 400


def test_tables_are_written_in_small_row_groups(tmp_path):
    """A checkpoint rewrites the row group being appended to in full: small ones keep it cheap."""
    with Store(tmp_path / "w.duckdb") as store:
        store.con.execute(f"CREATE TABLE scratch AS SELECT range AS i FROM range({3 * ROW_GROUP_SIZE})")
        store.con.execute("CHECKPOINT")
        groups = store.con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('scratch')").fetchone()[0]
    assert groups == 3


def test_two_stores_on_one_file_in_one_process_share_it(tmp_path):
    """The HTTP server keeps its store open while its ingest route opens the same file."""
    with Store(tmp_path / "w.duckdb") as server, Store(tmp_path / "w.duckdb") as route:
        route.save_batch([_article(1)])
        assert server.article_count() == 1
        assert server.cursor().execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    with Store(tmp_path / "w.duckdb", read_only=True) as again:
        assert again.article_count() == 1


def test_duckdb_spills_beside_the_store_not_in_the_working_directory(tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        spill = store.con.execute("SELECT current_setting('temp_directory')").fetchone()[0]
    assert spill == str(tmp_path / "w.duckdb") + ".tmp"


def test_the_store_checkpoints_after_a_few_mib_of_wal(tmp_path):
    """Committed rows stay in memory until a checkpoint: a small WAL threshold keeps them few."""
    with Store(tmp_path / "w.duckdb") as store:
        assert store.con.execute("SELECT current_setting('checkpoint_threshold')").fetchone()[0] == "4.0 MiB"
