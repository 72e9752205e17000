"""The line model of the flattened-text cleaner: how likely each line of a page is article text.

The rule cascade in `flat.py` labels lines one at a time and finds the densest run of prose; what
it cannot weigh is everything together: a short line between two paragraphs is a subheading, the
same short line among twenty others is a menu, a sentence under the comment count is a comment.
This model weighs them: for every line, its own shape (length, sentence end, stop words, capitals,
digits, separators), what the rules said of it (label, reason, inside the run, kept), where it sits
(in the page, against the run, against the headline, against the page's prose mass) and the same of
its neighbours. Gradient-boosted trees (scikit-learn, `line_train.py`) are stored as flat arrays in
`wirewatch/data/line_model.npz` and walked here with numpy alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from wirewatch.assess.weights import model_path, pack_names, unpack_names
from wirewatch.clean import lines as L

MODEL_FILE = "line_model.npz"

# Reasons the rules give for a `bad` line, each its own feature.
WHYS = (
    "no words", "page furniture", "call to action", "site-wide notice (cookies, forms, disclosures)",
    "repeated on many pages of this outlet", "date line", "byline", "author or outlet box",
)
_SEPARATOR = re.compile(r"\s[|›»/•·]\s|\s>\s")
_BULLET = re.compile(r"^\s*([-*•·–—]|\d{1,3}[.)])\s")
_LINKISH = re.compile(r"https?://|www\.|\S@\S|@\w")
_SENTENCE_INSIDE = re.compile(r"[.!?][\"'’”)]?\s+[A-Z\"“‘(]")


@dataclass(frozen=True, slots=True)
class LineFacts:
    """What the rule cascade found out about one line of the page."""

    text: str
    label: str  # good | short | bad
    why: str
    in_run: bool  # inside the densest run of prose
    rule_kept: bool  # kept by the rules alone
    is_title: bool  # the chosen headline or a copy of it


def _own(f: LineFacts, stops: frozenset[str], repeats: int) -> list[float]:
    """A line's own shape and what the rules said of it."""
    t = f.text.strip()
    ws = L.words(t)
    n = len(ws)
    letters = [w for w in ws if w[:1].isalpha()]
    caps = sum(w[:1].isupper() for w in letters) / len(letters) if letters else 0.0
    digits = sum(w.isdigit() for w in ws) / n if n else 0.0
    punct = sum(not (c.isalnum() or c.isspace()) for c in t) / max(len(t), 1)
    end = t[-1:] if t else ""
    return [
        math.log1p(n),
        math.log1p(len(t)),
        float(L.ends_sentence(t)),
        float(end == "."),
        float(end == ":"),
        float(end == "?" or end == "!"),
        L.stop_word_share(ws, stops) if stops else -1.0,
        caps,
        digits,
        sum(map(len, ws)) / n if n else 0.0,
        punct,
        t.count(",") / max(n, 1),
        float(len(_SENTENCE_INSIDE.findall(t))),
        float(bool(t[:1].islower())),
        float(t.isupper() and n > 0),
        float(bool(_BULLET.match(t))),
        float(len(_SEPARATOR.findall(t))),
        float(bool(_LINKISH.search(t))),
        float(any(q in t for q in "\"“”«»")),
        math.log1p(repeats - 1),
        float(f.label == "good"),
        float(f.label == "bad"),
        *(float(f.why == w) for w in WHYS),
        float(f.in_run),
        float(f.rule_kept),
        float(f.is_title),
    ]


