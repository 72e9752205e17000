"""Who said what: attributed statements from an article's parsed body and its headline.

Three passes over the English parse, all reading the dependency tree already in the doc:
  1. quotations (`quotes.py`) are attributed to a reporting verb just after them ("..." he said),
     just before them (He said: "..."), or continue the previous speaker's quotation;
  2. reporting verbs with a complement give indirect speech ("X warned that ..."), "according to X"
     gives its clause, reporting nouns ("numerous reports of ...") and impersonal passives ("it is
     believed that ...") give vaguely sourced statements;
     beyond the hand lexicon, a verb or noun counts as a cue where the cue model (`cue_model.py`,
     trained on PolNeAR) reads its context as one ("Trump promised to ...", "a poll found ...");
  3. relays ("X said ..., Russian news agencies reported") fold into the statement they carry, and
     a cue inside another statement's content is part of what that one reports, not a statement of
     its own (one statement per stretch of text, as PolNeAR annotates).
Speakers are then resolved in text order (`speakers.py`), so that "he" and "according to him" point
to the person named before. Other languages have no parser here: `foreign.py` reads quotation marks
and reporting words instead. The headline gets its own statement (`headline.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from wirewatch.extract.cue_model import features, load_cue_model
from wirewatch.extract.cues import (
    ANONYMOUS_HEADS,
    NOUN_CUES,
    PASSIVE_VAGUE_VERBS,
    RELAY_VERBS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    VAGUE_ADVERBS,
    base_cue,
    is_cue,
)
from wirewatch.extract.foreign import foreign_statements
from wirewatch.extract.frames import (
    adjective_cue_text,
    adjective_frame,
    body_text,
    by_whom,
    complement,
    cue_text,
    is_participle,
    noun_frame,
    passive_frame,
    subject,
    subject_kind,
    token_range,
    trailing_attribution,
    trim,
    verb_frame,
)
from wirewatch.extract.headline import headline_statement
from wirewatch.extract.quotes import Quote, find_quotes
from wirewatch.extract.speakers import (
    EntityIndex,
    Mention,
    Source,
    clean,
    describe,
    fits_office,
    is_personal_pronoun,
    phrase,
    without_article,
)
from wirewatch.model import Entity, Statement

_QUOTE_CHARS = '\u201c\u201d\u201e\u00ab\u00bb"'
_ENDS = frozenset(".!?")
_DASHES = frozenset(["\u2015", "\u2014", "\u2013", "--", "-"])
# A paragraph opening with a name and a colon, as transcripts and interviews print them (sometimes
# inside an opening quotation mark).
_SPEAKER_LINE = re.compile(
    r"(?:^|(?<=\n\n))[\"\u201c]?(?P<name>[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,3}):[ \t]+(?P<content>[^\n]{8,})"
)
_NOT_SPEAKERS = frozenset(
    ["update", "note", "editor's note", "correction", "related", "read more", "watch", "video"]
)
_SUBORDINATE = frozenset(["relcl", "acl", "advcl", "xcomp", "amod", "pcomp"])
_MODALS = frozenset(["should", "must", "can", "could", "may", "might"])
_WINDOW = 30  # tokens searched on each side of a quotation for its attribution


@dataclass(frozen=True, slots=True)
class _Draft:
    cue_i: int  # token index of the cue's head word (-1: none)
    cue: str | None
    source: Span | None
    content: tuple[int, int]  # character offsets into the body
    quote: str
    sourcing: str | None = None  # forced kind where the construction says it (vague passives, nouns)
    via: str | None = None
    relay: bool = False  # the cue passes on someone else's words (report, cite, quote)
    follows: int | None = None  # continues the statement drafted at this index (same speaker)


def find_statements(
    doc: Doc, entities: Sequence[Entity], *, title: str | None, language: str = "en"
) -> tuple[Statement, ...]:
    """Statements in the body (in text order), after the headline's own statement when there is a title."""
    index = EntityIndex(entities)
    if language and language not in ("en", "und"):
        body = foreign_statements(body_text(doc), index, language)
    else:
        body = _english(doc, index)
    head = headline_statement(title, index, language=language) if title else None
    if head is not None and head.sourcing == "named" and head.source_text and head.speaker not in index.names:
        head = _speaker_from_body(head, body, index)
    return ((head,) if head else ()) + body


def _speaker_from_body(head: Statement, body: Sequence[Statement], index: EntityIndex) -> Statement:
    """A headline naming its source only by office ("..., says security chief") takes the speaker of
    the first body statement whose source fits that office ("the head of Russia's security service")."""
    for s in body:
        if s.speaker and s.sourcing == "named":
            other = f"{s.source_text or ''} {s.speaker_role or ''}"
            if fits_office(head.source_text, other, index):
                return replace(head, speaker=s.speaker, speaker_role=s.speaker_role)
    return head


# --- the English passes ---------------------------------------------------------------------------


def _english(doc: Doc, index: EntityIndex) -> tuple[Statement, ...]:
    quotes = find_quotes(body_text(doc))
    inside = _inside(doc, quotes)
    drafts: list[_Draft] = []
    for q in quotes:
        d = _attribute_quote(doc, q, inside, drafts)
        if d is not None:
            prev = drafts[-1] if drafts else None
            if prev is not None and (
                (d.follows is not None and d.follows == len(drafts) - 1 and d.cue_i == -2)
                or (d.cue_i >= 0 and d.cue_i == prev.cue_i and prev.quote == "direct")
            ):
                # '"A," he said, "B."' is one statement, as annotators mark it: from A to B
                drafts[-1] = replace(prev, content=(prev.content[0], d.content[1]))
            else:
                drafts.append(d)
    used = {d.cue_i for d in drafts if d.cue_i >= 0}
    drafts.extend(_indirect(doc, inside, used))
    taken = [d.content for d in drafts]
    drafts.extend(
        d
        for d in _speaker_lines(doc, index)
        if not any(a < d.content[1] and d.content[0] < b for a, b in taken)
    )
    drafts = _fold_citing_tails(doc, _fold_according(doc, _fold_citations(doc, drafts)))
    drafts = _fold_leading_citations(doc, drafts)
    drafts = _drop_nested(doc, _fold_relays(doc, drafts))
    return _resolve(doc, drafts, index, quotes)


