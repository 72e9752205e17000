"""The HTML cleaner, one behaviour per test, on fictional pages written for these tests."""

from __future__ import annotations

import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.clean import html as H
from wirewatch.clean.authors import plausible_author
from wirewatch.clean.html import clean_html, parse_html, visible_text
from wirewatch.clean.html_comments import comment_items
from wirewatch.ingest.decode import decode

PARAGRAPHS = [
    "The Northern River Authority has warned that melting snow could flood low-lying villages in three "
    "districts within weeks, and asked councils to prepare shelters.",
    "Chief engineer Marta Olsen said water levels at the Kessel gauge were already forty centimetres above "
    "the March average, the highest reading since records began in the region.",
    '"If the warm weather holds, the embankments near Brisk will be tested harder than in any year since '
    '2011," Olsen told reporters in the regional capital on Friday afternoon.',
    "The authority said it had moved pumps and sandbags to the districts of Brisk, Tolla and Marn and asked "
    "residents to keep their cellars empty until the end of the month.",
    "Local councils have opened two shelters in school buildings, according to a statement from the "
    "provincial government, which promised more funds for repairs.",
]
COMMENTS = [
    "The embankment at Tolla was never repaired after the last flood, everyone here knows it.",
    "Thank you for the warning, we moved our animals to higher ground yesterday evening.",
]
TITLE = "River Authority Warns Of Spring Floods"


