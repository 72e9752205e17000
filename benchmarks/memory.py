"""Peak memory of a large ingest, child processes included, and whether it stays flat as the store grows.

Generates N short synthetic pages (`benchmarks/corpus.py`), then ingests them with the real
`pipeline.run.ingest` (the function behind `wirewatch ingest`) in a child process, `--workers 2` by
default, i.e. on a local Dask cluster whose nanny and worker processes are children of that process.
The parent samples the resident set size (RSS) of the whole process tree with psutil every
`--interval` seconds (and its proportional set size, PSS, which counts the pages the processes
share once, every fourth sample) and, after every stored batch, records the tree's RSS beside the
number of inputs read so far. Prints the curve, both peaks against the goal (2 GiB, measured in the same run),
the growth of RSS from the first tenth of the run to its end, the ingest process's growth per 1,000
inputs after the first 2,000 with where that rate would put it at 100,000 (an extrapolation, and
printed as one), what the store takes per article (DuckDB file and the search index beside it), and
where the ingest process's own peaks come from: it samples its RSS and which step of a batch runs
(`STEPS`: the per-article stages, the save, linking, the search index, the cache trim), and each
step's highest reading above the end of the batch before is printed, for the whole run and its last
tenth.

    .venv/bin/python benchmarks/memory.py [--pages 100000] [--workers 2] [--max-minutes 20] [--dir /tmp/wwmem]
                                          [--stream] [--until clean] [--malloc-arena-max 2]

The full pipeline runs at about one article a second on 2 shared cores, so `--max-minutes` stops the
ingest when its time is up; the report says how many articles that was. `--until clean` stores
cleaned articles only (no entities, statements or signals): the store, near-duplicates, linking and
the search index still do all their work, so the ingest process's curve is the one to read there,
while the workers' RSS is that of the cleaner alone.
Writes benchmarks/results/memory.json.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.corpus import generate  # noqa: E402

GOAL = 2 * 1024**3
MIB = 1024**2
# PSS is read every this many RSS samples.
PSS_EVERY = 4


def write_pages(folder: Path, n: int) -> Path:
    """N pages in folders of 1,000 (as a crawler would shard them) and their metadata sidecar."""
    meta = folder.parent / "meta.jsonl"
    with meta.open("w") as m:
        for page in generate(n):
            sub = folder / page.file[:3]
            sub.mkdir(parents=True, exist_ok=True)
            (sub / page.file).write_text(page.text, encoding="utf-8")
            m.write(json.dumps({"file": page.file, "url": page.url, "outlet": page.outlet,
                                "published": page.published}) + "\n")
    return meta


def write_stream(folder: Path, n: int) -> Path:
    """N pages rendered from the story stream of `benchmarks/linking_cost.py` (1,000 articles a day,
    stories of 1 to 40 articles, Zipf-like names and words): headline, date and body as flat text."""
    from benchmarks.linking_cost import stream

    meta = folder.parent / "meta.jsonl"
    with meta.open("w") as m:
        for i, a, _ in stream(1000):
            if i >= n:
                break
            c = a.cleaned
            assert c is not None
            name = f"{i:07d}.txt"
            sub = folder / name[:4]
            sub.mkdir(parents=True, exist_ok=True)
            (sub / name).write_text(f"{c.title.value}\n\n{c.published.value}\n\n{c.body}\n", encoding="utf-8")
            m.write(json.dumps({"file": name, "url": a.source.url, "outlet": c.outlet.value,
                                "published": c.published.value}) + "\n")
    return meta


def write_real(folder: Path, n: int) -> Path | None:
    """Up to n real article texts (../shared/data/news-corpora) as one JSONL input, or None where absent."""
    from benchmarks.throughput import load_texts

    texts = load_texts(n)
    if not texts:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "real.jsonl").open("w", encoding="utf-8") as f:
        for k, t in enumerate(texts):
            f.write(json.dumps({"text": t, "url": f"https://real.example/{k}"}, ensure_ascii=False) + "\n")
    return None if not texts else folder / "real.jsonl"


def tree_rss(proc: psutil.Process) -> int:
    """RSS of a process and all its descendants (the Dask nannies and workers), in bytes."""
    own, children = split_rss(proc)
    return own + children


def split_rss(proc: psutil.Process) -> tuple[int, int]:
    """RSS of the ingest process itself (the client: store, linking) and of its descendants, in bytes."""
    own = children = 0
    with contextlib.suppress(psutil.Error):
        own = proc.memory_info().rss
    for p in proc.children(recursive=True):
        with contextlib.suppress(psutil.Error):  # a process that ended between the listing and the read
            children += p.memory_info().rss
    return own, children


def tree_pss(proc: psutil.Process) -> int | None:
    """PSS of a process and all its descendants, in bytes: each shared page (libraries, the models'
    read-only files) divided among the processes that map it, so that the sum is the memory the tree
    holds, where the RSS sum counts a page once per process. None where /proc gives no smaps_rollup."""
    total = 0
    for p in (proc, *proc.children(recursive=True)):
        try:
            with open(f"/proc/{p.pid}/smaps_rollup") as f:
                total += next(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
        except (OSError, StopIteration, psutil.Error):
            if p is proc:
                return None
    return total


# The ingest process's RSS climbs steeply over the first inputs (models, caches and DuckDB's first
# pages); the slope that says where a long run ends is the one after them.
SETTLE = 2000


def ingest_slope(curve: list[tuple[int, float, int, int]], split: list[tuple[int, int]]) -> tuple[float, float] | None:
    """The ingest process's RSS growth per 1,000 inputs after the first SETTLE (a least-squares line
    through the per-batch readings) and where that line is at 100,000 inputs; None on a short run."""
    points = [(n, own) for (n, _, _, _), (own, _) in zip(curve, split, strict=True) if n > SETTLE and own]
    if len(points) < 3 or points[-1][0] - points[0][0] < 1000:
        return None
    mx = sum(n for n, _ in points) / len(points)
    my = sum(r for _, r in points) / len(points)
    slope = sum((n - mx) * (r - my) for n, r in points) / sum((n - mx) ** 2 for n, _ in points)
    return slope * 1000, my + slope * (100_000 - mx)


# The ingest process's steps of a batch, in the order they run: (module, attribute, label). A step
# nested in another (linking runs inside the batch's save) takes over the label while it runs.
STEPS = (
    ("wirewatch.pipeline.runner", "Runner.run_batch", "per-article stages (workers)"),
    ("wirewatch.store.db", "Store.save_batch", "save: commit and the rest"),
    ("wirewatch.store.db", "Store._insert_articles", "save: articles"),
    ("wirewatch.link.stories", "StoryLinker.link", "link: stories"),
    ("wirewatch.store.stories", "refresh_stories", "link: story rows"),
    ("wirewatch.link.corpus", "relink_claims", "link: claims"),
    ("wirewatch.store.db", "Store._save_memory", "save: outlet memory"),
    ("wirewatch.store.db", "StoreBandIndex.flush", "save: near-duplicate bands"),
    ("wirewatch.store.search", "refresh_search_index", "search index"),
    ("wirewatch.store.db", "Store.trim_cache", "trim DuckDB's cache"),
)
# How often the ingest process reads its own RSS to find each step's peak.
STEP_SAMPLE_S = 0.1


def watch_steps() -> Callable[[], dict[str, int]]:
    """Wraps each of STEPS so that a thread can tell which one runs, and samples this process's RSS.
    Returns a function that hands over, and resets, each step's highest RSS since the last call."""
    import importlib

    current = ["between batches"]
    highest: dict[str, int] = {}

    def labelled(fn: Callable[..., object], label: str) -> Callable[..., object]:
        @functools.wraps(fn)
        def run(*args: object, **kwargs: object) -> object:
            outer, current[0] = current[0], label
            try:
                return fn(*args, **kwargs)
            finally:
                current[0] = outer
        return run

    for module, attr, label in STEPS:
        owner: object = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, labelled(getattr(owner, name), label))
    me = psutil.Process()

    def sample() -> None:
        while True:
            rss, label = me.memory_info().rss, current[0]
            if rss > highest.get(label, 0):
                highest[label] = rss
            time.sleep(STEP_SAMPLE_S)

    threading.Thread(target=sample, daemon=True).start()

    def take() -> dict[str, int]:
        out = dict(highest)
        highest.clear()
        return out

    return take


