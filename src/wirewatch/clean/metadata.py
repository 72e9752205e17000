"""Title, outlet and publication date chosen among what the page and its hints say, with provenance."""

from __future__ import annotations

from urllib.parse import urlparse

from wirewatch.clean.dates import date_in_url, normalise_date
from wirewatch.clean.parts import DateSeen, PageParts
from wirewatch.model import Found, Signal, Source

# How far each kind of date is trusted. A full date printed above the headline is as often the
# site's "today" widget as the publication date, so it is the weakest.
_DATE_CONFIDENCE = {
    "meta": 0.95, "html_meta": 0.9, "url": 0.85, "byline": 0.75, "page_header": 0.3, "page_footer": 0.2,
}


def outlet_of(source: Source, parts: PageParts) -> Found:
    if source.outlet:
        return Found(source.outlet, "meta", 1.0)
    if source.url:
        host = urlparse(source.url).hostname or ""
        if host:
            return Found(host.removeprefix("www."), "url", 0.9)
    if parts.site_name:
        return Found(parts.site_name, "page", 0.5)
    return Found(None)


def title_of(source: Source, parts: PageParts) -> Found:
    if source.title:
        return Found(source.title.strip(), "meta", 1.0)
    return parts.title


def published_of(source: Source, parts: PageParts) -> tuple[Found, tuple[Signal, ...]]:
    """The publication date and, where the page's dates contradict it, a `date_conflict` signal."""
    candidates: list[DateSeen] = []
    given = normalise_date(source.published)
    if given:
        candidates.append(DateSeen(given, "meta", source.published or ""))
    in_url = date_in_url(source.url)
    if in_url:
        candidates.append(DateSeen(in_url, "url", source.url or ""))
    candidates += [d for d in parts.dates if d.where in _DATE_CONFIDENCE]
    if not candidates:
        return Found(None), ()
    best = max(candidates, key=lambda d: _DATE_CONFIDENCE[d.where])
    comments = [d for d in parts.dates if d.where == "comment"]
    earliest_comment = min(comments, key=lambda d: d.date) if comments else None
    if earliest_comment and earliest_comment.date < best.date:
        signal = Signal(
            kind="date_conflict",
            evidence=f"{best.evidence} ({best.where}) is later than a reader comment dated "
            f"{earliest_comment.date}: {earliest_comment.evidence}",
            detail=f"{best.where} date {best.date}; comment date {earliest_comment.date}",
        )
        if _DATE_CONFIDENCE[best.where] < 0.5:
            # A weak date contradicted by the page itself is dropped, not reported as the date.
            return Found(None, f"{best.where} date {best.date} contradicted by a comment", 0.0), (signal,)
        return Found(best.date, best.where, _DATE_CONFIDENCE[best.where] / 2), (signal,)
    return Found(best.date, best.where, _DATE_CONFIDENCE[best.where]), ()
