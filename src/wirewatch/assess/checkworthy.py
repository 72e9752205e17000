"""Check-worthiness: which statements a fact-checker would look at first.

A linear model over word unigrams and bigrams plus a few shape features (numbers, percentages,
comparatives), trained by `wirewatch.assess.checkworthy_train` on CLEF 2020 CheckThat! Task 5
(debates and speeches), Task 1 (tweets) and ClaimBuster (debate sentences), shipped as
`data/checkworthy.npz` (feature names and weights). `rank_statements` orders an article's
statements by it; claims carry the score of their first English telling (`link/claims.py`: the
model learnt English only, and scores nothing else). It is a ranking, not a verdict: no signal is
made from it. On the seed pages a claim of fact with its particulars ("IMU
was involved in several deadly TTP attacks in Pakistan including one on Karachi airport ...")
scores 0.88 and an exhortation ("it is important to closely monitor the situation ...") 0.12.
Without the model file it returns nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from wirewatch.assess.weights import model_path, unpack_names
from wirewatch.model import Statement

MODEL_FILE = "checkworthy.npz"

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|%|\$")
_NUMBER = re.compile(r"\d")
_COMPARATIVE = re.compile(r"\b(?:more|less|fewer|most|least|higher|lower|biggest|largest|smallest|percent|times|million|billion|trillion)\b")


@dataclass(frozen=True, slots=True)
class Model:
    weights: dict[str, float]
    bias: float


def features(text: str) -> list[str]:
    """The model's features of one sentence."""
    low = text.lower().replace("\u2019", "'")
    toks = _WORD.findall(low)
    f = {f"w={t}" for t in toks}
    f |= {f"b={a}|{b}" for a, b in zip(toks, toks[1:], strict=False)}
    f.add(f"len={min(len(toks) // 5, 8)}")
    if _NUMBER.search(low):
        f.add("number")
    if "%" in low or "percent" in low:
        f.add("percent")
    if _COMPARATIVE.search(low):
        f.add("comparative")
    return sorted(f)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Model | None:
    """The shipped model (or the one at `path`), read once per process; None when absent."""
    p = model_path(MODEL_FILE, path)
    if p is None:
        return None
    with np.load(p, allow_pickle=False) as z:
        names = unpack_names(z["names"])
        settings = z["settings"].astype(np.float64).tolist()
        return Model(dict(zip(names, z["weights"].astype(np.float64).tolist(), strict=True)), settings[0])


def score(text: str, model: Model | None = None) -> float | None:
    """The probability-like check-worthiness of one sentence, or None without a model."""
    model = model or load_model()
    if model is None:
        return None
    z = model.bias + sum(model.weights.get(f, 0.0) for f in features(text))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def rank_statements(statements: Iterable[Statement], model: Model | None = None) -> list[tuple[Statement, float]]:
    """The statements found in the body, most check-worthy first."""
    model = model or load_model()
    if model is None:
        return []
    scored = [(st, score(st.content, model) or 0.0) for st in statements if st.span is not None and st.content]
    return sorted(scored, key=lambda x: -x[1])
