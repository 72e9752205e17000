"""Reader comments in an HTML page, found in the markup: each one's words and date, kept apart.

Comment items marked up as such (WordPress and the like) first, else the repeated blocks of a
section whose id or class says comments. Measured with `python -m benchmarks.comments`.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from wirewatch.clean import lines as L
from wirewatch.clean.dates import find_dates, normalise_date
from wirewatch.clean.html_tree import BLOCK, INVISIBLE
from wirewatch.model import Comment

# Comment items: WordPress (`li.comment`, `#comment-123`), Disqus-style and generic markup; the
# `div-comment-123` inside a WordPress item is its body, not a second item.
_ITEM_TAGS = frozenset({"li", "article", "div"})
_ITEM_CLASSES = frozenset({"comment", "comment-item", "depth-1"})
# A first cut for comment sections: ids and classes that mention comments in any common spelling
# (case as written: "Comment" and "COMMENT" both contain one of these).
_SECTION_HINT = re.compile("omment|OMMENT|cmt|talkback|disqus|eactions")
# Not a section: a form, a link, the page itself, code (and, in `_in_code`, a syntax highlighter's
# "hljs-comment" or "token comment" span: a comment in code).
_NOT_SECTION_TAGS = frozenset({"form", "a", "body", "html", "code", "pre"})
_SECTION = re.compile(r"comment|\bcmt|talkback|reader.?reactions|disqus", re.I)
# Class tokens that say whether a post takes comments, not that the element holds them (Squarespace
# marks the whole <article> "has-comments", and each teaser of a related post
# "summary-item-has-comments-enabled").
_COMMENT_FLAG = re.compile(
    r"(?:has|no|with|show|allow|enable|disable)[-_]?comments?(?![a-z])|comments?[-_](?:open|closed|enabled|disabled)",
    re.I,
)
# Parts of a comment section that are not comments: the form, counters, links to it, policies.
_NOT_SECTION = re.compile(r"form|respond|reply.?title|count|link|rss|feed|policy|button|login|nav|meta|header", re.I)

# Within an item, the comment's own words (not its author line, date or reply link).
_COMMENT_CONTENT = [
    etree.XPath(x) for x in (
        ".//*[contains(@class, 'comment-content') or contains(@class, 'comment-text')"
        " or contains(@class, 'comment_text') or contains(@class, 'comment-entry') or @itemprop='text']",
        # WordPress themes use comment-body for the whole item, older ones for the words alone.
        ".//*[contains(@class, 'comment-body')][not(.//*[contains(@class, 'comment-author')])]",
    )
]


def _candidates(tree: HtmlElement) -> tuple[list[etree._Element], list[etree._Element]]:
    """Comment items and possible comment sections, in document order, from one walk over the
    elements' ids and classes (in Python: a third of the time of the two XPath queries it replaces,
    whose `contains()` tests ran on every element)."""
    items: list[etree._Element] = []
    sections: list[etree._Element] = []
    for el in tree.iter():
        el_id = el.get("id") or ""
        el_class = el.get("class") or ""
        if not (el_id or el_class):
            continue
        tag = el.tag
        # Each item class has "comment" or "depth-1" in it: the split only where one is there. A
        # "depth-1" item of a menu ("menu-item depth-1", Drupal) is no comment; a pingback is.
        if tag in _ITEM_TAGS and not el_id.startswith("div-comment-") and (
            el_id.startswith("comment-")
            or (("comment" in el_class or "depth-1" in el_class and "menu" not in el_class)
                and not _ITEM_CLASSES.isdisjoint(el_class.split()))
        ):
            items.append(el)
        if tag not in _NOT_SECTION_TAGS and (_SECTION_HINT.search(el_class) or _SECTION_HINT.search(el_id)):
            label = " ".join(token for token in f"{el_id} {el_class}".split() if not _COMMENT_FLAG.search(token))
            if _SECTION.search(label) and not _NOT_SECTION.search(label) and not _in_code(el):
                sections.append(el)
    return items, sections


def _in_code(el: etree._Element) -> bool:
    return el.tag == "span" and next(el.iterancestors("pre", "code"), None) is not None


def comment_items(tree: HtmlElement) -> list[etree._Element]:
    """The elements that each hold one reader comment (a reply nested in its parent's item is an
    item of its own)."""
    items, sections = _candidates(tree)
    if items:
        # The outermost match of a nested pair is the item (a WordPress li around its article).
        item_set = set(items)
        return [el for el in items if not any(a in item_set for a in el.iterancestors()) or _is_reply(el)]
    chosen = set(sections)
    outermost = [el for el in sections if not any(a in chosen for a in el.iterancestors())]
    return [item for section in outermost for item in _repeated_blocks(section)]


def read_comments(items: list[etree._Element]) -> list[Comment]:
    """Each item's own words (without its replies, author line and reply link) and its date where
    the page shows one; items of fewer than two words are not comments."""
    skip = set(items)
    comments = []
    for item in items:
        content = next((found[0] for xp in _COMMENT_CONTENT if (found := xp(item))), None)
        if content is not None and any(a in skip and a is not item for a in content.iterancestors()):
            content = None
        text = _own_text(content if content is not None else item, skip)
        if len(L.words(text)) < 2 or L.is_comment_form(text.strip().split("\n", 1)[0]):
            continue  # too short, or the comment form's own boxes marked up like an item
        date = _comment_date(item, skip)
        if date is None:
            found = find_dates(_own_text(item, skip)) or _header_dates(item, skip)
            date = found[0][0] if found else None
        comments.append(Comment(text=text, date=date))
    return comments


_SPACES = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")


def _own_text(el: etree._Element, skip: set[etree._Element]) -> str:
    """The element's text without that of nested items (replies are comments of their own)."""
    out: list[str] = []

    def walk(e: etree._Element) -> None:
        if e in skip and e is not el:
            if e.tail:
                out.append(e.tail)
            return
        tag = e.tag if isinstance(e.tag, str) else ""
        if not tag or tag in INVISIBLE:
            if e.tail:
                out.append(e.tail)
            return
        if tag in BLOCK or tag == "br":
            out.append("\n")
        if e.text:
            out.append(e.text)
        for c in e:
            walk(c)
        if tag in BLOCK:
            out.append("\n")
        if e.tail and e is not el:
            out.append(e.tail)

    walk(el)
    lines = [_SPACES.sub(" ", ln).strip() for ln in "".join(out).split("\n")]
    return "\n".join(ln for ln in lines if ln and not L.is_chrome(ln))