def child(folder: str, meta: str, db: str, workers: int, until: str) -> None:
    """The ingest itself: reports inputs read after every stored batch on stdout, and each step's
    highest RSS in the batch."""
    # The parent stops a run at its deadline with SIGINT; a benchmark started in the background by a
    # non-interactive shell inherits SIGINT ignored, and the run would then go on past its deadline.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from wirewatch.pipeline.run import ingest

    done = 0
    steps = watch_steps()

    def progress(n: int) -> None:
        nonlocal done
        done += n
        print(f"steps {json.dumps(steps())}", flush=True)
        print(f"progress {done}", flush=True)

    summary = ingest([folder], db=db, meta=meta or None, workers=workers, progress=progress, until=until)
    import resource

    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    print(f"cpu {cpu:.1f} {summary.new}", flush=True)
    print(f"summary {summary.line}", flush=True)


def print_steps(peaks: list[dict[str, int]], own: list[int], inputs: list[int]) -> dict[str, dict[str, float]]:
    """Each step's highest RSS of the ingest process above where the batch before it ended: over the
    whole run and over its last tenth of batches, and at how many inputs the highest came."""
    rises: dict[str, list[tuple[int, int]]] = {}
    for i, batch in enumerate(peaks[1 : len(own)], start=1):
        for label, rss in batch.items():
            rises.setdefault(label, []).append((rss - own[i - 1], inputs[i]))
    last = inputs[-max(1, len(inputs) // 10)]
    print(f"\nthe ingest process's peaks by step, above the RSS at the end of the batch before (sampled every "
          f"{STEP_SAMPLE_S:g}s; what earlier steps of the batch still hold counts too):")
    print(f"{'step':>32} {'highest MiB':>12} {'at inputs':>10} {'last tenth MiB':>15}")
    out = {}
    for label in [s[2] for s in STEPS] + ["between batches"]:
        if label not in rises:
            continue
        top, at = max(rises[label])
        late = max((r for r, n in rises[label] if n >= last), default=0)
        print(f"{label:>32} {top / MIB:12.0f} {at:10d} {late / MIB:15.0f}")
        out[label] = {"highest_mib": round(top / MIB, 1), "at_inputs": at, "last_tenth_mib": round(late / MIB, 1)}
    return out


def storage(db: Path) -> dict[str, float]:
    import duckdb

    con = duckdb.connect(str(db))
    con.execute("CHECKPOINT")
    n = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
    con.close()
    search = Path(f"{db}.search")
    duck = db.stat().st_size
    idx = sum(f.stat().st_size for f in search.rglob("*") if f.is_file()) if search.exists() else 0
    return {"articles": n, "duckdb_bytes": duck, "search_bytes": idx,
            "duckdb_bytes_per_article": duck / max(1, n), "search_bytes_per_article": idx / max(1, n)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--max-minutes", type=float, default=20.0)
    ap.add_argument("--interval", type=float, default=0.5)
    ap.add_argument("--dir", default="/tmp/wwmem")
    ap.add_argument("--stream", action="store_true",
                    help="pages rendered from the story stream of benchmarks/linking_cost.py (many small stories)")
    ap.add_argument("--real", action="store_true",
                    help="real article texts from ../shared/data/news-corpora instead of generated pages")
    ap.add_argument("--until", default="assess", choices=["clean", "extract", "assess"],
                    help="the stage plan (clean: the store and linking at full work, stages cheap)")
    ap.add_argument("--malloc-arena-max", type=int, default=0,
                    help="run the ingest with glibc's MALLOC_ARENA_MAX set (0: the default, 8 arenas per core)")
    ap.add_argument("--child", nargs=5, metavar=("FOLDER", "META", "DB", "WORKERS", "UNTIL"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], a.child[1], a.child[2], int(a.child[3]), a.child[4])
        return

    root = Path(a.dir)
    shutil.rmtree(root, ignore_errors=True)
    folder, db = root / "pages", root / "memory.duckdb"
    folder.mkdir(parents=True)
    t = time.perf_counter()
    if a.real:
        real = write_real(folder, a.pages)
        if real is None:
            raise SystemExit("skipped: no real texts under ../shared/data/news-corpora")
        meta: Path | str = ""
        a.pages = sum(1 for _ in real.open())
        print(f"{a.pages} real article texts", flush=True)
    else:
        meta = write_stream(folder, a.pages) if a.stream else write_pages(folder, a.pages)
        print(f"generated {a.pages} pages in {time.perf_counter() - t:.0f}s", flush=True)

    log = (root / "ingest.stderr").open("w")
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", str(folder), str(meta), str(db), str(a.workers), a.until],
        stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True,
        env={**os.environ, "MALLOC_ARENA_MAX": str(a.malloc_arena_max)} if a.malloc_arena_max else None,
    )
    ps = psutil.Process(proc.pid)
    peak = 0
    stop = threading.Event()

    peak_pss: int | None = 0

    def sample() -> None:
        nonlocal peak, peak_pss
        k = 0
        while not stop.is_set():
            peak = max(peak, tree_rss(ps))
            if peak_pss is not None and k % PSS_EVERY == 0:  # a walk of page tables: not every sample
                pss = tree_pss(ps)
                peak_pss = None if pss is None else max(peak_pss, pss)
            k += 1
            stop.wait(a.interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    curve: list[tuple[int, float, int, int]] = []  # inputs read, seconds, tree RSS now, peak so far
    split: list[tuple[int, int]] = []  # the ingest process's own RSS and its children's, per batch
    summary = ""
    cpu_s, cpu_n = 0.0, 0
    deadline = start + a.max_minutes * 60

    def stop_at_deadline() -> None:
        while proc.poll() is None:
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGINT)  # the ingest stops between batches' work, cluster closed
                return
            time.sleep(1)

    threading.Thread(target=stop_at_deadline, daemon=True).start()
    assert proc.stdout is not None
    step_peaks: list[dict[str, int]] = []  # per batch: each step's highest RSS of the ingest process
    for line in proc.stdout:
        if line.startswith("steps "):
            step_peaks.append(json.loads(line.removeprefix("steps ")))
        elif line.startswith("progress "):
            own, children = split_rss(ps)
            rss = own + children
            split.append((own, children))
            peak = max(peak, rss)
            curve.append((int(line.split()[1]), time.perf_counter() - start, rss, peak))
        elif line.startswith("cpu "):
            cpu_s, cpu_n = float(line.split()[1]), int(line.split()[2])
        elif line.startswith("summary "):
            summary = line.removeprefix("summary ").strip()
    proc.wait()
    stop.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    done = curve[-1][0] if curve else 0
    finished = bool(summary)

    print(f"\ningest of {done} of {a.pages} {'real' if a.real else 'generated'} pages, --workers {a.workers}, "
          f"--until {a.until}, "
          f"{'finished' if finished else f'stopped (interrupted or at --max-minutes {a.max_minutes:g})'} in {elapsed:.0f}s "
          f"({done / elapsed:.1f} inputs/s){': ' + summary if summary else ''}")
    print(f"{'inputs read':>12} {'elapsed s':>10} {'tree RSS MiB':>13} {'ingest MiB':>11} {'workers MiB':>12} "
          f"{'peak MiB':>9}")
    step = max(1, len(curve) // 12)
    rows = list(zip(curve, split, strict=True))
    shown = rows[::step] + ([rows[-1]] if rows and rows[-1] is not rows[::step][-1] else [])
    for (n, s, rss, pk), (own, children) in shown:
        print(f"{n:12d} {s:10.0f} {rss / MIB:13.0f} {own / MIB:11.0f} {children / MIB:12.0f} {pk / MIB:9.0f}")
    out: dict[str, object] = {"pages": a.pages, "ingested_inputs": done, "finished": finished, "workers": a.workers,
                              "until": a.until, "stream": a.stream,
                              "elapsed_s": round(elapsed, 1), "peak_rss_bytes": peak,
                              "curve": [{"inputs": n, "s": round(s, 1), "rss": rss, "ingest_rss": own, "workers_rss": ch}
                                        for (n, s, rss, _), (own, ch) in zip(curve, split, strict=True)]}
    if curve:
        # Growth: the ingest process's own RSS (the client: store, linking) and its workers', over the last
        # tenth of the batches against the first tenth. A run stopped by --max-minutes may end while the
        # workers shut down, so the workers' last tenth is taken before any zero reading.
        tenth = max(1, len(split) // 10)
        early = sum(o for o, _ in split[:tenth]) / tenth
        late = sum(o for o, _ in split[-tenth:]) / tenth
        live = [c for _, c in split if c > 100 * MIB] or [c for _, c in split]
        w_early, w_late = sum(live[:tenth]) / len(live[:tenth]), sum(live[-tenth:]) / len(live[-tenth:])
        print(f"\npeak tree RSS {peak / MIB:.0f} MiB against the 2 GiB goal: {peak / GOAL:.2f}x of the goal "
              f"({'met' if peak <= GOAL else 'NOT met'}); the RSS sum counts a shared page once per process")
        if peak_pss:
            print(f"peak tree PSS {peak_pss / MIB:.0f} MiB: {peak_pss / GOAL:.2f}x of the goal "
                  f"({'met' if peak_pss <= GOAL else 'NOT met'}); shared pages divided among the processes, "
                  f"read every {PSS_EVERY * a.interval:g}s")
            out["peak_pss_bytes"] = peak_pss
        print(f"ingest process RSS, last tenth of batches / first tenth: {late / MIB:.0f} / {early / MIB:.0f} MiB = "
              f"{late / early:.2f}x; workers {w_late / MIB:.0f} / {w_early / MIB:.0f} MiB = {w_late / max(w_early, 1):.2f}x; "
              f"while the store grew {curve[-1][0] / max(1, curve[tenth - 1][0]):.0f}x")
        out.update(early_rss_bytes=early, late_rss_bytes=late, growth=late / early)
        slope = ingest_slope(curve, split)
        if slope is not None:
            per_k, at_100k = slope
            print(f"ingest process RSS after the first {SETTLE:,} inputs: {per_k / MIB:+.1f} MiB per 1,000 "
                  f"(least squares); EXTRAPOLATED at that rate to 100,000 inputs: {at_100k / MIB:.0f} MiB")
            out.update(ingest_rss_bytes_per_1000=per_k, ingest_rss_bytes_at_100k_extrapolated=at_100k)
    if step_peaks and split:
        out["steps"] = print_steps(step_peaks, [own for own, _ in split], [n for n, *_ in curve])
    if cpu_n:
        print(f"CPU: {cpu_s:.0f} s for {cpu_n} articles stored = {cpu_s / cpu_n:.3f} CPU s/article "
              "(the ingest process and its children, all stages, linking and the search index)")
        out["cpu_s_per_article"] = cpu_s / cpu_n
    if db.exists():
        st = storage(db)
        print(f"storage: {st['articles']} articles, DuckDB {st['duckdb_bytes'] / MIB:.1f} MiB "
              f"({st['duckdb_bytes_per_article'] / 1024:.1f} KiB/article), search index "
              f"{st['search_bytes'] / MIB:.1f} MiB ({st['search_bytes_per_article'] / 1024:.1f} KiB/article)")
        out["storage"] = st
    res = Path(__file__).parent / "results"
    res.mkdir(exist_ok=True)
    (res / "memory.json").write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
