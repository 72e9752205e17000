"""Mentions: where names occur in one article, before they are grouped into entities.

Three sources feed it. spaCy's NER, with the small model's habitual slips repaired where it is cheap
(`from_ner`); the alias table, scanned over the tokens so that "FSB", "ФСБ" and "Tehreek-i-Taliban
Pakistan" are found even when the model misses or splits them (`from_aliases`); and, for languages
without a parser here, the names of organisations taken whole (`extract.organisations`), then the
gazetteer and capitalised runs of words (`from_capitals`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from wirewatch.clean.authors import NAME_PARTICLES
from wirewatch.clean.dates import calendar_words
from wirewatch.clean.language import stop_words
from wirewatch.extract.aliases import Alias, AliasTable, fold, is_acronym
from wirewatch.extract.cues import reporting_words
from wirewatch.extract.person_names import is_given_name
from wirewatch.extract.places import Gazetteer, place_key
from wirewatch.extract.roles import ends_title, strip_title, with_title_before
from wirewatch.extract.wordlists import words

T = TypeVar("T")

# spaCy's OntoNotes labels -> the contract's types. Numbers, dates and quantities are not entities here.
LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "FAC": "FAC",
    "PRODUCT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "LANGUAGE": "OTHER",
}

# Last words of organisation names: a name glued after one of them in an ORG span is a person
# ("the Ministry of Internal Affairs Oleg Ilinykh").
_ORG_HEADS = words(
    "affairs ministry service services council committee department agency office directorate forces "
    "command bureau commission party army police guard front movement organization organisation union "
    "assembly parliament government centre center institute intelligence security defence defense "
    "interior justice staff corps navy administration authority court prosecutor's"
)
# Words the model tags ORG when they only qualify a title ("Deputy Interior Minister").
_DEPARTMENT_WORDS = words(
    "interior defence defense foreign finance justice health education economy energy trade "
    "emergencies emergency culture transport agriculture labour labor"
)
# Words around a city name that make it a place, not a club or a company named after it.
_PLACE_BEFORE = frozenset(["in", "near", "outside", "into", "around", "across", "of"])
_PLACE_AFTER = frozenset(
    ["airport", "port", "harbour", "harbor", "province", "region", "city", "district", "suburb", "outskirts"]
)
# English abstract-noun endings: a lone capitalised "Situation" the model calls a PERSON is a noun.
_NOUN_ENDINGS = ("tion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")
# Words before an ambiguous acronym ("IS", "US") that make it a name, not the verb or pronoun.
_NAME_BEFORE = words(
    "the and or of to against by with from for pro anti versus vs between like as pledged join joined "
    "joining ex former called named dubbed known"
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token offsets in the doc
    end: int
    type: str
    canonical: str | None = None  # from the alias table
    country: str | None = None  # the alias table's country for it, counted as context for places
    title: str | None = None  # a title removed from the span ("Field Marshal")

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


# Possessives and function words the model leaves at the end of a span ("Border Security Force of").
_TRAILING = frozenset(["'s", "’s", "'", "’", "of", "and", "for", "the", "in", "on", "at", "to"])


def trim(span: Span) -> Span:
    """Without a leading "the" (or another lower-case word the model let in: "strip Americans"), a
    trailing possessive or stray punctuation at either end. Name particles ("al-Qaeda", "de Blasio")
    and hyphenated prefixes ("post-Soviet") stay."""
    start, end = span.start, span.end
    doc = span.doc

    def loose(t: Token) -> bool:
        if t.is_punct:
            return t.text not in "(["
        joined = t.i + 1 < len(doc) and doc[t.i + 1].text == "-"
        return t.lower_ == "the" or (
            t.is_lower and t.lower_ not in NAME_PARTICLES and not joined and t.i + 1 < end
        )

    while start < end and loose(doc[start]):
        start += 1
    while end > start and (doc[end - 1].lower_ in _TRAILING or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def whole_words(span: Span) -> Span:
    """The span grown to whole hyphenated words: the model tags "Mazar" of "Mazar-i-Sharif"."""
    doc = span.doc
    if not len(span):
        return span
    start, end = span.start, span.end
    while (
        end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text == "-" or doc[end - 1].text == "-")
    ):
        end += 1
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and (doc[start - 1].text == "-" or doc[start].text == "-")
    ):
        start -= 1
    # Never end or start on the hyphen itself.
    while end > start + 1 and doc[end - 1].text == "-":
        end -= 1
    while start < end - 1 and doc[start].text == "-":
        start += 1
    return doc[start:end]


def _is_name_like(span: Span) -> bool:
    return len(span) >= 1 and all(
        t.is_title or t.lower_ in ("al", "bin", "ibn", "de", "van", "von", "-") or t.is_upper for t in span
    )


def _split_trailing_person(span: Span, surnames: frozenset[str] = frozenset()) -> tuple[Span, Span] | None:
    """ORG span "X Ministry Ivan Petrov" -> (X Ministry, Ivan Petrov); "Fox News Sean Hannity" ->
    (Fox News, Sean Hannity): a given name opening the last words starts a person, and so do two
    words that end with a surname the page names a person by alone (`surnames`: "Minister of Digital
    Development Talant Mamyrov" where "Mamyrov said" follows)."""
    for k in (2, 3):
        if len(span) < k + 2:
            continue
        person, head = span[len(span) - k :], span[len(span) - k - 1]
        known = k == 2 and person[-1].text in surnames
        if (head.lower_ in _ORG_HEADS or is_given_name(person[0].text) or known) and all(
            t.is_title and t.pos_ == "PROPN" and t.lower_ not in _ORG_HEADS for t in person
        ):
            return span[: len(span) - k], person
    return None


def from_ner(doc: Doc, *, aliases: AliasTable, gaz: Gazetteer) -> list[Mention]:
    out: list[Mention] = []
    # one-word person names the model found: surnames, where a later mention drops the given name
    surnames = frozenset(e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1)
    for ent in doc.ents:
        etype = LABELS.get(ent.label_)
        if etype is None:
            continue
        span = ent
        bracket = next((t.i for t in ent if t.text in "(["), None)
        if bracket is not None and bracket > ent.start:
            span = doc[ent.start : bracket]  # "Committee for Water Rights (CWR": the acronym is its own
        # A name does not run across a line break ("Common Law\nRepresentatives").
        brk = next(
            (t.i + (0 if t.is_space else 1) for t in span[:-1] if "\n" in t.whitespace_ or t.is_space), None
        )
        if brk is not None and brk > span.start:
            span = doc[span.start : brk]
        span = whole_words(trim(span))
        if not any(c.isupper() for c in span.text):
            continue  # "east", "the north": directions and common nouns, not names
        if etype in ("LOC", "GPE", "OTHER") and span.start > 0:
            # "central Asia": the model leaves the lower-case word out of a region's name.
            wider = doc[span.start - 1 : span.end]
            if wider[0].is_lower and wider[0].lower_ != "the" and place_key(wider.text) in gaz.regions:
                span, etype = wider, "LOC"
        title = None
        if etype in ("PERSON", "ORG"):
            if ends_title(span):
                continue
            wider = with_title_before(span)
            stripped, title = strip_title(wider)
            # a surname alone only where the title cut into the model's span ("State Tillerson")
            if title and (len(stripped) >= 2 or wider.start < span.start) and _is_name_like(stripped):
                span, etype = stripped, "PERSON"
            else:
                title = None
        if etype == "ORG":
            split = _split_trailing_person(span, surnames)
            if split is not None:
                org, person = split
                out.append(Mention(org.start, org.end, "ORG"))
                out.append(Mention(person.start, person.end, "PERSON"))
                continue
            if len(span) == 1 and span[0].lower_ in _DEPARTMENT_WORDS:
                continue
        etype = _retype(span, etype, aliases=aliases, gaz=gaz)
        if etype is None:
            continue
        out.append(Mention(span.start, span.end, etype, title=title))
    return out


def _retype(span: Span, etype: str, *, aliases: AliasTable, gaz: Gazetteer) -> str | None:
    """The small model's usual type slips, repaired from the gazetteer; None drops the mention."""
    text = span.text
    key = place_key(text)
    if etype == "PERSON" and len(span) == 1:
        if key in gaz.demonyms:
            return "NORP"  # "Tajik border"
        if key.endswith(_NOUN_ENDINGS) and aliases.lookup(text) is None:
            return None
    if (
        etype in ("ORG", "PERSON", "GPE")
        and len(span) == 1
        and key in gaz.demonyms
        and aliases.lookup(text) is None
    ):
        return "NORP"  # "his Kazakh counterpart"
    if etype == "NORP" and key in gaz.countries:
        return "GPE"  # "Tajikistan" tagged as a nationality
    if etype in ("GPE", "LOC") and len(span) == 1 and is_given_name(text) and not gaz.knows(text):
        return "PERSON"  # "his wife Melania at his side": a given name no gazetteer knows as a place
    if etype in ("OTHER", "ORG", "PERSON") and key in gaz.regions and aliases.lookup(text) is None:
        return "LOC"  # "Caucasus" tagged as a product
    if etype == "ORG" and aliases.lookup(text) is None and is_big_place(key, gaz) and reads_as_place(span):
        return "GPE"  # "Karachi airport": the city, tagged as an organisation
    return etype


def reads_as_place(span: Span) -> bool:
    """A city name the model tagged ORG is a place when the words say so ("in X", "X airport").

    Clubs and firms named after cities ("Detroit beat Cleveland") stay organisations.
    """
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in _PLACE_BEFORE or after in _PLACE_AFTER


def is_big_place(key: str, gaz: Gazetteer) -> bool:
    """A country, or a city of 100,000 people or more."""
    if key in gaz.countries:
        return True
    return gaz.city_population(key) >= 100_000


def acronym_in_context(token_span: Span, *, in_ner: bool, known: bool = False) -> bool:
    """May an acronym that is also an English word ("IS", "US") be a name here?

    It may when the model marked it as an entity, when it is the (ACRONYM) after its expansion, or
    when the words around it read like a name: "the IS", "allegiance to IS", "IS fighters". Once the
    article has used it as a name (`known`), capitals alone will do: running text does not write the
    verb in capitals. Never when it sits in a line of capitals ("THIS IS WAR").
    """
    doc = token_span.doc
    first, last = token_span[0], token_span[-1]
    if first.lower_ not in STOP_WORDS:
        return True
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None

    def capital_word(t: Token | None) -> bool:
        return t is not None and t.is_alpha and len(t) > 1 and t.is_upper and not is_acronym(t.text)

    if capital_word(prev) or capital_word(nxt):
        return False
    if in_ner or known:
        return True
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
        return True
    if prev is not None and prev.lower_ in _NAME_BEFORE:
        return True
    # "IS fighters", "IS-linked", "IS's", and as a subject: "IS claimed", "IS has" (the verb "is" is
    # never followed by another finite verb).
    return nxt is not None and (
        nxt.pos_ in ("NOUN", "VERB")
        or nxt.text in ("-", "'s", "’s")
        or nxt.lower_ in ("has", "had", "was", "is")
    )


def scan(
    doc: Doc,
    match: Callable[[Span, str], T | None],
    *,
    prefixes: frozenset[str] | None = None,
    max_tokens: int = 24,
    always: int = 0,
    taken: AbstractSet[int] = frozenset(),
    lower_starts: frozenset[str] = frozenset(),
    folded: Sequence[str] | None = None,
    heads: Callable[[Span], Iterable[str]] | None = None,
) -> Iterator[tuple[Span, T]]:
    """The longest match starting at each capitalised (or uncased) token, or at one of `lower_starts`
    ("al" of "al-Qaeda"), left to right, skipping `taken` tokens.

    `match` gets the span and its folded key. With `prefixes` (every word-prefix of every key that
    can match), a span stops growing as soon as its key cannot lead to a match, which keeps the scan
    linear in the length of the article; the first `always` tokens are tried regardless (inflected
    words whose key is not a prefix of anything), and with `heads` (the folded dictionary forms of
    those first tokens) a span keeps growing while one of those forms and the words after them lead
    to a key ("Службы внешней разведки" toward "sluzhba vneshney razvedki").
    """
    folded = folded if folded is not None else fold_tokens(doc)
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        first = t.text[:1]
        capital = first.isupper() or (first.isalpha() and not first.islower()) or t.lower_ in lower_starts
        if i in taken or not first or not capital:
            i += 1
            continue
        hit = None
        words: list[str] = []
        head, variants = "", []
        for j in range(i + 1, min(n, i + max_tokens) + 1):
            tok = doc[j - 1]
            if j - 1 in taken or tok.is_space:
                break
            if folded[j - 1] == "s" and words and tok.text[:1] in "'\u2019":
                words[-1] += "s"  # "Russia's" is one word in a folded alias key
            elif folded[j - 1]:
                words.append(folded[j - 1])
            key = " ".join(words)
            if heads is not None and prefixes is not None and j - i == always:
                head, variants = key, [h for h in heads(doc[i:j]) if h in prefixes]
            if (
                prefixes is not None and key not in prefixes and j - i > always
                and not any(v + key[len(head):] in prefixes for v in variants)
            ):
                break
            if tok.is_punct or not key:
                continue
            found = match(doc[i:j], key)
            if found is not None:
                hit = (doc[i:j], found)
        if hit is None:
            i += 1
            continue
        yield hit
        i = hit[0].end


def fold_tokens(doc: Doc) -> list[str]:
    """Each token folded as `fold` does ("" for punctuation): computed once per article, shared by scans."""
    return [fold(t.text) if not (t.is_punct or t.is_space) else "" for t in doc]


def prefixes_of(keys: Iterable[str]) -> frozenset[str]:
    """Every word-prefix of every key: "islamic", "islamic state", "islamic state of", ..."""
    out: set[str] = set()
    for key in keys:
        words = key.split()
        out.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return frozenset(out)


# Russian (and Ukrainian, Belarusian) case endings, longest first: "Москву", "Казани", "Нарышкина"
# are looked up as "Москва", "Казань", "Нарышкин" too. Tried only on words in Cyrillic.
_CYRILLIC_ENDINGS = (
    "ами",
    "ями",
    "ого",
    "его",
    "ому",
    "ему",
    "ой",
    "ей",
    "ом",
    "ем",
    "ую",
    "ою",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "и",
    "ы",
)
# Dictionary endings put back on a stem: of nouns, then of adjectives ("Федеральной" -> "Федеральная").
_CYRILLIC_RESTORE = ("", "а", "ь", "й", "я", "ая", "ый", "ий", "ое")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


# Romanian case endings, with what replaces them: "Siriei", "Afganistanului" (Siria, Afganistan).
# German ones ("-s", "-en") are left out: "Hallen" would be the city of Halle, "Hamas" that of Hama.
_LATIN_ENDINGS = (("ului", ""), ("ul", ""), ("ei", "a"))


def _word_forms(word: str) -> list[str]:
    forms = [word]
    if len(word) >= 5 and not _CYRILLIC.search(word):
        forms += [word[: -len(end)] + new for end, new in _LATIN_ENDINGS if word.lower().endswith(end)]
        return forms
    if len(word) < 4 or not _CYRILLIC.search(word):
        return forms
    for ending in _CYRILLIC_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)]
            forms += [stem + r for r in _CYRILLIC_RESTORE]
    return list(dict.fromkeys(forms))


