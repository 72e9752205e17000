"""Reading a reporting word's frame from the dependency parse: what it reports, and who reports it.

`verb_frame` and `noun_frame` are shared by extraction (`statements.py`) and by the fitting of the
cue table (`benchmarks/attribution.py --fit`), so the table's precision figures hold for what
extraction does with them. Frames: ccomp (a clause), xcomp (an infinitive), dobj (an object),
prep:<word> (a prepositional object) for verbs; noun:<word> and noun:that for nouns.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.clean.dateline import dateline_at
from wirewatch.extract.cues import RELAY_VERBS, SOURCE_NOUNS, SPEECH_VERBS
from wirewatch.extract.places import is_dateline_city

_CONTRAST = frozenset(["but", "yet", "while", "though", "although"])
_TEXT_KEY = ("wirewatch", "text")
_TRIM = " \t\n,;:\u2013\u2014-"


def body_text(doc: Doc) -> str:
    """The doc's text, joined once: `Doc.text` walks every token on each call, which made reading
    frames cost as much as the parse. Kept in `user_data`, spaCy's place for such things."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def by_whom(tok: Token) -> Token | None:
    """The object of `tok`'s "by" phrase ("quoted by TASS", "carried by Kazinform"), whether the
    parser made the phrase an agent or a plain preposition."""
    by = next((c for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def subject(tok: Token, depth: int = 0) -> Token | None:
    """Who does what the verb says: its own subject, else that of the verb it hangs from ("said ...,
    adding that", "by citing a poll", "was careful to frame"), else the noun a participle describes."""
    if depth == 0 and tok.lemma_.lower() in SPEECH_VERBS and (voice := _voice(tok)) is not None:
        return voice
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:  # two only where the parse went wrong ("People like Scott, he said"): the nearer
        before = [c for c in subjects if c.i < tok.i]
        return _in_verbs_paragraph(before[-1] if before else subjects[0], tok)
    if depth == 0 and tok.lemma_.lower() in SPEECH_VERBS and (stray := _stray_subject(tok)) is not None:
        return stray
    if depth >= 3 or tok.head.i == tok.i:
        return None
    head = tok.head
    if tok.dep_ == "advcl" and head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS:
        head = head.head  # "officials said the bridge was safe, saying ...": the officials again
    elif tok.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "by citing": the preposition hangs from the verb
    elif tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head  # "was careful to frame"
    elif tok.dep_ == "advcl" and head.pos_ == "ADV" and head.dep_ == "advmod" and tok.lemma_.lower() in SPEECH_VERBS:
        head = head.head  # "went as far as to say"
    elif tok.dep_ not in ("conj", "advcl", "xcomp", "pcomp"):
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
            return head  # "a statement saying that ...": the noun it modifies speaks
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    return subject(head, depth + 1)


def _in_verbs_paragraph(subj: Token, verb: Token) -> Token | None:
    """The subject, or where the parser took it from the paragraph above the verb's ("— Howard Dean
    (@GovHowardDean) September 27, 2016\n\nTrump supporters took to Twitter", with "supporters" an
    apposition to Dean), the last noun of its phrase in the verb's own paragraph."""
    low, high = sorted((subj.i, verb.i))
    if not any("\n" in t.text for t in subj.doc[low:high]):
        return subj
    own = [t for t in subj.subtree if low < t.i < high and t.pos_ in ("NOUN", "PROPN", "PRON")
           and not any("\n" in b.text for b in subj.doc[t.i : high])]
    return next((t for t in reversed(own) if t.dep_ != "compound"), None)


def _voice(tok: Token) -> Token | None:
    """The person an institution speaks through: "The ministry, through its spokeswoman Maria
    Zakharova, said", "Russia's FSB, in the words of its Fifth Service head Sergei Beseda, says". The
    phrase hangs from the verb or, as the small model often parses it, inside the subject."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    for prep in [*tok.children, *(t for s in subjects for t in s.subtree if t.i < tok.i)]:
        if prep.dep_ != "prep":
            continue
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ == "in":  # "in the words of X"
            objects = [g for o in objects if o.lower_ == "words" for p in o.children
                       if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        elif prep.lower_ != "through":
            continue
        for o in objects:
            if any(t.ent_type_ == "PERSON" for t in o.subtree):
                return o
        # "The committee, through its spokeswoman Aida Kenzhebekova, said" parsed with the name as
        # the head of "through its spokeswoman"
        if prep.lower_ == "through" and prep.head.ent_type_ == "PERSON" and prep.head.dep_ == "appos":
            return prep.head
    return None


def _stray_subject(tok: Token) -> Token | None:
    """ "CONTENT, the head of Russia's security service said": the small model often hangs the noun
    phrase between the comma and the verb on the content's last noun (as an apposition), leaving the
    verb with no subject. That phrase, when it holds no verb and the verb's content comes before it."""
    found = _stray_phrase(tok)
    if found is None:
        return None
    comma, head = found
    if any(c.dep_ == "ccomp" and c.i < comma for c in tok.children) or _content_before(tok, comma):
        return head
    # "As reported by Sputnik, the FSB's Sergei Beseda said US agencies were ...": an opening
    # clause or phrase before the comma (the parser hangs the name on its last noun), the content after.
    opener = tok.doc[tok.sent.start]
    if (opener.lower_ in _SUBORDINATORS or opener.pos_ == "ADP") and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return head
    return None


def _stray_phrase(tok: Token) -> tuple[int, Token] | None:
    """(the comma, the head of the verbless noun phrase between it and the verb), or None."""
    doc = tok.doc
    comma = next((i for i in range(tok.i - 1, max(tok.i - _PHRASE_MAX, -1), -1) if doc[i].text == ","), None)
    if comma is not None and comma + 1 == tok.i:
        return _apposed_pair(tok, comma)
    if comma is None:
        return None
    phrase = doc[comma + 1 : tok.i]
    if any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    heads = [t for t in phrase if not (comma < t.head.i < tok.i)]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return comma, heads[0]


# Longest source phrase read between the content's comma and the verb, in tokens ("the head of the
# Fifth Service of Russia's Federal Security Service (FSB)" is 15).
_PHRASE_MAX = 20
# Longest name-and-role pair read between the content's comma and the verb, in tokens.
_PAIR_MAX = 30


def _apposed_pair(tok: Token, closing: int) -> tuple[int, Token] | None:
    """ "CONTENT, the head of the FSB's Fifth Service, Sergey Beseda, said": a role and a name set off
    by commas before the verb, which the parser hangs on the content's last noun as two appositions.
    (The comma that ends the content, the name's head, or the role's where no name is tagged.)"""
    doc = tok.doc
    commas = [i for i in range(closing - 1, max(closing - _PAIR_MAX, -1), -1) if doc[i].text == ","][:2]
    if len(commas) < 2:
        return None
    middle, opening = commas
    if middle - opening < 2 or closing - middle < 2:
        return None
    inside = range(opening + 1, closing)
    pair = [t for t in doc[opening + 1 : closing] if t.i != middle]
    if any(t.pos_ in ("VERB", "AUX") for t in pair):
        return None
    heads = [t for t in pair if t.head.i not in inside and not t.is_punct]
    if not 1 <= len(heads) <= 2 or any(h.pos_ not in ("NOUN", "PROPN") for h in heads):
        return None
    if len(heads) == 2 and not (heads[0].i < middle < heads[1].i):
        return None
    named = [h for h in heads if h.ent_type_ == "PERSON" or h.pos_ == "PROPN"]
    return opening, (named or heads)[0]


# A sentence opening with one of these is a subordinate clause, not a report: "When the plane
# landed, the pilot said hello."
_SUBORDINATORS = frozenset(
    ("when", "after", "before", "if", "as", "while", "because", "although", "though", "since", "once", "until", "unless")
)
_QUOTE_MARKS = frozenset("\"“”«»„")


def trailing_attribution(tok: Token) -> tuple[int, int] | None:
    """ "CONTENT, SOURCE said on Tuesday." read from the surface, whatever the parse made of it (the
    small model hangs such a verb on the content's verb, or on the source phrase it takes for an
    apposition): the content's token range, from the sentence start to the comma, when a verbless noun
    phrase stands between the comma and the speech verb and nothing after the verb holds a verb."""
    if tok.lemma_.lower() not in SPEECH_VERBS:
        return None
    found = _stray_phrase(tok)
    return _content_before(tok, found[0]) if found is not None else None


def _content_before(tok: Token, comma: int) -> tuple[int, int] | None:
    """`trailing_attribution`'s content range once the comma is known: nothing after the verb holds a
    verb or a quotation, and the clause before the comma is a main clause with a verb."""
    doc, sent = tok.doc, tok.sent
    if any(t.text in _QUOTE_MARKS for t in doc[tok.i + 1 : sent.end]) or _verb_after(tok):
        return None
    start = sent.start
    while start < comma and (doc[start].is_punct or doc[start].is_space):
        start += 1
    content = doc[start:comma]
    if len(content) < 3 or doc[start].lower_ in _SUBORDINATORS or not any(t.pos_ in ("VERB", "AUX") for t in content):
        return None
    return start, comma


# A phrase set off after the verb that says how it was said, not what: "..., X claimed on Wednesday,
# without providing evidence", "..., X said, despite denials from Kabul".
# (and "citing X", "quoting X": who the report rests on, which `statements` folds in as the one who speaks)
_MANNER_OPENERS = frozenset(["without", "despite", "amid", "after", "before", "during", "while", "in", "citing", "quoting"])


def _verb_after(tok: Token) -> bool:
    """Whether a verb follows the speech verb in its sentence, outside a manner phrase set off by a comma."""
    doc = tok.doc
    aside = False
    for t in doc[tok.i + 1 : tok.sent.end]:
        if t.text == ",":
            aside = t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _MANNER_OPENERS
        elif t.pos_ in ("VERB", "AUX") and not aside:
            return True
    return False


def cue_text(tok: Token, extra: Token | None = None) -> str:
    """The reporting verb with the auxiliaries before it, the verb it completes ("continued to
    question") and its particle or preposition after it: "has been reported", "called for"."""
    doc = tok.doc
    first = tok
    if tok.dep_ == "xcomp" and tok.head.pos_ == "VERB" and 0 < tok.i - tok.head.i <= 3:
        first = tok.head
    start = first.i
    while (
        start - 1 >= 0
        and doc[start - 1].head.i == first.i
        and doc[start - 1].dep_ in ("aux", "auxpass", "neg", "advmod")
    ):
        start -= 1  # "has also said", "then discussed"
    end = tok.i + 1
    if any(c.dep_ == "prt" and c.i == end for c in tok.children):
        end += 1
    if extra is not None and end <= extra.i <= end + 2 and not any(t.is_punct for t in doc[end : extra.i]):
        end = extra.i + 1  # "called on", "campaigned heavily for": PolNeAR's cues keep the preposition
    for c in tok.children:  # "said in a statement", "said during the interview"
        if c.dep_ == "prep" and c.i == end and c.lower_ in ("in", "during") and extra is None:
            pobj = [g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in SOURCE_NOUNS]
            if pobj:
                end = pobj[0].i + 1
    return doc[start:end].text


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character offsets of tokens [start, end), trimmed of edge punctuation other than quote marks."""
    if start >= end:
        return None
    return trim(body_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Offsets [a, b) without edge punctuation, without a dateline at the start and without a dangling
    "and"/"but"/"or" at the end."""
    dateline = dateline_at(text, a, city=is_dateline_city)
    if dateline and dateline.end < b:
        a = dateline.end
    while True:
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and (text[b - 1] in _TRIM or text[b - 1] == "."):
            b -= 1
        tail = text[max(a, b - 4) : b].lower()
        cut = next((len(w) for w in (" and", " but", " or") if tail.endswith(w)), 0)
        if not cut:
            return (a, b) if b > a else None
        b -= cut


def subtree_range(tok: Token) -> tuple[int, int] | None:
    return token_range(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)


def _that_clause(tok: Token) -> bool:
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in tok.children)


def noun_frame(tok: Token) -> tuple[str, int, int, Token | None] | None:
    """A noun with what it reports: frame noun:<preposition> or noun:that, token range, and its owner
    ("Trump's accusations that ...", "criticism of the plan by the mayor"), or None for no owner."""
    frame = comp = None
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ not in ("by", "from", "in", "at", "on", "during"):
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj and comp is None:
                frame, comp = f"noun:{c.lower_}", pobj[0]
        elif _that_clause(c) and (c.dep_ in ("acl", "ccomp") or c.dep_ == "relcl" and _own_subject(c)):
            frame, comp = "noun:that", c  # a "that" clause with a subject of its own says what was claimed
    if comp is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        # "The allegation, made by X, is that ...": the claim is the copula's clause
        comp = next((c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i and _that_clause(c)), None)
        frame = "noun:that" if comp is not None else None
    if comp is None or frame is None:
        return None
    owner = [c for c in tok.children if c.dep_ == "poss"] or [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("by", "from")
        for g in c.children
        if g.dep_ == "pobj"
    ] or [  # "the allegation, made by X, ..."
        g
        for c in tok.children
        if c.dep_ == "acl" and c.tag_ == "VBN"
        for a in c.children
        if a.dep_ == "agent"
        for g in a.children
        if g.dep_ == "pobj"
    ] or [  # "The claim that ... was made by X", "The allegation that ... came from X"
        g
        for a in tok.head.children
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _MADE_BY
        and (a.dep_ == "agent" or a.dep_ == "prep" and a.lower_ == "from")
        for g in a.children
        if g.dep_ == "pobj"
    ]
    return frame, comp.left_edge.i, comp.right_edge.i + 1, (owner[0] if owner else None)


# Verbs that give a claim its author when the claim is their subject: "was made by", "came from".
_MADE_BY = frozenset(["make", "come", "voice", "level", "raise", "issue", "put"])


def _own_subject(clause: Token) -> bool:
    return any(g.dep_ in ("nsubj", "nsubjpass") for g in clause.children)


def _clause_told(tok: Token, kids: list[Token]) -> Token | None:
    """ "told the meeting that US agencies were moving ...": the small parser hangs the that-clause on
    the hearer as a relative clause, or on the last noun of a longer hearer ("told a rally of about
    two thousand workers that three men had been injured"). A clause whose "that" is its conjunction
    (it has a subject of its own) is what was told, not something said of the meeting."""
    if tok.lemma_.lower() not in SPEECH_VERBS:
        return None
    for obj in (c for c in kids if c.dep_ == "dobj" and c.i > tok.i):
        for c in obj.subtree:
            if c.dep_ == "relcl" and _that_clause(c) and _own_subject(c):
                return c
    return None


def complement(tok: Token) -> tuple[str, int, int, Token | None] | None:
    """The frame (ccomp, xcomp, dobj, prep:<word>) and token range of what the verb reports."""
    kids = list(tok.children)
    cc = [c for c in kids if c.dep_ == "ccomp"]
    if cc:
        end = _clause_end(cc[-1])
        if cc[-1].i < tok.i and not any(c.dep_ in ("nsubj", "csubj") for c in kids):
            # the source set off before the verb that the parse hung on the content's last noun
            # (`_stray_phrase`) is not part of what was said
            stray = _stray_phrase(tok)
            end = min(end, stray[0]) if stray is not None else end
        return "ccomp", min(c.left_edge.i for c in cc), end, None
    if (trailing := trailing_attribution(tok)) is not None:
        return "ccomp", *trailing, None
    if (told := _clause_told(tok, kids)) is not None:
        return "ccomp", told.left_edge.i, _clause_end(told), None
    xc = [c for c in kids if c.dep_ == "xcomp" and c.i > tok.i]
    if xc:
        obj = [c for c in kids if c.dep_ == "dobj" and c.i < xc[0].i]
        start = obj[0].left_edge.i if obj else xc[0].left_edge.i
        return "xcomp", start, xc[0].right_edge.i + 1, None
    obj = [c for c in kids if c.dep_ == "dobj" and c.i > tok.i]
    if obj:
        # "called Trump 'unhinged'": the object's predicate belongs to what is reported
        # and so does its "as"/"for" phrase ("described it as a lapse", "blamed them for the loss")
        rest = [c.right_edge.i for c in kids if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp") and c.i > tok.i]
        end = _with_predicate(kids, max(rest) + 1, _OBJECT_PREPS)
        # "praised the plan, which ...": PolNeAR leaves a relative clause set off by a comma out
        # three times in four (train split); without the comma it belongs to the object
        for c in obj[0].children:
            if c.dep_ == "relcl" and c.i > obj[0].i and tok.doc[c.left_edge.i - 1].text == ",":
                end = min(end, c.left_edge.i - 1)
        return "dobj", obj[0].left_edge.i, end, None
    if (comma := _second_clause_comma(tok, kids)) is not None:
        # "X was detained, a source has said on Monday, in what ...": the clause before it is what is
        # said, and what follows the verb says when or where
        return "ccomp", tok.head.left_edge.i, comma, None
    for c in kids:
        # "..., a source has said, in what would be ...": a phrase set off by a comma is not what is said
        if c.dep_ == "prep" and c.i > tok.i and not (c.i > tok.i + 1 and tok.doc[c.i - 1].text == ","):
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                return (
                    f"prep:{c.lower_}",
                    pobj[0].left_edge.i,
                    _with_predicate(kids, pobj[0].right_edge.i + 1),
                    c,
                )
    # ", Rubio said," inside or after the clause it reports: the clause around it (the cue's own two
    # or three words stay in, a small price for keeping the span in one piece)
    inserted = tok.dep_ == "parataxis" or (
        tok.dep_ == "advcl" and tok.i > 0 and tok.doc[tok.i - 1].is_punct and tok.head.i < tok.i
    )
    # ("Acts of protest, Mr. Obama said, are acts of patriotism": the clause it interrupts)
    if inserted and (tok.head.i < tok.i or tok.dep_ == "parataxis") and any(c.dep_ == "nsubj" for c in kids):
        return "ccomp", tok.head.left_edge.i, tok.head.right_edge.i + 1, None
    if tok.lemma_.lower() in SPEECH_VERBS:
        return _said_after(tok, kids) or _said_before_colon(tok)
    return None


def _second_clause_comma(tok: Token, kids: list[Token]) -> int | None:
    """ "X was detained at the border, a source has said": where the parse made the cue a second
    clause, joined by the comma before its subject alone (no "and", no "but"), that comma."""
    if tok.dep_ != "conj" or tok.head.i > tok.i or any(c.dep_ == "cc" and c.i < tok.i for c in (*kids, *tok.head.children)):
        return None
    subj = next((c for c in kids if c.dep_ == "nsubj" and c.i < tok.i), None)
    comma = subj.left_edge.i - 1 if subj is not None else -1
    return comma if comma > tok.head.left_edge.i and tok.doc[comma].text == "," else None


def _said_after(tok: Token, kids: list[Token]) -> tuple[str, int, int, None] | None:
    """ "People like Scott, he said." where the parse did not hang the clause on the verb: what runs
    from the sentence start to the comma before the subject, when nothing follows the verb."""
    subj = [c for c in kids if c.dep_ == "nsubj" and c.i < tok.i]
    if not subj or any(c.i > tok.i and not c.is_punct and c.dep_ != "npadvmod" and not _relayed_by(c) for c in kids):
        return None
    comma, start = subj[-1].left_edge.i - 1, tok.sent.start
    if comma == start - 1 >= 0:  # the parser closed a sentence on the comma before the subject
        start = tok.doc[comma].sent.start
    if comma - start < 2 or tok.doc[comma].text != ",":
        return None
    return "ccomp", start, comma, None


def _relayed_by(tok: Token) -> bool:
    """ "..., he said, as cited by the Daily Record": the clause tells who carried the words."""
    return (
        tok.dep_ == "advcl" and tok.lemma_.lower() in RELAY_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    )


def _said_before_colon(tok: Token) -> tuple[str, int, int, None] | None:
    """ "Limbaugh added: And from a supposed front-runner ...": the rest of the paragraph."""
    doc = tok.doc
    colon = tok.i + 1
    if colon + 1 >= len(doc) or doc[colon].text != ":" or "\n" in doc[colon + 1].text:
        return None
    end = colon + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return ("ccomp", colon + 1, end, None) if end - colon > 3 else None


# Prepositions whose phrase, right after a verb's object, PolNeAR's annotators count as part of what
# is reported more often than not (train split: "accused him of ...", "likened the rules to ...").
_OBJECT_PREPS = ("as", "for", "of", "to", "with", "over")


def _with_predicate(kids: list[Token], end: int, preps: tuple[str, ...] = ("as", "for")) -> int:
    """Extend a complement ending at `end` over an adjacent "as ..." or "for ..." phrase of the verb."""
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in preps and c.i == end:
            end = c.right_edge.i + 1
    return end


def _clause_end(head: Token) -> int:
    """End of a reported clause, cut where the writer or another speaker takes over: before "but
    <subject> <verb>", before "and Trump says ...", before ", saying ..."."""
    end = head.right_edge.i + 1
    for c in head.children:
        if c.i < head.i:
            continue
        if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "expl") for g in c.children):
            cc = [k.i for k in head.children if k.dep_ == "cc" and head.i < k.i < c.i]
            speech = c.lemma_.lower() in SPEECH_VERBS
            if cc and (speech or head.doc[cc[0]].lower_ in _CONTRAST):
                end = min(end, cc[0])
        elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in SPEECH_VERBS:
            end = min(end, c.left_edge.i)
    return end


