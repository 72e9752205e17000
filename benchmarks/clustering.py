"""Story clustering on ECB+ (topics 1-35): wirewatch's linker beside a TF-IDF + agglomerative baseline.

ECB+ (see `../shared/data/clustering/ecbplus/PROVENANCE.md`) holds news articles in topics; each topic
has two different real-world events of the same kind (two earthquakes, two rehab check-ins), and the
gold story of an article is its `subtopic_seminal_event` in `doc_topics.tsv`. All documents of all
topics are clustered together, as a stream, so a system must both keep topics apart and split each
topic into its two events.

The CAT XML holds tokenised sentences. Each document is turned back into flattened text: sentence 0
of the `ecbplus` files is the address the page was found at (dropped: it is metadata, and its
words would hand the answer to both systems), the first remaining sentence is the headline line, the
rest a paragraph. wirewatch then runs for real: the clean and extract stages, then the store with
the story linker hooked into each batch write (`link.stories`), with the shipped default settings.

Figures: B-cubed precision, recall and F1 (Bagga & Baldwin 1998, averaged over documents). The
baseline is TF-IDF (scikit-learn defaults, English stop words, sublinear tf) with average-link
agglomerative clustering on cosine distance; its distance threshold is tuned on these very topics
(the best of a grid is reported), so it is an optimistic baseline.

Usage: python -m benchmarks.clustering [--limit N]   (N: the first N topics, in topic order)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks._shared import missing_message, shared_path

ECB = ("data", "clustering", "ecbplus")
TOPICS = range(1, 36)


@dataclass(frozen=True, slots=True)
class Doc:
    name: str
    gold: str
    text: str


def detokenize(tokens: Sequence[str]) -> str:
    s = " ".join(tokens).replace("``", '"').replace("''", '"')
    s = re.sub(r"(?<=\d) ([:/]) (?=\d)", r"\1", s)  # 4 : 59 pm, 05 / 02 / 2013
    s = re.sub(r"(\w) - (\w)", r"\1-\2", s)
    s = re.sub(r"’ s\b", "’s", s)
    s = re.sub(r" ([.,!?;:%)\]}'’]|n't|'s|'re|'ve|'ll|'d)(?=\s|$)", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r'" (.*?) "', r'"\1"', s)
    return s


def doc_text(path: Path) -> str:
    root = ET.fromstring(gzip.decompress(path.read_bytes()))
    sentences: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        sentences[int(tok.get("sentence", "0"))].append(tok.text or "")
    lines = [detokenize(t) for _, t in sorted(sentences.items())]
    if path.name.endswith("ecbplus.xml.gz") and lines and re.match(r"https? :|http", lines[0]):
        lines = lines[1:]
    if not lines:
        return ""
    return lines[0] + "\n\n" + " ".join(lines[1:]) + "\n"


def load_docs(limit: int | None = None) -> list[Doc]:
    root = shared_path(*ECB)
    if root is None:
        return []
    topics = list(TOPICS)[:limit] if limit else list(TOPICS)
    gold: dict[str, str] = {}
    with open(root / "doc_topics.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if int(row["topic"]) in topics:
                gold[row["doc"]] = row["subtopic_seminal_event"]

    def order(name: str) -> tuple[int, int, str]:
        t, rest = name.split("_", 1)
        return int(t), int(re.match(r"\d+", rest).group(0)), rest  # type: ignore[union-attr]

    return [Doc(name, gold[name], doc_text(root / "xml" / name.split("_")[0] / f"{name}.gz"))
            for name in sorted(gold, key=order)]


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    by_pred: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    n = len(pred)
    precision = sum(len(by_pred[pred[i]] & by_gold[gold[i]]) / len(by_pred[pred[i]]) for i in range(n)) / n
    recall = sum(len(by_pred[pred[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in range(n)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "clusters": len(by_pred)}


def baseline(docs: Sequence[Doc]) -> dict[str, float]:
    """TF-IDF + average-link agglomerative clustering, the threshold tuned on the same data."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([d.text for d in docs]).toarray()
    gold = [d.gold for d in docs]
    best: dict[str, float] = {}
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        labels = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold, metric="cosine",
                                         linkage="average").fit_predict(x)
        score = bcubed([str(k) for k in labels], gold)
        if not best or score["f1"] > best["f1"]:
            best = {**score, "threshold": threshold}
    return best


def wirewatch_stories(docs: Sequence[Doc]) -> tuple[list[str], dict[str, float]]:
    """Clean, extract, store with the story linker; returns each document's story and the timings."""
    from wirewatch.ingest.readers import Hints, source_from_bytes
    from wirewatch.link.corpus import StoryHook
    from wirewatch.model import Article
    from wirewatch.pipeline.runner import Runner
    from wirewatch.settings import load_settings
    from wirewatch.store.db import Store

    settings = load_settings(env={})
    runner = Runner(settings, until="extract")
    sources = [source_from_bytes(d.text.encode("utf-8"), d.name, Hints(), 10_000_000) for d in docs]
    t0 = time.perf_counter()
    outcomes = runner.run_batch(sources)
    t_extract = time.perf_counter() - t0
    stories: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t0 = time.perf_counter()
        size = int(settings.get("ingest", "batch_size"))
        for i in range(0, len(outcomes), size):
            store.save_batch(outcomes[i : i + size], link=StoryHook(settings, claims=False))
        t_link = time.perf_counter() - t0
        stories = dict(store.con.execute("SELECT id, story FROM articles").fetchall())
    pred = [stories.get(o.id, f"missing:{n}") if isinstance(o, Article) else f"rejected:{n}"
            for n, o in enumerate(outcomes)]
    return pred, {"extract_s": round(t_extract, 1), "link_s": round(t_link, 1)}


def measure(limit: int | None = None) -> dict:
    """B-cubed figures for wirewatch and the baseline; {"skipped": reason} where the data is absent."""
    docs = load_docs(limit)
    if not docs:
        return {"skipped": missing_message(*ECB)}
    gold = [d.gold for d in docs]
    pred, timings = wirewatch_stories(docs)
    return {
        "documents": len(docs),
        "gold_stories": len(set(gold)),
        "wirewatch": {**bcubed(pred, gold), **timings},
        "baseline_tfidf_agglomerative": baseline(docs),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N topics")
    args = parser.parse_args(argv)
    result = measure(args.limit)
    if "skipped" in result:
        print(result["skipped"])
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"ECB+ topics 1-35: {result['documents']} documents, {result['gold_stories']} gold stories")
    for col in ("system", "B3 precision", "B3 recall", "B3 F1", "clusters", "note"):
        table.add_column(col)
    w, b = result["wirewatch"], result["baseline_tfidf_agglomerative"]
    table.add_row("wirewatch stories", str(w["precision"]), str(w["recall"]), str(w["f1"]), str(w["clusters"]),
                  f"default settings; extract {w['extract_s']}s, link {w['link_s']}s")
    table.add_row("TF-IDF + agglomerative", str(b["precision"]), str(b["recall"]), str(b["f1"]), str(b["clusters"]),
                  f"threshold {b['threshold']} tuned on these topics")
    Console().print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
