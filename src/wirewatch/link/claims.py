"""Claims: one statement by one original speaker, followed across the articles of a story.

Within a story, articles are read in the order they were stored:

* a statement with a named or anonymous source joins the claim of the same speaker, or of another
  voice of its organisation (the FSB, its Fifth Service head), whose substance it shares (content
  words in one language; names, the article's entities by canonical name and numbers across
  languages), or founds one;
  a relay ("X said, according to RIA") keeps X as the speaker and RIA as `via`;
* a statement in the outlet's own voice, and any headline, joins the most similar claim, whoever
  made it (a headline a claim of its own article first): the outlet then *asserts* (or *headlines*)
  someone else's claim; if none is similar it is the outlet's own first-hand report, a claim whose
  origin is the outlet;
* vague statements ("it is believed") trace to no one and make no claim.

A claim's origin is the speaker's organisation where the speaker's role names one found in the
article ("head of the 5th FSB service" -> Federal Security Service), or where another article of the
story gives the speaker that role, else the speaker: two officials of one service are one origin.
Corroboration counts the independent origins of one substance; copies (one `duplicate_group`) count
once among the outlets. An article whose central claim has a
single origin although at least two independent reports tell it gets a `single_origin` signal (a
claim that one page alone reports has one origin by nature: that is no finding).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from wirewatch.assess.checkworthy import score
from wirewatch.extract.country_names import nationality
from wirewatch.extract.places import load_gazetteer
from wirewatch.link.bodies import same_body
from wirewatch.link.features import capitalised_words, name_keys, numbers, terms
from wirewatch.link.number_words import number_words
from wirewatch.model import Article, Entity, Signal, Statement
from wirewatch.model.linked import Claim, ClaimMention

# Shared content over the smaller statement needed for one claim (same speaker), for a statement in
# the outlet's voice to take up someone's claim, and for two speakers to say the same thing.
SAME_CLAIM = 0.3
TAKEN_UP = 0.3
SAME_SUBSTANCE = 0.6
# Names, entities and numbers two statements in different languages must share to say the same thing
# as two speakers' claims (`_same_substance`).
SHARED_ACROSS = 3
# Fewer content keys than this and a statement is too short to compare ("he said so").
MIN_KEYS = 3
# Independent reports (copies counted once) a claim needs before its single origin is worth saying:
# the repeated claim with one source behind it is what looks like corroboration and is not.
REPEATED = 2


@dataclass(frozen=True, slots=True)
class _Said:
    article: Article
    statement: Statement
    keys: frozenset[str]
    cross: frozenset[str]  # the keys that survive translation: names and numbers

    @property
    def language(self) -> str:
        return self.article.cleaned.language if self.article.cleaned else "und"


@dataclass
class _Group:
    speaker: str | None
    origin: str
    first: _Said
    said: list[tuple[_Said, str]] = field(default_factory=list)  # with the presentation


def entity_patterns(entities: Sequence[Entity]) -> list[tuple[str, list[re.Pattern[str]]]]:
    """Each entity's canonical name with its spellings as whole-word patterns: compiled once per
    article, read for each of its statements."""
    return [(e.name, [re.compile(rf"(?<!\w){re.escape(m)}(?!\w)") for m in (e.name, *e.mentions) if len(m) >= 2])
            for e in entities]


def statement_keys(
    content: str, language: str, entities: Sequence[tuple[str, list[re.Pattern[str]]]] = ()
) -> tuple[frozenset[str], frozenset[str]]:
    """(every key, the keys that survive translation) of a statement's content. Those that survive
    are its names (transliterated), its numbers and the article's entities it names (`entities`, as
    `entity_patterns` gives them), by canonical name: «Исламское государство» and "ISIS" are both
    the Islamic State."""
    figures = {"#:" + n for n in (*numbers(content), *number_words(content, language))}
    names = {"n:" + k for w in capitalised_words(" " + content, language) for k in name_keys(w)}
    words = {f"t:{language}:{t}" for t in terms(content, language)}
    # Across languages an entity counts once, by its canonical name, and the other capitalised words
    # by their spelling; within a language the words already hold the names.
    named: set[str] = set()
    rest = content
    for name, patterns in entities:
        for pattern in patterns:
            if pattern.search(rest):
                named.add(_entity_key(name))
                rest = pattern.sub(" ", rest)
    others = {"n:" + k for w in capitalised_words(" " + rest, language) for k in name_keys(w)}
    return frozenset(words | names | figures), frozenset(named | _nations(rest, language) | others | figures)


_ANY_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _nation_key(word: str, language: str) -> str | None:
    """The entity key of the country an adjective of nationality names, or None for any other word."""
    country = load_gazetteer().by_iso.get(nationality(word, language) or "")
    return "e:" + country.name if country is not None else None


def _entity_key(name: str) -> str:
    """An entity's key across languages; a nationality ("Russian", a NORP entity of an English page)
    by its country, as `_nations` keys the adjectives of other languages ("russische")."""
    return _nation_key(name, "en") or "e:" + name


def _nations(text: str, language: str) -> set[str]:
    """The countries the text's adjectives of nationality name, as entity keys: "les services
    américains" and "спецслужбы США" both name the United States."""
    return {k for m in _ANY_WORD.finditer(text) if (k := _nation_key(m.group(0), language))}


