"""Linking cost per new article at 10k, 100k and 1M stored articles (goal: at most 1.3x growth).

Running the full pipeline over a million pages would take days on 2 cores, so the stored corpus is
generated at the level of what linking reads, and bulk-loaded into a real store (schema from
`Store`): the articles (columns and CONTRACT document), their entities and signals, each article's
link features (computed by the real `link_features` from a hand-built `Article`), the inverted index
and key frequencies derived from them in SQL, stories and claims. New articles are the next
articles of the same stream, linked by the real code path: `Store.save_batch(..., link=StoryHook)`,
the call `wirewatch ingest` makes, timed around the hook.

The stream is a newsroom's: a constant number of articles a day (`--per-day`, 1,000), so a larger
store holds more days; stories (a fictional event, its people, organisation, place and numbers) are
told by 1 to 40 outlets over three days; people, places, organisations, outlets and words are drawn
from Zipf-like pools built from syllables (heavy heads, long tails), as names and words are in news.
Stored stories are the generator's own (as if linking had been perfect); the minhash and statements
tables, which linking does not read, are left empty.

    .venv/bin/python benchmarks/linking_cost.py [--sizes 10000,100000,1000000] [--batches 5] [--dir /tmp/wwlink]

Generated shards are kept in --dir and reused. Writes benchmarks/results/linking_cost.json.

Measured on 2 shared cores (CPU ms per new article, batches of 100, median of batches 2-3):
10k 68.9, 100k 75.2, 1M 75.4: 1.09x. Before story candidates were looked up in the story window only
(each lookup scanned every posting of the store), the same run gave 10k 79.1 and 100k 240.2: 3.04x
at 100k already. What still grew was the claims step (8.6 ms at 10k, 14.3 ms at 1M): rewriting a
story's claims deleted from `claim_mentions` and `signals` by a full scan, once per story. Since
schema 9 only the claims that changed are rewritten, once per batch, and `single_origin` has a
table of its own keyed by article id: claims 1.3 ms at 10k, 1.2 ms at 100k (1M not measured again).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from wirewatch.link import corpus as link_corpus
from wirewatch.link.corpus import StoryHook
from wirewatch.link.features import link_features
from wirewatch.link.stories import StoryLinker, story_id_for
from wirewatch.model import Article, Cleaned, Entity, Extracted, Found, Signal, Source, Statement
from wirewatch.model.convert import article_dict
from wirewatch.settings import load_settings
from wirewatch.store.db import Store

SHARD = 50_000
START = date(2021, 1, 1)
_SYL = ["ka", "ro", "vel", "dan", "mi", "tor", "sa", "len", "bri", "gor", "na", "ste", "vik", "ul", "mar", "es",
        "tal", "po", "zen", "ri", "ho", "fa", "dru", "lo", "ne", "kas", "is", "bo", "ter", "ay", "lin", "gu"]
# The head of the general vocabulary: words every news article uses (most are stop words, as in news).
_HEAD = ["said", "government", "people", "officials", "year", "week", "city", "police", "report", "country",
         "minister", "president", "security", "told", "state", "region", "local", "news", "according", "public"]
EVENTS = ["attack", "floods", "strike", "election", "protest", "arrest", "blackout", "fire", "talks", "trial",
          "drought", "ceasefire", "shortage", "budget", "outbreak", "merger", "collapse", "evacuation", "riot", "crash"]
ROLES = ["spokesman for", "head of", "director of", "chairwoman of", "adviser to"]


def _word(k: int, syllables: int) -> str:
    out = []
    for _ in range(syllables):
        k, r = divmod(k, len(_SYL))
        out.append(_SYL[r])
    return "".join(out)


def _zipf(rng: random.Random, n: int) -> int:
    """A rank in [0, n): log-uniform, i.e. rank r drawn with probability ~ 1/r (Zipf, s=1)."""
    return min(n - 1, int(n ** rng.random()) - 1)


def person(k: int) -> str:
    return f"{_word(k % 997, 2).title()} {_word(k // 997 + 11, 3).title()}"


def place(k: int) -> str:
    return _word(k + 40, 3).title() + ("" if k % 3 else "ia")


def org(k: int) -> str:
    return f"the {_word(k + 7, 2).title()} {['Ministry', 'Authority', 'Group', 'Union', 'Council'][k % 5]}"


_VOCAB = [_HEAD[k] if k < len(_HEAD) else _word(k * 7 + 3, 3) for k in range(30_000)]
# Pool sizes. Words and names are drawn log-uniformly from large pools, so, as in real news, new
# ones keep turning up as the corpus grows (the number of distinct keys grows, Heaps' law).
WORDS, PEOPLE, PLACES, ORGS = 1_000_000, 1_000_000, 100_000, 20_000


def vocab(k: int) -> str:
    return _VOCAB[k] if k < len(_VOCAB) else _word(k * 7 + 3, 4)


@dataclass(frozen=True, slots=True)
class _Story:
    first: str  # id of its first article: the story id
    event: str
    people: tuple[str, ...]
    org: str
    place: str
    numbers: tuple[int, int]
    topic: tuple[str, ...]
    start: date
    role: str


def _article(i: int, s: _Story, rng: random.Random) -> Article:
    aid = hashlib.sha1(f"linking-cost-{i}".encode()).hexdigest()
    day = s.start + timedelta(days=rng.randint(0, 2) if aid != s.first else 0)
    outlet = f"{_word(_zipf(rng, 400) + 5, 2)}news.example"
    who = s.people[0]
    o = s.org[0].upper() + s.org[1:]
    content = f"the {s.event} near {s.place} had left {s.numbers[1]} {s.topic[2]} {s.topic[3]}"
    said = f"{s.role[0].upper() + s.role[1:]} {s.org} {who} told reporters that {content}."
    sentences = [
        f"{o} said on {day:%A} that {s.numbers[0]} {s.topic[0]} {s.topic[1]} were reported in {s.place}.",
        said,
        *(" ".join(vocab(_zipf(rng, WORDS)) for _ in range(14)).capitalize() + "." for _ in range(rng.randint(2, 5))),
    ]
    if len(s.people) > 1:
        sentences.insert(2, f"Opposition leader {s.people[1]} called for an inquiry into the {s.event}.")
    if rng.random() < 0.3:  # a name from another event, as background paragraphs carry
        sentences.append(f"Last month a similar {rng.choice(EVENTS)} in {place(_zipf(rng, PLACES))} was reported.")
    body = "\n\n".join(sentences)
    start = body.index(content)
    title = f"{s.event.title()} in {s.place}: {s.numbers[0]} {s.topic[0]} {s.topic[1]}"
    entities = [Entity(who, "PERSON", (who, who.split()[-1]), (f"{s.role} {s.org}",), 2),
                Entity(s.org.removeprefix("the "), "ORG", (s.org.removeprefix("the "),)),
                Entity(s.place, "GPE", (s.place,), count=2)]
    if len(s.people) > 1:
        entities.append(Entity(s.people[1], "PERSON", (s.people[1],)))
    statement = Statement(who, f"{s.role} {s.org}", who, None, "told reporters", content, "indirect", "named",
                          (start, start + len(content)))
    signals = (Signal("vague_sourcing", "officials said"),) if rng.random() < 0.4 else ()
    return Article(
        source=Source(id=aid, name=f"{i:07d}.txt", raw=b"", kind="text", url=f"https://{outlet}/{day}/{i}",
                      outlet=outlet),
        cleaned=Cleaned(text=body, encoding="utf-8", language="en", title=Found(title, "generated", 1.0),
                        author=Found(None), outlet=Found(outlet, "generated", 1.0),
                        published=Found(day.isoformat(), "generated", 1.0), body=body),
        extracted=Extracted(entities=tuple(entities), statements=(statement,)),
        signals=signals,
    )


def stream(per_day: int, *, start: int = 0, seed: int = 11) -> Iterator[tuple[int, Article, str]]:
    """(stream index, article, true story id) from index `start` on, in the order articles arrive.

    Each shard of 50,000 has its own random state, so shards can be generated apart (in parallel)
    and the articles after any stored prefix found without generating everything before them."""
    shard = start // SHARD
    while True:
        for i, a, story in _shard(per_day, shard, seed):
            if i >= start:
                yield i, a, story
        shard += 1


def _shard(per_day: int, shard: int, seed: int) -> Iterator[tuple[int, Article, str]]:
    rng = random.Random(seed * 1_000_003 + shard)
    i, end = shard * SHARD, (shard + 1) * SHARD
    while i < end:
        day = START + timedelta(days=i // per_day)
        size = min(40, 1 + int(rng.expovariate(1 / 2.5)))  # most stories are told once or twice, a few widely
        first = hashlib.sha1(f"linking-cost-{i}".encode()).hexdigest()
        n_people = 1 + (rng.random() < 0.5)
        story = _Story(
            first=first, event=rng.choice(EVENTS), people=tuple(person(_zipf(rng, PEOPLE)) for _ in range(n_people)),
            org=org(_zipf(rng, ORGS)), place=place(_zipf(rng, PLACES)),
            numbers=(rng.randint(3, 9000), rng.randint(3, 9000)),
            topic=tuple(vocab(200 + _zipf(rng, WORDS - 200)) for _ in range(4)), start=day, role=rng.choice(ROLES),
        )
        # A story's articles arrive over its three days, interleaved with others: spread them a little.
        for _ in range(min(size, end - i)):
            yield i, _article(i, story, rng), story_id_for(first)
            i += 1


def _rows(i: int, a: Article, story: str) -> dict[str, object]:
    d = article_dict(a)
    f = link_features(a, i + 1)
    return {
        "seq": i + 1, "id": a.id, "name": a.source.name, "url": d["url"], "outlet": d["outlet"], "title": d["title"],
        "published": d["published"]["date"], "body": d["body"], "story": story,
        "doc": json.dumps(d, ensure_ascii=False), "anchors": json.dumps(f.anchors), "terms": json.dumps(f.terms),
        "year": f.year, "leads": json.dumps(sorted(f.leads)), "not_before": f.not_before, "not_after": f.not_after,
        "entities": [{"name": e.name, "type": e.type, "count": e.count} for e in a.extracted.entities],  # type: ignore[union-attr]
        "signals": [[s.kind, s.evidence] for s in a.signals],
        "speaker": d["statements"][0]["speaker"], "content": d["statements"][0]["content"],
    }


def _write_shard(folder: Path, per_day: int, shard: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_rows(i, a, story) for i, a, story in _shard(per_day, shard, 11)]
    tmp = folder / f"part-{shard:04d}.tmp"
    pq.write_table(pa.Table.from_pylist(rows), tmp)
    tmp.rename(folder / f"part-{shard:04d}.parquet")
    return shard


def write_shards(folder: Path, n: int, per_day: int, workers: int) -> None:
    """Generated articles as Parquet shards of 50,000, kept for later runs."""
    from concurrent.futures import ProcessPoolExecutor

    folder.mkdir(parents=True, exist_ok=True)
    todo = [k for k in range(-(-n // SHARD)) if not (folder / f"part-{k:04d}.parquet").exists()]
    t = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        for k in pool.map(_write_shard, [folder] * len(todo), [per_day] * len(todo), todo):
            print(f"  generated shard {k} ({time.perf_counter() - t:.0f}s)", flush=True)


def build_store(db: Path, shards: Path, n: int) -> float:
    """A store of the first n generated articles, loaded in bulk; returns seconds taken."""
    t = time.perf_counter()
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    shutil.rmtree(f"{db}.search", ignore_errors=True)
    Store(db).close()  # the real schema
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TEMP VIEW g AS SELECT * FROM read_parquet('{shards}/part-*.parquet') WHERE seq <= {n}")
    con.execute("INSERT INTO inputs SELECT id, name, 'text', url, NULL, now() FROM g ORDER BY seq")
    con.execute("INSERT INTO articles SELECT id, seq, url, outlet, 'en', title, NULL, published::DATE, body, NULL, "
                "story, doc, now() FROM g ORDER BY seq")
    con.execute("INSERT INTO entities SELECT id, e.name, e.type, e.count::INTEGER, NULL, NULL, NULL "
                "FROM (SELECT id, seq, unnest(entities) AS e FROM g) ORDER BY seq")
    con.execute("INSERT INTO signals SELECT id, s[1], s[2] FROM (SELECT id, seq, unnest(signals) AS s FROM g) ORDER BY seq")
    con.execute("INSERT INTO link_articles BY NAME SELECT id AS article_id, seq, 'en' AS language, published::DATE AS day, "
                "year, anchors, terms, story, leads, not_before::DATE AS not_before, not_after::DATE AS not_after "
                "FROM g ORDER BY seq")
    # Postings in arrival order, as `StoreLinkIndex.flush` appends them (key hashes: `key_hash`).
    con.execute("CREATE TEMP TABLE keys AS SELECT seq, day, unnest(json_keys(anchors)) AS k FROM link_articles "
                "UNION ALL SELECT seq, day, 't:en:' || unnest(json_keys(terms)) FROM link_articles")
    con.execute("INSERT INTO link_postings SELECT md5_number_upper(k) >> 1, seq, day FROM keys ORDER BY seq")
    con.execute("INSERT INTO link_df SELECT k, count(*) FROM keys GROUP BY k")
    con.execute("INSERT INTO stories SELECT story, min(published), max(published), count(*), arg_min(title, seq), "
                "NULL, ['en'], list(DISTINCT outlet ORDER BY outlet), arg_min(title, seq), min(seq) FROM articles GROUP BY story")
    # One claim per story: its first speaker's statement, told by every article of the story.
    con.execute("INSERT INTO claims SELECT 'c' || story, story, arg_min(speaker, seq), arg_min(speaker, seq), "
                "arg_min(content, seq), min(published)::DATE, arg_min(outlet, seq), list(DISTINCT outlet), count(*), "
                "count(*), 1, [arg_min(speaker, seq)], NULL FROM g GROUP BY story")
    con.execute("INSERT INTO claim_mentions SELECT 'c' || story, id, outlet, published::DATE, 'attributed', speaker, "
                "NULL, content FROM g ORDER BY seq")
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - t


def _cpu() -> float:
    """CPU seconds of this process, all threads (DuckDB's included): on 2 cores shared with other work,
    wall time says more about the neighbours than about the code."""
    return time.process_time()


class _Timed:
    """Wraps a function or method (`owner.name`) to add up the CPU seconds spent in it, until `undo`."""

    def __init__(self, owner: object, name: str) -> None:
        self.owner, self.name, self.fn, self.seconds = owner, name, getattr(owner, name), 0.0

        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            t = _cpu()
            try:
                return self.fn(*args, **kwargs)
            finally:
                self.seconds += _cpu() - t

        setattr(owner, name, timed)

    def undo(self) -> None:
        setattr(self.owner, self.name, self.fn)


def measure(db: Path, shards: Path, n: int, batches: int, batch_size: int, per_day: int) -> list[dict[str, float]]:
    """Link `batches` successive batches of new articles into the store; seconds per article for each."""
    settings = load_settings(env={})
    new = stream(per_day, start=n)  # the articles that arrive after the stored ones
    out = []
    with Store(db) as store:
        for _ in range(batches):
            batch = [a for _, (_, a, _) in zip(range(batch_size), new, strict=False)]
            timers = {"stories": _Timed(StoryLinker, "link"), "claims": _Timed(link_corpus, "relink_claims")}
            hook = StoryHook(settings)
            spent = wall = 0.0

            def timed_hook(con, stored, hook=hook):  # type: ignore[no-untyped-def]
                nonlocal spent, wall
                t, w = _cpu(), time.perf_counter()
                hook(con, stored)
                spent, wall = spent + _cpu() - t, wall + time.perf_counter() - w

            try:
                t = _cpu()
                stored, _ = store.save_batch(batch, link=timed_hook)
                total = _cpu() - t
            finally:
                for timer in timers.values():
                    timer.undo()
            out.append({"articles": stored, "link_ms": 1000 * spent / stored, "batch_ms": 1000 * total / stored,
                        "link_wall_ms": 1000 * wall / stored, "load": os.getloadavg()[0],
                        "stories_ms": 1000 * timers["stories"].seconds / stored,
                        "claims_ms": 1000 * timers["claims"].seconds / stored})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--batches", type=int, default=5, help="successive batches linked at each size")
    ap.add_argument("--batch-size", type=int, default=200, help="articles per batch (ingest.batch_size)")
    ap.add_argument("--per-day", type=int, default=1000)
    ap.add_argument("--dir", default="/tmp/wwlink")
    ap.add_argument("--workers", type=int, default=2, help="processes generating the corpus")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the stores even where they exist")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    root = Path(a.dir)
    shards = root / f"stream-{a.per_day}"
    write_shards(shards, max(sizes), a.per_day, a.workers)
    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        db = root / f"stored-{n}-{a.per_day}.duckdb"
        fresh = root / f"stored-{n}-{a.per_day}.built"
        if a.rebuild or not fresh.exists():
            s = build_store(db, shards, n)
            shutil.copy(db, fresh)
            print(f"built a store of {n:,} articles in {s:.0f}s ({db.stat().st_size / 1e6:.0f} MB)", flush=True)
        else:
            Path(f"{db}.wal").unlink(missing_ok=True)  # a WAL left by an earlier run would be replayed
            shutil.copy(fresh, db)  # each measurement starts from the same stored corpus
        runs = measure(db, shards, n, a.batches, a.batch_size, a.per_day)
        keep = runs[1:] if len(runs) > 1 else runs  # the first batch also warms the caches
        results[n] = {k: statistics.median(r[k] for r in keep) for k in runs[0]}
        results[n]["first_batch_link_ms"] = runs[0]["link_ms"]
        print(f"  {n:,}: " + ", ".join(f"{r['link_ms']:.1f}" for r in runs) + " CPU ms/article linking, per batch",
              flush=True)
    base = results[sizes[0]]
    print(f"\nlinking a batch of {a.batch_size} new articles into the stored corpus ({a.per_day} articles/day); "
          f"median of batches 2-{a.batches}, CPU ms per new article (wall ms beside it, load average of the machine)")
    print(f"{'stored':>10} {'link':>8} {'stories':>8} {'claims':>8} {'batch write':>12} {'link vs ' + f'{sizes[0]:,}':>12} "
          f"{'wall':>8} {'load':>5}")
    for n in sizes:
        r = results[n]
        print(f"{n:>10,} {r['link_ms']:8.2f} {r['stories_ms']:8.2f} {r['claims_ms']:8.2f} {r['batch_ms']:12.2f} "
              f"{r['link_ms'] / base['link_ms']:11.2f}x {r['link_wall_ms']:8.1f} {r['load']:5.1f}")
    growth = results[sizes[-1]]["link_ms"] / base["link_ms"]
    print(f"\ngrowth of the linking cost per article from {sizes[0]:,} to {sizes[-1]:,} stored: {growth:.2f}x "
          f"(goal <= 1.3x: {'met' if growth <= 1.3 else 'NOT met'})")
    res = Path(__file__).parent / "results"
    res.mkdir(exist_ok=True)
    (res / "linking_cost.json").write_text(json.dumps(
        {"per_day": a.per_day, "batch_size": a.batch_size, "batches": a.batches, "growth": growth,
         "results": {str(n): r for n, r in results.items()}}, indent=2) + "\n")


if __name__ == "__main__":
    main()
