"""A store written by an older version is brought up to date when opened for writing."""

import duckdb

from wirewatch.store.db import Store
from wirewatch.store.schema import SCHEMA_VERSION


def test_a_version_4_story_index_gets_the_day_of_each_posting(tmp_path):
    db = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    con.execute("CREATE TABLE link_articles (article_id VARCHAR PRIMARY KEY, seq BIGINT, language VARCHAR, day DATE, "
                "year INTEGER, anchors JSON, terms JSON, story VARCHAR)")
    con.execute("INSERT INTO link_articles VALUES ('a', 1, 'en', DATE '2024-03-12', NULL, '{}', '{}', 'sa'), "
                "('b', 2, 'en', NULL, NULL, '{}', '{}', 'sb')")
    con.execute("CREATE TABLE link_keys (key VARCHAR, article_id VARCHAR)")
    con.execute("CREATE INDEX link_keys_key ON link_keys (key)")
    con.execute("INSERT INTO link_keys VALUES ('n:slmr', 'a'), ('#:14', 'a'), ('n:slmr', 'b')")
    con.close()

    with Store(db) as store:
        rows = store.con.execute("SELECT key, article_id, day::VARCHAR FROM link_keys ORDER BY ALL").fetchall()
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert rows == [("#:14", "a", "2024-03-12"), ("n:slmr", "a", "2024-03-12"), ("n:slmr", "b", None)]
    assert int(version) == SCHEMA_VERSION


def test_a_new_store_is_at_the_current_version(tmp_path):
    with Store(tmp_path / "new.duckdb") as store:
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        columns = [r[0] for r in store.con.execute("DESCRIBE link_keys").fetchall()]
    assert int(version) == SCHEMA_VERSION
    assert columns == ["key", "article_id", "day"]
