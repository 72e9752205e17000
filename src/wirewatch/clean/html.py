"""HTML pages: trafilatura finds the main text; wirewatch keeps comments apart and owns the result.

The cascade, each step cheap unless the one before under-delivered:

1. the page is parsed once (`clean.html_tree`: trafilatura's tolerant loader on a faster parser)
   and every later step works on that tree;
2. reader comments are found in the tree (`clean.html_comments`) as items (WordPress-style
   markup), else as the repeated blocks of a section whose id or class says comments, each with
   its own date where shown;
3. title, author, dates and site name come from the page's own metadata (meta tags, JSON-LD,
   `<time>`, `<h1>`), read in one pass rather than trafilatura's slower metadata extraction;
4. trafilatura's balanced extraction gives the main text, first without its comparison against
   readability and justext (`fast`); the comparison runs only where it could change the result
   (the text is thin beside the page, or not made of paragraphs); where the text still covers
   little of the page, trafilatura's recall mode runs too, and its text is taken when what it adds
   is prose;
5. where that text is one block with reader comments inside (a page laid out in one table row,
   trafilatura's whole-page fallback), the page's visible text is cleaned line by line instead, as
   flattened text is (`clean.flat`);
6. the paragraphs are filtered: reader comments (found in the markup, or in the text itself by
   a comment header and signed, dated items; an article line a comment only quotes stays), page
   furniture, calls to action and site-wide notices that slipped through (the vocabularies of
   `clean.lines`), the headline printed again; parts of the page streamed late (React) are put
   back in reading order.

Measured with `python -m benchmarks.extraction` and `python -m benchmarks.comments`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from itertools import islice, pairwise

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.core import trafilatura_sequence
from trafilatura.settings import CUT_EMPTY_ELEMS, MANUALLY_CLEANED, MANUALLY_STRIPPED, Extractor
from trafilatura.xml import xmltotxt

from wirewatch.clean import lines as L
from wirewatch.clean.authors import NAME_PARTICLES, plausible_author
from wirewatch.clean.dates import find_dates, normalise_date
from wirewatch.clean.flat import clean_flat, headline_over
from wirewatch.clean.html_comments import comment_items, read_comments
from wirewatch.clean.html_tree import has_streamed_parts, parse_html, streamed_parts, visible_text
from wirewatch.clean.language import detect_language, stop_words
from wirewatch.clean.parts import DateSeen, PageParts, comment_dates
from wirewatch.clean.text_comments import article_before, comments_in_lines
from wirewatch.model import Comment, Found

__all__ = ["clean_html", "parse_html", "visible_text"]

_SPACES = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")
_WHITESPACE = re.compile(r"\s+")

# --- metadata --------------------------------------------------------------------------------

_JSONLD = etree.XPath("//script[@type='application/ld+json']/text()")
_TITLE_SEPARATORS = L.title_separator()


def _byline_elements(tree: HtmlElement, *, limit: int = 6) -> Iterator[etree._Element]:
    """The first elements marked as the author's (rel or itemprop "author", a class with "author"
    or "byline" in it) outside reader comments, in page order. A walk in Python that stops at the
    caller's first plausible name: the XPath query it replaces, with its `contains()` tests on
    every element, took twice as long over the whole page."""
    for el in tree.iter():
        cls = el.get("class")
        marked = (cls and ("author" in cls or "byline" in cls)) or el.get("rel") == "author" or el.get("itemprop") == "author"
        if marked and not any("comment" in (a.get("class") or "") for a in el.iterancestors()):
            yield el
            limit -= 1
            if not limit:
                return


def _metas(tree: HtmlElement) -> dict[str, str]:
    """The page's `<meta>` values by lower-cased property, name or itemprop (first one wins)."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = (el.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    return found


def _first(metas: dict[str, str], *keys: str) -> str | None:
    return next((metas[k] for k in keys if k in metas), None)


def _jsonld(tree: HtmlElement) -> list[dict]:
    """The page's JSON-LD objects, flattened out of lists and @graph."""
    found: list[dict] = []

    def add(obj: object) -> None:
        if isinstance(obj, list):
            for o in obj:
                add(o)
        elif isinstance(obj, dict):
            found.append(obj)
            if "@graph" in obj:
                add(obj["@graph"])

    for raw in _JSONLD(tree):
        try:
            add(json.loads(raw))
        except ValueError:
            continue
    return found


def _kinds(obj: dict) -> list[str]:
    kind = obj.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


def _is_article(obj: dict) -> bool:
    return any("Article" in k or k in ("BlogPosting", "Report") for k in _kinds(obj))


def _is_page(obj: dict) -> bool:
    return any(k.endswith(("Page", "Posting")) for k in _kinds(obj))


# Meta names that say "published" in a site's own words ("published", "w-published-date",
# "parsely-pub-date", "publish-date"); not the publisher's name.
_PUBLISHED_META = re.compile(r"publish(?!er)|pub-?date")


def _published_meta(metas: dict[str, str]) -> str | None:
    """The first such meta's date, one named a date first ("published-date" before "published-time",
    which a CMS stamps on every version of a page)."""
    found = [(k, v) for k, v in metas.items() if _PUBLISHED_META.search(k) and normalise_date(v)]
    return next((v for k, v in sorted(found, key=lambda kv: "date" not in kv[0])), None)


def _person_names(value: object, *, organisations: bool = False) -> list[str]:
    """Names in a JSON-LD `author`: its people, or with `organisations` its organisations."""
    if isinstance(value, str):
        return [] if organisations else [value]
    if isinstance(value, dict):
        name = value.get("name")
        kind = value.get("@type")
        is_org = kind == "Organization" or (isinstance(kind, list) and "Organization" in kind)
        return [name] if isinstance(name, str) and is_org == organisations else []
    if isinstance(value, list):
        return [n for v in value for n in _person_names(v, organisations=organisations)]
    return []


def _h1_texts(tree: HtmlElement) -> list[str]:
    """The page's h1 headings with text, in page order, spaces collapsed."""
    return [t for h in tree.iter("h1") if (t := _SPACES.sub(" ", h.text_content()).strip())]


def _headline_text(value: str | None) -> str | None:
    """A headline candidate as one line: of several lines, the longest ("AKI - Adnkronos
    international\n Algeria: Al-Qaeda claims northern attack"); None for script text that an unclosed
    `<title>` swallowed."""
    if not value or not value.strip():
        return None
    lines = [ln for ln in (_WHITESPACE.sub(" ", ln).strip(" -|:\u2013\u2014") for ln in value.splitlines()) if ln]
    text = max(lines, key=len) if lines else ""
    return text if text and not _CODE.search(text) else None


