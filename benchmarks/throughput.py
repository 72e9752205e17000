"""Throughput: `wirewatch analyze --until extract` against spaCy's small model alone, same texts.

The baseline is spaCy's full small-English pipeline as shipped (`nlp.pipe`, 2 processes) over the
article texts; wirewatch runs cleaning, entities with aliases and places, and statements over the same texts
as flattened pages, with 2 worker processes. Both in one run, on the real article texts of
../shared/data/news-corpora (FakeNewsNet v1). Prints articles/s for each and the ratio (goal >= 1.0),
and the full `analyze` (with assessment) beside it. On a machine shared with other work the wall-clock
ratio swings with whoever else runs; the CPU seconds each side spent (this process and its worker
processes, from `getrusage`) are printed beside it, with the ratio of articles per CPU second, which
holds still. Both count the work of starting the workers (the baseline's workers are forked with the
model already loaded; wirewatch loads its models in the parent process, counted, before it forks
its workers). Each of the three passes runs in a fresh Python process (imports and, for the
baseline, the model load not counted), so that no pass finds what an earlier one loaded.

wirewatch's pipeline does its matrix products with NumPy's BLAS on one thread instead of thinc's
default BLIS (extract/nlp.py), which alone makes spaCy's pipeline about a fifth cheaper here. So that
the figures show how much of the ratio that is, a fourth pass runs the baseline's pipeline with the
same setting, printed as a reference beside the goal's baseline (which stays the model as shipped).

    python benchmarks/throughput.py [--limit 200] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
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


def cpu_seconds() -> float:
    """CPU time of this process and of its finished (joined) child processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def spacy_baseline(texts: list[str], workers: int, *, serial_blas: bool = False) -> tuple[float, float]:
    """(articles per second, CPU seconds) of spaCy's full pipeline over the texts."""
    from wirewatch.extract.nlp import load_nlp, serial_blas_ops

    if serial_blas:  # a pass of its own process: nothing else is loaded after this
        from thinc.api import set_current_ops

        set_current_ops(serial_blas_ops() or "numpy")
    nlp = load_nlp(stock=True)  # the model as shipped (wirewatch's own pipeline swaps two components)
    t, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - t), cpu_seconds() - cpu


def wirewatch_rate(texts: list[str], workers: int, until: str) -> tuple[float, float]:
    """(articles per second, CPU seconds) of `analyze --until <until>` over the texts as pages."""
    from wirewatch.model import Article
    from wirewatch.pipeline.run import analyze

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pages.jsonl"
        path.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n", encoding="utf-8")
        t, cpu = time.perf_counter(), cpu_seconds()
        n = sum(isinstance(o, Article) for o in analyze([path], until=until, workers=workers))
        return n / (time.perf_counter() - t), cpu_seconds() - cpu


def _pass(side: str, limit: int, workers: int) -> tuple[float, float]:
    """One side measured in a fresh Python process: (articles per second, CPU seconds)."""
    out = subprocess.run(
        [sys.executable, __file__, "--pass", side, "--limit", str(limit), "--workers", str(workers)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate, cpu = json.loads(out.strip().splitlines()[-1])
    return float(rate), float(cpu)


def _run_pass(side: str, limit: int, workers: int) -> tuple[float, float]:
    texts = load_texts(limit)
    import wirewatch.pipeline.run  # noqa: F401  (imports are not counted, on either side)

    if side in ("spacy", "spacy-blas"):
        return spacy_baseline(texts, workers, serial_blas=side == "spacy-blas")
    return wirewatch_rate(texts, workers, side)


def measure(limit: int | None = 200, workers: int = 2) -> dict[str, float]:
    texts = load_texts(limit or 200)
    if not texts:
        return {}
    n = len(texts)
    base, base_cpu = _pass("spacy", limit or 200, workers)
    extract, extract_cpu = _pass("extract", limit or 200, workers)
    full, full_cpu = _pass("assess", limit or 200, workers)
    same, same_cpu = _pass("spacy-blas", limit or 200, workers)
    return {
        "articles": n,
        "spacy_per_s": base,
        "extract_per_s": extract,
        "assess_per_s": full,
        "ratio_extract": extract / base,
        "ratio_assess": full / base,
        "spacy_cpu_s": base_cpu,
        "extract_cpu_s": extract_cpu,
        "assess_cpu_s": full_cpu,
        "cpu_ratio_extract": base_cpu / extract_cpu,
        "cpu_ratio_assess": base_cpu / full_cpu,
        "spacy_blas_per_s": same,
        "spacy_blas_cpu_s": same_cpu,
        "ratio_extract_same_blas": extract / same,
        "cpu_ratio_extract_same_blas": same_cpu / extract_cpu,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--pass", dest="side", choices=("spacy", "extract", "assess", "spacy-blas"), help=argparse.SUPPRESS
    )
    a = ap.parse_args()
    if a.side:  # a child process measuring one side
        print(json.dumps(_run_pass(a.side, a.limit, a.workers)))
        return
    r = measure(a.limit, a.workers)
    if not r:
        print(missing_message(*CORPUS))
        return
    n = r["articles"]
    print(f"{int(n)} real articles, {a.workers} processes each")
    print(f"{'pipeline':44} {'articles/s':>10} {'ratio':>7} {'CPU ms/article':>15} {'CPU ratio':>10}")
    rows = [
        ("spaCy en_core_web_sm full pipeline (baseline)", "spacy_per_s", "spacy_cpu_s", None, None),
        (
            "wirewatch analyze --until extract",
            "extract_per_s",
            "extract_cpu_s",
            "ratio_extract",
            "cpu_ratio_extract",
        ),
        (
            "wirewatch analyze (with assessment)",
            "assess_per_s",
            "assess_cpu_s",
            "ratio_assess",
            "cpu_ratio_assess",
        ),
    ]
    for label, rate, cpu, ratio, cpu_ratio in rows:
        print(
            f"{label:44} {r[rate]:10.1f} {r[ratio] if ratio else 1.0:7.2f} {1000 * r[cpu] / n:15.0f} "
            f"{r[cpu_ratio] if cpu_ratio else 1.0:10.2f}"
        )
    print(
        f"{'reference: spaCy, layers on NumPy BLAS x1':44} {r['spacy_blas_per_s']:10.1f} {'':7} "
        f"{1000 * r['spacy_blas_cpu_s'] / n:15.0f}"
    )
    print(
        f"extract against the reference: ratio {r['ratio_extract_same_blas']:.2f}, "
        f"CPU ratio {r['cpu_ratio_extract_same_blas']:.2f}"
    )


if __name__ == "__main__":
    main()
