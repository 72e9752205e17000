"""The headline's own statement: attributed when it carries a cue, otherwise the outlet's voice.

Headlines are short and telegraphic, so a few patterns read them better than a parse would (and cost
nothing): "<claim>, warns <source>", "<claim>, <source> says", "<source> says <claim>", "According
to <source>, <claim>", "<source>: <claim>", "<claim>: <source>", "<claim> — <source>". A headline
matching none of them asserts its claim itself (sourcing none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wirewatch.extract.cues import (
    ANONYMOUS_HEADS,
    INSTITUTION_WORDS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLES,
    VAGUE_HEADS,
    reporting_words,
    word_regex,
)
from wirewatch.extract.places import load_gazetteer
from wirewatch.extract.speakers import (
    DESCRIPTIVE_WORDS,
    EntityIndex,
    clean,
    names_field,
    role_holder,
    singular,
    strip_titles,
    without_article,
)
from wirewatch.extract.wordlists import words
from wirewatch.model import Entity, Statement

# Headline forms of English reporting verbs: present tense third person, and the past.
_VERBS = (
    "says|said|warns|warned|claims|claimed|insists|insisted|denies|denied|tells|told|urges|urged|"
    "believes|reports|reported|alleges|alleged|accuses|accused|admits|admitted|announces|announced|"
    "vows|vowed|predicts|predicted|suggests|argues|thinks|declares|declared|confirms|confirmed|"
    "reveals|revealed|fears|hopes|expects|concedes|stresses|notes|adds|asserts|charges|explains"
)
# ... and after their source, the present for many speakers too ("officials say"), only of verbs
# that are not also deeds in a headline ("Rebels claim town", "Hospitals admit more patients").
_VERBS_AFTER = _VERBS + "|say|warn|insist|deny|urge|allege|vow|argue|predict|confirm|believe|suggest"
_TRAILING = re.compile(
    rf"^(?P<content>.{{8,}}?)\s*[,:]\s*(?P<cue>{_VERBS})\s+(?P<source>[^,:]{{2,80}})$", re.I
)
# "<claim>, <source> says": the wire services' own order ("Strike to go on, union says", "Three
# dead in blast, police say").
_TRAILING_SOURCE = re.compile(
    rf"^(?P<content>.{{8,}}?)\s*,\s*(?P<source>[^,:\u201c\u201d\"]{{2,60}}?)\s+(?P<cue>{_VERBS_AFTER})\s*$", re.I
)
_LEADING = re.compile(
    rf"^(?P<source>[^,:\u201c\"]{{2,60}}?)\s+(?P<cue>{_VERBS_AFTER})\s*:?\s+(?:that\s+)?(?P<content>.{{8,}})$", re.I
)
_ACCORDING = re.compile(r"^(?P<cue>according to)\s+(?P<source>[^,]{2,60}),\s*(?P<content>.{8,})$", re.I)
_ACCORDING_END = re.compile(r"^(?P<content>.{8,}?),?\s+(?P<cue>according to)\s+(?P<source>[^,]{2,60})$", re.I)
_COLON = re.compile(r"^(?P<source>(?:[A-Z][\w.'\u2019-]*\s?){1,4}):\s+(?P<content>.{8,})$")
# "<claim>: <source>" and "<claim> — <source>" ("Militants moving north: Russian intelligence", "US
# moving IS militants to Afghanistan — FSB"). After a colon or a dash a short phrase is as often a
# subtitle ("Afghanistan: the forgotten war"), so the source must be one (`names_source`).
_COLON_END = re.compile(
    r"^(?P<content>.{8,}?)(?:\s*(?P<cue>:)|\s+(?P<dash>[\u2014\u2013-]))\s+"
    r"(?P<source>\w[\w.'\u2019-]*(?:\s+[\w.'\u2019-]+){0,3})\s*$"
)
# Heads of institutional sources that name no person: "Russian intelligence", "Ukrainian military".
_INSTITUTION_HEADS = words(
    "intelligence police military army government ministry kremlin pentagon media agency agencies "
    "authorities prosecutors investigators officials sources report reports"
)
# Heads that make a phrase beside a headline's colon a source (`names_source`).
_SPEAKING_HEADS = (
    _INSTITUTION_HEADS | VAGUE_HEADS | ANONYMOUS_HEADS | ROLE_NOUNS | TITLES | INSTITUTION_WORDS | SOURCE_NOUNS
)


def headline_statement(title: str | None, index: EntityIndex, *, language: str = "en") -> Statement | None:
    """One statement for the headline; `span` is None since the headline is not in the body."""
    title = clean(title or "")
    if not title:
        return None
    m: dict[str, str] | None = None
    if language in ("en", "und", ""):
        for pattern in (_ACCORDING, _ACCORDING_END, _TRAILING, _TRAILING_SOURCE, _LEADING, _COLON, _COLON_END):
            found = pattern.match(title)
            if not found or not _plausible_source(found.group("source")):
                continue
            if pattern in (_COLON, _COLON_END) and not names_source(found.group("source"), speaking_names(index.entities)):
                continue
            m = found.groupdict()
            dash = m.pop("dash", None)
            m["cue"] = m.get("cue") or dash or ":"
            break
    else:
        m = _foreign(title, language, index)
    if m is None:
        return Statement(None, None, None, None, None, title, "indirect", "none", None)
    source = clean(m["source"])
    cue = m.get("cue")
    content = clean(m["content"]).strip("\"\u201c\u201d'")
    sourcing, speaker = _classify(source, index)
    kind = "direct" if m["content"].strip()[:1] in '"\u201c\u00ab\u201e' else "indirect"
    return Statement(speaker, None, source, None, cue, content, kind, sourcing, None)


def _plausible_source(source: str) -> bool:
    """A source is a short noun phrase, not a clause: no verb-like comma chains, at most 8 words."""
    tokens = source.split()
    return 0 < len(tokens) <= 8 and not source.lower().startswith(("how ", "why ", "what ", "when "))


def names_source(phrase: str, names: Iterable[str]) -> bool:
    """Whether a phrase beside a headline's colon ("WHO: ...", "...: Russian intelligence") says who
    speaks: its head is a speaking word (an office, an institution, officials, a report), it is an
    acronym, or it ends with one of the article's names (`names`), or is a name's last part
    ("Bortnikov: ..."). Anything else is the headline's topic ("America's Secret Plan: ...",
    "Afghanistan: the forgotten war")."""
    tokens = re.findall(r"[\w'\u2019.-]+", phrase)
    if not tokens or _shouted_kicker(tokens) or _AT_A_PLACE.search(phrase):
        return False
    head = re.sub(r"['\u2019]s?$", "", tokens[-1]).strip(".")
    if head.lower() in _SPEAKING_HEADS or (head.isupper() and 2 <= len(head) <= 6):
        return True
    low = phrase.strip().lower()
    return any(
        low == n or re.search(rf"\b{re.escape(n)}$", low) or n.endswith(" " + low)
        for n in (name.lower() for name in names)
        if len(n) > 1
    )


# A topic set at a place or a time ("Massacre in Mandoul: ...", "Fire at Brisk depot: ..."): the name
# after the preposition is where, not who.
_AT_A_PLACE = re.compile(r"\b(?:in|at|near|over|across|after|before|during)\s+(?:the\s+)?[A-Z]")


def _shouted_kicker(tokens: list[str]) -> bool:
    """A tabloid's kicker in capitals ("DRONE BLITZ: ...", "FLOOD HORROR: ..."): two or more words of
    four letters or more, all in capitals; acronyms that speak are shorter ("UN WFP: ...")."""
    return len(tokens) >= 2 and all(t.isupper() and len(t) >= 4 for t in tokens)


# Entities that may speak in a headline ("Bortnikov: ...", "Russia: ..."); a place label is a GPE too,
# and is read as a speaker: a missed signal costs less than a false one.
_SPEAKING_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def speaking_names(entities: Iterable[Entity]) -> list[str]:
    """Every name and mention of the entities that may speak in a headline (`names_source`)."""
    return [n for e in entities if e.type in _SPEAKING_TYPES for n in (e.name, *e.mentions)]


def _classify(source: str, index: EntityIndex) -> tuple[str, str | None]:
    low = source.lower()
    last_word = low.split()[-1] if low.split() else ""
    for _a, _b, ent in index.spans:
        names = {ent.name.lower(), *(m.lower() for m in ent.mentions)}
        # the entity must be the phrase's head (its last word), not a modifier ("Russian intelligence")
        if any(
            re.search(rf"\b{re.escape(n)}$", low) or n.endswith(last_word) and n in low
            for n in names
            if len(n) > 1
        ) or (ent.type == "PERSON" and " " not in low and any(n.split()[-1] == low for n in names if " " in n)):
            return "named", ent.name  # the last clause: a surname alone ("Досов: ...")
    last = re.sub(r"[^\w]", "", low.split()[-1]) if low.split() else ""
    if last in VAGUE_HEADS:
        return "vague", None
    if last in ANONYMOUS_HEADS:
        return "anonymous", None
    holder = role_holder(source, index)
    if holder is not None:
        return "named", holder.name  # "..., says security chief" and the body names him
    described = _described_institution(source, index)
    if described is not None:
        return "named", described.name  # "Kazakh security committee warns ..." and the body names it
    if last in ROLE_NOUNS:
        return "named", without_article(source)  # the office is all the headline gives
    return "named", strip_titles(source)


def _described_institution(source: str, index: EntityIndex) -> Entity | None:
    """The one institution of the article a headline describes by its field and kind: "Kazakh
    security committee" for the National Security Committee (as `speakers` reads such a description
    in the body, without the parse: every word but a country, a kind of body and a descriptive word
    must be in the name)."""
    words = re.findall(r"[\w-]+", re.sub(r"['\u2019]s\b", "", source))
    if len(words) < 2 or words[-1].lower() not in INSTITUTION_WORDS:
        return None
    gaz = load_gazetteer()
    field = {singular(w.lower()) for w in words
             if w.lower() not in INSTITUTION_WORDS and w.lower() not in DESCRIPTIVE_WORDS
             and w.lower() not in ("the", "a", "an") and not (w[:1].isupper() and gaz.country_of(w))}
    if not field:
        return None
    fits = {ent.name: ent for _a, _b, ent in index.spans if ent.type == "ORG" and names_field(ent.name, field)}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _foreign(title: str, language: str, index: EntityIndex) -> dict[str, str] | None:
    """ "<claim>, — заявил <source>", "<source> заявил, что <claim>", "<source> <cue> <claim>",
    "<source>: «<claim>»", "<source>: <claim>" and "<claim> — <source>" in languages without a parser."""
    vocab = reporting_words().get(language)
    if not vocab:
        return None
    stems = [word_regex(cue) for cue in vocab["cues"]]
    that = "|".join(word_regex(t) for t in vocab.get("that", ())) or r"(?!)"
    names = speaking_names(index.entities)
    according = {word_regex(a) for a in vocab.get("according", ())}
    for stem in stems:
        # a comma or a dash before the cue, but for "according to" ("... laut FSB"): a title-case
        # headline's cue between two words ("Militan Sebut Perbatasan ...") has its source before it
        gap = r"\s+" if stem in according else r"\s*(?:[,:]\s*[\u2014\u2013-]?|\s[\u2014\u2013-])\s*"
        m = re.match(rf"^(?P<content>.{{8,}}?){gap}(?P<cue>{stem})\s+(?P<source>[^,:]{{2,60}})$", title, re.I)
        if m:
            return m.groupdict()
    for stem in stems:
        # "<source> заявил, что <claim>", "<source> sagt, dass <claim>", "<source> affirme que <claim>"
        m = re.match(
            rf"^(?P<source>[^,:]{{2,60}}?)\s+(?P<cue>{stem}),?\s+(?:{that})\s*(?P<content>.{{8,}})$",
            title,
            re.I,
        )
        if m:
            return m.groupdict()
    for stem in stems:
        # "Rusia Tuding AS Pindahkan Militan ...": headlines drop the "that"; the source must then be
        # one of the article's names (or an acronym), as title case capitalises every word
        m = re.match(rf"^(?P<source>{_NAME_WORDS_LAZY})\s+(?P<cue>{stem})\s+(?P<content>.{{8,}})$", title, re.I)
        if m and names_source(m.group("source"), names):
            return m.groupdict()
    m = re.match(r"^(?P<source>[^:]{2,40}):\s+(?P<content>[\u00ab\u201e\u201c\"].{8,})$", title)
    cue = ":"
    if m is None:
        m = _FOREIGN_NAME_COLON.match(title)
        if m is None:
            m, cue = _FOREIGN_NAME_DASH.match(title), "\u2014"
            # German capitalises every noun: after a dash, only a name of the article speaks
            if m is not None and not names_source(m.group("source"), names):
                m = None
        if m is not None and not all(w[:1].isupper() for w in m.group("source").split()):
            m = None
    return {**m.groupdict(), "cue": cue} if m else None


_NAME_WORDS = r"[^\W\d_][\w.'\u2019-]*(?:\s+[^\W\d_][\w.'\u2019-]*){0,3}"
_NAME_WORDS_LAZY = _NAME_WORDS + "?"  # as few of them as leave a cue after
# "Досов: спецслужбы США ...", "... на север Афганистана — ФСБ": one to four capitalised words
# before a colon or after a dash name the source.
_FOREIGN_NAME_COLON = re.compile(rf"^(?P<source>{_NAME_WORDS}):\s+(?P<content>.{{8,}})$")
_FOREIGN_NAME_DASH = re.compile(rf"^(?P<content>.{{8,}}?)\s+[\u2014\u2013-]\s+(?P<source>{_NAME_WORDS})\s*$")