_CODE = re.compile(r"[<>{}]|\);|//|\bfunction\b|\bvar\s|\w\(\S*\)\.\w")
# Words that name a site's sections: a heading made of them names one, not the article.
_SECTION_WORDS = frozenset((
    "news", "world", "national", "local", "international", "sport", "sports", "opinion", "opinions",
    "entertainment", "business", "politics", "technology", "tech", "science", "health", "lifestyle",
    "travel", "culture", "arts", "top", "stories", "classifieds", "jobs", "hot", "breaking", "home",
    "latest", "editorial", "editorials", "features", "videos", "video", "photos", "weather", "obituaries",
    "blogs", "blog", "columns", "commentary", "analysis", "economy", "markets", "soccer", "football",
    "today", "headlines", "region", "regional", "daily", "online", "the", "and", "&",
))
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}$", re.I)


def _names_a_section(text: str) -> bool:
    ws = text.lower().split()
    return bool(L.is_chrome(text) or _DOMAIN.match(text) or (len(ws) <= 3 and all(w in _SECTION_WORDS for w in ws)))


def _says_who(title: str, printed: set[str]) -> bool:
    """Whether a headline's short last part says who says it ("... - coast guard", "... — источники"),
    not the site's name or a section ("... | Opinion", "... - Personally Tested"): in lower case, and
    printed as part of the headline over the article."""
    last = _TITLE_SEPARATORS.split(title)[-1].strip()
    return last[:1].islower() and L.normalise_line(title) in printed


def _site_suffix_off(title: str, site: str | None) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        if site and L.normalise_line(parts[-1]) == L.normalise_line(site):
            return _TITLE_SEPARATORS.split(title, maxsplit=len(parts) - 2)[0] if len(parts) > 2 else parts[0]
        # "Headline | Outlet": the outlet part is short and the headline the longest part.
        longest = max(parts, key=len)
        if len(parts[-1].split()) <= 4 and longest is parts[0]:
            return L.before_last_part(title, parts[-1])
    return title


# How far above the article's first line its headline is looked for, in lines of the page's text.
_HEADLINE_LINES_ABOVE = 40


def _headline_over_article(page_text: str, first: str, markup_title: str | None, language: str) -> str | None:
    """The headline the page prints over its article, where the markup gave none or only a <title>
    the page does not print (the site's name: "Herald Sun", "580 CFRA - News Talk Radio")."""
    lines = page_text.split("\n")
    key = L.normalise_line(first)
    at = next((k for k, ln in enumerate(lines) if ln and L.normalise_line(ln) == key), None)
    if at is None:
        return None
    above = lines[max(0, at - _HEADLINE_LINES_ABOVE) : at]
    if markup_title and L.normalise_line(markup_title) in {L.normalise_line(ln) for ln in above if ln}:
        return None  # the <title> is printed over the article: it is the headline
    # against a <title>, only a line that stands over a byline block: a site may print no headline
    return headline_over(above, language=language, over_byline=markup_title is not None)


