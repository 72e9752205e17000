"""From the words that name a source to a speaker: canonical name, role and kind of sourcing.

A source phrase is read in this order: a pronoun or relative pronoun points back to an earlier person
or organisation; a phrase holding an entity (from `find_entities`) takes the entity's canonical name
and keeps the rest of the phrase as the role; a definite description ("the deputy minister") points
back to an earlier speaker whose role or name holds its head noun; what is left is anonymous ("a senior
official", "sources"), vague ("numerous reports", "some") or named by its own words minus titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from wirewatch.clean.dateline import dateline_at
from wirewatch.extract.cues import (
    ANONYMOUS_HEADS,
    INSTITUTION_WORDS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLES,
    VAGUE_HEADS,
)
from wirewatch.extract.frames import body_text, by_whom
from wirewatch.extract.places import Gazetteer, is_dateline_city, load_gazetteer
from wirewatch.model import Entity

_PERSONAL = {
    "he": "PERSON",
    "she": "PERSON",
    "him": "PERSON",
    "her": "PERSON",
    "his": "PERSON",
    "they": "GROUP",
    "them": "GROUP",
    "their": "GROUP",
    "it": "ORG",
    "its": "ORG",
}
_FIRST_PERSON = frozenset(["i", "we", "me", "us", "my", "our", "you"])


def is_personal_pronoun(text: str) -> bool:
    """Whether a source phrase is a third person's pronoun ("she", "they"), which points back."""
    return text.strip().lower() in _PERSONAL
_RELATIVE = frozenset(["who", "which", "that", "whom", "whose"])
_EDGE_JUNK = re.compile(r"^[\s,;:.\-\u2013\u2014(]+|[\s,;:\-\u2013\u2014(]+$")
_NAMED_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC", "EVENT", "LOC")


@dataclass(frozen=True, slots=True)
class Source:
    speaker: str | None
    role: str | None
    text: str | None  # the words as written
    sourcing: str  # named|anonymous|vague|none
    kind: str = "OTHER"  # PERSON|ORG|GROUP|OTHER: what a later pronoun may point back to
    via: str | None = None  # who passed the words on, named inside the phrase ("X, quoted by Interfax")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    name: str
    kind: str  # PERSON|ORG|GROUP|OTHER
    role: str | None = None
    said: bool = False  # a speaker of an earlier statement, not only a mention
    subject: bool = False  # the subject of its clause: the likelier antecedent of a later pronoun
    sourcing: str = "named"  # an unnamed speaker ("a neighbour ... told") may be a later pronoun's too


class EntityIndex:
    """Which entity covers a character offset; entity mentions in text order, for pronouns."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.spans: list[tuple[int, int, Entity]] = sorted(
            ((a, b, e) for e in entities for a, b in e.spans), key=lambda t: (t[0], -t[1])
        )
        self.entities = tuple(entities)
        self.names = frozenset(e.name for e in entities)
        self.office_words: dict[str, set[str]] = {}  # role text -> its words (`_with_entity_names`)

    def within(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        return [t for t in self.spans if t[0] < end and t[1] > start]

    def mentions_before(self, offset: int) -> list[Mention]:
        out = []
        for a, _b, e in self.spans:
            if a >= offset:
                break
            kind = e.type if e.type in ("PERSON", "ORG") else ("GROUP" if e.type == "NORP" else "OTHER")
            out.append(Mention(a, e.name, kind, e.roles[0] if e.roles else None))
        return out


def clean(text: str) -> str:
    return _EDGE_JUNK.sub("", " ".join(text.split()))


def strip_titles(text: str) -> str:
    """A speaker's own words minus titles and articles: "Deputy Minister Ivanov" -> "Ivanov"."""
    words = clean(text).replace("\u2019s", "").replace("'s", "").split()
    kept = [w for w in words if w.lower().strip(".,") not in TITLES]
    return " ".join(kept) or clean(text)


