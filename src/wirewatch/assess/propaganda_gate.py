"""Which sentences get a propaganda span: a gate over the token model's probabilities.

Span identification loses most where it decides which sentences hold propaganda at all (with those
known, the token model reaches SI F1 0.69 on the training articles; left to itself, 0.375). The
gate looks at a whole sentence at once: its token probabilities (top, spread, how many are high),
its shape (length, quotes, ! and ?, capitals, numbers, "we" and "you"), where it sits in the article,
its neighbours, how loaded the whole article is, and a linear score over the sentence's words, word
pairs, stems and word clusters. Boosted trees (`propaganda_gate_train`, stored as flat arrays and
walked by `clean.line_model.Forest`) score each sentence's one candidate span: the run from its
first to its last token whose probability reaches `relative` times the sentence's highest. A
sentence whose score reaches the cutoff keeps its candidate.

The trees are fitted to what a candidate earns under the SemEval scorer (the share of it that is
gold, plus `RECALL_WEIGHT` times the share of gold spans it covers), not to a yes/no label, so a
sentence whose candidate is likely to be mostly gold ranks above one that merely holds some gold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from wirewatch.assess.propaganda_text import (
    CLUSTERS,
    QUOTE_MARKS,
    Token,
    article_counts,
    decode,
    sentence_features,
)
from wirewatch.assess.text import STOPWORDS, stem
from wirewatch.assess.weights import pack_names, unpack_names
from wirewatch.clean.line_model import Forest

# A candidate's worth in training: its precision plus this much of its recall (tuned on the training
# folds between 0 and 1; 0.3 was best, 1.0 worst).
RECALL_WEIGHT = 0.3

_WE = frozenset({"we", "our", "us", "ours", "ourselves"})
_YOU = frozenset({"you", "your", "yours", "yourself", "yourselves"})

FEATURE_NAMES = (
    "top", "second", "top3_mean", "mean", "share_0.2", "share_0.4", "count_0.3", "top_logit", "logit_sum",
    "log_tokens", "log_chars", "has_quote", "quote_marks", "exclamation", "question", "all_caps_words",
    "capitalised_share", "digit_share", "we_words", "you_words", "content_share",
    "position", "is_first", "log_index", "log_from_end", "starts_line", "ends_line", "starts_paragraph",
    "prev_top", "next_top", "window_top", "window_others_mean", "log_max_repeat", "mean_repeat",
    "top_above_article",
    "article_mean_top", "article_share_0.3", "article_share_0.5", "article_log_sentences",
    "article_p90_top", "article_top3",
    "bag_score", "log_candidate_chars",
)


@dataclass(frozen=True, slots=True)
class Gate:
    forest: Forest  # scores a row of FEATURE_NAMES
    bag_weights: dict[str, float]  # the linear sentence score over `sentence_bag`
    bag_bias: float
    cutoff: float  # a sentence's candidate is kept from this forest probability on
    relative: float  # a candidate runs over the tokens reaching `relative` times the sentence's top


# --- features -------------------------------------------------------------------------------------


def sentence_bag(toks: Sequence[Token], clusters: Mapping[str, tuple[int, ...]]) -> list[str]:
    """A sentence's words, stems, word pairs, punctuation and finest clusters, for the linear score."""
    low = [t.text.lower() for t in toks]
    feats = set(sentence_features(toks, clusters))
    feats |= {f"b={a}|{b}" for a, b in zip(low, low[1:], strict=False)}
    feats |= {f"st={stem(t.text)}" for t in toks if t.text[0].isalnum()}
    feats |= {f"c{CLUSTERS[2]}={clusters[w][2]}" for w in low if w in clusters and w not in STOPWORDS}
    feats |= {f"u={w}" for w in low if not w[0].isalnum()}
    return sorted(feats)


def bag_score(gate: Gate, toks: Sequence[Token], clusters: Mapping[str, tuple[int, ...]]) -> float:
    z = gate.bag_bias + sum(gate.bag_weights.get(f, 0.0) for f in sentence_bag(toks, clusters))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def candidates(text: str, probs: Sequence[Sequence[tuple[Token, float]]], relative: float) -> list[tuple[int, int] | None]:
    """Each sentence's candidate span (None where trimming leaves nothing of it)."""
    out: list[tuple[int, int] | None] = []
    for row in probs:
        top = max(p for _, p in row)
        found = decode(text, [row], threshold=relative * top, gap=len(row), min_chars=1)
        out.append((found[0][0], found[0][1]) if found else None)
    return out