def _printed_part(title: str, page_text: str) -> str | None:
    """The part of a page's <title> that the page prints as a line of its own: the headline without
    the site's name and sections on either side ("MyFox Houston | Bush Strongly Warns Iran on Naval
    Clash", "Bulls, Jones pursue talks: Sport: Rugby: News24"), where the <title> is all there is."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if len(p.split()) >= 2]
    if len(parts) < 2:
        return None
    keys = {L.normalise_line(p): p for p in parts}
    printed = [keys[k] for ln in page_text.split("\n") if ln and (k := L.normalise_line(ln)) in keys]
    return max(printed, key=len) if printed else None


def _metadata(
    tree: HtmlElement, in_comments: set[etree._Element], h1s: list[str]
) -> tuple[Found, Found, list[DateSeen], DateSeen | None, str | None, str | None]:
    """Title, author, the dates the markup gives, the date it says the page was modified, site name,
    the article's text as its JSON-LD gives it (`articleBody`). `h1s`: the page's h1 texts (`_h1_texts`)."""
    metas = _metas(tree)
    site = _first(metas, "og:site_name", "application-name")
    objects = _jsonld(tree)
    articles = [o for o in objects if _is_article(o)]

    def h1() -> str | None:
        return next(iter(h1s), None)

    printed = {L.normalise_line(h) for h in h1s}
    site_key = L.normalise_line(site) if site else None
    title = Found(None)
    for where, get in (
        ("html_meta", lambda: _first(metas, "og:title", "twitter:title")),
        ("json_ld", lambda: next((o["headline"] for o in articles if isinstance(o.get("headline"), str)), None)),
        ("h1", h1),
        ("html_title", lambda: tree.findtext(".//title")),
    ):
        value = _headline_text(get())
        headline = (value if _says_who(value, printed) else _site_suffix_off(value, site)) if value else None
        # a section's or the site's name is no headline ("Latest News", "Opinion", "www.smh.com.au",
        # the logo in an h1): the next candidate may be one
        if headline and not _names_a_section(headline) and L.normalise_line(headline) != site_key:
            title = Found(headline, where, 0.9)
            break

    def author_candidates():  # cheapest first; the XPath over the whole page only when needed
        meta_author = _first(metas, "author", "article:author", "parsely-author", "dc.creator", "sailthru.author",
                             "byl", "citation_author", "dcterms.creator")
        yield meta_author, "html_meta"
        for o in articles:
            names = [n for n in (plausible_author(x, structured=True) for x in _person_names(o.get("author"))) if n]
            if names:
                yield ", ".join(dict.fromkeys(names)), "json_ld"
        for el in _byline_elements(tree):
            pieces = list(el.itertext())
            if not any(a[-1:].isalnum() and b[:1].isalnum() for a, b in pairwise(pieces)):
                yield el.text_content(), "byline"
            # Then the box piece by piece: name, role and date in elements of their own, which
            # text_content() glues together ("Scott MattonMarch 2, 2026", "Brian Becker7 min read")
            # or which make a whole that is no name ("Andrew Gerrand<br>4 August 2010"). A piece
            # must look like a full name: two words or more, each capitalised but for particles,
            # no figures (not "HERE", "6:01 PM ET", "Originally published", "Insights from").
            for piece in pieces:
                ws = piece.split()
                if len(ws) >= 2 and not any(c.isdigit() for c in piece) and all(
                    w[:1].isupper() or w in NAME_PARTICLES for w in ws
                ):
                    yield piece, "byline"
        # Last, an outlet credited as the author (the site itself, an organisation in JSON-LD).
        yield meta_author, "html_meta_outlet"
        for o in articles:
            for n in _person_names(o.get("author"), organisations=True):
                yield n, "json_ld_outlet"

    author = Found(None)
    for value, where in author_candidates():
        name = plausible_author(value, structured=where.startswith("html_meta")) if where != "json_ld" else value
        is_site = bool(name) and L.normalise_line(name or "") == site_key
        if name and (is_site == where.endswith("_outlet") or (where == "json_ld_outlet")):
            where = where.removesuffix("_outlet")
            author = Found(name, where, 0.8 if where != "byline" else 0.6)
            break

    dates: list[DateSeen] = []
    published = _first(metas, "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
                       "dc.date.issued", "sailthru.date", "pubdate", "publishdate") or _published_meta(metas)
    if normalise_date(published):
        dates.append(DateSeen(normalise_date(published) or "", "html_meta", published or ""))
    # the article's own JSON-LD first, then the page's (a guide or a course page is a WebPage)
    for o in [*articles, *(o for o in objects if _is_page(o))]:
        value = o.get("datePublished")
        if isinstance(value, str) and normalise_date(value):
            dates.append(DateSeen(normalise_date(value) or "", "html_meta", value))
            break
    byline = _byline_date(tree, in_comments)
    if byline:
        dates.append(byline)
    modified = next((DateSeen(normalise_date(v) or "", "updated", v) for v in (
        _first(metas, "article:modified_time", "og:updated_time", "datemodified"), *(o.get("dateModified") for o in articles)
    ) if isinstance(v, str) and normalise_date(v)), None)
    article_body = next((o["articleBody"] for o in articles if isinstance(o.get("articleBody"), str)), None)
    return title, author, dates, modified, site, article_body


def _updated_date(tree: HtmlElement, in_comments: set[etree._Element]) -> DateSeen | None:
    """When the page prints that it was last updated: in a `<time>`, or an element named for it."""
    for t in tree.iter("time"):
        value = t.get("datetime") or t.text_content()
        if normalise_date(value) and _time_says(t) == "updated" and not _in_comments(t, in_comments):
            return DateSeen(normalise_date(value) or "", "updated", value.strip())
    return _marked_date(tree, in_comments, updates=True)


# What a `<time>` element dates, from its own markup (itemprop, class, id) and, failing that, from
# the words just before it ("Published", "last updated"). WordPress marks both of its dates
# (`time.entry-date.published`, `time.updated`), often with `published updated` on one element
# when the post was never edited: published wins there.
_PUBLISHED_MARK = re.compile(r"publish|pubdate|posted|created|entry-date", re.I)
_UPDATED_MARK = re.compile(r"updat|modif|revis|edited", re.I)
_UPDATE_WORDS = r"updated|modified|revised|edited"
_DATE_WORDS = re.compile(rf"\b(?:(published|posted|first published|created)|({_UPDATE_WORDS}))\b", re.I)
_DATE_WORDS_UPDATED = re.compile(rf"\b(?:{_UPDATE_WORDS})\b", re.I)


def _words_before(el: etree._Element, *, levels: int = 3) -> str:
    """The last words before an element in the page, looked for in its parent, else further up
    (`Updated: <span><time>`)."""
    for _ in range(levels):
        parent = el.getparent()
        if parent is None:
            break
        before = [parent.text or ""]
        for sibling in parent:
            if sibling is el:
                break
            before += [sibling.text_content(), sibling.tail or ""]
        text = "".join(before).strip()
        if text:
            return text[-40:]
        el = parent
    return ""


def _time_says(t: etree._Element) -> str | None:
    """"published", "updated" or None for a `<time>` element."""
    marks = " ".join(filter(None, (t.get("itemprop"), t.get("class"), t.get("id"))))
    if _PUBLISHED_MARK.search(marks):
        return "published"
    if _UPDATED_MARK.search(marks):
        return "updated"
    said = _DATE_WORDS.findall(_words_before(t))
    if not said:
        return None
    published, _ = said[-1]  # the word nearest the date
    return "published" if published else "updated"


def _byline_date(tree: HtmlElement, in_comments: set[etree._Element]) -> DateSeen | None:
    """The publication date the page prints: the first `<time>` element outside reader comments
    that is not marked as an update. An update is never taken for the publication date (an article
    edited after readers commented on it is no contradiction; `date_conflict` compares comments
    with the publication date)."""
    for t in tree.iter("time"):
        if _in_comments(t, in_comments):
            continue
        value = t.get("datetime") or t.text_content()
        iso = normalise_date(value)
        if iso and _time_says(t) != "updated":
            return DateSeen(iso, "byline", value.strip())
    return None


def _in_comments(el: etree._Element, in_comments: set[etree._Element]) -> bool:
    return any(a in in_comments or "comment" in (a.get("class") or "") for a in el.iterancestors())


# An element named for its date ("post-date", "sno-story-date", "c-meta__date"), the article's own
# where it stands close to a headline, most often under it, at times just above it: further up sits
# the site's "today", far below the dates of related posts.
_DATE_MARK = re.compile(r"date|posted|publish|publication", re.I)
_DATE_AFTER_HEADLINE = 500  # elements (on WCXB dev, 150 missed three dates and took none better)
_DATE_BEFORE_HEADLINE = 10
_DATE_TEXT_MAX = 80  # characters: a date with its label, not a sentence that holds one
_ISO_STAMP = re.compile(r"(?:19|20)\d\d-\d\d-\d\d(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?")
_NOT_THE_ARTICLES = frozenset({"aside", "nav", "footer", "a"})
_DATED_ITEM = frozenset({"datePublished", "dateCreated"})  # not uploadDate (a video's), not dateModified


def _near_headline(marked: str) -> etree.XPath:
    """The elements so marked near an h1, in page order: the search runs inside libxml2 (a walk in
    Python over every element of the page cost a tenth of the whole extraction)."""
    return etree.XPath(
        f"//h1/following::*[position() <= {_DATE_AFTER_HEADLINE}][{marked}]"
        f" | //h1/preceding::*[position() <= {_DATE_BEFORE_HEADLINE}][{marked}]"
    )


# XPath's contains() is case-sensitive: "post-date", "articleDate", "published", "postedOn"
_DATE_CLASSES = " or ".join(
    f"contains(@{attr}, '{word}')" for attr in ("class", "id")
    for word in ("date", "Date", "publish", "Publish", "ublication", "posted", "Posted"))
_UPDATE_CLASSES = " or ".join(
    f"contains(@{attr}, '{word}')" for attr in ("class", "id") for word in ("updat", "Updat", "modif", "Modif"))
_DATED_ITEMS = " or ".join(f"@itemprop = '{item}'" for item in sorted(_DATED_ITEM))
_NEAR_HEADLINE = _near_headline(f"{_DATE_CLASSES} or {_DATED_ITEMS}")
_NEAR_HEADLINE_UPDATES = _near_headline(f"{_DATE_CLASSES} or {_UPDATE_CLASSES} or {_DATED_ITEMS}")


def _updated(el: etree._Element, marks: str) -> bool:
    """Whether a date element says it is an update: in its markup, in its own words ("Last Updated
    on ...") or in those just before it."""
    return bool(_UPDATED_MARK.search(marks) or _DATE_WORDS_UPDATED.search(el.text_content()[: 2 * _DATE_TEXT_MAX])
                or _time_says(el) == "updated")


def _marked_date(tree: HtmlElement, in_comments: set[etree._Element], *, updates: bool = False) -> DateSeen | None:
    """The date printed in an element marked as a date (class, id or itemprop) near a headline,
    outside reader comments, side bars and links, unless marked as an update (with `updates`: only
    one marked as an update)."""
    for el in (_NEAR_HEADLINE_UPDATES if updates else _NEAR_HEADLINE)(tree):
        itemprop = el.get("itemprop")
        marks = " ".join(filter(None, (el.get("class"), el.get("id"), itemprop if itemprop in _DATED_ITEM else None)))
        if not (_DATE_MARK.search(marks) or updates and _UPDATED_MARK.search(marks)):
            continue
        value = el.get("content") or next(
            (t.strip() for t in el.itertext() if len(t.strip()) <= _DATE_TEXT_MAX and normalise_date(t)), "")
        iso = normalise_date(value)
        if (
            iso and (el.get("content") or _ISO_STAMP.fullmatch(value) or L.is_date_line(value))
            and _updated(el, marks) == updates
            and not _in_comments(el, in_comments) and not any(a.tag in _NOT_THE_ARTICLES for a in el.iterancestors())
        ):
            return DateSeen(iso, "updated" if updates else "byline", value)
    return None


# --- the main text ---------------------------------------------------------------------------


# trafilatura's balanced extraction runs first without its comparison against readability and
# justext (`fast`), which takes their text only where its own is empty or short, at most half as
# long as readability's, or not made of paragraphs (trafilatura.external.compare_extraction). The
# comparison runs (the whole balanced extraction again) only where one of those can hold: the text
# has under this share of the words trafilatura can read (readability reads no more, so below
# one half it could be twice as long), under trafilatura's minimum length, or no paragraphs. The
# fast run costs about 0.7 of the full one. Measured on WCXB dev and trafilatura-eval (English):
# without the comparison word F1 on WCXB drops by 0.02 (it rescues pages whose own extraction is
# nearly empty); with this gate at 0.4 it ran on about a tenth of WCXB pages and F1 stayed within
# 0.001. At 0.3 it runs on 62 rather than 81 of the 951 benchmark pages with both F1 unchanged
# (the one page it would still have improved, recall mode rescues); at 0.25 WCXB F1 drops 0.0006.
_COMPARE_SHARE = 0.3
_MIN_EXTRACTED = 250  # trafilatura's MIN_EXTRACTED_SIZE (settings.cfg)
# When the balanced text holds less than this share of the words trafilatura can read, its recall
# mode is tried as well and its text taken where what it adds is prose. Calibrated on WCXB dev
# (793 article pages) against the page's visible words: always taking the longer of the two gains
# 0.008 word F1 over balanced mode alone but doubles the time; gating on 0.6 keeps most of the
# gain (+0.006). Measured against the readable words (fewer: menus, sidebars and footers are gone)
# it runs on fewer pages for 0.001 of F1. Recall mode runs without trafilatura's comparison
# (`fast`): under the gate that costs nothing measurable in F1 and saves most of the time.
_RECALL_SHARE = 0.6


def _extract(tree: HtmlElement, url: str | None, *, recall: bool = False, fast: bool = True) -> tuple[str, etree._Element | None]:
    """trafilatura's main text of the tree and its body element: the steps of its `bare_extraction`
    for text without metadata, less the copy of the whole tree it makes of an element it is given.
    The tree is handed over instead: trafilatura cuts from it in place (infinite-scroll containers,
    share buttons, comment sections) before it copies what it works on, and a later run of the
    cascade makes the same cuts first anyway. Measured on the 951 benchmark pages, interleaved with
    `bare_extraction`: 2% less time in the balanced run (0.2 s of 10.7 s), the text identical on
    all of them (a test pins this against `bare_extraction`)."""
    options = Extractor(output_format="python", fast=fast, recall=recall, comments=False, tables=True, url=url)
    try:
        body, text, _, _ = trafilatura_sequence(tree, options, url)
    except (TypeError, ValueError):  # what bare_extraction takes for "no text"
        return "", None
    # bare_extraction's "not long enough"; its other checks (tree size, duplicates, language) are
    # off in trafilatura's default settings and with these options.
    if len(text) < options.min_output_size:
        return "", None
    return xmltotxt(body, options.formatting), body


# What a cell of trafilatura's output holds when its table lays out a page rather than data.
_OUTPUT_BLOCKS = ("p", "head", "list", "quote", "table", "code")
_UNFOLD = "wirewatch-unfold"


def _lays_out(table: etree._Element) -> bool:
    """Whether a table of trafilatura's output lays out the page: a cell holds paragraphs or headings,
    or no row has two cells with text (a one-column box of links or captions holds no data)."""
    return any(c.tag in _OUTPUT_BLOCKS for cell in table.iter("cell") for c in cell) or not any(
        sum(1 for cell in row.findall("cell") if "".join(cell.itertext()).strip()) >= 2 for row in table.iter("row")
    )


def _unfold_layout_tables(body: etree._Element) -> bool:
    """A table of trafilatura's output that lays out the page (`_lays_out`: the old sites' one big
    table of top bar, menu, article column and footer, a box of links): its cells become blocks
    of their own, in reading order, instead of one row of text per table row that glues the whole
    article column, headline and menus included, into one line ("| Home > News EDUCATION Students
    torched ... |"). The words are the same; their lines are the page's. False where no table is one."""
    layout = [t for t in body.iter("table") if _lays_out(t)]
    for table in layout:
        for row in table.findall("row"):  # a data table inside keeps its own rows
            row.tag = _UNFOLD
            for cell in row.findall("cell"):
                cell.tag = _UNFOLD if any(c.tag in _OUTPUT_BLOCKS for c in cell) else "p"
        table.tag = _UNFOLD
    etree.strip_tags(body, _UNFOLD)
    return bool(layout)


# Whether trafilatura's text is made of paragraphs, answered inside libxml2: the list of text nodes
# and the lists of elements this replaces were built only to be tested and counted.
_PARAGRAPHS = etree.XPath("boolean(.//p//text()) and count(.//table) <= count(.//p)")


def _not_paragraphs(body: etree._Element | None) -> bool:
    return body is None or not _PARAGRAPHS(body)


_BODY_TEXT = etree.XPath("string(//body)")


def _main_text(
    tree: HtmlElement, url: str | None, page_words: int, uncleaned: Callable[[], HtmlElement] | None = None
) -> tuple[str, etree._Element | None]:
    """trafilatura's text of the article and the element it wrote it from, each of its costlier
    modes only where it could help.
    `uncleaned`, where given, is the page again without what `_lighten` dropped ahead of
    trafilatura's cleaning: its comparison runs on that page too (readability and justext read the
    page from before that cleaning), and its text is taken where what it adds is prose."""
    text, body = _extract(tree, url)
    words = len(text.split())
    replaced = False
    if words < _COMPARE_SHARE * page_words or len(text) < _MIN_EXTRACTED or _not_paragraphs(body):
        fast_text = text
        text, body = _extract(tree, url, fast=False)
        if uncleaned is not None and _adds_prose(text, (wider := _extract(uncleaned(), url, fast=False))[0]):
            text, body = wider
        words = len(text.split())
        replaced = text != fast_text
    # Recall mode widens trafilatura's own selection: not tried where the comparison has already
    # put readability's or justext's text in its place.
    if words < _RECALL_SHARE * page_words and not replaced:
        recalled, recalled_body = _extract(tree, url, recall=True)
        if len(recalled) > len(text) and _adds_prose(text, recalled):
            text, body = recalled, recalled_body
    return text, body


# Share of the extracted text that "comments" may hold before they are taken for the article.
_SWALLOWED = 0.5
# Share of a reader comment's text that the extracted lines found in it must cover for them to be
# the comment's (trafilatura kept it) rather than the article's own lines that the comment quotes.
# On the Dragnet, L3S-GN1 and WCXB pages with comments in their markup, kept comments were covered
# 0.43-0.65 by the lines found in them, comments quoting the article 0.04-0.36 (13 of them, the
# quoted lines taken out of the article before), and a few made mostly of a quote 0.54-0.82.
_KEPT_COMMENT_SHARE = 0.4


def _comment_lines(lines: list[str], comments: list[Comment]) -> list[bool]:
    """Which lines of the extracted text are reader comments: whole lines of a comment, or longer
    lines inside one, where they make up much of that comment."""
    flags = [False] * len(lines)
    if not comments:
        return flags
    blobs = [L.normalise_line(c.text) for c in comments]
    every_blob = "\n".join(blobs)
    keys = {i: key for i, ln in enumerate(lines) if len(key := L.normalise_line(ln)) > 20 and key in every_blob}
    if not keys:  # no line in any comment: the usual case, settled without a look at each comment
        return flags
    for comment, blob in zip(comments, blobs, strict=True):
        own = {L.normalise_line(ln) for ln in comment.text.split("\n") if len(ln) > 20}
        found = [i for i, key in keys.items() if key in own or (len(key) > 40 and key in blob)]
        if found and sum(len(keys[i]) for i in found) >= _KEPT_COMMENT_SHARE * len(blob):
            for i in found:
                flags[i] = True
    return flags


# Recall mode's text replaces the balanced one only when what it adds is mostly prose (not the
# sidebars and link lists it also picks up): this share of the added words in prose lines.
_ADDED_PROSE = 0.6


def _adds_prose(text: str, recalled: str) -> bool:
    have = set(text.split("\n"))
    added = [ln for ln in recalled.split("\n") if ln.strip() and ln not in have]
    total = sum(len(ln.split()) for ln in added)
    prose = sum(len(ln.split()) for ln in added if L.is_prose(ln))
    return total > 0 and prose >= _ADDED_PROSE * total


def _headline_like(line: str) -> bool:
    n = len(L.words(line))
    return 3 <= n <= _ABOVE_HEADLINE_WORDS * 2 and not line.rstrip().endswith((".", ":", ";", ",")) and not L.is_chrome(line)


# Lines above a repeated headline of at most this many words are kickers, section labels and date
# lines; a longer one is a standfirst that some pages print first, and stays.
_ABOVE_HEADLINE_WORDS = 12


_CORRECTION = re.compile(
    r"^\W*(?:this (?:article|story|post|report) (?:has been|was) (?:revised|updated|corrected|amended)"
    r"|corrections?:|clarifications?:|editor'?s note:|an earlier version of this (?:article|story))",
    re.I,
)
# A correction notice ends the article: at most this many paragraphs of prose follow it (its own,
# where its label stands alone, and one more). "[EDITOR'S NOTE: click to enlarge the image below.]"
# with eight paragraphs of the article under it is no correction (WCXB dev 4656).
_AFTER_CORRECTION_PROSE = 2


def _ends_article(lines: list[str], k: int) -> bool:
    return sum(L.is_prose(line) for line in lines[k + 1 :]) <= _AFTER_CORRECTION_PROSE


# How trafilatura marks a list item in its text.
_LIST_MARK = re.compile(r"^[-\u2022*]\s+")
# A byline line is at most this long ("By Anna Kerr and Tomas Brell, Staff Reporters").
_BYLINE_WORDS = 10


def _keep(paragraph: str, title_key: str | None) -> str | None:
    """Why a paragraph of trafilatura's text is not article text, or None to keep it."""
    if title_key and L.normalise_line(_LIST_MARK.sub("", paragraph)) == title_key:
        return "headline repeated"  # also as the last item of a breadcrumb trail: "- <headline>"
    if len(paragraph) <= 120 and (L.is_chrome(paragraph) or L.is_comment_form(paragraph) or L.is_comment_header(paragraph)):
        return "page furniture"
    if L.is_inline_aside(paragraph):
        return "link to another article"  # "READ ALSO: <headline>", "Baca juga: <headline>"
    if L.is_call_to_action(paragraph):
        return "call to action"
    if len(paragraph) <= 120 and L.is_date_line(paragraph):
        return "date line"  # "Published: July 23, 2012": the date is read from the markup or beside the headline
    if not paragraph.rstrip().endswith(".") and L.few_words(paragraph, _BYLINE_WORDS) and L.byline_name(paragraph):
        return "byline"  # "By ROD NORDLAND and MAYY EL SHEIKH": the author, read from the markup
    if L.is_boilerplate_sentence(paragraph):
        return "site-wide notice"
    return None


# Elements no extractor reads text from. Dropped once after the metadata is read, so that
# trafilatura's copies and passes over the tree do not carry them (inline scripts are often most
# of a page's bytes); JSON-LD stays, trafilatura falls back on its `articleBody`.
_DEAD_WEIGHT = ("script", "style", "svg", "template", "link", "iframe")
# Elements trafilatura's own cleaning deletes before it looks for the article (its
# MANUALLY_CLEANED list), dropped here once instead: trafilatura runs its costliest XPath queries
# and copies on the whole page before that cleaning, and on WCXB dev these elements (menus,
# sidebars, footers, buttons) are about a third of a page's elements. Kept for trafilatura to decide:
# forms (a page-wide form can wrap the article), the head and scripts (JSON-LD `articleBody`),
# noscript and figure (its fallbacks read the article from them on some pages), math (recovered
# as formulas).
_KEPT_FOR_TRAFILATURA = frozenset({"form", "head", "script", "noscript", "figure", "math"})
_CLEANED_ANYWAY = tuple(tag for tag in MANUALLY_CLEANED if tag not in _KEPT_FOR_TRAFILATURA | set(_DEAD_WEIGHT))
# Elements trafilatura's cleaning unwraps (their text stays where it was: images, <font>, <small>,
# <abbr>, table sections and the like, its MANUALLY_STRIPPED list), unwrapped here once: each of
# trafilatura's passes and copies then has fewer elements to go through. Extracted text unchanged
# on 950 of the 951 benchmark pages (one gained five characters), trafilatura's share of
# `clean_html` about 3% faster.
_STRIPPED_ANYWAY = tuple(tag for tag in MANUALLY_STRIPPED if tag not in _DEAD_WEIGHT)
# Empty elements (no text, no children) of the kinds trafilatura deletes once its cleaning is done
# (CUT_EMPTY_ELEMS: spacers, icon holders, emptied divs and spans), deleted here first: 5% of
# trafilatura's time on the benchmark pages. Not quite the same: trafilatura's own pass then also
# deletes what became empty; 6 of 951 pages' text changed by a few words, WCXB word F1 -0.00004.
_EMPTY_CUT = tuple(CUT_EMPTY_ELEMS)
# Spans without attributes, which none of trafilatura's queries can single out and which it unwraps
# after its link-density tests: unwrapped here first (2% of its time; 1 of 951 pages' text changed,
# by a character).
_UNWRAP = "wirewatch-unwrap"
_GONE = "wirewatch-gone"  # tags no page uses: elements to drop or unwrap are renamed, then handled in C

# Share of the text of the page's paragraphs that must stand outside the elements trafilatura deletes
# anyway for them to be dropped first. A page built inside one of them (an app layout wrapping the
# article in a <nav>: 99% of its paragraph text) is left whole: trafilatura's own cleaning then
# takes it too, but its rescue from the uncleaned tree has the text to find (WCXB dev 0304: word F1
# 0.01 -> 0.93). Pages with a fifth or more of their paragraph text outside are better lightened
# (at 0.5, three WCXB pages lost 0.09 to 0.57).
_KEPT_PARAGRAPH_TEXT = 0.1
# Share of the page's text that must stand outside those elements when they are dropped: where nearly
# all of it was inside one (a guestbook scrolling in a <marquee>, its entries in table cells, not
# paragraphs), trafilatura's comparison reads the page without that step, as trafilatura's own
# cascade would (CleanEval dev 34: word F1 0.14 -> 1.0). Giving it that page everywhere cost WCXB
# dev 0.0012 and trafilatura-eval 0.003; giving it only where nearly all was dropped, without the
# test that what it adds is prose, WCXB 0.0007 (a page of shipping banners taken for the article).
_KEPT_PAGE_TEXT = 0.25


def _lighten(tree: HtmlElement, *, ahead_of_trafilatura: bool = True) -> bool:
    """Drop what no extractor reads and, `ahead_of_trafilatura`, what trafilatura would delete
    anyway, unless that would take nearly all the paragraphs' text (trafilatura then rescues the
    text from the uncleaned tree, or its recall mode undoes its cleaning); unwrap what it would
    unwrap. Elements are dropped with their tail text kept, in lxml's C loops. False where what
    trafilatura deletes anyway held nearly all the page's text, the tree left without it: trafilatura's
    comparison is then to read the page again without that step (`_lightened`)."""
    for el in [el for el in tree.iter("script") if el.get("type") != "application/ld+json"]:
        el.tag = _GONE
    etree.strip_elements(tree, _GONE, *(tag for tag in _DEAD_WEIGHT if tag != "script"), with_tail=False)
    kept_text = True
    if ahead_of_trafilatura and _paragraphs_survive(tree):
        before = len(_BODY_TEXT(tree))
        etree.strip_elements(tree, *_CLEANED_ANYWAY, with_tail=False)
        kept_text = len(_BODY_TEXT(tree)) >= _KEPT_PAGE_TEXT * before
    etree.strip_tags(tree, *_STRIPPED_ANYWAY)
    for el in [el for el in tree.iterdescendants(_EMPTY_CUT) if not len(el) and el.text is None]:
        el.tag = _GONE
    etree.strip_elements(tree, _GONE, with_tail=False)
    for el in [el for el in tree.iter("span") if not len(el.attrib)]:
        el.tag = _UNWRAP
    etree.strip_tags(tree, _UNWRAP)
    return kept_text


def _lightened(html: str) -> HtmlElement:
    """The page parsed anew and lightened of what no extractor reads only."""
    tree = parse_html(html)
    _lighten(tree, ahead_of_trafilatura=False)
    return tree


def _paragraphs_survive(tree: HtmlElement) -> bool:
    """Whether more than `_KEPT_PARAGRAPH_TEXT` of the paragraphs' text stands outside the elements
    trafilatura deletes anyway. The paragraphs inside them, few on most pages, are counted first;
    the others only until they are enough."""
    inside = {p for el in tree.iter(*_CLEANED_ANYWAY) for p in el.iter("p")}
    if not inside:
        return next(tree.iter("p"), None) is not None
    enough = sum(len(p.text_content()) for p in inside) * _KEPT_PARAGRAPH_TEXT / (1 - _KEPT_PARAGRAPH_TEXT)
    outside = 0
    for p in tree.iter("p"):
        if p not in inside:
            outside += len(p.text_content())
            if outside > enough:
                return True
    return False


def _not_in_body(page_text: str, paragraphs: list[str], comments: list[Comment]) -> list[str]:
    """The lines of the page that neither the body nor a comment holds, each once. Both sides are
    whitespace-collapsed; the body may join lines the page split, so a line also counts as held
    when it is inside a body line. That scan reads the whole body for each line, so a line of three
    or more words is first tested on its inner words: inside a body line they are whole words of
    it (the first and last may be cut), and one that is no word of the body rules the line out
    without the scan. A line of one word is inside the body where it is inside one of the body's
    words: it is looked for in the body's distinct words, a shorter text."""
    body_text = "\n".join(paragraphs)
    body_words = set(body_text.split())
    distinct_words = "\n".join(body_words)
    kept = set(paragraphs) | {ln for c in comments for ln in c.text.split("\n")}
    out = []
    for ln in dict.fromkeys(page_text.split("\n")):
        if not ln or ln in kept:
            continue
        words = ln.split(" ")
        if len(words) == 1:
            held = ln in distinct_words
        else:
            held = (len(words) == 2 or body_words.issuperset(words[1:-1])) and ln in body_text
        if not held:
            out.append(ln)
    return out


# trafilatura's text is one block where it fell back on reading the whole page (its baseline) or
# the page's layout gave it no paragraphs (a table per page): no line of it can be told from another,
# reader comments included. The block is this long and holds this share of the text. Where comments
# stand in the text, the page's visible text, cleaned line by line as flattened text is, tells the
# article from the thread: on L3S-GN1 (5 such pages) comment lines leaked into bodies 0.152 -> 0.024
# of all, body F1 0.867 -> 0.892; no WCXB dev or trafilatura-eval page has such a block. Blocks
# without comments are left to trafilatura: there the line-by-line reading won on 6 of 15 pages and
# lost 0.02-0.22 on 6.
_BLOCK_CHARS = 3000
_BLOCK_SHARE = 0.7


def _one_block(lines: list[str]) -> bool:
    longest = max(map(len, lines), default=0)
    return longest >= _BLOCK_CHARS and longest >= _BLOCK_SHARE * sum(map(len, lines))


def _holds_comments(text: str, page_text: str, comments: list[Comment]) -> bool:
    """Whether the extracted text holds reader comments: found in the markup, or the thread the
    page's visible text shows."""
    if _any_inside(comments, text):
        return True
    found = comments_in_lines(page_text.split("\n"))
    return found is not None and _any_inside(found[2], text)


def _any_inside(comments: list[Comment], text: str) -> bool:
    """Whether a comment's opening words (a sentence's worth: a short first line such as
    "LLM-assisted" may quote the article) stand in the text."""
    return any(len(opening := c.text.split("\n", 1)[0][:60]) >= 40 and opening in text for c in comments)


def _cleaned_as_text(page_text: str, url: str | None) -> PageParts:
    """The page's visible text through the flattened-text cleaner, line by line, in its language."""
    return clean_flat(page_text, language=detect_language(page_text), url=url)


def _in_page_order(paragraphs: list[str], page_text: str) -> list[str]:
    """The paragraphs in the order the page shows them. trafilatura reads the tree as served, where
    parts streamed late stand at the end (`html_tree.streamed_parts`); a paragraph not found in
    the page's text as such stays after the one before it."""
    keys, at = [], -1
    for k, paragraph in enumerate(paragraphs):
        found = page_text.find(paragraph[:80])
        at = found if found >= 0 else at
        keys.append((at, k))
    return [paragraphs[k] for _, k in sorted(keys)]


def _weak_dates(lines: list[str], *, day_first: bool = False) -> list[DateSeen]:
    return [DateSeen(iso, "page_header", found) for line in lines for iso, found in find_dates(line, day_first=day_first)]


def _dates_by_headline(
    page_text: str, headlines: list[str], *, updates: bool = False, day_first: bool = False
) -> list[DateSeen]:
    """The date printed in a short line beside the headline (the title, or an h1) in the page's
    visible text ("Oct 21, 2025", "Published on Oct 21, 2025", "17.05.2021"; not "Updated May 6,
    2025"), below it first, for a page whose meta tags and markup give none: where a byline stands.
    On WCXB dev, of the 659 pages with a gold date, 170 had none (83 now); right 437 -> 520."""
    keys = {L.normalise_line(h) for h in headlines}
    sizes = [len(h) for h in headlines]
    lines = [ln.strip() for ln in page_text.split("\n") if ln.strip()]
    # lines of about a headline's length only are normalised and compared
    at = next((k for k, ln in enumerate(lines)
               if any(abs(len(ln) - n) <= 8 for n in sizes) and L.normalise_line(ln) in keys), None)
    if at is None:
        return []
    below = []
    prose = 0
    for ln in lines[at + 1 : at + 1 + _DATE_LINES_BELOW]:
        prose += L.is_prose(ln)
        if prose > 1:
            break  # past a standfirst, the article itself: reader comments may follow a short one
        below.append(ln)
    near = below + lines[max(0, at - _DATE_LINES_ABOVE) : at][::-1]
    # an update date is not when the page was published (as in `_byline_date`); with `updates`, only
    # one is taken
    return [DateSeen(iso, "updated" if updates else "byline", found) for ln in near
            if len(L.words(ln)) <= _DATE_LINE_WORDS and bool(_UPDATED_MARK.search(ln)) == updates
            for iso, found in find_dates(ln, day_first=day_first)][:1]


# How far from the headline a date line is looked for, in lines of visible text, and how long it may be.
_DATE_LINES_ABOVE = 3
_DATE_LINES_BELOW = 8
_DATE_LINE_WORDS = 15


# Characters of the article's opening its language is told from, and the share of English function
# words that tells English at once (English prose has about twice as many; other languages a few).
_LANGUAGE_SAMPLE = 2000
_ENGLISH_STOP_SHARE = 0.25


def _language_of(text: str) -> str:
    """The article's language, for what counts as prose in it and how a numeric date reads
    ("12/02/2025"). Most pages are in English and tell so by their function words alone: the
    identifier (3 ms a page, 6% of `clean_html` on WCXB) runs on the others."""
    sample = text[:_LANGUAGE_SAMPLE]
    if L.stop_word_share(L.words(sample), stop_words("en")) >= _ENGLISH_STOP_SHARE:
        return "en"
    return detect_language(sample)


# A line over the byline block shorter than this is a menu's last item ("What's on") more likely than a
# headline to put in the <title>'s place.
_HEADLINE_MIN_WORDS = 3


# A page that shows only a teaser of its article ("Continue reading in the app", a paywall's first
# lines) may carry the whole of it in its JSON-LD `articleBody`: taken where the visible text holds
# fewer than this many words and the articleBody at least this many times as many.
_TEASER_WORDS = 120
_TEASER_SHARE = 3
# An articleBody is weighed against a teaser at least this long: under three times it (75 words) it
# is a summary, whatever the page shows.
_TEASER_FLOOR_WORDS = 25


def _behind_teaser(text: str, article_body: str | None) -> str | None:
    """The article's text from its JSON-LD where the page shows only a teaser of it, else None."""
    if not article_body:
        return None
    shown = len(text.split())
    if shown >= _TEASER_WORDS or len(article_body.split()) < _TEASER_SHARE * max(shown, _TEASER_FLOOR_WORDS):
        return None
    if "<" in article_body:  # some sites put the article's markup there
        fragment = parse_html(f"<html><body>{article_body}</body></html>")
        article_body = visible_text(fragment, {}) if fragment is not None else article_body
    return "\n".join(ln.strip() for ln in article_body.split("\n") if ln.strip())


def clean_html(html: str, *, url: str | None = None) -> PageParts:
    tree = parse_html(html)
    if tree is None:
        return PageParts(title=Found(None), author=Found(None), paragraphs=())
    items = comment_items(tree)
    comments = read_comments(items)
    comment_elements = set(items)
    h1s = _h1_texts(tree)
    title, author, dates, modified, site, article_body = _metadata(tree, comment_elements, h1s)
    streamed = streamed_parts(tree) if has_streamed_parts(html) else {}
    page_text = visible_text(tree, streamed)
    if title.source == "html_title" and title.value and (printed := _printed_part(title.value, page_text)):
        title = Found(printed, "html_title, the part the page prints", title.confidence)

    # The dates the markup gives in elements named for them, read now (trafilatura cuts from the tree)
    # where no date beside the markup's headline stands in for them (the costlier queries).
    undated = not any(d.date and d.where in ("html_meta", "byline") for d in dates)
    beside = undated and bool(_dates_by_headline(page_text, [h for h in (title.value, *h1s) if h], day_first=True))
    marked = _marked_date(tree, comment_elements) if undated and not beside else None
    updated = (_updated_date(tree, comment_elements) or modified) if not dates and not beside and not marked else None

    def dated(title: Found) -> list[DateSeen]:
        """The markup's dates, else those printed beside the headline (`title` or an h1)."""
        headlines = [h for h in (title.value, *h1s) if h]
        found = list(dates)
        printed = _dates_by_headline(page_text, headlines, day_first=day_first)
        if undated:
            # the date printed beside the headline, else one in an element named for it further off
            found += printed or [d for d in [marked] if d]
        elif not any(d.where == "byline" for d in found):
            # kept beside the meta tags' date: `metadata.published_of` weighs them where they disagree
            found += printed
        if not found:  # nothing dates the page: when it says it was updated may stand in
            found += _dates_by_headline(page_text, headlines, updates=True, day_first=day_first) or [
                d for d in [updated] if d]
        if modified is not None:
            found.append(DateSeen(modified.date, "modified", modified.evidence))
        return found

    # where what trafilatura deletes anyway held nearly all the page's text, its comparison reads
    # the page without that step
    uncleaned = None if _lighten(tree) else lambda: _lightened(html)
    # What trafilatura can read once the tree is lightened, the measure of how much of it an
    # extraction took; reader comments are not article text it could have missed.
    readable_words = len(_BODY_TEXT(tree).split()) - sum(len(c.text.split()) for c in comments)
    text, body = _main_text(tree, url, readable_words, uncleaned)
    if (full := _behind_teaser(text, article_body)) is not None:
        text, body = full, None
    language = _language_of(text or page_text)
    day_first = language != "en"  # how a numeric date ("12/02/2025") reads

    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if _one_block(lines) and _holds_comments(text, page_text, comments):
        flat = _cleaned_as_text(page_text, url)
        if flat.paragraphs:
            comments = comments or list(flat.comments)
            return PageParts(
                title=title if title.value else flat.title, author=author if author.value else flat.author,
                paragraphs=flat.paragraphs, removed=flat.removed, comments=tuple(comments),
                dates=tuple(dated(title) + comment_dates(comments)),
                site_name=site,
            )
    if body is not None and _unfold_layout_tables(body):
        # the choices so far weighed the text as trafilatura writes it; the article is read in the
        # page's own lines
        lines = [ln.strip() for ln in xmltotxt(body, False).split("\n") if ln.strip()]
    in_comments = _comment_lines(lines, comments)
    if sum(len(ln) for ln, c in zip(lines, in_comments, strict=True) if c) > _SWALLOWED * sum(map(len, lines)):
        # "Comments" that hold most of the article are its own container (a class such as
        # "post-with-comments"), not reader comments.
        comments, in_comments = [], [False] * len(lines)

    # Comments the markup did not give away but the text does (a "12 comments" header, signed and
    # dated items) are cut from the end of the text, as the flattened-text cleaner cuts them, where
    # the article comes first.
    in_text = comments_in_lines(lines)
    if in_text and article_before(lines, in_text[0]) and in_text[2]:
        start, end, found = in_text
        in_comments[start:end] = [True] * (end - start)
        comments = comments + [c for c in found if c.text not in {x.text for x in comments}]

    if title.source == "html_title" and (headline := next(filter(None, (
        _headline_over_article(page_text, first, title.value, language)
        # over the article's first prose, or over its second where the first is a deck over the byline
        for first in islice((ln for ln, c in zip(lines, in_comments, strict=True)
                             if not c and L.is_prose(ln, language)), 2)
    )), None)) and len(headline.split()) >= _HEADLINE_MIN_WORDS:
        # a <title> the page does not print (the site's name, "Site :: Section") gives way to the
        # headline printed over the article, which then comes out of the body as a repeated headline
        title = Found(headline, "text over the article", 0.6)
    dates = dated(title)
    title_key = L.normalise_line(title.value) if title.value else None
    paragraphs: list[str] = []
    removed: list[str] = []
    correction = False
    before_prose = True  # no paragraph of prose kept yet
    for k, (line, is_comment) in enumerate(zip(lines, in_comments, strict=True)):
        # an editor's correction notice at the article's end, and what follows it, speak about the
        # article, not in it (an editor's note at its top introduces it, one with the article going
        # on under it is a note in it: kept)
        correction = correction or (k >= len(lines) / 2 and bool(_CORRECTION.match(line)) and _ends_article(lines, k))
        if correction and not is_comment:
            removed.append(line)
            continue
        # the headline is repeated above the article's first prose, after a kicker or a date line
        # if need be, and what stands above it (a section label, "Page updated at ...") is not
        # article text either
        why = "reader comment" if is_comment else _keep(line, title_key if before_prose else None)
        if why == "headline repeated":
            above = [p for p in paragraphs if len(L.words(p)) <= _ABOVE_HEADLINE_WORDS]
            removed += above
            paragraphs = [p for p in paragraphs if len(L.words(p)) > _ABOVE_HEADLINE_WORDS]
            # a date there is the page's ("Page updated at ...") or the site's "today": weak, as the
            # flattened-text cleaner counts a date above the headline
            dates += _weak_dates(above, day_first=day_first)
        elif why == "date line":
            # a date stamp among the article's lines ("Published: July 23, 2012"): weak, like the above
            dates += _weak_dates([line], day_first=day_first)
        if why:
            removed.append(line)
        else:
            paragraphs.append(line)
            before_prose = before_prose and not L.is_prose(line, language)
    if title.value is None and paragraphs and _headline_like(paragraphs[0]) and any(
        L.is_prose(p, language) for p in paragraphs[1:3]
    ):
        # no headline in the page's markup: the short line opening the article (over its first
        # prose, a section label between at most) is it
        title = Found(paragraphs[0], "first_line", 0.5)
        removed.append(paragraphs.pop(0))
    elif paragraphs and title.value is None and (
        headline := _headline_over_article(page_text, paragraphs[0], None, language)
    ):
        title = Found(headline, "text over the article", 0.6)
    if streamed:
        paragraphs = _in_page_order(paragraphs, page_text)
    # Both sides are whitespace-collapsed already; the body may join lines the page split, so a
    # line counts as kept when it is inside the body's text (a set lookup first, the scan after).
    removed += _not_in_body(page_text, paragraphs, comments)
    dates += comment_dates(comments)
    return PageParts(
        title=title,
        author=author,
        paragraphs=tuple(paragraphs),
        removed=tuple(dict.fromkeys(removed)),
        comments=tuple(comments),
        dates=tuple(dates),
        site_name=site,
    )
