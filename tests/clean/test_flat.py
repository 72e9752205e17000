"""The flattened-text cleaner, one behaviour per test, on fictional pages written for these tests.

The pages carry the noise scraped news pages carry (see the seed pages): a date widget, menus, a
donation widget, the headline printed twice, an outlet box, an image caption glued onto the first
paragraph, ads, numbered and dated reader comments, a comment form with captcha messages.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.clean.flat import clean_flat
from wirewatch.clean.line_model import LineModel

URL = "https://valdrenpost.example/river-authority-warns-of-spring-floods-in-three-northern-districts/"
TITLE = "River Authority Warns Of Spring Floods In Three Northern Districts"

PARAGRAPHS = [
    "The Northern River Authority has warned that melting snow could flood low-lying villages in three "
    "districts within weeks.",
    "Chief engineer Marta Olsen said water levels at the Kessel gauge were already forty centimetres above "
    "the March average.",
    '"If the warm weather holds, the embankments near Brisk will be tested harder than in any year since '
    '2011," Olsen told reporters in the regional capital.',
    "The authority said it had moved pumps and sandbags to the districts of Brisk, Tolla and Marn and asked "
    "residents to keep their cellars empty.",
    "Local councils have opened two shelters in school buildings, according to a statement from the "
    "provincial government.",
]
COMMENTS = [
    "The embankment at Tolla was never repaired after the last flood, everyone here knows it.",
    "Thank you for the warning, we moved our animals to higher ground yesterday.",
]

PAGE = f"""Saturday, March 2, 2024

Home
World
Politics
Donate

0 $
1,000 $
2,500 $

{TITLE}

{TITLE}

Valdren Post
Valdren Post
Valdren Post is an independent newsroom covering the northern provinces since 2009.

river{PARAGRAPHS[0]}

{PARAGRAPHS[1]}

{PARAGRAPHS[2]}

- Advertisement -

{PARAGRAPHS[3]}

{PARAGRAPHS[4]}

Do you like this content? Consider helping us!

More articles

  1. {COMMENTS[0]}
    March 3, 2024

  2. {COMMENTS[1]}
    March 4, 2024

Please enter your comment!
Please enter your name here
Captcha verification failed!
CAPTCHA user score failed. Please contact us!