def verb_frame(tok: Token) -> tuple[str, int, int, Token | None, Token] | None:
    """For an active verb with a subject: its frame, complement token range, preposition and subject.

    The same reading serves extraction and the fitting of `data/cues_en_fitted.tsv`, so the table's
    precision figures hold for what extraction does with them.
    """
    if tok.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in tok.children):
        return None
    comp = complement(tok)
    subj = subject(tok)
    if comp is None or subj is None:
        return None
    frame, start, end, prep = comp
    if (
        tok.dep_ == "ccomp"
        and tok.head.pos_ == "VERB"
        and frame != "ccomp"
        and subj.lower_ in ("it", "this", "that")
    ):
        return None
    return frame, start, end, prep, subj


def subject_kind(subj: Token) -> str:
    """first (I, we, you), pron (he, they, who), name (a proper noun), noun: the cue table tells these
    apart, since "a poll shows" and "he shows" are not equally often attributions."""
    low = subj.lower_
    if low in ("i", "we", "you", "me", "us"):
        return "first"
    if subj.pos_ == "PRON":
        return "pron"
    if subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return "name"
    return "noun"


def is_participle(tok: Token) -> bool:
    """A past participle after the noun it describes: "the rules proposed by the agency"."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i


def passive_frame(tok: Token) -> tuple[str, int, int, Token | None] | None:
    """A passive verb: frame pass:ccomp|pass:xcomp|pass:prep:<word>|pass:subj, token range of what it
    reports, and the agent ("was criticised by the mayor"), or None for no agent; a participle with
    an agent after its noun (pass:acl) reports the noun phrase before it."""
    kids = list(tok.children)
    if tok.pos_ != "VERB":
        return None
    agent = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if is_participle(tok):
        # "a penalty imposed by the bureau": the noun phrase is what the agent did or said
        head = tok.head
        if not agent or tok.left_edge.i <= head.left_edge.i:
            return None
        return "pass:acl", head.left_edge.i, tok.left_edge.i, agent[0]
    if not any(c.dep_ == "auxpass" for c in kids):
        return None
    subj = [c for c in kids if c.dep_ in ("nsubjpass", "expl") and c.lower_ not in ("it", "there")]
    cc = [c for c in kids if c.dep_ == "ccomp"]
    xc = [c for c in kids if c.dep_ == "xcomp" and c.i > tok.i]
    preps = [
        c
        for c in kids
        if c.dep_ == "prep" and c.i > tok.i and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
    ]
    if cc:
        frame, start, end = "pass:ccomp", cc[0].left_edge.i, _clause_end(cc[0])
    elif xc and subj:
        frame, start, end = "pass:xcomp", subj[0].left_edge.i, xc[0].right_edge.i + 1
    elif preps:
        pobj = next(g for g in preps[0].children if g.dep_ in ("pobj", "pcomp"))
        frame, start, end = f"pass:prep:{preps[0].lower_}", pobj.left_edge.i, pobj.right_edge.i + 1
    elif subj:
        frame, start, end = "pass:subj", subj[0].left_edge.i, subj[0].right_edge.i + 1
    else:
        return None
    return frame, start, end, (agent[0] if agent else None)


def adjective_frame(tok: Token) -> tuple[str, int, int, Token | None, Token] | None:
    """A predicative adjective with a complement ("were frustrated that ...", "is confident the
    plan works", "were coy about ..."): frame adj:ccomp|adj:xcomp|adj:prep:<word>, the complement's
    token range, the preposition and the subject of the copula."""
    head = tok.head
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or head.i == tok.i:
        return None
    subj = subject(head)
    if subj is None:
        return None
    # the clause may hang from the copula instead: "It was clear [that] Clinton is attempting ..."
    for c in [*tok.children, *(k for k in head.children if k.dep_ in ("ccomp", "xcomp"))]:
        if c.i < tok.i:
            continue
        if c.dep_ == "ccomp":
            return "adj:ccomp", c.left_edge.i, _clause_end(c), None, subj
        if c.dep_ == "xcomp":
            return "adj:xcomp", c.left_edge.i, c.right_edge.i + 1, None, subj
        if c.dep_ == "prep":
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                return f"adj:prep:{c.lower_}", pobj[0].left_edge.i, pobj[0].right_edge.i + 1, c, subj
    return None


def adjective_cue_text(tok: Token, prep: Token | None) -> str:
    """The copula with its auxiliaries, the adjective and its preposition: "were not coy about"."""
    doc, head = tok.doc, tok.head
    start = head.i
    while start - 1 >= 0 and doc[start - 1].head.i == head.i and doc[start - 1].dep_ in ("aux", "neg"):
        start -= 1
    end = tok.i + 1
    if prep is not None and prep.i == end:
        end += 1
    return doc[start:end].text
