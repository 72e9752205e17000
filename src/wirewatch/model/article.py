"""The one object that flows through the per-article stages.

An `Article` starts as the raw input (`Source`) and gains one group of fields per stage:
`Cleaned` after cleaning, `Extracted` after extraction, signals as any stage finds them.
Every group is a frozen, slotted dataclass; stages return a new `Article` with `dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirewatch.model.findings import Entity, Signal, Statement


@dataclass(frozen=True, slots=True)
class Source:
    """What was read, verbatim, with the hints that came with it (a --meta line, a JSONL record)."""

    id: str  # content hash of `raw`: identical input is stored once
    name: str  # the file name or record locator, for messages and --meta matching
    raw: bytes
    kind: str  # "text" | "html"
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """A metadata value with where it came from and how sure we are of it."""

    value: str | None
    source: str | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Comment:
    text: str
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str  # the decoded input, before cleaning
    encoding: str
    language: str
    title: Found
    author: Found
    outlet: Found
    published: Found
    body: str  # paragraphs separated by a blank line
    removed: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()


@dataclass(frozen=True, slots=True)
class Extracted:
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    not_analysed: tuple[str, ...] = ()  # what the language or the models could not cover


@dataclass(frozen=True, slots=True)
class Article:
    source: Source
    cleaned: Cleaned | None = None
    extracted: Extracted | None = None
    signals: tuple[Signal, ...] = field(default=())
    duplicate_group: str | None = None

    @property
    def id(self) -> str:
        return self.source.id
