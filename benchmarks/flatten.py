"""HTML to flattened page text, the way the seed pages reached us: one block per line, markup gone.

The seeds are what a scraper saves from a browser: block elements (paragraphs, headings, list items,
table rows, divs) end a line, inline elements run on, scripts and styles are gone, and everything a
reader sees stays in, reader comments, menus and widgets included. `flatten` rebuilds that from HTML
so the plain-text cleaner can be scored against the gold of the HTML extraction sets; `line_kinds`
says which of those lines the gold counts as article text.
"""

from __future__ import annotations

import re

from wirewatch.clean.html import parse_html, visible_text


def flatten(page: str | bytes) -> str:
    """The visible text of an HTML page, one block element per line, blank lines between blocks
    (`wirewatch.clean.html.visible_text`, the one implementation)."""
    tree = parse_html(page)
    return visible_text(tree) if tree is not None else ""


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