def page(*, head: str = "", article_extra: str = "", comments: bool = True) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    items = "".join(
        f"""<li class="comment even depth-1" id="comment-{k}"><article id="div-comment-{k}" class="comment-body">
        <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Reader {k}</b>
        <span class="says">says:</span></div><div class="comment-metadata"><a href="#c{k}">
        <time datetime="2024-03-0{k + 2}T18:26:00+00:00">March {k + 2}, 2024 at 6:26 pm</time></a></div></footer>
        <div class="comment-content"><p>{text}</p></div><div class="reply"><a href="#">Reply</a></div>
        </article></li>"""
        for k, text in enumerate(COMMENTS, 1)
    )
    section = f"""<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on
        &ldquo;{TITLE}&rdquo;</h2><ol class="comment-list">{items}</ol>
        <div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><p>Your email address will not
        be published.</p><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form>
        </div></div>""" if comments else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <title>{TITLE} | Valdren Post</title>
    <meta property="og:title" content="{TITLE} | Valdren Post">
    <meta property="og:site_name" content="Valdren Post">
    <meta name="author" content="Anna Kerr">
    <meta property="article:published_time" content="2024-03-02T09:00:00+00:00">
    {head}</head><body>
    <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/donate">Donate</a></li></ul></nav></header>
    <main><article><h1>{TITLE}</h1><p class="byline">By <a rel="author" href="/a/kerr">Anna Kerr</a></p>
    {paras}{article_extra}
    <div class="share">Share this article</div></article>
    {section}</main>
    <aside><h3>Most read</h3><ul><li><a href="/x">Ferry fares rise again</a></li></ul></aside>
    <footer><p>Copyright 2024 Valdren Post. All rights reserved.</p></footer>
    <script>var tracking = "do not show";</script></body></html>"""


@pytest.fixture(scope="module")
def parts():
    return clean_html(page(), url="https://valdrenpost.example/2024/03/02/river-floods/")


def test_body_is_the_article_paragraphs(parts):
    assert list(parts.paragraphs) == PARAGRAPHS


def test_reader_comments_are_returned_apart(parts):
    assert [c.text for c in parts.comments] == COMMENTS


def test_each_comment_has_its_date(parts):
    assert [c.date for c in parts.comments] == ["2024-03-03", "2024-03-04"]


def test_comment_text_is_not_in_the_body(parts):
    body = "\n".join(parts.paragraphs)
    assert not any(c in body for c in COMMENTS)


@pytest.mark.parametrize("noise", ["Home", "Donate", "Most read", "Copyright", "Leave a Reply", "do not show"])
def test_page_furniture_is_not_in_the_body(parts, noise):
    assert noise not in "\n".join(parts.paragraphs)


def test_title_comes_without_the_site_name(parts):
    assert parts.title.value == TITLE


def test_author_comes_from_the_meta_tag(parts):
    assert (parts.author.value, parts.author.source) == ("Anna Kerr", "html_meta")


def test_publication_date_is_a_html_meta_candidate(parts):
    assert ("2024-03-02", "html_meta") in {(d.date, d.where) for d in parts.dates}


def test_comment_dates_are_comment_candidates(parts):
    assert {d.date for d in parts.dates if d.where == "comment"} == {"2024-03-03", "2024-03-04"}


def test_site_name_from_open_graph(parts):
    assert parts.site_name == "Valdren Post"


def test_dropped_menu_lines_are_listed_as_removed(parts):
    assert "Donate" in parts.removed


def test_outlet_named_as_author_gives_way_to_the_byline():
    html = page().replace('<meta name="author" content="Anna Kerr">', '<meta name="author" content="Valdren Post">')
    assert clean_html(html).author.value == "Anna Kerr"


def test_menu_word_is_never_the_author():
    html = page().replace('<meta name="author" content="Anna Kerr">', '<meta name="author" content="Home">')
    html = html.replace('<a rel="author" href="/a/kerr">Anna Kerr</a>', "<span>staff</span>")
    assert clean_html(html).author.value in (None, "Anna Kerr")


@pytest.mark.parametrize("raw, expected", [
    ("By Anna Kerr", "Anna Kerr"), ("Home", None), ("Share", None), ("https://example.org/kerr", None),
    ("March 2, 2024", None), ("anna", None), ("Posts by Anna Kerr and many more words in a long sentence here", None),
    ("ByAnna Kerr", "Anna Kerr"), ("Written by\n  Anna Kerr", "Anna Kerr"), ("By", None), ("The Author", None),
    ("Byron Kerr", "Byron Kerr"),
])
def test_plausible_author(raw, expected):
    assert plausible_author(raw) == expected


def test_legacy_encoding_declared_in_meta_is_decoded():
    words = "Речной надзор предупредил о паводке в трёх северных районах области в ближайшие недели."
    html = page().replace('<meta charset="utf-8">', '<meta charset="windows-1251">')
    html = html.replace(PARAGRAPHS[0], words)
    text = decode(html.encode("cp1251"), "page.html").text
    assert words in clean_html(text).paragraphs


def test_malformed_markup_still_gives_the_article():
    html = page().replace("</p>", "").replace("</article>", "").replace("</main>", "<div><span>")
    body = "\n".join(clean_html(html).paragraphs)
    assert all(p in body for p in PARAGRAPHS)


def test_xml_declaration_on_text_input_is_accepted():
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page()
    assert clean_html(html).paragraphs


def test_generic_comment_section_without_wordpress_markup_is_separated():
    section = "".join(f'<div class="cmt-box"><p class="who">Reader {k}</p><p>{c}</p></div>'
                      for k, c in enumerate(COMMENTS, 1))
    html = page(comments=False).replace("</main>", f'<div id="reader-comments">{section}</div></main>')
    parts = clean_html(html)
    assert all(any(c in x.text for x in parts.comments) for c in COMMENTS)
    assert not any(c in "\n".join(parts.paragraphs) for c in COMMENTS)



def test_a_definition_list_of_comments_beside_a_list_of_links_gives_each_comment_with_its_date():
    # Blogger's old layout: a <dt> header with the date over each <dd> comment, and a second list
    # (links to the post) beside the comment list in the same section
    stamps = ["3/22/2021 07:14:49 PM", "3/22/2021 09:02:10 PM", "3/23/2021 06:40:00 AM"]
    pairs = "".join(f'<dt class="comment-data">At <a href="#c{k}">{stamps[k]}</a>, Reader {k} said...</dt>'
                    f'<dd class="comment-body"><p>{c.replace(", ", ",<br>", 1)}</p></dd>' for k, c in enumerate(COMMENTS))
    section = (f'<div id="comments"><h4>{len(COMMENTS)} Comments:</h4><dl id="comments-block">{pairs}</dl>'
               '<dl id="backlinks"><dt>Links to this post:</dt><dd>Create a Link</dd></dl></div>')
    parts = clean_html(page(comments=False).replace("</main>", f"{section}</main>"))
    assert len(parts.comments) == len(COMMENTS)
    assert [c.date for c in parts.comments] == ["2021-03-22", "2021-03-22", "2021-03-23"][: len(COMMENTS)]
    # a line break in a comment stays one
    assert parts.comments[0].text.split("\n")[0] == COMMENTS[0].split(", ")[0] + ","

def test_an_article_inside_an_app_layouts_nav_element_is_still_found():
    # everything but a promotion line sits in one <nav>: dropping what trafilatura deletes anyway
    # first would leave it nothing to rescue the article from
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (f"<html><head><title>{TITLE}</title></head><body><p>Switch to Valdren Plus today.</p>"
            f'<nav class="app-layout__nav"><div class="content"><h1>{TITLE}</h1>{paras}</div></nav></body></html>')
    assert set(PARAGRAPHS) <= set(clean_html(html).paragraphs)


def test_menu_items_marked_depth_1_are_no_reader_comments():
    menu = "".join(f'<li class="menu-item menu-item--expanded depth-1"><a href="/{w}">{w} pages</a>'
                   f'<ul><li><a href="/{w}/a">Open submenu {w}</a></li></ul></li>' for w in ("Grants", "About", "News"))
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    parts = clean_html(f"<html><body><header><ul class='menu'>{menu}</ul></header><article><h1>{TITLE}</h1>"
                       f"{paras}</article></body></html>")
    assert parts.comments == ()
    assert set(PARAGRAPHS) <= set(parts.paragraphs)


def test_comments_in_highlighted_code_are_no_reader_comments():
    code = ('<pre><code class="language-bash"><span class="hljs-comment"># fetch the gauge readings</span>\n'
            'curl https://river.example/gauges\n<span class="hljs-comment"># keep the last week</span>\n'
            'tail -n 168 readings.csv</code></pre>')
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    parts = clean_html(f"<html><body><article><h1>{TITLE}</h1>{paras}{code}</article></body></html>")
    assert parts.comments == ()
    assert "# fetch the gauge readings" in "\n".join(parts.paragraphs)


def test_a_class_saying_the_post_takes_comments_marks_no_comment_section():
    # the whole post is marked "has-comments", each teaser of a related post "...-has-comments-enabled"
    teasers = "".join(f'<div class="summary-item summary-item-has-comments-enabled"><a href="/p{k}">Spring '
                      f'planting guide part {k}</a><time>Jun {k}, 2024</time></div>' for k in range(1, 4))
    blocks = "".join(f"<div class='sqs-block html-block'><p>{p}</p></div>" for p in PARAGRAPHS)
    tree = parse_html(f'<html><body><article class="BlogItem hentry has-comments"><h1>{TITLE}</h1>{blocks}'
                      f"</article><section class='related'>{teasers}</section></body></html>")
    assert comment_items(tree) == []



def test_an_article_paragraph_a_reader_quotes_stays_in_the_body(monkeypatch):
    quoting = (f"You wrote: {PARAGRAPHS[1]}</p><p>Forty centimetres is nothing, the gauge at Kessel was moved "
               "two years ago and nobody has checked it since. The real level is higher and the authority "
               "knows it, because the farmers in Tolla have been telling them every spring. Last year the "
               "water came over the road at the mill two weeks before the first warning, and the pumps they "
               "promised then arrived in June, when the fields were already lost.")
    monkeypatch.setattr(__name__ + ".COMMENTS", [quoting, COMMENTS[1]])
    parts = clean_html(page())
    assert PARAGRAPHS[1] in parts.paragraphs
    assert any("nobody has checked it" in c.text for c in parts.comments)


def test_a_page_laid_out_in_one_table_row_is_read_line_by_line():
    # trafilatura gives such a row as one line, article and thread together: the page's visible text
    # is cleaned instead
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 4)
    thread = "".join(f"<p>Posted by reader{k} at 10:{10 + k} PM</p><p>{c}</p>" for k, c in enumerate(COMMENTS * 3))
    html = (f"<html><head><title>{TITLE}</title></head><body><table><tr><td><a href='/'>Home</a><br>"
            f"<a href='/news'>News</a></td><td><h1>{TITLE}</h1>{paras}<h3>12 Comments</h3>{thread}</td></tr>"
            "</table></body></html>")
    parts = clean_html(html)
    body = "\n".join(parts.paragraphs)
    assert all(p in parts.paragraphs for p in PARAGRAPHS)
    assert not any(c in body for c in COMMENTS)
    assert {c.text for c in parts.comments} >= set(COMMENTS)

def test_a_long_thread_under_a_short_post_in_plain_markup_is_separated():
    # No comment markup: the thread is paragraphs signed "Posted by: name | date", and holds most
    # of the page's text, so only the article's prose before it tells where the article ends.
    thread = "".join(f"<p>{c} {c}</p><p>Posted by: Reader {k} | Mar {k}, 2024 1:{k:02d}:00 PM</p>"
                     for k, c in enumerate(COMMENTS * 8, 1))
    parts = clean_html(page(comments=False, article_extra=f"<h3>Comments</h3>{thread}"))
    assert not any(c in "\n".join(parts.paragraphs) for c in COMMENTS)
    assert all(p in parts.paragraphs for p in PARAGRAPHS)
    assert len(parts.comments) == 16


@pytest.mark.parametrize(("recall", "fast"), [(False, True), (False, False), (True, True)])
def test_extraction_gives_the_text_of_trafilaturas_own_entry_point(recall, fast):
    # clean_html runs trafilatura's extraction sequence itself, without the copy of the tree that
    # bare_extraction makes: a trafilatura release that changes that sequence shows up here.
    doc = trafilatura.bare_extraction(parse_html(page()), include_comments=False, with_metadata=False,
                                      favor_recall=recall, fast=fast)
    assert H._extract(parse_html(page()), None, recall=recall, fast=fast)[0] == doc.text


def test_headline_repeated_at_the_top_of_the_text_is_dropped(parts):
    assert parts.paragraphs[0] != TITLE


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<html><body></body></html>", "<p>", "\x00\x01"])
def test_empty_or_broken_input_gives_no_paragraphs_and_no_crash(html):
    assert clean_html(html).paragraphs == ()


def test_visible_text_puts_blocks_and_breaks_on_lines():
    tree = parse_html("<html><body><div>Menu</div><p>Some text\n  wrapped <b>here</b><br>after</p>"
                      "<script>x()</script><p hidden>secret</p><p>next</p></body></html>")
    assert visible_text(tree) == "Menu\n\nSome text wrapped here\nafter\n\nnext\n"



def _streamed_page(*, scripts: bool, markers: bool) -> str:
    """A page as React's streaming server rendering sends it: the article's paragraphs come last,
    each in a hidden part, after placeholders with a loading fallback where they belong."""
    holders = "".join(
        ("<!--$?-->" if markers else "") + f'<template id="B:{k}"></template><div>Loading paragraph...</div>'
        + ("<!--/$-->" if markers else "") for k in range(3)
    )
    moves = "".join(f'<script>$RC("B:{k}","S:{k}")</script>' for k in range(3)) if scripts else ""
    parts = "".join(f'<div hidden id="S:{k}"><p>{PARAGRAPHS[k]}</p></div>' for k in range(3))
    return (f"<html><body><nav>Home</nav><article><h1>{TITLE}</h1>{holders}<p>{PARAGRAPHS[3]}</p></article>"
            f"<footer>Copyright 2024 Valdren Post</footer>{parts}{moves}</body></html>")


@pytest.mark.parametrize("scripts", [True, False])
def test_parts_streamed_late_show_in_the_visible_text_where_a_browser_puts_them(scripts):
    text = visible_text(parse_html(_streamed_page(scripts=scripts, markers=True)))
    lines = [ln for ln in text.split("\n") if ln]
    assert lines == ["Home", TITLE, *PARAGRAPHS[:4], "Copyright 2024 Valdren Post"]


def test_a_streamed_parts_loading_fallback_stays_where_the_page_lost_its_markers():
    # without the comment markers the fallback's end is unknown: it is left, not guessed
    text = visible_text(parse_html(_streamed_page(scripts=False, markers=False)))
    assert text.count("Loading paragraph...") == 3
    assert text.index(PARAGRAPHS[0]) < text.index(PARAGRAPHS[3])


def test_a_part_paired_by_the_pages_script_goes_to_its_own_placeholder():
    html = ('<html><body><div><template id="B:0"></template></div><div><template id="B:1"></template></div>'
            f'<div hidden id="S:1"><p>{PARAGRAPHS[0]}</p></div><div hidden id="S:0"><p>{PARAGRAPHS[1]}</p></div>'
            '<script>$RC("B:0","S:1");$RC("B:1","S:0")</script></body></html>')
    text = visible_text(parse_html(html))
    assert text.index(PARAGRAPHS[0]) < text.index(PARAGRAPHS[1])


def test_a_part_streamed_inside_another_part_shows_in_it_once():
    html = ('<html><body><p>Intro.</p><div><template id="B:0"></template></div><p>Outro.</p>'
            '<div hidden id="S:0"><p>First part.</p><div><template id="B:1"></template></div></div>'
            '<div hidden id="S:1"><p>Second part.</p></div></body></html>')
    lines = [ln for ln in visible_text(parse_html(html)).split("\n") if ln]
    assert lines == ["Intro.", "First part.", "Second part.", "Outro."]


def test_parts_whose_placeholders_stand_in_each_other_stay_hidden():
    html = ('<html><body><p>Intro.</p><div hidden id="S:0"><p>First part.</p><template id="B:1"></template></div>'
            '<div hidden id="S:1"><p>Second part.</p><template id="B:0"></template></div></body></html>')
    assert visible_text(parse_html(html)) == "Intro.\n"


def test_the_body_of_a_page_streamed_in_parts_is_in_reading_order():
    parts = clean_html(_streamed_page(scripts=False, markers=True))
    assert parts.paragraphs == tuple(PARAGRAPHS[:4])


def test_the_tree_handed_to_trafilatura_keeps_streamed_parts_as_served():
    tree = parse_html(_streamed_page(scripts=True, markers=True))
    assert len(tree.xpath("//div[@hidden]")) == 3
    assert not any("Loading" in (el.text or "") for el in tree.iter("div"))


# --- properties -----------------------------------------------------------------------------

_tags = st.sampled_from(["p", "div", "li", "span", "h2", "section", "article", "b", "a"])
_texts = st.sampled_from(PARAGRAPHS + ["Home", "Share", "Advertisement", "", "<", "&amp;", "\u00e9t\u00e9"])
_fragment = st.lists(st.tuples(_tags, _texts), max_size=30).map(
    lambda xs: "".join(f"<{t}>{x}</{t}>" if k % 3 else f"<{t}>{x}" for k, (t, x) in enumerate(xs))
)


@settings(max_examples=40, deadline=None)
@given(_fragment)
def test_never_crashes_on_broken_html(fragment):
    parts = clean_html(f"<html><body>{fragment}</body></html>")
    assert isinstance(parts.paragraphs, tuple)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=5, unique=True))
def test_comment_text_never_reaches_the_body(article):
    html = page().replace("\n".join(f"<p>{p}</p>" for p in PARAGRAPHS), "".join(f"<p>{p}</p>" for p in article))
    body = "\n".join(clean_html(html).paragraphs)
    assert not any(c in body for c in COMMENTS)


def test_a_headline_repeated_below_a_section_label_and_a_date_line_takes_them_out_of_the_body():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Valdren Post</title>
    </head><body><nav><a href="/">Home</a></nav><div class="story">
    <p>Saturday, March 2, 2024 - Page updated at 12:00 AM</p><p>Regional Digest</p><p>{TITLE}</p>
    {paras}</div><footer><p>Copyright 2024 Valdren Post.</p></footer></body></html>"""
    parts = clean_html(html, url="https://valdrenpost.example/digest/river-floods.html")
    assert parts.paragraphs[0] == PARAGRAPHS[0]
    assert {"Regional Digest", TITLE} <= set(parts.removed)
    assert ("2024-03-02", "page_header") in {(d.date, d.where) for d in parts.dates}