def _inside(doc: Doc, quotes: Sequence[Quote]) -> list[int]:
    """For each token, the index of the quotation it stands inside (marks excluded), or -1."""
    out = [-1] * len(doc)
    for qi, q in enumerate(quotes):
        span = doc.char_span(q.start + 1, q.end - 1, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                out[i] = qi
    return out


def _is_break(tok: Token) -> bool:
    return "\n" in tok.text


def _cue_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ in ("VERB", "AUX")
        and tok.tag_.startswith("VB")
        and (lemma in SPEECH_VERBS or is_cue(lemma, "quote"))
    )


def _attribute_quote(doc: Doc, q: Quote, inside: list[int], drafts: list[_Draft]) -> _Draft | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first, last = span.start, span.end - 1
    text = body_text(doc)
    closing = _last_inner(text, q)
    gap_before = text[_sentence_start_char(doc, first, inside) : q.start]
    after = _window(doc, last + 1, +1, inside)
    before = _window(doc, first - 1, -1, inside)
    found = None
    if not gap_before.strip():
        j = first - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j >= 0 and doc[j].text == ":":  # He said:\n\n"..." -- the colon hands the quotation on
            before = _window(doc, j, -1, inside)
            gap_before = ":"
    if gap_before.strip():
        found = _attribution_in(before, q, side="before")
    # A quotation that is a whole sentence takes its attribution from a short next sentence only
    # ("..." He said in the meeting.); otherwise the attribution continues its own sentence.
    if found is None and (closing not in _ENDS or len(after) <= 12):
        found = _attribution_in(after, q, side="after", opens=not gap_before.strip())
    if found is not None:
        cue_tok, source, cue = found
        via = _quoter(doc, _quoted_as(cue_tok)) if cue_tok is not None else None
        return _Draft(cue_tok.i if cue_tok is not None else -1, cue, source, (q.start, q.end), "direct", via=via)
    # No attribution of its own: it goes on with the previous speaker's quotation.
    if drafts and drafts[-1].quote == "direct":
        prev = drafts[-1]
        between = text[prev.content[1] : q.start]
        if "\n" not in between.strip(" ") and (len(between) <= 80 or _only_attribution(doc, prev, q)):
            return _Draft(-2, prev.cue, prev.source, (q.start, q.end), "direct", follows=len(drafts) - 1)
        parts = re.split(r"\n[ \t]*\n", between)
        if len(parts) == 2 and len(parts[0]) <= 80 and not parts[1].strip():
            return _Draft(-3, None, prev.source, (q.start, q.end), "direct", follows=len(drafts) - 1)
    return None


def _only_attribution(doc: Doc, prev: _Draft, q: Quote) -> bool:
    """Whether all between the previous quotation and this one is that quotation's own attribution
    sentence ('"...," said X, a developer who ... . "..."'): the two are one statement."""
    if prev.cue_i < 0 or not prev.content[1] <= doc[prev.cue_i].idx < q.start:
        return False
    sent = doc[prev.cue_i].sent
    return sent.start_char <= prev.content[1] and sent.end_char >= len(body_text(doc)[: q.start].rstrip())


def _last_inner(text: str, q: Quote) -> str:
    """The last character inside the quotation marks: "," when the sentence goes on after them."""
    inner = text[q.start : q.end].rstrip(_QUOTE_CHARS + "'\u2019")
    return inner[-1:]


def _sentence_start_char(doc: Doc, first: int, inside: list[int]) -> int:
    i = first - 1
    while (
        i >= 0
        and doc[i].text not in _ENDS
        and not _is_break(doc[i])
        and inside[i] < 0
        and first - i <= _WINDOW
    ):
        i -= 1
    return doc[i + 1].idx if i + 1 < len(doc) and i + 1 < first else doc[first].idx


def _window(doc: Doc, start: int, step: int, inside: list[int]) -> list[Token]:
    """Tokens from `start` outwards until a sentence end, a paragraph break or another quotation."""
    out: list[Token] = []
    i = start
    while 0 <= i < len(doc) and len(out) < _WINDOW:
        tok = doc[i]
        if _is_break(tok) or inside[i] >= 0 or tok.text in _QUOTE_CHARS or tok.text == "''":
            break
        if tok.text in _ENDS:
            break
        out.append(tok)
        i += step
    return out if step > 0 else out[::-1]


