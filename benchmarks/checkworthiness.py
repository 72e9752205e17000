"""Check-worthiness ranking: the shipped model on held-out CLEF 2020 CheckThat! Task 5 transcripts.

Data: `../shared/data/checkworthiness/clef2020-task5-en-debates` (see the PROVENANCE.md beside it).
Its official test transcripts are not there, so the 10 latest training transcripts are held out
(`checkworthy_train.split`, 2017-03-15 to 2018-11-12) and never trained on. Figures: MAP (the lab's
official measure: average precision per transcript, averaged), and R-precision and P@10 averaged
the same way, beside a random ranking's expected MAP (the share of positives per transcript).

For scale (from PROVENANCE, on other transcripts): CLEF 2020 Task 5 best MAP about 0.087, CLEF 2019
Task 1 best 0.166, CLEF 2018 best 0.18.

Usage: python -m benchmarks.checkworthiness
"""

from __future__ import annotations

from benchmarks._shared import missing_message, shared_path
from wirewatch.assess.checkworthy import load_model, score
from wirewatch.assess.checkworthy_train import average_precision, load_transcripts, split

TASK5 = ("data", "checkworthiness", "clef2020-task5-en-debates")


def _precision_at(labels: list[int], scores: list[float], k: int) -> float:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
    return sum(labels[i] for i in order) / k if k else 0.0


def measure(limit: int | None = None) -> dict:
    root = shared_path(*TASK5)
    if root is None:
        return {"skipped": missing_message(*TASK5)}
    model = load_model()
    if model is None:
        return {"skipped": "skipped: the check-worthiness model is not installed (wirewatch/data/checkworthy.npz)"}
    _, held = split(load_transcripts(root))
    held = held[:limit]
    aps, rps, p10s, rand = [], [], [], []
    for t in held:
        labels = list(t.labels)
        scores = [score(s, model) or 0.0 for s in t.sentences]
        n_pos = sum(labels)
        if not n_pos:
            continue
        aps.append(average_precision(labels, scores))
        rps.append(_precision_at(labels, scores, n_pos))
        p10s.append(_precision_at(labels, scores, 10))
        rand.append(n_pos / len(labels))
    n = max(len(aps), 1)
    return {
        "transcripts": len(aps),
        "map": sum(aps) / n,
        "r_precision": sum(rps) / n,
        "p_at_10": sum(p10s) / n,
        "random_map": sum(rand) / n,
    }


def main() -> None:
    res = measure()
    if "skipped" in res:
        print(res["skipped"])
        return
    print(f"held-out CLEF 2020 Task 5 transcripts: {res['transcripts']}")
    print(f"{'MAP':<14}{res['map']:.3f}   (random ranking {res['random_map']:.3f})")
    print(f"{'R-precision':<14}{res['r_precision']:.3f}")
    print(f"{'P@10':<14}{res['p_at_10']:.3f}")


if __name__ == "__main__":
    main()