def test_a_trail_of_sections_ending_in_the_headline_leaves_the_body():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Valdren Post</title>
    </head><body><div class="story"><ul><li>News</li><li>Region</li><li>{TITLE}</li></ul>{paras}</div></body></html>"""
    parts = clean_html(html, url="https://valdrenpost.example/region/river-floods.html")
    assert parts.paragraphs == tuple(PARAGRAPHS)


def test_a_section_name_is_no_headline_and_the_line_opening_the_article_is_taken_instead():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>
    <div class="section"><h1>Latest News</h1></div><div class="story"><p><b>{TITLE}</b></p>
    <p>Filed Under: Regions</p>{paras}</div></body></html>"""
    parts = clean_html(html, url="https://valdrenpost.example/latest/4411.html")
    assert (parts.title.value, parts.title.source) == (TITLE, "first_line")
    assert TITLE not in parts.paragraphs


def test_a_date_printed_beside_the_headline_dates_a_page_without_date_markup():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
    <div class="top"><span>Today: June 17, 2033</span></div><main><h1>{TITLE}</h1>
    <div class="meta"><span>By Anna Kerr</span> <span>Published on March 4, 2024</span></div>{paras}</main></body></html>"""
    parts = clean_html(html, url="https://valdrenpost.example/river-floods")
    assert ("2024-03-04", "byline") in {(d.date, d.where) for d in parts.dates}


@pytest.mark.parametrize(
    ("head", "h1", "expected"),
    [
        # a site logo in the only h1: the page title's headline
        (f"<title>{TITLE} - Valdren Post</title>", "www.valdrenpost.example", TITLE),
        (f"<title>{TITLE} - Valdren Post</title>", "Opinion", TITLE),
        # a title over several lines: its longest line
        (f"<title>VP - Valdren Post\n  {TITLE}\n</title>", "", TITLE),
    ],
)
def test_the_headline_is_not_a_sites_name_a_section_or_several_lines(head, h1, expected):
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>
    <div class="logo"><h1>{h1}</h1></div><div class="story">{paras}</div></body></html>"""
    assert clean_html(html).title.value == expected


