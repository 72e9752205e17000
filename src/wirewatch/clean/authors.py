"""Who wrote an article: names read from a page's meta tags, bylines or an export's author field,
checked to be a person's or an outlet's name and never a menu word, a role, a credit or a date.

`plausible_author` checks one name; `given_authors` cleans the author list an export gives (crawler
libraries fill it with link texts: "View All Posts", "More Candace", "CNN National Politics Reporter").
"""

from __future__ import annotations

import re

from wirewatch.clean import lines as L
from wirewatch.clean.dates import calendar_words, find_dates
from wirewatch.clean.language import stop_words

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


# --- the byline of a flattened page -----------------------------------------------------------

# How many lines under the headline the byline block may run before the article starts.
_BYLINE_BLOCK_LINES = 8
# A line of the byline block holds its parts side by side: "by Jason Rostar | SEO | 8 min Read",
# "Dec. 19, 2025 · Niko Matsakis", "109 Comments | Jill Winger | Last Updated: March 11, 2019".
_BLOCK_PARTS = re.compile(r"\s*(?:[|·•]|\s[-\u2013\u2014]\s)\s*")
# A label on a line of its own, the name on the next: "Written by:", "Posted by:", "Author".
_LABEL_ALONE = re.compile(rf"{L.BYLINE_LABEL}\s*", re.I)
_PERSON_WORDS = (2, 4)
_NOT_IN_NAMES = re.compile(r"[\d,;:!?&/()@]")
_GLUED_WORDS = re.compile(r"[^\W\d_]{3}[a-z][A-Z]")  # not McNally, MacDonald, DeShawn
_JOB_TITLE = re.compile(
    rf"^(?:{L.JOURNALIST_ROLE}|director|manager|reviewer|expert|officer|founder|president|consultant|specialist|"
    r"analyst|strategist|coordinator|assistant|associate|lead|head|ceo|cto|cfo)s?$", re.I)


def byline_in_block(texts: list[str], page: str) -> str | None:
    """The author named in the lines between a headline and its article: "by X" in any part of a
    line, a name under a label of its own ("Written by:"), or a person's name beside the article's
    date ("Russell Miller" over "Dec 18, 2025", "Ahmet Serhan January 23, 2025 10:01 am"). A name
    most of whose words the page (`page`: its text) also writes in lower case is a label made of
    common words ("Indoor Plants", "Marketing Director", "Last Updated"), not a person's."""
    block = texts[:_BYLINE_BLOCK_LINES]
    for k, line in enumerate(block):
        for part in _BLOCK_PARTS.split(line):
            name = plausible_author(L.byline_name(_before_date(part)))  # "By Daniel Renfrow April 12, 2024"
            if name:
                return name
        if _LABEL_ALONE.fullmatch(line):
            # the name under it, past a line of link texts run together ("Wedding ChecklistsJust Engaged")
            name = next((n for t in block[k + 1 : k + 3] if not _GLUED_WORDS.search(t) and (n := plausible_author(t))), None)
            if name:
                return name
    lower_case: set[str] | None = None
    for k, line in enumerate(block):
        dated_beside = any(_dated(t) for t in block[max(0, k - 1) : k + 2] if t is not line)
        for part in _BLOCK_PARTS.split(line):
            before_date = _before_date(part)
            if not (before_date != part or dated_beside or any(_dated(p) for p in _BLOCK_PARTS.split(line))):
                continue
            name = person_name(before_date)
            if name:
                lower_case = lower_case if lower_case is not None else set(_LOWER_WORD.findall(page))
                if 2 * sum(w.lower() in lower_case for w in name.split()) <= len(name.split()):
                    return name
    return None


_LOWER_WORD = re.compile(r"\b[^\W\d_A-Z][^\W\d_]*\b")
_CALENDAR = calendar_words()


def _dated(text: str) -> bool:
    return bool(find_dates(text)) and L.is_date_line(text)


def _before_date(part: str) -> str:
    """What a part holds before its date and the words that lead to it ("Ahmet Serhan" of "Ahmet
    Serhan January 23, 2025", "Peter Bell" of "Peter Bell on Tuesday, August 21, 2019")."""
    found = find_dates(part)
    if not found:
        return part
    words = part[: part.find(found[0][1])].split()
    while words and (words[-1].strip(",.").lower() in _CALENDAR or words[-1].lower() in _BEFORE_A_DATE):
        words.pop()
    return " ".join(words).strip(" ,")


_BEFORE_A_DATE = frozenset(["on", "at", "le", "am", "um", "el", "pada", "-", "|", "·", "–", "—", "posted", "published"])


def names_only(text: str) -> bool:
    """Whether a line names people and nothing else: "Scott Roxborough and Gregg Goldstein", "Rui Ma,
    Heba Ledwon & Suparn Patra", "Jason Botchford, The Province" (a name and its paper)."""
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", text.strip()) if p]
    return bool(parts) and person_name(parts[0]) is not None and all(
        person_name(p) or (k == len(parts) - 1 and k > 0 and p[:1].isupper()) for k, p in enumerate(parts))


def person_name(text: str) -> str | None:
    """Two to four capitalised words (particles aside), no figures: a name as a byline prints it."""
    words = text.split()
    if not _PERSON_WORDS[0] <= len(words) <= _PERSON_WORDS[1] or _NOT_IN_NAMES.search(text):
        return None
    stops = stop_words("en")
    if any(w.lower() in _CALENDAR or w.lower() in stops and w not in NAME_PARTICLES for w in words):
        return None
    if _GLUED_WORDS.search(text) or _JOB_TITLE.search(words[-1]):
        return None  # "ChecklistsJust Engaged" (link texts run together), "Marketing Director"
    # capitalised words, not capitals alone ("AI Alignment Forum"; an initial "J." is a name's)
    if not all(w[:1].isupper() or w in NAME_PARTICLES for w in words) or any(w.isupper() and len(w) > 1 for w in words):
        return None
    name = plausible_author(text)
    return name if name and not _MENU_WORDS.search(name) else None
