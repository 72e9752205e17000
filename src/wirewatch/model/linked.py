"""What the corpus-level linking stage returns: stories and claims across articles."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Story:
    """Articles, in any language, that report one event."""

    id: str
    first_seen: str | None
    last_seen: str | None
    articles: int
    label: str  # its most widespread entities, or the first article's title
    top_entities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    first_title: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """One article's telling of a claim."""

    article_id: str
    outlet: str | None
    published: str | None
    presentation: str  # attributed | asserted (in the outlet's own voice) | headline
    speaker: str | None  # the speaker as this article names it
    via: str | None  # the relay it names ("according to RIA")
    content: str
    duplicate_group: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement, by one original speaker, with every article that repeats it."""

    id: str
    story: str | None
    speaker: str | None  # the original speaker; None for an outlet's own first-hand report
    origin: str  # who it traces back to: the speaker's organisation where the text gives it, or the outlet
    content: str
    first_seen: str | None
    first_outlet: str | None
    outlets: tuple[str, ...]
    mentions: tuple[ClaimMention, ...]
    independent_outlets: int  # outlets that tell it, near-duplicate copies counted once
    corroboration: int  # independent origins of the same substance (distinct speakers, first-hand reports)
    origins: tuple[str, ...] = ()
    # How much the claim deserves a fact-check, in [0, 1] (assess/checkworthy.py): a ranking, not a
    # verdict. None without the model, and for claims stored before it was scored.
    check_worthiness: float | None = None