Copyright 2024 Valdren Post
"""


def body_of(page: str = PAGE, url: str | None = URL) -> str:
    return "\n\n".join(clean_flat(page, url=url).paragraphs)


@pytest.fixture(scope="module")
def parts():
    return clean_flat(PAGE, url=URL)


def test_headline_printed_twice_is_the_title(parts):
    assert parts.title.value == TITLE


def test_headline_is_not_repeated_in_the_body(parts):
    assert TITLE not in "\n".join(parts.paragraphs)


def test_body_starts_at_the_first_paragraph_without_the_glued_caption(parts):
    assert parts.paragraphs[0] == PARAGRAPHS[0]


def test_body_ends_at_the_last_paragraph(parts):
    assert parts.paragraphs[-1] == PARAGRAPHS[-1]


def test_body_is_the_article_paragraphs_in_order(parts):
    assert list(parts.paragraphs) == PARAGRAPHS


@pytest.mark.parametrize(
    "noise",
    ["2,500 $", "Consider helping us", "Advertisement", "More articles", "Home", "Donate", "independent newsroom",
     "Captcha", "Please enter your", "Copyright"],
)
def test_page_furniture_is_not_in_the_body(noise):
    assert noise not in body_of()


def test_numbered_comments_are_separated_with_their_dates(parts):
    assert [c.text.split("\n")[0] for c in parts.comments] == COMMENTS
    assert [c.date for c in parts.comments] == ["2024-03-03", "2024-03-04"]


def test_comment_form_and_captcha_are_not_comments(parts):
    assert not any("aptcha" in c.text or "Please enter" in c.text for c in parts.comments)


def test_date_above_the_headline_is_a_page_header_date(parts):
    assert ("2024-03-02", "page_header") in {(d.date, d.where) for d in parts.dates}


def test_comment_dates_are_reported_as_comment_dates(parts):
    assert {d.date for d in parts.dates if d.where == "comment"} == {"2024-03-03", "2024-03-04"}


def test_dropped_lines_are_listed_as_removed(parts):
    assert "- Advertisement -" in parts.removed


def test_outlet_box_gives_the_site_name(parts):
    assert parts.site_name == "Valdren Post"


def test_byline_gives_the_author():
    page = PAGE.replace("river" + PARAGRAPHS[0], "By Anna Kerr\n\n" + PARAGRAPHS[0])
    assert clean_flat(page, url=URL).author.value == "Anna Kerr"


def test_wordpress_comments_after_a_count_header_are_separated():
    page = "\n\n".join([TITLE, *PARAGRAPHS, "2 thoughts on \u201cRiver Authority Warns\u201d",
                        "Jonas says:", "March 3, 2024 at 6:26 pm", COMMENTS[0], "Reply",
                        "Ilse says:", "March 4, 2024 at 8:02 am", COMMENTS[1], "Reply",
                        "Leave a Reply", "Your email address will not be published."])
    parts = clean_flat(page, url=URL)
    assert len(parts.comments) == 2
    assert not any(c in "\n".join(parts.paragraphs) for c in COMMENTS)


def test_comment_count_beside_the_byline_does_not_swallow_the_article():
    # Regression: "6 Comments" printed under the headline was taken for the comment section's
    # header, and the whole article for comments.
    page = "\n\n".join([TITLE, "by Anna Kerr", "6 Comments", *PARAGRAPHS, "Leave a Reply",
                        "Your email address will not be published."])
    assert list(clean_flat(page, url=URL).paragraphs) == PARAGRAPHS


def test_comment_count_above_an_article_with_a_timestamp_does_not_swallow_it():
    # Regression (WCXB dev flattened): under "2 Comments", one "Updated 10:45 am" line made the
    # whole article look like a comment section; comments carry a marker every few lines.
    page = "\n\n".join([TITLE, "2 Comments", "Updated 10:45 am", *PARAGRAPHS, *PARAGRAPHS[::-1]])
    parts = clean_flat(page, url=URL)
    assert not parts.comments
    assert set(PARAGRAPHS) <= set(parts.paragraphs)


def _thread(*item: str) -> list[str]:
    """A reader thread of four comments, each item's lines made from templates with {k} (the
    item's number) and {c} (its text)."""
    return [line.format(k=k, c=c) for k, c in enumerate(COMMENTS * 2) for line in item]


def test_comments_under_a_long_counted_header_with_signatures_after_the_text():
    # "59 Comments on “<headline>”" runs longer than a plain header; each comment's text comes
    # before its author and time.
    page = "\n\n".join([TITLE, *PARAGRAPHS, "Share:", f"2 Comments on \u201c{TITLE}: what the gauges at Brisk show\u201d",
                        COMMENTS[0], "Jonas Ek", "March 3, 2024, 9:46 pm",
                        COMMENTS[1], "Ilse", "March 4, 2024, 8:02 am", "Subscribe to the Post"])
    parts = clean_flat(page, url=URL)
    assert list(parts.paragraphs) == PARAGRAPHS
    assert len(parts.comments) == 2


def test_a_forum_thread_under_a_count_in_a_longer_line_is_separated():
    # A count inside a toolbar line heads the thread; titles, "by user (number)" signatures and
    # "Reply to This" links make its items.
    thread = _thread("Re: the gauges (Score:{k})", "by reader{k} (100{k})", "{c}", "Reply to This Share",
                     "Flag as Inappropriate")
    page = "\n\n".join([TITLE, *PARAGRAPHS, "Search 4 Comments Log In/Create an Account", "Comments Filter:",
                        "All", "Insightful", *thread])
    parts = clean_flat(page, url=URL)
    assert not any(c in "\n".join(parts.paragraphs) for c in COMMENTS)
    assert list(parts.paragraphs) == PARAGRAPHS


@pytest.mark.parametrize("count", ["Read Comments (3)", "August 6, 2012 by Anna Kerr 3 Comments", "View Comments (0)"])
def test_a_count_of_comments_above_the_article_never_takes_it(count):
    page = "\n\n".join([TITLE, count, *PARAGRAPHS, "2:18pm Tuesday 5th March 2024", *PARAGRAPHS[::-1]])
    parts = clean_flat(page, url=URL)
    assert not parts.comments
    assert set(PARAGRAPHS) <= set(parts.paragraphs)