def phrase(doc: Doc, head: Token, *, stop: Token | None = None) -> Span:
    """The noun phrase of `head`: its subtree, cut before `stop` (the cue) when the two overlap."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    if stop is not None and start <= stop.i < end:
        end = stop.i if stop.i > head.i else end
        start = stop.i + 1 if stop.i < head.i else start
    # A trailing relative clause says what else the source did, not who it is:
    # "Cruz, who says Trump is attacking him," names Cruz. After the cue ('said Cruz, who ...') it is
    # kept, as PolNeAR's annotators do three times in five there (train split).
    after_cue = stop is not None and stop.i < head.i
    for c in head.children:
        if c.i > head.i and start <= c.left_edge.i < end and c.dep_ == "relcl" and not after_cue:
            end = min(end, c.left_edge.i)
    # Nor is a time stamp or a focusing adverb before it ("11:05 a.m. Donald Trump", "even China"):
    # PolNeAR's annotators leave both out four times in five (train split).
    while start < head.i and (
        (doc[start].ent_type_ == "TIME" and head.ent_type_ != "TIME")
        or (doc[start].dep_ == "advmod" and doc[start].head.i == head.i)
    ):
        start += 1
    while end - 1 > head.i and doc[end - 1].dep_ == "advmod" and doc[end - 1].head.i == head.i:
        end -= 1  # "A married couple also claimed": the adverb is the verb's
    while (
        end > start
        and doc[end - 1].is_punct
        and not (doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]))
    ):
        end -= 1
    # A phrase does not run across a line break: the parser sometimes joins a paragraph to the line
    # above it (a tweet's signature, "— Howard Dean (@GovHowardDean) September 27, 2016").
    start = max([start] + [t.i + 1 for t in doc[start : head.i] if "\n" in t.text_with_ws])
    end = min([end] + [t.i + 1 for t in doc[head.i : end] if "\n" in t.text_with_ws])
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    # "WASHINGTON -- President Obama, ..., said": the dateline opening the paragraph is the report's,
    # not part of who speaks
    if start < end and (start == 0 or "\n" in doc[start - 1].text_with_ws):
        line = dateline_at(body_text(doc), doc[start].idx, city=is_dateline_city)
        if line is not None and line.end < doc[end - 1].idx:
            start = next(t.i for t in doc[start:end] if t.idx >= line.end)
    return doc[start:end]


def describe(np: Span, index: EntityIndex, history: Sequence[Mention]) -> Source:
    """Speaker, role and sourcing for the source phrase `np`, given what came before it; a relative
    clause at its end ("Victor Cha, who served under Bush") stays in the text but names no one."""
    src = _describe(_naming_part(np), index, history)
    full = clean(np.text)
    relay = _relaying_participle(np)
    if relay is not None:
        src = replace(src, via=relay)
    return replace(src, text=full) if src.text is not None and full else src


def _describe(np: Span, index: EntityIndex, history: Sequence[Mention]) -> Source:
    text = clean(np.text)
    if not text:
        return Source(None, None, None, "none")
    head = np.root
    low = head.lower_
    if len(np) == 1 and low in _FIRST_PERSON:
        return Source(None, None, text, "none")
    if low in _PERSONAL and head.pos_ == "PRON":
        return _pronoun(text, _PERSONAL[low], np.start_char, history)
    if low in _RELATIVE and len(np) == 1:
        noun = _antecedent(head)
        if noun is not None:
            inner = phrase(np.doc, noun, stop=head.head)
            if len(inner) and inner.root.lower_ not in _RELATIVE:
                src = describe(inner, index, history)
                return Source(src.speaker, src.role, text, src.sourcing, src.kind)
        return Source(None, None, text, "anonymous")
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None and (head.lemma_.lower() in _WORDS_SPOKEN or head.lower_ in _WORDS_SPOKEN):
        # "Dosov's comments alleged", "the committee's statement said": the one whose words they are
        src = _describe(phrase(np.doc, owner), index, history)
        return replace(src, text=text)
    if low in _ISSUED and owner is None and _the(head) and not index.within(np.start_char, np.end_char):
        # "..., the statement added": the words of whoever last spoke, in the statement they issued
        issuer = next((m for m in reversed(history) if m.start < np.start_char and m.said), None)
        if issuer is not None:
            return Source(issuer.name, issuer.role, text, "named", issuer.kind)
    if (low in ANONYMOUS_HEADS or head.lemma_.lower() in ANONYMOUS_HEADS) and _affiliation_only(np, index):
        # "Russian officials", "US sources": unnamed people of a nation; neither it nor its state speaks
        return Source(None, None, text, "anonymous", "PERSON" if head.tag_ in ("NN", "NNP") else "GROUP")
    if _common_noun(head) and _names_institution(head) and _affiliation_only(np, index, or_none=True):
        described = _described_institution(np, history)
        if described is not None:
            return Source(described.name, described.role, text, "named", described.kind)
    found = _from_entities(np, index)
    if found is not None:
        return _with_history_name(found, text, history)
    lemma = head.lemma_.lower()
    definite = _the(head) or owner is not None
    if definite:
        earlier = _description(np, history)
        if earlier is not None:
            return Source(earlier.name, earlier.role, text, "named", earlier.kind)
    if low in VAGUE_HEADS or lemma in VAGUE_HEADS:
        return Source(None, None, text, "vague", "GROUP")
    if low in ANONYMOUS_HEADS or lemma in ANONYMOUS_HEADS:
        kind = "PERSON" if head.tag_ in ("NN", "NNP") else "GROUP"
        return Source(None, None, text, "anonymous", kind)
    named = index.within(np.start_char, np.end_char)
    # "the coalition in Syria": a place in a common noun's phrase says where or whose, not who; nor
    # is the man in "Trump supporters" the one who speaks
    described = _group_described_by_names(head, named) and head.lemma_.lower() not in ROLE_NOUNS
    skip = [(a, b) for a, b, e in named if described or e.type in _WHERE_TYPES]
    where = {t.i for t in np if _common_noun(head) and any(a <= t.idx < b for a, b in skip)}
    # (a word in lower case is no name, whatever the tagger says: "the country's health ministry")
    if any(_name_word(t) and t.i not in where and not t.text.islower() for t in np):
        name = " ".join(t.text for t in _propn_run(np, head, skip=where))
        return Source(strip_titles(name), None, text, "named", "OTHER")
    if low in TITLES:
        if not definite:  # "a deputy minister": one unnamed person
            return Source(None, None, text, "anonymous", "PERSON")
        # "the former minister of finance": the title is all there is, so the office speaks
        return Source(without_article(text), None, text, "named", "PERSON")
    kind = "GROUP" if head.tag_ in ("NNS", "NNPS") else "ORG"
    return Source(strip_titles(text), None, text, "named" if definite else "vague", kind)


# Nouns for what someone said or wrote: their possessor is the speaker.
_WORDS_SPOKEN = frozenset(
    ["comment", "comments", "remark", "remarks", "statement", "words", "claim", "allegation", "assertion",
     "testimony", "speech", "interview", "letter", "message", "post", "tweet"]
)
# Documents that only their issuer writes: "the statement said" after "The committee said in a
# statement" is the committee. (A report, a poll or a study may be anyone's: those stay vague.)
_ISSUED = frozenset(["statement", "communique", "communiqué", "letter", "release", "memo", "message", "post",
                     "tweet", "filing", "transcript"])


def _the(head: Token) -> bool:
    return any(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in head.children)


# Participles by which a phrase says who passed the words on: "Dosov, quoted by Interfax, said".
_RELAYING = frozenset(["quote", "cite", "carry", "report", "publish", "relay"])


def _relaying(c: Token) -> bool:
    return c.dep_ == "acl" and c.lemma_.lower() in _RELAYING and c.tag_ == "VBN"


def _relaying_participle(np: Span) -> str | None:
    """Who passed the words on, where the source phrase says it: "X, carried by the agency Kazinform"."""
    for c in np.root.children:
        if _relaying(c) and np.start <= c.i < np.end and (relay := by_whom(c)) is not None:
            return clean(phrase(np.doc, relay).text)
    return None


def _naming_part(np: Span) -> Span:
    """The phrase without a trailing relative clause (of its head, or of a word after it, where the
    parser hangs it: "officials familiar with the matter who spoke to Central Asia Wire"), or a
    participle that says who passed the words on ("Dosov, quoted by Interfax,")."""
    head = np.root
    cut = [
        c.left_edge.i for c in np
        if (c.dep_ == "relcl" or c.head.i == head.i and _relaying(c)) and np.start <= c.left_edge.i and c.i > head.i
    ]
    end = min(cut, default=np.end)
    while end > np.start + 1 and np.doc[end - 1].is_punct:
        end -= 1
    return np.doc[np.start : end] if end > np.start else np


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the one right before it ("Cruz, who ...", "the Islamic
    Movement of Uzbekistan (IMU) that ..."), past a bracketed acronym and up "of" phrases to their head.
    The small parser often hangs the clause on an earlier noun ("Besides the Taliban, ... that"); its
    attachment is taken only when no noun stands right before the pronoun."""
    doc = pronoun.doc
    i = pronoun.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        verb = pronoun.head
        attached = verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON")
        return verb.head if attached else None
    noun = doc[i]
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def _pronoun(text: str, kind: str, offset: int, history: Sequence[Mention]) -> Source:
    wanted = ("PERSON",) if kind == "PERSON" else ("ORG",) if kind == "ORG" else ("GROUP", "ORG", "PERSON")
    earlier = [m for m in history if m.start < offset and m.kind in wanted]
    # Speakers and clause subjects first: "Bolton said ... Hillary Clinton did ... He said:" is Bolton.
    strong = [m for m in earlier if m.said or m.subject]
    pick = strong[-1] if strong else (earlier[-1] if earlier else None)
    if pick is None:
        return Source(None, None, text, "anonymous", kind)
    return Source(pick.name or None, pick.role, text, pick.sourcing, pick.kind)


