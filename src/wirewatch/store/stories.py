"""Queries behind linking: the story index (keys, rarity, features), stories, claims and their signals.

All writes happen on the connection of `Store.save_batch`, inside its transaction: a batch is
stored with its stories and claims, or not at all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, Literal

import duckdb

from wirewatch.link.features import LinkFeatures
from wirewatch.link.stories import MemoryIndex, index_keys
from wirewatch.model import Article, Signal
from wirewatch.model.convert import article_from_dict
from wirewatch.model.linked import Claim, ClaimMention, Story
from wirewatch.store import bulk
from wirewatch.store.bulk import FLOAT, INT, TEXT, TEXT_LIST, column, marks, packed

# The label of a story: its most widespread entities of these types.
_LABEL_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT")


def _day(value: str | None) -> str | None:
    """An article's day as DuckDB reads a DATE, or None where it has none (or none that parses)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _window(day: str | None, days: int) -> tuple[str, str] | None:
    """The first and last day of the story window around `day`, as SQL date literals (from `date`,
    so safe to inline: DuckDB prunes row groups by constants it sees when planning)."""
    d = _day(day)
    if d is None:
        return None
    center = date.fromisoformat(d)
    return (center - timedelta(days=days)).isoformat(), (center + timedelta(days=days)).isoformat()


def key_hash(key: str) -> int:
    """A linking key as the postings store it: the first 63 bits of its MD5, as DuckDB's
    `md5_number_upper(key) >> 1` gives them (the version 10 migration computes them there)."""
    return int.from_bytes(hashlib.md5(key.encode("utf-8")).digest()[:8], "little") >> 1


_FEATURE_COLUMNS = "article_id, seq, language, day, year, anchors, terms, leads, not_before, not_after"


def _features(row: Sequence[Any]) -> LinkFeatures:
    article_id, seq, language, day, year, anchors, terms, leads, not_before, not_after = row
    return LinkFeatures(article_id, int(seq), language, str(day) if day else None, year,
                        json.loads(anchors), json.loads(terms), frozenset(json.loads(leads or "[]")),
                        str(not_before) if not_before else None, str(not_after) if not_after else None)


