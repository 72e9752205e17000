"""The publication date an HTML page gives: in `<time>`, in an element named for its date, in its
meta tags and JSON-LD; a published date before an update date.

Fictional pages written for these tests: a story edited months after readers commented on it is no
contradiction, so a reader comment's date never stands in for the publication date, an update date
only where nothing else dates the page, and `date_conflict` stays quiet.
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


def test_an_update_date_alone_stands_in_weakly_and_says_so():
    """The WCXB case: a page says when it was 'last updated' and nothing else. It was published by
    then: the update date stands in, named as such and weakly held; its reader comments' dates are
    not the publication date."""
    html = page('This page was last updated <time datetime="2024-06-10T08:00:00Z">June 10, 2024</time>')
    assert _byline(html) is None
    found, signals = published_of(Source(id="x", name="bridge.html", raw=html.encode(), kind="html"), clean_html(html))
    assert (found.value, found.source) == ("2024-06-10", "updated") and found.confidence < 0.5
    assert not signals


@pytest.mark.parametrize("dates", [
    UPDATED_FIRST,
    'This page was last updated <time datetime="2024-06-10T08:00:00Z">June 10, 2024</time>',
])
def test_an_update_after_the_comments_is_no_date_conflict(dates):
    html = page(dates)
    source = Source(id="x", name="bridge.html", raw=html.encode(), kind="html")
    _, signals = published_of(source, clean_html(html))
    assert not any(s.kind == "date_conflict" for s in signals)


def _dated(body: str, head: str = "") -> tuple[str | None, str | None]:
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}
    <title>Harbour Bridge Reopens After Repairs</title></head><body>{body}</body></html>"""
    found, _ = published_of(Source(id="x", name="bridge.html", raw=html.encode(), kind="html"), clean_html(html))
    return found.value, found.source


ARTICLE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
# the site's header: a "today" widget, then a menu, well above the headline
HEADER = '<header><div class="current-date">Monday, June 17, 2024</div><nav><ul>' + "".join(
    f'<li><a href="/s{k}">Section {k}</a></li>' for k in range(8)) + "</ul></nav></header>"
# a share bar of nine buttons between the headline and the date: too far down the visible text to be
# read as the headline's date line
SHARE_BAR = '<ul class="share">' + "".join(f"<li><button>Share on {n}</button></li>" for n in (
    "Facebook", "X", "LinkedIn", "Reddit", "WhatsApp", "Telegram", "Email", "Print", "Copy link")) + "</ul>"
RELATED = '<aside><h3>More news</h3><ul>' + "".join(
    f'<li><a href="/n{k}">Ferry timetable {k}</a><span class="post-date">May {k + 1}, 2024</span></li>'
    for k in range(3)) + "</ul></aside>"


@pytest.mark.parametrize("marked", [
    '<div class="post-date">March 2, 2024</div>',
    '<ul class="c-list"><li class="c-meta__date">March 2, 2024</li><li>Bridges</li></ul>',
    '<div class="meta date-section-header"><span>Posted on March 2, 2024</span><div class="tags">Bridges, Ports</div></div>',
])
def test_a_date_in_an_element_named_for_it_under_the_headline_is_the_byline_date(marked):
    body = (f"{HEADER}<main><article><h1>Harbour Bridge Reopens After Repairs</h1>{SHARE_BAR}{marked}{ARTICLE}"
            f"</article>{RELATED}</main>")
    assert _dated(body) == ("2024-03-02", "byline")


def test_the_sites_today_above_the_menu_and_related_posts_dates_are_no_publication_date():
    body = f"{HEADER}<main><article><h1>Harbour Bridge Reopens After Repairs</h1>{ARTICLE}</article>{RELATED}</main>"
    assert _dated(body) == (None, None)


def test_a_marked_update_date_under_the_headline_stands_in_as_an_update():
    body = (f"{HEADER}<main><article><h1>Harbour Bridge Reopens After Repairs</h1>"
            f'{SHARE_BAR}<p class="post-date">Updated: June 10, 2024</p>{ARTICLE}</article></main>')
    assert _dated(body) == ("2024-06-10", "updated")


@pytest.mark.parametrize("head, expected", [
    # a site's own name for its publication meta; "published-time" is what a CMS stamps on each version
    ('<meta name="published-time" content="2026-03-09T08:45:32Z"><meta name="published-date" content="2024-03-02">',
     "2024-03-02"),
    ('<meta name="w-published-date" content="2024-03-02T06:03:43Z">', "2024-03-02"),
    ('<meta name="publisher" content="Kessel Courier 2024-06-17">', None),
    # a guide's JSON-LD calls it a WebPage, not an Article
    ('<script type="application/ld+json">{"@type": "WebPage", "dateModified": "2025-12-02", '
     '"datePublished": "2024-03-02T12:53:00-07:00"}</script>', "2024-03-02"),
])
def test_publication_meta_in_a_sites_own_words_and_page_json_ld(head, expected):
    body = f"<main><article><h1>Harbour Bridge Reopens After Repairs</h1>{ARTICLE}</article></main>"
    assert _dated(body, head)[0] == expected


def test_an_update_line_beside_the_byline_stands_in_as_an_update():
    body = ("<main><article><h1>Harbour Bridge Reopens After Repairs</h1>"
            '<div class="byline">By <a href="/staff/brell">Tomas Brell</a> · Transport Editor · '
            f"<span class='small'>Updated June 10, 2024</span></div>{ARTICLE}</article></main>")
    assert _dated(body) == ("2024-06-10", "updated")


def test_a_publication_element_far_under_the_headline_past_a_deep_layout_is_found():
    wrappers = "".join("<div><span><svg><path d='M0 0'/></svg></span></div>" for _ in range(60))
    body = (f"<main><article><h1>Harbour Bridge Reopens After Repairs</h1>{wrappers}"
            f'<span class="Author_publicationTime">2024-03-02T08:10+02:00</span>{ARTICLE}</article></main>')
    assert _dated(body) == ("2024-03-02", "byline")


STALE = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour Bridge Reopens After '
         'Repairs", "datePublished": "2019-03-01T00:00:00+01:00"%s}</script>')


@pytest.mark.parametrize(("head", "comments"), [
    (STALE % ', "dateModified": "2024-03-02T11:00:00Z"', False),  # the markup's own modified date agrees
    (STALE % "", True),  # the readers commented two days after the printed date
])
def test_a_printed_date_that_another_of_the_page_s_dates_backs_wins_over_a_stale_markup_date(head, comments):
    html = page("Saturday 2 March 2024 · 10:05").replace("</title>", "</title>" + head)
    if not comments:
        html = html.split('<section id="comments">')[0] + "</main></body></html>"
    found, signals = published_of(Source(id="x", name="bridge.html", raw=html.encode(), kind="html"), clean_html(html))
    assert (found.value, found.source) == ("2024-03-02", "byline, against the html_meta date")
    assert [s.kind for s in signals] == ["date_conflict"] and "2019-03-01" in signals[0].evidence


def test_a_printed_date_nothing_else_backs_leaves_the_markup_date_standing():
    html = page("Saturday 2 March 2024 · 10:05").replace("</title>", "</title>" + STALE % "")
    html = html.split('<section id="comments">')[0] + "</main></body></html>"
    found, signals = published_of(Source(id="x", name="bridge.html", raw=html.encode(), kind="html"), clean_html(html))
    assert (found.value, signals) == ("2019-03-01", ())