# Nouns that refer back to a person in any office.
_ANY_OFFICE = frozenset(["official", "officer", "diplomat", "politician"])


def _description(np: Span, history: Sequence[Mention]) -> Mention | None:
    """The last earlier speaker whose role or name holds this phrase's head: "the deputy minister"."""
    head = np.root.lower_
    words = {t.lower_ for t in np if t.pos_ in ("NOUN", "PROPN", "ADJ")} - {"the"}
    generic = head in INSTITUTION_WORDS
    for m in reversed([m for m in history if m.start < np.start_char and m.said]):
        hay = f"{m.role or ''} {m.name}".lower()
        if (
            head in hay.split()
            and all(w in hay for w in words if w != head)
            or (m.kind == "ORG" and head in hay.split())
        ):
            return m
        if head in _ANY_OFFICE and m.kind == "PERSON" and m.role and all(w in hay for w in words if w != head):
            # "..., the official told the agency": the last person quoted in an office ("first deputy
            # chairman of the State Security Service"), whatever the office is called
            return m
        if generic and m.kind == "ORG" and not (set(hay.split()) & INSTITUTION_WORDS) and len(words) == 1:
            # "KNB said ... the agency said": an organisation whose name says nothing of what it is
            # is the last one the bare noun can mean ("the ministry" never is the Defence Committee).
            return m
    if generic:
        # "The National Security Committee warned ... The committee claims ...": an institution named
        # earlier that has not spoken yet, whose name holds the noun.
        for m in reversed([m for m in history if m.start < np.start_char and m.kind == "ORG"]):
            hay = m.name.lower().split()
            if head in hay and all(w in hay for w in words if w != head):
                return m
    return None


