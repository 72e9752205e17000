"""Titles and roles of people, read from the words around a name.

Three shapes cover most newswire: a premodifier ("Russian President Vladimir Putin", "FSB director
Alexander Bortnikov", "Deputy Minister of Foreign Affairs of Russia Mikhail Bogdanov"), an
apposition after the name ("Sergei Beseda, head of the 5th FSB service, warned") and one before it
("the director of the Foreign Intelligence Service, Sergei Naryshkin"). A phrase counts as a role
only when it holds a title word from `TITLE_WORDS`, so "In Moscow, Ivan Petrov" gives none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from wirewatch.extract.wordlists import words

# Head words of titles and roles, lower case. Ranks ("Field Marshal", "General") double as titles
# the small model swallows into a name; `strip_title` removes them from PERSON spans.
TITLE_WORDS = words(
    "counterpart president vice-president premier prime minister ministers deputy secretary undersecretary "
    "chancellor chairman chairwoman chairperson chair head chief director directors commander "
    "commander-in-chief leader spokesman spokeswoman spokesperson speaker envoy ambassador consul "
    "governor mayor senator congressman congresswoman lawmaker mp deputy-head adviser advisor aide "
    "official officer officials general marshal field-marshal colonel lieutenant major captain "
    "admiral sergeant brigadier commissioner inspector prosecutor judge attorney-general king queen "
    "prince princess emir sheikh sultan ayatollah imam mullah cleric patriarch pope bishop founder "
    "co-founder ceo executive manager president-elect analyst expert researcher professor "
    "correspondent journalist editor reporter representative member members head-of-state ruler "
    "dictator warlord militant militants fighter emissary negotiator attaché attache"
)

# Titles written before a name, as whole phrases (lower case): removed from PERSON spans.
_LEADING_TITLES = [
    t.split()
    for t in (
        "field marshal",
        "marshal",
        "general",
        "gen.",
        "lt. gen.",
        "maj. gen.",
        "brig. gen.",
        "colonel",
        "col.",
        "lieutenant",
        "major",
        "captain",
        "capt.",
        "admiral",
        "sergeant",
        "president",
        "prime minister",
        "minister",
        "deputy minister",
        "foreign minister",
        "defence minister",
        "defense minister",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "mayor",
        "ambassador",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "sheikh",
        "sultan",
        "ayatollah",
        "imam",
        "mullah",
        "commander",
        "chancellor",
        "dr.",
        "dr",
        "mr.",
        "mr",
        "mrs.",
        "mrs",
        "ms.",
        "ms",
        "prof.",
        "professor",
        "judge",
        "speaker",
        "pope",
        "patriarch",
        "chairman",
        "spokesman",
        "spokeswoman",
        "secretary",
        "secretary of state",
        "secretary of defense",
        "secretary of defence",
        "attorney general",
        "chief of staff",
    )
]
_LEADING_TITLES.sort(key=len, reverse=True)

# Words that may sit inside a role phrase without being capitalised or a title word.
_LINKS = frozenset({"of", "for", "the", "and", "on", "in", "'s", "’s", "-", "&"})
# Where a role written before a name may not start.
_NOT_FIRST = frozenset({"of", "for", "the", "and", "on", "in", "'s", "’s", "-", "&", "a", "an"})
_MAX_ROLE_TOKENS = 16


def is_title_word(token: Token) -> bool:
    return token.lower_ in TITLE_WORDS


def strip_title(span: Span) -> tuple[Span, str | None]:
    """A PERSON (or mislabelled ORG) span without its leading titles, and the titles as written
    ("Lieutenant General Andrei Ivanov" -> "Andrei Ivanov", "Lieutenant General"); (span, None) if none."""
    start = span.start
    doc = span.doc
    while True:
        words = [t.lower_ for t in doc[start : span.end]]
        n = next(
            (
                len(t)
                for t in _LEADING_TITLES
                if len(words) > len(t) and words[: len(t)] == t and doc[start + len(t)].is_title
            ),
            0,
        )
        if not n:
            break
        start += n
    if start == span.start:
        return span, None
    return doc[start : span.end], doc[span.start : start].text


def with_title_before(span: Span) -> Span:
    """The span with the first words of a title that it finishes: the model tags "State Tillerson"
    (ORG) in "Secretary of State Tillerson"; `strip_title` then leaves the name."""
    for k in (1, 2, 3):
        if span.start - k < 0:
            break
        wider = span.doc[span.start - k : span.end]
        stripped, title = strip_title(wider)
        if title and stripped.start > span.start:
            return wider
    return span


def ends_title(span: Span) -> bool:
    """Whether the span is the last words of a title written before a name: the model tags "State"
    (ORG) in "Secretary of State Harwell said"."""
    doc = span.doc
    if span.end >= len(doc) or not doc[span.end].is_title:
        return False
    return any(
        [t.lower_ for t in doc[span.start - k : span.end]] in _LEADING_TITLES
        for k in (1, 2, 3)
        if span.start - k >= 0
    )


# A phrase opening with one of these is a clause about someone else ("X, whose spokesman said").
_CLAUSE_OPENERS = frozenset(["who", "whose", "whom", "which", "that", "where", "when"])
# Parts of speech that open the sentence around a role, not the role ("While Judge X", "as head of").
_LEADING_POS = frozenset(["SCONJ", "CCONJ", "ADV", "DET", "PRON", "ADP", "PART", "INTJ"])


def _good(tokens: list[Token]) -> str | None:
    if tokens and tokens[0].lower_ in _CLAUSE_OPENERS:
        return None
    while tokens and (
        tokens[0].lower_ in _NOT_FIRST
        or tokens[0].is_punct
        or (tokens[0].pos_ in _LEADING_POS and not is_title_word(tokens[0]) and not tokens[0].is_upper)
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in _LINKS or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > _MAX_ROLE_TOKENS or not any(is_title_word(t) for t in tokens):
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _role_word(token: Token, stop_at: set[int]) -> bool:
    """May this token be part of a role phrase written before a name?"""
    # Other people are in `stop_at` (the entities, after repairs), not read from the raw NER labels.
    if token.i in stop_at or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY"):
        return False
    if token.is_punct and token.text not in ("-",):
        return False
    return (
        is_title_word(token)
        or token.lower_ in _LINKS
        or token.is_title
        or token.is_upper
        or token.like_num
        or token.pos_ in ("ADJ", "PROPN")
    )


def premodifier(doc: Doc, start: int, stop_at: set[int]) -> str | None:
    """The role written right before the name that starts at token `start`, or None."""
    tokens: list[Token] = []
    i = start - 1
    while i >= 0 and len(tokens) < _MAX_ROLE_TOKENS and _role_word(doc[i], stop_at):
        if doc[i].is_sent_start and not (is_title_word(doc[i]) or doc[i].is_title or doc[i].is_upper):
            break
        tokens.insert(0, doc[i])
        if doc[i].is_sent_start:
            break
        i -= 1
    # The role ends at its last title word or at a capitalised organisation name after it
    # ("FSB director", "Minister of Foreign Affairs of Russia"); a bare place or adjective in front
    # of a name is not a role.
    if not tokens or not any(is_title_word(t) for t in tokens):
        return None
    # Prepositions that open a sentence ("In", "On") and lower-case words before the first title or
    # capitalised word are the clause around the name, not the role.
    while (
        tokens
        and not (is_title_word(tokens[0]) or tokens[0].is_title or tokens[0].is_upper or tokens[0].like_num)
        or (tokens and tokens[0].pos_ in ("ADP", "VERB", "AUX") and not is_title_word(tokens[0]))
    ):
        tokens = tokens[1:]
    # "candidates for president Hillary Clinton": a bare lower-case title after a preposition is the
    # object of that preposition, not this person's title.
    if tokens and tokens[0].is_lower and tokens[0].i > 0 and doc[tokens[0].i - 1].pos_ == "ADP":
        return None
    return _good(tokens)


def apposition_after(doc: Doc, end: int) -> str | None:
    """ "Name, head of the 5th FSB service, said": the phrase between the commas after the name."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    tokens: list[Token] = []
    i = end + 1
    while i < len(doc) and len(tokens) <= _MAX_ROLE_TOKENS:
        t = doc[i]
        if t.text in (",", ";", ":", ".", "(", ")") or t.is_sent_start or t.pos_ in ("VERB", "AUX"):
            break
        tokens.append(t)
        i += 1
    if not tokens or tokens[0].ent_type_ == "PERSON":
        return None
    # The apposition must open with its title ("head of", "the director of", "a senior adviser to").
    head = [t for t in tokens[:4] if t.lower_ not in ("the", "a", "an")]
    if not head or not any(is_title_word(t) for t in head[:3]):
        return None
    return _good(tokens)


