"""Training and scoring the check-worthiness model on the three English sets in `checkworthiness/`.

    python -m wirewatch.assess.checkworthy_train [DATA_DIR] [--out FILE]

Needs scikit-learn (the `dev` extra). `DATA_DIR` (default `../shared/data/checkworthiness`) holds:

- `clef2020-task5-en-debates`: 50 transcripts of debates and speeches, one sentence a line, label 1
  where fact-checkers checked the sentence. Split by date, like the lab's own: the 10 latest
  transcripts (`HELD_OUT`, from 2017-03-15 on) are held out.
- `clef2020-task1-en-tweets`: COVID-19 tweets, label 1 where annotators judged the tweet worth
  checking; the organisers' training and dev files, the dev file held out.
- `claimbuster`: sentences of US presidential debates, label 1 for a check-worthy factual sentence.
  `train.json` and `kfold_25ncs.json` share most sentences, so they are pooled (each text once) and
  split by sentence id: ids divisible by 5 are held out.

Each set answers a different question (was it checked; should it be; is it a checkable claim of
fact), and wirewatch's statements are none of these texts (news, in the voice of named sources), so
one model learns from all three, each weighing the same in the fit, its two classes balanced within
it (C 1.0). Against the model shipped before, fitted on Task 5 alone (`python -m
benchmarks.checkworthiness`, the held-out parts): Task 5 MAP 0.105 both (R-precision 0.050 -> 0.071);
Task 1 dev MAP 0.481 -> 0.703; ClaimBuster F1 0.122 -> 0.710 at 0.5 (its scores ran low), average
precision 0.483 -> 0.796. The shipped model is fitted on the training parts only.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from wirewatch.assess.checkworthy import MODEL_FILE, Model, features
from wirewatch.assess.weights import pack_names

HELD_OUT = 10
TASK5 = "clef2020-task5-en-debates"
TASK1 = "clef2020-task1-en-tweets"
CLAIMBUSTER = "claimbuster"


@dataclass(frozen=True, slots=True)
class Transcript:
    """A ranked unit: a debate's sentences (Task 5), the tweets of a dev set, held-out sentences."""

    name: str
    sentences: tuple[str, ...]
    labels: tuple[int, ...]


def load_transcripts(root: Path) -> list[Transcript]:
    """Every Task 5 transcript under `root/train`, in name (date) order."""
    out = []
    for path in sorted((root / "train").glob("*.tsv")):
        sents, labels = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4 and parts[3].strip() in ("0", "1"):
                sents.append(parts[2])
                labels.append(int(parts[3]))
        out.append(Transcript(path.stem, tuple(sents), tuple(labels)))
    return out


def split(transcripts: Sequence[Transcript]) -> tuple[list[Transcript], list[Transcript]]:
    """(train, held out): the latest `HELD_OUT` transcripts are held out."""
    return list(transcripts[:-HELD_OUT]), list(transcripts[-HELD_OUT:])


def load_tweets(root: Path, name: str) -> Transcript:
    """One of Task 1's files (`training_v2.tsv`, `dev_v2.tsv`) as one ranking."""
    with open(root / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return Transcript(name, tuple(r["tweet_text"] for r in rows), tuple(int(r["check_worthiness"]) for r in rows))


def load_claimbuster(root: Path) -> tuple[Transcript, Transcript]:
    """(train, held out) of the pooled ClaimBuster sentences, split by sentence id."""
    pooled: dict[str, tuple[int, int]] = {}
    for name in ("train.json", "kfold_25ncs.json"):
        path = root / name
        if path.is_file():
            for item in json.loads(path.read_text(encoding="utf-8")):
                pooled.setdefault(item["text"], (int(item["sentence_id"]), int(item["label"])))
    parts: tuple[list[tuple[str, int]], list[tuple[str, int]]] = ([], [])
    for text, (sid, label) in pooled.items():
        parts[sid % 5 == 0].append((text, label))
    train, held = (Transcript(f"claimbuster-{k}", tuple(t for t, _ in p), tuple(lab for _, lab in p))
                   for k, p in zip(("train", "held-out"), parts, strict=True))
    return train, held


@dataclass(frozen=True, slots=True)
class Sets:
    """The training part of each set, and what is held out for the benchmark."""

    train: dict[str, list[Transcript]]
    task5_held: list[Transcript]
    task1_dev: Transcript | None
    claimbuster_held: Transcript | None


def load_sets(data: Path) -> Sets:
    """Whichever of the three sets are under `data`."""
    train: dict[str, list[Transcript]] = {}
    task5_held: list[Transcript] = []
    task1_dev = claimbuster_held = None
    if (data / TASK5 / "train").is_dir():
        train[TASK5], task5_held = split(load_transcripts(data / TASK5))
    if (data / TASK1 / "dev_v2.tsv").is_file():
        train[TASK1] = [load_tweets(data / TASK1, "training_v2.tsv")]
        task1_dev = load_tweets(data / TASK1, "dev_v2.tsv")
    if (data / CLAIMBUSTER).is_dir():
        cb_train, claimbuster_held = load_claimbuster(data / CLAIMBUSTER)
        train[CLAIMBUSTER] = [cb_train]
    return Sets(train, task5_held, task1_dev, claimbuster_held)


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Average precision of ranking by `scores` (ties broken by order); 0 with no positive."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def train(sets: dict[str, Sequence[Transcript]], *, c: float = 1.0, keep: float = 0.01) -> Model:
    """One logistic regression over every set, each set weighing the same, its classes balanced."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, y, weights = [], [], []
    for units in sets.values():
        labels = [label for t in units for label in t.labels]
        positives = sum(labels)
        class_weight = {1: 0.5 / max(positives, 1), 0: 0.5 / max(len(labels) - positives, 1)}
        for t in units:
            for sentence, label in zip(t.sentences, t.labels, strict=True):
                rows.append(dict.fromkeys(features(sentence), 1))
                y.append(label)
                weights.append(1000 * class_weight[label])  # liblinear's C is per unit of weight
    vec = DictVectorizer()
    x = vec.fit_transform(rows).tocsr()
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    clf = LogisticRegression(C=c, solver="liblinear")
    clf.fit(x, y, sample_weight=weights)
    w = clf.coef_[0]
    names = vec.get_feature_names_out()
    kept = np.abs(w) >= keep
    return Model(dict(zip(names[kept].tolist(), w[kept].tolist(), strict=True)), float(clf.intercept_[0]))


def save(model: Model, path: Path) -> None:
    names = list(model.weights)
    np.savez_compressed(
        path,
        names=pack_names(names),
        weights=np.array([model.weights[n] for n in names], dtype=np.float16),
        settings=np.array([model.bias]),
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[3].parent / "shared/data/checkworthiness"
    ap.add_argument("data", nargs="?", default=str(default))
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "data" / MODEL_FILE))
    ap.add_argument("--c", type=float, default=1.0)
    a = ap.parse_args(argv)
    sets = load_sets(Path(a.data))
    if not sets.train:
        print(f"no check-worthiness data at {a.data}", file=sys.stderr)
        return 2
    model = train(sets.train, c=a.c)
    save(model, Path(a.out))
    sizes = ", ".join(f"{name} {sum(len(t.labels) for t in units):,}" for name, units in sets.train.items())
    print(f"trained on {sizes}: {len(model.weights)} features; wrote {a.out} ({Path(a.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
