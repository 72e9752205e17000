"""HTML pages: trafilatura finds the main text; wirewatch keeps comments apart and owns the result.

The cascade, each step cheap unless the one before under-delivered:

1. the page is parsed once (lxml through trafilatura's tolerant loader: legacy charsets, broken
   markup) and every later step works on that tree or a copy of it;
2. reader comments are found in the tree as items (WordPress-style markup), else as the repeated
   blocks of a section whose id or class says comments, each with its own date where shown;
3. title, author, dates and site name come from the page's own metadata (meta tags, JSON-LD,
   `<time>`, `<h1>`), read in one pass rather than trafilatura's slower metadata extraction;
4. trafilatura's balanced extraction gives the main text; where it covers little of the page's
   visible text, its recall mode runs too, and its text is taken when what it adds is prose;
5. the paragraphs are filtered: reader comments (found in the markup, or in the text itself by
   a comment header and signed, dated items), page furniture, calls to action and site-wide
   notices that slipped through (the vocabularies of `clean.lines`), the headline printed again.

Measured with `python -m benchmarks.extraction` and `python -m benchmarks.comments`.
"""

from __future__ import annotations

import json
import re

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from wirewatch.clean import lines as L
from wirewatch.clean.dates import find_dates, normalise_date
from wirewatch.clean.flat import comments_in_lines
from wirewatch.clean.parts import DateSeen, PageParts
from wirewatch.model import Comment, Found

# When trafilatura's balanced text holds less than this share of the page's visible words, its
# recall mode is tried as well and the longer result kept. Measured on WCXB dev (793 article pages):
# always taking the longer of the two gains 0.008 word F1 over balanced mode alone but doubles the
# time; gating on 0.6 keeps most of the gain (+0.006) and runs recall mode on about 23% of pages.
# Recall mode runs without trafilatura's readability/justext comparison (`fast`): under the gate
# that costs nothing measurable in F1 and saves most of the time.
_RECALL_SHARE = 0.6

# --- the visible text ------------------------------------------------------------------------

_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "canvas"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "button", "select",
    "textarea", "label",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")
_WHITESPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _visible(el: etree._Element, out: list[str], pre: bool = False) -> None:
    # Source line breaks are spaces to a browser, except inside <pre>; <br> breaks a line, a block
    # element starts and ends one (two blocks in a row leave a blank line between them).
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if not tag or tag in _INVISIBLE or el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        if el.tail:
            out.append(el.tail if pre else _WHITESPACE.sub(" ", el.tail))
        return
    inner = pre or tag == "pre"
    if tag == "br" or tag in _BLOCK:
        out.append("\n")
    elif tag in ("td", "th"):
        out.append(" ")
    if el.text:
        out.append(el.text if inner else _WHITESPACE.sub(" ", el.text))
    for child in el:
        _visible(child, out, inner)
    if tag in _BLOCK:
        out.append("\n")
    if el.tail:
        out.append(el.tail if pre else _WHITESPACE.sub(" ", el.tail))


def visible_text(tree: etree._Element) -> str:
    """What a browser shows of a page as text: one block element per line, blocks separated by one
    blank line, scripts, styles and hidden elements gone, everything else (menus, comments) kept.
    This is the situation of scraped page text, and the input of `clean_flat`."""
    out: list[str] = []
    _visible(tree, out)
    text: list[str] = []
    for ln in "".join(out).split("\n"):
        ln = _SPACES.sub(" ", ln).strip()
        if ln or (text and text[-1]):
            text.append(ln)
    while text and not text[-1]:
        text.pop()
    return "\n".join(text) + "\n" if text else ""


def parse_html(html: str | bytes) -> HtmlElement | None:
    """The page as a tree, or None where there is no HTML to speak of."""
    if isinstance(html, str):
        html = _XML_DECLARATION.sub("", html, count=1)
    try:
        return load_html(html)
    except (ValueError, TypeError, etree.ParserError):
        return None


# --- reader comments -------------------------------------------------------------------------

