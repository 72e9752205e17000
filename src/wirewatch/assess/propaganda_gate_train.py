"""Training the sentence gate (`propaganda_gate`) on the training part of PTC, called by `propaganda_train`.

Everything the gate learns from is out of fold, so that it sees token probabilities as the shipped
model gives them on articles it was not fitted on: the 294 training articles fall into four folds by
id (id % 5 in 1..4; the held-out id % 5 == 0 is never touched), and for each fold the token model
and the linear sentence score are fitted on the other three. The trees are then fitted the same way
to choose the cutoff on all 294 articles' out-of-fold scores, and once more on all of them to ship.

Measured on those out-of-fold scores: SI F1 0.375 for the ungated decoder, 0.407 with the gate
(sentence AUC of the highest token probability 0.742; of the linear sentence score alone 0.763; of
the trees, with both, 0.785).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from wirewatch.assess.propaganda import Model, token_probabilities
from wirewatch.assess.propaganda_gate import RECALL_WEIGHT, Gate, candidates, sentence_bag, sentence_table
from wirewatch.assess.propaganda_text import Token
from wirewatch.assess.propaganda_train import PtcArticle, int32_matrix, merge, si_score
from wirewatch.clean.line_model import Forest
from wirewatch.clean.line_train import forest_arrays

FOLDS = (1, 2, 3, 4)  # id % 5 of the training articles; 0 is the held-out part
RELATIVE = 0.3  # candidate tokens reach this share of the sentence's top probability (0.2 and 0.4 scored lower)
BAG_C = 0.03  # the linear sentence score's regularisation (0.1 and 0.3 gave lower AUC)
TREES = {"max_iter": 150, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 40}

Probs = list[list[tuple[Token, float]]]


def _fold(a: PtcArticle) -> int:
    return int(a.id) % 5


def out_of_fold_probabilities(
    articles: Sequence[PtcArticle], fit_token_model: Callable[[Sequence[PtcArticle]], Model], log=print
) -> dict[str, Probs]:
    out: dict[str, Probs] = {}
    for k in FOLDS:
        model = fit_token_model([a for a in articles if _fold(a) != k])
        out |= {a.id: token_probabilities(model, a.text) for a in articles if _fold(a) == k}
        log(f"gate: token probabilities of fold {k}")
    return out


def _worth(article: PtcArticle, spans: Sequence[tuple[int, int] | None]) -> np.ndarray:
    """What each sentence's candidate earns under the scorer: precision + RECALL_WEIGHT * recall."""
    gold = merge(article.spans)
    worth = []
    for sp in spans:
        overlaps = [(min(sp[1], ge) - max(sp[0], gs), ge - gs) for gs, ge in gold if sp and min(sp[1], ge) > max(sp[0], gs)]
        worth.append(sum(o for o, _ in overlaps) / (sp[1] - sp[0]) + RECALL_WEIGHT * sum(o / n for o, n in overlaps) if sp else 0.0)
    return np.array(worth)


def _sentence_holds(article: PtcArticle, probs: Probs) -> np.ndarray:
    gold = merge(article.spans)
    return np.array([int(any(gs < row[-1][0].end and ge > row[0][0].start for gs, ge in gold)) for row in probs])


def _fit_bag(bags: Sequence[Sequence[str]], labels: np.ndarray, min_count: int = 2):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for b in bags for f in b)
    vec = DictVectorizer()
    x = int32_matrix(vec.fit_transform({f: 1 for f in b if seen[f] >= min_count} for b in bags))
    return vec, LogisticRegression(C=BAG_C, solver="liblinear").fit(x, labels)


def _bag_scores(bag, bags: Sequence[Sequence[str]]) -> np.ndarray:
    vec, clf = bag
    return clf.predict_proba(int32_matrix(vec.transform({f: 1 for f in b} for b in bags)))[:, 1]


def _fit_forest(x: np.ndarray, y: np.ndarray) -> Forest:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):  # as in clean.line_train: OpenMP's idle threads slow a shared machine
        return forest_arrays(HistGradientBoostingRegressor(random_state=0, **TREES).fit(x, y))


def choose_cutoff(
    articles: Sequence[PtcArticle], spans: Mapping[str, Sequence[tuple[int, int] | None]], scores: Mapping[str, np.ndarray]
) -> tuple[float, dict[str, float]]:
    """The forest score from which candidates are kept that gives the best SI F1, and the scores there."""
    every = np.concatenate([scores[a.id] for a in articles])
    gold = {a.id: a.spans for a in articles}
    best: tuple[float, dict[str, float]] = (1.0, {"f1": -1.0})
    for q in np.arange(0.40, 0.86, 0.01):
        cut = float(np.quantile(every, q))
        pred = {a.id: [sp for sp, v in zip(spans[a.id], scores[a.id], strict=True) if sp and v >= cut] for a in articles}
        res = si_score(pred, gold)
        if res["f1"] > best[1]["f1"]:
            best = (cut, res)
    return best


def train_gate(
    articles: Sequence[PtcArticle],
    clusters: Mapping[str, tuple[int, ...]],
    fit_token_model: Callable[[Sequence[PtcArticle]], Model],
    *,
    keep: float = 0.01,
    log=print,
) -> Gate:
    probs = out_of_fold_probabilities(articles, fit_token_model, log)
    spans = {a.id: candidates(a.text, probs[a.id], RELATIVE) for a in articles}
    bags = {a.id: [sentence_bag([t for t, _ in row], clusters) for row in probs[a.id]] for a in articles}
    holds = {a.id: _sentence_holds(a, probs[a.id]) for a in articles}
    worth = {a.id: _worth(a, spans[a.id]) for a in articles}

    def rows(d: Mapping[str, np.ndarray], ids: Sequence[str]) -> np.ndarray:
        return np.concatenate([d[i] for i in ids])

    def bags_of(ids: Sequence[str]) -> list[list[str]]:
        return [b for i in ids for b in bags[i]]

    bag_oof: dict[str, np.ndarray] = {}
    for k in FOLDS:
        fit = [a.id for a in articles if _fold(a) != k]
        bag = _fit_bag(bags_of(fit), rows(holds, fit))
        bag_oof |= {a.id: _bag_scores(bag, bags[a.id]) for a in articles if _fold(a) == k}
    tables = {a.id: sentence_table(a.text, probs[a.id], bag_oof[a.id], spans[a.id]) for a in articles}

    scores: dict[str, np.ndarray] = {}
    for k in FOLDS:
        fit = [a.id for a in articles if _fold(a) != k]
        forest = _fit_forest(np.vstack([tables[i] for i in fit]), rows(worth, fit))
        scores |= {a.id: forest.probabilities(tables[a.id]) for a in articles if _fold(a) == k}
    cutoff, res = choose_cutoff(articles, spans, scores)
    log(f"gate: out-of-fold SI F1 {res['f1']:.3f} (P {res['precision']:.3f} R {res['recall']:.3f}), cutoff {cutoff:.4f}")

    ids = [a.id for a in articles]
    vec, clf = _fit_bag(bags_of(ids), rows(holds, ids))
    w = clf.coef_[0]
    kept = np.abs(w) >= keep
    return Gate(
        forest=_fit_forest(np.vstack([tables[i] for i in ids]), rows(worth, ids)),
        bag_weights=dict(zip(vec.get_feature_names_out()[kept].tolist(), w[kept].tolist(), strict=True)),
        bag_bias=float(clf.intercept_[0]),
        cutoff=cutoff,
        relative=RELATIVE,
    )
