"""Entity-level NER F1 on CoNLL-2003 English dev (eng.testa), spaCy alone and after wirewatch's repairs.

    python benchmarks/ner.py [--limit N]

Each sentence is analysed on its own (the copy has no document boundaries). A prediction counts
when its span and type both match a gold entity exactly (conlleval's rule). spaCy's OntoNotes labels
are mapped to CoNLL's: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, the other name types -> MISC;
dates and numbers are not entities in CoNLL and are dropped. `wirewatch` scores every mention span
that `find_entities` returns, with its entity's type mapped the same way. Report only: no gate.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import missing_message, shared_path  # noqa: E402

DATA = ("data", "ner", "conll2003", "eng.testa")
TYPES = ("PER", "ORG", "LOC", "MISC")
TO_CONLL = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "OTHER": "MISC",
}

Spans = set[tuple[int, int, str]]


def read_conll(path: Path) -> list[tuple[str, Spans]]:
    """(sentence text with tokens joined by spaces, gold (start, end, type) character spans)."""
    out: list[tuple[str, Spans]] = []
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        text, gold, pos, prev_end = "", set(), 0, 0
        open_: tuple[int, str] | None = None
        for k, (word, tag) in enumerate(tokens):
            start = pos
            text += word + (" " if k < len(tokens) - 1 else "")
            pos = start + len(word) + 1
            if open_ and not (tag.startswith("I-") and tag[2:] == open_[1]):
                gold.add((open_[0], prev_end, open_[1]))
                open_ = None
            if tag.startswith("B-") or (tag.startswith("I-") and open_ is None):
                open_ = (start, tag[2:])
            prev_end = start + len(word)
        if open_:
            gold.add((open_[0], prev_end, open_[1]))
        out.append((text, gold))
        tokens.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            flush()
            continue
        if parts[0] == "-DOCSTART-":
            continue
        tokens.append((parts[0], parts[-1]))
    flush()
    return out


def _score(gold: list[Spans], pred: list[Spans]) -> dict[str, dict[str, float]]:
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for s in g:
            n_gold[s[2]] += 1
        for s in p:
            n_pred[s[2]] += 1
        for s in g & p:
            tp[s[2]] += 1

    def prf(t: int, ng: int, np_: int) -> dict[str, float]:
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": ng, "predicted": np_}

    out = {t: prf(tp[t], n_gold[t], n_pred[t]) for t in TYPES}
    out["overall"] = prf(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values()))
    return out


def measure(limit: int | None = None) -> dict:
    """Scores of spaCy alone and of `find_entities`, per type and overall; {"skipped": why} without data."""
    path = shared_path(*DATA)
    if path is None:
        return {"skipped": missing_message(*DATA)}
    from wirewatch.extract.aliases import load_aliases
    from wirewatch.extract.entities import find_entities
    from wirewatch.extract.nlp import load_nlp

    sentences = read_conll(path)[:limit] if limit else read_conll(path)
    nlp = load_nlp()
    aliases = load_aliases()
    gold = [g for _, g in sentences]
    raw: list[Spans] = []
    ours: list[Spans] = []
    t0 = time.perf_counter()
    seconds_ours = 0.0
    for doc in nlp.pipe((t for t, _ in sentences), batch_size=256):
        raw.append({(e.start_char, e.end_char, TO_CONLL[e.label_]) for e in doc.ents if e.label_ in TO_CONLL})
        t1 = time.perf_counter()
        found = find_entities(doc, aliases=aliases, language="en")
        seconds_ours += time.perf_counter() - t1
        ours.append({(a, b, TO_CONLL[e.type]) for e in found for a, b in e.spans if e.type in TO_CONLL})
    return {
        "data": str(path),
        "sentences": len(sentences),
        "seconds_total": round(time.perf_counter() - t0, 1),
        "seconds_find_entities": round(seconds_ours, 1),
        "spacy": _score(gold, raw),
        "wirewatch": _score(gold, ours),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N sentences only")
    result = measure(ap.parse_args().limit)
    if "skipped" in result:
        print(result["skipped"])
        return
    print(f"CoNLL-2003 eng.testa, {result['sentences']} sentences, exact span+type, entity-level")
    print(f"{'type':8} {'gold':>6} | {'spaCy P':>8} {'R':>6} {'F1':>6} | {'wirewatch P':>11} {'R':>6} {'F1':>6}")
    for t in (*TYPES, "overall"):
        a, b = result["spacy"][t], result["wirewatch"][t]
        print(
            f"{t:8} {a['gold']:>6} | {a['precision']:>8.3f} {a['recall']:>6.3f} {a['f1']:>6.3f} | "
            f"{b['precision']:>11.3f} {b['recall']:>6.3f} {b['f1']:>6.3f}"
        )
    print(f"time: {result['seconds_total']} s in all, {result['seconds_find_entities']} s in find_entities")


if __name__ == "__main__":
    main()