# Words a description adds to an institution that its name never holds ("Kazakhstan's main security agency").
DESCRIPTIVE_WORDS = frozenset(["main", "top", "chief", "powerful", "own", "domestic", "national", "state-run", "'s", "’s"])


def _described_institution(np: Span, history: Sequence[Mention]) -> Mention | None:
    """ "The Kazakh security service" after "Kazakhstan's National Security Committee": an institution
    named earlier, described by its country and its field. Reports vary the kind of body ("service",
    "agency", "committee") but keep the field, so every field word must be in the name; a country in
    the description must be the one beside the name where it was introduced, and where no country
    stands beside it, it must be the only institution that fits."""
    gaz = load_gazetteer()
    head = np.root
    country = None
    field: set[str] = set()
    for t in np:
        if t.i == head.i or t.is_punct or t.dep_ in ("det", "case") or t.lower_ in DESCRIPTIVE_WORDS:
            continue
        iso = gaz.country_of(t.text) if t.text[:1].isupper() else None
        if iso is not None:
            country = iso
        elif t.pos_ in ("NOUN", "ADJ", "PROPN") and t.lower_ not in INSTITUTION_WORDS:
            field.add(singular(t.lower_))
    if not field:
        return None
    fits: list[tuple[Mention, str | None]] = []
    for m in reversed([m for m in history if m.start < np.start_char and m.kind == "ORG"]):
        if names_field(m.name, field) and all(f.name != m.name for f, _ in fits):
            fits.append((m, _country_beside(np.doc, m, gaz)))
    same = [m for m, iso in fits if country is not None and iso == country]
    if same:
        return same[0]
    if len(fits) == 1 and fits[0][1] is None:
        return fits[0][0]
    return None


