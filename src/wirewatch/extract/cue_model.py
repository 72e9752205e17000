"""Whether a word with a complement is an attribution cue: a small linear model over its context.

The hand lexicon (`cues.py`) knows the verbs of saying; PolNeAR's annotators also mark verbs and
nouns of belief, intent, perception and stance ("Trump promised to ...", "a poll found ...", "the
union expected ...", "Clinton's plan for ..."), whose reading depends on the subject, the kind of
complement and the clause around them. Each candidate (`candidate`: a verb with a frame from
`frames.verb_frame` or `frames.passive_frame`, a predicative adjective with a complement from
`frames.adjective_frame`, a noun with an owner from `frames.noun_frame`) is described by sparse
binary features (`features`) and scored by logistic regression; the weights are trained on the
PolNeAR train split by `python -m wirewatch.extract.cue_train` and shipped as `data/cue_model.npz`
(arrays only: weights, bias, threshold and the packed feature names, as `assess/weights.py` stores
them). Without the file every candidate scores 0 and extraction falls back to the lexicon.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.tokens import Token

from wirewatch.assess.weights import model_path, unpack_names
from wirewatch.extract.cues import NOUN_CUES, PASSIVE_VAGUE_VERBS, SPEECH_VERBS
from wirewatch.extract.frames import (
    adjective_frame,
    is_participle,
    noun_frame,
    passive_frame,
    verb_frame,
)

MODEL_FILE = "cue_model.npz"
_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
_MODALS = frozenset(["would", "could", "should", "might", "may", "must", "can", "will", "wo", "ca"])
_PERSONAL = frozenset(["he", "she", "they", "i", "we", "you", "who"])


@dataclass(frozen=True, slots=True)
class CueModel:
    weights: dict[str, float]
    bias: float
    threshold: float  # the probability from which a candidate is kept

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, feats: list[str]) -> bool:
        return self.probability(feats) >= self.threshold


@lru_cache(maxsize=2)
def load_cue_model(path: str | None = None) -> CueModel | None:
    """The shipped model (or the one at `path`); None where there is none."""
    p = model_path(MODEL_FILE, path)
    if p is None:
        return None
    with np.load(p) as z:
        names = unpack_names(z["names"])
        weights = dict(zip(names, (float(w) for w in z["weights"]), strict=True))
        return CueModel(weights, float(z["bias"]), float(z["threshold"]))


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n <= 3 else "4" if n <= 8 else "9" if n <= 20 else "21"


def _subject_features(src: Token | None) -> list[str]:
    if src is None:
        return ["s:none"]
    low = src.lower_
    out = [f"s:pos={src.pos_}"]
    if src.ent_type_:
        out.append(f"s:ent={src.ent_type_}")
    if src.pos_ == "PRON":
        out.append(f"s:pron={low}")
    elif src.pos_ == "NOUN":
        out.append(f"s:noun={src.lemma_.lower()}")
    if low in _PERSONAL or src.ent_type_ == "PERSON":
        out.append("s:person")
    return out


def _reported_above(tok: Token) -> bool:
    """Whether the word stands inside what a verb of saying above it reports ("said a poll shows")."""
    t, seen = tok, 0
    while t.head.i != t.i and seen < 4:
        if t.dep_ in ("ccomp", "xcomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            return True
        t, seen = t.head, seen + 1
    return False


def features(tok: Token, frame: str, start: int, end: int, src: Token | None) -> list[str]:
    """Sparse binary features of a candidate cue `tok` reporting tokens [start, end) of its doc,
    with `src` the subject, agent or owner (or None)."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    kind = "verb" if ":" not in frame or frame.startswith("prep:") else frame.split(":")[0]
    fam = frame.split(":")[0] if kind != "verb" else frame.split(":")[0]
    subj = _subject_features(src)
    out = [
        f"k={kind}",
        f"f={frame}",
        f"l={lemma}",
        f"lf={lemma}|{frame}",
        f"lk={lemma}|{kind}",
        f"dep={tok.dep_}",
        f"kdep={kind}|{tok.dep_}",
        f"tag={tok.tag_}",
        f"ff={fam}|{subj[0]}",
    ]
    out += subj
    out += [f"lf{s}={lemma}|{fam}" for s in subj[:1]]
    out += [f"l|{s}={lemma}" for s in subj if s.startswith(("s:person", "s:pos", "s:noun"))]
    out += [f"f|{s}={frame}" for s in subj]
    if lemma in SPEECH_VERBS:
        out.append(f"speech|{fam}")
    if lemma in NOUN_CUES:
        out.append(f"nouncue|{fam}")
    if lemma in PASSIVE_VAGUE_VERBS:
        out.append(f"vague|{fam}")
    kids = list(tok.children)
    if any(c.dep_ == "neg" for c in kids):
        out.append("neg")
    modal = [c.lower_ for c in kids if c.dep_ == "aux" and c.lower_ in _MODALS]
    if modal:
        out.append("modal")
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids):
        out.append("to")
    if _reported_above(tok):
        out += ["inside", f"inside|{kind}"]
    comp = doc[start:end]
    n = sum(1 for t in comp if not t.is_punct)
    out.append(f"len={_bucket(n)}")
    out.append(f"flen={fam}|{_bucket(n)}")
    if len(comp):
        out.append(f"c0={comp[0].lower_ if comp[0].is_stop else comp[0].pos_}")
        out.append(f"croot={comp.root.pos_}")
        out.append(f"lcroot={lemma}|{comp.root.pos_}")
        if comp.root.pos_ == "NOUN":
            out.append(f"cnoun={comp.root.lemma_.lower()}")
    if any(c in t.text for t in comp for c in _QUOTES):
        out.append("quoted")
    if start > tok.i + 1 and kind == "verb":
        gap = doc[tok.i + 1 : start]
        out.append(f"gap={_bucket(len(gap))}")
    if start < tok.i:
        out.append("before")
    if tok.i == tok.sent.start or (tok.i > 0 and doc[tok.i - 1].is_sent_start):
        out.append("sentstart")
    return out


def candidate(tok: Token) -> tuple[str, int, int, Token | None] | None:
    """A word that may report something: frame, token range of what it reports, and its subject
    (verbs, predicative adjectives), agent (passives) or owner (nouns, which count only with one);
    None otherwise."""
    if tok.pos_ == "VERB":
        if any(c.dep_ == "auxpass" for c in tok.children) or is_participle(tok):
            found = passive_frame(tok)
            return None if found is None else found
        active = verb_frame(tok)
        return None if active is None else (active[0], active[1], active[2], active[4])
    if tok.pos_ == "ADJ":
        adj = adjective_frame(tok)
        return None if adj is None else (adj[0], adj[1], adj[2], adj[4])
    if tok.pos_ == "NOUN":
        owned = noun_frame(tok)
        return owned if owned is not None and owned[3] is not None else None
    return None
