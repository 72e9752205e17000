"""Response and request shapes, for validation and the OpenAPI schema (`/api/openapi.json`).

Article objects follow CONTRACT.md; fields added later by other stages pass through (`extra="allow"`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Published(_Open):
    date: str | None = None
    source: str | None = None
    confidence: float = 0.0


class EntityOut(_Open):
    name: str
    type: str
    mentions: list[str] = []
    roles: list[str] = []
    count: int = 1
    geo: dict[str, Any] | None = None


class StatementOut(_Open):
    speaker: str | None = None
    speaker_role: str | None = None
    source_text: str | None = None
    via: str | None = None
    cue: str | None = None
    content: str = ""
    quote: str | None = None
    sourcing: str | None = None
    span: list[int] | None = None


class SignalOut(_Open):
    kind: str
    evidence: str = ""
    span: list[int] | None = None


class ArticleOut(_Open):
    id: str
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    title: str | None = None
    author: str | None = None
    published: Published = Published()
    provenance: dict[str, str | None] = {}
    duplicate_group: str | None = None
    story: str | None = None
    body: str = ""
    removed: list[str] = []
    comments: list[dict[str, Any]] = []
    entities: list[EntityOut] = []
    statements: list[StatementOut] = []
    signals: list[SignalOut] = []


class ArticleList(BaseModel):
    items: list[ArticleOut]
    total: int


class Page(BaseModel):
    """A page of rows of a listing (entities, outlets, stories, alerts)."""

    items: list[dict[str, Any]]
    total: int


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail


class PageRecord(_Open):
    """One page, as one line of a JSONL input: `text` or `html`, plus any of the hints."""

    text: str | None = None
    html: str | None = None
    url: str | None = Field(None, max_length=4096)
    outlet: str | None = Field(None, max_length=512)
    published: str | None = Field(None, max_length=64)
    title: str | None = Field(None, max_length=4096)
    author: str | None = Field(None, max_length=1024)

    @model_validator(mode="after")
    def _has_a_page(self) -> PageRecord:
        if not (self.text or self.html):
            raise ValueError("a page needs `text` or `html`")
        return self


class IngestResult(BaseModel):
    new: int
    already_stored: int
    ids: list[str]
    rejected: list[dict[str, str]]


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": what}
    for status, what in [(404, "Not found"), (422, "Invalid parameters"), (500, "Unexpected error")]
}
