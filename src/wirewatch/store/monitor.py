"""The monitor stage's queries: daily counts, co-mentions, watchlist matches, and the alerts table.

Every article is counted on its day: `articles.published`, or the day it was stored when the page
gave no publication date (such articles are counted in `undated`, so the output can say so). SQL is
built from constants only; every value travels as a parameter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from wirewatch.model.trends import Alert
from wirewatch.store.db import Store


def _day(t: str = "articles") -> str:
    """The day an article of table alias `t` counts on."""
    return f"coalesce({t}.published, CAST({t}.stored_at AS DATE))"


_WINDOW = f"""a AS (
    SELECT id, outlet, story, {_day()} AS day, published IS NULL AS undated FROM articles
    WHERE {_day()} BETWEEN ? AND ?)"""

PLACE_TYPES = ("GPE", "LOC")
GROUP_TYPES = ("ORG", "NORP")


@dataclass(frozen=True, slots=True)
class DayRow:
    kind: str
    name: str
    day: date
    articles: int
    outlets: int
    undated: int
    type: str | None


@contextmanager
def opened(db: Store | str | Path, *, read_only: bool) -> Iterator[Store]:
    """The store given, or the database at that path opened for the call (and closed after)."""
    if isinstance(db, Store):
        yield db
        return
    with Store(db, read_only=read_only) as store:
        yield store


def has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?", [table]
    ).fetchone()
    return bool(row and row[0])


def latest_day(con: duckdb.DuckDBPyConnection) -> date | None:
    row = con.execute(f"SELECT max({_day()}) FROM articles").fetchone()
    return row[0] if row else None


def day_volume(con: duckdb.DuckDBPyConnection, start: date, end: date) -> dict[date, int]:
    """All articles per day: the denominator of every series."""
    rows = con.execute(f"WITH {_WINDOW} SELECT day, count(*) FROM a GROUP BY day", [start, end]).fetchall()
    return {d: int(n) for d, n in rows}


def daily_counts(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    *,
    active_from: date,
    kinds: Sequence[str],
    name: str | None = None,
) -> list[DayRow]:
    """Articles per (kind, name, day) between start and end, for the series with at least one article
    on or after `active_from`. `name` keeps the series whose name is that, case-insensitively."""
    parts = []
    if "entity" in kinds or "place" in kinds:
        parts.append(
            "SELECT CASE WHEN e.type IN ('GPE', 'LOC') THEN 'place' ELSE 'entity' END AS kind, e.name AS name, "
            "a.day, count(DISTINCT a.id) AS articles, count(DISTINCT a.outlet) AS outlets, "
            "count(DISTINCT a.id) FILTER (WHERE a.undated) AS undated, mode(e.type) AS type "
            "FROM a JOIN entities e ON e.article_id = a.id GROUP BY ALL"
        )
    if "outlet" in kinds:
        parts.append(
            "SELECT 'outlet', outlet, day, count(*), 1, count(*) FILTER (WHERE undated), NULL "
            "FROM a WHERE outlet IS NOT NULL GROUP BY ALL"
        )
    if "story" in kinds:
        parts.append(
            "SELECT 'story', story, day, count(*), count(DISTINCT outlet), count(*) FILTER (WHERE undated), NULL "
            "FROM a WHERE story IS NOT NULL GROUP BY ALL"
        )
    if "claim" in kinds and has_table(con, "claim_mentions"):
        parts.append(
            "SELECT 'claim', m.claim_id, a.day, count(DISTINCT a.id), count(DISTINCT a.outlet), "
            "count(DISTINCT a.id) FILTER (WHERE a.undated), NULL "
            "FROM a JOIN claim_mentions m ON m.article_id = a.id GROUP BY ALL"
        )
    if not parts:
        return []
    sql = (
        f"WITH {_WINDOW}, s AS ({' UNION ALL '.join(parts)}), "
        "live AS (SELECT DISTINCT kind, name FROM s WHERE day >= ? AND (? IS NULL OR lower(name) = lower(?))) "
        "SELECT s.* FROM s JOIN live USING (kind, name) WHERE kind IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY kind, name, day"
    )
    rows = con.execute(sql, [start, end, active_from, name, name, list(kinds)]).fetchall()
    return [DayRow(k, n, d, int(a), int(o), int(u), t) for k, n, d, a, o, u, t in rows]


def subject_articles(con: duckdb.DuckDBPyConnection, kind: str, name: str, day: date) -> list[tuple[str, str | None]]:
    """(article id, outlet) of the articles a series counted on `day`."""
    if kind in ("entity", "place"):
        where = ("id IN (SELECT article_id FROM entities WHERE name = ? AND "
                 + ("type IN ('GPE', 'LOC'))" if kind == "place" else "coalesce(type, '') NOT IN ('GPE', 'LOC'))"))
    elif kind == "outlet":
        where = "outlet = ?"
    elif kind == "story":
        where = "story = ?"
    elif kind == "claim" and has_table(con, "claim_mentions"):
        where = "id IN (SELECT article_id FROM claim_mentions WHERE claim_id = ?)"
    else:
        return []
    sql = f"WITH {_WINDOW} SELECT id, outlet FROM a WHERE {where} ORDER BY id"
    return con.execute(sql, [day, day, name]).fetchall()


def labels(con: duckdb.DuckDBPyConnection, kind: str, names: Sequence[str]) -> dict[str, str]:
    """Readable labels for story and claim ids, where the linking stage stored them."""
    if not names:
        return {}
    if kind == "story" and has_table(con, "stories"):
        sql = "SELECT id, label FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))"
    elif kind == "claim" and has_table(con, "claims"):
        sql = "SELECT id, coalesce(speaker || ': ', '') || content FROM claims WHERE id IN (SELECT unnest(?::VARCHAR[]))"
    else:
        return {}
    return {str(i): str(label) for i, label in con.execute(sql, [list(names)]).fetchall() if label}


# --- co-mentions ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairRow:
    group: str
    place: str
    article_days: tuple[tuple[str, date, str | None], ...]  # (article id, day, outlet), oldest first


def new_pairs(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    *,
    group_pattern: str,
    group_names: Sequence[str],
    min_articles: int,
    min_outlets: int,
) -> list[PairRow]:
    """(armed group, place) pairs co-mentioned in at least `min_articles` articles from `min_outlets`
    outlets between start and end, and never co-mentioned in an article dated before start.

    A group is an ORG or NORP entity whose name matches `group_pattern` (case-insensitive, RE2) or is
    one of `group_names`; a place is a GPE or LOC entity."""
    sql = f"""
    WITH {_WINDOW},
    g AS (SELECT DISTINCT article_id, name FROM entities
          WHERE type IN ('ORG', 'NORP')
            AND ((? <> '' AND regexp_matches(name, ?, 'i')) OR lower(name) IN (SELECT lower(unnest(?::VARCHAR[]))))),
    p AS (SELECT DISTINCT article_id, name FROM entities WHERE type IN ('GPE', 'LOC')),
    now_ AS (
        SELECT g.name AS grp, p.name AS place, list(struct_pack(id := a.id, day := a.day, outlet := a.outlet) ORDER BY a.day, a.id) AS seen
        FROM a JOIN g ON g.article_id = a.id JOIN p ON p.article_id = a.id
        WHERE g.name <> p.name
        GROUP BY ALL
        HAVING count(DISTINCT a.id) >= ? AND count(DISTINCT a.outlet) >= ?),
    before AS (
        SELECT DISTINCT g2.name AS grp, p2.name AS place
        FROM entities g2 JOIN entities p2 ON p2.article_id = g2.article_id JOIN articles b ON b.id = g2.article_id
        WHERE {_day("b")} < ?
          AND (g2.name, p2.name) IN (SELECT (grp, place) FROM now_))
    SELECT grp, place, seen FROM now_ ANTI JOIN before USING (grp, place) ORDER BY grp, place"""
    rows = con.execute(
        sql, [start, end, group_pattern, group_pattern, list(group_names), min_articles, min_outlets, start]
    ).fetchall()
    return [PairRow(g, p, tuple((s["id"], s["day"], s["outlet"]) for s in seen)) for g, p, seen in rows]


# --- watchlists ----------------------------------------------------------------------------------


def entity_hits(
    con: duckdb.DuckDBPyConnection, start: date, end: date, *, names: Sequence[str], countries: Sequence[str],
    types: Sequence[str] | None,
) -> list[tuple[date, str, str | None]]:
    """(day, article id, outlet) for articles naming any of `names` (case-insensitive), or a place in one of
    `countries` (ISO codes), optionally only entities of `types`."""
    sql = f"""WITH {_WINDOW}
    SELECT DISTINCT a.day, a.id, a.outlet FROM a JOIN entities e ON e.article_id = a.id
    WHERE (lower(e.name) IN (SELECT lower(unnest(?::VARCHAR[]))) OR upper(e.country) IN (SELECT upper(unnest(?::VARCHAR[]))))
      AND (? IS NULL OR e.type IN (SELECT unnest(?::VARCHAR[])))
    ORDER BY a.day, a.id"""
    typed = list(types) if types else None
    return con.execute(sql, [start, end, list(names), list(countries), typed, typed]).fetchall()


def text_hits(con: duckdb.DuckDBPyConnection, start: date, end: date, *, pattern: str) -> list[tuple[date, str, str | None]]:
    """(day, article id, outlet) for articles whose title or body matches the RE2 `pattern`."""
    sql = f"""WITH {_WINDOW}
    SELECT a.day, a.id, a.outlet FROM a JOIN articles t ON t.id = a.id
    WHERE regexp_matches(coalesce(t.title, '') || chr(10) || coalesce(t.body, ''), ?)
    ORDER BY a.day, a.id"""
    return con.execute(sql, [start, end, pattern]).fetchall()


# --- the alerts table ----------------------------------------------------------------------------

_COLUMNS = ("id, rule, day, subjects, summary, score, articles, outlets, article_ids, watchlist, expected, "
            "p_value, raised_at, delivery")


def save_alerts(con: duckdb.DuckDBPyConnection, alerts: Iterable[Alert]) -> list[str]:
    """Store the alerts not stored before; returns the ids that were new. One transaction."""
    new: list[str] = []
    con.execute("BEGIN")
    try:
        for a in alerts:
            row = con.execute(
                "INSERT INTO alerts (id, rule, day, subjects, summary, score, articles, outlets, article_ids, "
                "watchlist, expected, p_value, raised_at, attempts) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 0) ON CONFLICT (id) DO NOTHING RETURNING id",
                [a.id, a.rule, a.day, list(a.subjects), a.summary, a.score, a.articles, a.outlets,
                 list(a.article_ids), a.watchlist, a.expected, a.p_value],
            ).fetchone()
            if row:
                new.append(a.id)
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
    return new


def undelivered(con: duckdb.DuckDBPyConnection, *, max_attempts: int) -> list[Alert]:
    """Alerts never posted, or whose posts failed fewer than `max_attempts` times."""
    return _alerts(con, "WHERE (delivery IS NULL OR delivery LIKE 'failed%') AND attempts < ?", [max_attempts])


def record_delivery(con: duckdb.DuckDBPyConnection, alert_id: str, outcome: str) -> None:
    con.execute(
        "UPDATE alerts SET delivery = ?, attempts = attempts + 1, "
        "delivered_at = CASE WHEN ? = 'sent' THEN now() ELSE delivered_at END WHERE id = ?",
        [outcome, outcome, alert_id],
    )


def list_alerts(con: duckdb.DuckDBPyConnection, *, limit: int | None = None) -> list[Alert]:
    if not has_table(con, "alerts"):
        return []
    return _alerts(con, "", [], limit=limit)


def _alerts(con: duckdb.DuckDBPyConnection, where: str, params: list[object], *, limit: int | None = None) -> list[Alert]:
    sql = f"SELECT {_COLUMNS} FROM alerts {where} ORDER BY day DESC, score DESC, id"
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    rows = con.execute(sql, params).fetchall()
    return [
        Alert(
            id=r[0], rule=r[1], day=str(r[2]), subjects=tuple(r[3] or ()), summary=r[4], score=float(r[5]),
            articles=int(r[6]), outlets=int(r[7]), article_ids=tuple(r[8] or ()), watchlist=r[9], expected=r[10],
            p_value=r[11], raised_at=str(r[12]) if r[12] is not None else None, delivery=r[13],
        )
        for r in rows
    ]


def alert_json(a: Alert) -> str:
    """The JSON object for one alert (the CLI's --json line, the webhook's body)."""
    return json.dumps(a.as_dict(), ensure_ascii=False)
