"""Search latency at scale: `GET /api/articles?q=` over N synthetic articles (default one million).

Builds a DuckDB store of N articles whose bodies draw words from a Zipf-like vocabulary (real news
words at the head, so "said" is in nearly every article, "FSB" in many, made-up words in a few), builds
the tantivy index with the same `refresh` that ingest and serve use, then times queries of every kind
of frequency through `find_articles`, the function behind the route (search, then the articles read
back from DuckDB). Baseline in the same run: SQLite FTS5 (bm25, the other stdlib candidate) over the
same texts. DuckDB's fts extension, measured earlier at about 4 s p95 at 1M, is not rebuilt here.

    .venv/bin/python benchmarks/search_index.py [--n 1000000] [--dir /tmp/wwbench] [--no-baseline]

Writes benchmarks/results/search_index.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import time
from pathlib import Path

from wirewatch.store.browse import find_articles
from wirewatch.store.db import Store
from wirewatch.store.search import SearchIndex

HEAD = ["said", "the", "of", "to", "in", "and", "a", "on", "for", "that", "was", "is", "with", "by", "as", "at", "from", "FSB", "Moscow", "Ukraine", "Kyiv", "minister", "official", "president", "army", "attack", "ministry", "security", "service", "reported", "according", "sources", "believed", "government", "election", "police", "court", "war", "talks", "ceasefire", "drone", "strike", "border"]
VOCAB = 30_000
WORDS = 120


def build_store(path: Path, n: int) -> None:
    with Store(path) as store:
        con = store.con
        vocab = HEAD + [f"w{i}x" for i in range(VOCAB - len(HEAD))]
        con.execute("CREATE TEMP TABLE vocab AS SELECT ?::VARCHAR[] AS words", [vocab])
        # pow(V, random()) is log-uniform over ranks: rank r is drawn with probability ~ 1/r (Zipf, s=1).
        con.execute(
            f"""INSERT INTO articles
            SELECT 'a' || i, i, 'https://ex.example/' || i, 'outlet' || (i % 50), 'en',
                   'Title ' || i || ' ' || words[least({VOCAB}, floor(pow({VOCAB}, random()))::INT)],
                   NULL, DATE '2024-01-01' + (i % 365)::INT, body, NULL, NULL,
                   json_object('id', 'a' || i, 'title', 'Title ' || i, 'body', left(body, 200)), now()
            FROM (SELECT i, words, array_to_string(list_transform(range({WORDS}),
                             x -> words[least({VOCAB}, floor(pow({VOCAB}, random()))::INT)]), ' ')
                         AS body
                  FROM range(1, ? + 1) t(i) CROSS JOIN vocab)""",
            [n],
        )


def queries(rng: random.Random) -> list[str]:
    frequent = ["said", "FSB", "Moscow", "minister", "attack"]
    mid = [f"w{i}x" for i in rng.sample(range(100, 2000), 10)]
    rare = [f"w{i}x" for i in rng.sample(range(10_000, VOCAB - len(HEAD)), 10)]
    pairs = [f"{a} {b}" for a, b in zip(frequent + mid[:5], rng.sample(mid + frequent, 10), strict=True)]
    phrases = ['"said the"', '"FSB officers"', '"security service"']
    return frequent + mid + rare + pairs + phrases


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def timed(fn, qs: list[str], reps: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    fn(qs[0])  # warm
    ms = []
    for _ in range(reps):
        for q in qs:
            t = time.perf_counter()
            fn(q)
            ms.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(pct(ms, 50), 2), "p95_ms": round(pct(ms, 95), 2), "max_ms": round(max(ms), 2),
            "mean_ms": round(statistics.fmean(ms), 2), "queries": len(ms)}


def fts5(dir: Path, db: Path) -> tuple[sqlite3.Connection, float]:
    path = dir / "fts5.sqlite"
    path.unlink(missing_ok=True)
    lite = sqlite3.connect(path)
    lite.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body)")
    t = time.perf_counter()
    with Store(db, read_only=True) as store:
        cur = store.con.execute("SELECT id, title, body FROM articles ORDER BY seq")
        while rows := cur.fetchmany(5000):
            lite.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    lite.commit()
    return lite, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--dir", default="/tmp/wwbench")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    d = Path(args.dir)
    d.mkdir(parents=True, exist_ok=True)
    db = d / f"bench{args.n}.duckdb"
    out: dict[str, object] = {"n": args.n, "words_per_body": WORDS, "vocabulary": VOCAB}
    if not db.exists():
        t = time.perf_counter()
        build_store(db, args.n)
        out["store_build_s"] = round(time.perf_counter() - t, 1)
    index = SearchIndex.for_db(db)
    with Store(db) as store:
        t = time.perf_counter()
        added = index.refresh(store.con)
        out["index_build_s"] = round(time.perf_counter() - t, 1)
        out["index_added"] = added
        out["index_mb"] = round(sum(f.stat().st_size for f in index.path.iterdir()) / 1e6, 1)
        qs = queries(random.Random(7))
        con = store.con.cursor()
        out["tantivy_search"] = timed(lambda q: index.search(q, limit=20), qs, args.reps)
        out["api_path_find_articles"] = timed(lambda q: find_articles(con, index, q, limit=20, offset=0), qs, args.reps)
        out["api_path_page_5"] = timed(lambda q: find_articles(con, index, q, limit=20, offset=80), qs, args.reps)
        out["totals"] = {q: index.search(q, limit=1)[1] for q in qs[:6]}
    if not args.no_baseline:
        lite, build = fts5(d, db)
        out["fts5_build_s"] = round(build, 1)

        def fts(q: str) -> None:
            q = " AND ".join(f'"{w}"' for w in q.replace('"', "").split()) if not q.startswith('"') else q
            lite.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20", [q]).fetchall()
            lite.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", [q]).fetchone()

        out["fts5_search"] = timed(fts, qs, 1)
    print(json.dumps(out, indent=2))
    res = Path(__file__).parent / "results"
    res.mkdir(exist_ok=True)
    (res / "search_index.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