def test_teaser_counts_in_a_list_head_no_comment_section():
    teasers = []
    for k, title in enumerate(["Ferry timetable changes", "Snow melt in the hills", "Cattle moved to safety"]):
        teasers += [title, f"by Reader{k} {k + 2} days ago", f"{10 * k + 5} comments"]
    page = "\n\n".join([TITLE, *PARAGRAPHS, "Comments", *[f"{k}. {c}\nMarch {k}, 2024" for k, c in enumerate(COMMENTS, 1)],
                        "Popular in the forum", *teasers])
    parts = clean_flat(page, url=URL)
    assert list(parts.paragraphs) == PARAGRAPHS
    assert [c.text.split("\n")[0] for c in parts.comments] == COMMENTS


def test_headerless_comments_signed_posted_by_are_separated():
    thread = _thread("Posted by: Reader {k}, Brisk on {k}:15pm Tue 5 Mar 24", "{c}", "Quote | Report this post")
    page = "\n\n".join([TITLE, *PARAGRAPHS, "Add Comment", *thread, "Terms & Conditions"])
    parts = clean_flat(page, url=URL)
    assert list(parts.paragraphs) == PARAGRAPHS
    assert {c.text for c in parts.comments} == set(COMMENTS)


def test_undated_name_said_items_after_a_posted_by_byline_are_separated():
    thread = _thread("Reader{k} said,", "{c}")
    page = "\n\n".join([TITLE, "Published on March 5th, 2024", "Posted by Anna Kerr in Rivers, Weather", *PARAGRAPHS,
                        "Tweet", *thread, "Leave a Reply", "Name (required)", "Archives", "July 2024"])
    parts = clean_flat(page, url=URL)
    assert list(parts.paragraphs) == PARAGRAPHS
    assert {c.text for c in parts.comments} == set(COMMENTS)


@pytest.mark.parametrize("name_first", [True, False])
def test_comments_marked_only_by_their_authors_names_are_separated(name_first):
    names = ["Gibbo", "Chris Pearson", "Frances M., Marn", "Jonas Ek"]
    items = [[n, c] if name_first else [c, n] for n, c in zip(names, COMMENTS * 2, strict=True)]
    page = "\n\n".join([TITLE, *PARAGRAPHS, "{ 4 comments }", *[x for item in items for x in item]])
    parts = clean_flat(page, url=URL)
    assert list(parts.paragraphs) == PARAGRAPHS
    assert [c.text for c in parts.comments] == COMMENTS * 2


def test_an_article_with_subheadings_under_a_comment_count_is_kept():
    body = [PARAGRAPHS[0], "Rising water", *PARAGRAPHS[1:3], "Shelters", *PARAGRAPHS[3:], "Next steps", PARAGRAPHS[0]]
    page = "\n\n".join([TITLE, "by Anna Kerr", "6 Comments", *body])
    parts = clean_flat(page, url=URL)
    assert not parts.comments
    assert set(PARAGRAPHS) <= set(parts.paragraphs)


def test_a_form_prompt_under_every_comment_does_not_end_the_section():
    thread = _thread("Tue, 05/03/2024 - 1{k}:32 | 26917{k} Reader Number{k}", "{c}", "Login or register to post comments")
    page = "\n\n".join([TITLE, *PARAGRAPHS, "4 comments", *thread, "Archives"])
    parts = clean_flat(page, url=URL)
    assert list(parts.paragraphs) == PARAGRAPHS
    assert [c.text.split("\n")[0] for c in parts.comments] == COMMENTS * 2


def test_a_count_of_comments_to_the_headline_with_a_reply_link_under_it_heads_the_section():
    thread = _thread("Reader {k}", "March 1{k}, 2024 at 11:0{k} pm", "{c}")
    page = "\n\n".join([TITLE, *PARAGRAPHS, f"4 comments to \u201c{TITLE}\u201d", "Leave a Reply", *thread])
    parts = clean_flat(page, url=URL)
    assert list(parts.paragraphs) == PARAGRAPHS
    assert [c.text for c in parts.comments] == COMMENTS * 2
    assert parts.comments[0].date == "2024-03-10"


