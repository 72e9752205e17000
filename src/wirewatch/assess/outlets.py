"""Outlet profiles measured from the stored corpus, and user-imported source ratings beside them.

A profile is only what wirewatch measured on the outlet's stored pages; a rating is what someone
else said about the outlet, with who said it. The two are shown side by side and never mixed:
no rating changes a measurement, and no measurement is turned into a rating.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from wirewatch.errors import ConfigError
from wirewatch.store.db import Store

# Column names that usually hold the domain and the rating in published source lists.
_DOMAIN_COLUMNS = ("domain", "source_domain", "site", "url", "source", "website", "")
_RATING_COLUMNS = ("rating", "credibility_rating", "factual_reporting", "type", "label", "fact", "bias_rating")


@dataclass(frozen=True, slots=True)
class Rating:
    rating: str
    rated_by: str


@dataclass(frozen=True, slots=True)
class OutletProfile:
    outlet: str
    articles: int
    languages: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    statements: int
    own_voice_share: float  # statements in the outlet's own voice (sourcing none) among all
    vague_share: float  # statements with vague sourcing among all
    headline_overstates_rate: float  # articles whose headline asserts what the body attributes
    propaganda_per_1000_words: float
    ratings: tuple[Rating, ...]  # imported, never mixed into the figures above

    def as_dict(self) -> dict[str, object]:
        return {
            "outlet": self.outlet, "articles": self.articles, "languages": list(self.languages),
            "first_published": self.first_published, "last_published": self.last_published,
            "statements": self.statements, "own_voice_share": self.own_voice_share,
            "vague_share": self.vague_share, "headline_overstates_rate": self.headline_overstates_rate,
            "propaganda_per_1000_words": self.propaganda_per_1000_words,
            "ratings": [{"rating": r.rating, "rated_by": r.rated_by} for r in self.ratings],
        }


_PROFILES = """
WITH a AS (
    SELECT outlet, id, language, published, length(regexp_split_to_array(body, '\\s+')) AS words
    FROM articles WHERE outlet IS NOT NULL
), st AS (
    SELECT a.outlet, count(*) AS n,
           count(*) FILTER (WHERE s.sourcing = 'none') AS own,
           count(*) FILTER (WHERE s.sourcing = 'vague') AS vague
    FROM statements s JOIN a ON a.id = s.article_id GROUP BY a.outlet
), sg AS (
    SELECT a.outlet,
           count(DISTINCT g.article_id) FILTER (WHERE g.kind = 'headline_overstates') AS overstating,
           count(*) FILTER (WHERE g.kind LIKE 'propaganda:%') AS propaganda
    FROM signals g JOIN a ON a.id = g.article_id GROUP BY a.outlet
)
SELECT a.outlet, count(*) AS articles, list(DISTINCT a.language ORDER BY a.language) AS languages,
       min(a.published)::VARCHAR, max(a.published)::VARCHAR, sum(a.words) AS words,
       coalesce(any_value(st.n), 0), coalesce(any_value(st.own), 0), coalesce(any_value(st.vague), 0),
       coalesce(any_value(sg.overstating), 0), coalesce(any_value(sg.propaganda), 0)
FROM a LEFT JOIN st USING (outlet) LEFT JOIN sg USING (outlet)
WHERE (? IS NULL OR a.outlet = ?)
GROUP BY a.outlet ORDER BY articles DESC, a.outlet
"""


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def outlet_profiles(store: Store, *, outlet: str | None = None) -> list[OutletProfile]:
    ratings: dict[str, list[Rating]] = {}
    for domain, rating, rated_by in store.con.execute(
        "SELECT domain, rating, rated_by FROM source_ratings ORDER BY rated_by"
    ).fetchall():
        ratings.setdefault(domain, []).append(Rating(rating, rated_by))
    profiles = []
    for row in store.con.execute(_PROFILES, [outlet, outlet]).fetchall():
        name, n, langs, first, last, words, n_st, own, vague, overstating, propaganda = row
        profiles.append(OutletProfile(
            outlet=name, articles=int(n), languages=tuple(x for x in langs if x), first_published=first,
            last_published=last, statements=int(n_st), own_voice_share=_share(own, n_st),
            vague_share=_share(vague, n_st), headline_overstates_rate=_share(overstating, n),
            propaganda_per_1000_words=round(1000 * propaganda / words, 2) if words else 0.0,
            ratings=tuple(ratings.get(domain_of(name), ())),
        ))
    return profiles


def domain_of(value: str) -> str:
    """`https://www.Example.org/x` and `www.example.org` both give `example.org`."""
    v = value.strip().lower()
    host = urlparse(v).hostname if "://" in v else v.split("/")[0]
    return (host or "").removeprefix("www.")


def _pick(header: Sequence[str], wanted: str | None, choices: Sequence[str], what: str) -> int:
    lowered = [h.strip().lower() for h in header]
    if wanted is not None:
        if wanted.lower() not in lowered:
            raise ConfigError(f"no column {wanted!r} in the ratings file (columns: {', '.join(header)})")
        return lowered.index(wanted.lower())
    for name in choices:
        if name in lowered:
            return lowered.index(name)
    raise ConfigError(f"cannot tell which column holds the {what}: name it (columns: {', '.join(header)})")


def import_ratings(
    store: Store, path: str | Path, *, rated_by: str, domain_column: str | None = None,
    rating_column: str | None = None,
) -> int:
    """Load a CSV of source ratings (one domain per row) as `rated_by`'s ratings; returns rows stored.

    Re-importing the same rater's file replaces that rater's ratings, so a list can be refreshed.
    """
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows:
        raise ConfigError(f"{path} is empty")
    header, body = rows[0], rows[1:]
    d = _pick(header, domain_column, _DOMAIN_COLUMNS, "domain")
    r = _pick(header, rating_column, _RATING_COLUMNS, "rating")
    records = {}
    for row in body:
        if len(row) <= max(d, r) or not row[d].strip() or not row[r].strip():
            continue
        records[domain_of(row[d])] = row[r].strip()
    con = store.con
    con.execute("BEGIN")
    con.execute("DELETE FROM source_ratings WHERE rated_by = ?", [rated_by])
    con.executemany(
        "INSERT INTO source_ratings VALUES (?, ?, ?, now())", [[k, v, rated_by] for k, v in records.items()]
    )
    con.execute("COMMIT")
    return len(records)