# Comment items: WordPress (`li.comment`, `#comment-123`), Disqus-style and generic markup.
_COMMENT_ITEMS = etree.XPath(
    "//*[self::li or self::article or self::div]"
    "[starts-with(@id, 'comment-') or starts-with(@id, 'div-comment-')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' comment ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' comment-item ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' depth-1 ')]"
)
# Within an item, the comment's own words (not its author line, date or reply link).
_COMMENT_CONTENT = [
    etree.XPath(x) for x in (
        ".//*[contains(@class, 'comment-content') or contains(@class, 'comment-text')"
        " or contains(@class, 'comment_text') or contains(@class, 'comment-entry') or @itemprop='text']",
        # WordPress themes use comment-body for the whole item, older ones for the words alone.
        ".//*[contains(@class, 'comment-body')][not(.//*[contains(@class, 'comment-author')])]",
    )
]
_COMMENT_SECTIONS = etree.XPath(
    "//*[@id='comments' or @id='respond' or @id='disqus_thread' or contains(@class, 'comments-area')"
    " or contains(@class, 'comment-list') or contains(@class, 'commentlist') or contains(@class, 'comment-respond')]"
)


def _own_text(el: etree._Element, skip: set[etree._Element]) -> str:
    """The element's text without that of nested items (replies are comments of their own)."""
    out: list[str] = []

    def walk(e: etree._Element) -> None:
        if e in skip and e is not el:
            if e.tail:
                out.append(e.tail)
            return
        tag = e.tag.lower() if isinstance(e.tag, str) else ""
        if not tag or tag in _INVISIBLE:
            if e.tail:
                out.append(e.tail)
            return
        if tag in _BLOCK:
            out.append("\n")
        if e.text:
            out.append(e.text)
        for c in e:
            walk(c)
        if tag in _BLOCK:
            out.append("\n")
        if e.tail and e is not el:
            out.append(e.tail)

    walk(el)
    lines = [_SPACES.sub(" ", ln).strip() for ln in "".join(out).split("\n")]
    return "\n".join(ln for ln in lines if ln and not L.is_chrome(ln))


def _comment_date(item: etree._Element, skip: set[etree._Element]) -> str | None:
    for t in item.iter("time"):
        if any(a in skip and a is not item for a in t.iterancestors()):
            continue
        iso = normalise_date(t.get("datetime")) or normalise_date(t.text_content())
        if iso:
            return iso
    return None


def find_comments(tree: HtmlElement) -> list[Comment]:
    """Reader comments as separate items, each with its date where the page shows one: comment
    items marked up as such (WordPress and the like) first, else the repeated blocks of a section
    whose id or class says comments."""
    items = [el for el in _COMMENT_ITEMS(tree) if not el.get("id", "").startswith("div-comment-")]
    if items:
        # The outermost match of a nested pair is the item (a WordPress li around its article).
        item_set = set(items)
        items = [el for el in items if not any(a in item_set for a in el.iterancestors()) or _is_reply(el, item_set)]
    else:
        items = [item for section in _comment_sections(tree) for item in _repeated_blocks(section)]
    skip = set(items)
    comments = []
    for item in items:
        content = next((found[0] for xp in _COMMENT_CONTENT if (found := xp(item))), None)
        if content is not None and any(a in skip and a is not item for a in content.iterancestors()):
            content = None
        text = _own_text(content if content is not None else item, skip)
        if len(L.words(text)) < 2:
            continue
        date = _comment_date(item, skip)
        if date is None:
            found = find_dates(_own_text(item, skip))
            date = found[0][0] if found else None
        comments.append(Comment(text=text, date=date))
    return comments


_SECTION = re.compile(r"comment|\bcmt|talkback|reader.?reactions|disqus", re.I)
# Parts of a comment section that are not comments: the form, counters, links to it, policies.
_NOT_SECTION = re.compile(r"form|respond|reply.?title|count|link|rss|feed|policy|button|login|nav|meta|header", re.I)
# A first cut in C (lxml's XPath) before the regular expressions: ids and classes that mention
# comments in any common spelling.
_SECTION_CANDIDATES = etree.XPath(
    "//*[not(self::form or self::a or self::body or self::html)]"
    "[contains(@id, 'omment') or contains(@class, 'omment') or contains(@id, 'OMMENT') or contains(@class, 'OMMENT')"
    " or contains(@id, 'cmt') or contains(@class, 'cmt') or contains(@id, 'talkback') or contains(@class, 'talkback')"
    " or contains(@id, 'disqus') or contains(@class, 'disqus') or contains(@id, 'eactions') or contains(@class, 'eactions')]"
)


