"""Quotation spans in plain text, for any language: pure string functions, no parse needed.

A quotation runs from an opening mark to its closing mark. English style lets a quotation go on
across paragraphs: the paragraph that continues has an opening mark and the one before has no closing
mark, so an open quotation meeting a paragraph break continues only when the next paragraph opens
with a mark; otherwise it is dropped as unbalanced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> closing marks accepted for it. „ closes with “ in German and with ” in Polish or
# Russian typesetting; » opens in German books and closes in French and Russian.
_PAIRS = {
    "\u201c": '\u201d"',  # “ ” (and “ " from careless typing)
    "\u201e": "\u201c\u201d",  # „ “ / „ ”
    "\u00ab": "\u00bb",  # « »
    "\u00bb": "\u00ab",  # » « (German)
    '"': '"\u201d',
}
_PARA = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just past the closing mark
    paragraphs: int = 1  # how many paragraphs it spans

    def inner(self, text: str) -> str:
        return text[self.start + 1 : self.end - 1]


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in _PARA.finditer(text)] + [len(text)]


def find_quotes(text: str, *, min_words: int = 4) -> tuple[Quote, ...]:
    """Balanced quotations of at least `min_words` words (shorter ones are scare quotes, not speech)."""
    out: list[Quote] = []
    # Newswire archives write a double quotation mark as two apostrophes (''...''): read each pair
    # as one straight mark whose second character belongs to it.
    pair = "''" in text
    if pair:
        text = text.replace("''", '"\x01')
    breaks = _paragraph_ends(text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch not in _PAIRS or (ch == "\u00bb" and _closes_french(text, i)):
            i += 1
            continue
        end, paras = _close(text, i, _PAIRS[ch], breaks)
        if end is None:
            i += 1
            continue
        if pair and end < n and text[end] == "\x01":
            end += 1
        q = Quote(i, end, paras)
        if len(_WORD.findall(q.inner(text))) >= min_words:
            out.append(q)
        i = end
    return tuple(out)


def _closes_french(text: str, i: int) -> bool:
    """» opens a quotation only in German style (»…«); after a word it closes a French «…»."""
    return i > 0 and not text[i - 1].isspace()


def _close(text: str, start: int, closers: str, breaks: list[int]) -> tuple[int | None, int]:
    opener = text[start]
    j, paras = start + 1, 1
    while j < len(text):
        ch = text[j]
        if ch in closers:
            return j + 1, paras
        if ch == "\n":
            m = _PARA.match(text, j)
            if m:
                nxt = m.end()
                # English continuation: the next paragraph reopens the same quotation.
                if nxt < len(text) and text[nxt] == opener:
                    j, paras = nxt + 1, paras + 1
                    continue
                # A page that set each sentence of a quotation in its own paragraph: the next
                # paragraph closes it before it opens another ("... Putin.\n\nIt is ... immediately.”).
                if _closes_next(text, nxt, opener, closers):
                    j, paras = nxt, paras + 1
                    continue
                return None, paras
        j += 1
    return None, paras


def _closes_next(text: str, start: int, opener: str, closers: str) -> bool:
    """Whether the paragraph at `start` holds a closing mark before any opening one, counting only
    marks that never open (a straight mark, or a German “, opens as well as it closes: no telling)."""
    if opener in closers:
        return False
    end = text.find("\n", start)
    for ch in text[start : len(text) if end < 0 else end]:
        if ch in _PAIRS:
            return False
        if ch in closers:
            return True
    return False


def word_tokens(text: str) -> list[str]:
    """Lower-cased word tokens, for overlap scores."""
    return [w.lower() for w in _WORD.findall(text)]
