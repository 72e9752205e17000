"""Who is speaking in an attribution clause of a page with no parser.

In order: a person named in the clause (the nearest to the cue); a pronoun right beside the cue
("сказал он"), which points back to the last speaker; an organisation or other name in the clause;
a place only when it stands right beside the cue ("заявила Москва": elsewhere a place in the clause
is where it was said, "на совещании в Астане"); a body named only by its kind after the cue
("сообщили в министерстве обороны"); else the capitalised words right after the cue ("sagte
Scholz") or right before it ("Путин заявил")."""

from __future__ import annotations

import re

from anyascii import anyascii

from wirewatch.clean.language import stop_words
from wirewatch.extract.entities import PLACE_TYPES, in_latin_script
from wirewatch.extract.organisations import body_after_cue
from wirewatch.extract.speakers import EntityIndex, clean, strip_titles

_NAME = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ][\w\u2019'-]+)(?:\s+[A-ZА-ЯЁІЇЄҐ][\w\u2019'-]+){0,3}")
# How close to the cue a pronoun or a place must stand to be its subject: a word or two of gap.
_BESIDE = 12
# Lower-case words allowed between a name and the cue after it.
_ADVERB_GAP = 3
# Longest office written beside a name, in words ("șeful Serviciului 5 al Serviciului Federal de
# Securitate (FSB) al Rusiei" is 10).
_MAX_ROLE_WORDS = 12
_CLAUSE_END = re.compile(r"[,;:.!?\u2014\u2013]|\s-\s")


def speaker_near(
    text: str,
    index: EntityIndex,
    c0: int,
    c1: int,
    w0: int,
    w1: int,
    *,
    pronoun: re.Pattern[str] | None = None,
    last: tuple[str | None, str] | None = None,
    language: str = "",
) -> tuple[str | None, str | None, str]:
    """(speaker, the words naming it, sourcing) for the cue at c0:c1 in the clause w0:w1; speaker
    None when no name stands there. `last` is the (speaker, sourcing) a pronoun points back to."""

    def distance(a: int, b: int) -> int:
        return max(0, a - c1, c0 - b)

    ents = index.within(w0, w1)
    persons = [t for t in ents if t[2].type == "PERSON"]
    if persons:
        a, b, ent = min(persons, key=lambda t: distance(t[0], t[1]))
        return ent.name, text[a:b], "named"
    if pronoun is not None and last is not None and last[0]:
        for m in pronoun.finditer(text, max(w0, c0 - _BESIDE), min(w1, c1 + _BESIDE)):
            return last[0], m.group(0), last[1]
    others = [t for t in ents if t[2].type not in PLACE_TYPES]
    places = [t for t in ents if t[2].type in PLACE_TYPES and distance(t[0], t[1]) <= 2]
    if others or places:
        a, b, ent = min(others or places, key=lambda t: distance(t[0], t[1]))
        return ent.name, text[a:b], "named"
    body = body_after_cue(text, c1, w1, language)
    if body is not None:
        words = text[body[0] : body[1]]
        return anyascii(words), words, "named"
    tail = _NAME.match(text, c1 + 1) if c1 + 1 < w1 else None
    if tail and tail.end() <= w1:
        return _named(tail.group(0), pronoun, language)
    head = list(_NAME.finditer(text[w0:c0]))
    if head and _only_adverbs(text[w0 + head[-1].end() : c0]):
        return _named(clean(head[-1].group(0)), pronoun, language)
    return None, None, "named"


def _named(words: str, pronoun: re.Pattern[str] | None, language: str) -> tuple[str | None, str, str]:
    """A capitalised word beside the cue as the speaker; a pronoun with no one named before it to point
    back to ("Il a ajouté que ..." opening a page) names nobody: a specific source, unnamed."""
    if pronoun is not None and pronoun.fullmatch(words):
        return None, words, "anonymous"
    return _name_or_office(words, language), words, "named"


def _only_adverbs(gap: str) -> bool:
    """Nothing between a name and its cue but a few lower-case words ("Бортников также заявил",
    "Dosov hat am Dienstag gesagt"): no clause boundary, no other name."""
    gap = gap.strip(" ,\u2014\u2013-")
    words = gap.split()
    return not gap or (len(words) <= _ADVERB_GAP and all(w.isalpha() and w.islower() for w in words))


def _name_or_office(words: str, language: str) -> str:
    """The capitalised words minus an opening article ("Der Minister" at a sentence's start) and
    titles; the office itself where nothing else is left ("Minister"); in Latin letters."""
    kept = words.split()
    stops = stop_words(language) if language else frozenset()
    while len(kept) > 1 and kept[0].lower() in stops:
        kept = kept[1:]
    name = strip_titles(" ".join(kept))
    return name if in_latin_script(name) else anyascii(name)  # spelt as entity names are


def role_beside(text: str, name: str | None, w0: int, w1: int, title: re.Pattern[str] | None) -> tuple[int, int] | None:
    """The office written beside `name` in the attribution clause w0:w1: set off by a comma
    after it ("Sergej Beseda, Leiter des Fünften Dienstes des FSB, am Dienstag"), or running from a
    title word up to the name ("заявил начальник Пятой службы ФСБ России Сергей Беседа", "kata kepala
    Dinas Kelima Dinas Keamanan Federal Rusia (FSB), Sergei Beseda"). The phrase must open with the
    office's head word (`title`, from data/reporting_words.toml)."""
    if not name or title is None:
        return None
    a = text.find(name, w0, w1)
    if a < 0:
        return None
    b = a + len(name)
    if text.startswith(",", b, w1):
        start = b + 1
        while start < w1 and text[start].isspace():
            start += 1
        stop = _CLAUSE_END.search(text, start, w1)
        end = stop.start() if stop else w1
        while end > start and text[end - 1].isspace():
            end -= 1
        m = title.match(text, start, end)
        if m and 0 < len(text[start:end].split()) <= _MAX_ROLE_WORDS:
            return start, end
    before = text[w0:a].rstrip(" ,")
    for m in title.finditer(text, w0, w0 + len(before)):
        phrase = text[m.start() : w0 + len(before)]
        words = phrase.split()
        # an acronym in brackets may sit inside ("... Federal Rusia (FSB), Sergei Beseda")
        if len(words) <= _MAX_ROLE_WORDS and not _CLAUSE_END.search(_BRACKETS.sub("", phrase)):
            return m.start(), w0 + len(before)
    return None


_BRACKETS = re.compile(r"\([^()]*\)")
