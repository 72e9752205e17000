"""`ingest --workers 2` on a local Dask cluster against in-process, same pages, same run.

Generates N pages (`benchmarks/corpus.py`), ingests them twice with the real `pipeline.run.ingest`:
in-process (`--workers 1`, the baseline) and on a `LocalCluster` of 2 worker processes (`--workers 2`,
the default executor "dask"), each into a fresh database. Prints articles/s for each (the cluster's
start and its workers' model loading included, as a user waits for them) and the ratio, then checks
that the two stores hold the same thing: ids in the same seq order, stories, duplicate groups,
claims and the JSON Lines export byte for byte.

    .venv/bin/python benchmarks/dask_local.py [--pages 600] [--workers 2] [--dir /tmp/wwdask]

On a machine whose 2 cores are shared with other work the ratio says little about a free machine:
the load average is printed beside it. Writes benchmarks/results/dask_local.json.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.corpus import generate  # noqa: E402


def write_pages(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True)
    meta = folder.parent / "meta.jsonl"
    with meta.open("w") as m:
        for page in generate(n, seed=23):
            (folder / page.file).write_text(page.text, encoding="utf-8")
            m.write(json.dumps({"file": page.file, "url": page.url, "outlet": page.outlet,
                                "published": page.published}) + "\n")
    return meta


def stored(db: Path) -> dict[str, object]:
    from wirewatch.store.db import Store
    from wirewatch.store.export import export_articles

    out = io.StringIO()
    export_articles(db, out=out)
    with Store(db, read_only=True) as store:
        q = store.con.execute
        return {
            "ids in seq order": q("SELECT id FROM articles ORDER BY seq").fetchall(),
            "stories": q("SELECT id, story FROM articles ORDER BY id").fetchall(),
            "duplicate groups": q("SELECT id, duplicate_group FROM articles ORDER BY id").fetchall(),
            "story table": q("SELECT * FROM stories ORDER BY id").fetchall(),
            "claims": q("SELECT * FROM claims ORDER BY id").fetchall(),
            "claim mentions": q("SELECT * FROM claim_mentions ORDER BY ALL").fetchall(),
            "export (jsonl)": out.getvalue(),
        }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=600)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dir", default="/tmp/wwdask")
    ap.add_argument("--real", action="store_true",
                    help="real article texts from ../shared/data/news-corpora (JSONL) instead of generated pages")
    a = ap.parse_args()
    from wirewatch.pipeline.run import ingest
    from wirewatch.settings import load_settings

    root = Path(a.dir)
    shutil.rmtree(root, ignore_errors=True)
    if a.real:
        from benchmarks.memory import write_real

        if write_real(root / "pages", a.pages) is None:
            raise SystemExit("skipped: no real texts under ../shared/data/news-corpora")
        meta = None
    else:
        meta = write_pages(root / "pages", a.pages)
    settings = load_settings(env={"WIREWATCH_INGEST_EXECUTOR": "dask"})
    rows = []
    for label, workers in (("in-process (--workers 1), baseline", 1),
                           (f"Dask LocalCluster (--workers {a.workers})", a.workers)):
        db = root / f"w{workers}.duckdb"
        load = os.getloadavg()[0]
        t, cpu = time.perf_counter(), time.process_time()
        summary = ingest([root / "pages"], db=db, meta=meta, workers=workers, settings=settings)
        s, cpu = time.perf_counter() - t, time.process_time() - cpu
        rows.append((label, summary.new, s, summary.new / s, load, cpu / max(1, summary.new)))
        print(f"{label}: {summary.line} in {s:.0f}s", flush=True)
    print(f"\n{a.pages} {'real article texts' if a.real else 'generated pages'}, full pipeline (clean, extract, assess, dedupe, link, search index)")
    print(f"{'executor':40} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'ratio':>6} {'load avg':>8} "
          f"{'CPU s/article here':>18}")
    base = rows[0][3]
    for label, n, s, rate, load, cpu in rows:
        print(f"{label:40} {n:8d} {s:8.0f} {rate:10.2f} {rate / base:6.2f} {load:8.1f} {cpu:18.3f}")
    print("(CPU s/article here: CPU time of this process; for the in-process run that is the whole cost of an\n"
          " article, for Dask it leaves out the workers)")
    ratio = rows[1][3] / base
    print(f"\nDask {a.workers} workers / in-process: {ratio:.2f}x")

    one, two = stored(root / "w1.duckdb"), stored(root / f"w{a.workers}.duckdb")
    same = True
    for key in one:
        ok = one[key] == two[key]
        same &= ok
        digest = hashlib.sha256(repr(one[key]).encode()).hexdigest()[:12]
        size = len(one[key]) if isinstance(one[key], list) else len(str(one[key]).splitlines())
        print(f"  {key:18} {'identical' if ok else 'DIFFERENT'} ({size} rows, sha256 {digest})")
    print(f"stored results identical: {'yes' if same else 'NO'}")
    res = Path(__file__).parent / "results"
    res.mkdir(exist_ok=True)
    (res / "dask_local.json").write_text(json.dumps(
        {"pages": a.pages, "real": a.real, "workers": a.workers, "ratio": ratio, "identical": same,
         "runs": [{"executor": r[0], "articles": r[1], "seconds": round(r[2], 1), "per_s": r[3], "load": r[4],
                  "cpu_s_per_article_this_process": r[5]}
                  for r in rows]}, indent=2) + "\n")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
