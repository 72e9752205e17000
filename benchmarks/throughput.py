"""Throughput: `wirewatch analyze --until extract` against spaCy's small model alone, same texts.

The baseline is spaCy's full small-English pipeline (`nlp.pipe`, 2 processes) over the article
texts; wirewatch runs cleaning, entities with aliases and places, and statements over the same texts
as flattened pages, with 2 worker processes. Both in one run, on the real article texts of
../shared/data/news-corpora (FakeNewsNet v1). Prints articles/s for each and the ratio (goal >= 1.0),
and the full `analyze` (with assessment) beside it.

    python benchmarks/throughput.py [--limit 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks._shared import missing_message, shared_path  # noqa: E402

CORPUS = ("data", "news-corpora", "fakenewsnet-v1-content")


def load_texts(limit: int) -> list[str]:
    root = shared_path(*CORPUS)
    if root is None:
        return []
    texts = []
    for f in sorted(root.rglob("*.json")):
        try:
            rec = json.loads(f.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue
        text = (rec.get("title") or "") + "\n\n" + (rec.get("text") or "")
        if len(text.split()) >= 80:
            texts.append(text)
        if len(texts) >= limit:
            break
    return texts


def spacy_baseline(texts: list[str], workers: int) -> float:
    from wirewatch.extract.nlp import load_nlp

    nlp = load_nlp()
    t = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - t)


def wirewatch_rate(texts: list[str], workers: int, until: str) -> float:
    from wirewatch.model import Article
    from wirewatch.pipeline.run import analyze

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pages.jsonl"
        path.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n", encoding="utf-8")
        t = time.perf_counter()
        n = sum(isinstance(o, Article) for o in analyze([path], until=until, workers=workers))
        return n / (time.perf_counter() - t)


def measure(limit: int | None = 200, workers: int = 2) -> dict[str, float]:
    texts = load_texts(limit or 200)
    if not texts:
        return {}
    base = spacy_baseline(texts, workers)
    extract = wirewatch_rate(texts, workers, "extract")
    full = wirewatch_rate(texts, workers, "assess")
    return {"articles": len(texts), "spacy_per_s": base, "extract_per_s": extract, "assess_per_s": full,
            "ratio_extract": extract / base, "ratio_assess": full / base}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    r = measure(a.limit, a.workers)
    if not r:
        print(missing_message(*CORPUS))
        return
    print(f"{int(r['articles'])} real articles, {a.workers} processes each")
    print(f"{'pipeline':44} {'articles/s':>10} {'ratio':>7}")
    print(f"{'spaCy en_core_web_sm full pipeline (baseline)':44} {r['spacy_per_s']:10.1f} {1.0:7.2f}")
    print(f"{'wirewatch analyze --until extract':44} {r['extract_per_s']:10.1f} {r['ratio_extract']:7.2f}")
    print(f"{'wirewatch analyze (with assessment)':44} {r['assess_per_s']:10.1f} {r['ratio_assess']:7.2f}")


if __name__ == "__main__":
    main()
