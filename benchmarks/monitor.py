"""Burst detection on a synthetic corpus: false alarms under a null model, power on planted bursts, time.

No annotated corpus of dated news with marked bursts is at hand, so this measures what a synthetic
one can: the corpus is drawn from the very model that should *not* alarm (each article mentions
entities drawn independently from a fixed Zipf distribution; daily volume follows a weekly cycle
with one crawler catch-up day at three times the volume, inside the detection window), then bursts of known size are planted on
known days. Figures:

- false alarms: burst alerts on series-days with nothing planted, per 1,000 tested series-days
  (the target is below `burst_p` = 0.001 times the share of days that could reach `burst_min_articles`);
- power: the share of planted (entity, day) bursts found, by size of the burst in extra articles;
- seconds for `trends` (14 days, every kind) and `alerts --detect` (7 days) on the whole corpus.

Articles and entities are written with bulk SQL (COPY from CSV), not `Store.save_batch`, because
only the monitor's reads are being measured.

Usage: python -m benchmarks.monitor [--articles N] [--days D] [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from wirewatch.monitor import alerts, trends
from wirewatch.settings import load_settings
from wirewatch.store.db import Store

TYPES = ("ORG", "GPE", "PERSON", "LOC")
SIZES = (3, 5, 8, 12)


def build(path: Path, *, articles: int, days: int, seed: int) -> tuple[dict[tuple[str, str], int], date]:
    rng = random.Random(seed)
    names = [f"Name{r:04d}" for r in range(3000)]
    weights = [1 / (r + 1) ** 1.1 for r in range(len(names))]
    start = date(2024, 1, 1)
    day_weight = [(0.5 if (start + timedelta(d)).weekday() >= 5 else 1.0) * (3.0 if d == days - 3 else 1.0)
                  for d in range(days)]
    art_rows, ent_rows = [], []

    def add(day: date, mentioned: list[str]) -> None:
        i = len(art_rows)
        art_rows.append([f"a{i}", i, f"out{rng.randrange(20)}.example", day.isoformat()])
        for n in dict.fromkeys(mentioned):
            ent_rows.append([f"a{i}", n, TYPES[int(n[4:]) % 4]])

    for day_index in rng.choices(range(days), weights=day_weight, k=articles):
        add(start + timedelta(day_index), rng.choices(names, weights=weights, k=6))
    # Plant bursts on the last seven days, on names of middling frequency (rank 50-1000).
    planted: dict[tuple[str, str], int] = {}
    last = start + timedelta(days - 1)
    for k in range(40):
        name, day = names[rng.randrange(50, 1000)], last - timedelta(rng.randrange(7))
        planted[(name, day.isoformat())] = planted.get((name, day.isoformat()), 0) + SIZES[k % len(SIZES)]
        for _ in range(SIZES[k % len(SIZES)]):
            add(day, [name, *rng.choices(names, weights=weights, k=5)])
    with tempfile.TemporaryDirectory() as tmp:
        a_csv, e_csv = Path(tmp) / "a.csv", Path(tmp) / "e.csv"
        with a_csv.open("w", newline="") as f:
            csv.writer(f).writerows(art_rows)
        with e_csv.open("w", newline="") as f:
            csv.writer(f).writerows(ent_rows)
        with Store(path) as store:
            store.con.execute(
                "INSERT INTO articles (id, seq, outlet, published, stored_at) "
                "SELECT column0, column1, column2, column3::DATE, now() FROM read_csv(?, header = false)", [str(a_csv)])
            store.con.execute(
                "INSERT INTO entities (article_id, name, type, count) "
                "SELECT column0, column1, column2, 1 FROM read_csv(?, header = false)", [str(e_csv)])
    return planted, last


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=120)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    settings = load_settings(env={})
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        planted, last = build(db, articles=args.articles, days=args.days, seed=args.seed)
        built = time.perf_counter() - t0

        t0 = time.perf_counter()
        report = trends(db, settings=settings)
        t_trends = time.perf_counter() - t0
        tested = sum(1 for t in report.trends for d in t.days[-7:] if d.p_value is not None and t.kind in ("entity", "place"))
        t0 = time.perf_counter()
        found = alerts(db, detect_now=True, settings=settings)
        t_detect = time.perf_counter() - t0

    bursts = [a for a in found.alerts if a.rule == "burst"]
    hit = {(s, a.day) for a in bursts for s in a.subjects}
    false = [(s, a.day) for a in bursts for s in a.subjects if (s, a.day) not in planted]
    size_total = Counter(planted.values())
    size_found = Counter(n for key, n in planted.items() if key in hit)
    print(f"corpus: {args.articles} articles over {args.days} days, {len(planted)} planted bursts "
          f"(built in {built:.1f} s); as of {last}")
    print(f"series-days tested in the 7-day window: {tested}")
    print(f"false alarms: {len(false)} ({1000 * len(false) / max(tested, 1):.3f} per 1,000 tested series-days)")
    print("false alarm sample:", sorted(false)[:8])
    print(f"planted bursts found: {sum(size_found.values())} of {len(planted)}; by extra articles: "
          + ", ".join(f"+{n}: {size_found[n]}/{size_total[n]}" for n in sorted(size_total)))
    print(f"trends (14 days, all kinds, {len(report.trends)} series): {t_trends:.2f} s; "
          f"alerts --detect (7 days): {t_detect:.2f} s, {len(found.alerts)} alerts")


if __name__ == "__main__":
    main()
