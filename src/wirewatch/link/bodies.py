"""One official body named in several languages is one speaker.

Relays name a body in their own language ("State Committee for National Security", "Comitetul de
Stat pentru Securitate Națională", "Komite Negara untuk Keamanan Nasional", "Государственный комитет
национальной безопасности"), and the alias table knows only the famous ones. The words such names are
built from mean the same in every language (`data/body_words.csv`): two names are one body when
their words mean the same things, or the shorter's meanings are all in the longer with at most one
more ("national security committee" and "State Committee for National Security"), and they name no
two different countries. Two meanings at least: "the ministry" alone could be anyone's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from wirewatch.data import table_rows
from wirewatch.extract.aliases import load_aliases
from wirewatch.extract.country_names import nationality
from wirewatch.extract.places import load_gazetteer

# A stem or word at least this long is also looked for at the end of a word of `_COMPOUND_LETTERS` or
# more, an inflection after it at most ("Verteidigungsministeriums": defence and ministry).
_INSIDE_LETTERS = 6
_COMPOUND_LETTERS = 10
_MIN_MEANINGS = 2
# The languages whose adjectives of nationality may stand in a body's name ("ministère tadjik").
_LANGUAGES = ("ru", "uk", "de", "fr", "es", "ro", "id")
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True, slots=True)
class Body:
    meanings: frozenset[str]
    country: str | None  # ISO code, where the name gives one


@cache
def _forms() -> tuple[dict[str, str], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    exact: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    inside: list[tuple[str, str]] = []
    for meaning, form in table_rows("body_words.csv"):
        core = form.lower().rstrip("*")
        if form.endswith("*"):
            stems.append((core, meaning))
        else:
            exact[core] = meaning
        if len(core) >= _INSIDE_LETTERS:
            inside.append((core, meaning))
    return exact, tuple(stems), tuple(inside)


@lru_cache(maxsize=1 << 16)
def meanings(word: str) -> frozenset[str]:
    """What a lower-case word means as a part of an official body's name ("comitetul": committee),
    none for any other word."""
    exact, stems, inside = _forms()
    if word in exact:
        return frozenset([exact[word]])
    found = {m for stem, m in stems if word.startswith(stem)}
    if len(word) >= _COMPOUND_LETTERS:  # "Verteidigungsministerium": defence and ministry
        found |= {m for part, m in inside if (at := word.find(part, 1)) > 0 and len(word) - at - len(part) <= 2}
    return frozenset(found)


def _country(word: str) -> str | None:
    bare = re.sub(r"['’]s$", "", word)
    return load_gazetteer().country_of(bare) or next(
        (iso for lang in _LANGUAGES if (iso := nationality(bare, lang))), None)


@cache
def _known(name: str) -> bool:
    return load_aliases().lookup(name) is not None


@cache
def body_of(name: str) -> Body | None:
    """What a speaker's name means as an official body, or None where it is no body's name."""
    senses: set[str] = set()
    country = None
    for word in _WORD.findall(name.lower()):
        found = meanings(word)
        if found:
            senses |= found
        elif country is None:
            country = _country(word)
    return Body(frozenset(senses), country) if len(senses) >= _MIN_MEANINGS else None


def same_body(a: str | None, b: str | None) -> bool:
    """Whether two speakers' names name one official body, in whatever languages. A body the alias
    table knows is known by its canonical name only: "Federal Security Service" is not any
    country's "security service"."""
    if not a or not b or _known(a) or _known(b):
        return False
    x, y = body_of(a), body_of(b)
    if x is None or y is None or (x.country and y.country and x.country != y.country):
        return False
    small, large = sorted((x.meanings, y.meanings), key=len)
    return small <= large and len(large - small) <= 1
