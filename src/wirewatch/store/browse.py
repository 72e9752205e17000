"""Read-only queries behind the HTTP API and the dashboard: articles, entities, outlets, stories, places.

Each function takes a DuckDB connection (a per-request cursor of the server's one connection, so
threads never share one) and returns plain dicts: this is an edge, where dicts are the currency. SQL
is only ever built from constants; every value travels as a parameter. Tables that other stages add
later (`stories`, `alerts`) are looked up in the catalogue first and used only if present.
"""

from __future__ import annotations

from typing import Any

from wirewatch.store.bulk import marks
from wirewatch.store.docs import COLUMNS, documents
from wirewatch.store.search import SearchIndex


def table_columns(con: Any, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? "
        "ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def _row_dicts(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# --- articles ---------------------------------------------------------------------------------


def article(con: Any, article_id: str) -> dict[str, Any] | None:
    found = documents(con, con.execute(f"SELECT {COLUMNS} FROM articles a WHERE id = ?", [article_id]).fetchall())
    return found[0] if found else None


def articles_by_ids(con: Any, ids: list[str]) -> list[dict[str, Any]]:
    """The articles in the order of `ids` (ids not stored are left out)."""
    if not ids:
        return []
    rows = con.execute(f"SELECT {COLUMNS} FROM articles a WHERE id IN ({marks(ids)})", ids).fetchall()
    found = {d["id"]: d for d in documents(con, rows)}
    return [found[i] for i in ids if i in found]


def find_articles(
    con: Any, index: SearchIndex | None, q: str | None, *, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Articles matching `q`, best match first, or the latest stored when there is no query."""
    if q and q.strip():
        if index is None:  # no tantivy installed: a scan, correct but slow on a large corpus
            pattern = f"%{q.strip()}%"
            cond = "FROM articles WHERE title ILIKE ? OR body ILIKE ?"
            total = con.execute(f"SELECT count(*) {cond}", [pattern, pattern]).fetchone()[0]
            ids = [r[0] for r in con.execute(f"SELECT id {cond} ORDER BY seq DESC LIMIT ? OFFSET ?",
                                             [pattern, pattern, limit, offset]).fetchall()]
            return articles_by_ids(con, ids), int(total)
        ids, total = index.search(q, limit=limit, offset=offset)
        return articles_by_ids(con, ids), total
    total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY seq DESC LIMIT ? OFFSET ?",
                                     [limit, offset]).fetchall()]
    return articles_by_ids(con, ids), int(total)


# --- entities ---------------------------------------------------------------------------------


def entities(con: Any, *, q: str | None, type: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    where, params = ["TRUE"], []
    if q:
        where.append("name ILIKE ?")
        params.append(f"%{q}%")
    if type:
        where.append("type = ?")
        params.append(type.upper())
    cond = " AND ".join(where)
    total = con.execute(f"SELECT count(DISTINCT (name, type)) FROM entities WHERE {cond}", params).fetchone()[0]
    cur = con.execute(
        f"SELECT name, type, count(DISTINCT article_id) AS articles, sum(count)::BIGINT AS mentions "
        f"FROM entities WHERE {cond} GROUP BY name, type ORDER BY articles DESC, name LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return _row_dicts(cur), int(total)


def entity(con: Any, name: str) -> dict[str, Any] | None:
    """One entity: its types, a timeline of articles per day, the entities named beside it, its articles."""
    types = _row_dicts(con.execute(
        "SELECT type, count(DISTINCT article_id) AS articles, sum(count)::BIGINT AS mentions, "
        "any_value(lat) AS lat, any_value(lon) AS lon, any_value(country) AS country "
        "FROM entities WHERE name = ? GROUP BY type ORDER BY articles DESC", [name]))
    if not types:
        return None
    timeline = [
        {"date": str(d), "articles": int(n)}
        for d, n in con.execute(
            "SELECT a.published, count(DISTINCT a.id) FROM entities e JOIN articles a ON a.id = e.article_id "
            "WHERE e.name = ? AND a.published IS NOT NULL GROUP BY a.published ORDER BY a.published", [name]
        ).fetchall()
    ]
    co = _row_dicts(con.execute(
        "SELECT o.name, o.type, count(DISTINCT o.article_id) AS articles FROM entities e "
        "JOIN entities o ON o.article_id = e.article_id AND o.name <> e.name "
        "WHERE e.name = ? GROUP BY o.name, o.type ORDER BY articles DESC, o.name LIMIT 25", [name]))
    arts = _row_dicts(con.execute(
        "SELECT DISTINCT a.id, a.title, a.outlet, a.published, a.language, a.seq FROM entities e "
        "JOIN articles a ON a.id = e.article_id WHERE e.name = ? ORDER BY a.published DESC NULLS LAST, a.seq DESC "
        "LIMIT 50", [name]))
    for a in arts:
        a.pop("seq")
        a["published"] = str(a["published"]) if a["published"] else None
    return {"name": name, "types": types, "timeline": timeline, "co_mentioned": co, "articles": arts}


def places(con: Any, *, limit: int = 500) -> list[dict[str, Any]]:
    return _row_dicts(con.execute(
        "SELECT name, any_value(country) AS country, avg(lat) AS lat, avg(lon) AS lon, "
        "count(DISTINCT article_id) AS articles FROM entities WHERE lat IS NOT NULL AND lon IS NOT NULL "
        "GROUP BY name ORDER BY articles DESC, name LIMIT ?", [limit]))


# --- outlets ----------------------------------------------------------------------------------


def outlets(con: Any, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    total = con.execute("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL").fetchone()[0]
    cur = con.execute(
        "SELECT a.outlet, count(*) AS articles, list(DISTINCT a.language ORDER BY a.language) AS languages, "
        "min(a.published) AS first, max(a.published) AS last, "
        "(SELECT count(*) FROM (SELECT article_id FROM signals UNION ALL SELECT article_id FROM single_origin) s "
        "JOIN articles b ON b.id = s.article_id WHERE b.outlet = a.outlet) AS signals "
        "FROM articles a WHERE a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY articles DESC, a.outlet "
        "LIMIT ? OFFSET ?",
        [limit, offset],
    )
    items = _row_dicts(cur)
    for o in items:
        o["first"] = str(o["first"]) if o["first"] else None
        o["last"] = str(o["last"]) if o["last"] else None
    return items, int(total)


# --- stories ----------------------------------------------------------------------------------


def _story_extras(con: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Columns of a `stories` table, where the linking stage has made one (keyed by its `id`)."""
    cols = table_columns(con, "stories")
    if "id" not in cols or not ids:
        return {}
    cur = con.execute("SELECT * FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    return {str(r["id"]): {k: _plain(v) for k, v in r.items() if k not in _STORE_ONLY} for r in _row_dicts(cur)}


# Columns the store keeps for its own queries, not for readers: where a story's articles begin.
_STORE_ONLY = frozenset({"first_seq"})


def _plain(v: Any) -> Any:
    return v if v is None or isinstance(v, (str, int, float, bool, list, dict)) else str(v)


def stories(con: Any, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    total = con.execute("SELECT count(DISTINCT story) FROM articles WHERE story IS NOT NULL").fetchone()[0]
    cur = con.execute(
        "SELECT story AS id, count(*) AS articles, count(DISTINCT outlet) AS outlets_count, "
        "list(DISTINCT outlet ORDER BY outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets, "
        "list(DISTINCT language ORDER BY language) AS languages, "
        "min(published) AS first, max(published) AS last, arg_min(title, seq) AS title "
        "FROM articles WHERE story IS NOT NULL GROUP BY story ORDER BY articles DESC, last DESC NULLS LAST, story "
        "LIMIT ? OFFSET ?",
        [limit, offset],
    )
    items = _row_dicts(cur)
    extras = _story_extras(con, [s["id"] for s in items])
    for s in items:
        s["first"] = str(s["first"]) if s["first"] else None
        s["last"] = str(s["last"]) if s["last"] else None
        for k, v in extras.get(s["id"], {}).items():
            s.setdefault(k, v)
    return items, int(total)


def story(con: Any, story_id: str) -> dict[str, Any] | None:
    """A story's articles side by side, one column per outlet: who asserts in its own voice, who
    attributes and to whom, when, in which language."""
    rows = con.execute(
        f"SELECT {COLUMNS} FROM articles a WHERE story = ? ORDER BY published NULLS LAST, seq",
        [story_id],
    ).fetchall()
    if not rows:
        return None
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for a in documents(con, rows):
        statements = a.get("statements") or []
        by_outlet.setdefault(a.get("outlet") or "(unknown outlet)", []).append({
            "id": a["id"], "title": a.get("title"), "url": a.get("url"), "language": a.get("language"),
            "published": (a.get("published") or {}).get("date"),
            "asserts": [s for s in statements if s.get("sourcing") == "none"],
            "attributes": [s for s in statements if s.get("sourcing") != "none"],
            "signals": a.get("signals") or [],
        })
    extras = _story_extras(con, [story_id]).get(story_id, {})
    outlets_ = [{"outlet": o, "articles": arts} for o, arts in by_outlet.items()]
    # The stories row's own `outlets` (names) and `articles` (a count) must not replace the columns.
    return {**extras, "id": story_id, "articles": len(rows), "outlets": outlets_}


# --- alerts -----------------------------------------------------------------------------------


def alerts(con: Any, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int] | None:
    """What the monitor stage stored, or None while the database has no `alerts` table."""
    cols = table_columns(con, "alerts")
    if not cols:
        return None
    total = con.execute("SELECT count(*) FROM alerts").fetchone()[0]
    order = "raised_at DESC NULLS LAST, id" if {"raised_at", "id"} <= set(cols) else "ALL"
    items = _row_dicts(con.execute(f"SELECT * FROM alerts ORDER BY {order} LIMIT ? OFFSET ?", [limit, offset]))
    return [{k: _plain(v) for k, v in a.items()} for a in items], int(total)
