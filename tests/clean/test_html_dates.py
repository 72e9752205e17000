"""The publication date an HTML page prints in `<time>`: a published date, never an update date.

Fictional pages written for these tests: a story edited months after readers commented on it is no
contradiction, so neither its update date nor a reader comment's date may stand in for the
publication date, and `date_conflict` stays quiet.
"""

from __future__ import annotations

import pytest

from wirewatch.clean.html import clean_html
from wirewatch.clean.metadata import published_of
from wirewatch.model import Source

PARAGRAPHS = [
    "The harbour bridge at Kessel reopened to traffic on Saturday after eleven weeks of repairs to its "
    "eastern span, the port authority said in a statement.",
    "Engineers replaced forty steel cables and resurfaced the deck, work the authority said came in under "
    "budget despite the storms that closed the site twice in February.",
    "Ferry operators, who carried most commuters during the closure, said they would return to their "
    "winter timetable from Monday.",
]
COMMENTS = [
    "Finally, the detour through Brisk added forty minutes to my drive every single morning.",
    "Will the cycle lane on the eastern side reopen as well, or only the road itself?",
]


def page(dates: str) -> str:
    """An article whose byline holds `dates`, followed by two reader comments of March 2024."""
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    items = "".join(
        f'<li class="comment" id="comment-{k}"><div class="comment-meta"><b>Reader {k}</b> '
        f'<time datetime="2024-03-0{k + 4}T10:00:00Z">March {k + 4}, 2024</time></div>'
        f'<div class="comment-content"><p>{text}</p></div></li>'
        for k, text in enumerate(COMMENTS, 1)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <title>Harbour Bridge Reopens After Repairs | Kessel Courier</title></head><body>
    <main><article><h1>Harbour Bridge Reopens After Repairs</h1>
    <div class="byline">By Tomas Brell. {dates}</div>{paras}</article>
    <section id="comments"><h2>2 comments</h2><ol class="comment-list">{items}</ol></section></main>
    </body></html>"""


def _byline(html: str) -> str | None:
    return next((d.date for d in clean_html(html).dates if d.where == "byline"), None)


UPDATED_FIRST = (
    'Last updated <time datetime="2024-06-10T08:00:00Z">June 10, 2024</time>. '
    'Published <time datetime="2024-03-02T09:00:00Z">March 2, 2024</time>'
)


@pytest.mark.parametrize("dates, expected", [
    # the words before the element say which date it is
    (UPDATED_FIRST, "2024-03-02"),
    ('Updated: <span><time datetime="2024-06-10">June 10</time></span> '
     '<span>First published <time datetime="2024-03-02">March 2</time></span>', "2024-03-02"),
    # WordPress marks them in the class
    ('<time class="updated" datetime="2024-06-10T08:00:00Z">June 10, 2024</time>'
     '<time class="entry-date published" datetime="2024-03-02T09:00:00Z">March 2, 2024</time>', "2024-03-02"),
    ('<time itemprop="dateModified" datetime="2024-06-10">June 10</time>'
     '<time itemprop="datePublished" datetime="2024-03-02">March 2</time>', "2024-03-02"),
    # an unmarked date is still the byline date
    ('<time datetime="2024-03-02T09:00:00Z">March 2, 2024</time>', "2024-03-02"),
])
def test_published_date_wins_over_an_update(dates, expected):
    assert _byline(page(dates)) == expected


def test_an_update_date_alone_is_no_publication_date():
    """The WCXB case: a page says when it was 'last updated' and nothing else; its reader comments'
    dates are not the publication date either."""
    html = page('This page was last updated <time datetime="2024-06-10T08:00:00Z">June 10, 2024</time>')
    assert _byline(html) is None


@pytest.mark.parametrize("dates", [
    UPDATED_FIRST,
    'This page was last updated <time datetime="2024-06-10T08:00:00Z">June 10, 2024</time>',
])
def test_an_update_after_the_comments_is_no_date_conflict(dates):
    html = page(dates)
    source = Source(id="x", name="bridge.html", raw=html.encode(), kind="html")
    _, signals = published_of(source, clean_html(html))
    assert not any(s.kind == "date_conflict" for s in signals)
