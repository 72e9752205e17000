"""What a page cleaner (flattened text or HTML) hands to the metadata step."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wirewatch.model import Comment, Found


@dataclass(frozen=True, slots=True)
class DateSeen:
    """A date found on the page, with where: meta, url, html_meta, byline, page_header, page_footer, comment (a wire dateline is read in `metadata`)."""

    date: str  # YYYY-MM-DD
    where: str
    evidence: str


def comment_dates(comments: Iterable[Comment]) -> list[DateSeen]:
    """The dates of reader comments, each with the comment's opening words as evidence."""
    return [DateSeen(c.date, "comment", c.text[:80]) for c in comments if c.date]


@dataclass(frozen=True, slots=True)
class PageParts:
    title: Found
    author: Found
    paragraphs: tuple[str, ...]
    removed: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()
    dates: tuple[DateSeen, ...] = ()
    site_name: str | None = None
