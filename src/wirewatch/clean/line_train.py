"""Training the line model (`line_model.py`) on the train part of WCXB dev, flattened.

    python -m wirewatch.clean.line_train [WCXB_DEV_DIR] [--out FILE] [--limit N]

Needs scikit-learn (the `dev` extra); the shipped model needs only numpy at run time. WCXB_DEV_DIR
defaults to ../shared/data/extraction/wcxb/dev (CC-BY-4.0, "WCXB, Murrough Foley 2026"). WCXB's
test split is not here, so dev is split by site: a page whose host hashes into the held-out third
(`is_held_out`) is never read by this trainer, and is what the flattened-text figures are reported
on (`python -m benchmarks.extraction --flat-only --held-out`).

Every page is flattened as the benchmark flattens it (`clean.html.visible_text`), read by the rule
cascade (`flat.line_facts`), and each line labelled article text or not by the gold main text
(`line_gold.GoldIndex`, the benchmark's own rule). Gradient-boosted trees (scikit-learn's
HistGradientBoostingClassifier) learn the label, each line weighed by its length in words, since
the score is word F1 and a dropped paragraph costs more than a dropped heading. The cutoff is chosen
on out-of-fold probabilities (5 folds by page): the one with the best mean page word F1 among those
that keep at most MAX_NONBODY_KEPT of the non-article lines. The shipped model is then refitted on
every train page.

Shipped: 508 train pages (118,015 lines), 200 trees of 31 leaves, cutoff 0.6 (out-of-fold word F1
0.9116, non-article lines kept 0.093), 0.1 MB; about 7 minutes on two busy cores. On the 285
held-out pages: word F1 0.9082 and 0.066 of non-article lines kept, where the rules alone give
0.8905 and 0.078 (keeping every line: 0.7901).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
import zlib
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from wirewatch.clean.flat import line_facts
from wirewatch.clean.html import parse_html, visible_text
from wirewatch.clean.line_gold import GoldIndex, tokens
from wirewatch.clean.line_model import (
    FEATURE_NAMES,
    MODEL_FILE,
    Forest,
    LineModel,
    features,
)
from wirewatch.ingest.decode import decode

DEFAULT_DIR = Path("../shared/data/extraction/wcxb/dev")
# The goal the cutoff serves: at most this share of a page's non-article lines left in the body.
MAX_NONBODY_KEPT = 0.095
TREES = 200
LEAVES = 31
LEARNING_RATE = 0.1
FOLDS = 5


def is_held_out(url: str | None, page_id: str = "") -> bool:
    """Whether a WCXB page belongs to the held-out third, by its site (so no site is in both parts)."""
    host = (urlparse(url).hostname or "") if url else ""
    key = host.removeprefix("www.") or page_id
    return zlib.crc32(key.encode("utf-8")) % 3 == 0


class Page:
    """One train page: its lines' features, labels, word counts, and what word F1 needs."""

    def __init__(self, page_id: str, url: str | None, html: bytes, gold: str) -> None:
        flat = visible_text(tree) if (tree := parse_html(decode(html, "page").text)) is not None else ""
        facts, stops = line_facts(flat, url=url)
        index = GoldIndex(gold)
        self.id = page_id
        self.x = features(facts, stops)
        self.y = np.array([index.contains(f.text) for f in facts], dtype=bool)
        self.title = np.array([f.is_title for f in facts], dtype=bool)
        self.line_tokens = [Counter(tokens(f.text)) for f in facts]
        self.gold = Counter(tokens(gold))


def train_pages(root: Path, limit: int | None = None) -> list[Page]:
    pages = []
    for gt_file in sorted((root / "ground-truth").glob("*.json")):
        gt = json.loads(gt_file.read_text(encoding="utf-8"))
        if is_held_out(gt.get("url"), gt_file.stem):
            continue
        html = gzip.decompress((root / "html" / f"{gt_file.stem}.html.gz").read_bytes())
        pages.append(Page(gt_file.stem, gt.get("url"), html, gt["ground_truth"].get("main_content") or ""))
        if limit and len(pages) >= limit:
            break
    return pages