def _country_beside(doc: Doc, m: Mention, gaz: Gazetteer) -> str | None:
    """The country named in, or just before, a mention: "Kazakhstan's National Security Committee"."""
    at = next((t.i for t in doc if t.idx >= m.start), len(doc))
    end = next((t.i for t in doc[at:] if t.idx >= m.start + len(m.name)), len(doc))
    for t in doc[max(0, at - 3) : end]:
        if t.text[:1].isupper() and (iso := gaz.country_of(t.text)) is not None:
            return iso
    return None


def names_field(name: str, field: set[str]) -> bool:
    """Whether an institution's name fits a description's field words ("security" for "the Kazakh
    security service"): it holds every one of them and a kind of body ("committee", "service")."""
    words = {singular(w) for w in name.lower().split()}
    return field <= words and bool(words & INSTITUTION_WORDS)


def singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


# Entity types that say where or whose in a speaker's phrase ("the embassy in Astana", "the Afghan
# government"), never who speaks there.
_WHERE_TYPES = frozenset({"GPE", "NORP", "LOC"})
# What a proper noun may name that speaks nothing: "a statement issued Tuesday morning".
_TIMES_AND_AMOUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def _name_word(t: Token) -> bool:
    return t.pos_ == "PROPN" and t.ent_type_ not in _TIMES_AND_AMOUNTS


def _propn_run(np: Span, head: Token, *, skip: set[int] | frozenset[int] = frozenset()) -> list[Token]:
    """The proper-noun words around the head, or the last run of them in the phrase (tokens in
    `skip` left out)."""
    runs: list[list[Token]] = []
    for t in np:
        if t.i in skip:
            continue
        if _name_word(t) or (
            t.text[:1].isupper()
            and t.pos_ in ("NOUN", "ADJ")
            and runs
            and runs[-1]
            and runs[-1][-1].i == t.i - 1
        ):
            if runs and runs[-1] and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    for r in runs:
        if r[0].i <= head.i <= r[-1].i:
            return r
    return runs[-1] if runs else [head]


def _common_noun(head: Token) -> bool:
    """A common noun, also where the small model tags one in lower case as a proper noun after a
    possessive ("Tajikistan's defence ministry", "Moscow's foreign ministry")."""
    return head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())


def _names_institution(head: Token) -> bool:
    return head.lemma_.lower() in INSTITUTION_WORDS or head.lower_ in INSTITUTION_WORDS


def _role_apposition(head: Token) -> bool:
    return any(c.dep_ == "appos" and (c.lemma_.lower() in ROLE_NOUNS or c.lower_ in ROLE_NOUNS) for c in head.children)


def _trailing_name(np: Span) -> list[Token] | None:
    """ "Head of the Ministry of Internal Affairs Oleg Ilinykh": the person's name at the end."""
    toks = [t for t in np if not t.is_punct]
    name: list[Token] = []
    for t in reversed(toks):
        if t.pos_ != "PROPN" or t.lower_ in INSTITUTION_WORDS or t.lower_ in TITLES:
            break
        name.insert(0, t)
    return name if 2 <= len(name) <= 4 else None


def _affiliation_only(np: Span, index: EntityIndex, *, or_none: bool = False) -> bool:
    """Whether the only names in the phrase are nationalities or countries, none of them its head
    (`or_none`: also when it names nothing)."""
    head = np.root
    ents = list(index.within(np.start_char, np.end_char))
    return (bool(ents) or or_none) and all(e.type in ("NORP", "GPE") and not a <= head.idx < b for a, b, e in ents)


