"""HTML to flattened page text, the way the seed pages reached us: one block per line, markup gone.

The seeds are what a scraper saves from a browser: block elements (paragraphs, headings, list items,
table rows, divs) end a line, inline elements run on, scripts and styles are gone, and everything a
reader sees stays in, reader comments, menus and widgets included. `flatten` rebuilds that from HTML
so the plain-text cleaner can be scored against the gold of the HTML extraction sets; `line_kinds`
(from `wirewatch.clean.line_gold`) says which of those lines the gold counts as article text.
"""

from __future__ import annotations

from wirewatch.clean.html import parse_html, visible_text
from wirewatch.clean.line_gold import GoldIndex, line_kinds, tokens


def flatten(page: str | bytes) -> str:
    """The visible text of an HTML page, one block element per line, blank lines between blocks
    (`wirewatch.clean.html.visible_text`, the one implementation)."""
    tree = parse_html(page)
    return visible_text(tree) if tree is not None else ""


__all__ = ["GoldIndex", "flatten", "line_kinds", "tokens"]
