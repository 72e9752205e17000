"""HTML pages: trafilatura finds the main text; wirewatch keeps comments apart and owns the result."""

from __future__ import annotations

import trafilatura

from wirewatch.clean.dates import normalise_date
from wirewatch.clean.parts import DateSeen, PageParts
from wirewatch.model import Comment, Found


def clean_html(html: str, *, url: str | None = None) -> PageParts:
    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=True, include_tables=False, with_metadata=True, favor_precision=False,
    )
    if doc is None:
        return PageParts(title=Found(None), author=Found(None), paragraphs=())
    text = doc.text or ""
    paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
    comments = tuple(Comment(c.strip()) for c in (doc.comments or "").split("\n") if c.strip())
    dates = ()
    iso = normalise_date(doc.date)
    if iso:
        dates = (DateSeen(iso, "html_meta", doc.date or ""),)
    return PageParts(
        title=Found(doc.title, "html", 0.9) if doc.title else Found(None),
        author=Found(doc.author, "html", 0.7) if doc.author else Found(None),
        paragraphs=paragraphs,
        comments=comments,
        dates=dates,
        site_name=doc.sitename,
    )