def test_headerless_comments_signed_by_name_at_a_time_are_separated_but_teaser_bylines_are_not():
    thread = _thread("BY READER{k} AT 03/05/24 05:3{k} PM", "{c}")
    teasers = []
    for k in range(3):
        teasers += [f"Ferry news {k}", f"By Anna Kerr{k}", f"March {k + 1}, 2024"]
    page = "\n\n".join([TITLE, *PARAGRAPHS, "Subscribe", *thread, "Related", *teasers])
    parts = clean_flat(page, url=URL)
    assert list(parts.paragraphs) == PARAGRAPHS
    assert [c.text.split("\n")[0] for c in parts.comments][:4] == COMMENTS * 2
    no_thread = clean_flat("\n\n".join([TITLE, *PARAGRAPHS, "Related", *teasers]), url=URL)
    assert not no_thread.comments


def test_a_notice_about_the_comments_before_the_first_item_does_not_shift_their_dates():
    thread = _thread("Reader {k}", "March 1{k}, 2024 at 9:0{k} pm", "{c}")
    page = "\n\n".join([TITLE, *PARAGRAPHS, "4 Comments", "Select how to display the comments and save", *thread])
    parts = clean_flat(page, url=URL)
    assert [(c.text, c.date) for c in parts.comments] == [
        (c, f"2024-03-1{k}") for k, c in enumerate(COMMENTS * 2)
    ]


def test_a_front_page_of_posts_signed_posted_by_is_no_comment_section():
    posts = []
    for k in range(3):
        posts += [f"Posted by Anna Kerr on March {k + 3}, 2024 at 9:{k}0 am", *PARAGRAPHS, PARAGRAPHS[k]]
    parts = clean_flat("\n\n".join(posts))
    assert not parts.comments
    assert parts.paragraphs


def test_a_menu_inside_the_article_run_is_dropped():
    menu = ["Weather", "Rivers", "Roads", "Schools", "Sport", "Culture", "Opinion", "Jobs"]
    page = "\n\n".join([TITLE, *PARAGRAPHS[:3], *menu, *PARAGRAPHS[3:]])
    assert not set(menu) & set(clean_flat(page, url=URL).paragraphs)


def test_a_cookie_notice_is_dropped():
    notice = "We use cookies to give you the best experience on our website and to measure our audience."
    page = "\n\n".join([TITLE, *PARAGRAPHS, notice])
    assert notice not in clean_flat(page, url=URL).paragraphs


def test_hard_wrapped_paragraph_is_rejoined():
    wrapped = PARAGRAPHS[1].replace(" were already", "\nwere already")
    page = "\n\n".join([TITLE, PARAGRAPHS[0], wrapped, *PARAGRAPHS[2:]])
    assert PARAGRAPHS[1] in clean_flat(page, url=URL).paragraphs


def test_headline_matching_the_url_is_the_title_even_printed_once():
    page = "\n\n".join(["Weather", "Rivers", TITLE, *PARAGRAPHS])
    assert clean_flat(page, url=URL).title.value == TITLE


# --- properties -----------------------------------------------------------------------------

_SENTENCES = PARAGRAPHS + [
    "Officials in Marn said the ferry would stop running on Thursday until the water level fell again.",
    "Farmers near the river have asked the ministry for help with feed for cattle moved to the hills.",
]
_NOISE = ["Home", "Share", "- Advertisement -", "Related", "Subscribe", "0 $", "Read more", "Tags:", "Menu", ""]
_COMMENT_TEXTS = [
    "I live in Brisk and the water was already in our street on Sunday night, nobody came to help us.",
    "Why did the authority wait so long, the snow was visible in every photograph from January.",
    "My grandfather says the flood of 1979 started exactly like this, with a warm week in March.",
]