def _comment_sections(tree: HtmlElement) -> list[etree._Element]:
    found = []
    for el in _SECTION_CANDIDATES(tree):
        label = f"{el.get('id') or ''} {el.get('class') or ''}"
        if _SECTION.search(label) and not _NOT_SECTION.search(label):
            found.append(el)
    chosen = set(found)
    return [el for el in found if not any(a in chosen for a in el.iterancestors())]


def _signature(el: etree._Element) -> tuple[str, str]:
    return (el.tag if isinstance(el.tag, str) else "", re.sub(r"\d+", "", el.get("class") or ""))


def _repeated_blocks(section: etree._Element) -> list[etree._Element]:
    """The section's comments: the largest group of same-looking siblings in it (two or more),
    or the section itself as one comment."""
    best: list[etree._Element] = []
    best_len = 0
    for parent in section.iter():
        groups: dict[tuple[str, str], list[etree._Element]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in _INVISIBLE and child.tag not in ("br", "form"):
                groups.setdefault(_signature(child), []).append(child)
        for group in groups.values():
            if len(group) < 2:
                continue
            size = sum(len(c.text_content()) for c in group)
            if size > best_len:
                best, best_len = group, size
    return best or [section]


def _is_reply(el: etree._Element, items: set[etree._Element]) -> bool:
    """A reply nested in another comment's list (an `ol.children` inside the parent item)."""
    parent = el.getparent()
    return parent is not None and parent.tag in ("ol", "ul") and el.tag == "li"


# --- metadata --------------------------------------------------------------------------------

_JSONLD = etree.XPath("//script[@type='application/ld+json']/text()")
_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\-:\u00bb\u00b7]\s+")
_AUTHOR_XPATH = etree.XPath(
    "(//*[@rel='author' or @itemprop='author' or contains(@class, 'author-name') or contains(@class, 'byline')"
    " or contains(@class, 'author')][not(ancestor::*[contains(@class, 'comment')])])[position() <= 6]"
)
_MENU_WORDS = re.compile(
    r"\b(home|menu|search|share|subscribe|login|log in|sign in|posts?|articles?|more|view|profile|about|"
    r"contact|follow|facebook|twitter|editor|staff|admin|team|news|contributors?|authors?)\b", re.I,
)


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


def _is_article(obj: dict) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report")) for k in kinds)


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


_ROLE_ONLY = re.compile(r"(?:the |about the |our )?(?:author|editor|writer|staff|team|admin)s?", re.I)


def plausible_author(name: str | None) -> str | None:
    """A person's or outlet's name, or None: never a menu word, a URL, a sentence or a date."""
    if not name:
        return None
    s = _WHITESPACE.sub(" ", name).strip(" ,|-\u2013\u2014:")
    # "By Anna Kerr", "BySummer Swann" (a flattened link), "Written by", "Author: ..."
    s = re.sub(r"^(?:(?:written |posted )?by|author:?|von|par)(?:\s+|(?-i:(?=[A-Z]))|$)", "", s, flags=re.I).strip()
    if not s or _ROLE_ONLY.fullmatch(s) or "http" in s or "@" in s or "/" in s or find_dates(s) or L.is_chrome(s):
        return None
    n = len(s.split())
    if not 1 <= n <= 8 or len(s) > 80 or not any(w[:1].isupper() for w in s.split()):
        return None
    if _MENU_WORDS.fullmatch(s) or (n <= 2 and all(_MENU_WORDS.fullmatch(w) for w in s.split())):
        return None
    return s


def _site_suffix_off(title: str, site: str | None) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        if site and L.normalise_line(parts[-1]) == L.normalise_line(site):
            return _TITLE_SEPARATORS.split(title, maxsplit=len(parts) - 2)[0] if len(parts) > 2 else parts[0]
        # "Headline | Outlet": the outlet part is short and the headline the longest part.
        longest = max(parts, key=len)
        if len(parts[-1].split()) <= 4 and longest is parts[0]:
            return title[: title.rfind(parts[-1])].rstrip(" |-\u2013\u2014:\u00bb\u00b7")
    return title


