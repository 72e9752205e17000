"""An HTML page as a tree (parsed once, for every later step) and as the text a browser shows.

Both run on every page, before and beside trafilatura's extraction, so they are written for speed:
measured with `python -m benchmarks.extraction`, where `clean_html` is timed against trafilatura.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from lxml.html import fromstring as html_fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, decode_file, is_dubious_html

# trafilatura's parser settings (comments and processing instructions dropped, no default doctype)
# with one change: every element is an `HtmlElement`, chosen in C. lxml.html's own parser asks a
# Python method which class each element gets (for its form helpers, which no step here uses), and
# that call on every element touched was about a tenth of the time trafilatura spends on a tree.
_PARSER = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity,
    )
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Characters XML refuses (libxml2 stops at them), dropped from the UTF-8 bytes the parser reads: a
# C loop, where trafilatura's regular expression over the whole page string cost a quarter of the
# parse. None of these bytes occurs inside a multi-byte UTF-8 sequence.
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
# U+FFFE and U+FFFF, looked for in the string (a character search, where the three-byte search in
# the encoded page took as long as the encoding) and only in one that is not ASCII (a flag).
_NONCHARACTERS = ("\ufffe", "\uffff")


def _repaired(html: str, beginning: str) -> bytes:
    """The page as bytes libxml2 takes: trafilatura's `repair_faulty_html` (a DOCTYPE closed as if
    it were XML on the first line, a self-closing `<html/>` in the first four), the characters XML
    refuses gone. The page is copied only where something changes."""
    if "doctype" in beginning:
        end = html.find("\n")
        first = html if end < 0 else html[:end]
        fixed = DOCTYPE_TAG.sub("", first, count=1)
        if end < 0:
            html = fixed + "\n"
        elif fixed != first:
            html = fixed + html[end:]
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    if not html.isascii():
        for nonchar in _NONCHARACTERS:
            if nonchar in html:
                html = html.replace(nonchar, "")
    return html.encode("utf-8", "surrogatepass").translate(None, _CONTROL_BYTES)


def parse_html(html: str | bytes) -> HtmlElement | None:
    """The page as a tree, or None where there is no HTML to speak of.

    The steps of trafilatura's tolerant loader (`trafilatura.utils.load_html`: legacy charsets,
    markup libxml2 chokes on, text that is not HTML refused), on the parser above; the loading
    fallbacks of parts streamed late are gone, as they are from a browser's page once they arrive."""
    if isinstance(html, bytes):
        html = decode_file(html)
    html = _XML_DECLARATION.sub("", html, count=1)
    if has_streamed_parts(html):
        html = _LOADING_FALLBACK.sub(r"\1", html)
    beginning = html[:50].lower()
    try:
        tree = html_fromstring(_repaired(html, beginning), parser=_PARSER)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    if tree is None or (is_dubious_html(beginning) and len(tree) < 2):
        return None
    return tree


# --- parts streamed late ---------------------------------------------------------------------

# React's streaming server rendering (Next.js and others) sends the slow parts of a page after the
# rest, each in a hidden `<div id="S:n">` at the end of the body, with a script that moves it to its
# placeholder: a `<template id="B:n">` opening a loading fallback that runs to the `<!--/$-->`
# marker, or a `<template id="P:n">`. A browser shows the part there; the served HTML, as scrapers
# keep it, has it hidden at the end. On WCXB dev 14 of 793 pages are built so, the whole article
# hidden on 5 of them. The visible text shows each part at its placeholder; the tree is left as
# served, which is what trafilatura was made for (it reads hidden elements: on one WCXB page the
# placeholder sits in a wrapper whose class starts with "comment", which it would cut).
_STREAMED_HINT = 'id="S:'
_STREAMED_PART = re.compile(r'<div hidden(?:="[^"]*")? id="S:')
# The fallback ("Loading paragraph...", an empty skeleton) goes with its markers, where the page
# kept its comments; a short one only, so a marker left open cannot take the page's text with it.
_LOADING_FALLBACK = re.compile(r'<!--\$\?-->\s*(<template id="B:[^"]+"></template>).{0,2000}?<!--/\$-->', re.S)
# Which part goes to which placeholder, where the page kept its scripts: $RC("B:0","S:1"), $RS("S:2","P:2").
_PART_MOVES = re.compile(r'\$R[CS]\("([BS]:\w+)","([SP]:\w+)"')
_HIDDEN_PARTS = etree.XPath("//div[@hidden][starts-with(@id, 'S:')]")


