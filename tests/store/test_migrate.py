"""A store written by an older version is brought up to date when opened for writing."""

import json

import duckdb

from wirewatch.link.features import LinkFeatures
from wirewatch.store.db import Store
from wirewatch.store.schema import SCHEMA_VERSION
from wirewatch.store.stories import StoreLinkIndex, key_hash, list_claims


def _old_store(db, version: int) -> duckdb.DuckDBPyConnection:
    """A store's meta and story index as versions 4 and 5 wrote them (no leads)."""
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(version)])
    con.execute("CREATE TABLE link_articles (article_id VARCHAR PRIMARY KEY, seq BIGINT, language VARCHAR, day DATE, "
                "year INTEGER, anchors JSON, terms JSON, story VARCHAR)")
    return con


def test_a_version_4_story_index_gets_the_day_of_each_posting_and_its_keys_hashed(tmp_path):
    db = tmp_path / "v4.duckdb"
    con = _old_store(db, 4)
    con.execute("INSERT INTO link_articles VALUES ('a', 1, 'en', DATE '2024-03-12', NULL, '{}', '{}', 'sa'), "
                "('b', 2, 'en', NULL, NULL, '{}', '{}', 'sb')")
    con.execute("CREATE TABLE link_keys (key VARCHAR, article_id VARCHAR)")
    con.execute("CREATE INDEX link_keys_key ON link_keys (key)")
    con.execute("INSERT INTO link_keys VALUES ('n:slmr', 'a'), ('#:14', 'a'), ('n:slmr', 'b')")
    con.close()

    with Store(db) as store:
        rows = store.con.execute("SELECT h, seq, day::VARCHAR FROM link_postings ORDER BY ALL").fetchall()
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        tables = {r[0] for r in store.con.execute("SHOW TABLES").fetchall()}
    assert sorted(rows) == sorted([(key_hash("#:14"), 1, "2024-03-12"), (key_hash("n:slmr"), 1, "2024-03-12"),
                                   (key_hash("n:slmr"), 2, None)])
    assert int(version) == SCHEMA_VERSION and "link_keys" not in tables


def test_a_new_store_is_at_the_current_version(tmp_path):
    with Store(tmp_path / "new.duckdb") as store:
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        columns = [r[0] for r in store.con.execute("DESCRIBE link_postings").fetchall()]
    assert int(version) == SCHEMA_VERSION
    assert columns == ["h", "seq", "day"]


def test_articles_linked_before_leads_were_kept_read_back_with_none(tmp_path):
    db = tmp_path / "v5.duckdb"
    con = _old_store(db, 5)
    con.execute("""INSERT INTO link_articles VALUES ('a', 1, 'en', NULL, NULL, '{"n:slmr": 1.0}', '{}', 'sa')""")
    con.execute("CREATE TABLE link_keys (key VARCHAR, article_id VARCHAR, day DATE)")
    con.execute("INSERT INTO link_keys VALUES ('n:slmr', 'a', NULL)")
    con.close()

    with Store(db) as store:
        index = StoreLinkIndex(store.con)
        found = index.candidates(LinkFeatures("b", 2, "en", None, None, {"n:slmr": 1.0}, {}), ["n:slmr"],
                                 window_days=3, limit=10)
    assert [(f.article_id, f.leads, story) for f, story in found] == [("a", frozenset(), "sa")]


def test_a_version_7_store_loses_the_unused_article_id_indexes(tmp_path):
    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.con.execute("CREATE INDEX entities_article ON entities (article_id)")
        store.con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    with Store(db) as store:
        names = {r[0] for r in store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert "entities_article" not in names and "claims_story" in names


def test_a_version_8_store_moves_single_origin_out_of_signals_and_documents(tmp_path):
    db = tmp_path / "w.duckdb"
    doc = {"id": "a", "signals": [{"kind": "vague_sourcing", "evidence": "sources said", "span": None},
                                  {"kind": "single_origin", "evidence": "told by 2 (old)", "span": None}]}
    with Store(db) as store:
        store.con.execute("INSERT INTO articles (id, seq, doc) VALUES ('a', 1, ?)", [json.dumps(doc)])
        store.con.execute("INSERT INTO inputs (id, name) VALUES ('a', 'a.txt')")
        store.con.execute("INSERT INTO signals VALUES ('a', 'vague_sourcing', 'sources said'), "
                          "('a', 'single_origin', 'told by 2')")
        store.con.execute("DROP TABLE single_origin")
        store.con.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    with Store(db) as store:
        kinds = [r[0] for r in store.con.execute("SELECT kind FROM signals").fetchall()]
        shown = store.article_dict("a")
    assert kinds == ["vague_sourcing"]
    assert [(s["kind"], s["evidence"]) for s in shown["signals"]] == [
        ("vague_sourcing", "sources said"), ("single_origin", "told by 2")]


def test_a_version_9_store_learns_where_each_story_begins(tmp_path):
    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.con.execute("ALTER TABLE stories DROP COLUMN first_seq")
        store.con.execute("INSERT INTO articles (id, seq, story) VALUES ('a', 3, 'sa'), ('b', 7, 'sa'), ('c', 5, 'sc')")
        store.con.execute("INSERT INTO stories (id, articles) VALUES ('sa', 2), ('sc', 1)")
        store.con.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    with Store(db) as store:
        rows = store.con.execute("SELECT id, first_seq FROM stories ORDER BY id").fetchall()
    assert rows == [("sa", 3), ("sc", 5)]


def test_a_version_10_store_lists_its_claims_without_a_check_worthiness_until_they_are_found_again(tmp_path):
    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.con.execute("DROP INDEX claims_story")
        store.con.execute("ALTER TABLE claims DROP COLUMN check_worthiness")
        store.con.execute("CREATE INDEX claims_story ON claims (story)")
        store.con.execute("INSERT INTO claims (id, story, speaker, origin, content, independent_outlets, corroboration) "
                          "VALUES ('c1', 'sa', 'Ingrid Halvorsen', 'Ingrid Halvorsen', 'that 12 workers died', 2, 1)")
        store.con.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")
    with Store(db) as store:
        (claim,) = list_claims(store.con, by="worth")
        indexes = {r[0] for r in store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert (claim.id, claim.check_worthiness) == ("c1", None) and "claims_story" in indexes