def test_script_text_an_unclosed_title_swallowed_is_no_headline():
    html = """<html><head><title>Floods (Valdren Post)ntById("font");
    obj.style.fontSize = size+"pt";}</title></head><body><p>x</p></body></html>"""
    assert clean_html(html).title.value is None


def test_a_byline_and_a_date_stamp_among_the_articles_lines_leave_the_body():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title>
    <meta name="byl" content="By ANNA KERR;TOMAS BRELL"></head><body><div class="story">
    <p>{PARAGRAPHS[0]}</p><p>By ANNA KERR and TOMAS BRELL</p><p>Published: March 2, 2024</p>{paras}</div></body></html>"""
    parts = clean_html(html)
    assert "By ANNA KERR and TOMAS BRELL" in parts.removed and "Published: March 2, 2024" in parts.removed
    assert ("2024-03-02", "page_header") in {(d.date, d.where) for d in parts.dates}
    assert plausible_author("ANNA KERR;TOMAS BRELL") == "ANNA KERR, TOMAS BRELL"


def test_a_correction_notice_and_what_follows_it_leave_the_body():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    note = "An article on Monday misstated the height of the embankment at Tolla; it is four metres."
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
    <div class="story">{paras}<p>Correction: </p><p>{note}</p></div></body></html>"""
    parts = clean_html(html)
    assert parts.paragraphs[-1] == PARAGRAPHS[-1] and note in parts.removed


