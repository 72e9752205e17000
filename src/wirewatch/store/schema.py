"""The DuckDB schema. Bump SCHEMA_VERSION with every change and add the migration beside it."""

from __future__ import annotations

SCHEMA_VERSION = 11

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    # The input exactly as read: identical input (same bytes, same address) is stored once.
    """CREATE TABLE IF NOT EXISTS inputs (
        id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, url VARCHAR, raw BLOB, stored_at TIMESTAMP)""",
    # One row per stored article; `doc` is the full CONTRACT JSON, the columns are for queries.
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, seq BIGINT, url VARCHAR, outlet VARCHAR, language VARCHAR, title VARCHAR,
        author VARCHAR, published DATE, body VARCHAR, duplicate_group VARCHAR, story VARCHAR, doc JSON,
        stored_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS entities (
        article_id VARCHAR, name VARCHAR, type VARCHAR, count INTEGER, lat DOUBLE, lon DOUBLE, country VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS statements (
        article_id VARCHAR, n INTEGER, speaker VARCHAR, sourcing VARCHAR, quote VARCHAR, cue VARCHAR,
        content VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS signals (article_id VARCHAR, kind VARCHAR, evidence VARCHAR)",
    """CREATE TABLE IF NOT EXISTS rejections (
        name VARCHAR PRIMARY KEY, code VARCHAR, reason VARCHAR, input_id VARCHAR, rejected_at TIMESTAMP)""",
    "CREATE TABLE IF NOT EXISTS minhash (article_id VARCHAR PRIMARY KEY, signature BLOB)",
    "CREATE TABLE IF NOT EXISTS minhash_bands (band_key BIGINT, article_id VARCHAR)",
    "CREATE TABLE IF NOT EXISTS outlet_pages (outlet VARCHAR PRIMARY KEY, pages INTEGER)",
    """CREATE TABLE IF NOT EXISTS outlet_lines (
        outlet VARCHAR, line_hash VARCHAR, pages INTEGER, PRIMARY KEY (outlet, line_hash))""",
    # Version 2, linking (link/, store/stories.py): the story index, stories, claims.
    # Each linked article's features; `story` mirrors articles.story.
    """CREATE TABLE IF NOT EXISTS link_articles (
        article_id VARCHAR PRIMARY KEY, seq BIGINT, language VARCHAR, day DATE, year INTEGER, anchors JSON,
        terms JSON, story VARCHAR, leads JSON, not_before DATE, not_after DATE)""",
    # The inverted index (name skeletons "n:", numbers "#:", content words "t:<lang>:") and key rarity.
    # Version 5: each posting carries its article's day. Postings are appended as articles arrive, so
    # DuckDB's per-row-group min/max of `day` lets a lookup restricted to the story window skip every
    # older row group: the cost follows the articles of the window, not the size of the corpus
    # (benchmarks/linking_cost.py). No ART index on the key: DuckDB did not use it for these lookups
    # (a semi-join scans), and it costs memory and time on every insert.
    # Version 10: a posting is the key's hash and the article's seq (store/stories.py `key_hash`), so a
    # lookup filters integers against a list of constants while it scans: 9 ms per new article at
    # 100,000 stored against 23 for strings joined to a list of wanted keys.
    "CREATE TABLE IF NOT EXISTS link_postings (h BIGINT, seq BIGINT, day DATE)",
    "CREATE TABLE IF NOT EXISTS link_df (key VARCHAR PRIMARY KEY, df BIGINT)",
    # Version 10: `first_seq`, where the story's articles begin in the articles table (store/stories.py
    # `story_documents` reads a story from there on).
    """CREATE TABLE IF NOT EXISTS stories (
        id VARCHAR PRIMARY KEY, first_seen DATE, last_seen DATE, articles INTEGER, label VARCHAR,
        top_entities VARCHAR[], languages VARCHAR[], outlets VARCHAR[], first_title VARCHAR, first_seq BIGINT)""",
    """CREATE TABLE IF NOT EXISTS claims (
        id VARCHAR PRIMARY KEY, story VARCHAR, speaker VARCHAR, origin VARCHAR, content VARCHAR, first_seen DATE,
        first_outlet VARCHAR, outlets VARCHAR[], mentions INTEGER, independent_outlets INTEGER,
        corroboration INTEGER, origins VARCHAR[], fingerprint VARCHAR, check_worthiness DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS claim_mentions (
        claim_id VARCHAR, article_id VARCHAR, outlet VARCHAR, published DATE, presentation VARCHAR,
        speaker VARCHAR, via VARCHAR, content VARCHAR)""",
    "CREATE INDEX IF NOT EXISTS claims_story ON claims (story)",
    # Version 9: the `single_origin` signal of an article, which its story's later articles keep
    # revising, lives here and not in the article's `doc`: rewriting old documents made DuckDB rewrite
    # their row groups at every checkpoint. Reads add it to the document (store/docs.py).
    "CREATE TABLE IF NOT EXISTS single_origin (article_id VARCHAR PRIMARY KEY, evidence VARCHAR, detail VARCHAR)",
    # Ratings of outlets imported from other people's lists: who rated, never mixed with measurements.
    """CREATE TABLE IF NOT EXISTS source_ratings (
        domain VARCHAR, rating VARCHAR, rated_by VARCHAR, imported_at TIMESTAMP, PRIMARY KEY (domain, rated_by))""",
    # Version 4, monitoring (monitor/, store/monitor.py): alerts. `id` is derived from what an alert is
    # about, so detecting again stores nothing twice; `delivery`/`attempts` record the webhook posts.
    """CREATE TABLE IF NOT EXISTS alerts (
        id VARCHAR PRIMARY KEY, rule VARCHAR, day DATE, subjects VARCHAR[], summary VARCHAR, score DOUBLE,
        articles INTEGER, outlets INTEGER, article_ids VARCHAR[], watchlist VARCHAR, expected DOUBLE,
        p_value DOUBLE, raised_at TIMESTAMP, delivery VARCHAR, attempts INTEGER, delivered_at TIMESTAMP)""",
]

# What brings a store written by an older version up to date, by the version that needs it; run
# once, when a store of an older version is opened for writing.
MIGRATIONS = {
    5: [
        "CREATE TABLE IF NOT EXISTS link_keys (key VARCHAR, article_id VARCHAR)",  # a store from before linking
        "DROP INDEX IF EXISTS link_keys_key",  # first: DuckDB alters no table that an index depends on
        "ALTER TABLE link_keys ADD COLUMN IF NOT EXISTS day DATE",
        "UPDATE link_keys SET day = a.day FROM link_articles a WHERE link_keys.article_id = a.article_id",
    ],
    # Version 6: each linked article's leading people (link/features.py). Articles linked before have
    # none, so they never conflict on them.
    6: ["ALTER TABLE link_articles ADD COLUMN IF NOT EXISTS leads JSON"],
    # Version 7: the bounds an undated page gives of its publication (link/features.py). Articles
    # linked before have none, so they are held to no bounds.
    7: [
        "ALTER TABLE link_articles ADD COLUMN IF NOT EXISTS not_before DATE",
        "ALTER TABLE link_articles ADD COLUMN IF NOT EXISTS not_after DATE",
    ],
    # Version 8: no index on entities' and statements' article ids. No query looks them up by one
    # id (DuckDB reads an ART index for a point lookup only; every join here is a hash join), and
    # the entities' index alone held about 0.36 KiB of memory per article that DuckDB never evicts.
    8: ["DROP INDEX IF EXISTS entities_article", "DROP INDEX IF EXISTS statements_article"],
    # Version 9: `single_origin` signals move out of `signals` into their own table (the copies left
    # in older documents are not read: store/docs.py); a claim carries a fingerprint of what it holds,
    # so that only claims that changed are rewritten; the index on band keys goes: the near-duplicate
    # lookup reads a whole batch's bands in one hash join (store/db.py `prefetch`), which scans, and
    # the index only held memory (29 MiB for 800,000 band rows, 100,000 articles' worth, never evicted).
    9: [
        "DROP INDEX IF EXISTS bands_key",
        "ALTER TABLE claims ADD COLUMN IF NOT EXISTS fingerprint VARCHAR",
        "INSERT OR IGNORE INTO single_origin SELECT article_id, any_value(evidence), NULL FROM signals "
        "WHERE kind = 'single_origin' GROUP BY article_id",
        "DELETE FROM signals WHERE kind = 'single_origin'",
    ],
    # Version 10: postings by key hash and article seq (see link_postings above); where each story's
    # articles begin.
    10: [
        "CREATE TABLE IF NOT EXISTS link_keys (key VARCHAR, article_id VARCHAR, day DATE)",
        "INSERT INTO link_postings SELECT md5_number_upper(k.key) >> 1, a.seq, k.day FROM link_keys k "
        "JOIN link_articles a USING (article_id) ORDER BY a.seq",
        "DROP TABLE link_keys",
        "ALTER TABLE stories ADD COLUMN IF NOT EXISTS first_seq BIGINT",
        "UPDATE stories SET first_seq = m.first FROM (SELECT story, min(seq) AS first FROM articles GROUP BY story) m "
        "WHERE stories.id = m.story",
    ],
    # Version 11: a claim's check-worthiness (assess/checkworthy.py). Claims stored before have none
    # until their story takes a new article and they are found again.
    # (the index comes back after the migration: store/db.py `_migrate`).
    11: [
        "DROP INDEX IF EXISTS claims_story",  # first: DuckDB alters no table that an index depends on
        "ALTER TABLE claims ADD COLUMN IF NOT EXISTS check_worthiness DOUBLE",
    ],
}