OWN_NAMES = (
    "log_words", "log_chars", "ends_sentence", "ends_period", "ends_colon", "ends_question",
    "stop_share", "capitalised", "digits", "word_length", "punctuation", "commas_per_word",
    "inner_sentence_starts", "starts_lower", "all_caps", "bullet", "separators", "link_like",
    "quotes", "log_repeats", "good", "bad", *(f"why:{w}" for w in WHYS), "in_run", "rule_kept",
    "is_title",
)
# Of a neighbour, only what tells its kind: length, prose or chrome, kept by the rules.
_NEIGHBOUR = ("log_words", "ends_sentence", "stop_share", "good", "bad", "rule_kept", "separators")
_NEIGHBOUR_AT = tuple(OWN_NAMES.index(n) for n in _NEIGHBOUR)
_OFFSETS = (-3, -2, -1, 1, 2, 3)
_WINDOWS = (3, 10)
PLACE_NAMES = (
    "position", "log_lines", "after_title", "log_from_title", "prose_words_above", "prose_words_below",
    "log_from_run_start", "log_to_run_end", "log_to_good_above", "log_to_good_below",
    "log_streak", "streak_position", "chrome_from_centre", "title_overlap",
)
FEATURE_NAMES = (
    OWN_NAMES
    + tuple(f"n{o:+d}:{n}" for o in _OFFSETS for n in _NEIGHBOUR)
    + tuple(f"w{w}:{n}" for w in _WINDOWS for n in ("good", "bad", "log_words", "rule_kept"))
    + PLACE_NAMES
)


def features(facts: Sequence[LineFacts], stops: frozenset[str]) -> np.ndarray:
    """One row of FEATURE_NAMES per line."""
    n = len(facts)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    counts = Counter(L.normalise_line(f.text) for f in facts)
    own = np.array([_own(f, stops, counts[L.normalise_line(f.text)]) for f in facts], dtype=np.float32)

    # Neighbours; past the page's edge a neighbour is an empty line.
    edge = np.zeros(len(_NEIGHBOUR), dtype=np.float32)
    edge[_NEIGHBOUR.index("stop_share")] = -1.0
    cols = [own]
    for o in _OFFSETS:
        block = np.tile(edge, (n, 1))
        src = own[:, _NEIGHBOUR_AT]
        if o < 0:
            block[-o:] = src[: n + o]
        else:
            block[: n - o] = src[o:]
        cols.append(block)

    # Window means: how much prose and chrome surrounds the line.
    wanted = [OWN_NAMES.index(x) for x in ("good", "bad", "log_words", "rule_kept")]
    padded = np.vstack([np.zeros((max(_WINDOWS), len(wanted)), np.float32), own[:, wanted],
                        np.zeros((max(_WINDOWS), len(wanted)), np.float32)])
    csum = np.vstack([np.zeros((1, len(wanted)), np.float32), np.cumsum(padded, axis=0)])
    for w in _WINDOWS:
        lo = np.arange(n) + max(_WINDOWS) - w
        hi = np.arange(n) + max(_WINDOWS) + w + 1
        cols.append((csum[hi] - csum[lo]) / (2 * w + 1))

    cols.append(_place(facts, own))
    return np.hstack(cols).astype(np.float32)


def _place(facts: Sequence[LineFacts], own: np.ndarray) -> np.ndarray:
    """Where each line sits: in the page, after the headline, against the page's prose and run."""
    n = len(facts)
    titles = [k for k, f in enumerate(facts) if f.is_title]
    title = titles[0] if titles else -1
    good = own[:, OWN_NAMES.index("good")]
    prose = good * np.expm1(own[:, 0])  # the words of prose lines
    total = max(float(prose.sum()), 1.0)
    above = (np.cumsum(prose) - prose) / total
    below = 1.0 - above - prose / total
    run = [k for k, f in enumerate(facts) if f.in_run]
    run_start, run_end = (run[0], run[-1]) if run else (n, -1)
    good_at = np.flatnonzero(good > 0)

    # Streaks of lines that are not prose: five list items between paragraphs, or fifty menu links.
    streak_start = np.zeros(n, dtype=int)
    streak_len = np.zeros(n, dtype=int)
    k = 0
    while k < n:
        j = k
        while j < n and not good[j]:
            j += 1
        streak_start[k:j], streak_len[k:j] = k, j - k
        k = max(j, k + 1)
    # Chrome crossed on the way from the middle of the page's prose: related links and comments sit
    # past a "Related" or "Comments" line, the article's own short lines do not.
    centre = int(np.searchsorted(above + prose / total, 0.5)) if prose.any() else n // 2
    chrome = np.cumsum(own[:, OWN_NAMES.index("bad")])
    title_words = {w.lower() for w in L.words(facts[title].text)} if title >= 0 else set()

    def overlap(text: str) -> float:
        ws = [w.lower() for w in L.words(text)]
        return sum(w in title_words for w in ws) / len(ws) if ws and title_words else 0.0

    def gap(k: int, side: int) -> float:
        if side < 0:
            prev = good_at[good_at < k]
            return math.log1p(k - prev[-1]) if len(prev) else 8.0
        nxt = good_at[good_at > k]
        return math.log1p(nxt[0] - k) if len(nxt) else 8.0

    rows = [
        [
            k / max(n - 1, 1),
            math.log1p(n),
            float(title >= 0 and k > title),
            math.copysign(math.log1p(abs(k - title)), k - title) if title >= 0 else 0.0,
            above[k],
            below[k],
            math.copysign(math.log1p(abs(k - run_start)), k - run_start),
            math.copysign(math.log1p(abs(run_end - k)), run_end - k),
            gap(k, -1),
            gap(k, 1),
            math.log1p(streak_len[k]),
            (k - streak_start[k]) / max(streak_len[k] - 1, 1) if streak_len[k] else 0.0,
            math.copysign(math.log1p(abs(float(chrome[k] - chrome[min(centre, n - 1)]))), k - centre),
            overlap(facts[k].text),
        ]
        for k in range(n)
    ]
    return np.array(rows, dtype=np.float32).reshape(n, len(PLACE_NAMES))