def _attribution_in(
    window: list[Token], q: Quote, *, side: str, opens: bool = True
) -> tuple[Token | None, Span | None, str] | None:
    """The cue and source of a quotation in the words on one `side` of it. "According to X" takes
    the quotation only where the two make up the sentence (`opens`: nothing before the quotation);
    otherwise the whole sentence is X's, read by `_according`."""
    if not window:
        return None
    ids = {t.i for t in window}
    signed = _signature(window) if side == "after" else None
    if signed is not None:
        return signed
    for tok in window:
        if tok.lower_ == "according" and tok.i + 1 in ids and tok.nbor().lower_ == "to":
            pobj = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            if pobj and (opens if side == "after" else True):
                src = phrase(tok.doc, pobj[0])
                if side == "after" or _gap(window, tok, src, side) <= 4:
                    return tok, src, "according to"
    for tok in window:  # '"...," Dosov was quoted as saying (by TASS).': the one quoted speaks
        quoted = _quoted_as(tok)
        if quoted is not None and quoted[0].i in ids:
            src = phrase(tok.doc, quoted[0], stop=tok.head.head)
            if _gap(window, tok, src, side) <= 4:
                return tok, src, _quoted_cue(tok)
    # Right before ':"...' or right after '"...,"' any verb with a subject brings in the quotation
    # ("Trump boomed:", '"...," Hillary shot back'); elsewhere only a reporting verb does.
    text = body_text(window[0].doc)
    loose = (side == "before" and window[-1].text == ":") or (side == "after" and _last_inner(text, q) == ",")
    # main verbs first: in '"...," the official, who asked not to be named, said' the cue is "said"
    for tok in sorted(window, key=lambda t: (t.dep_ in _SUBORDINATE, t.i)):
        if not (_cue_verb(tok) or (loose and tok.pos_ == "VERB" and tok.tag_.startswith("VB"))):
            continue
        if loose and not _cue_verb(tok) and tok.dep_ in _SUBORDINATE:
            continue
        # a clause of its own ("said that delegates would 'take this fight'"): indirect, read later
        comp = [
            c
            for c in tok.children
            if c.dep_ == "ccomp" and (c.i in ids or c.left_edge.i in ids) and len(list(c.subtree)) > 2
        ]
        if comp:
            continue  # its content is a clause of its own, not this quotation
        subj = subject(tok)
        if subj is None or subj.i not in ids:
            # '"...," said Leslie Wimes, a ...' with the quotation's own words parsed as a second
            # subject before the verb: the subject after it, inside the window, else the first noun
            # there, with the name it is the first part of
            after = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in ids]
            later = [t for t in window if t.i > tok.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
            subj = after[0] if after else later[0] if later and later[0].i - tok.i <= 2 else None
            while subj is not None and subj.dep_ == "compound" and subj.head.i in ids and subj.head.i > subj.i:
                subj = subj.head
        if subj is None:
            continue
        src = phrase(tok.doc, subj, stop=tok)
        src = tok.doc[max(src.start, min(ids)) : min(src.end, max(ids) + 1)]
        if len(src) == 0:
            src = tok.doc[subj.i : subj.i + 1]
        if _gap(window, tok, src, side) > 4:
            continue  # too much between the attribution and the quotation: it belongs elsewhere
        return tok, src, cue_text(tok)
    return None


def _signature(window: list[Token]) -> tuple[Token, Span, str] | None:
    """A quotation signed with a dash and a name ('"..." ― Sonya Herridge'), as reader voices and
    epigraphs are printed: the dash is the cue, the name (and nothing else on the line) the source."""
    words = [t for t in window if not t.is_space]
    if len(words) < 2 or words[0].text not in _DASHES:
        return None
    name = words[1:]
    if len(name) > 4 or not all(t.pos_ == "PROPN" or t.text in ".,-" for t in name):
        return None
    return words[0], words[0].doc[name[0].i : name[-1].i + 1], words[0].text


def _gap(window: list[Token], cue: Token, src: Span, side: str) -> int:
    """Words between the quotation and its attribution (source and cue), on the given side."""
    if side == "before":
        last = max(cue.i, src.end - 1)
        between = [t for t in window if t.i > last]
    else:
        first = min(cue.i, src.start)
        between = [t for t in window if t.i < first]
    return sum(1 for t in between if not t.is_punct and not t.is_space)


def _indirect(doc: Doc, inside: list[int], used: set[int]) -> list[_Draft]:
    out: list[_Draft] = []
    for tok in doc:
        if inside[tok.i] >= 0 or tok.i in used:
            continue
        low = tok.lower_
        d: _Draft | None = None
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            d = _according(doc, tok)
        elif low == "as" and tok.i == tok.sent.start:
            d = _as_source_said(doc, tok)
        elif low == "in" and tok.dep_ == "prep":
            d = _in_source(doc, tok)
        elif low in VAGUE_ADVERBS and tok.dep_ == "advmod":
            d = _adverb(doc, tok)
        elif tok.pos_ == "NOUN" and not (tok.dep_ in ("nsubj", "nsubjpass") and _cue_verb(tok.head)):
            d = _noun(doc, tok)
        elif tok.pos_ == "VERB":
            d = _verb(doc, tok)
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            d = _adjective(doc, tok)
        if d is not None:
            d = _clip(doc, tok, d)
        if d is not None:
            out.append(d)
    return out


def _sentence_start(doc: Doc, tok: Token) -> int:
    """Where the sentence of `tok` starts, past the parser's sentence breaks on a comma."""
    sent = tok.sent
    while sent.start > 0 and doc[sent.start - 1].text == ",":
        sent = doc[sent.start - 1].sent
    return sent.start_char


# A passive relay after the cue of a clause it closes: ", as cited by the Jakarta Daily Record".
_RELAYED_BY = re.compile(r"(?:\s+(?:on|in|at|late|early|last|this)\b[^,.;:\n]{1,30})?\s*,?\s*as\s+(?:cited|quoted|reported|carried|relayed)\s+by\s+(?P<via>[^,.;:\n]{2,80})", re.I)


def _clip(doc: Doc, cue: Token, d: _Draft) -> _Draft | None:
    """Keep reported speech inside the cue's paragraph, and inside its sentence when it runs ahead of
    the cue ("..., officials said"): a parse that runs over a break has nothing to say beyond it."""
    text = body_text(doc)
    a, b = d.content
    para_break = text.rfind("\n\n", 0, cue.idx)
    para_start = para_break + 2 if para_break >= 0 else 0
    para_end = text.find("\n\n", cue.idx)
    para_end = len(text) if para_end < 0 else para_end
    a, b = max(a, para_start), min(b, para_end)
    if a < (start := _sentence_start(doc, cue)) and cue.idx > a:
        a = start
    if d.source is not None and a < d.source.start_char < cue.idx and (
        relayed := _RELAYED_BY.match(text, cue.idx + len(cue.text))
    ):
        # "..., the ministry said, as cited by the Daily Record, which quoted Antara": the clause
        # closes on its source, and the outlet that carried the words is the relay
        b = min(b, d.source.start_char)
        d = replace(d, via=clean(relayed.group("via")))
    elif d.source is not None and a < d.source.start_char < b <= cue.idx:
        b = d.source.start_char  # the parse hung the source on the content's last noun: it is not said
    clipped = trim(text, a, b)
    if clipped is None:
        return None
    return replace(d, content=clipped) if clipped != d.content else d


def _kind(text: str) -> str:
    """indirect, or mixed when it holds quoted words, or direct when it is all one quotation."""
    t = text.strip().replace("''", '"')
    if t[:1] in _QUOTE_CHARS and t[-1:] in _QUOTE_CHARS + ".,":
        return "direct" if not any(c in t[1:-2] for c in _QUOTE_CHARS) else "mixed"
    return "mixed" if any(c in t for c in _QUOTE_CHARS) else "indirect"


def _according(doc: Doc, tok: Token) -> _Draft | None:
    to = doc[tok.i + 1]
    pobj = [c for c in to.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    return _around(doc, tok, phrase(doc, pobj[0]), doc[tok.i : tok.i + 2].text, to.i + 1)


# Words a sentence-opening "As X ...," clause may end with after its speech verb: "As X put it,",
# "As X told reporters on Tuesday,".
_AS_CLAUSE_MAX = 14


def _as_source_said(doc: Doc, tok: Token) -> _Draft | None:
    """ "As Sergei Beseda put it, US agencies are ...", "As the ministry told reporters, ...": the
    rest of the sentence is what the source said."""
    sent = tok.sent
    comma = next((t.i for t in doc[tok.i + 1 : min(sent.end, tok.i + _AS_CLAUSE_MAX)] if t.text == ","), None)
    if comma is None:
        return None
    verb = next((t for t in doc[tok.i + 2 : comma]
                 if t.pos_ == "VERB" and (t.lemma_.lower() in SPEECH_VERBS or t.lemma_.lower() == "put")), None)
    if verb is None or any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1 : comma]):
        return None
    if verb.lemma_.lower() == "put" and doc[verb.i + 1].lower_ != "it":
        return None
    source = doc[tok.i + 1 : verb.i]
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in source):
        return None
    content = token_range(doc, comma + 1, sent.end)
    if content is None:
        return None
    cue = doc[verb.i : verb.i + 2].text if verb.lemma_.lower() == "put" else verb.text
    return _Draft(verb.i, cue, source, content, _kind(body_text(doc)[content[0] : content[1]]))


