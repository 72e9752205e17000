"""What the monitor stage returns: daily series with their burst tests, and alerts."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DayCount:
    """One day of a series: articles that mention the subject, and how surprising that many is."""

    day: str  # YYYY-MM-DD
    articles: int
    outlets: int
    expected: float | None = None  # the baseline's expected count for the day; None: too little history
    p_value: float | None = None  # P(X >= articles) under Poisson(expected)


@dataclass(frozen=True, slots=True)
class Trend:
    """A daily series of one entity, place, story, claim or outlet over a window of days."""

    kind: str  # entity | place | story | claim | outlet
    name: str  # the canonical name, story id, claim id or outlet
    type: str | None  # the entity type (PERSON, ORG, GPE, ...) for entities and places
    label: str | None  # a readable label for stories and claims
    days: tuple[DayCount, ...]  # every day of the window, zeros included, oldest first
    total: int  # articles over the window
    undated: int  # of those, articles without a published date, counted on the day they were stored
    peak: DayCount | None  # the day with the smallest p-value (or the most articles when untested)
    burst: bool  # the peak passes the burst test

    @property
    def start(self) -> str:
        return self.days[0].day

    @property
    def end(self) -> str:
        return self.days[-1].day

    @property
    def dated_by(self) -> str:
        """Which date the counts rest on: "published", "stored" (no article had a published date) or
        "published+stored" (those without one counted on the day they were stored)."""
        if not self.undated:
            return "published"
        return "stored" if self.undated == self.total else "published+stored"

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "name": self.name, "type": self.type, "label": self.label,
            "start": self.start, "end": self.end, "total": self.total, "undated": self.undated,
            "dated_by": self.dated_by, "burst": self.burst, "peak": asdict(self.peak) if self.peak else None,
            "days": [asdict(d) for d in self.days],
        }


@dataclass(frozen=True, slots=True)
class Alert:
    """Something an analyst should look at. `id` is derived from what it is about, so detecting
    again finds the same id and stores nothing new."""

    id: str
    rule: str  # burst | new_pairing | watchlist
    day: str  # the day it happened (a burst's day, the day a pairing reached its threshold)
    subjects: tuple[str, ...]  # the entities, places or keywords it is about
    summary: str
    score: float  # -log10(p) for bursts; articles for pairings and watchlist hits
    articles: int
    outlets: int
    article_ids: tuple[str, ...] = ()
    watchlist: str | None = None
    expected: float | None = None
    p_value: float | None = None
    raised_at: str | None = None  # set by the store
    delivery: str | None = None  # webhook outcome: None (no webhook), "sent", or "failed: reason"

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["subjects"], d["article_ids"] = list(self.subjects), list(self.article_ids)
        return d