def _from_entities(np: Span, index: EntityIndex) -> Source | None:
    text = clean(np.text)
    head = np.root
    ents = [t for t in index.within(np.start_char, np.end_char) if t[2].type in _NAMED_TYPES]
    covering = [t for t in ents if t[0] <= head.idx < t[1]]
    # the names are all places or nationalities: they say where or whose, not who
    only_places = all(t[2].type in _WHERE_TYPES for t in ents)
    persons = [t for t in ents if t[2].type == "PERSON"]
    role_head = head.lemma_.lower() in ROLE_NOUNS or head.lower_ in ROLE_NOUNS
    if not covering and head.pos_ == "PROPN" and _role_apposition(head):
        # "Arman Dosov, the head of the committee": a name the tagger left untyped, given a person's
        # role, is that person (not the committee named inside the role).
        name = next((t for t in index.within(head.idx, head.idx + 1) if t[0] <= head.idx < t[1]), None)
        if name is not None:
            a, b, ent = name
            return Source(ent.name, _role(np, a, b), text, "named", "PERSON")
    if not covering and not role_head and _group_described_by_names(head, ents):
        # "Trump supporters", "critics of the mayor": a group the names only describe speaks
        return None
    pick = None
    if covering and not (role_head and head.pos_ != "PROPN"):
        pick = covering[0]
        if pick[2].type != "PERSON" and persons and role_head:
            pick = persons[-1]
    elif persons:
        pick = min(persons, key=lambda t: abs(t[0] - head.idx))
    if pick is None or (pick[2].type != "PERSON" and role_head):
        name = _trailing_name(np) if role_head else None
        if name:
            a, b = name[0].idx, name[-1].idx + len(name[-1])
            return Source(" ".join(t.text for t in name), _role(np, a, b), text, "named", "PERSON")
    if role_head and head.pos_ != "PROPN" and not persons:
        # "the head of Russia's security service said": a person named by office, often named in
        # full a paragraph later ("The FSB's head, Alexander Bortnikov, told ...").
        holder = role_holder(text, index, near=np.start_char) or _named_next(np, index)
        if holder is not None:
            return Source(holder.name, without_article(text), text, "named", "PERSON")
        definite = any(t.dep_ in ("det", "poss") and t.lower_ not in ("a", "an", "some", "any") for t in head.children)
        if definite and ents and only_places:
            # the country only says whose office it is: the office, not "Russia", is the speaker
            return Source(without_article(text), None, text, "named", "PERSON")
    if pick is None and ents and _common_noun(head) and _names_institution(head) and only_places:
        # "the US embassy in Astana", "the Afghan government": the places say whose or where the
        # institution is; the institution speaks.
        return Source(without_article(text), None, text, "named", "ORG")
    if pick is None and ents and not (_common_noun(head) and only_places):
        pick = ents[-1]
    if pick is None:
        # "The U.S. coalition in Syria said": places only say where or whose; the phrase speaks
        return None
    a, b, ent = pick
    kind = "PERSON" if ent.type == "PERSON" else "GROUP" if ent.type == "NORP" else "ORG"
    role = _role(np, a, b) if kind == "PERSON" else None
    if role is None and ent.roles and kind == "PERSON":
        role = ent.roles[0]
    return Source(ent.name, role, text, "named", kind)


