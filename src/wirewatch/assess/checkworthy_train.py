"""Training and scoring the check-worthiness model (CLEF 2020 CheckThat! Task 5, English).

    python -m wirewatch.assess.checkworthy_train [TASK5_DIR] [--out FILE]

Needs scikit-learn (the `dev` extra). The data: 50 transcripts of debates and speeches, one
sentence a line, label 1 where fact-checkers checked the sentence. The split is by date, like the
lab's own: the 10 latest transcripts (`HELD_OUT`, from 2017-03-15 on) are held out and scored by
`benchmarks/checkworthiness.py`; the model is fitted on the 40 earlier ones. The metric is the
lab's: average precision of the ranking of each transcript's sentences, averaged over transcripts
(MAP).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from wirewatch.assess.checkworthy import MODEL_FILE, Model, features
from wirewatch.assess.weights import pack_names

HELD_OUT = 10


@dataclass(frozen=True, slots=True)
class Transcript:
    name: str
    sentences: tuple[str, ...]
    labels: tuple[int, ...]


def load_transcripts(root: Path) -> list[Transcript]:
    """Every transcript under `root/train`, in name (date) order."""
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


def train(transcripts: Sequence[Transcript], *, c: float = 0.5, keep: float = 0.01) -> Model:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [{f: 1 for f in features(s)} for t in transcripts for s in t.sentences]
    y = [label for t in transcripts for label in t.labels]
    vec = DictVectorizer()
    x = vec.fit_transform(rows).tocsr()
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    clf = LogisticRegression(C=c, solver="liblinear", class_weight="balanced")
    clf.fit(x, y)
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
    default = Path(__file__).resolve().parents[3].parent / "shared/data/checkworthiness/clef2020-task5-en-debates"
    ap.add_argument("task5", nargs="?", default=str(default))
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "data" / MODEL_FILE))
    ap.add_argument("--c", type=float, default=0.5)
    a = ap.parse_args(argv)
    root = Path(a.task5)
    if not (root / "train").is_dir():
        print(f"no CLEF 2020 Task 5 data at {root}", file=sys.stderr)
        return 2
    fit, _ = split(load_transcripts(root))
    model = train(fit, c=a.c)
    save(model, Path(a.out))
    print(f"trained on {len(fit)} transcripts: {len(model.weights)} features; wrote {a.out} ({Path(a.out).stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
