"""Daily series per entity, place, story, claim and outlet, each day scored against its own baseline.

The counting is SQL over the store (`store/monitor.py`); this module makes the series dense (days
without a mention are zeros, which the baseline needs), scores each day (`bursts.py`) and returns
`Trend` objects.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from wirewatch.errors import ConfigError
from wirewatch.model.trends import DayCount, Trend
from wirewatch.monitor.bursts import BurstRule, is_burst, score_days
from wirewatch.monitor.config import MonitorConfig
from wirewatch.settings import Settings, load_settings
from wirewatch.store import monitor as q
from wirewatch.store.db import Store


def day_range(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def as_of_day(con: duckdb.DuckDBPyConnection, as_of: date | None) -> date | None:
    """The day to count back from: the one given, else the latest day in the store (None: empty store)."""
    return as_of or q.latest_day(con)


def series(
    con: duckdb.DuckDBPyConnection,
    *,
    start: date,
    end: date,
    kinds: Sequence[str],
    rule: BurstRule,
    name: str | None = None,
) -> list[Trend]:
    """Every series of `kinds` with at least one article between start and end (inclusive), scored
    day by day; the rows before `start` are read only to form the baselines."""
    base_start = start - timedelta(days=rule.baseline_days)
    rows = q.daily_counts(con, base_start, end, active_from=start, kinds=kinds, name=name)
    volume_by_day = q.day_volume(con, base_start, end)
    days = day_range(base_start, end)
    index = {d: i for i, d in enumerate(days)}
    first = index[start]
    volume = [volume_by_day.get(d, 0) for d in days]

    grouped: dict[tuple[str, str], list[q.DayRow]] = defaultdict(list)
    for r in rows:
        grouped[(r.kind, r.name)].append(r)
    labels: dict[str, dict[str, str]] = {
        kind: q.labels(con, kind, [n for k, n in grouped if k == kind]) for kind in ("story", "claim")
    }

    out: list[Trend] = []
    for (kind, key), rs in grouped.items():
        counts, outlets = [0] * len(days), [0] * len(days)
        for r in rs:
            counts[index[r.day]], outlets[index[r.day]] = r.articles, r.outlets
        scored = score_days(counts, volume, rule=rule, first=first)
        points = tuple(
            DayCount(days[i].isoformat(), counts[i], outlets[i], expected, p)
            for i, (expected, p) in zip(range(first, len(days)), scored, strict=True)
        )
        types = Counter(r.type for r in rs if r.type)
        peak = _peak(points)
        out.append(Trend(
            kind=kind, name=key, type=types.most_common(1)[0][0] if types else None,
            label=labels.get(kind, {}).get(key), days=points,
            total=sum(p.articles for p in points), undated=sum(r.undated for r in rs if r.day >= start),
            peak=peak, burst=peak is not None and is_burst(peak.articles, peak.p_value, rule),
        ))
    return out


def _peak(points: Sequence[DayCount]) -> DayCount | None:
    active = [p for p in points if p.articles]
    if not active:
        return None
    return min(active, key=lambda p: (p.p_value if p.p_value is not None else 2.0, -p.articles, p.day))


def rank(trends: Sequence[Trend]) -> list[Trend]:
    """Bursts first, then the most surprising peaks, then the busiest series."""
    def key(t: Trend) -> tuple[bool, float, int, str, str]:
        p = t.peak.p_value if t.peak and t.peak.p_value is not None else 2.0
        return (not t.burst, p, -t.total, t.kind, t.name)

    return sorted(trends, key=key)


@dataclass(frozen=True, slots=True)
class TrendReport:
    """What `trends` returns: the ranked series and the window they cover."""

    trends: tuple[Trend, ...]
    start: str | None
    end: str | None
    dated_by: str = "published date; the stored date for articles without one (counted in `undated`)"


def trends(
    db: Store | str | Path, *, entity: str | None = None, days: int | None = None, kinds: Sequence[str] | None = None,
    settings: Settings | None = None, as_of: date | None = None, limit: int | None = None,
) -> TrendReport:
    """Daily series over the last `days` days (to `as_of`, else the latest stored day), ranked bursts
    first. `entity` keeps the series of that name (any kind), case-insensitively."""
    config = MonitorConfig.from_settings(settings or load_settings())
    with q.opened(db, read_only=True) as store:
        return trend_report(store.con, config=config, entity=entity, days=days, kinds=kinds, as_of=as_of, limit=limit)


def trend_report(
    con: duckdb.DuckDBPyConnection, *, config: MonitorConfig, entity: str | None = None, days: int | None = None,
    kinds: Sequence[str] | None = None, as_of: date | None = None, limit: int | None = None,
) -> TrendReport:
    """`trends` over an open connection (the HTTP API's per-request cursor)."""
    n = days or config.trend_days
    if n < 1:
        raise ConfigError(f"days must be at least 1, not {n}")
    end = as_of_day(con, as_of or config.as_of)
    if end is None:
        return TrendReport((), None, None)
    start = end - timedelta(days=n - 1)
    ranked = rank(series(con, start=start, end=end, kinds=kinds or config.trend_kinds, rule=config.rule, name=entity))
    return TrendReport(tuple(ranked[:limit] if limit else ranked), start.isoformat(), end.isoformat())
