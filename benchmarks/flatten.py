"""HTML to flattened page text, the way the seed pages reached us: one block per line, markup gone.

The seeds are what a scraper saves from a browser: block elements (paragraphs, headings, list items,
table rows, divs) end a line, inline elements run on, scripts and styles are gone, and everything a
reader sees stays in, reader comments, menus and widgets included. `flatten` rebuilds that from HTML
so the plain-text cleaner can be scored against the gold of the HTML extraction sets; `line_kinds`
says which of those lines the gold counts as article text.
"""

from __future__ import annotations

import re

from lxml import etree, html

# Elements whose content a reader never sees as text.
_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object", "canvas"}
# Elements that start and end a line (HTML's block-level and line-breaking elements).
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "button", "select",
    "textarea", "label",
}
# Cells of one table row are separated by a space rather than a line, as browsers copy them.
_CELL = {"td", "th"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\u00a0\u200b\r\f\v]+")


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _walk(el: etree._Element, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower().rsplit("}", 1)[-1]
    if not tag or tag in _INVISIBLE or _hidden(el):
        # An HTML comment, processing instruction or invisible element: its text goes, its tail stays.
        if el.tail:
            out.append(el.tail)
        return
    block = tag in _BLOCK and tag not in _CELL
    if block:
        out.append("\n")
    elif tag in _CELL:
        out.append(" ")
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
    if block:
        out.append("\n")
    if el.tail:
        out.append(el.tail)


def flatten(page: str | bytes) -> str:
    """The visible text of an HTML page, one block element per line, blank lines between blocks."""
    if isinstance(page, str):
        # lxml refuses text that still declares its byte encoding.
        page = _XML_DECLARATION.sub("", page, count=1)
    try:
        root = html.fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    if root is None:
        return ""
    out: list[str] = []
    _walk(root, out)
    lines = [_SPACES.sub(" ", ln).strip() for ln in "".join(out).split("\n")]
    text: list[str] = []
    for ln in lines:
        # Blocks that met are separated by one blank line, as in saved page text.
        if ln or (text and text[-1]):
            text.append(ln)
    while text and not text[-1]:
        text.pop()
    return "\n".join(text) + "\n"


# --- which flattened lines are article text ---------------------------------------------------

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class GoldIndex:
    """The gold text as one token stream, to ask whether a line's words appear in it in order."""

    def __init__(self, gold: str) -> None:
        self.stream = " " + " ".join(tokens(gold)) + " "
        self.lines = {" ".join(tokens(ln)) for ln in gold.split("\n") if tokens(ln)}

    def contains(self, line: str) -> bool:
        """True when the line is article text: its words run in the gold in the same order, and it
        is either long enough not to match by chance (4+ words) or a whole line of the gold."""
        toks = tokens(line)
        if not toks:
            return False
        key = " ".join(toks)
        if len(toks) < 4:
            return key in self.lines
        return f" {key} " in self.stream


def line_kinds(flat: str, gold: str) -> list[tuple[str, bool]]:
    """Each non-empty flattened line with whether the gold counts it as article text."""
    index = GoldIndex(gold)
    return [(ln, index.contains(ln)) for ln in flat.split("\n") if ln.strip()]
