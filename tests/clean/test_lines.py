import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.clean import lines as L

VOCABULARIES = [L._CHROME, L._COMMENT_HEADER, L._COMMENT_FORM, L._NOTICE, L._CALL_TO_ACTION]
EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def _literals(pattern: str) -> set[str]:
    """The characters a pattern spells out (escapes such as \\W left out), and the line end."""
    return set(re.sub(r"\\.", "", pattern)) | {"\n"}


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_vocabularies_are_written_in_lower_case(vocabulary):
    # The pattern is run case-sensitively on the lower-cased line: a capital would never match.
    letters = "".join(_literals(vocabulary.lower_case.pattern))
    assert letters == letters.lower()


def test_lower_casing_a_line_keeps_what_ignorecase_sees():
    # Why a vocabulary may run case-sensitively on the lower-cased line: for every character,
    # lower-casing keeps its class (word, digit, space) and gives the one letter IGNORECASE matches
    # it to, except the characters of _FOLDS_APART, where the line keeps IGNORECASE.
    kept = "".join(c for c in EVERY_CHARACTER if not L._FOLDS_APART.match(c))
    lowered = "".join(c.lower() for c in kept)
    assert len(lowered) == len(kept)
    for shorthand in (r"\w", r"\d", r"\s"):
        assert [m.start() for m in re.finditer(shorthand, kept)] == [m.start() for m in re.finditer(shorthand, lowered)]
    literals = sorted(set().union(*(_literals(v.lower_case.pattern) for v in VOCABULARIES)))
    # Every character IGNORECASE matches to one of the vocabularies' characters, each checked alone.
    candidates = set(re.findall("[" + "".join(map(re.escape, literals)) + "]", kept, re.I))
    for c in candidates:
        assert [p for p in literals if re.fullmatch(re.escape(p), c, re.I)] == [c.lower()], c
    assert {c for c in kept if c.lower() in literals} == candidates


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Advertisement", True),
        ("ADVERTISEMENT", True),
        ("— Share this article on —", True),
        ("Ответить", True),
        ("ſhare", True),  # IGNORECASE's long s: the line is not lower-cased
        ("İmpressum", True),  # IGNORECASE matches "İ" to "i", lower-casing gives "i̇mpressum"
        ("SHARE THIS ARTICLE »", True),
        ("© 2024 Example Media", True),
        ("Advertisement revenue fell by a third last year.", False),
    ],
)
def test_chrome_lines_in_any_case(line, expected):
    assert L.is_chrome(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("E-mail article Print view Share: Digg Newsvine", True),
        ("Text size: larger | smaller", True),
        ("Facebook Twitter WhatsApp Telegram", True),
        # a sentence about sharing, and a heading with one tool word, are not a tool bar
        ("The article was shared on Facebook more than a million times.", False),
        ("The print edition", False),
        # following and newsletters, picture credits
        ("Connect With Us on Twitter", True),
        ("Follow @valdrenpost for breaking news and headlines.", True),
        ("Sign up for our daily newsletter", True),
        ("Photo: Anna Kerr/Reuters", True),
        ("AFP/Getty Images", True),
        ("Ten people died, police told Reuters", False),
        # markers where an advertisement interrupts the article
        ("Story Continued Below", True),
        ("Advertisement - story continues below", True),
        ("Continue reading the main story", True),
        ("The story continued below the surface for years.", False),
    ],
)
def test_a_short_line_made_of_share_and_page_tools_is_chrome(line, expected):
    assert L.is_chrome(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("FREE Newsletter. Sign Up Now!", True),
        ("Print. Email. Share this article", True),
        ("Free newsletter", True),
        ("He said no. Home.", False),
        ("Sign up. It is free.", False),
    ],
)
def test_a_short_line_of_sentences_that_each_are_furniture_is_chrome(line, expected):
    assert L.is_chrome(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Filed 04/03/2031 09:58 by our news desk", True),
        ("Опубликовано: 4 марта 2031 г. Автор: Игорь Беленький", True),
        ("March 4, 2031 by Anna Kerr", True),
        ("Talks on 4 March 2031 were called off by the two sides after a long row", False),
    ],
)
def test_a_date_stamp_with_its_byline_glued_on_is_a_date_line(line, expected):
    assert L.is_date_line(line) is expected


@pytest.mark.parametrize("line", ["Search this site", "Поиск по сайту", "Site search"])
def test_a_search_box_is_chrome(line):
    assert L.is_chrome(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Your email address will not be published.", True),
        ("YOUR EMAIL ADDRESS WILL NOT BE PUBLISHED", True),
        ("Оставьте комментарий", True),
        ("The minister declined to comment.", False),
    ],
)
def test_comment_form_lines_in_any_case(line, expected):
    assert L.is_comment_form(line) is expected


