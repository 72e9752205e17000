"""Geometry for the dashboard's server-rendered SVG charts: numbers only; the templates draw them and
escape every label. No JavaScript, no map tiles, nothing fetched: the pages work offline."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

WIDTH, HEIGHT, PAD = 720, 180, 30


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: list[Bar]
    first: str
    last: str
    peak: int
    width: int = WIDTH
    height: int = HEIGHT
    pad: int = PAD


def timeline(points: list[dict[str, Any]]) -> Timeline | None:
    """Articles per day as bars on a time axis (days without articles are gaps)."""
    days = [(date.fromisoformat(p["date"]), int(p["articles"])) for p in points if p.get("date")]
    if not days:
        return None
    d0, d1 = days[0][0], days[-1][0]
    span = max((d1 - d0).days + 1, 1)
    peak = max(n for _, n in days)
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    w = max(inner_w / span, 2.0)
    bars = []
    for d, n in days:
        h = inner_h * n / peak
        x = PAD + (d - d0).days * inner_w / span
        bars.append(Bar(round(x, 1), round(HEIGHT - PAD - h, 1), round(max(w - 1, 1.5), 1), round(h, 1),
                        f"{d.isoformat()}: {n} article{'s' if n != 1 else ''}"))
    return Timeline(bars, d0.isoformat(), d1.isoformat(), peak)


MAP_W, MAP_H = 720, 360


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    r: float
    name: str
    label: str
    show_name: bool


# Label boxes are estimated, not measured: 11-unit text (style.css) averages about 6 units a character.
LABEL_H, CHAR_W = 11.0, 6.0


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def map_points(places: list[dict[str, Any]], *, named: int = 15) -> list[Point]:
    """Places on an equirectangular world (x from longitude, y from latitude), sized by articles.

    Places come most-mentioned first; the first `named` get their name beside the dot unless it would
    run over a name already placed or off the map (the dot's <title> still names every place)."""
    out: list[Point] = []
    placed: list[tuple[float, float, float, float]] = []
    for p in places:
        lat, lon = p.get("lat"), p.get("lon")
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        n = int(p.get("articles") or 1)
        x, y, r = round((lon + 180) / 360 * MAP_W, 1), round((90 - lat) / 180 * MAP_H, 1), round(2.5 + 2 * math.sqrt(n), 1)
        name = str(p.get("name") or "")
        box = (x + r + 2, y + 3 - LABEL_H, x + r + 2 + CHAR_W * len(name), y + 3)
        show = bool(name) and len(placed) < named and box[2] <= MAP_W and not any(_overlaps(box, b) for b in placed)
        if show:
            placed.append(box)
        out.append(Point(x, y, r, name, f"{p.get('name')} ({p.get('country') or '?'}): {n} article{'s' if n != 1 else ''}",
                         show))
    return out


def graticule() -> dict[str, list[float]]:
    """Meridians every 30 degrees and parallels every 30 degrees, in map coordinates."""
    return {
        "x": [round((lon + 180) / 360 * MAP_W, 1) for lon in range(-180, 181, 30)],
        "y": [round((90 - lat) / 180 * MAP_H, 1) for lat in range(-90, 91, 30)],
    }