def _in_source(doc: Doc, tok: Token) -> _Draft | None:
    """ "In a statement, the ministry ...", "In the CBS poll, Trump leads ...": the document speaks."""
    pobj = [c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in SOURCE_NOUNS]
    if not pobj or tok.head.pos_ not in ("VERB", "AUX") or tok.i != tok.sent.start:
        return None
    head = tok.head
    frame = verb_frame(head)
    if _cue_verb(head) or (
        frame is not None and is_cue(head.lemma_.lower(), frame[0], subject_kind(frame[4]))
    ):
        return None  # "In an interview, he named ...": the clause has a speaker of its own
    draft = _around(doc, tok, phrase(doc, pobj[0]), tok.text, tok.i + 1)
    subj = subject(head)
    if draft is not None and subj is not None and pobj[0].lemma_.lower() in _SUBJECTS_OWN and _someone(subj):
        # "In a statement issued Tuesday, Clinton was more circumspect", "In his 2002 book, Mr.
        # McKinley suggested looking at ...": the statement, the book are the subject's
        return replace(draft, source=phrase(doc, subj))
    return draft


# Of the documents that open a sentence, those whose words are the clause's subject's own where the
# subject is someone (not the poll, the survey or the study in "In the CBS poll, Trump leads").
_SUBJECTS_OWN = frozenset(
    ["statement", "interview", "letter", "speech", "editorial", "column", "article", "book", "tweet", "post",
     "memo", "email", "video", "ad", "advertisement", "testimony", "remarks", "message", "op-ed"]
)


def _someone(tok: Token) -> bool:
    """A person, an organisation or a nation as a clause's subject: a name, or a personal pronoun."""
    return (tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN"
            or tok.lower_ in ("he", "she", "they", "we", "i"))


# Tokens on each side of a source phrase inside a sentence for the content to take in both sides.
_SIDE_MIN_TOKENS = 3


def _around(doc: Doc, tok: Token, src: Span, cue: str, cue_end: int) -> _Draft | None:
    """The rest of the sentence around a source phrase: the longer side where the phrase opens or
    closes it, the whole sentence where the claim runs on both sides of it."""
    sent = tok.sent
    p_start, p_end = tok.i, max(src.end, cue_end)
    left = token_range(doc, sent.start, p_start)
    right = token_range(doc, p_end, sent.end)
    sides = [r for r in (left, right) if r is not None]
    if not sides:
        return None
    if left and right and min(p_start - sent.start, sent.end - p_end) >= _SIDE_MIN_TOKENS:
        # "The situation is, according to the FSB, tense": the claim runs on both sides of the source.
        content = (left[0], right[1])
    else:
        content = max(sides, key=lambda r: r[1] - r[0])
    return _Draft(tok.i, cue, src, content, _kind(body_text(doc)[content[0] : content[1]]))


def _speaker_lines(doc: Doc, index: EntityIndex) -> list[_Draft]:
    """Transcripts and Q&A: a paragraph opening "KATE SMITH: ..." or "Smith: ..." is Smith's."""
    text = body_text(doc)
    out = []
    for m in _SPEAKER_LINE.finditer(text):
        name = m.group("name")
        named = name.isupper() or any(
            e.type in ("PERSON", "ORG") for *_, e in index.within(m.start(), m.end("name"))
        )
        span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        content = trim(text, m.start("content"), m.end("content"))
        if not named or span is None or content is None or name.lower() in _NOT_SPEAKERS:
            continue
        out.append(_Draft(-1, ":", span, content, "direct"))
    return out


