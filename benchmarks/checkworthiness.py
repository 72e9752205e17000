"""Check-worthiness ranking: the shipped model on the held-out part of each of its three training sets.

Data: `../shared/data/checkworthiness` (see the PROVENANCE.md there). What is held out
(`checkworthy_train`; never trained on):

- CLEF 2020 CheckThat! Task 5 (debates and speeches): its official test transcripts are not there,
  so the 10 latest training transcripts (2017-03-15 to 2018-11-12). MAP, the lab's official measure
  (average precision per transcript, averaged), with R-precision and P@10 averaged the same way.
- CLEF 2020 CheckThat! Task 1 (COVID-19 tweets): the organisers' dev file, 150 tweets of one topic,
  so its MAP is the average precision of one ranking; also P@10.
- ClaimBuster (debate sentences): the pooled sentences whose id is divisible by 5. F1 of the
  check-worthy class at a score of 0.5, and average precision.

Each beside a random ranking's expected average precision (the share of positives). For scale, the
published figures PROVENANCE records are on the official test sets, not these parts: Task 5 best
MAP about 0.087 (CLEF 2019 Task 1 0.166, CLEF 2018 0.18), Task 1 best MAP about 0.806. For
ClaimBuster it names the paper (Meng et al. 2020, 4-fold cross-validation on kfold_25ncs) but no
figure.

Usage: python -m benchmarks.checkworthiness
"""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks._shared import missing_message, shared_path
from wirewatch.assess.checkworthy import Model, load_model, score
from wirewatch.assess.checkworthy_train import Transcript, average_precision, load_sets

DATA = ("data", "checkworthiness")


def _precision_at(labels: Sequence[int], scores: Sequence[float], k: int) -> float:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])[:k]
    return sum(labels[i] for i in order) / k if k else 0.0


def _ranking(units: Sequence[Transcript], model: Model) -> dict[str, float]:
    """MAP, R-precision, P@10 and a random ranking's MAP over the units that hold a positive."""
    aps, rps, p10s, rand = [], [], [], []
    for t in units:
        labels = list(t.labels)
        n_pos = sum(labels)
        if not n_pos:
            continue
        scores = [score(s, model) or 0.0 for s in t.sentences]
        aps.append(average_precision(labels, scores))
        rps.append(_precision_at(labels, scores, n_pos))
        p10s.append(_precision_at(labels, scores, 10))
        rand.append(n_pos / len(labels))
    n = max(len(aps), 1)
    return {"units": len(aps), "sentences": sum(len(t.labels) for t in units), "map": sum(aps) / n,
            "r_precision": sum(rps) / n, "p_at_10": sum(p10s) / n, "random_map": sum(rand) / n}


def _classified(unit: Transcript, model: Model) -> dict[str, float]:
    scores = [score(s, model) or 0.0 for s in unit.sentences]
    tp = sum(1 for s, y in zip(scores, unit.labels, strict=True) if s >= 0.5 and y)
    fp = sum(1 for s, y in zip(scores, unit.labels, strict=True) if s >= 0.5 and not y)
    fn = sum(1 for s, y in zip(scores, unit.labels, strict=True) if s < 0.5 and y)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"sentences": len(unit.labels), "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "ap": average_precision(unit.labels, scores), "random_ap": sum(unit.labels) / max(len(unit.labels), 1)}


def measure() -> dict:
    root = shared_path(*DATA)
    if root is None:
        return {"skipped": missing_message(*DATA)}
    model = load_model()
    if model is None:
        return {"skipped": "skipped: the check-worthiness model is not installed (wirewatch/data/checkworthy.npz)"}
    sets = load_sets(root)
    out: dict = {}
    if sets.task5_held:
        out["task5"] = _ranking(sets.task5_held, model)
    if sets.task1_dev:
        out["task1_dev"] = _ranking([sets.task1_dev], model)
    if sets.claimbuster_held:
        out["claimbuster"] = _classified(sets.claimbuster_held, model)
    return out


def main() -> None:
    res = measure()
    if "skipped" in res:
        print(res["skipped"])
        return
    if "task5" in res:
        r = res["task5"]
        print(f"CLEF 2020 Task 5, {r['units']} held-out transcripts ({r['sentences']:,} sentences)")
        print(f"  MAP {r['map']:.3f} (random {r['random_map']:.3f}; best on the official test set about 0.087)"
              f"   R-precision {r['r_precision']:.3f}   P@10 {r['p_at_10']:.3f}")
    if "task1_dev" in res:
        r = res["task1_dev"]
        print(f"CLEF 2020 Task 1, dev tweets ({r['sentences']})")
        print(f"  MAP {r['map']:.3f} (random {r['random_map']:.3f}; best on the official test set about 0.806)"
              f"   P@10 {r['p_at_10']:.3f}")
    if "claimbuster" in res:
        r = res["claimbuster"]
        print(f"ClaimBuster, held-out sentences ({r['sentences']:,})")
        print(f"  F1 {r['f1']:.3f} (P {r['precision']:.3f}, R {r['recall']:.3f}, at 0.5)"
              f"   AP {r['ap']:.3f} (random {r['random_ap']:.3f})")


if __name__ == "__main__":
    main()
