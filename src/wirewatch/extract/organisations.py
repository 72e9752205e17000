"""Names of organisations in languages without a parser here, taken whole.

Capitalised runs of words (`mentions.from_capitals`) split such a name where its parts are joined by
small words or written in lower case: "Comitetul de Stat pentru Securitate Națională" gave
"Comitetul", "Stat" (read as the town of Settat) and "Securitate Națională", and the speaker of
"..., a anunțat Comitetul de Stat ..." was "Comitetul". A name here opens on the noun it is built on
(`data/organisation_words.toml`: "comitetul", "комитет", "*ministerium"), or on a capitalised word
right before that noun ("Государственный комитет"), and runs over capitalised words, the small words
that join them and, in Russian and Ukrainian, the words in the genitive after the noun ("национальной
безопасности"); it ends before a country ("al Tadjikistanului", "Таджикистана": where, not who).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from wirewatch.clean.language import stop_words
from wirewatch.extract.country_names import nationality
from wirewatch.extract.cues import reporting_words, word_regex
from wirewatch.extract.mentions import Mention, genitive_bases, inflected_forms
from wirewatch.extract.person_names import is_given_name
from wirewatch.extract.places import Gazetteer, place_key

# Longest name, in tokens ("Comitetul de Stat pentru Securitate Națională" is 6).
_MAX_TOKENS = 8
# An article before a French or Spanish head written in lower case ("le ministère tadjik de la Défense").
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "el", "los", "las", "del", "au", "du"})
# Joins that say where a body sits, not what it is: "Ministerul Apărării de la Dușanbe" ends before.
_LOCATIVE = frozenset({"la", "din", "à", "aux", "in", "aus", "di", "dari", "en"})
# An elided article glued to a capitalised part: "d'État", "l'Intérieur".
_ELIDED = re.compile(r"^[dl]['’]")
# Russian and Ukrainian words in the genitive after the head ("обороны", "національної безпеки"), and
# verb forms that end a name where the sentence goes on ("сообщил", "заявила", "повідомив").
_GENITIVE = re.compile(r"(?:ой|ей|ого|его|ых|их|ости|ии|ия|ства|ения|ания|ов|ев|ы|и|а|я|ої|ості|ії|ів|і|ння)$")
_VERB = re.compile(r"(?:л|ла|ло|ли|ет|ит|ют|ят|ть|ся|сь|ив|ав|є|ють)$")
# Genitive plurals that end like verbs ("Министерство иностранных дел", "закордонних справ").
_GENITIVE_PLURALS = frozenset({"дел", "справ"})
# Russian and Ukrainian ordinals: "Пятой службы" names a part of what follows, not a whole.
_ORDINAL = re.compile(r"(?:перв|втор|трет|четв[её]рт|пят|п'ят|шест|седьм|сьом|восьм|девят|дев'ят|десят)\w{0,3}$")


@dataclass(frozen=True, slots=True)
class _Words:
    heads: re.Pattern[str]
    compounds: re.Pattern[str] | None  # a head as the last part of a longer word ("Verteidigungsministerium")
    titles: re.Pattern[str] | None  # head words of offices ("Начальник службы": a person's, no name)
    joins: frozenset[str]
    first_only: bool  # only a name's first word is capitalised (Russian, Ukrainian)


@cache
def _words(language: str) -> _Words | None:
    raw = resources.files("wirewatch.data").joinpath("organisation_words.toml").read_text("utf-8")
    entry = tomllib.loads(raw).get(language)
    if entry is None:
        return None
    heads = entry["heads"]

    def pattern(prefix: str) -> re.Pattern[str]:
        return re.compile("|".join(
            (prefix if h.startswith("*") else "") + re.escape(h.strip("*")) + (r"\w*" if h.endswith("*") else "")
            for h in heads
        ))

    compound = [h for h in heads if h.startswith("*")]
    titles = reporting_words().get(language, {}).get("titles", ())
    return _Words(pattern(r"\w*"), pattern(r"\w+") if compound else None,
                  re.compile("|".join(map(word_regex, titles))) if titles else None,
                  frozenset(entry["joins"]), entry["cased"] == "first")


def from_organisations(doc: Doc, *, language: str, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """ORG mentions of the organisations named in an article in `language` (none where the data file
    has no words for it), outside the `taken` tokens."""
    words = _words(language)
    if words is None:
        return []
    out: list[Mention] = []
    i, n = 0, len(doc)
    while i < n:
        end = _name_end(doc, i, words, gaz, taken, language) if _opens(doc, i, words, taken, language) else None
        if end is not None:
            # whose body a nationality before it says ("das tadschikische Verteidigungsministerium")
            before = doc[i - 1] if i > 0 and i - 1 not in taken else None
            national = before is not None and before.is_lower and nationality(before.text, language) is not None
            out.append(Mention(i - 1 if national else i, end, "ORG"))
            i = end
        else:
            i += 1
    return out


# "сообщили в министерстве обороны": the body a report comes from, after the cue, in the locative.
_FROM_BODY = {"ru": ("в", "во"), "uk": ("в", "у")}
# Words of such a phrase at most ("в пресс-службе министерства обороны Таджикистана" is 5).
_BODY_WORDS = 6


def body_after_cue(text: str, start: int, end: int, language: str) -> tuple[int, int] | None:
    """The organisation a report is attributed to in Russian or Ukrainian without naming it
    ("..., сообщили в министерстве обороны Таджикистана"): a locative phrase right after the cue
    (text[start:end]) opening on an organisation's head word, up to the clause's end."""
    words = _words(language)
    prepositions = _FROM_BODY.get(language)
    if words is None or prepositions is None:
        return None
    m = re.match(r"\s+(\w+)\s+", text[start:end])
    if m is None or m.group(1).lower() not in prepositions:
        return None
    a = start + m.end()
    stop = re.search(r"[,;:.!?()\u2014\u2013]|\s-\s", text[a:end])
    b = a + stop.start() if stop else end
    phrase = text[a:b].split()
    first = phrase[0].lower().rsplit("-", 1)[-1] if phrase else ""  # "пресс-службе": its last part
    if not phrase or len(phrase) > _BODY_WORDS or words.heads.fullmatch(first) is None:
        return None
    return a, a + len(text[a:b].rstrip())


def _capitalised(t: Token) -> bool:
    text = _ELIDED.sub("", t.text)
    return text[:1].isupper() and any(c.isalpha() for c in text) and not text.isupper()


def _head(t: Token, words: _Words) -> bool:
    return words.heads.fullmatch(t.lower_) is not None


def _opens(doc: Doc, i: int, words: _Words, taken: set[int], language: str) -> bool:
    t = doc[i]
    # (an article or a pronoun opening a sentence is capitalised: "Der Bundesnachrichtendienst")
    if i in taken or not t.is_alpha or _ORDINAL.match(t.lower_) or t.lower_ in stop_words(language):
        return False
    if words.titles is not None and words.titles.fullmatch(t.lower_) and not _head(t, words):
        return False
    if _capitalised(t):
        after = doc[i + 1] if i + 1 < len(doc) and i + 1 not in taken else None
        return _head(t, words) or (after is not None and _head(after, words) and (words.first_only or _capitalised(after)))
    # "le ministère tadjik de la Défense": a lower-case head after an article, a capitalised part to come
    return not words.first_only and _head(t, words) and i > 0 and doc[i - 1].lower_ in _ARTICLES


def _name_end(doc: Doc, start: int, words: _Words, gaz: Gazetteer, taken: set[int], language: str) -> int | None:
    """Where the name opening at `start` ends (exclusive), or None where it is no name: one word alone
    (a capitalised head in a sentence, "Comitetul a anunțat", "des Ministeriums", unless a compound:
    "das Verteidigungsministerium"), or a lower-case head with no capitalised part."""
    n = len(doc)
    j = start + 1
    while j < n and j - start < _MAX_TOKENS and j not in taken:
        t = doc[j]
        if _capitalised(t) and (t.is_alpha or _ELIDED.match(t.text)):  # "Securitate", "d'État"
            if _country(t.text, gaz) or is_given_name(t.text):
                break  # where, not who; a person named after the office ("службы Сергей Гладка")
            j += 1
        elif t.lower_ in words.joins:
            k = j
            while k < n and doc[k].lower_ in words.joins and k not in taken:
                k += 1
            joined = {doc[x].lower_ for x in range(j, k)}
            if (k < n and k not in taken and _capitalised(doc[k]) and not _country(doc[k].text, gaz)
                    and not (joined & _LOCATIVE and gaz.knows(doc[k].text))):
                j = k
            else:
                break
        elif words.first_only and t.is_alpha and t.is_lower and (_head(t, words) or _in_genitive(t.lower_)):
            j += 1  # "Государственный комитет национальной безопасности"
        elif not words.first_only and t.is_alpha and t.is_lower and j == start + 1 and nationality(t.text, language):
            j += 1  # "ministère tadjik", "Ministerio ruso"
        else:
            break
    if not any(_capitalised(doc[k]) for k in range(start, j)):
        return None
    if j - start >= 2:
        return j
    # A compound alone names the body ("das tadschikische Verteidigungsministerium"), unless its name
    # follows: "des Inlandsgeheimdienstes FSB" is the FSB.
    named_after = j < n and (j in taken or doc[j].text.isupper())
    if words.compounds is not None and words.compounds.fullmatch(doc[start].lower_) and not named_after:
        return j
    return None


def _in_genitive(word: str) -> bool:
    return word in _GENITIVE_PLURALS or (_GENITIVE.search(word) is not None and _VERB.search(word) is None)


def _country(text: str, gaz: Gazetteer) -> bool:
    """A country or region, in any case it is written in ("Tadjikistanului", "России", "Afghanistans")."""
    forms = [place_key(f) for f in (*inflected_forms(text), *genitive_bases([text]))]
    return any(f in gaz.countries or f in gaz.regions for f in forms)
