"""Propaganda techniques at span level (SemEval-2020 Task 11), with a small linear model.

Two steps, both linear models over sparse string features, trained by
`wirewatch.assess.propaganda_train` on the Propaganda Techniques Corpus and shipped as
`data/propaganda.npz` (feature names and weights only, no text of the corpus):

1. span identification: every token gets a probability of lying inside a propaganda span from
   its word, stem, neighbours, quote state, repetition in the article and the words of its
   sentence, and from the clusters of its word, its neighbours and its sentence's words (k-means
   clusters of static MiniLM word vectors, shipped as cluster ids per word, so a loaded word unseen
   in training still counts if it sits with ones seen: `propaganda_vectors`); runs of likely tokens
   (small gaps bridged) become spans; where the model carries a sentence gate
   (`propaganda_gate`), the gate decides which sentences get a span and the probabilities only
   where it starts and ends;
2. technique classification: each span gets one of the 14 techniques from its words, length,
   context and repetition.

The model is read once per process (`load_model`, cached). Without the model file the finder
returns nothing, so the rest of the pipeline works on a bare checkout.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from wirewatch.assess.propaganda_gate import Gate, gate_from, gated_spans
from wirewatch.assess.propaganda_text import (
    QUOTE_MARKS,
    Token,
    article_counts,
    bucket,
    cluster_features,
    decode,
    neighbour_cluster_features,
    sentence_features,
    sentence_spans,
    shape,
    span_features,
    token_features,
    tokens,
)
from wirewatch.assess.text import STOPWORDS, stem
from wirewatch.assess.weights import model_path, unpack_names
from wirewatch.model import Signal

TECHNIQUES = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)
KIND_PREFIX = "propaganda:"
MODEL_FILE = "propaganda.npz"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    technique: str
    score: float


@dataclass(frozen=True, slots=True)
class Model:
    """The shipped parameters: two linear models keyed by feature name, and the decoding settings."""

    si_weights: dict[str, float]
    si_bias: float
    threshold: float  # a token at or above it belongs to a span ...
    gap: int  # ... and up to `gap` tokens below it between two such tokens are bridged
    min_chars: int
    trigger: float  # a span is kept only if one of its tokens reaches this
    tc_index: dict[str, int]
    tc_weights: np.ndarray  # (features, techniques)
    tc_bias: np.ndarray  # (techniques,)
    # word -> its cluster at each granularity of CLUSTERS (see `word_clusters`); empty: no such features
    clusters: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    # which sentences get a span (`propaganda_gate`); None: every run that `decode` finds
    gate: Gate | None = None


# --- the model ------------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Model | None:
    """The shipped model (or the one at `path`), read once per process; None when absent."""
    p = model_path(MODEL_FILE, path)
    if p is None:
        return None
    with np.load(p, allow_pickle=False) as z:
        si_names = unpack_names(z["si_names"])
        si_w = z["si_weights"].astype(np.float64).tolist()
        settings = z["settings"].astype(np.float64).tolist()
        tc_names = unpack_names(z["tc_names"])
        return Model(
            si_weights=dict(zip(si_names, si_w, strict=True)),
            si_bias=settings[0],
            threshold=settings[1],
            gap=int(settings[2]),
            min_chars=int(settings[3]),
            trigger=settings[4],
            tc_index={name: i for i, name in enumerate(tc_names)},
            tc_weights=z["tc_weights"].astype(np.float32),
            tc_bias=z["tc_bias"].astype(np.float32),
            clusters=_clusters(z),
            gate=gate_from(z),
        )


def _clusters(z) -> dict[str, tuple[int, ...]]:
    if "cluster_words" not in z:
        return {}
    ids = z["cluster_ids"].astype(np.int64).tolist()
    return dict(zip(unpack_names(z["cluster_words"]), map(tuple, ids), strict=True))


def token_probabilities(model: Model, text: str) -> list[list[tuple[Token, float]]]:
    """Per sentence, each token of `text` with its probability of lying inside a propaganda span.

    The same sum as over `token_features`, computed without building the feature strings: a
    word's own weights and its weights as a neighbour are looked up once per distinct word.
    """
    counts = article_counts(text)
    w = model.si_weights
    cl = model.clusters
    own: dict[str, float] = {}
    around: dict[str, tuple[float, float, float, float]] = {}
    pos_w = [w.get(f"pos={b}", 0.0) for b in range(5)]
    rep_w = [w.get(f"rep={b}", 0.0) for b in range(4)]
    inq_w = w.get("inq", 0.0)
    edge = {"<s>": (w.get("p1=<s>", 0.0), 0.0, w.get("p2=<s>", 0.0), 0.0), "</s>": (0.0, w.get("n1=</s>", 0.0), 0.0, w.get("n2=</s>", 0.0))}
    out: list[list[tuple[Token, float]]] = []
    for s, e in sentence_spans(text):
        toks = tokens(text, s, e)
        if not toks:
            continue
        n = len(toks)
        base = model.si_bias + sum(w.get(f, 0.0) for f in sentence_features(toks, model.clusters))
        low = [t.text.lower() for t in toks]
        nb = []
        for t, lw in zip(toks, low, strict=True):
            if t.text not in own:
                own[t.text] = (
                    w.get(f"w={lw}", 0.0)
                    + w.get(f"st={stem(t.text)}", 0.0)
                    + w.get(f"sh={shape(t.text)}", 0.0)
                    + w.get(f"suf={lw[-3:]}", 0.0)
                    + sum(w.get(f, 0.0) for f in cluster_features(lw, cl))
                )
            if lw not in around:
                around[lw] = (
                    w.get(f"p1={lw}", 0.0) + sum(w.get(f, 0.0) for f in neighbour_cluster_features("p", lw, cl)),
                    w.get(f"n1={lw}", 0.0) + sum(w.get(f, 0.0) for f in neighbour_cluster_features("n", lw, cl)),
                    w.get(f"p2={lw}", 0.0),
                    w.get(f"n2={lw}", 0.0),
                )
            nb.append(around[lw])
        nb = [edge["<s>"], edge["<s>"], *nb, edge["</s>"], edge["</s>"]]
        row = []
        in_quote = False
        for i, t in enumerate(toks):
            if t.text in QUOTE_MARKS:
                in_quote = not in_quote
            lw = low[i]
            p1 = low[i - 1] if i > 0 else "<s>"
            n1 = low[i + 1] if i + 1 < n else "</s>"
            z = base + own[t.text] + nb[i + 1][0] + nb[i + 3][1] + nb[i][2] + nb[i + 4][3]
            z += w.get(f"pw={p1}|{lw}", 0.0) + w.get(f"wn={lw}|{n1}", 0.0)
            z += pos_w[bucket(int(10 * i / n), (0, 2, 5, 8))]
            if in_quote:
                z += inq_w
            if lw not in STOPWORDS and t.text[0].isalnum():
                z += rep_w[bucket(counts[stem(t.text)], (1, 2, 4))]
            row.append((t, 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))))
        out.append(row)
    return out


def token_probabilities_slow(model: Model, text: str) -> list[list[tuple[Token, float]]]:
    """`token_probabilities` by the book, from `token_features`: the reference the fast one is tested against."""
    counts = article_counts(text)
    w = model.si_weights
    out: list[list[tuple[Token, float]]] = []
    for s, e in sentence_spans(text):
        toks = tokens(text, s, e)
        if not toks:
            continue
        base = model.si_bias + sum(w.get(f, 0.0) for f in sentence_features(toks, model.clusters))
        row = []
        for t, feats in zip(toks, token_features(toks, counts, model.clusters), strict=True):
            z = base + sum(w.get(f, 0.0) for f in feats)
            row.append((t, 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))))
        out.append(row)
    return out


def classify(model: Model, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, float]]:
    """The technique of each span, with its probability."""
    if not spans:
        return []
    counts = article_counts(text)
    lowered = text.lower()
    out = []
    for s, e in spans:
        idx = [model.tc_index[f] for f in span_features(text, s, e, counts, lowered) if f in model.tc_index]
        z = model.tc_bias + (model.tc_weights[idx].sum(axis=0) if idx else 0.0)
        z = np.exp(z - z.max())
        k = int(z.argmax())
        out.append((TECHNIQUES[k], float(z[k] / z.sum())))
    return out


def find_spans(text: str, model: Model | None = None) -> list[Span]:
    """Propaganda spans in `text`, each with its technique."""
    model = model or load_model()
    if model is None or not text.strip():
        return []
    probs = token_probabilities(model, text)
    if model.gate is not None:
        found = gated_spans(model.gate, text, probs, model.clusters, min_chars=model.min_chars)
    else:
        found = decode(
            text, probs, threshold=model.threshold, gap=model.gap, min_chars=model.min_chars, trigger=model.trigger
        )
    labels = classify(model, text, [(s, e) for s, e, _ in found])
    return [Span(s, e, tech, p) for (s, e, p), (tech, _) in zip(found, labels, strict=True)]


def propaganda_spans(body: str) -> tuple[Signal, ...]:
    """One `propaganda:<Technique>` signal per span, its evidence the span's exact text."""
    return tuple(
        Signal(f"{KIND_PREFIX}{sp.technique}", body[sp.start : sp.end], (sp.start, sp.end), f"p={sp.score:.2f}")
        for sp in find_spans(body)
    )