lines = st.lists(st.sampled_from(_SENTENCES + _NOISE), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_never_crashes_on_any_text(text):
    parts = clean_flat(text)
    assert isinstance(parts.paragraphs, tuple)


@settings(max_examples=60, deadline=None)
@given(lines)
def test_cleaning_the_body_again_adds_nothing(page_lines):
    first = clean_flat("\n\n".join(page_lines)).paragraphs
    second = clean_flat("\n\n".join(first)).paragraphs
    assert set(second) <= set(first)


_ITEM_STYLES = {
    "numbered": "{k}. {c}\nMarch {k}, 2024",
    "says": "Reader {k} says:\n{c}\nReply",
    "posted by": "{c}\nPosted by: Reader {k} | Mar {k}, 2024 1:0{k}:00 PM",
    "name and stamp": "Reader {k}\nMarch {k}, 2024 at 9:4{k} pm\n{c}",
    "reply links": "{c}\nReply to This Share\nFlag as Inappropriate",
}


@settings(max_examples=60, deadline=None)
@given(lines, st.lists(st.sampled_from(_COMMENT_TEXTS), min_size=1, max_size=3, unique=True),
       st.sampled_from(sorted(_ITEM_STYLES)))
def test_comment_text_never_reaches_the_body(article, comments, style):
    section = ["Comments"] + [_ITEM_STYLES[style].format(k=k, c=c) for k, c in enumerate(comments, 1)]
    page = "\n\n".join([*article, *section, "Leave a Reply", "Your email address will not be published."])
    body = "\n".join(clean_flat(page).paragraphs)
    assert not any(re.escape(c) and c in body for c in comments)


_ARTICLE = (
    "The regional council of Tarvik voted on Tuesday to close the old harbour bridge for repairs, "
    "after engineers found cracks in two of its supports during an inspection last month.\n\n"
    "Traffic will be diverted through the eastern ring road for at least six weeks, the council said, "
    "and a ferry will carry pedestrians across the harbour every twenty minutes.\n\n"
    "Shop owners on the waterfront said they feared losing customers during the busiest season of the year.\n"
)


def test_an_exports_first_line_is_its_headline_and_the_deck_under_it_is_not():
    parts = clean_flat("Tarvik closes harbour bridge for repairs\n\n"
                       "Engineers found cracks in two supports\n\n" + _ARTICLE)
    assert parts.title.value == "Tarvik closes harbour bridge for repairs"
    parts = clean_flat("Tarvik closes harbour bridge for repairs\n\n" + _ARTICLE)
    assert parts.title.value == "Tarvik closes harbour bridge for repairs"
    assert not any("closes harbour bridge" in p for p in parts.paragraphs)


def test_the_headline_is_the_line_right_above_the_article_not_a_menu_item_further_up():
    # Title-case section names high on the page used to outscore a headline in sentence case.
    menu = "\n\n".join(["Tarvik Daily News", "Local Politics And Council Affairs", "Business And Harbour Trade",
                        "Weather Forecasts For The Coast", *["Home", "Politics", "Business", "Sport", "Weather",
                        "Culture", "Opinion", "Contact", "Archive"]])
    parts = clean_flat(menu + "\n\nCouncil votes to shut harbour bridge\n\n" + _ARTICLE)
    assert parts.title.value == "Council votes to shut harbour bridge"


def test_a_share_counter_is_never_the_headline():
    parts = clean_flat("Council votes to shut harbour bridge\n\n8.1k SHARES Facebook Twitter\n\n" + _ARTICLE)
    assert parts.title.value == "Council votes to shut harbour bridge"
    assert "8.1k SHARES Facebook Twitter" in parts.removed


def test_a_reference_list_under_a_discussion_heading_is_no_comment_section():
    # citations give volume and pages as "2021;72:45-62", which once read as times of day
    references = [
        f"- {k}.Olsen M, Brell T, Kerr A. Flood levels in northern river basins. Hydrol Rev. 20{k + 10};{k + 40}:"
        f"{k + 11}-{k + 30}. doi: 10.1000/hr.{k}" for k in range(1, 8)
    ]
    page = "\n\n".join([TITLE, *PARAGRAPHS, "DISCUSSION", PARAGRAPHS[0], "REFERENCES", *references])
    parts = clean_flat(page, url=URL)
    assert parts.comments == ()


@pytest.mark.parametrize("signature", [
    "{k} Reader{k} | 3/2{k}/2024 9:4{k}:12 PM",
    # a web address makes the line longer; day and month in figures may go either way
    "{k} Jonas Ek http://www.ek-reader{k}.example | 11/{k}/2012 9:4{k}:12 PM",
])
def test_a_headerless_thread_signed_with_dates_and_times_is_separated(signature):
    page = "\n\n".join([TITLE, *PARAGRAPHS, *_thread(signature, "{c}"), "Name (required)", "Email (required)"])
    parts = clean_flat(page, url=URL)
    assert not any(c in "\n".join(parts.paragraphs) for c in COMMENTS)
    assert {c.text for c in parts.comments} >= set(COMMENTS)


def test_a_list_of_teasers_signed_with_dates_and_times_is_no_thread():
    teasers = [line for k in range(1, 4) for line in (
        f"Spring floods part {k}", f"Anna Kerr March {k}, 2024 10:0{k} am",
        "The authority has moved pumps to the northern districts and asked residents to", "Read More \u00bb")]
    page = "\n\n".join([TITLE, *PARAGRAPHS, "Latest posts", *teasers])
    assert clean_flat(page, url=URL).comments == ()


def test_a_dateline_printed_twice_with_the_byline_opens_no_thread():
    byline = ["by: Anna Kerr", "Posted: Mar 2, 2024 / 04:43 PM CST", "Updated: Mar 2, 2024 / 04:43 PM CST"]
    page = "\n\n".join([TITLE, *byline, "Photo: Valdren Post", *byline, *PARAGRAPHS])
    parts = clean_flat(page, url=URL)
    assert parts.comments == ()
    assert list(parts.paragraphs) == PARAGRAPHS


_POLL_PAGE = (Path(__file__).parent / "fixtures" / "poll_widget_page.txt").read_text(encoding="utf-8")


class _KeepsAllButTheOpening(LineModel):
    """A line model that drops the headline and the article's first two lines, as the shipped one
    did on a real opinion page, and keeps everything else."""

    def keeps(self, x):
        keep = np.ones(len(x), dtype=bool)
        keep[:3] = False
        return keep


def test_poll_widget_small_print_is_not_article_text():
    body = "\n".join(clean_flat(_POLL_PAGE, language="en").paragraphs)
    for widget in ("take our poll", "Privacy Policy", "opt out at anytime", "Completing this poll"):
        assert widget not in body
    assert "the union's VOTES have kept the cranes moving" in body


def test_article_opening_kept_where_the_model_drops_it_and_widgets_dropped_where_it_keeps_them():
    parts = clean_flat(_POLL_PAGE, language="en", model=_KeepsAllButTheOpening(forest=None, cutoff=0.5))
    assert parts.paragraphs[:2] == (
        "This is just theatre.",
        "The constant hand-wringing, from the big newspapers, over the dockers' union and its friends in the "
        "ministry is just theatre.",
    )
    body = "\n".join(parts.paragraphs)
    assert "Privacy Policy" not in body and "story continues below" not in body


def test_comments_link_in_the_menu_opens_no_comment_section():
    page = (Path(__file__).parent / "fixtures" / "blog_menu_comments_link.txt").read_text(encoding="utf-8")
    parts = clean_flat(page, language="en")
    body = "\n".join(parts.paragraphs)
    assert "embraced the lantern festival" in body and "Lanterns float in the harbour" in body
    assert not parts.comments


def test_a_date_stamp_glued_onto_the_lede_dates_the_page_and_leaves_the_body():
    page = (
        "Home | News | Sport | Weather\n\nFire destroys supermarket in market town\n\n"
        "Updated: March 14, 2031, 6:12 AM GMT Crews from three stations fought a blaze that destroyed the "
        "Hollins supermarket in Wexcombe High Street overnight, the fire service said.\n\n"
        "About 40 residents were evacuated and roads around the store were closed until the morning.\n"
    )
    parts = clean_flat(page, language="en")
    assert parts.paragraphs[0].startswith("Crews from three stations fought a blaze")
    assert [(d.date, d.where) for d in parts.dates] == [("2031-03-14", "byline")]
    assert "Updated: March 14, 2031, 6:12 AM GMT" in parts.removed


def test_the_headline_is_the_line_over_the_byline_not_the_tools_nearer_the_article():
    """A news page as flattened from a 2008-style layout: the headline, then byline, agency and date,
    then a share bar and font tools, then the article (fictional page)."""
    page = (
        "Sponsored Links\n\nMore World news\n\n"
        "Judges in harbour trial allow video of witnesses\n\n"
        "By Marta Kellner\n\nASSOCIATED PRESS\n\n3:56 a.m. January 8, 2031\n\n"
        "Email|Print| Text size – +\n\nFont size: Decrease Increase\n\n"
        "KESSEL – Judges in the trial of the former harbour master allowed video testimony from three "
        "witnesses on Tuesday, overriding objections from the defence.\n\n"
        "The ruling by the three-judge panel capped two weeks of argument over how the witnesses, who "
        "live abroad, could be heard without travelling to the court.\n"
    )
    parts = clean_flat(page, language="en")
    assert parts.title.value == "Judges in harbour trial allow video of witnesses"


@pytest.mark.parametrize("line", [
    "Email|Print| Text size – +", "Font size: Decrease Increase", "THE CANADIAN PRESS", "Sat 19 Jan, 10:45 AM",
    "Recipient's Email", "Keywords: harbour, Kessel", "E-mail this to a friend Printable version",
    "Advertise with us - Contact us - Newsletters - Subscribe", "Jan 14 2031 by Marta Kellner, Kessel Courier",
    "01/13/31 - Kessel Harbour Board",
])
def test_tools_credits_and_stamps_are_never_the_headline(line):
    assert _harbour_headline(f"{HARBOUR_HEADLINE}\n\n{line}") == HARBOUR_HEADLINE


HARBOUR_HEADLINE = "Harbour master resigns over dredging contract"


def _harbour_headline(above: str) -> str | None:
    """The headline of a short report on the harbour master with `above` over its article."""
    page = (
        f"{above}\n\n"
        "KESSEL – The harbour master of Kessel resigned on Friday after an inquiry found that a dredging "
        "contract had been awarded without a tender, the port authority said in a statement.\n\n"
        "His deputy will run the harbour until the council appoints a successor, the authority said.\n"
    )
    return clean_flat(page, language="en").title.value


def test_a_headline_in_guillemets_is_no_breadcrumb():
    page = (
        "Главная\n\nНовости\n\nДосов: «Черное знамя» перебрасывают на север\n\n04.03.2031 14:25\n\n"
        "Американские спецслужбы перебрасывают боевиков группировки «Черное знамя» из Сирии на север "
        "Афганистана, заявил во вторник председатель Комитета национальной безопасности Арман Досов.\n\n"
        "По словам Досова, за последние полгода туда были доставлены более 2500 боевиков.\n"
    )
    assert clean_flat(page, language="ru").title.value == "Досов: «Черное знамя» перебрасывают на север"


@pytest.mark.parametrize("block", [
    "By MARTA KELLNER\n\nAssociated Press Writer\n\nThursday, December 27, 2031",
    "Marta Kellner and Ilse Varga\n\nKessel Courier staff\n\nJan. 10, 2031 12:00 AM",
    "Article from: Agence France-Presse\n\nFont size: Decrease Increase\n\nBy Marta Kellner\n\nJanuary 08, 2031 10:28pm",
])
def test_the_headline_stands_over_the_byline_block_past_credits_and_tools(block):
    assert _harbour_headline(f"Photo Galleries\n\nMost read\n\n{HARBOUR_HEADLINE}\n\n{block}") == HARBOUR_HEADLINE


def test_a_headline_over_its_deck_over_the_byline_is_the_headline():
    page = (
        "Blog\n\nWhy Harbour Towns Keep Their Old Cranes\n\nA short history of keeping what still works\n\n"
        "Renata Quill\n\nDec 18, 2031\n\n"
        "Walk along any harbour on this coast and you will see cranes that stopped lifting decades ago, "
        "kept by towns that could have sold them for scrap.\n\n"
        "The reasons are partly sentimental and partly practical, as the harbour boards explain.\n"
    )
    assert clean_flat(page, language="en").title.value == "Why Harbour Towns Keep Their Old Cranes"


def test_the_headline_over_its_deck_is_the_headline():
    text = ("THE DAILY HERALD\nNEWS | SPORT | MONEY\nWORLD NEWS\n"
            "FLOOD ALERT: River bursts its banks in Brisk, two missing\n"
            "Rescue boats search submerged streets overnight as water levels keep rising in the north\n"
            "By Anna Kerr, World News Reporter\nPublished: 10:24, 4 March 2031\n\n" + "\n\n".join(PARAGRAPHS))
    assert clean_flat(text).title.value == "FLOOD ALERT: River bursts its banks in Brisk, two missing"


def test_a_headline_and_deck_that_read_as_sentences_stay_out_of_the_body():
    text = ("Valdren Letters - a newsletter on river towns\nHome | Archive | About | Subscribe\n"
            "Did the river authority just admit the embankments are failing?\n"
            "Its new warning about Brisk says more about the budget than about the weather this spring.\n"
            "Anna Kerr\nMar 4, 2031\n" + "\n".join(PARAGRAPHS))
    parts = clean_flat(text)
    assert parts.title.value == "Did the river authority just admit the embankments are failing?"
    assert parts.paragraphs[0] == PARAGRAPHS[0]


def test_a_picture_caption_with_its_credit_is_not_the_headline():
    text = ("Valdren Post\n" + TITLE + "\n"
            "Sandbags are stacked along the embankment in Brisk, March 3, 2031. (VALDREN PRESS/Anna Kerr)\n"
            "Email|Print| Text size – + By Tomas Brell\nMarch 4, 2031\n" + "\n\n".join(PARAGRAPHS))
    assert clean_flat(text).title.value == TITLE


@pytest.mark.parametrize("caption", [
    "Sandbags along the embankment in Brisk, March 3, 2031. VALDREN PRESS (Valdren Press Agency) via Post",
    "Sandbags along the embankment in Brisk. Photo: Post archive",
    "Sandbags along the embankment in Brisk (stock image)",
])
def test_a_caption_ending_with_its_credit_after_its_sentence_is_not_the_headline(caption):
    text = ("Valdren Post\nHome | World | Business\n" + TITLE + "\nBy Tomas Brell\nMarch 4, 2031 11:47 AM\n"
            "Share\nX\nFacebook\nLinkedIn\nEmail\nLink\n" + caption + "\n" + "\n\n".join(PARAGRAPHS))
    assert clean_flat(text).title.value == TITLE


def test_a_headline_printed_twice_over_its_decks_is_the_headline():
    headline = "FLOOD HORROR: Two missing as river bursts its banks in Brisk"
    text = ("THE DAILY HERALD\nHOME\nNEWS\nSPORT\nWorld News\n" + headline + "\n" + headline + "\n"
            "Rescue boats search the streets overnight\nFarmers say the warning came too late\n"
            "Villages cut off as the water keeps rising\nBy Anna Kerr, World News Reporter\n"
            "PUBLISHED: 10:24, 4 March 2031\n" + "\n\n".join(PARAGRAPHS))
    assert clean_flat(text).title.value == headline


def test_the_sites_name_with_the_under_the_headline_and_a_tag_list_are_not_the_headline():
    text = ("Valdren Morning Post\nE-Paper\nSubscribe\nWednesday, March 5, 2031\nRegions\n" + TITLE + "\n"
            "Anna Kerr\nThe Valdren Morning Post\nBrisk \u25cf Tue, March 4, 2031\n"
            "floods, Brisk, river authority, weather\nShare this article\n" + "\n\n".join(PARAGRAPHS))
    assert clean_flat(text).title.value == TITLE


def test_the_sites_name_on_the_first_line_and_again_under_the_headline_is_not_the_headline():
    text = ("Valdren Daily News\nEnglish | Deutsch\nHome\nRegions\nWeather\nOpinion\nTuesday 4 Mar 2031\nRegions\n"
            "River bursts its banks in Brisk\nValdren Daily News\nPublished: 4 Mar 2031 at 15:20\nShare\nPrint\n"
            + "\n\n".join(PARAGRAPHS))
    assert clean_flat(text).title.value == "River bursts its banks in Brisk"


def test_a_menu_of_sections_in_capitals_and_a_reading_time_are_not_the_headline():
    text = ("VALDREN POST\nHOME NEWS WORLD VIDEO OPINION\n" + TITLE + "\nWorld\nBy Post Staff\n3 min read\n"
            "Tuesday, March 4, 2031 11:23 PM\n" + "\n\n".join(PARAGRAPHS))
    assert clean_flat(text).title.value == TITLE


@pytest.mark.parametrize("related", [0, 30])  # a long page goes through the line model too
def test_an_opening_paragraph_printed_over_the_byline_stays_in_the_body(related):
    lede = ("Floodwater swept through three villages in the Brisk valley overnight and forced hundreds of families "
            "from their homes, the Northern River Authority said on Tuesday.")
    links = "".join(f"\nRelated story number {k} about rivers" for k in range(related))
    text = ("THE VALDREN EXPRESS\nHome | News | World | Sport\n" + TITLE + "\n" + lede + "\nBy Anna Kerr\n"
            "10:32, Tue, Mar 4, 2031\nLink copied\nComments\n" + "\n".join(PARAGRAPHS) + "\nMost read" + links)
    parts = clean_flat(text)
    assert parts.title.value == TITLE
    assert parts.paragraphs[0] == lede
    assert [(d.date, d.where) for d in parts.dates] == [("2031-03-04", "byline")]
