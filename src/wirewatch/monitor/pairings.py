"""New pairings: an armed group newly co-mentioned with a place.

A pair (group, place) is new when no article dated before the window mentions both, and in the
window at least `pair_min_articles` articles from `pair_min_outlets` outlets do. Requiring two
outlets keeps one outlet's series of pieces (or one outlet's tagging habit) from raising it alone.
The alert's day is the day the pair first met both thresholds; its id depends only on the pair, so
a pair raises one alert ever, however often detection runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import duckdb

from wirewatch.model.trends import Alert
from wirewatch.monitor.ids import alert_id
from wirewatch.store import monitor as q

# RE2 and Python agree on these escapes.
_SPECIAL = re.compile(r"([\\.^$|?*+()\[\]{}])")


def escape_re2(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def words_pattern(words: Sequence[str]) -> str:
    """A case-insensitive whole-word RE2 pattern for any of `words` ('' when there are none)."""
    alternatives = [r"\s+".join(escape_re2(part) for part in w.split()) for w in words if w.strip()]
    return r"(?i)\b(?:" + "|".join(alternatives) + r")\b" if alternatives else ""


def new_pairings(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    *,
    group_words: Sequence[str],
    group_names: Sequence[str] = (),
    min_articles: int,
    min_outlets: int,
) -> list[Alert]:
    rows = q.new_pairs(
        con, start, end, group_pattern=words_pattern(group_words), group_names=group_names,
        min_articles=min_articles, min_outlets=min_outlets,
    )
    alerts = []
    for row in rows:
        seen_outlets: set[str] = set()
        reached = row.article_days[-1][1]
        for n, (_aid, day, outlet) in enumerate(row.article_days, 1):
            seen_outlets.add(outlet or "")
            if n >= min_articles and len(seen_outlets) >= min_outlets:
                reached = day
                break
        outlets = {o or "" for _a, _d, o in row.article_days}
        n_articles = len({a for a, _d, _o in row.article_days})
        alerts.append(Alert(
            id=alert_id("new_pairing", row.group, row.place),
            rule="new_pairing", day=reached.isoformat(), subjects=(row.group, row.place),
            summary=f"{row.group} newly mentioned with {row.place}: {n_articles} articles from {len(outlets)} "
                    f"outlets since {row.article_days[0][1].isoformat()}, never together before",
            score=float(n_articles), articles=n_articles, outlets=len(outlets),
            article_ids=tuple(dict.fromkeys(a for a, _d, _o in row.article_days)),
        ))
    return alerts
