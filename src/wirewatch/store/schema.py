"""The DuckDB schema. Bump SCHEMA_VERSION with every change and add the migration beside it."""

from __future__ import annotations

SCHEMA_VERSION = 1

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
    "CREATE INDEX IF NOT EXISTS entities_article ON entities (article_id)",
    "CREATE INDEX IF NOT EXISTS statements_article ON statements (article_id)",
    "CREATE INDEX IF NOT EXISTS bands_key ON minhash_bands (band_key)",
]