def _metadata(tree: HtmlElement) -> tuple[Found, Found, list[DateSeen], str | None]:
    metas = _metas(tree)
    site = _first(metas, "og:site_name", "application-name")
    articles = [o for o in _jsonld(tree) if _is_article(o)]

    def h1() -> str | None:
        return next((_SPACES.sub(" ", h.text_content()).strip() for h in tree.iter("h1") if h.text_content().strip()), None)

    title = Found(None)
    for where, get in (
        ("html_meta", lambda: _first(metas, "og:title", "twitter:title")),
        ("json_ld", lambda: next((o["headline"] for o in articles if isinstance(o.get("headline"), str)), None)),
        ("h1", h1),
        ("html_title", lambda: tree.findtext(".//title")),
    ):
        value = get()
        if value and value.strip():
            title = Found(_site_suffix_off(_SPACES.sub(" ", value).strip(), site), where, 0.9)
            break

    site_key = L.normalise_line(site) if site else None

    def author_candidates():  # cheapest first; the XPath over the whole page only when needed
        meta_author = _first(metas, "author", "article:author", "parsely-author", "dc.creator")
        yield meta_author, "html_meta"
        for o in articles:
            names = [n for n in (plausible_author(x) for x in _person_names(o.get("author"))) if n]
            if names:
                yield ", ".join(dict.fromkeys(names)), "json_ld"
        for el in _AUTHOR_XPATH(tree):
            yield el.text_content(), "byline"
        # Last, an outlet credited as the author (the site itself, an organisation in JSON-LD).
        yield meta_author, "html_meta_outlet"
        for o in articles:
            for n in _person_names(o.get("author"), organisations=True):
                yield n, "json_ld_outlet"

    author = Found(None)
    for value, where in author_candidates():
        name = plausible_author(value) if where != "json_ld" else value
        is_site = bool(name) and L.normalise_line(name or "") == site_key
        if name and (is_site == where.endswith("_outlet") or (where == "json_ld_outlet")):
            where = where.removesuffix("_outlet")
            author = Found(name, where, 0.8 if where != "byline" else 0.6)
            break

    dates: list[DateSeen] = []
    published = _first(metas, "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
                       "dc.date.issued", "sailthru.date", "pubdate", "publishdate")
    if normalise_date(published):
        dates.append(DateSeen(normalise_date(published) or "", "html_meta", published or ""))
    for o in articles:
        value = o.get("datePublished")
        if isinstance(value, str) and normalise_date(value):
            dates.append(DateSeen(normalise_date(value) or "", "html_meta", value))
    for t in tree.iter("time"):
        if any("comment" in (a.get("class") or "") for a in t.iterancestors()):
            continue
        value = t.get("datetime") or t.text_content()
        iso = normalise_date(value)
        if iso:
            dates.append(DateSeen(iso, "byline", value.strip()))
            break
    return title, author, dates, site


# --- the main text ---------------------------------------------------------------------------


def _extract(tree: HtmlElement, url: str | None, *, recall: bool, fast: bool = False) -> str:
    doc = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=False, favor_recall=recall,
        fast=fast,
    )
    return (doc.text or "") if doc is not None else ""


# Share of the extracted text that "comments" may hold before they are taken for the article.
_SWALLOWED = 0.5
# A comment section found in the extracted text counts only where it starts past this share of its
# lines: the article comes first.
_TEXT_COMMENTS_FROM = 0.3


def _comment_lines(lines: list[str], comments: list[Comment]) -> list[bool]:
    """Which lines of the extracted text are reader comments (whole comment lines, or longer
    lines found inside a comment)."""
    if not comments:
        return [False] * len(lines)
    keys = {L.normalise_line(ln) for c in comments for ln in c.text.split("\n") if len(ln) > 20}
    blob = "\n".join(L.normalise_line(c.text) for c in comments)
    return [
        (key := L.normalise_line(ln)) in keys or (len(key) > 40 and key in blob) for ln in lines
    ]


# Recall mode's text replaces the balanced one only when what it adds is mostly prose (not the
# sidebars and link lists it also picks up): this share of the added words in prose lines.
_ADDED_PROSE = 0.6


def _adds_prose(text: str, recalled: str) -> bool:
    have = set(text.split("\n"))
    added = [ln for ln in recalled.split("\n") if ln.strip() and ln not in have]
    total = sum(len(ln.split()) for ln in added)
    prose = sum(len(ln.split()) for ln in added if L.is_prose(ln))
    return total > 0 and prose >= _ADDED_PROSE * total


