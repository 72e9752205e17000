"""Propaganda spans: the shipped model on the held-out part of the Propaganda Techniques Corpus.

Data: `../shared/data/propaganda/ptc` (SemEval-2020 Task 11, PTC v2; see its PROVENANCE.md). Only
the training articles carry labels there, so a fixed part of them is held out by article id
(`propaganda_train.is_held_out`: ids divisible by 5, 77 of 371) and never trained or tuned on.

Figures, both as SemEval-2020 Task 11 defines them (`propaganda_train.si_score`, `tc_micro_f1`):

- `si`: span identification, precision/recall/F1 with partial credit by character overlap;
- `tc`: technique classification, micro-F1 over the gold spans (boundaries given);
- `ms_per_article`: the finder's CPU time per article (spans and techniques), one process; CPU
  time rather than wall time, so that a busy machine does not move the figure.

For scale: the best SemEval-2020 systems (fine-tuned transformers) reached SI F1 about 0.51 and
TC micro-F1 about 0.62 on the official test set.

Usage: python -m benchmarks.propaganda [--limit N]
"""

from __future__ import annotations

import argparse
import time

from benchmarks._shared import missing_message, shared_path
from wirewatch.assess.propaganda import classify, find_spans, load_model
from wirewatch.assess.propaganda_train import is_held_out, load_ptc, si_score, tc_micro_f1

PTC = ("data", "propaganda", "ptc")


def measure(limit: int | None = None) -> dict:
    """Scores of the shipped model on the first `limit` held-out articles (all 77 by default)."""
    root = shared_path(*PTC)
    if root is None:
        return {"skipped": missing_message(*PTC)}
    model = load_model()
    if model is None:
        return {"skipped": "skipped: the propaganda model is not installed (wirewatch/data/propaganda.npz)"}
    articles = [a for a in load_ptc(root) if is_held_out(a.id)][:limit]
    predicted: dict[str, list[tuple[int, int]]] = {}
    gold_labels: list[str] = []
    predicted_labels: list[str] = []
    spent = 0.0
    for a in articles:
        t0 = time.process_time()
        predicted[a.id] = [(s.start, s.end) for s in find_spans(a.text, model)]
        spent += time.process_time() - t0
        gold_labels += [t for _, _, t in a.labelled]
        predicted_labels += [t for t, _ in classify(model, a.text, [(s, e) for s, e, _ in a.labelled])]
    si = si_score(predicted, {a.id: a.spans for a in articles})
    return {
        "articles": len(articles),
        "si": si,
        "tc": {"micro_f1": tc_micro_f1(gold_labels, predicted_labels), "spans": len(gold_labels)},
        "ms_per_article": 1000 * spent / max(len(articles), 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description="propaganda spans on held-out PTC articles")
    ap.add_argument("--limit", type=int, default=None)
    res = measure(ap.parse_args().limit)
    if "skipped" in res:
        print(res["skipped"])
        return
    si, tc = res["si"], res["tc"]
    print(f"held-out PTC articles: {res['articles']}")
    print(f"{'figure':<28}{'P':>8}{'R':>8}{'F1':>8}")
    print(f"{'span identification (SI)':<28}{si['precision']:8.3f}{si['recall']:8.3f}{si['f1']:8.3f}"
          f"   ({si['predicted']} predicted, {si['gold']} gold spans)")
    print(f"{'technique (TC) micro-F1':<28}{'':>16}{tc['micro_f1']:8.3f}   ({tc['spans']} gold spans)")
    print(f"time: {res['ms_per_article']:.1f} ms CPU per article")


if __name__ == "__main__":
    main()