def _adverb(doc: Doc, tok: Token) -> _Draft | None:
    """ "Reportedly, he made ...": the clause from its subject on, without the adverb before it."""
    head = tok.head
    if head.i == tok.i or _cue_verb(head):
        return None  # "..., Kovrin reportedly said": the verb names its speaker; the adverb only hedges
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    start = subj[0].left_edge.i if subj else head.left_edge.i
    if tok.i >= start and tok.i < head.i and tok.i == start:
        start += 1
    content = token_range(doc, start, head.right_edge.i + 1)
    if content is None:
        return None
    return _Draft(tok.i, tok.text, None, content, "indirect", sourcing="vague")


def _noun(doc: Doc, tok: Token) -> _Draft | None:
    found = noun_frame(tok)
    if found is None:
        return None
    frame, start, end, owner = found
    lemma = tok.lemma_.lower()
    content = token_range(doc, start, end)
    if content is None:
        return None
    if (name := _name_before_verb(doc, tok, frame)) is not None:
        return _Draft(tok.i, tok.text, name, content, _kind(body_text(doc)[content[0] : content[1]]))
    if owner is not None and (lemma in NOUN_CUES or _reports(tok, frame, start, end, owner)):
        # "claims about", "criticism of": the preposition right after belongs to the cue
        after = tok.i + 1 < len(doc) and frame == f"noun:{doc[tok.i + 1].lower_}"
        cue = doc[tok.i : tok.i + 2].text if after else tok.text
        return _Draft(tok.i, cue, phrase(doc, owner), content, _kind(body_text(doc)[content[0] : content[1]]))
    # "numerous reports of ...", "speculation that ...": no one owns the claim
    if lemma not in NOUN_CUES or frame not in ("noun:of", "noun:about", "noun:that") or end - start < 3:
        return None
    first = min([c.left_edge.i for c in tok.children if c.i < tok.i] + [tok.i])
    return _Draft(tok.i, tok.text, doc[first : tok.i + 1], content, "indirect", sourcing="vague")


def _name_before_verb(doc: Doc, tok: Token, frame: str) -> Span | None:
    """ "Trump charges that ...", "But Trump claims that ...": the small model reads a name and a
    reporting verb in the present as one noun phrase heading a sentence with no verb. A plural cue
    noun at the root, a that-clause after it and nothing but a capitalised name before it (a
    conjunction or an adverb first at most) is that verb; the name is returned as its subject."""
    if tok.dep_ != "ROOT" or tok.tag_ != "NNS" or frame != "noun:that":
        return None
    if tok.lemma_.lower() not in SPEECH_VERBS:
        return None
    first = tok.sent.start
    while first < tok.i and doc[first].pos_ in ("CCONJ", "ADV", "PUNCT"):
        first += 1
    name = doc[first : tok.i]
    if not 0 < len(name) <= 4 or not all(t.text[:1].isupper() or t.text in (".", "-") for t in name):
        return None
    return name


def _reports(tok: Token, frame: str, start: int, end: int, src: Token | None) -> bool:
    """Whether a candidate cue reports tokens [start, end): the hand lexicon's verbs of saying always,
    others as the cue model (`cue_model.py`) reads their context, or the fitted table without it."""
    lemma = tok.lemma_.lower()
    if base_cue(lemma, frame):
        return True
    model = load_cue_model()
    if model is None:
        verb = src is not None and not frame.startswith(("pass:", "noun:"))
        return is_cue(lemma, frame, subject_kind(src) if verb and src is not None else None)
    return model.accepts(features(tok, frame, start, end, src))


def quoted_tokens(doc: Doc) -> list[int]:
    """For each token, the index of the quotation it stands in, or -1."""
    return _inside(doc, find_quotes(body_text(doc)))


def _verb(doc: Doc, tok: Token) -> _Draft | None:
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    if any(c.dep_ == "auxpass" for c in kids) or (is_participle(tok) and trailing_attribution(tok) is None):
        return _passive(doc, tok, lemma, kids)
    found = verb_frame(tok)
    quoted = _quoted_as(tok)
    if quoted is not None and (comp := complement(tok)) is not None:
        found = (*comp, quoted[0])
    if found is None or (found[4] is not None and found[4].tag_ == "VBG" and found[4].dep_ == "nsubj"):
        return None  # "forcing said Muslims to wear badges": "said" as "the aforesaid", no speaker
    if not _reports(tok, found[0], found[1], found[2], found[4]):
        return None
    frame, start, end, prep, subj = found
    content = token_range(doc, start, end)
    if content is None:
        return None
    if subj is not None and subj.lower_ == "it" and lemma in _RAISING_VERBS:
        # "It appears that ...": the "it" stands for the clause; the outlet hedges in its own voice
        return _Draft(tok.i, cue_text(tok, prep), None, content, "indirect", sourcing="none")
    src = phrase(doc, subj, stop=tok.head.head if quoted is not None else tok)
    content, via = _trailing_relay(doc, start, end, content)
    via = _quoter(doc, quoted) or via
    ctext = body_text(doc)[content[0] : content[1]]
    cue = _quoted_cue(tok) if quoted is not None else cue_text(tok, prep)
    return _Draft(tok.i, cue, src, content, _kind(ctext), via=via, relay=lemma in RELAY_VERBS)


# Verbs whose "it" subject only stands in for the clause after them.
_RAISING_VERBS = frozenset(["appear", "seem", "look", "emerge", "transpire", "turn", "become", "remain", "be"])


