"""Cue lexicons for attribution: reporting verbs, reporting nouns, and the words that mark a source as
anonymous or vague.

English lexicons are written here by hand (lemmas, as spaCy's lemmatizer gives them). On top of them,
`fitted_frames()` reads `data/cues_en_fitted.tsv`, produced by `python benchmarks/attribution.py --fit`
from the PolNeAR train split: which further word/complement pairs ("call for", "describe <object>",
"is expected to", "Trump's claim that") are attributions often enough to be worth reporting, some
only for one kind of subject ("a poll shows" is, "he shows" is not). The frames are read by
`frames.py`. Extraction decides on verbs and nouns outside the hand lexicon with the cue model
(`cue_model.py`, which reads their context as well); the table is its fallback where no model is
shipped, and still answers for "In <document>, ..." and quotation cues. Reporting words of other
languages live in `data/reporting_words.toml` (`foreign.py`).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of saying, reporting and holding a view: with a clausal complement ("said that ...",
# "... , officials said") these are attributions in every annotation scheme we know of.
SPEECH_VERBS = _words(
    """
    say tell warn note add claim allege accuse report state insist deny announce declare explain
    argue assert suggest acknowledge admit confirm stress emphasize emphasise write tweet post
    predict promise vow pledge reveal disclose recall remark comment respond reply answer ask urge
    caution contend maintain believe think estimate conclude find show indicate agree complain
    concede observe mention testify inform assure reiterate repeat charge counter retort hint boast
    joke lament speculate fear hope expect worry doubt know feel reckon guess assume recommend
    propose demand suspect signal imply predict forecast calculate acknowledge underline highlight
    announce threaten swear proclaim continue explain tout brag quip muse wonder question dispute
    concur clarify specify point exclaim interrupt echo confess email text shout yell scream whisper
    mutter plead recount insist pronounce
    """
)

# Verbs whose "it is <verb>ed that ..." or "X is <verb>ed to ..." hides who holds the view.
PASSIVE_VAGUE_VERBS = _words(
    """
    believe report say think claim allege rumor rumour understand expect suspect fear know estimate
    consider suggest
    """
)

# Verbs that pass on what someone else said: ", Russian news agencies reported" makes the agencies
# the relay of the statement they wrap, not its source.
RELAY_VERBS = _words(
    """
    report cite quote carry relay
    """
)

# Nouns that carry an attribution: "reports of ...", "speculation that ...", "Smith's claim that ...".
NOUN_CUES = _words(
    """
    report claim allegation rumor rumour speculation assertion suggestion accusation warning
    statement announcement belief fear concern promise pledge denial admission insistence prediction
    assessment charge suspicion indication
    """
)

# Heads of source phrases that name no one: "numerous reports", "some say", "experts believe".
VAGUE_HEADS = _words(
    """
    report reports rumor rumors rumour rumours speculation some many others observers critics
    experts analysts commentators pundits media claims people everyone anyone somebody someone
    """
)

# Heads of source phrases for an unnamed but specific source: "a senior official", "sources said".
ANONYMOUS_HEADS = _words(
    """
    official officials source sources diplomat diplomats aide aides insider insiders person people
    officer officers adviser advisers advisor advisors staffer staffers employee employees
    investigator investigators spokesman spokeswoman spokesperson representative representatives
    member members lawmaker lawmakers witness witnesses resident residents
    neighbour neighbours neighbor neighbors villager villagers relative relatives eyewitness eyewitnesses
    survivor survivors passer-by bystander bystanders
    """
)

# Documents that speak for their authors: "In a statement, ...", "In the CBS poll, ...".
SOURCE_NOUNS = _words(
    """
    poll survey study report statement interview letter speech editorial column article book tweet post
    memo filing email lawsuit complaint video ad advertisement release transcript testimony remarks
    message analysis document op-ed
    """
)

# Adverbs that attribute a clause to no one in particular.
VAGUE_ADVERBS = _words(
    """
    reportedly allegedly purportedly supposedly rumoredly
    """
)

# Titles dropped when a speaker's own words stand in for a canonical name.
TITLES = _words(
    """
    mr mrs ms miss dr prof sen rep gov gen col lt sgt capt adm president minister director chief
    head secretary senator governor general deputy spokesman spokeswoman chairman chairwoman
    ambassador premier chancellor king queen prince sir lord judge justice mayor commander colonel
    lieutenant sergeant captain admiral leader former acting vice the a an
    """
)

# Words that end a person's name when reading a title phrase right to left: "Ministry of Internal
# Affairs Oleg Ilinykh" holds the person "Oleg Ilinykh" after the institution's last word.
INSTITUTION_WORDS = _words(
    """
    ministry affairs service services directorate department agency council committee office bureau
    party union organization organisation forces force army police court bank corporation inc ltd
    government administration commission assembly parliament senate house center centre institute
    foundation group state states republic federation embassy consulate intelligence military navy
    """
)

# Nouns that denote a person by function: a phrase headed by one of these, with a name at its end,
# is that person with a role.
ROLE_NOUNS = _words(
    """
    head director minister chief official spokesman spokeswoman spokesperson president leader
    secretary ambassador commander governor mayor chairman chairwoman chair adviser advisor aide
    deputy envoy representative senator congressman congresswoman candidate nominee founder ceo
    manager general analyst expert professor researcher economist strategist lawyer attorney judge
    prosecutor spy spymaster boss
    """
)

PRONOUNS = _words(
    """
    he she him her they them it i we you who which that
    """
)


# Verbs whose past forms the suffix rules below cannot undo.
_IRREGULAR_PAST = {
    "said": "say", "told": "tell", "thought": "think", "wrote": "write", "written": "write", "found": "find",
    "shown": "show", "knew": "know", "known": "know", "felt": "feel", "swore": "swear", "sworn": "swear",
    "forecast": "forecast", "spoke": "speak", "spoken": "speak",
}
_SAYING = SPEECH_VERBS | PASSIVE_VAGUE_VERBS | RELAY_VERBS | NOUN_CUES | {"according"}


def _lemma_candidates(word: str) -> set[str]:
    """The dictionary forms an English verb or noun form may come from: "warned" -> warn, "argues" ->
    argue, "denied" -> deny, "admitted" -> admit, "claims" -> claim."""
    out = {word, _IRREGULAR_PAST.get(word, word)}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            stem = word[: -len(suffix)]
            out |= {stem, stem + "e"}
            if len(stem) >= 3 and stem[-1] == stem[-2]:
                out.add(stem[:-1])  # admitted, quipped
            if suffix in ("ed", "es") and stem.endswith("i"):
                out.add(stem[:-1] + "y")  # denied, replies
    return out


def says_something(cue: str) -> bool:
    """Whether an English statement's cue is a word of saying, reporting or holding a view ("said in an
    interview", "has warned", "according to", "claims"), not one of the acts that attribution schemes
    such as PolNeAR also count ("released a photo of ...", "introduced a bill that ...", "sued")."""
    return any(_lemma_candidates(w) & _SAYING for w in re.findall(r"[a-z]+", cue.lower()))


@lru_cache(maxsize=1)
def fitted_frames() -> dict[tuple[str, str], bool]:
    """(lemma, frame) -> keep, learnt from PolNeAR train; empty when the table is absent.

    A frame may carry the subject's kind ("dobj@noun"): such a row overrides the plain one for that
    kind of subject, either way.
    """
    try:
        raw = resources.files("wirewatch.data").joinpath("cues_en_fitted.tsv").read_text("utf-8")
    except FileNotFoundError:
        return {}
    table = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, frame, keep, *_ = line.split("\t")
        table[(lemma, frame)] = keep == "1"
    return table


def base_cue(lemma: str, frame: str) -> bool:
    """The hand lexicon's answer: verbs of saying with a clause or a quotation."""
    return frame in ("ccomp", "quote") and lemma in SPEECH_VERBS


def is_cue(lemma: str, frame: str, kind: str | None = None) -> bool:
    """Whether a verb lemma with this kind of complement (and subject) reports what someone said or holds."""
    table = fitted_frames()
    if kind is not None and (lemma, f"{frame}@{kind}") in table:
        return table[(lemma, f"{frame}@{kind}")]
    return base_cue(lemma, frame) or table.get((lemma, frame), False)


@lru_cache(maxsize=1)
def reporting_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """Per language code: cues, pronouns, anonymous and vague words (see the data file's header)."""
    raw = resources.files("wirewatch.data").joinpath("reporting_words.toml").read_text("utf-8")
    table = tomllib.loads(raw)
    return {lang: {k: tuple(v) for k, v in groups.items()} for lang, groups in table.items()}


def word_regex(entry: str) -> str:
    """A reporting word of the data file as a regex: a trailing `*` stands for any ending ("заяв*")."""
    return re.escape(entry.rstrip("*")) + (r"\w*" if entry.endswith("*") else "")
