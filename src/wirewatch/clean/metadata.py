"""Title, outlet and publication date chosen among what the page and its hints say, with provenance."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

from wirewatch.clean import lines as L
from wirewatch.clean.authors import given_authors
from wirewatch.clean.dateline import dateline_at
from wirewatch.clean.dates import date_in_url, normalise_date
from wirewatch.clean.parts import DateSeen, PageParts
from wirewatch.model import Found, Signal, Source

# How far each kind of date is trusted. A full date printed above the headline is as often the
# site's "today" widget as the publication date, so it is the weakest. A page that only says when it
# was last updated was published by then: that date stands in, weakly, where nothing else dates it.
_DATE_CONFIDENCE = {
    "meta": 0.95, "html_meta": 0.9, "url": 0.85, "byline": 0.75, "dateline": 0.7, "updated": 0.35,
    "page_header": 0.3, "page_footer": 0.2,
}
# A wire dateline dates the report when it opens one of the article's first paragraphs (a standfirst
# may come before it).
_DATELINE_PARAGRAPHS = 2
# Dates the publisher states in structured form (the --meta sidecar, the page's meta tags or JSON-LD,
# the address). Reader comments older than such a date are a republished or re-dated post keeping
# its earlier comments, not a contradiction: measured on ../shared/data/extraction/wcxb dev, 6 of the
# 8 pages where comments predated the html meta date had that meta date right by the gold.
_STRUCTURED = frozenset({"meta", "html_meta", "url"})
# A comment this many days before the publication date still agrees with it: time zones (a date
# shown in the reader's zone against one stored in UTC), scheduled and embargoed posts.
DATE_MARGIN_DAYS = 2
# Reader comments on the web do not predate it: an earlier "comment date" is a date quoted in the
# comment's text (a birthday, a historical event), not when it was written.
_FIRST_COMMENT_DATE = "1995-01-01"

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
    found = Found(source.title.strip(), "meta", 1.0) if source.title else parts.title
    if found.value and source.url:
        return Found(_without_outlet(found.value, source.url), found.source, found.confidence)
    return found


# What sets an outlet's name after a headline: "Headline – Eagle Rising", and in a feed's or an
# export's titles also a star, "Headline ⋆ Freedom Daily".
_OUTLET_MARKS = L.TITLE_MARKS + "\u22c6"
_TITLE_SEPARATOR = L.title_separator(_OUTLET_MARKS)
# The shortest address label or name that counts as the same name ("politi" in politi.co: POLITICO).
_NAME_PREFIX_MIN = 5


def _without_outlet(title: str, url: str) -> str:
    """The title without the outlet's name after it, where that name spells the page's address
    ("eaglerising.com": "Eagle Rising", "politi.co": "POLITICO"); other endings are the headline's."""
    parts = _TITLE_SEPARATOR.split(title)
    host = (urlparse(url).hostname or "").removeprefix("www.")
    label = re.sub(r"[^a-z0-9]", "", host.split(".")[0].lower()) if host else ""
    name = re.sub(r"[^a-z0-9]", "", parts[-1].lower())
    if len(parts) < 2 or not label or not name:
        return title
    shorter, longer = sorted((label, name), key=len)
    if len(shorter) >= _NAME_PREFIX_MIN and longer.startswith(shorter):
        return L.before_last_part(title, parts[-1], _OUTLET_MARKS)
    return title


# The epoch and other "no date" values a CMS prints in its meta tags ("1970-01-01T00:00:00Z"), and the
# first day of the web: markup dated before it was written by a CMS, not on that day.
_PLACEHOLDER_DATES = frozenset({"1970-01-01", "1900-01-01"})
_WEB_STARTED = "1991-08-06"


def _placeholder(d: DateSeen) -> bool:
    return d.date[:10] in _PLACEHOLDER_DATES or (d.where in ("html_meta", "url") and d.date[:10] < _WEB_STARTED)


def author_of(source: Source, parts: PageParts) -> Found:
    """The author a record or the --meta sidecar gives, else the one the page gives."""
    given = given_authors(source.author)
    if given:
        return Found(given, "meta", 1.0)
    return parts.author


