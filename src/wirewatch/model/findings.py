"""What the extract and assess stages find in one article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Geo:
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-2
    place: str | None = None  # the gazetteer name it resolved to


@dataclass(frozen=True, slots=True)
class Entity:
    name: str  # canonical name
    type: str  # PERSON|ORG|GPE|LOC|NORP|EVENT|FAC|OTHER
    mentions: tuple[str, ...]
    roles: tuple[str, ...] = ()
    count: int = 1
    geo: Geo | None = None
    spans: tuple[tuple[int, int], ...] = ()  # offsets into the body


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: str | None
    speaker_role: str | None
    source_text: str | None
    via: str | None
    cue: str | None
    content: str
    quote: str  # direct|indirect|mixed
    sourcing: str  # named|anonymous|vague|none
    span: tuple[int, int] | None  # offsets of `content` in the body; None for the headline


@dataclass(frozen=True, slots=True)
class Signal:
    kind: str
    evidence: str
    span: tuple[int, int] | None = None
    detail: str | None = None