class StoreLinkIndex:
    """The story linker's index in DuckDB: an inverted index of keys, their document frequencies,
    and each article's features (`LinkIndex` protocol of `link.stories`).

    Articles of the batch being written are held in memory and written in bulk by `flush`, as
    `StoreBandIndex` does for near-duplicates: one write per table per batch, not per article.
    Until then what is stored does not change, so its document frequencies and the features of
    stored articles are read once per batch: the articles of one batch meet mostly the same
    candidates, which bring mostly the same keys."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.stored = int(con.execute("SELECT count(*) FROM link_articles").fetchone()[0])  # type: ignore[index]
        self.pending = MemoryIndex()
        self._stored_df: dict[str, int] = {}  # 0 for a key the store has never counted
        self._features: dict[str, LinkFeatures] = {}

    def size(self) -> int:
        return self.stored + self.pending.size()

    def doc_freq(self, keys: Iterable[str]) -> dict[str, int]:
        keys = list(keys)
        known = self._stored_df
        unread = [k for k in keys if k not in known]
        if unread:
            rows = self.con.execute(f"SELECT key, df FROM link_df WHERE key IN (SELECT {bulk.UNPACK})", [packed(unread)])
            known.update(dict.fromkeys(unread, 0))
            known.update(rows.fetchall())
        df = {k: known[k] for k in keys if known[k]}
        for k, n in self.pending.doc_freq(keys).items():
            df[k] = df.get(k, 0) + n
        return df

    def candidates(self, f: LinkFeatures, keys: list[str], *, window_days: int, limit: int) -> list[tuple[LinkFeatures, str]]:
        if not keys:
            return []
        wanted = f"h IN ({', '.join(str(key_hash(k)) for k in keys)})"  # integers: safe to inline
        window = _window(f.day, window_days)
        if window is None:  # an undated article may join any story: every posting of its keys counts
            postings = f"SELECT seq FROM link_postings WHERE {wanted}"
            members = "link_articles"
        else:
            # Dated postings inside the window (the `day` filter skips older row groups by their min/max)
            # and undated ones, which join any story; the same for the features read back.
            lo, hi = window
            postings = (f"SELECT seq FROM link_postings WHERE day BETWEEN DATE '{lo}' AND DATE '{hi}' AND {wanted} "
                        f"UNION ALL SELECT seq FROM link_postings WHERE day IS NULL AND {wanted}")
            members = (f"(SELECT * FROM link_articles WHERE day BETWEEN DATE '{lo}' AND DATE '{hi}' "
                       "UNION ALL SELECT * FROM link_articles WHERE day IS NULL)")
        rows = self.con.execute(
            f"WITH hits AS (SELECT seq, count(*) AS hits FROM ({postings}) GROUP BY seq) "
            f"SELECT a.article_id, a.story FROM hits h JOIN {members} a USING (seq) "
            "ORDER BY h.hits DESC, a.seq LIMIT ?",
            [limit],
        ).fetchall()
        self._read_features([article_id for article_id, _ in rows], members)
        found = [(self._features[article_id], story) for article_id, story in rows]
        return found + self.pending.candidates(f, keys, window_days=window_days, limit=limit)

    def _read_features(self, article_ids: list[str], members: str) -> None:
        """Read the features of the candidates not read yet from `members`, the articles of the window:
        a lookup by id scans the column it looks in, so the window keeps the scan to its row groups."""
        unread = [i for i in article_ids if i not in self._features]
        if unread:
            rows = self.con.execute(
                f"SELECT {_FEATURE_COLUMNS} FROM {members} WHERE article_id IN (SELECT {bulk.UNPACK})",
                [packed(unread)]).fetchall()
            self._features.update((r[0], _features(r)) for r in rows)

    def add(self, f: LinkFeatures, story: str) -> None:
        self.pending.add(f, story)

    def merge(self, story: str, into: str) -> None:
        """Every article of `story`, stored or of this batch, now belongs to `into`."""
        for table in ("link_articles", "articles"):
            self.con.execute(f"UPDATE {table} SET story = ? WHERE story = ?", [into, story])
        self.pending.merge(story, into)

    def flush(self) -> None:
        members = self.pending.members
        if not members:
            return
        con = self.con
        with bulk.rows(con, "new_link_articles", {
            "article_id": column(TEXT, [f.article_id for f, _ in members]),
            "seq": column(INT, [f.seq for f, _ in members]),
            "language": column(TEXT, [f.language for f, _ in members]),
            "day": column(TEXT, [_day(f.day) for f, _ in members]),
            "year": column(INT, [f.year for f, _ in members]),
            "anchors": column(TEXT, [json.dumps(f.anchors) for f, _ in members]),
            "terms": column(TEXT, [json.dumps(f.terms) for f, _ in members]),
            "leads": column(TEXT, [json.dumps(sorted(f.leads)) for f, _ in members]),
            "not_before": column(TEXT, [_day(f.not_before) for f, _ in members]),
            "not_after": column(TEXT, [_day(f.not_after) for f, _ in members]),
            "story": column(TEXT, [story for _, story in members]),
        }) as v:
            con.execute(f"INSERT INTO link_articles BY NAME SELECT * FROM {v}")
        keys = [(k, f) for f, _ in members for k in index_keys(f)]
        counts = self.pending.df
        if keys:  # articles that give no keys at all (a page of a few symbols) write no postings
            con.execute(
                "INSERT INTO link_postings SELECT unnest(string_split(?, chr(31)))::BIGINT, "
                "unnest(string_split(?, chr(31)))::BIGINT, "
                "unnest(list_transform(string_split(?, chr(31)), d -> nullif(d, '')::DATE))",
                [packed(str(key_hash(k)) for k, _ in keys), packed(str(f.seq) for _, f in keys),
                 packed(_day(f.day) or "" for _, f in keys)],
            )
            con.execute(
                "INSERT INTO link_df SELECT unnest(string_split(?, chr(31))), unnest(string_split(?, chr(31)))::BIGINT "
                "ON CONFLICT (key) DO UPDATE SET df = link_df.df + excluded.df",
                [packed(counts), packed(str(n) for n in counts.values())],
            )
        con.execute(
            "UPDATE articles SET story = m.story FROM (SELECT unnest(string_split(?, chr(31))) AS id, unnest(string_split(?, chr(31))) AS story) m "
            "WHERE articles.id = m.id",
            [packed(f.article_id for f, _ in members), packed(s for _, s in members)],
        )
        self.stored += len(members)
        self.pending = MemoryIndex()


def refresh_stories(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str]) -> None:
    """Recompute the `stories` rows of the given stories from their articles."""
    ids = sorted(set(story_ids))
    if not ids:
        return
    con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(string_split(?, chr(31))))", [packed(ids)])
    con.execute(
        # When the story was reported: its articles' publication dates; the day they were stored
        # only where none is dated (an undated page of 2015 stored today must not stretch a 2019
        # story to today)
        "INSERT INTO stories SELECT story, coalesce(min(published), min(stored_at::DATE)), "
        "coalesce(max(published), max(stored_at::DATE)), count(*), NULL, NULL, "
        "list(DISTINCT language ORDER BY language), list(DISTINCT outlet ORDER BY outlet) FILTER (outlet IS NOT NULL), "
        "arg_min(title, seq), min(seq) FROM articles WHERE story IN (SELECT unnest(string_split(?, chr(31)))) "
        "GROUP BY story",
        [packed(ids)],
    )
    rows = con.execute(
        "SELECT a.story, e.name, count(DISTINCT a.id) AS n, min(a.seq) AS first FROM entities e "
        "JOIN articles a ON a.id = e.article_id WHERE a.story IN (SELECT unnest(string_split(?, chr(31)))) "
        "AND e.type IN (SELECT unnest(string_split(?, chr(31)))) GROUP BY a.story, e.name "
        "ORDER BY a.story, n DESC, sum(e.count) DESC, first, e.name",
        [packed(ids), packed(_LABEL_TYPES)],
    ).fetchall()
    top: dict[str, list[str]] = {}
    for story, name, _, _ in rows:
        top.setdefault(story, [])
        if len(top[story]) < 5:
            top[story].append(name)
    if top:
        with bulk.rows(con, "story_labels", {
            "id": column(TEXT, list(top)), "top": column(TEXT_LIST, list(top.values())),
            "label": column(TEXT, [", ".join(names[:3]) for names in top.values()]),
        }) as v:
            con.execute(f"UPDATE stories SET top_entities = t.top, label = t.label FROM {v} t WHERE stories.id = t.id")
    con.execute("UPDATE stories SET label = first_title WHERE label IS NULL AND id IN (SELECT unnest(string_split(?, chr(31))))",
                [packed(ids)])


def story_documents(
    con: duckdb.DuckDBPyConnection, story_ids: Sequence[str]
) -> Iterator[tuple[str, list[tuple[str, str | None]]]]:
    """(story, the stored documents and duplicate groups of its articles in seq order), story by story,
    so that one story's documents are held at a time. Each is read from its first article's seq on,
    as constants: articles are stored in seq order, so DuckDB skips the row groups before the story
    began, and it reads the documents of the matching rows only (a list of stories, or a join, made it
    read every document in range). `stored_article` makes each an Article."""
    if not story_ids:
        return
    first = dict(con.execute(f"SELECT id, first_seq FROM stories WHERE id IN (SELECT {bulk.UNPACK})",
                             [packed(story_ids)]).fetchall())
    for story in story_ids:
        since = int(first.get(story) or 0)
        literal = "'" + story.replace("'", "''") + "'"
        yield story, con.execute(
            f"SELECT doc, duplicate_group FROM articles WHERE seq >= {since} AND story = {literal} ORDER BY seq"
        ).fetchall()


def stored_article(doc: str, duplicate_group: str | None) -> Article:
    d = json.loads(doc)
    d["duplicate_group"] = duplicate_group
    return article_from_dict(d)


def save_claims(con: duckdb.DuckDBPyConnection, claims: dict[str, Sequence[Claim]],
                signals: dict[str, Signal | None]) -> None:
    """Bring the stored claims of these stories (story id -> its claims), and the `single_origin`
    signal of each of their articles, up to date. Only what changed is deleted and written again: an
    article new to a story changes a few of its claims and signals, not all of them, and every row
    rewritten is one DuckDB must rewrite again at its next checkpoint."""
    _save_claims(con, claims)
    _save_single_origin(con, signals)


def _fingerprint(c: Claim) -> str:
    return hashlib.sha1(repr(c).encode()).hexdigest()


def _save_claims(con: duckdb.DuckDBPyConnection, by_story: dict[str, Sequence[Claim]]) -> None:
    stories = list(by_story)
    if not stories:
        return
    stored = dict(con.execute(f"SELECT id, fingerprint FROM claims WHERE story IN ({marks(stories)})", stories).fetchall())
    claims = {c.id: c for found in by_story.values() for c in found}
    prints = {i: _fingerprint(c) for i, c in claims.items()}
    gone = [i for i, f in stored.items() if i not in prints or prints[i] != f]
    fresh = [c for i, c in claims.items() if stored.get(i) != prints[i]]
    if gone:
        con.execute(f"DELETE FROM claim_mentions WHERE claim_id IN ({marks(gone)})", gone)
        con.execute(f"DELETE FROM claims WHERE id IN ({marks(gone)})", gone)
    if not fresh:
        return
    with bulk.rows(con, "new_claims", {
        **{k: column(TEXT, [getattr(c, k) for c in fresh])
           for k in ("id", "story", "speaker", "origin", "content", "first_seen", "first_outlet")},
        "outlets": column(TEXT_LIST, [list(c.outlets) for c in fresh]),
        "mentions": column(INT, [len(c.mentions) for c in fresh]),
        "independent_outlets": column(INT, [c.independent_outlets for c in fresh]),
        "corroboration": column(INT, [c.corroboration for c in fresh]),
        "origins": column(TEXT_LIST, [list(c.origins) for c in fresh]),
        "fingerprint": column(TEXT, [prints[c.id] for c in fresh]),
        "check_worthiness": column(FLOAT, [c.check_worthiness for c in fresh]),
    }) as v:
        con.execute(f"INSERT INTO claims BY NAME SELECT * FROM {v}")
    mentions = [(c.id, m) for c in fresh for m in c.mentions]
    if mentions:
        with bulk.rows(con, "new_claim_mentions", {
            "claim_id": column(TEXT, [cid for cid, _ in mentions]),
            **{k: column(TEXT, [getattr(m, k) for _, m in mentions])
               for k in ("article_id", "outlet", "published", "presentation", "speaker", "via", "content")},
        }) as v:
            con.execute(f"INSERT INTO claim_mentions BY NAME SELECT * FROM {v}")


def _save_single_origin(con: duckdb.DuckDBPyConnection, signals: dict[str, Signal | None]) -> None:
    """The signal lives in the `single_origin` table; `store.docs` adds it to the article's document."""
    ids = list(signals)
    if not ids:
        return
    stored = {i: (e, d) for i, e, d in con.execute(
        f"SELECT article_id, evidence, detail FROM single_origin WHERE article_id IN ({marks(ids)})", ids).fetchall()}
    wanted = {i: (s.evidence, s.detail) for i, s in signals.items() if s is not None}
    gone = [i for i in stored if wanted.get(i) != stored[i]]
    fresh = [i for i in wanted if stored.get(i) != wanted[i]]
    if gone:
        con.execute(f"DELETE FROM single_origin WHERE article_id IN ({marks(gone)})", gone)
    if fresh:
        with bulk.rows(con, "new_single_origin", {
            "article_id": column(TEXT, fresh), "evidence": column(TEXT, [wanted[i][0] for i in fresh]),
            "detail": column(TEXT, [wanted[i][1] for i in fresh]),
        }) as v:
            con.execute(f"INSERT INTO single_origin BY NAME SELECT * FROM {v}")


