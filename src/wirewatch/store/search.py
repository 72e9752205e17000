"""The full-text index beside the DuckDB file (`<db>.search/`), kept with tantivy.

Why tantivy: DuckDB's fts extension answered in about 4 s at p95 over a million articles, and SQLite
FTS5 ranks every match with bm25 before it can cut the top k, so a common word costs as much as the
number of articles holding it. Tantivy skips whole blocks that cannot enter the top k (block-max
WAND), so the cost follows k, not the corpus; `benchmarks/search_index.py` measures it at 1M.

What the index holds: per article its `id` (stored) and its title and body (indexed only; the article
itself is read back from DuckDB by id). It covers the stored articles up to a watermark, the highest
`articles.seq` indexed, kept in a marker document committed in the same commit as the articles it
covers, so a crash leaves the index and its watermark consistent. `refresh` adds every article above
the watermark. It runs after each batch that `pipeline.run.ingest` saves and when `serve` starts (which
catches up a database ingested before the index existed, or without the `api` extra installed).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_MARKER = "__watermark__"
# Rows read from DuckDB per fetch, and articles per tantivy commit while building a large index.
_FETCH = 5000
_COMMIT_EVERY = 200_000
# The writer's memory budget (tantivy splits it among its threads) and threads: one, the cores are shared.
_HEAP = 128_000_000


def index_path(db: str | Path) -> Path:
    return Path(f"{db}.search")


def _schema() -> Any:
    import tantivy

    b = tantivy.SchemaBuilder()
    b.add_text_field("id", stored=True, tokenizer_name="raw")
    b.add_text_field("title", stored=False, tokenizer_name="default")
    b.add_text_field("body", stored=False, tokenizer_name="default")
    b.add_unsigned_field("seq", stored=True, indexed=False)
    return b.build()


class SearchIndex:
    """One tantivy index for one database. Reads are safe from many threads; one writer at a time."""

    def __init__(self, path: str | Path) -> None:
        import tantivy

        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._tantivy = tantivy
        self.index = tantivy.Index(_schema(), path=str(self.path), reuse=True)

    @classmethod
    def for_db(cls, db: str | Path) -> SearchIndex:
        return cls(index_path(db))

    def watermark(self) -> int:
        self.index.reload()
        searcher = self.index.searcher()
        query = self._tantivy.Query.term_query(self.index.schema, "id", _MARKER)
        hits = searcher.search(query, 1).hits
        if not hits:
            return 0
        return int(searcher.doc(hits[0][1])["seq"][0])

    def refresh(self, con: Any) -> int:
        """Index every stored article above the watermark; returns how many were added."""
        start = self.watermark()
        cur = con.execute(
            "SELECT seq, id, coalesce(title, ''), coalesce(body, '') FROM articles WHERE seq > ? ORDER BY seq", [start]
        )
        added = 0
        writer = self.index.writer(heap_size=_HEAP, num_threads=1)
        top = start
        try:
            while rows := cur.fetchmany(_FETCH):
                for seq, article_id, title, body in rows:
                    # A delete first makes the add idempotent should the same seq be offered twice.
                    writer.delete_documents_by_term("id", article_id)
                    writer.add_document(self._tantivy.Document(id=article_id, title=title, body=body, seq=seq))
                    top = seq
                    added += 1
                if added and added % _COMMIT_EVERY < _FETCH:
                    self._commit(writer, top)
            if added:
                self._commit(writer, top)
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        if added:
            self.index.reload()
        return added

    def _commit(self, writer: Any, seq: int) -> None:
        writer.delete_documents_by_term("id", _MARKER)
        writer.add_document(self._tantivy.Document(id=_MARKER, seq=seq))
        writer.commit()

    def search(self, q: str, *, limit: int = 20, offset: int = 0) -> tuple[list[str], int]:
        """Article ids best match first, and how many match. Every word must occur (AND) unless the
        query says otherwise (`a OR b`, `"a phrase"`, `-word`, `title:word`); a malformed query is read
        as well as it can be rather than refused."""
        query, _errors = self.index.parse_query_lenient(
            q, ["title", "body"], field_boosts={"title": 2.0}, conjunction_by_default=True
        )
        searcher = self.index.searcher()
        result = searcher.search(query, limit, count=True, offset=offset)
        ids = [searcher.doc(addr)["id"][0] for _score, addr in result.hits]
        return ids, int(result.count or 0)


def refresh_search_index(store: Any) -> int:
    """Bring `<db>.search/` up to date after a saved batch. A no-op without tantivy (the `api` extra) or
    for an in-memory database; a failure is logged, never fatal: `serve` catches up on start."""
    if store.path in ("", ":memory:"):
        return 0
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return 0
    try:
        return SearchIndex.for_db(store.path).refresh(store.con)
    except (ValueError, OSError, RuntimeError) as e:
        log.warning("search index for %s not updated (serve will catch up): %s", store.path, e)
        return 0
