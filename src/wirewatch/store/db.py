"""The DuckDB store: raw input kept verbatim, articles as analysed, and the memory a corpus learns.

Every batch is written in one transaction, so a run that dies half way leaves whole articles or
none, and re-running it stores only what is missing (ids are content hashes).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from wirewatch.clean.memory import OutletMemory
from wirewatch.errors import StoreError
from wirewatch.ingest.dedupe import Member, MemoryBandIndex
from wirewatch.model import Article, Rejection
from wirewatch.model.convert import article_dict, article_from_dict
from wirewatch.store import bulk
from wirewatch.store.bulk import BLOB, FLOAT, INT, TEXT, UNPACK, column, packed
from wirewatch.store.docs import COLUMNS, documents
from wirewatch.store.schema import MIGRATIONS, SCHEMA, SCHEMA_VERSION

# DuckDB's memory limit. Without one (DuckDB's default is 80% of RAM) its queries and checkpoints
# take what they like: in the full-pipeline 100k benchmark the ingest process rose for moments by up to
# 700 MiB above its level between batches by 77,600 articles. But the nodes of its indexes (ART) count
# against the limit and are never evicted (a 64 MiB limit refused a table of 3 million keys), about
# 1-2 KiB per article with the full pipeline, so a fixed cap would refuse writes at a quarter to half
# a million articles. So the limit is at least MEMORY_FLOOR and twice what DuckDB holds that it cannot
# evict, raised after each ingest batch (`trim_cache`).
MEMORY_FLOOR = 512 * 1024**2
# Rows per row group of every table (DuckDB's default is 122,880). Each checkpoint rewrites the row
# group being appended to in full, compression analysis included, with memory DuckDB does not count
# against its limit: in the full-pipeline 100k benchmark the ingest process rose by 120 MiB at each
# automatic checkpoint around 15,000 articles and by up to 700 MiB by 77,600. A small row group keeps
# what a checkpoint rewrites small, and costs scans nothing: a count, a group-by and a range filter
# over a million rows took 403 ms in 8,192-row groups against 634 in the default ones.
ROW_GROUP_SIZE = 8192
# The WAL size at which DuckDB checkpoints (its default is 16 MiB). Rows committed since the last
# checkpoint, and the index nodes they touched, stay in memory until it runs: ingesting 3,000 pages
# onto a 100,000-article store, the ingest process ended at 559 MiB with 4 MiB against 626-630 with
# the default (DuckDB counted 40-50 MiB of such rows at each batch's end), in the same time.
CHECKPOINT_WAL = "4MiB"
# The attached store's name: the connection's own database is an empty in-memory one.
CATALOG = "store"


class Store:
    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self._key = _instances.acquire(self.path, read_only)
        try:
            self.con = _instances.connection(self._key)
        except duckdb.Error as e:
            _instances.release(self._key)
            raise StoreError(f"cannot open the database {self.path}: {e}") from e
        if not read_only:
            self._migrate()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to the store, for another thread."""
        return _instances.connection(self._key)

    def close(self) -> None:
        self.con.close()
        _instances.release(self._key)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        self.con.execute("BEGIN")
        self.con.execute(SCHEMA[0])  # meta, which says the version of what is stored
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        for statement in SCHEMA:
            self.con.execute(statement)
        migrated = False
        if row is not None:
            for version, statements in sorted(MIGRATIONS.items()):
                if int(row[0]) < version:
                    migrated = True
                    for statement in statements:
                        self.con.execute(statement)
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [str(SCHEMA_VERSION)],
        )
        self.con.execute("COMMIT")
        if migrated:
            # A migration drops an index to alter its table; it comes back here, in a transaction of
            # its own: DuckDB aborts the whole process where an index is created again in the
            # transaction that dropped it and altered its table.
            self.con.execute("BEGIN")
            for statement in SCHEMA:
                self.con.execute(statement)
            self.con.execute("COMMIT")

    # --- reads used while ingesting ----------------------------------------------------------

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute(f"SELECT id FROM inputs WHERE id IN (SELECT {UNPACK})", [packed(ids)])
        return {r[0] for r in rows.fetchall()}

    def load_memory(self, memory: OutletMemory) -> None:
        pages = dict(self.con.execute("SELECT outlet, pages FROM outlet_pages").fetchall())
        lines = self.con.execute("SELECT outlet, line_hash, pages FROM outlet_lines").fetchall()
        memory.load(pages, lines)

    def next_seq(self) -> int:
        return int(self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0])  # type: ignore[index]

    def trim_cache(self, keep_bytes: int) -> None:
        """Evict the table pages DuckDB holds in memory beyond `keep_bytes`, and set its memory limit to
        twice what it holds that it cannot evict (index nodes), at least MEMORY_FLOOR. Nothing else
        evicts those pages below the limit: over a 12,000-article ingest they grew to 71 MiB, and the
        ingest process by 120 MiB from 3,000 articles on; trimmed to 16 MiB after each batch, it stayed
        flat (`ingest.duckdb_cache_mib`). Lowering the limit evicts at once."""
        used = dict(self.con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall())
        cached = int(used.get("BASE_TABLE", 0))
        pinned = sum(int(b) for b in used.values()) - cached
        try:
            if cached > keep_bytes:
                self.con.execute(f"SET memory_limit = '{(pinned + keep_bytes) // 1024}KiB'")
        except duckdb.OutOfMemoryException:
            pass  # what could be evicted was; the rest is pinned
        finally:
            self.con.execute(f"SET memory_limit = '{max(MEMORY_FLOOR, 2 * pinned) // 1024}KiB'")

    # --- the batch write ----------------------------------------------------------------------

    def save_batch(
        self,
        outcomes: Iterable[Article | Rejection],
        *,
        memory: OutletMemory | None = None,
        index: StoreBandIndex | None = None,
        regrouped: dict[str, str] | None = None,
        link: Callable[[duckdb.DuckDBPyConnection, list[tuple[int, Article]]], None] | None = None,
    ) -> tuple[int, int]:
        """Write a batch in one transaction; returns (articles stored, rejections recorded).

        Each table gets one bulk write per batch (`store.bulk`). `link` (the corpus-level linking
        stage) is called with the articles just stored and their `seq`, inside the same transaction,
        after duplicate groups are settled."""
        outcomes = list(outcomes)
        rejections = [o for o in outcomes if isinstance(o, Rejection)]
        con = self.con
        try:
            con.execute("BEGIN")
            new = self._insert_articles([o for o in outcomes if isinstance(o, Article)])
            self._record_rejections(rejections)
            self._regroup(regrouped or {})
            if link is not None:
                link(con, new)
            if memory is not None:
                self._save_memory(memory)
            if index is not None:
                index.flush(con)
            con.execute("COMMIT")
        except duckdb.Error as e:
            con.execute("ROLLBACK")
            raise StoreError(f"writing a batch to {self.path} failed, nothing of it was kept: {e}") from e
        except BaseException:  # Ctrl-C or a bug half way: the open transaction must not be committed later
            con.execute("ROLLBACK")
            raise
        return len(new), len(rejections)

    def _insert_articles(self, articles: Sequence[Article]) -> list[tuple[int, Article]]:
        """Store the articles not stored yet (by id), numbered in the order given; returns them with
        their `seq`."""
        known = self.known_ids([a.id for a in articles])
        seq = self.next_seq()
        new: list[tuple[int, Article]] = []
        for a in articles:
            if a.id in known:
                continue
            known.add(a.id)  # a second copy in the same batch is stored once
            new.append((seq, a))
            seq += 1
        if not new:
            return new
        docs = [(s, a, article_dict(a)) for s, a in new]
        con = self.con
        with bulk.rows(con, "new_inputs", {
            "id": column(TEXT, [a.id for _, a, _ in docs]),
            "name": column(TEXT, [a.source.name for _, a, _ in docs]),
            "kind": column(TEXT, [a.source.kind for _, a, _ in docs]),
            "url": column(TEXT, [a.source.url for _, a, _ in docs]),
            "raw": column(BLOB, [a.source.raw for _, a, _ in docs]),
        }) as v:
            con.execute(f"INSERT INTO inputs BY NAME SELECT *, now() AS stored_at FROM {v}")
        with bulk.rows(con, "new_articles", {
            "id": column(TEXT, [a.id for _, a, _ in docs]),
            "seq": column(INT, [s for s, _, _ in docs]),
            **{k: column(TEXT, [d[k] for _, _, d in docs])
               for k in ("url", "outlet", "language", "title", "author", "body", "duplicate_group")},
            "published": column(TEXT, [d["published"]["date"] for _, _, d in docs]),
            "doc": column(TEXT, [json.dumps(d, ensure_ascii=False) for _, _, d in docs]),
        }) as v:
            con.execute(f"INSERT INTO articles BY NAME SELECT *, NULL AS story, now() AS stored_at FROM {v}")
        entities = [(a.id, e, e["geo"] or {}) for _, a, d in docs for e in d["entities"]]
        if entities:
            with bulk.rows(con, "new_entities", {
                "article_id": column(TEXT, [i for i, _, _ in entities]),
                "name": column(TEXT, [e["name"] for _, e, _ in entities]),
                "type": column(TEXT, [e["type"] for _, e, _ in entities]),
                "count": column(INT, [e["count"] for _, e, _ in entities]),
                "lat": column(FLOAT, [g.get("lat") for _, _, g in entities]),
                "lon": column(FLOAT, [g.get("lon") for _, _, g in entities]),
                "country": column(TEXT, [g.get("country") for _, _, g in entities]),
            }) as v:
                con.execute(f"INSERT INTO entities BY NAME SELECT * FROM {v}")
        statements = [(a.id, k, s) for _, a, d in docs for k, s in enumerate(d["statements"])]
        if statements:
            with bulk.rows(con, "new_statements", {
                "article_id": column(TEXT, [i for i, _, _ in statements]),
                "n": column(INT, [k for _, k, _ in statements]),
                **{f: column(TEXT, [s[f] for _, _, s in statements])
                   for f in ("speaker", "sourcing", "quote", "cue", "content")},
            }) as v:
                con.execute(f"INSERT INTO statements BY NAME SELECT * FROM {v}")
        signals = [(a.id, s) for _, a, d in docs for s in d["signals"]]
        if signals:
            with bulk.rows(con, "new_signals", {
                "article_id": column(TEXT, [i for i, _ in signals]),
                "kind": column(TEXT, [s["kind"] for _, s in signals]),
                "evidence": column(TEXT, [s["evidence"] for _, s in signals]),
            }) as v:
                con.execute(f"INSERT INTO signals BY NAME SELECT * FROM {v}")
        return new

    def _record_rejections(self, rejections: Sequence[Rejection]) -> None:
        """One row per input name: a name rejected again keeps its latest reason."""
        latest = {r.name: r for r in rejections}  # one upsert may not touch a row twice
        if not latest:
            return
        rs = list(latest.values())
        with bulk.rows(self.con, "new_rejections", {
            "name": column(TEXT, [r.name for r in rs]), "code": column(TEXT, [r.code for r in rs]),
            "reason": column(TEXT, [r.reason for r in rs]), "input_id": column(TEXT, [r.input_id for r in rs]),
        }) as v:
            self.con.execute(
                f"INSERT INTO rejections BY NAME SELECT *, now() AS rejected_at FROM {v} ON CONFLICT (name) DO UPDATE "
                "SET code = excluded.code, reason = excluded.reason, input_id = excluded.input_id, rejected_at = now()"
            )

    def _regroup(self, regrouped: dict[str, str]) -> None:
        """Stored first copies whose later copy arrived now join its duplicate group."""
        if not regrouped:
            return
        with bulk.rows(self.con, "regrouped", {
            "id": column(TEXT, list(regrouped)), "grp": column(TEXT, list(regrouped.values())),
        }) as v:
            self.con.execute(f"UPDATE articles SET duplicate_group = r.grp FROM {v} r "
                             "WHERE articles.id = r.id AND articles.duplicate_group IS NULL")

    def _save_memory(self, memory: OutletMemory) -> None:
        pending = memory.take_pending()
        pages, lines = pending.pages, pending.lines
        dropped = [(outlet, h) for outlet, hashes in pending.dropped.items() for h in sorted(hashes)]
        if dropped:
            with bulk.rows(self.con, "dropped_outlet_lines", {
                "outlet": column(TEXT, [o for o, _ in dropped]), "line_hash": column(TEXT, [h for _, h in dropped]),
            }) as v:
                self.con.execute(f"DELETE FROM outlet_lines USING {v} d "
                                 "WHERE outlet_lines.outlet = d.outlet AND outlet_lines.line_hash = d.line_hash")
        if pages:
            with bulk.rows(self.con, "new_outlet_pages", {
                "outlet": column(TEXT, list(pages)), "pages": column(INT, list(pages.values())),
            }) as v:
                self.con.execute(f"INSERT INTO outlet_pages BY NAME SELECT * FROM {v} "
                                 "ON CONFLICT (outlet) DO UPDATE SET pages = pages + excluded.pages")
        rows = [(outlet, h, n) for outlet, counts in lines.items() for h, n in counts.items()]
        if rows:
            with bulk.rows(self.con, "new_outlet_lines", {
                "outlet": column(TEXT, [o for o, _, _ in rows]), "line_hash": column(TEXT, [h for _, h, _ in rows]),
                "pages": column(INT, [n for _, _, n in rows]),
            }) as v:
                self.con.execute(f"INSERT INTO outlet_lines BY NAME SELECT * FROM {v} "
                                 "ON CONFLICT (outlet, line_hash) DO UPDATE SET pages = pages + excluded.pages")

    # --- reads for export and the views ------------------------------------------------------

    def article_count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]

    def iter_article_dicts(self) -> Iterator[dict[str, Any]]:
        # A connection of its own: `documents` queries the store between two reads of this one.
        with self.cursor() as con:
            cur = con.execute(f"SELECT {COLUMNS} FROM articles a ORDER BY seq")
            while rows := cur.fetchmany(500):
                yield from documents(self.con, rows)

    def article_dict(self, article_id: str) -> dict[str, Any] | None:
        rows = self.con.execute(
            f"SELECT {COLUMNS} FROM articles a JOIN inputs i USING (id) "
            "WHERE id = ? OR (length(?) >= 4 AND id LIKE ?) OR i.name = ? ORDER BY (id = ?) DESC, seq LIMIT 1",
            [article_id, article_id, article_id + "%", article_id, article_id],
        ).fetchall()
        found = documents(self.con, rows)
        return found[0] if found else None

    def article(self, article_id: str) -> Article | None:
        d = self.article_dict(article_id)
        if d is None:
            return None
        raw = self.con.execute("SELECT raw FROM inputs WHERE id = ?", [d["id"]]).fetchone()
        return article_from_dict(d, raw=bytes(raw[0]) if raw else b"")

    def rejections(self) -> list[Rejection]:
        rows = self.con.execute("SELECT name, code, reason, input_id FROM rejections ORDER BY rejected_at, name").fetchall()
        return [Rejection(*r) for r in rows]