def apposition_before(doc: Doc, start: int, end: int) -> str | None:
    """ "the director of the Foreign Intelligence Service, Sergei Naryshkin": the phrase before the comma.

    The parser must agree that the name is in apposition: in "After meeting the president, Ivan
    Petrov said" the name is the subject, and the president someone else.
    """
    if start < 2 or doc[start - 1].text != ",":
        return None
    if not any(t.dep_ == "appos" for t in doc[start:end]):
        return None
    tokens: list[Token] = []
    i = _before_parenthesis(doc, start - 2)
    while i >= 0 and len(tokens) <= _MAX_ROLE_TOKENS:
        t = doc[i]
        if t.is_punct or t.ent_type_ in ("PERSON", "DATE") or t.pos_ in ("VERB", "AUX", "PRON"):
            break
        if t.pos_ == "ADP" and t.lower_ not in ("of", "for"):
            break
        tokens.insert(0, t)
        if t.is_sent_start:
            break
        i -= 1
    # The phrase opens or ends with its title: "the director of X", "the ministry's spokeswoman".
    while tokens and tokens[0].lower_ in _NOT_FIRST:
        tokens = tokens[1:]
    if not tokens or not any(is_title_word(t) for t in (*tokens[:2], tokens[-1])):
        return None
    return _good(tokens)