def _quoted_as(tok: Token) -> tuple[Token, Token | None] | None:
    """ "Agencies quoted FSB director Bortnikov as saying ...", "Bortnikov was quoted by TASS as
    saying ...": the one quoted is the source, whoever quotes him relays (`via`)."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in _CITING:
        return None
    verb = prep.head
    quoted = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if quoted is None:
        return None
    quoter = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if quoter is None and agent is not None:
        quoter = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if quoter is None:  # "as saying by RIA": the parser hangs the agent on the participle
        quoter = by_whom(tok)
    return quoted, quoter


def _quoter(doc: Doc, quoted: tuple[Token, Token | None] | None) -> str | None:
    """Who quoted, as written, from `_quoted_as`'s answer: the statement's relay."""
    return clean(phrase(doc, quoted[1]).text) if quoted is not None and quoted[1] is not None else None


def _quoted_cue(tok: Token) -> str:
    """ "was quoted as saying", leaving out who quoted ("was quoted by TASS as saying")."""
    prep = tok.head
    verb = prep.head
    aux = [c.text for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    return " ".join([*aux, verb.text, prep.text, tok.text])


def _adjective(doc: Doc, tok: Token) -> _Draft | None:
    """ "Protesters were frustrated that ...", "Aides were coy about ...": where the cue model reads
    the adjective as holding a view (adjectives are never in the hand lexicon)."""
    found = adjective_frame(tok)
    if found is None:
        return None
    frame, start, end, prep, subj = found
    model = load_cue_model()
    if model is None or not model.accepts(features(tok, frame, start, end, subj)):
        return None
    content = token_range(doc, start, end)
    if content is None:
        return None
    ctext = body_text(doc)[content[0] : content[1]]
    if subj is not None and subj.lower_ == "it":
        # "it was clear that ...": the "it" stands for the clause; the outlet speaks in its own voice
        return _Draft(tok.i, adjective_cue_text(tok, prep), None, content, _kind(ctext), sourcing="none")
    return _Draft(tok.i, adjective_cue_text(tok, prep), phrase(doc, subj, stop=tok.head), content, _kind(ctext))


def _trailing_relay(
    doc: Doc, start: int, end: int, content: tuple[int, int]
) -> tuple[tuple[int, int], str | None]:
    """ "..., Russian news agencies reported on Wednesday" closing the content: cut it off, keep as via."""
    for t in doc[start:end]:
        if t.lemma_.lower() not in RELAY_VERBS or t.pos_ != "VERB":
            continue
        subj = [c for c in t.children if c.dep_ == "nsubj" and c.i < t.i]
        if not subj or subj[0].left_edge.i - 1 <= start or doc[subj[0].left_edge.i - 1].text != ",":
            continue
        if max(t.right_edge.i + 1, end) > end or any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
            continue
        cut = token_range(doc, start, subj[0].left_edge.i - 1)
        if cut is not None:
            return cut, clean(phrase(doc, subj[0], stop=t).text)
    return content, None


def _passive(doc: Doc, tok: Token, lemma: str, kids: list[Token]) -> _Draft | None:
    """ "It is believed that ...", "The group is believed to ...": views held by no one named; with an
    agent ("was criticised by the mayor") the agent is the source."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids):
        return None
    if lemma in _CITING and any(c.dep_ == "prep" and c.lower_ == "as" for c in kids):
        return None  # "was quoted as saying": the participle's statement (`_quoted_as`)
    found = passive_frame(tok)
    if found is None:
        return None
    frame, start, end, agent = found
    vague = lemma in PASSIVE_VAGUE_VERBS and frame in ("pass:ccomp", "pass:xcomp")
    if not (vague or _reports(tok, frame, start, end, agent)):
        return None
    content = token_range(doc, start, end)
    if content is None:
        return None
    # "have been criticized for": the preposition right after belongs to the cue (train: 4 in 7)
    word = frame.split(":")[2] if frame.startswith("pass:prep:") else None
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ == word and c.i == tok.i + 1), None)
    cue = cue_text(tok, prep)
    if agent is not None:
        return _Draft(tok.i, cue, phrase(doc, agent), content, "indirect")
    return _Draft(tok.i, cue, None, content, "indirect", sourcing="vague")


# --- relays and resolution ------------------------------------------------------------------------


_CITING = frozenset(["cite", "quote"])


def _fold_onto_cue(
    doc: Doc, drafts: list[_Draft], fold: Callable[[_Draft, _Draft], _Draft | None]
) -> list[_Draft]:
    """Drafts whose cue hangs on another draft's cue (a participle, "according to") and only qualify
    that report: `fold(dependent, report)` gives the report as amended, or None to keep both."""
    drop: set[int] = set()
    out = list(drafts)
    for di, dep in enumerate(drafts):
        if dep.cue_i < 0:
            continue
        head = doc[dep.cue_i].head
        ri = next((i for i, r in enumerate(out) if i != di and r.cue_i == head.i and r.source is not None), None)
        if ri is None:
            continue
        merged = fold(dep, out[ri])
        if merged is not None:
            out[ri] = merged
            drop.add(di)
    return [d for i, d in enumerate(out) if i not in drop]


def _cited_speaks(report: _Draft, cited: Span, **changes: Any) -> _Draft:
    """The report (which has a source) with the one it cites as its speaker, and its own source as the
    relay (`via`): "Citing X, the agency reported", "..., agencies reported, citing X". Where the one
    cited is a news outlet and the one reporting is not ("according to Anvar Rakhimov, ..., citing the
    news agency Central Asia Wire"), the outlet relays what the other says."""
    # ("a source in the law enforcement agencies" is a person, whatever the words after its head)
    outlet = _OUTLET.search(cited.text) and cited.root.lower_ not in ANONYMOUS_HEADS
    if outlet and not _OUTLET.search(report.source.text):  # type: ignore[union-attr]
        return replace(report, via=clean(cited.text), **changes)
    return replace(report, source=cited, via=clean(report.source.text), sourcing=None, relay=False,  # type: ignore[union-attr]
                   **changes)