def _group_described_by_names(head: Token, ents: Sequence[tuple[int, int, Entity]]) -> bool:
    """A plural common noun whose names are its own modifiers ("Trump supporters", "the mayor's
    critics", "opponents of the plan's author"), not words it reports or a clause's ("media reports
    citing Kovrin": the one cited speaks)."""
    if head.tag_ != "NNS" or not _common_noun(head) or head.lemma_.lower() in SOURCE_NOUNS:
        return False
    doc = head.doc
    modifiers = {t.i for c in head.children if c.dep_ in ("compound", "poss", "amod", "nmod")
                 for t in c.subtree}
    modifiers |= {t.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    return bool(ents) and all(
        any(t.i in modifiers for t in doc.char_span(a, b, alignment_mode="expand") or ()) for a, b, _ in ents
    )


# Words that name the top of an office: "security chief", "head of the service", "FSB director".
_HEAD_WORDS = frozenset(["head", "chief", "director", "leader", "boss", "chairman", "chairwoman", "chair"])
_ROLE_STOP = frozenset(["the", "a", "an", "of", "s", "for", "and", "in", "at", "on", "its", "his", "her"])


def _role_words(text: str) -> set[str]:
    """Comparable words of an office: heads of office as one word, others cut to five letters, so that
    "Russia's" meets "Russian" and "services" meets "service"."""
    out = set()
    for w in re.findall(r"\w+", text.lower()):
        if w in _ROLE_STOP or w.isdigit():
            continue
        out.add("head" if w in _HEAD_WORDS else w[:5])
    return out


def _with_entity_names(text: str, index: EntityIndex) -> set[str]:
    """The words of `text` plus those of every spelling of the entities it names: a role reading
    "FSB director" then meets "director of the Federal Security Service"."""
    cached = index.office_words.get(text)
    if cached is not None:
        return cached
    low = text.lower()
    words = _role_words(text)
    for ent in index.entities:
        if ent.type == "PERSON":
            continue
        names = (ent.name, *ent.mentions)
        if any(len(n) > 1 and re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", low) for n in names):
            for n in names:
                words |= _role_words(n)
    index.office_words[text] = words
    return words


def _named_next(np: Span, index: EntityIndex) -> Entity | None:
    """The person who opens the next sentence, where the office speaks without a name and the name
    follows on its own ("..., the service's first deputy chairman said on Friday. Anvar Rakhimov told
    state television ..."): a person no role of their own is given to, there or anywhere."""
    sent = np.sent
    if sent.end >= len(np.doc):
        return None
    start = np.doc[sent.end].idx
    opener = next((t for t in index.within(start, start + 1) if t[0] == start), None)
    if opener is None or opener[2].type != "PERSON" or opener[2].roles:
        return None
    after = np.doc.char_span(opener[1], opener[1] + 1, alignment_mode="expand")
    return None if after is not None and after.text.startswith(",") else opener[2]


def role_holder(description: str, index: EntityIndex, *, near: int = 0) -> Entity | None:
    """The person of the article whose recorded role fits an office named without a name ("the head of
    Russia's security service", "security chief"): every word of the office is in one of the person's
    roles. A bare office ("the minister") needs the person to be the only one holding it; among several
    fitting persons the one mentioned nearest to `near` wins, an earlier one before a later one."""
    wanted = _role_words(description)
    if not _names_office(wanted):
        return None
    fits: dict[str, tuple[int, Entity]] = {}
    for a, _b, ent in index.spans:
        if ent.type != "PERSON" or not ent.roles:
            continue
        distance = (near - a) if a <= near else (a - near) * 2
        if (ent.name not in fits or distance < fits[ent.name][0]) and any(
            wanted <= _with_entity_names(role, index) for role in ent.roles
        ):
            fits[ent.name] = (distance, ent)
    if not fits or (len(wanted) == 1 and len(fits) > 1):
        return None
    return min(fits.values(), key=lambda t: t[0])[1]


def fits_office(description: str, other: str, index: EntityIndex) -> bool:
    """Whether `description` ("security chief") names an office that `other` ("the head of Russia's
    Federal Security Service") also names: an office word, and every word of it found in the other."""
    wanted = _role_words(description)
    return _names_office(wanted) and wanted <= _with_entity_names(other, index)


_OFFICE_PREFIXES = frozenset(r[:5] for r in ROLE_NOUNS)


def _names_office(words: set[str]) -> bool:
    return any(w == "head" or w in _OFFICE_PREFIXES for w in words)


def without_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", clean(text), flags=re.I)


def _role(np: Span, a: int, b: int) -> str | None:
    """The source phrase minus the name: premodifying titles and appositions."""
    base = np.start_char
    full = np.text
    before, after = full[: max(0, a - base)], full[max(0, b - base) :]
    parts = [clean(p) for p in (before, after)]
    parts = [without_article(p) for p in parts if p]
    parts = [re.sub(r"^['\u2019]s\s*", "", p) for p in parts]
    role = clean(" ".join(p for p in parts if p))
    if not role or not re.search(r"[A-Za-z]{3}", role) or role.lower() in ("the", "a", "an"):
        return None  # "The" of "The Donald's adviser" once the name is taken out: no role
    return role


def _with_history_name(src: Source, text: str, history: Sequence[Mention]) -> Source:
    """A surname alone takes the full name of an earlier speaker: "Bogdanov" -> "Mikhail Bogdanov"."""
    if src.speaker and " " not in src.speaker and src.kind == "PERSON":
        for m in reversed(history):
            if m.kind == "PERSON" and m.name.split()[-1] == src.speaker:
                return Source(m.name, src.role or m.role, text, src.sourcing, src.kind)
    return src