def similarity(a: _Said, b: _Said, *, shared_across: int = 2) -> float:
    """Shared keys over the smaller statement's; across languages, only names, entities and numbers
    count, and at least `shared_across` of them must be shared."""
    if a.language == b.language:
        x, y = a.keys, b.keys
    else:
        x, y = a.cross, b.cross
        if len(x & y) < shared_across:
            return 0.0
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def presentation(s: Statement) -> str:
    if s.span is None:
        return "headline"
    return "asserted" if s.sourcing == "none" else "attributed"


def affiliation(article: Article, s: Statement) -> str | None:
    """The organisation a speaker's role names, as the article's canonical entity: FSB -> Federal
    Security Service. Of several, the one named last, which holds the others ("head of the Fifth
    Service of Russia's Federal Security Service" is of the FSB), or one in the possessive, which
    holds what follows it ("head of the FSB's Fifth Service")."""
    role = s.speaker_role or ""
    if not role or not article.extracted:
        return None
    found: list[tuple[bool, int, str]] = []
    for e in article.extracted.entities:
        if e.type != "ORG" or e.name == s.speaker:
            continue
        for m in (e.name, *e.mentions):
            hit = re.search(rf"(?<!\w){re.escape(m)}(?!\w)", role) if len(m) >= 3 or m.isupper() and len(m) >= 2 else None
            if hit:
                found.append((role.startswith(("'s", "\u2019s"), hit.end()), hit.end(), e.name))
    return max(found)[2] if found else None


def _speaker_key(name: str | None) -> str:
    return " ".join(name_keys(name)) if name else ""


def _claim_id(story: str | None, said: _Said) -> str:
    h = hashlib.sha1(f"{story}|{said.article.id}|{said.statement.span}|{said.statement.content}".encode())
    return "c" + h.hexdigest()[:15]


def _outlet(a: Article) -> str | None:
    return (a.cleaned.outlet.value if a.cleaned else None) or a.source.outlet


def _published(a: Article) -> str | None:
    return a.cleaned.published.value if a.cleaned else None


def find_claims(articles: Sequence[Article], *, story: str | None = None) -> list[Claim]:
    """The claims of a story's articles (given in stored order)."""
    groups: list[_Group] = []
    known = _affiliations(articles)
    for article in articles:
        said = []
        patterns = entity_patterns(article.extracted.entities) if article.extracted else []
        for s in article.extracted.statements if article.extracted else ():
            if s.sourcing == "vague" or not s.content:
                continue
            keys, cross = statement_keys(s.content, article.cleaned.language if article.cleaned else "und", patterns)
            if len(keys) >= MIN_KEYS:
                said.append(_Said(article, s, keys, cross))
        # Sourced statements first, so the outlet's own voice can take up a claim made in the same article.
        for x in sorted(said, key=lambda x: x.statement.sourcing in ("none",) or x.statement.span is None):
            _place(x, groups, article, known)
    return [_claim(g, story, groups) for g in groups]


def _affiliations(articles: Sequence[Article]) -> dict[str, str]:
    """Speaker key -> the organisation a role names, wherever in the story an article gives the
    role: a page that names Beseda without his office still traces his claim to the FSB."""
    known: dict[str, str] = {}
    for article in articles:
        for s in article.extracted.statements if article.extracted else ():
            if s.speaker and (org := affiliation(article, s)) is not None:
                known.setdefault(_speaker_key(s.speaker), org)
    return known


def _place(x: _Said, groups: list[_Group], article: Article, known: dict[str, str]) -> None:
    s = x.statement
    own_voice = s.sourcing == "none" or s.span is None
    origin = _origin(x, article, known)
    said_by = s.speaker or s.via
    speaker_key = _speaker_key(said_by)

    def same_speaker(g: _Group) -> bool:  # by name, or one body named in two languages
        return _speaker_key(g.speaker) == speaker_key or same_body(g.speaker, said_by)

    best, best_score = None, (False, 0.0)
    for g in groups:
        across = 2
        if own_voice:
            # A headline sums up its own article: a claim of that article first, and with less in
            # common; the outlet's voice: any claim. A headline that names who says it ("Hayden: We
            # should be frightened ...") takes up another article's claim only where that one speaks.
            headline_here = s.span is None and any(y.article.id == article.id for y, _ in g.said)
            if said_by and s.sourcing != "none" and not headline_here and not (same_speaker(g) or g.origin == origin):
                continue
            need = TAKEN_UP * (0.7 if headline_here else 1.0)
            rank = headline_here
        elif (same := same_speaker(g)) or (g.speaker is not None and g.origin == origin):
            need, rank = SAME_CLAIM, False  # the speaker, or another voice of its organisation
            # One speaker's words in two languages: one shared figure or name will do ("9 killed
            # and 31 injured, Velk said" / "9 morts et 31 blessés, selon Velk").
            across = 1 if same else 2
        else:
            continue
        score = max(similarity(x, y, shared_across=across) for y, _ in g.said)
        if score >= need and (rank, score) > best_score:
            best, best_score = g, (rank, score)
    if best is None:
        best = _Group(None if s.sourcing == "none" else said_by, origin, x)
        groups.append(best)
    best.said.append((x, presentation(s)))