def genitive_bases(words: Sequence[str]) -> list[str]:
    """Single words without a German genitive "-s" ("Afghanistans" -> "Afghanistan"), to be looked up
    as countries only."""
    return [w[:-1] for w in words if " " not in w and len(w) >= 6 and w.endswith("s")]


def inflected_forms(text: str) -> list[str]:
    """`text`, then the dictionary forms it may be an inflection of. Only the first two words
    decline: the rest of a longer name is in the genitive already ("Службы внешней разведки" is
    "Служба внешней разведки", "Федеральной службы безопасности" "Федеральная служба безопасности")."""
    words = text.split()
    if len(words) == 1:
        return _word_forms(text)
    rest = "".join(" " + w for w in words[2:])
    return [f"{a} {b}{rest}" for a in _word_forms(words[0]) for b in _word_forms(words[1])]


def from_aliases(
    doc: Doc,
    *,
    aliases: AliasTable,
    ner_tokens: set[int],
    taken: AbstractSet[int] = frozenset(),
    inflected: bool = False,
    folded: Sequence[str] | None = None,
) -> list[Mention]:
    def match(span: Span, key: str) -> Alias | None:
        hit = aliases.lookup_key(key, span.text)
        if hit is None and inflected:
            hit = next(
                (h for f in inflected_forms(span.text)[1:] if (h := aliases.lookup(f)) is not None), None
            )
        if hit is None:
            return None
        if hit.acronym and not acronym_in_context(span, in_ner=span.start in ner_tokens):
            return None
        return hit

    out = []
    found = scan(
        doc,
        match,
        prefixes=aliases.prefixes,
        always=2 if inflected else 0,
        taken=taken,
        lower_starts=aliases.lower_starts,
        folded=folded,
        heads=(lambda span: [fold(f) for f in inflected_forms(span.text)[1:]]) if inflected else None,
    )
    for span, hit in found:
        out.append(Mention(span.start, span.end, hit.type, canonical=hit.canonical, country=hit.country))
    return out