def _printed_against(meta: DateSeen, parts: PageParts, margin_days: int) -> tuple[DateSeen, str] | None:
    """The date printed beside the headline where it contradicts the markup's date and another of the
    page's dates agrees with it, with which one: a CMS template's stale date ("datePublished": 2019
    on a page printed "Thursday 15 September 2022" whose readers commented that day). Alone, the
    markup's date stands: on WCXB dev, where a byline date and the markup's disagreed, the markup was
    right 14 times and the byline 8."""
    printed = next((d for d in parts.dates if d.where == "byline"), None)
    if printed is None or abs(_days_between(meta.date, printed.date)) <= margin_days:
        return None
    backed_by = _corroboration(printed, parts, margin_days)
    return (printed, backed_by) if backed_by else None


# How sure a printed date is that won against the markup's: less than an uncontested byline, enough
# to window stories on (link.features EXACT_DATE_CONFIDENCE).
_CONTESTED_CONFIDENCE = 0.6
# Reader comments written this long after the printed date still date the article to it.
_COMMENTS_WITHIN_DAYS = 7


def _corroboration(printed: DateSeen, parts: PageParts, margin_days: int) -> str | None:
    """Which other date of the page agrees with a printed one: the date the markup says the page was
    modified (the same day), or the first reader comment (within a week after)."""
    if any(d.where == "modified" and abs(_days_between(d.date, printed.date)) <= margin_days for d in parts.dates):
        return "modified"
    comments = sorted(d.date for d in parts.dates if d.where == "comment" and d.date >= _FIRST_COMMENT_DATE)
    if comments and -margin_days <= _days_between(printed.date, comments[0]) <= _COMMENTS_WITHIN_DAYS:
        return "first reader comment"
    return None


def _days_between(earlier: str, later: str) -> int:
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


def published_of(
    source: Source, parts: PageParts, *, margin_days: int = DATE_MARGIN_DAYS
) -> tuple[Found, tuple[Signal, ...]]:
    """The publication date and, where the page's dates contradict it, a `date_conflict` signal.

    Structured dates (sidecar, html meta, address) are preferred over dates read off the page. A
    conflict is a page date (a byline or header date) that reader comments predate by more than
    `margin_days`: the comments cannot be older than the article, so the date is not its
    publication date (the seed case: a "Monday, June 17, 2024" header above comments of 2015).
    """
    candidates: list[DateSeen] = []
    given = normalise_date(source.published)
    if given:
        candidates.append(DateSeen(given, "meta", source.published or ""))
    in_url = date_in_url(source.url)
    if in_url:
        candidates.append(DateSeen(in_url, "url", source.url or ""))
    candidates += [d for d in parts.dates if d.where in _DATE_CONFIDENCE]
    candidates = [d for d in candidates if not _placeholder(d)]
    for paragraph in parts.paragraphs[:_DATELINE_PARAGRAPHS]:
        dateline = dateline_at(paragraph)
        if dateline and dateline.date:
            candidates.append(DateSeen(dateline.date, "dateline", dateline.text))
            break
    if not candidates:
        return Found(None), ()
    best = max(candidates, key=lambda d: _DATE_CONFIDENCE[d.where])
    confidence = _DATE_CONFIDENCE[best.where]
    if best.where == "html_meta" and (against := _printed_against(best, parts, margin_days)):
        printed, backed_by = against
        signal = Signal(
            kind="date_conflict",
            evidence=f"{best.evidence} (html_meta) against the date printed beside the headline: {printed.evidence}",
            detail=f"html_meta date {best.date}; printed date {printed.date}, which the page's {backed_by} date agrees with",
        )
        return Found(printed.date, "byline, against the html_meta date", _CONTESTED_CONFIDENCE), (signal,)
    if best.where in _STRUCTURED:
        return Found(best.date, best.where, confidence), ()
    comments = [d for d in parts.dates if d.where == "comment" and d.date >= _FIRST_COMMENT_DATE]
    earliest_comment = min(comments, key=lambda d: d.date) if comments else None
    if earliest_comment is None or _days_between(earliest_comment.date, best.date) <= margin_days:
        return Found(best.date, best.where, confidence), ()
    if best.where == "updated":  # updated after readers commented: no contradiction
        return Found(best.date, best.where, confidence), ()
    signal = Signal(
        kind="date_conflict",
        evidence=f"{best.evidence} ({best.where}) is later than a reader comment dated "
        f"{earliest_comment.date}: {earliest_comment.evidence}",
        detail=f"{best.where} date {best.date}; comment date {earliest_comment.date}",
    )
    if confidence < 0.5:
        # A weak date contradicted by the page itself is dropped, not reported as the date.
        return Found(None, f"{best.where} date {best.date} contradicted by a comment", 0.0), (signal,)
    return Found(best.date, best.where, confidence / 2), (signal,)