def _stack(pages: list[Page], xs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features (`xs`, one matrix per page), labels and weights of every line of the pages that can
    teach (`_alignable`). A line weighs its length in words, and a page the square root of its
    words: the score is a mean over pages, so one long forum page must not outweigh ten short
    articles, while non-article lines are counted over all pages (out of fold on the train pages,
    at the same share of non-article lines kept: F1 0.9134 with the square root, 0.9125 with pages
    weighed alike, 0.9114 with words alone)."""
    chosen = [(p, x) for p, x in zip(pages, xs, strict=True) if _alignable(p)]
    weights = []
    for p, _ in chosen:
        w = 1.0 + np.expm1(p.x[:, FEATURE_NAMES.index("log_words")])
        weights.append(w * (100.0 / w.sum()) ** 0.5)
    return (
        np.vstack([x for _, x in chosen]), np.concatenate([p.y for p, _ in chosen]), np.concatenate(weights)
    )


# A page whose gold the flattened lines cannot rebuild (an empty gold, text the flattening lost or
# merged into other lines) labels its article prose as not article text; WCXB dev has 29 whose
# gold lines give a word F1 under this.
MIN_ALIGNED_F1 = 0.8


def _alignable(page: Page) -> bool:
    return bool(page.y.any()) and scores([page], [page.y.astype(float)], 0.5)[0] >= MIN_ALIGNED_F1


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Forest:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    model = HistGradientBoostingClassifier(
        max_iter=TREES, max_leaf_nodes=LEAVES, learning_rate=LEARNING_RATE, l2_regularization=1.0,
        early_stopping=False, random_state=0,
    )
    # One thread: OpenMP's waiting threads make a fit many times slower on a shared, busy machine.
    with threadpool_limits(1):
        model.fit(x, y, sample_weight=w)
    return forest_arrays(model)


def forest_arrays(model) -> Forest:
    """The fitted trees as flat arrays (see `line_model.Forest`)."""
    feature, threshold, left, right, value, leaf, roots = [], [], [], [], [], [], []
    for (tree,) in model._predictors:
        nodes = tree.nodes
        base = len(feature)
        roots.append(base)
        feature.extend(nodes["feature_idx"])
        threshold.extend(nodes["num_threshold"])
        left.extend(nodes["left"] + base)
        right.extend(nodes["right"] + base)
        value.extend(nodes["value"])
        leaf.extend(nodes["is_leaf"])
    return Forest(
        np.array(feature, np.int64), np.array(threshold, np.float64), np.array(left, np.int64),
        np.array(right, np.int64), np.array(value, np.float64), np.array(leaf, bool),
        np.array(roots, np.int64), float(model._baseline_prediction.ravel()[0]),
    )


def _word_f1(kept: Counter, gold: Counter) -> float:
    if not gold:
        return 0.0 if kept else 1.0
    overlap = sum((kept & gold).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(kept.values()), overlap / sum(gold.values())
    return 2 * p * r / (p + r)


def scores(pages: list[Page], probs: list[np.ndarray], cutoff: float) -> tuple[float, float]:
    """Mean page word F1 and share of non-article lines kept, at `cutoff` (the headline left out,
    as the cleaner leaves it out of the body)."""
    f1 = 0.0
    nb_kept = nb = 0
    for page, p in zip(pages, probs, strict=True):
        keep = (p >= cutoff) & ~page.title
        kept: Counter = Counter()
        for k in np.flatnonzero(keep):
            kept.update(page.line_tokens[k])
        f1 += _word_f1(kept, page.gold)
        nb_kept += int((keep & ~page.y).sum())
        nb += int((~page.y).sum())
    return f1 / max(len(pages), 1), nb_kept / max(nb, 1)


def _folds(pages: list[Page]) -> np.ndarray:
    return np.array([zlib.crc32(p.id.encode()) % FOLDS for p in pages])


def out_of_fold(pages: list[Page], xs: list[np.ndarray]) -> list[np.ndarray]:
    """Each page's probabilities from a model fitted on the other folds' pages (features `xs`)."""
    folds = _folds(pages)
    probs: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for k in range(FOLDS):
        train = [(p, x) for p, x, f in zip(pages, xs, folds, strict=True) if f != k]
        forest = _fit(*_stack([p for p, _ in train], [x for _, x in train]))
        for i in np.flatnonzero(folds == k):
            probs[i] = forest.probabilities(xs[i])
    return probs


def choose_cutoff(pages: list[Page], probs: list[np.ndarray]) -> tuple[float, float, float]:
    """(cutoff, F1, non-article share kept) with the best F1 within MAX_NONBODY_KEPT."""
    best = (0.5, *scores(pages, probs, 0.5))
    for cutoff in np.arange(0.1, 0.91, 0.05):
        f1, nb = scores(pages, probs, float(cutoff))
        if nb <= MAX_NONBODY_KEPT and (f1 > best[1] or best[2] > MAX_NONBODY_KEPT):
            best = (round(float(cutoff), 2), f1, nb)
    return best


def train(pages: list[Page]) -> tuple[LineModel, float, float]:
    """The model fitted on `pages`, its cutoff chosen out of fold; with the out-of-fold F1 and share
    of non-article lines kept at that cutoff."""
    xs = [p.x for p in pages]
    cutoff, f1, nonbody = choose_cutoff(pages, out_of_fold(pages, xs))
    return LineModel(_fit(*_stack(pages, xs)), cutoff), f1, nonbody


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / MODEL_FILE)
    ap.add_argument("--limit", type=int, default=None, help="first N train pages only")
    args = ap.parse_args(argv)
    t = time.time()
    pages = train_pages(args.root, args.limit)
    lines = sum(len(p.y) for p in pages)
    print(f"{len(pages)} train pages, {lines} lines ({time.time() - t:.0f}s)")
    model, f1, nb = train(pages)
    print(f"cutoff {model.cutoff}: out-of-fold word F1 {f1:.4f}, non-article lines kept {nb:.4f}")
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB, {time.time() - t:.0f}s)")


if __name__ == "__main__":
    main()