def _origin(x: _Said, article: Article, known: dict[str, str]) -> str:
    """Who a statement traces back to: the organisation of its speaker, else the speaker, else (the
    outlet's own voice, a headline that names no one) the outlet."""
    s = x.statement
    speaker = None if s.sourcing == "none" else (s.speaker or s.via)
    return (
        (affiliation(article, s) or known.get(_speaker_key(speaker)) if speaker else None)
        or speaker or _outlet(article) or article.id
    )


def _claim(g: _Group, story: str | None, groups: list[_Group]) -> Claim:
    mentions = tuple(
        ClaimMention(x.article.id, _outlet(x.article), _published(x.article), how, x.statement.speaker,
                     x.statement.via, x.statement.content, x.article.duplicate_group)
        for x, how in g.said
    )
    outlets = tuple(dict.fromkeys(m.outlet for m in mentions if m.outlet))
    # First seen: the earliest dated telling, whatever order the pages were stored in (a scrape
    # finds the relays before the original as often as not); the first stored where none is dated.
    dated = [m for m in mentions if m.published]
    first = min(dated, key=lambda m: m.published) if dated else mentions[0]
    copies = {m.duplicate_group or m.article_id for m in mentions}
    origins = {g.origin}
    for other in groups:
        if other is not g and other.origin not in origins and _same_substance(g, other):
            origins.add(other.origin)
    return Claim(
        id=_claim_id(story, g.first), story=story, speaker=g.speaker, origin=g.origin,
        content=g.first.statement.content, first_seen=first.published, first_outlet=first.outlet,
        outlets=outlets, mentions=mentions, independent_outlets=len(copies), corroboration=len(origins),
        origins=tuple(sorted(origins)), check_worthiness=_check_worthiness(g),
    )


def _check_worthiness(g: _Group) -> float | None:
    """The check-worthiness of the claim's first English telling: the model learnt English sentences
    only, and says nothing worth reading of others (a claim told only in other languages has none)."""
    english = next((x.statement.content for x, _ in g.said if x.article.cleaned and x.article.cleaned.language == "en"), None)
    value = score(english) if english else None
    return None if value is None else round(value, 4)


def _same_substance(a: _Group, b: _Group) -> bool:
    """Whether two speakers' claims say the same thing. Across languages, where only names and
    numbers are compared, two shared names (the Islamic State, Afghanistan) are the story's topic,
    not its claim: a third is asked for."""
    return any(similarity(x, y, shared_across=SHARED_ACROSS) >= SAME_SUBSTANCE for x, _ in a.said for y, _ in b.said)


def central_claim(article: Article, claims: Sequence[Claim]) -> Claim | None:
    """The claim an article is about: the one its headline tells, else the one told most widely."""
    told = [c for c in claims if any(m.article_id == article.id for m in c.mentions)]
    if not told:
        return None
    for c in told:
        if any(m.article_id == article.id and m.presentation == "headline" for m in c.mentions):
            return c
    return max(told, key=lambda c: (c.independent_outlets, len(c.mentions), -told.index(c)))


def single_origin(article: Article, claims: Sequence[Claim]) -> Signal | None:
    """`single_origin` where the article's central claim, told by several independent reports,
    traces back to one speaker alone."""
    c = central_claim(article, claims)
    if c is None or c.speaker is None or c.corroboration != 1 or c.independent_outlets < REPEATED:
        return None
    n = c.independent_outlets
    # This article's own telling, in its language, else the claim's first.
    told_here = next((m.content for m in c.mentions if m.article_id == article.id and m.content), None)
    content = (told_here or c.content or "").strip().strip("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb").rstrip(",")
    speaker = f" ({c.speaker})" if c.speaker != c.origin else ""
    outlets = f" ({', '.join(c.outlets)})" if c.outlets else ""
    return Signal(
        kind="single_origin",
        evidence=f"“{content}” traces back to {c.origin} alone{speaker}; told by {n} independent "
                 f"report{'s' if n != 1 else ''}{outlets}, with no other source for it",
        detail=f"claim {c.id}: see `wirewatch claims` for every telling",
    )
