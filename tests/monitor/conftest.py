"""Synthetic corpora for the monitor, stored by hand with `Store.save_batch` (no NLP stages).

Three fictional outlets publish a steady background every day for 40 days (2024-02-21 .. 2024-03-31):
the port of Selmar, its union, a valley, and now and then the Red Dawn Brigade in the Kharvan
Border Region. `planted` adds a surge of the group and the region together on 2024-03-30.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest

from wirewatch.model import Article, Cleaned, Entity, Extracted, Found, Geo, Source
from wirewatch.settings import Settings, load_settings
from wirewatch.store.db import Store

START = date(2024, 2, 21)
LAST = date(2024, 3, 31)
BURST_DAY = date(2024, 3, 30)
OUTLETS = ("north.example", "south.example", "east.example")
GROUP = ("Red Dawn Brigade", "ORG")
REGION = ("Kharvan Border Region", "LOC")
PLACES = {"Selmar": Geo(45.1, 19.2, "ZZ"), "Kharvan Border Region": Geo(46.0, 21.5, "ZZ"),
          "Ostra Valley": Geo(44.7, 18.9, "ZZ"), "Tesh Pass": Geo(46.3, 22.0, "ZY")}

_ids = itertools.count(1)


def make_article(
    day: date | None, outlet: str, names: Sequence[tuple[str, str]], *, body: str = "", title: str | None = None
) -> Article:
    n = next(_ids)
    text = body or "Reported: " + ", ".join(name for name, _t in names) + f". Item {n}."
    entities = tuple(Entity(name, typ, (name,), geo=PLACES.get(name) if typ in ("GPE", "LOC") else None)
                     for name, typ in names)
    return Article(
        source=Source(id=f"m{n:05d}", name=f"m{n}.txt", raw=f"raw {n}".encode(), kind="text",
                      url=f"https://{outlet}/{n}"),
        cleaned=Cleaned(
            text=text, encoding="utf-8", language="en", title=Found(title or text[:40], "test", 0.9),
            author=Found(None), outlet=Found(outlet, "test", 0.9),
            published=Found(day.isoformat() if day else None, "test" if day else None, 0.9 if day else 0.0),
            body=text,
        ),
        extracted=Extracted(entities=entities),
    )


def days(start: date = START, end: date = LAST) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def background(start: date = START, end: date = LAST) -> list[Article]:
    """Two articles per outlet per day, the same mix every day; the group and the region together
    every fourth day, so their pairing is old news and their rate is known."""
    out = []
    for i, day in enumerate(days(start, end)):
        for outlet in OUTLETS:
            out.append(make_article(day, outlet, [("Selmar", "GPE"), ("Port Authority", "ORG")]))
            out.append(make_article(day, outlet, [("Harbour Union", "ORG"), ("Ostra Valley", "LOC")]))
        if i % 4 == 0:
            out.append(make_article(day, OUTLETS[i % 3], [GROUP, REGION]))
    return out


def surge(day: date = BURST_DAY, n: int = 8) -> list[Article]:
    return [make_article(day, OUTLETS[k % 3], [GROUP, REGION]) for k in range(n)]


def store_corpus(path, articles: Iterable[Article]) -> str:
    with Store(path) as store:
        store.save_batch(list(articles))
    return str(path)


@pytest.fixture(scope="session")
def _corpora(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("corpora")
    flat = Path(store_corpus(d / "flat.duckdb", background()))
    planted = Path(store_corpus(shutil.copy(flat, d / "planted.duckdb"), surge()))
    return {"flat": flat, "planted": planted}


@pytest.fixture()
def flat_db(_corpora, tmp_path) -> str:
    """A fresh copy of the flat corpus (storing it takes seconds; copying it does not)."""
    return shutil.copy(_corpora["flat"], tmp_path / "flat.duckdb")


@pytest.fixture()
def planted_db(_corpora, tmp_path) -> str:
    return shutil.copy(_corpora["planted"], tmp_path / "planted.duckdb")


@pytest.fixture()
def monitor_settings() -> Settings:
    return load_settings(env={})


def settings_with(**values: str) -> Settings:
    return load_settings(env={f"WIREWATCH_MONITOR_{k.upper()}": v for k, v in values.items()})