# Surname endings common in the post-Soviet, Balkan and Caucasus names this domain reports on,
# transliterated: a capitalised run ending in one is taken for a person in unparsed languages.
_SURNAME = re.compile(
    r"(ov|ova|ev|eva|in|ina|sky|skiy|ski|skaya|enko|uk|yuk|yan|dze|shvili|ovich|evich|ich)$"
)


@cache
def _according_words(language: str) -> frozenset[str]:
    """The language's one-word "according to" ("laut", "selon"), which opens a sentence before a name."""
    entries = reporting_words().get(language, {}).get("according", ())
    return frozenset(e for e in entries if " " not in e and not e.endswith("*"))


# Russian and Ukrainian ordinals, capitalised as the first word of a name ("Пятой службы ФСБ", "the
# Fifth Service"): the name is the words after, which the run cannot see, not the ordinal.
_ORDINAL = re.compile(r"(?:перв|втор|трет|четв[её]рт|пят|п'ят|шест|седьм|сьом|восьм|девят|дев'ят|десят)\w{0,3}$")
# Languages that capitalise every noun: there a lone capitalised word says nothing.
_NOUNS_CAPITALISED = frozenset({"de", "lb"})


def _inside_name(span: Span) -> bool:
    """Whether a capitalised word stands right before or after the span: "Чен" in "Ким Чен Ын" or
    "Ли Чен" is part of a person's name, not Chenzhou, whose alternate name it is."""
    doc = span.doc
    near = [doc[span.start - 1]] if span.start > 0 else []
    near += [doc[span.end]] if span.end < len(doc) else []
    return any(t.is_alpha and t.text[:1].isupper() for t in near)