# --- the stored model -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Forest:
    """Boosted trees as flat arrays: node k splits on `feature[k]` at `threshold[k]` (x <= threshold
    goes to `left[k]`), or is a leaf worth `value[k]`; `roots` are the trees' first nodes."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    leaf: np.ndarray
    roots: np.ndarray
    baseline: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """P(article text) of each row of `x`; every tree walked at once, one level per step."""
        node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        rows = np.arange(len(x))[:, None]
        while True:
            inner = ~self.leaf[node]
            if not inner.any():
                break
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(inner, np.where(go_left, self.left[node], self.right[node]), node)
        raw = self.baseline + self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {
            f"{prefix}feature": self.feature.astype(np.int16), f"{prefix}threshold": self.threshold,
            f"{prefix}left": self.left.astype(np.int32), f"{prefix}right": self.right.astype(np.int32),
            f"{prefix}value": self.value.astype(np.float32), f"{prefix}leaf": self.leaf.astype(bool),
            f"{prefix}roots": self.roots.astype(np.int32), f"{prefix}baseline": np.float64(self.baseline),
        }

    @classmethod
    def from_arrays(cls, z, prefix: str) -> Forest:
        return cls(
            z[f"{prefix}feature"].astype(np.int64), z[f"{prefix}threshold"].astype(np.float64),
            z[f"{prefix}left"].astype(np.int64), z[f"{prefix}right"].astype(np.int64),
            z[f"{prefix}value"].astype(np.float64), z[f"{prefix}leaf"].astype(bool),
            z[f"{prefix}roots"].astype(np.int64), float(z[f"{prefix}baseline"]),
        )


@dataclass(frozen=True, slots=True)
class LineModel:
    forest: Forest
    cutoff: float  # the probability from which a line is kept

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return self.forest.probabilities(x) if len(x) else np.zeros(0)

    def keeps(self, x: np.ndarray) -> np.ndarray:
        return self.probabilities(x) >= self.cutoff

    def save(self, path) -> None:
        np.savez_compressed(
            path, names=pack_names(list(FEATURE_NAMES)), cutoff=np.float64(self.cutoff), **self.forest.arrays("")
        )


@lru_cache(maxsize=2)
def load_line_model(path: str | None = None) -> LineModel | None:
    """The shipped model (or the one at `path`); None where there is none or it was built for other
    features (the rules then work alone)."""
    p = model_path(MODEL_FILE, path)
    if p is None:
        return None
    with np.load(p) as z:
        if tuple(unpack_names(z["names"])) != FEATURE_NAMES:
            return None
        return LineModel(Forest.from_arrays(z, ""), float(z["cutoff"]))
