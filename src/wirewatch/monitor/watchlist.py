"""Watchlists: entities, places and keywords an analyst wants to hear about, with thresholds.

The file format (YAML or JSON) is documented in docs/watchlists.md. Each item raises one alert per
day on which at least `min_articles` articles from at least `min_outlets` outlets mention it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import yaml

from wirewatch.errors import ConfigError
from wirewatch.model.trends import Alert
from wirewatch.monitor.ids import alert_id
from wirewatch.monitor.pairings import escape_re2
from wirewatch.store import monitor as q

SECTIONS = {"entities": "entity", "places": "place", "keywords": "keyword"}
THRESHOLDS = ("min_articles", "min_outlets")


@dataclass(frozen=True, slots=True)
class WatchItem:
    kind: str  # entity | place | keyword
    name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # places: any place in these countries (ISO 3166-1 alpha-2)
    min_articles: int = 1
    min_outlets: int = 1


@dataclass(frozen=True, slots=True)
class Watchlist:
    name: str
    items: tuple[WatchItem, ...]

    def group_names(self) -> tuple[str, ...]:
        """Names of watched entities, which count as armed groups for pairings when stored as ORG/NORP."""
        return tuple(n for i in self.items if i.kind == "entity" for n in (i.name, *i.aliases))


def _threshold(d: Mapping[str, Any], key: str, default: int, where: str) -> int:
    value = d.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: {key} must be a whole number of at least 1, not {value!r}")
    return value


def _item(kind: str, raw: Any, defaults: Mapping[str, int], where: str) -> WatchItem:
    if isinstance(raw, str):
        raw = {"name": raw} if kind != "keyword" else {"term": raw}
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a name or a mapping, not {raw!r}")
    known = {"name", "aliases", "country", "countries", "term", *THRESHOLDS}
    if unknown := sorted(set(raw) - known):
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}")
    countries = raw.get("countries") or ([raw["country"]] if raw.get("country") else [])
    name = raw.get("term") if kind == "keyword" else raw.get("name")
    if not name and kind == "place" and countries:
        name = "country:" + ",".join(str(c).upper() for c in countries)
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: needs a {'term' if kind == 'keyword' else 'name'}")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{where}: aliases must be a list of names")
    return WatchItem(
        kind=kind, name=name.strip(), aliases=tuple(a.strip() for a in aliases if a.strip()),
        countries=tuple(str(c).upper() for c in countries) if kind == "place" else (),
        min_articles=_threshold(raw, "min_articles", defaults["min_articles"], where),
        min_outlets=_threshold(raw, "min_outlets", defaults["min_outlets"], where),
    )


def parse_watchlist(data: Any, *, name: str) -> Watchlist:
    if not isinstance(data, dict):
        raise ConfigError(f"watchlist {name}: expected a mapping with entities, places, keywords")
    if unknown := sorted(set(data) - {"name", "thresholds", *SECTIONS}):
        raise ConfigError(f"watchlist {name}: unknown section(s) {', '.join(unknown)}")
    thresholds = data.get("thresholds") or {}
    if not isinstance(thresholds, dict) or set(thresholds) - set(THRESHOLDS):
        raise ConfigError(f"watchlist {name}: thresholds takes {', '.join(THRESHOLDS)}")
    defaults = {k: _threshold(thresholds, k, 1 if k == "min_outlets" else 3, f"watchlist {name}") for k in THRESHOLDS}
    wl_name = str(data.get("name") or name)
    items = []
    for section, kind in SECTIONS.items():
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise ConfigError(f"watchlist {wl_name}: {section} must be a list")
        items += [_item(kind, e, defaults, f"watchlist {wl_name}, {section}[{n}]") for n, e in enumerate(entries)]
    return Watchlist(wl_name, tuple(items))


def load_watchlist(path: str | Path) -> Watchlist:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
        data = json.loads(text) if p.suffix.lower() == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as e:
        raise ConfigError(f"cannot read watchlist {path}: {e}") from e
    return parse_watchlist(data, name=p.stem)


def _hits(con: duckdb.DuckDBPyConnection, item: WatchItem, start: date, end: date) -> list[tuple[date, str, str | None]]:
    names = (item.name, *item.aliases)
    if item.kind == "keyword":
        alternatives = "|".join(r"\s+".join(escape_re2(w) for w in n.split()) for n in names)
        return q.text_hits(con, start, end, pattern=rf"(?i)\b(?:{alternatives})\b")
    types = q.PLACE_TYPES if item.kind == "place" else None
    return q.entity_hits(con, start, end, names=names, countries=item.countries, types=types)


def watch_alerts(con: duckdb.DuckDBPyConnection, watchlist: Watchlist, start: date, end: date) -> list[Alert]:
    alerts = []
    for item in watchlist.items:
        by_day: dict[date, list[tuple[str, str | None]]] = defaultdict(list)
        for day, aid, outlet in _hits(con, item, start, end):
            by_day[day].append((aid, outlet))
        for day, hits in sorted(by_day.items()):
            outlets = {o or "" for _a, o in hits}
            if len(hits) < item.min_articles or len(outlets) < item.min_outlets:
                continue
            alerts.append(Alert(
                id=alert_id("watchlist", watchlist.name, item.kind, item.name, day.isoformat()),
                rule="watchlist", day=day.isoformat(), subjects=(item.name,),
                summary=f"watchlist {watchlist.name}: {item.kind} {item.name} in {len(hits)} articles from "
                        f"{len(outlets)} outlets (threshold {item.min_articles} from {item.min_outlets})",
                score=float(len(hits)), articles=len(hits), outlets=len(outlets),
                article_ids=tuple(a for a, _o in hits), watchlist=watchlist.name,
            ))
    return alerts
