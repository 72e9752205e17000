"""Relays: does each page that relays a claim name its original speaker, and does a headline that
asserts what its body only attributes get `headline_overstates`?

The pages are written for this project (`benchmarks/relays/`): short news pages that retell one
claim the ways agencies and outlets do ("..., the head of X, Y, said", "citing Y, the agency
reported", "Y was quoted by Z as saying", "the statement added", "according to Y, who heads ...",
a pronoun, a description of the institution by its country). They stand in for the real relay
pages the issue's goals are measured on (original speaker among each English relay's statements,
goal >= 0.90; `headline_overstates`, goal F1 >= 0.85), which this repository does not have. The
extractor's fixes were made while reading these pages' misses, so their figures are a development
measure: a regression check, not an estimate of the real ones.

    .venv/bin/python benchmarks/relays.py [--show]

`pages.jsonl`: per page, `speakers` (any of them, found in a statement's speaker or role, or for an
unnamed source in the words that describe it, counts) and `content` (words every such statement's
content must hold; none: any statement). A page is found when one statement in its body meets both. `headlines.jsonl`: a headline over one of the two
bodies of `bodies.json` (one attributes the claim, one asserts it in the outlet's voice) and whether
it overstates. Printed beside the do-nothing baseline that flags every headline.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from wirewatch import analyze_text  # noqa: E402

DATA = Path(__file__).parent / "relays"


def found(article, speakers: list[str], content: list[str]) -> bool:
    """Whether a statement of the body names one of `speakers` (in its speaker or role, or for an
    unnamed source, in the words that describe it: "officials familiar with the matter") and holds
    every word of `content`."""
    for s in article.extracted.statements if article.extracted else ():
        unnamed = s.source_text if s.sourcing in ("anonymous", "vague") and not s.speaker else ""
        who = f"{s.speaker or ''} {s.speaker_role or ''} {unnamed or ''}".lower()
        if s.span is not None and any(x.lower() in who for x in speakers) and all(w in s.content for w in content):
            return True
    return False


def measure_pages(show: bool) -> dict[str, tuple[int, int]]:
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for line in (DATA / "pages.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        article = analyze_text(case["text"], until="extract")
        ok = found(article, case["speakers"], case["content"])
        total[case["set"]] += 1
        hits[case["set"]] += ok
        if show and not ok:
            print(f"MISS [{case['set']}] {case['text'].strip().splitlines()[-1][:120]}")
            for s in article.extracted.statements if article.extracted else ():
                print(f"    {s.speaker!r} ({s.sourcing}) {s.cue!r}: {s.content[:70]}")
    return {k: (hits[k], total[k]) for k in total}


def measure_headlines(show: bool) -> dict[str, float]:
    bodies = json.loads((DATA / "bodies.json").read_text(encoding="utf-8"))
    tp = fp = fn = positives = n = 0
    for line in (DATA / "headlines.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        article = analyze_text(case["title"] + "\n\n" + bodies[case["body"]], until="assess")
        flagged = any(s.kind == "headline_overstates" for s in article.signals)
        n += 1
        positives += case["overstates"]
        tp += flagged and case["overstates"]
        fp += flagged and not case["overstates"]
        fn += case["overstates"] and not flagged
        if show and flagged != case["overstates"]:
            print(f"{'FALSE FLAG' if flagged else 'MISSED'}: {case['title']} ({case['body']} body)")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    base_p = positives / n if n else 0.0
    return {"n": n, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "baseline_f1": 2 * base_p / (base_p + 1) if base_p else 0.0}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print every miss")
    args = ap.parse_args(argv)
    pages = measure_pages(args.show)
    print(f"{'relay set':<14}{'original speaker found':>24}")
    for name, (hit, total) in pages.items():
        print(f"{name:<14}{hit:>16} / {total:<4}{hit / total:>6.2f}")
    hit, total = sum(h for h, _ in pages.values()), sum(t for _, t in pages.values())
    print(f"{'all':<14}{hit:>16} / {total:<4}{hit / total:>6.2f}   (goal on real relays: 0.90)")
    h = measure_headlines(args.show)
    print(f"\nheadline_overstates on {h['n']} headlines: P {h['precision']:.3f}  R {h['recall']:.3f}  "
          f"F1 {h['f1']:.3f}   (flag-every-headline baseline F1 {h['baseline_f1']:.3f}; goal on real pages: 0.85)")


if __name__ == "__main__":
    main()