def test_notices_and_calls_to_action_in_any_case():
    assert L.is_boilerplate_sentence("We use COOKIES to improve your experience.")
    assert L.is_boilerplate_sentence("Wir sagen: We use cookies — ça va?")
    assert not L.is_boilerplate_sentence("The cookies were baked on Tuesday.")
    assert L.is_call_to_action("Read More Here!")
    assert L.is_comment_header("12 Comments")


def test_whitespace_collapsed_by_normalise_line_is_what_a_regex_calls_space():
    # normalise_line splits on str.isspace; the \s+ substitution it replaced went by re's \s.
    assert re.findall(r"\s", EVERY_CHARACTER) == [c for c in EVERY_CHARACTER if c.isspace()]
    assert L.normalise_line("  A\u00a0 “Quoted”\u2003line \n") == 'a "quoted" line'


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("By Anna Kerr", "Anna Kerr"),
        ("Posted By: Anna Kerr (Email)", "Anna Kerr"),
        ("By Anna Kerr | Regional Affairs Writer", "Anna Kerr"),
        ("By Anna Kerr, Staff Reporter", "Anna Kerr"),
        ("By Anna Kerr, Tomas Brell", "Anna Kerr, Tomas Brell"),
        ("By Anna Kerr and Tomas Brell", "Anna Kerr and Tomas Brell"),
        ("STAFF PHOTO BY ANNA KERR", None),  # a picture credit
    ],
)
def test_a_byline_gives_its_names_without_their_roles_and_contacts(byline, name):
    assert L.byline_name(byline) == name


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home | World | Business | Sport", True),
        ("Startseite » Politik » Ausland", True),
        ("Новости · Политика · Экономика", True),
        # a site's top bar opens with today's date
        ("Monday, March 6, 2034 | E-Paper | Advertise with us | Contact", True),
        ("E-Paper | 6 March 2034 | Contact", False),
        # an article's tags; a headline's list of places is none
        ("floods, Brisk, river authority, weather", True),
        ("Brisk, Olden, Tarvik and Kessel brace for floods", False),
        # a headline with its outlet, a table row, labelled or numbered lists and text are not menus
        ("Dam breach floods villages | Korvania Daily", False),
        ("| Name | Age | City |", False),
        ("Sources: HomeAdvisor | Houzz | Angi", False),
        ("1-4 Players | Ages 14+ | 90 minutes", False),
        ("Sound quality • ANC • Battery life", False),
        ("A / B testing explained", False),
    ],
)
def test_a_line_of_short_items_between_separators_is_a_menu(line, expected):
    assert L.is_chrome(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 4, 2024 at 6:26 pm", True),
        ("Posted 05:30 PM", True),
        ("Updated 18:26:09 UTC", True),
        ("9:05am", True),
        # a citation's volume and pages, a running time: no clock
        ("Annu Rev Psychol. 2021;72:45-62.", False),
        ("Nat Rev Immunol. 2016;16:22\u201331.", False),
        ("the match ended 90:00 with no goals", False),
    ],
)
def test_a_time_is_a_clock_time(text, expected):
    assert bool(L.TIME.search(text)) is expected


@pytest.mark.parametrize("header", ["59 Comments on \u201cRiver Floods\u201d", "8 appreciated comments on \u201cRiver Floods\u201d",
                                    "3 thoughts on \u201cRiver Floods\u201d", "12 Responses to \u201cRiver Floods\u201d"])
def test_a_count_of_comments_on_the_headline_heads_a_comment_section(header):
    assert L.is_comment_header(header)


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Published: July 23, 2012", True),
        ("Rabu, 5 Maret 2031 | 08:15 WIB", True),
        ("Publié le 24/09/2031 à 14:05, mis à jour le 24/09/2031 à 16:30", True),
        ("Veröffentlicht am 24.09.2031 um 14:05 Uhr", True),
        ("Diterbitkan 24/09/2031 pukul 14.05", True),
        ("Publicado el 24/09/2031 a las 14:05", True),
        ("Publié le 04/03/2031 à 14:05", True),  # the day and the month in an order the page does not say
        # a sentence that gives a date is no stamp
        ("On 24 September 2031 at 14:05 the committee said the camps had been moved.", False),
        ("The summit opened on 24 September 2031 in Astana with twelve delegations.", False),
    ],
)
def test_a_publication_stamp_in_any_relay_language_is_a_date_line(line, stamp):
    assert L.is_date_line(line) is stamp