def list_stories(con: duckdb.DuckDBPyConnection, *, limit: int | None = None) -> list[Story]:
    rows = con.execute(
        "SELECT id, first_seen, last_seen, articles, label, top_entities, languages, outlets, first_title "
        "FROM stories ORDER BY articles DESC, first_seen, id" + (f" LIMIT {int(limit)}" if limit else "")
    ).fetchall()
    return [
        Story(id=r[0], first_seen=str(r[1]) if r[1] else None, last_seen=str(r[2]) if r[2] else None,
              articles=int(r[3]), label=r[4] or "", top_entities=tuple(r[5] or ()), languages=tuple(r[6] or ()),
              outlets=tuple(r[7] or ()), first_title=r[8])
        for r in rows
    ]


def entity_names(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Canonical names of the stored entities that `name` is a mention of (FSB -> Federal Security Service)."""
    rows = con.execute(
        "SELECT DISTINCT e.name FROM (SELECT unnest(from_json(json_extract(doc, '$.entities'), "
        "'[{\"name\": \"VARCHAR\", \"mentions\": [\"VARCHAR\"]}]')) AS e FROM articles) "
        "WHERE lower(e.name) = lower(?) OR list_contains(list_transform(e.mentions, m -> lower(m)), lower(?)) "
        "ORDER BY e.name",
        [name, name],
    ).fetchall()
    return [r[0] for r in rows]


def _claims_where(con: duckdb.DuckDBPyConnection, entity: str | None, story: str | None) -> tuple[str, list[object]]:
    """The WHERE clause (and its parameters) keeping claims of one story, and those whose speaker,
    origin or content names `entity`."""
    parts: list[str] = []
    params: list[object] = []
    if story:
        parts.append("c.story = ?")
        params.append(story)
    if entity:
        names = [entity, *entity_names(con, entity)]
        parts.append("(c.content ILIKE ? OR c.speaker ILIKE ? OR c.origin ILIKE ? OR list_has_any([lower(c.speaker), "
                     "lower(c.origin)] || list_transform(c.origins, o -> lower(o)), ?::VARCHAR[]))")
        params += [f"%{entity}%"] * 3 + [[n.lower() for n in names]]
    return ("WHERE " + " AND ".join(parts) if parts else ""), params


def count_claims(con: duckdb.DuckDBPyConnection, *, entity: str | None = None, story: str | None = None) -> int:
    where, params = _claims_where(con, entity, story)
    row = con.execute("SELECT count(*) FROM claims c " + where, params).fetchone()
    return int(row[0]) if row else 0


# How claims can be listed: most widely repeated first, or most worth a fact-check first.
ClaimOrder = Literal["repeated", "worth"]
CLAIM_ORDERS: dict[str, str] = {
    "repeated": "c.independent_outlets DESC, c.mentions DESC, c.first_seen, c.id",
    "worth": "c.check_worthiness DESC NULLS LAST, c.independent_outlets DESC, c.first_seen, c.id",
}


def list_claims(
    con: duckdb.DuckDBPyConnection, *, entity: str | None = None, story: str | None = None,
    limit: int | None = None, offset: int = 0, by: ClaimOrder = "repeated",
) -> list[Claim]:
    """Stored claims in the order `by` names (`CLAIM_ORDERS`); `story` keeps one story's, `entity`
    those whose speaker, origin or content names it; `limit` and `offset` give one page of them."""
    where, params = _claims_where(con, entity, story)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = con.execute(
        "SELECT c.id, c.story, c.speaker, c.origin, c.content, c.first_seen, c.first_outlet, c.outlets, "
        "c.independent_outlets, c.corroboration, c.origins, c.check_worthiness FROM claims c " + where +
        " ORDER BY " + CLAIM_ORDERS[by] + page, params,
    ).fetchall()
    ids = [r[0] for r in rows]
    mentions: dict[str, list[ClaimMention]] = {}
    for m in con.execute(
        "SELECT m.claim_id, m.article_id, m.outlet, m.published, m.presentation, m.speaker, m.via, m.content, "
        "a.duplicate_group FROM claim_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.claim_id IN (SELECT unnest(string_split(?, chr(31)))) ORDER BY a.seq", [packed(ids)],
    ).fetchall():
        mentions.setdefault(m[0], []).append(
            ClaimMention(m[1], m[2], str(m[3]) if m[3] else None, m[4], m[5], m[6], m[7], m[8]))
    return [
        Claim(id=r[0], story=r[1], speaker=r[2], origin=r[3], content=r[4], first_seen=str(r[5]) if r[5] else None,
              first_outlet=r[6], outlets=tuple(r[7] or ()), mentions=tuple(mentions.get(r[0], ())),
              independent_outlets=int(r[8]), corroboration=int(r[9]), origins=tuple(r[10] or ()),
              check_worthiness=r[11])
        for r in rows
    ]