# What a news outlet calls itself: "the news agency X", "X newspaper", "state television".
_OUTLET = re.compile(
    r"\b(?:news|agency|agencies|newspapers?|tabloid|daily|weekly|television|tv|channel|broadcaster|radio|wire"
    r"|gazette|magazine|website|portal)\b",
    re.I,
)


def _fold_citations(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """ "CONTENT, Russian news agencies reported, citing the head of the FSB": the one cited is the
    speaker of what the agencies report, and they become `via`. The participle was drafted as a
    statement of its own whose content is the one cited; it folds into the report it hangs on."""

    def fold(cite: _Draft, report: _Draft) -> _Draft | None:
        tok = doc[cite.cue_i]
        if tok.lemma_ not in _CITING or tok.dep_ not in _SUBORDINATE:
            return None
        cited = doc.char_span(cite.content[0], cite.content[1], alignment_mode="expand")
        if cited is None or len(cited) > 12:
            return None
        source = _with_apposed_name(doc, cited)
        return _cited_speaks(report, source)

    return _fold_onto_cue(doc, drafts, fold)


_LEADING_CITATION = re.compile(r"\s*(?:Citing|Quoting)\s+(?P<cited>[^,;:\"“”]{2,120}?)\s*,")


def _fold_leading_citations(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """ "Citing Kovrin, the Kazinform agency reported that ...": the one cited speaks, the agency
    relays. Read on the surface: at a sentence's start the small parser takes "Citing" for a name."""
    out = []
    for d in drafts:
        if d.source is not None and d.cue_i >= 0 and _cue_verb(doc[d.cue_i]):
            sent = doc[d.cue_i].sent
            m = _LEADING_CITATION.match(sent.text)
            cited = m and doc.char_span(sent.start_char + m.start("cited"), sent.start_char + m.end("cited"),
                                        alignment_mode="expand")
            if cited is not None and cited and cited.end <= d.source.start:
                d = _cited_speaks(d, cited)
        out.append(d)
    return out


def _fold_citing_tails(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """ "Moscow claims CONTENT, citing the head of the FSB": the participle hangs inside the content
    (on its verb), so `_fold_citations` does not see it. The one cited speaks; the claimant relays."""
    out, drop = list(drafts), set()
    for i, d in enumerate(drafts):
        if d.source is None or d.cue_i < 0:
            continue
        a, b = d.content
        # or after the cue, where the content closed before the claimant: "CONTENT, Interfax
        # reported, citing a source in the law enforcement agencies"
        after = b <= d.source.start_char and d.via is None  # (not one `_fold_citations` folded)
        cite = next(
            (
                t
                for t in doc[d.cue_i + 1 : doc[d.cue_i].sent.end]
                if (a < t.idx < b and t.right_edge.idx + len(t.right_edge) >= b or after and t.idx >= b)
                and t.lemma_.lower() in _CITING
                and t.dep_ in _SUBORDINATE
                and doc[t.i - 1].text == ","
            ),
            None,
        )
        cited = next((c for c in cite.children if c.dep_ == "dobj"), None) if cite is not None else None
        if cited is None:
            continue
        content = d.content if cite.idx >= b else trim(body_text(doc), a, doc[cite.i - 1].idx)
        if content is None:
            continue
        source = _with_apposed_name(doc, phrase(doc, cited))
        out[i] = _cited_speaks(d, source, content=content)
        drop |= {j for j, o in enumerate(drafts) if o.cue_i == cite.i}
    return [d for i, d in enumerate(out) if i not in drop]


def _fold_according(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """ "X said, according to RIA": "according to" hangs on a cue that has its own speaker, so RIA
    only passes X's words on and becomes `via` instead of a speaker of its own. Only on a verb of
    saying: in "According to him, ISIS supporters hatched plans ..." the cue model may take the verb
    the phrase hangs on for a cue, but what he says is the whole clause (the nested draft is dropped)."""

    def fold(acc: _Draft, said: _Draft) -> _Draft | None:
        if doc[acc.cue_i].lower_ != "according" or acc.source is None or not _cue_verb(doc[said.cue_i]):
            return None
        return replace(said, via=clean(acc.source.text))

    return _fold_onto_cue(doc, drafts, fold)


def _with_apposed_name(doc: Doc, span: Span) -> Span:
    """ "the head of the FSB" and the name set off after it (", Alexander Bortnikov")."""
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        name = next((e for e in doc.ents if e.start == span.end + 1 and e.label_ == "PERSON"), None)
        if name is not None:
            return doc[span.start : name.end]
    return span


def _fold_relays(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """ "X said ..., Russian news agencies reported": X stays the speaker, the agencies become `via`."""
    drop: set[int] = set()
    out = list(drafts)
    for oi, outer in enumerate(drafts):
        if not outer.relay or outer.source is None or outer.cue_i < 0:
            continue
        cue_char = doc[outer.cue_i].idx
        for ii, inner in enumerate(out):
            if ii == oi or inner.cue_i < 0 or inner.source is None or ii in drop:
                continue
            inner_char = doc[inner.cue_i].idx
            via = clean(outer.source.text)
            if inner.content[0] <= cue_char < inner.content[1] and inner_char < cue_char:
                # the relay clause closes the inner statement's sentence: cut it off the content
                inner_span = doc.char_span(inner.content[0], inner.content[1], alignment_mode="expand")
                end = (
                    token_range(doc, inner_span.start, outer.source.start) if inner_span is not None else None
                )
                content = end if end is not None and end[1] > end[0] else inner.content
                out[ii] = replace(inner, via=via, content=content)
                drop.add(oi)
                break
            if outer.content[0] <= inner_char < outer.content[1]:
                out[ii] = replace(inner, via=via)
                drop.add(oi)
                break
    return [d for i, d in enumerate(out) if i not in drop]


def _drop_nested(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """A cue inside another statement's content is part of what that statement reports ("X says a
    review shows ..."): one statement per stretch of text, the outer one."""
    cues = [doc[d.cue_i].idx if d.cue_i >= 0 else -1 for d in drafts]
    keep = []
    for i, d in enumerate(drafts):
        nested = cues[i] >= 0 and any(
            j != i and o.content[0] <= cues[i] < o.content[1] and not (d.content[0] <= cues[j] < d.content[1])
            for j, o in enumerate(drafts)
        )
        if not nested or _owned_claim(doc, d):
            keep.append(d)
    return keep


def _owned_claim(doc: Doc, d: _Draft) -> bool:
    """ "Beseda's claim that ...", dismissed or repeated by someone else: a claim noun with its
    owner is kept beside the statement that holds it, since it alone says whose claim it is."""
    if d.cue_i < 0 or d.source is None:
        return False
    cue = doc[d.cue_i]
    return cue.pos_ == "NOUN" and cue.lower_ in NOUN_CUES and any(c.dep_ == "poss" for c in cue.children)


def _resolve(
    doc: Doc, drafts: list[_Draft], index: EntityIndex, quotes: Sequence[Quote]
) -> tuple[Statement, ...]:
    text = body_text(doc)

    def quoted(offset: int) -> bool:
        return any(q.start < offset < q.end for q in quotes)

    order = sorted(range(len(drafts)), key=lambda i: _anchor(doc, drafts[i]))
    # every mention outside quotations, read once; each draft takes those before it
    mentions = [_subjecthood(doc, m) for m in index.mentions_before(len(text) + 1) if not quoted(m.start)]
    starts = [m.start for m in mentions]
    speakers: list[Mention] = []
    unnamed: list[Mention] = []
    resolved: dict[int, Source] = {}
    for i in order:
        d = drafts[i]
        at = _anchor(doc, d)
        if d.follows is not None and d.follows in resolved:
            src = resolved[d.follows]
        elif d.source is not None and d.sourcing is None:
            spoken = speakers + unnamed if is_personal_pronoun(d.source.text) else speakers
            history = sorted(
                mentions[: bisect_left(starts, at)] + [m for m in spoken if m.start < at],
                key=lambda m: m.start,
            )
            src = describe(d.source, index, history)
        elif d.source is not None:
            src = Source(None, None, clean(d.source.text), d.sourcing or "vague")
        else:
            src = Source(None, None, None, d.sourcing or "vague")
        if d.source is not None and d.quote != "direct":
            src = _office_holder_in_content(src, d, mentions, starts, index)
        resolved[i] = src
        if src.speaker and src.sourcing == "named":
            speakers.append(Mention(at, src.speaker, src.kind, src.role, said=True))
        elif src.sourcing in ("anonymous", "vague") and src.kind == "PERSON" and src.text and not is_personal_pronoun(src.text):
            # "A neighbour ... told us ... '...,' she said": an unnamed speaker is who a pronoun right
            # after may mean (and only a pronoun: the history's other readers want names)
            unnamed.append(Mention(at, src.speaker or "", "PERSON", None, said=True, sourcing=src.sourcing))
    out = []
    for i in sorted(range(len(drafts)), key=lambda i: drafts[i].content):
        d, src = drafts[i], resolved[i]
        a, b = d.content
        out.append(
            Statement(
                speaker=src.speaker,
                speaker_role=src.role,
                source_text=src.text,
                via=d.via or src.via,
                cue=d.cue,
                content=text[a:b],
                quote=d.quote,
                sourcing=src.sourcing,
                span=(a, b),
            )
        )
    return tuple(out)


# Offices one person holds, as a definite description names them: "the senator", "the Virginia governor".
# Not "official", "spokesman" or "aide": those stay anonymous where no one was named as one.
_OFFICES = (TITLES & ROLE_NOUNS) - ANONYMOUS_HEADS - {"head", "chief", "general", "deputy", "leader"}


def _office_holder_in_content(
    src: Source, d: _Draft, mentions: Sequence[Mention], starts: Sequence[int], index: EntityIndex
) -> Source:
    """ "Tim Kaine doesn't feel much pressure ..., the Virginia senator said": a source that is only an
    office (no one known to hold it) whose report opens with a person's name is that person, in news
    style, unless the person has a known role that the office does not fit."""
    if src.sourcing != "named" or not src.speaker or not src.text:
        return src
    words = src.text.lower().split()
    if words[0] != "the" or words[-1] not in _OFFICES:
        return src
    if src.kind == "PERSON" and src.speaker.lower() != without_article(src.text).lower():
        return src  # "the senator, Tim Kaine": a name of its own
    a = d.content[0]
    i = bisect_left(starts, a)
    m = mentions[i] if i < len(mentions) else None
    if m is None or m.kind != "PERSON" or m.start - a > 1:
        return src
    if m.role and not fits_office(without_article(src.text), m.role, index):
        return src
    return Source(m.name, m.role or without_article(src.text), src.text, "named", "PERSON")


def _subjecthood(doc: Doc, m: Mention) -> Mention:
    span = doc.char_span(m.start, m.start + 1, alignment_mode="expand")
    if span is None:
        return m
    tok = span[0]
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    # only main-clause subjects: "as Hillary Clinton did" is a passing mention, not the topic
    verb = tok.head
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return replace(m, subject=tok.dep_ in ("nsubj", "nsubjpass") and main)


def _anchor(doc: Doc, d: _Draft) -> int:
    if d.source is not None:
        return d.source.start_char
    if d.cue_i >= 0:
        return doc[d.cue_i].idx
    return d.content[0]
