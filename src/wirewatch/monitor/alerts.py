"""Early warning: bursts, new pairings and watchlist hits become stored, deduplicated alerts.

    detect ─┬─ burst_alerts     series of `burst_kinds` whose day fails the Poisson test (bursts.py);
            │                   bursts on one day that share their articles merge into one alert
            ├─ new_pairings     armed group + place never co-mentioned before the window (pairings.py)
            └─ watch_alerts     watchlist items over their thresholds (watchlist.py)
         → save_alerts (ON CONFLICT DO NOTHING on the derived id) → webhook posts (webhook.py)
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from wirewatch.model.trends import Alert, DayCount, Trend
from wirewatch.monitor.bursts import is_burst
from wirewatch.monitor.config import MonitorConfig
from wirewatch.monitor.ids import alert_id
from wirewatch.monitor.pairings import new_pairings
from wirewatch.monitor.series import as_of_day, series
from wirewatch.monitor.watchlist import Watchlist, load_watchlist, watch_alerts
from wirewatch.monitor.webhook import post_alert
from wirewatch.settings import Settings, load_settings
from wirewatch.store import monitor as q
from wirewatch.store.db import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Burst:
    trend: Trend
    point: DayCount
    articles: frozenset[str]
    outlets: frozenset[str]

    @property
    def p(self) -> float:
        return self.point.p_value if self.point.p_value is not None else 1.0


def _fmt_p(p: float | None) -> str:
    return "untested" if p is None else f"{p:.1e}"


def burst_alerts(con: duckdb.DuckDBPyConnection, start: date, end: date, *, config: MonitorConfig) -> list[Alert]:
    bursts: dict[str, list[_Burst]] = {}
    for t in series(con, start=start, end=end, kinds=config.burst_kinds, rule=config.rule):
        for point in t.days:
            if is_burst(point.articles, point.p_value, config.rule):
                hits = q.subject_articles(con, t.kind, t.name, date.fromisoformat(point.day))
                bursts.setdefault(point.day, []).append(
                    _Burst(t, point, frozenset(a for a, _o in hits), frozenset(o or "" for _a, o in hits)))
    alerts = []
    for day, found in sorted(bursts.items()):
        for group in _merge(found, config.burst_merge_share):
            group.sort(key=lambda b: (b.p, b.trend.name))
            lead = group[0]
            articles = frozenset().union(*(b.articles for b in group))
            outlets = frozenset().union(*(b.outlets for b in group))
            parts = [f"{b.trend.name} ({b.point.articles} articles, expected {b.point.expected:.1f}, "
                     f"p={_fmt_p(b.point.p_value)})" for b in group]
            alerts.append(Alert(
                id=alert_id("burst", day, *sorted(f"{b.trend.kind}:{b.trend.name}" for b in group)),
                rule="burst", day=day, subjects=tuple(b.trend.name for b in group),
                summary=f"burst on {day}: " + " with ".join(parts),
                score=-math.log10(max(lead.p, 1e-300)), articles=len(articles), outlets=len(outlets),
                article_ids=tuple(sorted(articles)), expected=lead.point.expected, p_value=lead.point.p_value,
            ))
    return alerts


def _merge(found: Sequence[_Burst], share: float) -> list[list[_Burst]]:
    """Bursts of one day whose article sets overlap by at least `share` of the smaller one, grouped
    transitively (union-find)."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(found):
        for j in range(i + 1, len(found)):
            b = found[j]
            smaller = min(len(a.articles), len(b.articles))
            if smaller and len(a.articles & b.articles) >= share * smaller:
                parent[root(j)] = root(i)
    groups: dict[int, list[_Burst]] = {}
    for i, b in enumerate(found):
        groups.setdefault(root(i), []).append(b)
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class AlertReport:
    """What `alerts` returns: the stored alerts (newest day first) and which of them this run raised."""

    alerts: tuple[Alert, ...]
    new: tuple[str, ...] = ()
    as_of: str | None = None


def detect(
    con: duckdb.DuckDBPyConnection, *, config: MonitorConfig, watchlist: Watchlist | None = None,
    as_of: date | None = None,
) -> list[str]:
    """Run every rule over the `window_days` days ending at `as_of`, store what is new, post what is
    undelivered to the webhook; returns the ids of the new alerts."""
    end = as_of_day(con, as_of or config.as_of)
    if end is None:
        return []
    start = end - timedelta(days=config.window_days - 1)
    found = burst_alerts(con, start, end, config=config)
    found += new_pairings(
        con, start, end, group_words=config.armed_group_words,
        group_names=watchlist.group_names() if watchlist else (),
        min_articles=config.pair_min_articles, min_outlets=config.pair_min_outlets,
    )
    if watchlist is not None:
        found += watch_alerts(con, watchlist, start, end)
    new = q.save_alerts(con, found)
    if config.webhook_url:
        deliver(con, config=config)
    return new


def deliver(con: duckdb.DuckDBPyConnection, *, config: MonitorConfig) -> None:
    for alert in q.undelivered(con, max_attempts=config.webhook_max_attempts):
        q.record_delivery(con, alert.id, post_alert(config.webhook_url, alert, timeout=config.webhook_timeout))


def alerts(
    db: Store | str | Path, *, detect_now: bool = False, watchlist: str | Path | None = None,
    settings: Settings | None = None, as_of: date | None = None, limit: int | None = None,
) -> AlertReport:
    """The stored alerts; with `detect_now` (or a `watchlist`), run detection first.

    The watchlist is the file given, else the `monitor.watchlist` setting. Detection writes (and
    creates the alerts table in an older database); listing alone opens the database read-only."""
    config = MonitorConfig.from_settings(settings or load_settings())
    new: list[str] = []
    path = watchlist or config.watchlist
    run = detect_now or watchlist is not None
    wl = load_watchlist(path) if run and path else None
    with q.opened(db, read_only=not run) as store:
        if run:
            new = detect(store.con, config=config, watchlist=wl, as_of=as_of)
        end = as_of_day(store.con, as_of or config.as_of)
        listed = q.list_alerts(store.con, limit=limit)
    return AlertReport(tuple(listed), tuple(new), end.isoformat() if end else None)
