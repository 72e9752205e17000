"""Who wrote an article: names read from a page's meta tags, bylines or an export's author field,
checked to be a person's or an outlet's name and never a menu word, a role, a credit or a date.

`plausible_author` checks one name; `given_authors` cleans the author list an export gives (crawler
libraries fill it with link texts: "View All Posts", "More Candace", "CNN National Politics Reporter").
"""

from __future__ import annotations

import re

from wirewatch.clean import lines as L
from wirewatch.clean.dates import find_dates

_WHITESPACE = re.compile(r"\s+")
# Lower-case words inside people's names: "Ludwig van Beethoven", "Ana de Armas", "Hamad bin Jassim",
# "de Blasio", "al-Assad", "José dos Santos", "Ortega y Gasset". Bylines and entity mentions share it.
NAME_PARTICLES = frozenset(
    ["al", "el", "bin", "ibn", "de", "da", "di", "du", "del", "dos", "das", "van", "von", "der", "den", "le", "la", "y"]
)
# Words of menus and author boxes: a name made of them is none.
_MENU_WORDS = re.compile(
    r"\b(home|menu|search|share|subscribe|login|log in|sign in|posts?|articles?|more|view|profile|about|"
    r"contact|follow|facebook|twitter|editor|staff|admin|team|news|contributors?|authors?)\b", re.I,
)
_ROLE_ONLY = re.compile(
    rf"(?:the |about the |our )?(?:author|team|admin|unknown|guest|gast|{L.JOURNALIST_ROLE})s?", re.I
)
# A credits list, role first ("content: MarketingSherpa, design: Scott McDaniel, code: ...").
_CREDITS_LIST = re.compile(r"^[^\W\d_]+\s*:\s", re.I)
# "Source:" in the languages wirewatch reads: a credit for data or a picture, not an author.
_SOURCE_LABEL = re.compile(r"^(?:source|quelle|źródło|источник|джерело|sursa|sumber|fuente)\s*:", re.I)
# A byline's label in front of a name, glued on too (a flattened link: "BySummer Swann").
_BYLINE_LABEL = re.compile(rf"^{L.BYLINE_LABEL}(?:\s+|(?-i:(?=[A-Z]))|$)", re.I)


def plausible_author(name: str | None, *, structured: bool = False) -> str | None:
    """A person's or outlet's name, or None: never a menu word, a URL, a sentence or a date.
    `structured`: the name comes from a field that holds nothing else (a meta tag, JSON-LD), where a
    user name in lower case ("kirstin boatto", "aawoods") is still the author; in page text a name
    without a capital is taken for none."""
    if not name:
        return None
    s = _WHITESPACE.sub(" ", name).strip(" ,|-\u2013\u2014:")
    # "By Anna Kerr", "BySummer Swann" (a flattened link), "Written by", "Author: ..."
    if _SOURCE_LABEL.match(s):
        return None
    unlabelled = _BYLINE_LABEL.sub("", s).strip()
    if unlabelled == s and _CREDITS_LIST.match(s):
        return None
    s = unlabelled
    s = re.sub(r"\s*;\s*", ", ", s)  # "ROD NORDLAND;MAYY EL SHEIKH" (a meta tag's list)
    s = L.name_in_byline(s) or ""
    if not s or _ROLE_ONLY.fullmatch(s) or "http" in s or "@" in s or "/" in s or find_dates(s) or L.is_chrome(s):
        return None
    n = len(s.split())
    if not 1 <= n <= 8 or len(s) > 80 or not (structured or any(w[:1].isupper() for w in s.split())):
        return None
    if _MENU_WORDS.fullmatch(s) or (n <= 2 and all(_MENU_WORDS.fullmatch(w) for w in s.split())):
        return None
    if sum(w.lower().strip(".,!?") in _SENTENCE_WORDS for w in s.split()) >= 2:
        return None  # a site's slogan: "Because Without America", "There Is No Free World."
    return s


# Words of sentences that no name holds two of ("of", "the", "and", "for" are in organisations' names).
_SENTENCE_WORDS = frozenset([
    "because", "without", "there", "is", "are", "was", "were", "be", "no", "not", "never", "we", "you", "i",
    "it", "this", "that", "what", "will", "can", "our", "your", "if", "when", "just", "only", "my",
])


# Link texts that crawler libraries take for authors: "View All Posts", "More Candace" (a "More
# from Candace" link), "All posts by".
_LINK_TEXT = re.compile(r"(?:view )?all posts(?: by)?|posts by|more(?: from)? \w+", re.I)
# A role where a name should be: "CNN National Politics Reporter", "Staff Writer".
_ROLE_TAIL = re.compile(rf".*\b{L.JOURNALIST_ROLE}s?$", re.I)


def given_authors(value: str | None) -> str | None:
    """The names of an export's author field (a list joined with commas), each checked as
    `plausible_author` checks one, link texts and bare roles left out, each name once."""
    if not value:
        return None
    names: list[str] = []
    for part in value.split(","):
        part = part.strip()
        if not part or _LINK_TEXT.fullmatch(part) or _ROLE_TAIL.fullmatch(part):
            continue
        name = plausible_author(part)
        if name and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return ", ".join(names) or None