def sentence_table(
    text: str,
    probs: Sequence[Sequence[tuple[Token, float]]],
    bag_scores: Sequence[float],
    spans: Sequence[tuple[int, int] | None],
) -> np.ndarray:
    """One row of FEATURE_NAMES per sentence of `probs` (as `propaganda.token_probabilities` gives them)."""
    n = len(probs)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    counts = article_counts(text)
    tops = np.array([max(p for _, p in row) for row in probs])
    article = [
        tops.mean(), np.mean(tops >= 0.3), np.mean(tops >= 0.5), math.log1p(n),
        np.percentile(tops, 90), np.sort(tops)[-3:].mean(),
    ]
    rows = []
    for k, row in enumerate(probs):
        p = np.array([q for _, q in row])
        q = np.sort(p)[::-1]
        toks = [t.text for t, _ in row]
        low = [t.lower() for t in toks if t[0].isalnum()]
        n_words = max(len(low), 1)
        s, e = row[0][0].start, row[-1][0].end
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        repeats = [counts[stem(t)] for t in toks if t[0].isalnum() and t.lower() not in STOPWORDS]
        lo, hi = max(0, k - 2), min(n, k + 3)
        others = np.delete(tops[lo:hi], k - lo)
        span = spans[k]
        rows.append([
            q[0], q[1] if len(q) > 1 else 0.0, q[:3].mean(), p.mean(), np.mean(p >= 0.2), np.mean(p >= 0.4),
            (p >= 0.3).sum(), math.log(q[0] / (1 - q[0] + 1e-9) + 1e-9), np.log(p / (1 - p)).clip(-10, 10).sum(),
            math.log1p(len(toks)), math.log1p(e - s),
            any(t in QUOTE_MARKS for t in toks), text.count('"', s, e) + text.count("\u201c", s, e),
            "!" in toks, "?" in toks, sum(t.isupper() and len(t) > 1 and t.isalpha() for t in toks),
            sum(t[0].isupper() for t in toks if t[0].isalpha()) / n_words,
            sum(t.isdigit() for t in toks) / n_words,
            sum(w in _WE for w in low), sum(w in _YOU for w in low),
            sum(w not in STOPWORDS for w in low) / n_words,
            k / max(n - 1, 1), k == 0, math.log1p(k), math.log1p(n - 1 - k),
            s == line_start, e == (len(text) if line_end < 0 else line_end),
            line_start == 0 or text[line_start - 2 : line_start] == "\n\n",
            tops[k - 1] if k > 0 else -1.0, tops[k + 1] if k + 1 < n else -1.0, tops[lo:hi].max(),
            others.mean() if len(others) else -1.0,
            math.log1p(max(repeats)) if repeats else 0.0, np.mean(repeats) if repeats else 0.0,
            q[0] - article[0],
            *article,
            bag_scores[k], math.log1p(span[1] - span[0]) if span else 0.0,
        ])
    return np.array(rows, dtype=np.float64)


# --- the gate at work -----------------------------------------------------------------------------


def gated_spans(
    gate: Gate,
    text: str,
    probs: Sequence[Sequence[tuple[Token, float]]],
    clusters: Mapping[str, tuple[int, ...]],
    *,
    min_chars: int,
) -> list[tuple[int, int, float]]:
    """The candidates of the sentences the gate keeps, each with its sentence's highest token probability."""
    if not probs:
        return []
    spans = candidates(text, probs, gate.relative)
    bags = [bag_score(gate, [t for t, _ in row], clusters) for row in probs]
    scores = gate.forest.probabilities(sentence_table(text, probs, bags, spans))
    return [
        (sp[0], sp[1], max(p for _, p in row))
        for row, sp, score in zip(probs, spans, scores, strict=True)
        if sp and score >= gate.cutoff and sp[1] - sp[0] >= min_chars
    ]


# --- storage (in the model's .npz, under "gate_") -------------------------------------------------


def gate_arrays(gate: Gate) -> dict[str, np.ndarray]:
    names = list(gate.bag_weights)
    return {
        **gate.forest.arrays("gate_"),
        "gate_bag_names": pack_names(names),
        "gate_bag_weights": np.array([gate.bag_weights[n] for n in names], dtype=np.float16),
        "gate_settings": np.array([gate.bag_bias, gate.cutoff, gate.relative]),
        "gate_features": pack_names(list(FEATURE_NAMES)),
    }


def gate_from(z: Mapping[str, np.ndarray]) -> Gate | None:
    """The gate stored in `z`; None where there is none or it was built for other features."""
    if "gate_features" not in z or tuple(unpack_names(z["gate_features"])) != FEATURE_NAMES:
        return None
    bias, cutoff, relative = z["gate_settings"].astype(np.float64).tolist()
    names = unpack_names(z["gate_bag_names"])
    return Gate(
        forest=Forest.from_arrays(z, "gate_"),
        bag_weights=dict(zip(names, z["gate_bag_weights"].astype(np.float64).tolist(), strict=True)),
        bag_bias=bias,
        cutoff=cutoff,
        relative=relative,
    )