def from_capitals(
    doc: Doc, *, gaz: Gazetteer, taken: set[int], language: str = "", folded: Sequence[str] | None = None
) -> list[Mention]:
    """Names in a language without a parser: gazetteer places, then runs of capitalised words.

    A run at the start of a sentence counts only when it has two words or more, since any first
    word is capitalised; in German, where every noun is capitalised, only runs of two or more count.
    Stop words of the language ("Die"), its one-word "according to" ("Laut", "Selon"), the names of
    months and weekdays and Slavic ordinals never start a name. Types are guesses: places from the
    gazetteer, people from name endings or a given name, everything else OTHER; a run with a given
    name inside starts there ("Chef Alexander Bortnikow": the noun before is a title).
    """
    stops = stop_words(language) | STOP_WORDS
    # a month or a weekday ("24 September 2019", "pada Selasa") names nothing, but may end a name
    # ("Theresa May")
    never_first = stops | _according_words(language) | calendar_words()

    def place(span: Span, key: str) -> str | None:
        if span[0].lower_ in stops:
            return None
        for form in inflected_forms(span.text):
            key = place_key(form)
            if key in gaz.regions:
                return "LOC"
            if key in gaz.countries:
                return "GPE"
            if gaz.city_population(key, alternates=len(key) > 3 and not _inside_name(span)) >= 50_000:
                return "GPE"
        # a German genitive of a country ("im Norden Afghanistans", "Russlands"): countries only, as
        # cities would read "Hamas" as Hama
        if len(span) == 1 and any(place_key(base) in gaz.countries for base in genitive_bases([span.text])):
            return "GPE"
        return None

    out = [
        Mention(s.start, s.end, t) for s, t in scan(doc, place, max_tokens=6, taken=taken, folded=folded)
    ]
    taken = taken | {i for m in out for i in range(m.start, m.end)}
    min_words = 2 if language in _NOUNS_CAPITALISED else 1
    i, n = 0, len(doc)
    while i < n:
        j = i
        while (
            j < n
            and j - i < 4
            and j not in taken
            and doc[j].is_alpha
            and doc[j].text[:1].isupper()
            and not doc[j].text.isupper()
            and not (j == i and (doc[j].lower_ in never_first or _ORDINAL.match(doc[j].lower_)))
        ):
            j += 1
        given = [k for k in range(i + 1, j - 1) if is_given_name(doc[k].text)]
        if given and not is_given_name(doc[i].text):
            i = given[0]
        sentence_start = (
            i == 0 or doc[i - 1].is_space or doc[i - 1].text in (".", "!", "?", "«", '"', "“", ":", "—", "–", "-")
        )
        if j - i >= max(2, min_words) or (j - i == 1 == min_words and not sentence_start):
            words = fold(doc[i:j].text).split()
            etype = "PERSON" if j - i >= 2 and (_SURNAME.search(words[-1]) or is_given_name(doc[i].text)) else "OTHER"
            if j - i >= 2 or len(words[0]) > 3:
                out.append(Mention(i, j, etype))
        i = max(j, i + 1)
    return out


def token_set(mentions: list[Mention]) -> set[int]:
    return {i for m in mentions for i in range(m.start, m.end)}