class StoreBandIndex(MemoryBandIndex):
    """The MinHash band index over the stored corpus: stored bands looked up by SQL, new ones in memory
    until the batch is written."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._pending: list[tuple[Member, list[int]]] = []
        self._group_updates: dict[str, str] = {}
        # Stored members read ahead for a batch: band key -> article ids, and each one's signature and group.
        self._stored_bands: dict[int, list[str]] = {}
        self._stored: dict[str, tuple[np.ndarray, str | None]] = {}

    def prefetch(self, band_keys: Iterable[int]) -> None:
        """Read the stored members behind a whole batch's band keys in one query. Looked up one article
        at a time, each lookup scanned the whole band table (DuckDB answers the IN-subquery with a scan,
        not the ART index): a third of the ingest process's time at 33,000 stored articles, growing
        with the corpus. Once per batch, the scan is shared by its articles."""
        keys = {k for k in band_keys if k not in self._stored_bands}
        if not keys:
            return
        rows = self.store.con.execute(
            "SELECT b.band_key, m.article_id, m.signature, a.duplicate_group FROM minhash_bands b "
            "JOIN minhash m ON m.article_id = b.article_id JOIN articles a ON a.id = m.article_id "
            f"WHERE b.band_key IN (SELECT k::BIGINT FROM (SELECT {UNPACK} AS k))",
            [packed(str(k) for k in sorted(keys))],
        ).fetchall()
        self._stored_bands.update((k, []) for k in keys)
        for key, aid, sig, group in rows:
            self._stored_bands[key].append(aid)
            if aid not in self._stored:
                self._stored[aid] = (np.frombuffer(bytes(sig), dtype=np.uint64), group)

    def candidates(self, band_keys: list[int]) -> Iterable[Member]:
        self.prefetch(band_keys)  # a no-op for keys the batch read ahead
        found = {m.article_id: m for m in super().candidates(band_keys)}
        for key in band_keys:
            for aid in self._stored_bands[key]:
                if aid not in found:
                    sig, group = self._stored[aid]
                    found[aid] = Member(aid, sig, self._group_updates.get(aid, group))
        return found.values()

    def add(self, member: Member, band_keys: list[int]) -> None:
        super().add(member, band_keys)
        self._pending.append((member, band_keys))

    def set_group(self, article_id: str, group: str) -> None:
        if article_id in self.members:
            super().set_group(article_id, group)
        self._group_updates[article_id] = group

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        if self._pending:
            with bulk.rows(con, "new_minhash", {
                "article_id": column(TEXT, [m.article_id for m, _ in self._pending]),
                "signature": column(BLOB, [m.signature.tobytes() for m, _ in self._pending]),
            }) as v:
                con.execute(f"INSERT INTO minhash BY NAME SELECT * FROM {v} ON CONFLICT (article_id) DO NOTHING")
            bands = [(k, m.article_id) for m, keys in self._pending for k in keys]
            with bulk.rows(con, "new_bands", {
                "band_key": column(INT, [k for k, _ in bands]), "article_id": column(TEXT, [a for _, a in bands]),
            }) as v:
                con.execute(f"INSERT INTO minhash_bands BY NAME SELECT * FROM {v}")
        self._pending.clear()
        self._group_updates.clear()
        self._stored_bands.clear()
        self._stored.clear()
        self.bands.clear()
        self.members.clear()


class _Instances:
    """One DuckDB instance per store file in a process, shared by every Store open on it (the HTTP
    server's and its ingest route's): a file can be attached once per process. Each Store gets a
    connection of its own; the instance closes with the last of them. In-memory stores are never
    shared."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[tuple[str, bool], tuple[duckdb.DuckDBPyConnection, int]] = {}

    def acquire(self, path: str, read_only: bool) -> tuple[str, bool]:
        with self._lock:
            if path == ":memory:":
                root = self._attach(path, read_only)
                key = (f":memory:{id(root)}", read_only)
                self._open[key] = (root, 1)
                return key
            key = (os.path.realpath(path), read_only)
            root, users = self._open.get(key) or (self._attach(path, read_only), 0)
            self._open[key] = (root, users + 1)
            return key

    @staticmethod
    def _attach(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
        config = {"memory_limit": f"{MEMORY_FLOOR // 1024}KiB", "checkpoint_threshold": CHECKPOINT_WAL}
        if path != ":memory:":
            # where DuckDB spills for a database opened directly; for an in-memory one (the
            # connection's own), it would be ".tmp" in the working directory
            config["temp_directory"] = f"{path}.tmp"
        root = duckdb.connect(":memory:", config=config)
        # The row group size is an option of ATTACH only, and holds for this session's writes.
        options = "READ_ONLY" if read_only else f"ROW_GROUP_SIZE {ROW_GROUP_SIZE}"
        try:
            root.execute(f"ATTACH '{path.replace(chr(39), chr(39) * 2)}' AS {CATALOG} ({options})")
        except duckdb.Error as e:
            root.close()
            raise StoreError(f"cannot open the database {path}: {e}") from e
        return root

    def connection(self, key: tuple[str, bool]) -> duckdb.DuckDBPyConnection:
        with self._lock:
            cur = self._open[key][0].cursor()
        cur.execute(f"USE {CATALOG}")
        return cur

    def release(self, key: tuple[str, bool]) -> None:
        with self._lock:
            root, users = self._open[key]
            if users > 1:
                self._open[key] = (root, users - 1)
                return
            del self._open[key]
        root.close()


_instances = _Instances()
