"""Reported speech without quotation marks in languages with no parser here (those of
`data/reporting_words.toml`).

Wire copy in every one of these languages reports speech in a few fixed shapes, and a relayed claim
nearly always takes one of them; they can be read off the raw text with the page language's words
(`data/reporting_words.toml`):

- the cue after the content: "США перебрасывают боевиков, заявил глава ФСБ." / "..., sagte der
  Minister." / "..., a déclaré le ministre." (a comma or dash, then a reporting word);
- the cue before a "that" word: "Глава ФСБ заявил, что ..." / "Der Minister sagte, dass ..." /
  "Le ministre a déclaré que ..."; in German the verb's mood may stand for it: "Der Minister
  sagte, die Lage sei ruhig.";
- an "according to" phrase: "По словам главы ФСБ, ..." / "Laut dem Minister ..." / "Selon le
  ministre, ...", or at the end: "..., so der Minister.";
- a vague formula before a "that" word or as a phrase: "Сообщается, что ...", "Es heißt, dass ...";
- a sentence that points back to the one before as what was said: "Об этом заявил глава ФСБ." /
  "Das sagte der Minister." / "C'est ce qu'a déclaré le ministre.".

The speaker is found in the attribution clause as for quotations (`foreign.speaker_near`); a pronoun
there points back to the last named speaker. Sentences holding a quotation are left to the
quotation pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from wirewatch.clean.dateline import dateline_at
from wirewatch.extract.cues import reporting_words, word_regex
from wirewatch.extract.foreign_speaker import role_beside, speaker_near
from wirewatch.extract.places import is_dateline_city
from wirewatch.extract.speakers import EntityIndex
from wirewatch.model import Statement

_MIN_CONTENT_WORDS = 4
_MAX_ROLE_WORDS = 8  # a role phrase after a source: "dem Leiter des Fünften Dienstes des FSB"
_MAX_SOURCE_WORDS = 12  # an "according to" source longer than this is not a source but the content
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u00bb\u201c\u201d]?\s+(?=[\"'\u00ab\u201e\u201c\w])|\n+")
# What sets a report apart from its attribution: a comma, a dash (a hyphen between spaces as a
# dash too: Polish and Russian wires type it so, "... - oświadczył szef ...").
_SEPARATOR = re.compile(r",\s*(?:[\u2014\u2013-]\s*)?|\s[\u2014\u2013]\s*|\s-\s+")
_WORD = re.compile(r"\w+")
_COMMA = re.compile(r",\s*")


def _alternation(entries: tuple[str, ...]) -> str | None:
    if not entries:
        return None
    return "|".join(sorted((word_regex(e) for e in entries), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """One language's reporting words, compiled for the shapes above."""

    cue_at: re.Pattern[str] | None  # a cue (not a particle) at the start of a clause
    cue: re.Pattern[str] | None  # a cue anywhere
    that: re.Pattern[str] | None  # cue ... , that-word
    according_at: re.Pattern[str] | None
    according: re.Pattern[str] | None  # anywhere in a sentence
    vague: re.Pattern[str] | None
    pronoun: re.Pattern[str] | None
    his: re.Pattern[str] | None  # a possessive in an "according to" phrase: "По его словам"
    anonymous: re.Pattern[str] | None
    back: re.Pattern[str] | None  # a back-reference at the start of a sentence, then its cue
    mood: re.Pattern[str] | None  # a verb form of reported speech, which needs no "that" word
    title: re.Pattern[str] | None  # the head word of an office, in a role phrase beside a source

    @classmethod
    def of(cls, words: dict[str, tuple[str, ...]]) -> Vocabulary:
        particles = set(words.get("particles", ()))
        cues = _alternation(tuple(c for c in words.get("cues", ()) if c not in particles))
        that = _alternation(words.get("that", ()))
        according = _alternation(words.get("according", ()))
        vague = _alternation(words.get("vague", ()))

        def at_start(alt: str | None) -> re.Pattern[str] | None:
            return re.compile(rf"(?:{alt})(?!\w)", re.I) if alt else None

        def anywhere(alt: str | None) -> re.Pattern[str] | None:
            return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I) if alt else None

        return cls(
            cue_at=at_start(cues),
            cue=anywhere(cues),
            # "qu'" ends in an apostrophe, so the word boundary is not asked of it.
            that=re.compile(rf"[,:]?\s*(?:{that})(?:(?<=')|(?!\w))", re.I) if that else None,
            according_at=at_start(according),
            according=anywhere(according),
            vague=anywhere(vague),
            pronoun=anywhere(_alternation(words.get("pronouns", ()))),
            his=anywhere(_alternation(words.get("his", ()))),
            anonymous=anywhere(_alternation(words.get("anonymous", ()))),
            back=_back_pattern(_alternation(words.get("back", ())), cues),
            mood=anywhere(_alternation(words.get("mood", ()))),
            title=anywhere(_alternation(words.get("titles", ()))),
        )