def _before_parenthesis(doc: Doc, i: int) -> int:
    """The token before a short parenthesis ending at `i` ("... Security Service (FSB), Sergei
    Beseda": an acronym or aside between the role and its comma), else `i` itself."""
    if i < 0 or doc[i].text != ")":
        return i
    opening = next((k for k in range(i - 1, max(i - 6, -1), -1) if doc[k].text == "("), None)
    return opening - 1 if opening is not None else i


def apposition_parsed(doc: Doc, start: int, end: int) -> str | None:
    """An apposition the parser attaches to the name, past an age or other aside:
    "Ivan Petrov, 45, a senior adviser to the governor, resigned"."""
    for head in doc[start:end]:
        for child in head.children:
            if child.dep_ != "appos" or child.i < end or not is_title_word(child):
                continue
            tokens = list(doc[child.left_edge.i : child.right_edge.i + 1])
            # A list ("President, Vice President and all civil Officers") is not one person's role.
            if any(t.ent_type_ == "PERSON" or t.text in (",", ";") for t in tokens):
                continue
            return _good(tokens)
    return None


def roles_at(doc: Doc, start: int, end: int, stop_at: set[int]) -> list[str]:
    """Roles given to the name at tokens [start, end): before it, and in appositions around it."""
    after = apposition_after(doc, end) or apposition_parsed(doc, start, end)
    found = [premodifier(doc, start, stop_at), after, apposition_before(doc, start, end)]
    return [r for r in found if r]