@given(st.text(alphabet=st.sampled_from("ab1_ -.,\n\u00e9\u0436\u00a0'"), max_size=60), st.integers(0, 12))
@settings(max_examples=300, deadline=None)
def test_few_words_counts_words_as_words_does(line, n):
    assert L.few_words(line, n) == (len(L.words(line)) <= n)


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Credit: Anna Kerr/Associated Press", True),
        ("Photo credit: ©iStock.com/somebody", True),
        ("Posted in World, Politics", True),
        ("Posted inProof Points", True),  # a flattened link glued on
        ("Posted index of terms", False),
        ("Credit card debt rose again in March", False),
    ],
)
def test_picture_credits_and_section_labels_are_chrome(line, chrome):
    assert L.is_chrome(line) == chrome


def test_a_byline_with_its_dates_glued_on_is_a_byline():
    assert L.is_byline("by Anna Kerr August 25, 2025August 29, 2025")
    assert not L.is_byline("By the numbers: what the census shows")


@pytest.mark.parametrize(
    ("line", "aside"),
    [
        ("Popular Video This young fiddler was stunned when the band invited her on stage at the harbour "
         "festival. A few moments later, they made her wildest dreams come true:", True),
        ("Recommended Video: Watch the mayor cut the ribbon", True),
        ("Popular videos show that the new ferry is already a favourite with tourists.", False),
    ],
)
def test_video_widget_label_with_its_teaser_is_an_aside(line, aside):
    assert L.is_inline_aside(line) is aside


@pytest.mark.parametrize(
    ("paragraph", "stamp", "day"),
    [
        ("July 21, 2031, 2:21 pm BST A LARGE fire broke out at the Hollins supermarket this morning.",
         "July 21, 2031, 2:21 pm BST", "2031-07-21"),
        ("Published: August 2, 2031 Dana Whitlock will host the awards for a second time next year.",
         "Published: August 2, 2031", "2031-08-02"),
        ("12:52 p.m. EDT May 2, 2031 She checked in today, her lawyer told the court in a short hearing.",
         "12:52 p.m. EDT May 2, 2031", "2031-05-02"),
        ("Last updated at 11:24, Tuesday, 18 June 2031 A provisional trial date has been set in the case.",
         "Last updated at 11:24, Tuesday, 18 June 2031", "2031-06-18"),
        ("PUBLISHED: 22:07 GMT, 7 July 2031 UPDATED: 22:09 GMT, 7 July 2031 The champion kept his belts on Saturday.",
         "PUBLISHED: 22:07 GMT, 7 July 2031 UPDATED: 22:09 GMT, 7 July 2031", "2031-07-07"),
        ("on Feb. 04, 2031 The defensive tackle was arrested on suspicion of drunken driving.",
         "on Feb. 04, 2031", "2031-02-04"),
        ("Fri., May. 3, 2031 11:45 AM PDT Early Friday morning, around 1:30 a.m., the actress arrived.",
         "Fri., May. 3, 2031 11:45 AM PDT", "2031-05-03"),
        # 05/02/2031 is the 5th of February or May 2nd: the stamp goes, the day stays unknown
        ("Posted: 05/02/2031 11:10 am EDT The comedian will host the show again, the academy said.",
         "Posted: 05/02/2031 11:10 am EDT", None),
    ],
)
def test_a_publication_stamp_glued_onto_the_lede_is_found_with_its_day(paragraph, stamp, day):
    assert L.stamp_opening(paragraph) == (stamp, day)


@pytest.mark.parametrize(
    "paragraph",
    [
        "May 3, 2031 was the day the bridge finally reopened to traffic after two years.",  # the date is the subject
        "May 3, 2031, President Arlen Voss signed the bill into law in front of reporters.",  # a sentence opening
        "On May 3, 2031 the court ruled that the contract had been broken by both sides.",
        "March 12, 2031 Police intervened.",  # too short to be a lede
        "The fire broke out on July 21, 2031, at 2:21 pm, and crews fought it until dawn.",
    ],
)
def test_a_date_in_a_sentence_is_no_stamp(paragraph):
    assert L.stamp_opening(paragraph) is None


@pytest.mark.parametrize(
    "line",
    ["İlgili Haber: Sahil güvenlik gemisi limana döndü", "LEA TAMBIÉN: El puerto reabre tras la tormenta",
     "Czytaj też: Rząd przyjął projekt ustawy", "Leia também: Porto reabre após a tempestade", "Reklama"],
)
def test_read_also_links_and_ad_labels_in_more_languages_are_asides(line):
    assert L.is_inline_aside(line)