def _keep(paragraph: str, title_key: str | None) -> str | None:
    """Why a paragraph of trafilatura's text is not article text, or None to keep it."""
    if title_key and L.normalise_line(paragraph) == title_key:
        return "headline repeated"
    if len(paragraph) <= 120 and (L.is_chrome(paragraph) or L.is_comment_form(paragraph) or L.is_comment_header(paragraph)):
        return "page furniture"
    if L.is_call_to_action(paragraph):
        return "call to action"
    if L.is_boilerplate_sentence(paragraph):
        return "site-wide notice"
    return None


# Elements no extractor reads text from. Dropped once after the metadata is read, so that
# trafilatura's copies and passes over the tree do not carry them (inline scripts are often most
# of a page's bytes); JSON-LD stays, trafilatura falls back on its `articleBody`.
_DEAD_WEIGHT = etree.XPath(
    "//script[not(@type='application/ld+json')] | //style | //svg | //template | //link | //iframe"
)


_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _drop_dead_weight(tree: HtmlElement) -> None:
    for el in _DEAD_WEIGHT(tree):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            # Entities such as &#xffff; decode to characters lxml refuses to store back.
            tail = _XML_UNSAFE.sub("", el.tail)
            prev = el.getprevious()
            if prev is not None:
                prev.tail = _XML_UNSAFE.sub("", prev.tail or "") + tail
            else:
                parent.text = _XML_UNSAFE.sub("", parent.text or "") + tail
        parent.remove(el)


def clean_html(html: str, *, url: str | None = None) -> PageParts:
    tree = parse_html(html)
    if tree is None:
        return PageParts(title=Found(None), author=Found(None), paragraphs=())
    title, author, dates, site = _metadata(tree)
    comments = find_comments(tree)
    page_text = visible_text(tree)
    _drop_dead_weight(tree)

    text = _extract(tree, url, recall=False)
    # Reader comments are not article text the balanced run could have missed: leave them out.
    page_words = len(page_text.split()) - sum(len(c.text.split()) for c in comments)
    if len(text.split()) < _RECALL_SHARE * page_words:
        recalled = _extract(tree, url, recall=True, fast=True)
        if len(recalled) > len(text) and _adds_prose(text, recalled):
            text = recalled

    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    in_comments = _comment_lines(lines, comments)
    if sum(len(ln) for ln, c in zip(lines, in_comments, strict=True) if c) > _SWALLOWED * sum(map(len, lines)):
        # "Comments" that hold most of the article are its own container (a class such as
        # "post-with-comments"), not reader comments.
        comments, in_comments = [], [False] * len(lines)

    # Comments the markup did not give away but the text does (a "12 comments" header, signed and
    # dated items) are cut from the end of the text, as the flattened-text cleaner cuts them.
    in_text = comments_in_lines(lines)
    if in_text and in_text[0] >= _TEXT_COMMENTS_FROM * len(lines) and in_text[2]:
        start, end, found = in_text
        in_comments[start:end] = [True] * (end - start)
        comments = comments + [c for c in found if c.text not in {x.text for x in comments}]

    title_key = L.normalise_line(title.value) if title.value else None
    paragraphs: list[str] = []
    removed: list[str] = []
    for line, is_comment in zip(lines, in_comments, strict=True):
        why = "reader comment" if is_comment else _keep(line, title_key if not paragraphs else None)
        if why:
            removed.append(line)
        else:
            paragraphs.append(line)
    # Both sides are whitespace-collapsed already; the body may join lines the page split, so a
    # line counts as kept when it is inside the body's text (a set lookup first, the scan after).
    body_text = "\n".join(paragraphs)
    kept = set(paragraphs) | {ln for c in comments for ln in c.text.split("\n")}
    removed += [ln for ln in page_text.split("\n") if ln and ln not in kept and ln not in body_text]
    dates += [DateSeen(c.date, "comment", c.text[:80]) for c in comments if c.date]
    return PageParts(
        title=title,
        author=author,
        paragraphs=tuple(paragraphs),
        removed=tuple(dict.fromkeys(removed)),
        comments=tuple(comments),
        dates=tuple(dates),
        site_name=site,
    )