# At most this many words between the back-reference and its cue ("Об этом в среду заявил"), none of
# them capitalised: "Das Ministerium sagte, ..." opens with an article, not a back-reference.
_BACK_GAP = 3


def _back_pattern(back: str | None, cues: str | None) -> re.Pattern[str] | None:
    if not back or not cues:
        return None
    lower_word = r"(?![A-ZА-ЯЁІЇЄҐ])\w+"
    return re.compile(
        rf"\s*(?i:{back})(?:(?<=['\u2019])|(?!\w)\s+)(?:{lower_word}\s+){{0,{_BACK_GAP}}}?(?i:{cues})(?!\w)"
    )


@lru_cache(maxsize=16)
def vocabulary(language: str) -> Vocabulary:
    """The language's vocabulary, compiled once per process (every page of the language reads it)."""
    return Vocabulary.of(reporting_words().get(language, {}))


@dataclass(frozen=True, slots=True)
class _Reported:
    content: tuple[int, int]
    clause: tuple[int, int]  # where the source is named
    cue: tuple[int, int] | None
    sourcing: str | None = None  # "vague" when a formula, not a source, carries it
    role: tuple[int, int] | None = None  # the source's office, in apposition to it
    relay: tuple[int, int] | None = None  # who passed it on ("..., kata Beseda, seperti dikutip RIA")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    dateline = dateline_at(text, a, city=is_dateline_city)
    if dateline and dateline.end < b:
        a = dateline.end
    while a < b and (text[a].isspace() or text[a] in ",;:\u2014\u2013-"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:.!?\u2014\u2013-"):
        b -= 1
    return a, b


def _cue_after(text: str, s: int, e: int, v: Vocabulary) -> _Reported | None:
    """"CONTENT, cue SOURCE." and "CONTENT, according-to SOURCE." (the last such clause wins), but
    an according-to clause after a cue clause names who passed the words on, not who spoke them:
    "..., kata kepala Dinas Kelima FSB Sergei Beseda, seperti dikutip kantor berita RIA Novosti"."""
    found, spoken = None, False
    for sep in _SEPARATOR.finditer(text, s, e):
        if _words(text[s : sep.start()]) < _MIN_CONTENT_WORDS:
            continue
        cue = v.cue_at.match(text, sep.end(), e) if v.cue_at else None
        according = v.according_at.match(text, sep.end(), e) if v.according_at else None
        if according and found is not None and spoken and found.relay is None:
            found = replace(found, clause=(found.clause[0], sep.start()), relay=(according.end(), e))
        elif m := according or cue:
            found = _Reported(_trim(text, s, sep.start()), (sep.end(), e), (m.start(), m.end()))
            spoken = according is None  # "kata Beseda", not "menurut Beseda"
    return found


def _cue_before_that(text: str, s: int, e: int, v: Vocabulary) -> _Reported | None:
    """"SOURCE cue, that CONTENT." (a cue, then a "that" word within a few words of it)."""
    if v.cue is None or v.that is None:
        return None
    for m in v.cue.finditer(text, s, e):
        t = v.that.search(text, m.end(), min(e, m.end() + 80))
        if t is None or _words(text[m.end() : t.start()]) > 6:
            t = _comma_before_mood(text, m.end(), e, v)
        if t is None:
            continue
        content = _trim(text, t.end(), e)
        if _words(text[content[0] : content[1]]) >= _MIN_CONTENT_WORDS:
            return _Reported(content, (s, t.start()), (m.start(), m.end()))
    return None


def _comma_before_mood(text: str, at: int, e: int, v: Vocabulary) -> re.Match[str] | None:
    """The comma after a cue where what follows is in the mood of reported speech ("sagte am
    Dienstag, die Lage sei ruhig"), standing in for a "that" word; None elsewhere."""
    if v.mood is None:
        return None
    comma = _COMMA.search(text, at, min(e, at + 80))
    if comma is None or _words(text[at : comma.start()]) > 6:
        return None
    return comma if v.mood.search(text, comma.end(), e) else None


def _according_first(text: str, s: int, e: int, v: Vocabulary, index: EntityIndex) -> _Reported | None:
    """"According-to SOURCE, CONTENT." at the start of a sentence. The source ends with a named
    entity that stands right after the phrase ("Laut Arman Dosov liegen ..." has no comma), else at
    the first comma."""
    m = v.according_at.match(text, s, e) if v.according_at else None
    if m is None:
        return None
    end = _source_names_end(text, m.end(), e, index)
    if end is None and v.his and v.his.search(m.group(0)):
        end = m.end()  # "Nach seinen Worten landen ...": the phrase names its source itself
    if end is None:
        end = text.find(",", m.end(), e)
    if end < 0 or _words(text[m.end() : end]) > _MAX_SOURCE_WORDS:
        return None
    role = _apposed_role(text, end, e, v)
    content = _trim(text, role[1] + 1 if role else end, e)
    if _words(text[content[0] : content[1]]) < _MIN_CONTENT_WORDS:
        return None
    return _Reported(content, (m.end(), end), (m.start(), m.end()), role=role)


def _apposed_role(text: str, end: int, e: int, v: Vocabulary) -> tuple[int, int] | None:
    """", the head of the Fifth Service," right after a source ending at `end`: a phrase between two
    commas that holds an office's head word, with reported content after it."""
    if v.title is None or not text[end:e].lstrip().startswith(","):
        return None
    a = text.index(",", end) + 1
    b = text.find(",", a, e)
    if b < 0 or _words(text[a:b]) > _MAX_ROLE_WORDS or not v.title.search(text, a, b):
        return None
    a, b = _trim(text, a, b)
    return (a, b) if a < b else None


def _according_inside(text: str, s: int, e: int, v: Vocabulary, index: EntityIndex) -> _Reported | None:
    """"CONTENT according-to SOURCE CONTENT." ("Die Lage ist nach Angaben des FSB angespannt", "Ситуация,
    по словам Беседы, главы службы, остается напряженной"): the whole sentence is the source's claim,
    an office between commas after the source its role. Only where a name follows the phrase: "laut"
    and "so" are also ordinary words."""
    if v.according is None:
        return None
    for m in v.according.finditer(text, s, e):
        if not text[s : m.start()].strip(" \n\"«„“"):
            continue  # the sentence opens with it: `_according_first`
        end = _source_names_end(text, m.end(), e, index)
        if end is None:
            continue
        role = _apposed_role(text, end, e, v)
        rest = text[role[1] + 1 if role else end : e]
        if not _words(rest) or (rest.lstrip().startswith(",") and v.title and v.title.search(rest)):
            continue  # the source closes the sentence, or only its office follows: `_cue_after`
        if _words(text[s : m.start()]) + _words(rest) < _MIN_CONTENT_WORDS:
            continue
        content = _trim(text, s, e)
        return _Reported(content, (m.end(), end), (m.start(), m.end()), role=role)
    return None


def _source_names_end(text: str, start: int, e: int, index: EntityIndex) -> int | None:
    """Where the names of an "according to" source end when they follow the phrase with no comma: the
    first name within two words of it, and each next name joined to it by nothing but capitalised
    words ("Laut FSB-Chef Alexander Bortnikow sind ..."; "Laut Arman Dosov liegen ..." stops at the
    verb), to the end of a hyphenated word the last name opens ("FSB-Chef"). None: no name there."""
    end: int | None = None
    for a, b, _ in index.within(start, e):
        if a < start:  # a name that swallowed the phrase's last word ends where it ends
            end = b if end is None else max(end, b)
            continue
        if end is not None and a < end:
            continue
        gap = text[start if end is None else end : a].split()
        if len(gap) > 2 or (end is not None and any(not w[:1].isupper() for w in gap)):
            break
        end = b
        while end < e and text[end] == "-" and end + 1 < e and text[end + 1].isalnum():
            end = _WORD.match(text, end + 1).end()  # type: ignore[union-attr]
    return end


def _vague(text: str, s: int, e: int, v: Vocabulary) -> _Reported | None:
    """A vague formula that frames the sentence: a phrase ("по некоторым данным"), or a word followed
    by a "that" word ("сообщается, что", "es heißt, dass"); single modal words ("soll") are too
    often something else to count alone."""
    if v.vague is None:
        return None
    for m in v.vague.finditer(text, s, e):
        t = v.that.match(text, m.end(), e) if v.that else None
        if t is None and " " not in m.group(0):
            continue
        content = _trim(text, t.end() if t else s, e)
        if _words(text[content[0] : content[1]]) >= _MIN_CONTENT_WORDS:
            return _Reported(content, (m.start(), m.end()), None, "vague")
    return None


def _back_reference(text: str, s: int, e: int, previous: tuple[int, int] | None, v: Vocabulary) -> _Reported | None:
    """"CONTENT. Об этом заявил SOURCE.": the previous sentence is what the source said."""
    m = v.back.match(text, s, e) if v.back and previous else None
    if m is None or previous is None:
        return None
    content = _trim(text, *previous)
    if _words(text[content[0] : content[1]]) < _MIN_CONTENT_WORDS:
        return None
    cue = v.cue.search(text, m.start(), m.end()) if v.cue else None
    return _Reported(content, (m.end(), e), (cue.start(), cue.end()) if cue else None)


def indirect_statements(
    text: str,
    index: EntityIndex,
    language: str,
    *,
    quoted: tuple[Statement, ...] = (),
) -> list[Statement]:
    """Reported speech in `text` outside the sentences of the `quoted` statements, in text order."""
    v = vocabulary(language)
    out: list[Statement] = []
    spans = [st.span for st in quoted if st.span]
    previous: tuple[int, int] | None = None  # the sentence before, while no statement holds it
    for s, e in sentence_spans(text):
        if any(a < e and b > s for a, b in spans):
            previous = None
            continue
        last = _last_speaker([*quoted, *out], s) or _last_person(index, s)
        r = (_back_reference(text, s, e, previous, v) or _according_first(text, s, e, v, index)
             or _cue_before_that(text, s, e, v) or _according_inside(text, s, e, v, index)
             or _cue_after(text, s, e, v) or _vague(text, s, e, v))
        previous = (s, e) if r is None else None
        if r is None:
            continue
        w0, w1 = r.clause
        cue_text = text[r.cue[0] : r.cue[1]] if r.cue else None
        if r.sourcing == "vague":
            speaker, source_text, sourcing = None, text[w0:w1], "vague"
        else:
            c0, c1 = r.cue or (w0, w0)
            speaker, source_text, sourcing = speaker_near(
                text, index, c0, c1, w0, w1, pronoun=v.pronoun, last=last, language=language
            )
            window = text[w0:w1]
            pronoun = v.pronoun.search(window) if v.pronoun else None
            anonymous = v.anonymous.search(window) if v.anonymous else None
            his = v.his.search(cue_text) if v.his and cue_text and not _words(window) else None
            if speaker is None and pronoun is not None and last is not None:
                (speaker, sourcing), source_text = last, pronoun.group(0)
            elif speaker is None and his is not None and last is not None:
                (speaker, sourcing), source_text = last, cue_text
            elif speaker is None and anonymous is not None:
                source_text, sourcing = anonymous.group(0), "anonymous"
            if speaker is None and sourcing == "named":
                continue
        a, b = r.content
        role_at = r.role or (role_beside(text, source_text, w0, w1, v.title) if speaker and sourcing == "named" else None)
        role = text[role_at[0] : role_at[1]] if role_at and speaker else None
        via = text[r.relay[0] : r.relay[1]].strip(" ,.") or None if r.relay else None
        out.append(Statement(speaker, role, source_text, via, cue_text, text[a:b], "indirect", sourcing, (a, b)))
    return out


# How far back a pronoun with no speaker before it looks for the person it stands for.
_PERSON_REACH = 300


def _last_person(index: EntityIndex, before: int) -> tuple[str | None, str] | None:
    """The person named last before an offset, not far before it: who "Er sagte, ..." means where no
    statement has been read yet ("Arman Dosov sprach mit der Presse. Er sagte, ...")."""
    named = [(b, e.name) for a, b, e in index.spans if e.type == "PERSON" and before - _PERSON_REACH <= b <= before]
    return (max(named)[1], "named") if named else None


def _last_speaker(statements: list[Statement], before: int) -> tuple[str | None, str] | None:
    """The speaker of the latest statement before an offset: what a pronoun there points back to."""
    earlier = [st for st in statements if st.speaker and st.span and st.span[0] < before]
    if not earlier:
        return None
    st = max(earlier, key=lambda st: st.span[0])  # type: ignore[index]
    return st.speaker, st.sourcing
