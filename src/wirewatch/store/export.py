"""Exports of the stored corpus: JSON Lines (CONTRACT form plus `story`), CSV and Parquet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from wirewatch.errors import ConfigError
from wirewatch.store.db import Store

# Columns of the flat exports; the JSON export carries everything.
_FLAT = ["id", "url", "outlet", "language", "title", "author", "published", "duplicate_group", "story", "body"]


def export_articles(db: str | Path, *, format: str = "jsonl", output: Path | None = None, out: TextIO) -> int:
    if format not in ("jsonl", "csv", "parquet"):
        raise ConfigError(f"unknown export format {format!r}: use jsonl, csv or parquet")
    with Store(db, read_only=True) as store:
        if format == "jsonl":
            n = 0
            for d in store.iter_article_dicts():
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
            return n
        if output is None:
            raise ConfigError(f"--format {format} writes a file: give it with --output")
        cols = ", ".join(_FLAT)
        target = str(output).replace("'", "''")
        options = "(FORMAT parquet)" if format == "parquet" else "(FORMAT csv, HEADER)"
        store.con.execute(f"COPY (SELECT {cols} FROM articles ORDER BY seq) TO '{target}' {options}")
        return store.article_count()
