"""The DuckDB store: raw input kept verbatim, articles as analysed, and the memory a corpus learns.

Every batch is written in one transaction, so a run that dies half way leaves whole articles or
none, and re-running it stores only what is missing (ids are content hashes).
"""

from __future__ import annotations

import json
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
from wirewatch.store.schema import MIGRATIONS, SCHEMA, SCHEMA_VERSION


class Store:
    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(f"cannot open the database {self.path}: {e}") from e
        if not read_only:
            self._migrate()

    def close(self) -> None:
        self.con.close()

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
        if row is not None:
            for version, statements in sorted(MIGRATIONS.items()):
                if int(row[0]) < version:
                    for statement in statements:
                        self.con.execute(statement)
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [str(SCHEMA_VERSION)],
        )
        self.con.execute("COMMIT")

    # --- reads used while ingesting ----------------------------------------------------------

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM inputs WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)])
        return {r[0] for r in rows.fetchall()}

    def load_memory(self, memory: OutletMemory) -> None:
        pages = dict(self.con.execute("SELECT outlet, pages FROM outlet_pages").fetchall())
        lines = self.con.execute("SELECT outlet, line_hash, pages FROM outlet_lines").fetchall()
        memory.load(pages, lines)

    def next_seq(self) -> int:
        return int(self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0])  # type: ignore[index]

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

        `link` (the corpus-level linking stage) is called with the articles just stored and their
        `seq`, inside the same transaction, after duplicate groups are settled."""
        stored = rejected = 0
        new: list[tuple[int, Article]] = []
        con = self.con
        try:
            con.execute("BEGIN")
            seq = self.next_seq()
            for outcome in outcomes:
                if isinstance(outcome, Rejection):
                    con.execute(
                        "INSERT INTO rejections VALUES (?, ?, ?, ?, now()) ON CONFLICT (name) DO UPDATE SET "
                        "code = excluded.code, reason = excluded.reason, input_id = excluded.input_id, rejected_at = now()",
                        [outcome.name, outcome.code, outcome.reason, outcome.input_id],
                    )
                    rejected += 1
                    continue
                if self._insert_article(outcome, seq):
                    new.append((seq, outcome))
                    seq += 1
                    stored += 1
            for article_id, group in (regrouped or {}).items():
                con.execute("UPDATE articles SET duplicate_group = ? WHERE id = ? AND duplicate_group IS NULL",
                            [group, article_id])
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
        return stored, rejected

    def _insert_article(self, a: Article, seq: int) -> bool:
        con = self.con
        exists = con.execute("SELECT 1 FROM inputs WHERE id = ?", [a.id]).fetchone()
        if exists:
            return False
        src = a.source
        d = article_dict(a)
        con.execute("INSERT INTO inputs VALUES (?, ?, ?, ?, ?, now())", [a.id, src.name, src.kind, src.url, src.raw])
        con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
            [
                a.id, seq, d["url"], d["outlet"], d["language"], d["title"], d["author"],
                d["published"]["date"], d["body"], d["duplicate_group"], None, json.dumps(d, ensure_ascii=False),
            ],
        )
        if d["entities"]:
            con.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    [a.id, e["name"], e["type"], e["count"], (e["geo"] or {}).get("lat"), (e["geo"] or {}).get("lon"),
                     (e["geo"] or {}).get("country")]
                    for e in d["entities"]
                ],
            )
        if d["statements"]:
            con.executemany(
                "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?)",
                [[a.id, k, s["speaker"], s["sourcing"], s["quote"], s["cue"], s["content"]]
                 for k, s in enumerate(d["statements"])],
            )
        if d["signals"]:
            con.executemany(
                "INSERT INTO signals VALUES (?, ?, ?)", [[a.id, s["kind"], s["evidence"]] for s in d["signals"]]
            )
        return True

    def _save_memory(self, memory: OutletMemory) -> None:
        pages, lines = memory.take_pending()
        for outlet, n in pages.items():
            self.con.execute(
                "INSERT INTO outlet_pages VALUES (?, ?) ON CONFLICT (outlet) DO UPDATE SET pages = pages + excluded.pages",
                [outlet, n],
            )
        rows = [[outlet, h, n] for outlet, counts in lines.items() for h, n in counts.items()]
        if rows:
            self.con.executemany(
                "INSERT INTO outlet_lines VALUES (?, ?, ?) ON CONFLICT (outlet, line_hash) "
                "DO UPDATE SET pages = pages + excluded.pages",
                rows,
            )

    # --- reads for export and the views ------------------------------------------------------

    def article_count(self) -> int:
        return int(self.con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]

    def iter_article_dicts(self) -> Iterator[dict[str, Any]]:
        cur = self.con.execute("SELECT doc, duplicate_group, story FROM articles ORDER BY seq")
        while True:
            rows = cur.fetchmany(500)
            if not rows:
                return
            for doc, group, story in rows:
                d = json.loads(doc)
                d["duplicate_group"] = group
                d["story"] = story
                yield d

    def article_dict(self, article_id: str) -> dict[str, Any] | None:
        row = self.con.execute(
            "SELECT doc, duplicate_group, story FROM articles a JOIN inputs i USING (id) "
            "WHERE id = ? OR (length(?) >= 4 AND id LIKE ?) OR i.name = ? ORDER BY (id = ?) DESC, seq LIMIT 1",
            [article_id, article_id, article_id + "%", article_id, article_id],
        ).fetchone()
        if row is None:
            return None
        d = json.loads(row[0])
        d["duplicate_group"], d["story"] = row[1], row[2]
        return d

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

    def candidates(self, band_keys: list[int]) -> Iterable[Member]:
        found = {m.article_id: m for m in super().candidates(band_keys)}
        rows = self.store.con.execute(
            "SELECT m.article_id, m.signature, a.duplicate_group FROM minhash m JOIN articles a ON a.id = m.article_id "
            "WHERE m.article_id IN (SELECT article_id FROM minhash_bands WHERE band_key IN "
            "(SELECT unnest(?::BIGINT[]))) ORDER BY a.seq",
            [band_keys],
        ).fetchall()
        for aid, sig, group in rows:
            group = self._group_updates.get(aid, group)
            found.setdefault(aid, Member(aid, np.frombuffer(bytes(sig), dtype=np.uint64), group))
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
            con.executemany(
                "INSERT INTO minhash VALUES (?, ?) ON CONFLICT (article_id) DO NOTHING",
                [[m.article_id, m.signature.tobytes()] for m, _ in self._pending],
            )
            con.executemany(
                "INSERT INTO minhash_bands VALUES (?, ?)",
                [[k, m.article_id] for m, keys in self._pending for k in keys],
            )
        self._pending.clear()
        self._group_updates.clear()
        self.bands.clear()
        self.members.clear()
