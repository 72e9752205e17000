"""Small text helpers shared by the signal finders: sentences with offsets, words, a light stemmer.

Pure functions over strings; offsets are always into the string given, so a signal's span can be
checked against the body it claims to point at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) before whitespace
# and an opening capital, digit or quote; paragraphs (blank lines) always end a sentence.
# Capitals: Latin (with Latin-1 accents) and Cyrillic, for pages in the region's other languages.
_SENTENCE_END = re.compile(
    r"""(?<=[.!?])["'\u201d\u2019\u00bb)\]]*\s+(?=["'\u201c\u2018\u201e\u00ab(\[]?[A-Z0-9\u00c0-\u00de\u0400-\u042f])|\n\s*\n"""
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W\d_]+)*")
# Abbreviations whose full stop does not end a sentence.
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Sen|Rep|Gov|St|Jr|Sr|No|vs|etc|Inc|Ltd|Co|U\.S|U\.K|[A-Z]))\.$")

_STOP = """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves new says said say saying told tells tell according amid
    over after year years week weeks day days one two three first last next may might must shall"""
STOPWORDS = frozenset(_STOP.split())


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text`, surrounding whitespace excluded."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if "\n" not in m.group(0) and _ABBREV.search(text[start : m.start()]):
            continue
        yield from _trimmed(text, start, m.start())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each word-like token."""
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


_SUFFIXES = ("ational", "ations", "ation", "ments", "ment", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s", "e", "d")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix-stripping stemmer: plans/planned/planning -> plan, used/use -> use.

    Enough to match a headline's words with the body's; acronyms (all capitals) keep their case so
    that US the country never meets "us" or "use".
    """
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return word
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3 and (suf != "d" or w.endswith("ed")):
            w = w[: -len(suf)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


def prefix_stem(word: str) -> str:
    """A stemmer for languages with no stemmer here: the first five letters, lower case, which keep a
    word's root through most case and verb endings (Казахстана/Казахстан, Kämpfer/Kämpfern); acronyms
    keep their case as in `stem`."""
    if len(word) >= 2 and word.isupper() and word.isalpha():
        return word
    return word.lower()[:5]


def stemmer(language: str | None):  # type: ignore[no-untyped-def]
    """The stemmer for a page's language: `stem` for English (and unknown), else `prefix_stem`."""
    return stem if language in (None, "", "en", "und") else prefix_stem


def content_stems(text: str) -> set[str]:
    """Stems of the words in `text` that carry content (no stopwords, no bare numbers of one digit)."""
    out = set()
    for w, _, _ in words(text):
        acronym = len(w) >= 2 and w.isupper()
        if (w.lower() in STOPWORDS and not acronym) or (w.isdigit() and len(w) < 2):
            continue
        out.add(stem(w))
    return out