def test_an_editors_note_with_the_article_going_on_under_it_stays():
    note = "[EDITOR'S NOTE: Click the map below to see every gauge on the river.]"
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[:4] + [note] + PARAGRAPHS[4:] + COMMENTS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
    <div class="story">{paras}</div></body></html>"""
    assert PARAGRAPHS[-1] in clean_html(html).paragraphs


def test_an_editors_note_at_the_top_keeps_the_article():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
    <div class="story"><p>{PARAGRAPHS[0]}</p><p>Editor's note: this report was first published in March.</p>
    {paras}</div></body></html>"""
    assert clean_html(html).paragraphs[-1] == PARAGRAPHS[-1]


def test_the_comment_forms_login_boxes_marked_up_as_items_are_no_comments():
    html = page().replace(
        '</ol>',
        '<li class="comment"><p>Fill in your details below or click an icon to log in:</p>'
        '<p>You are commenting using your WordPress.com account.</p></li></ol>',
    )
    parts = clean_html(html, url="https://valdrenpost.example/2024/03/02/river-floods/")
    assert [c.text for c in parts.comments] == COMMENTS


@pytest.mark.parametrize(
    ("value", "author"),
    [
        ("przez Łukasz Brzeziński", "Łukasz Brzeziński"),
        ("Jan Fleischhauer, deutscher Journalist, Kolumnist und Autor", "Jan Fleischhauer"),
        ("Daniel Burstein, Senior Director, Content & Marketing", "Daniel Burstein"),
        ("Daniel Czyżewski DOTYCZY: gazociąg Jamalski", "Daniel Czyżewski"),
        ("This post was written by Danielle Padula", "Danielle Padula"),
        ("Sarah Hinger, Sylvia Torres-Guillén", "Sarah Hinger, Sylvia Torres-Guillén"),
        ("Anonymous", "Anonymous"),
        ("Źródło: Statista.com", None),
        ("Eingestellt von Unknown", None),
        ("content: Valdren Post, design: Anna Kerr, code: Tomas Brell", None),
    ],
)
def test_an_author_is_a_name_without_its_prefix_role_or_labels(value, author):
    assert plausible_author(value) == author


