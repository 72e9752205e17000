"""What an article offers for linking: keys that survive translation, and content words.

Two kinds of evidence are taken from each article:

* **anchors**: keys that read the same in any language. Names (the canonical entity names from
  extraction, and every capitalised word of the body) are transliterated with `anyascii` and
  reduced to a consonant skeleton, so that Бортникову, Bortnikow, Bortnikov and Bortnikova
  all give `brtnkv`; numbers are normalised (2,500 / 2.500 / 2 500 -> 2500; 7,4 -> 7.4).
* **terms**: content words, cut to a six-letter stem (a crude stemmer that works the same way
  for every language), for TF-IDF cosine between articles written in one language.

All helpers are small pure functions; `link_features` composes them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from anyascii import anyascii

from wirewatch.clean.dates import calendar_words, find_dates, latest_past_date
from wirewatch.clean.language import stop_words
from wirewatch.extract.places import is_dateline_city
from wirewatch.link import bodies
from wirewatch.model import Article, Entity

# Entity types whose names identify an event's participants and places.
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "OTHER"})

# How much more a key from an extracted entity counts than a capitalised word seen in the body:
# extraction merged its aliases, so it is the surer key. People count most (the same kind of event
# happens to different people; the people tell the events apart).
ENTITY_BOOST = {"PERSON": 2.0, "ORG": 1.5, "FAC": 1.5, "EVENT": 1.5, "GPE": 1.2, "LOC": 1.2, "OTHER": 1.0}
# The names of those who speak in an article tell who reported, not what happened: one official
# briefs on several events in a day (a seizure, then an accusation), and every report of each
# names him (and his office, from the role or the words that name the source: pages read without
# a parser have only the latter). Their keys count this much of their weight: 0.4 keeps an official's
# seizure briefing apart from his accusation relayed in five languages (tests/link/test_relay_corpus.py,
# best score 0.154 against a threshold of 0.17; at 0.5 it was 0.172 once other-language country names
# were recognised), at ECB+ B3 F1 0.869 against 0.872 for 0.5 (benchmarks/clustering.py, topics 1-35).
SPEAKER_WEIGHT = 0.4
# Publication dates found with less confidence than this (a date above the page: see
# `clean.metadata`) only bound when the page was published, from above.
EXACT_DATE_CONFIDENCE = 0.5
# An article's leading people: those named at least twice and at least this share of the times its
# most named person is. Two reports of one kind of event about different people (two players arrested
# for drunk driving in one month, each report of the second recalling the first) share nearly every
# word and name but not their leads.
LEAD_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:([.,\u00a0 ])\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_SENTENCE_END = re.compile(r"[.!?:;\"«»“”„()\[\]]\s*$")
_CYRILLIC_CASE_ENDINGS = ("ами", "ями", "ому", "ему", "ого", "его", "ом", "ем", "ым", "им", "ах", "ях")
# Spellings of one sound across transliterations (German, French, English, Russian via anyascii).
_DIGRAPHS = [("tsch", "x"), ("tch", "x"), ("sch", "x"), ("ch", "x"), ("sh", "x"), ("zh", "x"), ("kh", "h"),
             ("ph", "f"), ("ck", "k"), ("tz", "s"), ("ts", "s"), ("c", "k"), ("q", "k"), ("w", "v"), ("z", "s")]
_VOWELS = re.compile(r"[aeiouyh]")
# German, Czech and Polish write the Slavic semivowel й as j after a vowel where English writes y or i:
# Sergej / Sergey / Sergei, Nikolaj / Nikolai.
_SEMIVOWEL_J = re.compile(r"(?<=[aeiou])j(?![aeiou])")
_REPEATS = re.compile(r"(.)\1+")
_CALENDAR = calendar_words()


@dataclass(frozen=True, slots=True)
class LinkFeatures:
    """An article as the story linker sees it."""

    article_id: str
    seq: int
    language: str
    day: str | None  # the publication date, when known
    year: int | None  # the year of the latest full date in the text, a weak time anchor for undated pages
    anchors: dict[str, float]  # key -> boost (names "n:", numbers "#:")
    terms: dict[str, int]  # stem -> count
    leads: frozenset[str] = frozenset()  # surname keys of the people the article is mostly about
    # For an undated page, what the page itself says of when it was written (ISO days, or None):
    # not before the latest date it recounts as past, not after its earliest dated reader comment.
    not_before: str | None = None
    not_after: str | None = None


def fold(word: str) -> str:
    """Lower-case ASCII letters and digits only: `Khal'vorsen` -> `khalvorsen`."""
    text = anyascii(unicodedata.normalize("NFC", word)).lower()
    return re.sub(r"[^a-z0-9]", "", text)


@cache
def skeleton(word: str) -> str:
    """A transliteration-proof key for a name: the consonants of its folded spelling.

    Russian case endings that add a consonant are cut first; vowels (which inflection and
    transliteration change most) are dropped after the first letter.
    """
    w = word.strip("'’-")
    if re.search(r"[\u0400-\u04ff]", w):
        low = w.lower()
        for end in _CYRILLIC_CASE_ENDINGS:
            if low.endswith(end) and len(low) - len(end) >= 4:
                w = w[: -len(end)]
                break
    f = fold(w)
    if not f:
        return ""
    if w.isupper() and 2 <= len(f) <= 6:  # an acronym: FSB, ФСБ, NATO
        return f
    if len(f) < 3:  # an initial or a particle: J., de (and the letters of U.S., A. J. Smith)
        return ""
    s = _SEMIVOWEL_J.sub("y", f)
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    head, rest = s[0], _VOWELS.sub("", s[1:])
    if head in "aeiouy":
        head = "a"
    elif head == "h":
        head, rest = (rest[:1], rest[1:]) if rest else ("h", "")
    s = _REPEATS.sub(r"\1", head + rest)
    return s if len(s) >= 3 else f


def number_key(raw: str) -> str | None:
    """`2,500` `2.500` `2 500` -> `2500`; `7,4` -> `7.4`; `۲۷` and `٢٧` (Persian and Arabic digits)
    -> `27`; single digits are too common to count."""
    raw = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in raw)
    m = re.fullmatch(r"(\d{1,3})((?:[.,\u00a0 ]\d{3})+)([.,]\d+)?", raw)
    if m:
        value = m.group(1) + re.sub(r"\D", "", m.group(2)) + (("." + m.group(3)[1:]) if m.group(3) else "")
    else:
        value = raw.replace(",", ".")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    value = value.lstrip("0") or "0"
    if len(value) < 2:
        return None
    return value


def numbers(text: str) -> list[str]:
    out = []
    for m in _NUMBER.finditer(text):
        k = number_key(m.group(0).strip())
        if k:
            out.append(k)
    return out


def latest_dated_year(text: str) -> int | None:
    """The year of the latest full date (day, month, year) in the text. A bare year is not taken:
    obituaries, profiles and background paragraphs are full of past years that date nothing in the
    report (a pin-up model's death of 2008 recounted through 1955 and 1991)."""
    years = [int(iso[:4]) for iso, _ in find_dates(text)]
    return max(years) if years else None


def lead_persons(entities: Iterable[Entity]) -> frozenset[str]:
    # a one-word "person" that is a big city is the city the tagger misread ("LNG plants at Idku and
    # Damietta"): reports of one event that name it or not must not conflict over it
    named = [e for e in entities if e.type == "PERSON" and e.count >= 2
             and not (" " not in e.name.strip() and is_dateline_city(e.name))]
    if not named:
        return frozenset()
    top = max(e.count for e in named)
    return frozenset(keys[-1] for e in named if e.count >= LEAD_SHARE * top and (keys := name_keys(e.name)))


def capitalised_words(text: str, language: str) -> list[str]:
    """Capitalised words that do not open a sentence or a line (proper names, mostly)."""
    stops = stop_words(language)
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        if not w[0].isupper() or len(w) < 3:
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        if m.start() == 0 or "\n" in before or _SENTENCE_END.search(before):
            continue
        if w.lower() in stops or w.lower() in _CALENDAR:
            continue
        out.append(w)
    return out


def terms(text: str, language: str) -> Counter[str]:
    """Content words as six-letter stems."""
    stops = stop_words(language)
    out: Counter[str] = Counter()
    for m in _WORD.finditer(text.lower()):
        w = m.group(0).strip("'’-")
        if len(w) < 3 or w in stops:
            continue
        out[w[:6]] += 1
    return out


# The words official bodies are named with ("State", "Security", "Committee", "Ministry", in every
# language of `data/body_words.csv`) name no event: two bodies' names share them, and the Islamic State
# shares "State" with a State Committee. Their keys count this much of their weight.
GENERIC_WEIGHT = 0.3


def _generic_keys(body: str, entities: Iterable[Entity]) -> set[str]:
    words = [*_WORD.findall(body), *(w for e in entities for w in _WORD.findall(e.name))]
    return {"n:" + k for w in words if w[:1].isupper() and bodies.meanings(w.lower()) for k in name_keys(w)}


def name_keys(name: str) -> list[str]:
    return [k for k in (skeleton(t) for t in _WORD.findall(name)) if k]


def link_features(article: Article, seq: int) -> LinkFeatures:
    c = article.cleaned
    language = c.language if c else "und"
    body = c.body if c else ""
    title = (c.title.value if c else article.source.title) or ""
    anchors: dict[str, float] = {}
    for word in capitalised_words(body, language):
        for k in name_keys(word):
            anchors.setdefault("n:" + k, 1.0)
    for e in article.extracted.entities if article.extracted else ():
        if e.type not in NAME_TYPES:
            continue
        boost = ENTITY_BOOST.get(e.type, 1.0)
        for k in name_keys(e.name):
            anchors["n:" + k] = max(anchors.get("n:" + k, 0.0), boost)
    for k in _generic_keys(body, article.extracted.entities if article.extracted else ()) & anchors.keys():
        anchors[k] *= GENERIC_WEIGHT
    speakers = {"n:" + k for st in (article.extracted.statements if article.extracted else ())
                for who in (st.speaker, st.speaker_role, st.source_text) if who for k in name_keys(who)}
    for k in speakers & anchors.keys():
        anchors[k] *= SPEAKER_WEIGHT
    text = title + "\n" + body
    for k in numbers(text):
        anchors.setdefault("#:" + k, 1.0)
    day = c.published.value if c and c.published.value else None
    # A weak date (one printed above the page, as often the site's "today" as the publication date)
    # is no day to window on; the page was published by then, though.
    weak = day if day and c and c.published.confidence < EXACT_DATE_CONFIDENCE else None
    day = None if weak else day
    bounds = sorted([*(m.date[:10] for m in (c.comments if c else ()) if m.date), *([weak[:10]] if weak else [])])
    return LinkFeatures(
        article_id=article.id, seq=seq, language=language, day=day, year=latest_dated_year(text),
        anchors=anchors, terms=dict(terms(text, language)),
        leads=lead_persons(article.extracted.entities if article.extracted else ()),
        not_before=None if day else latest_past_date(text),
        not_after=None if day or not bounds else bounds[0],
    )