def _header_dates(item: etree._Element, skip: set[etree._Element]) -> list[tuple[str, str]]:
    """The dates in the element just before an item, where that is its header rather than another
    item: a definition list's term over each comment ("At 4/19/2005 07:14 PM, Anonymous said...")."""
    header = item.getprevious()
    while header is not None and not isinstance(header.tag, str):
        header = header.getprevious()
    if header is None or header in skip or _signature(header) == _signature(item):
        return []
    return find_dates(_own_text(header, skip))


def _comment_date(item: etree._Element, skip: set[etree._Element]) -> str | None:
    for t in item.iter("time"):
        if any(a in skip and a is not item for a in t.iterancestors()):
            continue
        iso = normalise_date(t.get("datetime")) or normalise_date(t.text_content())
        if iso:
            return iso
    return None


def _signature(el: etree._Element) -> tuple[str, str]:
    return (el.tag if isinstance(el.tag, str) else "", re.sub(r"\d+", "", el.get("class") or ""))


def _repeated_blocks(section: etree._Element) -> list[etree._Element]:
    """The section's comments: the largest group of same-looking siblings in it (two or more),
    or the section itself as one comment; a group inside the largest whose members each say they
    are comments, where it holds most of its text and is the larger group or the only one that says
    so."""
    best: list[etree._Element] = []
    best_len = 0
    for parent in section.iter():
        groups: dict[tuple[str, str], list[etree._Element]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in INVISIBLE and child.tag not in ("br", "form"):
                groups.setdefault(_signature(child), []).append(child)
        for group in groups.values():
            if len(group) < 2:
                continue
            size = sum(len(c.text_content()) for c in group)
            if size > best_len or (
                size >= _MARKED_SHARE * best_len and _marked(group) and (len(group) > len(best) or not _marked(best))
                and any(a in best for a in group[0].iterancestors())
            ):
                best, best_len = group, size
    return best or [section]


# Share of a group's text that a group inside it, each marked as a comment, must hold to be the
# comments instead (Blogger's comment list beside its list of links to the post: the two lists are
# a group, the comments inside one of them another).
_MARKED_SHARE = 0.5


def _marked(group: list[etree._Element]) -> bool:
    return all(_SECTION.search(f"{el.get('id') or ''} {el.get('class') or ''}") for el in group)


def _is_reply(el: etree._Element) -> bool:
    """A reply nested in another comment's list (an `ol.children` inside the parent item)."""
    parent = el.getparent()
    return parent is not None and parent.tag in ("ol", "ul") and el.tag == "li"