def _without_meta_author(html: str) -> str:
    return html.replace('<meta name="author" content="Anna Kerr">', "")


@pytest.mark.parametrize(
    "byline",
    [
        # name and date in elements of their own, glued together by text_content()
        '<div class="author-box"><a href="/a/kerr">Anna Kerr</a><span>March 2, 2024</span></div>',
        # name over a date, a line apart
        '<p class="author">Anna Kerr<br>2 March 2024</p>',
        '<p class="byline">Text by Anna Kerr</p>',
    ],
)
def test_an_author_box_is_read_piece_by_piece_where_its_whole_is_no_name(byline):
    html = _without_meta_author(page()).replace(
        '<p class="byline">By <a rel="author" href="/a/kerr">Anna Kerr</a></p>', byline)
    assert clean_html(html).author.value == "Anna Kerr"


def test_a_user_name_in_a_meta_tag_is_the_author_even_in_lower_case():
    html = page().replace('<meta name="author" content="Anna Kerr">', '<meta name="sailthru.author" content="annakerr">')
    html = html.replace('<p class="byline">By <a rel="author" href="/a/kerr">Anna Kerr</a></p>', "")
    assert clean_html(html).author.value == "annakerr"


def test_the_headline_is_the_part_of_the_title_the_page_prints():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
    <title>Valdren Post | {TITLE}</title></head><body>
    <div class="logo">Valdren Post</div><div class="story"><b>{TITLE}</b>{paras}</div></body></html>"""
    assert clean_html(html).title.value == TITLE


def test_a_title_naming_only_the_site_gives_way_to_the_headline_over_the_byline():
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Valdren Post</title></head>
    <body><div class="nav"><span>Home</span> <span>Regions</span></div>
    <table><tr><td><font size="4">{TITLE}</font><br>By ANNA KERR<br>Valdren Post Staff Writer<br>
    March 4, 2034</td></tr></table><div class="story">{paras}</div></body></html>"""
    parts = clean_html(html)
    assert (parts.title.value, parts.title.source) == (TITLE, "text over the article")