def has_streamed_parts(html: str) -> bool:
    """Whether the page's HTML holds a part streamed late: a substring test first, cheaper than the
    walk `streamed_parts` makes over every element."""
    return _STREAMED_HINT in html and _STREAMED_PART.search(html) is not None


def streamed_parts(tree: etree._Element) -> dict[etree._Element, etree._Element]:
    """Placeholder -> the hidden part a browser shows in its place, paired by the page's scripts,
    else by number."""
    holders = {key: el for el in tree.iter("template") if (key := el.get("id", ""))[:2] in ("B:", "P:")}
    if not holders:
        return {}
    paired: dict[str, str] = {}
    for script in tree.iter("script"):
        for a, b in _PART_MOVES.findall(script.text or ""):
            part, holder = (b, a) if a.startswith("B:") else (a, b)
            paired[part] = holder
    out = {}
    for part in _HIDDEN_PARTS(tree):
        name = part.get("id")
        keys = (paired.get(name), "B:" + name[2:], "P:" + name[2:])
        holder = next((h for key in keys if key and (h := holders.pop(key, None)) is not None), None)
        if holder is not None and part not in holder.iterancestors():
            out[holder] = part
    return out


# --- the visible text ------------------------------------------------------------------------

INVISIBLE = frozenset({
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "canvas",
})
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "button", "select",
    "textarea", "label",
})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A line break the page makes (a block's edge, <br>, a newline inside <pre>) while the text is
# collected; a Unicode noncharacter, so never part of a page's own text. Source whitespace is
# collapsed once over the whole text at the end, not piece by piece (half the time of the walk).
_BREAK = "\ufdd0"


def _shown(el: etree._Element) -> bool:
    return el.get("hidden") is None and not ((style := el.get("style")) and _HIDDEN_STYLE.search(style))


def _visible(el: etree._Element, out: list[str], pre: bool, parts: dict[etree._Element, etree._Element]) -> None:
    # Source line breaks are spaces to a browser, except inside <pre>; <br> breaks a line, a block
    # element starts and ends one (two blocks in a row leave a blank line between them).
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in INVISIBLE or not _shown(child):
            if tag == "template" and child in parts:  # a part streamed late, shown here (once)
                out.append(_BREAK)
                part = parts.pop(child)
                if part.text:
                    out.append(part.text.replace("\n", _BREAK) if pre else part.text)
                _visible(part, out, pre, parts)
                out.append(_BREAK)
            if child.tail:
                out.append(child.tail.replace("\n", _BREAK) if pre else child.tail)
            continue
        inner = pre or tag == "pre"
        block = tag in BLOCK
        if block or tag == "br":
            out.append(_BREAK)
        elif tag == "td" or tag == "th":
            out.append(" ")
        if child.text:
            out.append(child.text.replace("\n", _BREAK) if inner else child.text)
        if len(child):
            _visible(child, out, inner, parts)
        if block:
            out.append(_BREAK)
        if child.tail:
            out.append(child.tail.replace("\n", _BREAK) if pre else child.tail)


def visible_text(tree: etree._Element, parts: dict[etree._Element, etree._Element] | None = None) -> str:
    """What a browser shows of a page as text: one block element per line, blocks separated by one
    blank line, scripts, styles and hidden elements gone, parts streamed late in their places
    (`parts`: the tree's `streamed_parts`, where the caller has them), everything else (menus,
    comments) kept. This is the situation of scraped page text, and the input of `clean_flat`."""
    tag = tree.tag if isinstance(tree.tag, str) else ""
    if tag in INVISIBLE or not _shown(tree):
        return ""
    out: list[str] = [_BREAK] if tag in BLOCK or tag == "br" else []
    if tree.text:
        out.append(tree.text.replace("\n", _BREAK) if tag == "pre" else tree.text)
    _visible(tree, out, tag == "pre", streamed_parts(tree) if parts is None else dict(parts))
    text: list[str] = []
    # A zero-width space separates words on screen; any run of whitespace is one space.
    for ln in "".join(out).replace("\u200b", " ").split(_BREAK):
        ln = " ".join(ln.split())
        if ln or (text and text[-1]):
            text.append(ln)
    while text and not text[-1]:
        text.pop()
    return "\n".join(text) + "\n" if text else ""