def test_a_headline_closing_with_who_says_it_keeps_that_part_where_the_page_prints_it():
    headline = "Water cannon fired at supply boat near the shoal - coast guard"
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (f"<html><head><title>Valdren Wire - {headline}</title>"
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'
            f"</head><body><article><h1>{headline}</h1>{paras}</article></body></html>")
    assert clean_html(html).title.value == headline


def test_a_logo_in_an_h1_that_names_the_site_is_not_the_headline():
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = ('<html><head><title>Valdren Ledger</title><meta property="og:site_name" content="Valdren Ledger">'
            '</head><body><header><h1 class="masthead__logo"><a href="/">Valdren Ledger</a></h1></header>'
            f'<main><div class="title">{TITLE}</div><p class="byline">By Anna Kerr</p>{paras}</main></body></html>')
    assert clean_html(html).title.value == TITLE


def test_a_read_also_link_set_in_the_article_is_not_article_text():
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
    aside = "<p><b>READ ALSO:</b> Brisk farmers protest delayed payments for flooded fields</p>"
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[3:])
    html = f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{paras}{aside}{rest}</article></body></html>"
    body = "\n".join(clean_html(html).paragraphs)
    assert "Brisk farmers protest" not in body and PARAGRAPHS[4] in body


def test_a_page_laid_out_in_tables_keeps_its_own_lines():
    # the old sites' one big table: top bar with today's date, menu, the article column, footer. The
    # article column is one table cell: it comes out as the page's paragraphs, not as one row of text
    # holding headline, menus and article together.
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<html><head><title>The Olden Courier :: News</title></head><body>
    <table width="980"><tr><td colspan="2"><font size="1">Monday, March 6, 2034 | <a href="/e">E-Paper</a> |
    <a href="/ads">Advertise with us</a> | <a href="/c">Contact</a></font></td></tr>
    <tr><td colspan="2"><b><a href="/">HOME</a> | <a href="/n">NEWS</a> | <a href="/r">REGIONS</a> |
    <a href="/s">SPORTS</a></b></td></tr>
    <tr><td width="680"><p class="crumbs"><a href="/">Home</a> &gt; <a href="/n">News</a></p>
    <div class="title"><font size="5"><b>{TITLE}</b></font></div>
    <p class="meta">By <b>ANNA KERR</b>, Courier Correspondent<br>Posted: 05/03/2034 06:10</p>{paras}</td>
    <td width="300"><table><tr><td><b>MOST READ</b></td></tr><tr><td><ol><li><a href="/1">Ferry fares rise</a></li>
    <li><a href="/2">Harbour road closed</a></li></ol></td></tr></table></td></tr><tr><td colspan="2">&copy; 2034 Olden Courier Ltd. All Rights Reserved.</td></tr>
    </table></body></html>"""
    parts = clean_html(html)
    assert (parts.title.value, parts.title.source) == (TITLE, "text over the article")
    assert list(parts.paragraphs) == PARAGRAPHS


def test_a_page_in_another_language_gets_its_headline_and_its_day_first_date():
    # Spanish, laid out in a table, its <title> the site's name, a deck that reads as a sentence
    # between the headline and the byline, the date written day first
    headline = "El río Tolla se desborda y aísla a tres aldeas del valle"
    paras = [
        "Las lluvias de los últimos cuatro días hicieron que el río Tolla se desbordara el lunes por la noche, "
        "según informó la autoridad fluvial, que pidió a los vecinos que no usen la carretera del valle.",
        "El ingeniero jefe, Marta Olsen, dijo que el nivel del agua en el puente de Kessel superaba en cuarenta "
        "centímetros el máximo registrado y que los equipos de rescate ya estaban en la zona.",
        "Los alcaldes de las tres aldeas pidieron ayuda al gobierno regional para reparar el dique, que no se "
        "había reforzado desde la última inundación.",
    ]
    html = f"""<html><head><meta charset="utf-8"><title>Diario del Valle</title></head><body>
    <table><tr><td>PORTADA | NACIONAL | INTERNACIONAL | DEPORTES</td></tr>
    <tr><td><p>Portada &gt; Nacional</p><div class="titulo"><b>{headline}</b></div>
    <p class="entradilla"><i>Los vecinos de Brisk, Olden y Tarvik llevan dos días sin acceso por carretera.</i></p>
    <p class="meta">Por <b>Redacción</b><br>Publicado el 12/03/2034 - 07:30</p>
    {"".join(f"<p>{p}</p>" for p in paras)}</td></tr></table></body></html>"""
    parts = clean_html(html)
    assert (parts.title.value, parts.title.source) == (headline, "text over the article")
    assert [(d.date, d.where) for d in parts.dates] == [("2034-03-12", "byline")]
    assert all(p in parts.paragraphs for p in paras) and headline not in parts.paragraphs


def test_a_menus_last_item_over_the_byline_does_not_replace_the_titles_headline():
    # the page prints no headline: its <title> holds it, and the line over the byline is the menu's end
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (f"<html><head><title>{TITLE} | Valdren Insider</title></head><body><header><p>Valdren Insider</p>"
            "<nav><ul><li><a href='/news'>News</a></li><li><a href='/food'>Food &amp; drink</a></li>"
            "<li><a href='/events'>What's on</a></li></ul></nav></header><main><article>"
            "<div class='meta'>News \u00b7 Published 12 February 2034 \u00b7 by Anna Kerr</div>"
            f"{paras}</article></main></body></html>")
    assert clean_html(html).title.value == TITLE


def _teaser_page(article_body: str) -> str:
    import json

    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Dam breach floods Tarvik valley",
                     "articleBody": article_body})
    return (
        "<html><head><title>Dam breach floods Tarvik valley | Valley Wire</title>"
        f'<script type="application/ld+json">{ld}</script></head><body>'
        "<div id='__next'><div class='shell'><header><a href='/'>Valley Wire</a><nav><a href='/news'>News</a><a href='/region'>Region</a></nav></header>"
        "<main><p class='section'>Region</p><h1>Dam breach floods Tarvik valley</h1>"
        "<p class='byline'>Ana Ruiz &middot; 15 Nov 2023</p>"
        "<div class='hero'><img src='/img/dam.jpg' alt='The breached dam'><span>Photo: Valley Wire</span></div>"
        "<p class='teaser'>Three villages flooded in the Tarvik valley. Rescuers reached the town of Olden "
        "overnight and moved hundreds of people to schools. The regional emergency office has opened a hotline "
        "for relatives.</p>"
        "<div class='app-gate'><p>Continue reading this story in the Valley Wire app. It's free.</p>"
        "<a href='https://app.valleywire.example/open'>Open in app</a> <a href='/login'>Already a member? Log in</a>"
        "</div><div class='loading' aria-busy='true'></div></main><footer>&copy; 2023 Valley Wire</footer></div></div>"
        "<script id='__NEXT_DATA__' type='application/json'>{\"props\":{\"gated\":true}}</script></body></html>"
    )


FULL_STORY = "\n".join(
    f"Paragraph {k}: the regional emergency office said rescuers had reached the flooded villages of the Tarvik "
    f"valley on Tuesday and that {k * 40} people had been moved to schools in the town of Olden overnight."
    for k in range(1, 9)
)


def test_a_teaser_gives_way_to_the_whole_article_its_json_ld_carries():
    parts = clean_html(_teaser_page(FULL_STORY))
    body = "\n\n".join(parts.paragraphs)
    assert "Paragraph 8:" in body and "320 people" in body
    assert "Continue reading" not in body


def test_a_page_showing_its_article_keeps_its_own_text():
    shown = "<p>" + "</p><p>".join(FULL_STORY.split("\n")) + "</p>"
    page = _teaser_page("A short summary of the flood.").replace(
        "<p>Continue reading this story in the Valley Wire app. It's free.</p>", shown)
    assert "Paragraph 8:" in page
    parts = clean_html(page)
    assert any("Paragraph 8:" in p for p in parts.paragraphs)
    assert all("short summary" not in p for p in parts.paragraphs)
