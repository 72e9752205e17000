"""The distributed executor's integration test: `ingest` on a local Dask cluster of 2 worker processes
stores exactly what the in-process executor stores (ids, seq order, stories, claims, signals, export).

Both ingests run in a child process started on this file: a `LocalCluster` of processes must be
started under `if __name__ == "__main__":`, and the in-process one runs beside it rather than under
pytest, whose `filterwarnings = error` turns a warning inside a stage into an exception (and so into a
different result) in this process only. Small batches make several batches and chunks, so per-outlet
memory, near-duplicate groups and linking cross batch and chunk boundaries.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from wirewatch.pipeline.run import ingest
from wirewatch.settings import load_settings
from wirewatch.store.db import Store
from wirewatch.store.export import export_articles

ROOT = Path(__file__).resolve().parents[2]
# Shards kept, to check that the workers handed their outcomes over as Parquet (pipeline/shards.py).
ENV = {"WIREWATCH_INGEST_BATCH_SIZE": "5", "WIREWATCH_INGEST_EXECUTOR": "dask", "WIREWATCH_INGEST_KEEP_SHARDS": "true",
       "WIREWATCH_INGEST_CLUSTER_MIN_PAGES": "0"}
STORY = """{chrome}

{title}

{body}

Share this article
"""


def write_corpus(folder: Path) -> tuple[Path, Path]:
    """The sample corpus, the multilingual linking fixtures, and pages written here: one outlet's pages
    sharing site chrome, and a copy of a page on a second outlet (a near-duplicate)."""
    pages = folder / "pages"
    pages.mkdir()
    for f in (ROOT / "samples" / "pages").iterdir():
        (pages / f.name).write_bytes(f.read_bytes())
    (pages / "sample.jsonl").write_bytes((ROOT / "samples" / "sample.jsonl").read_bytes())
    (pages / "page-with-script.html").write_bytes((ROOT / "samples" / "page-with-script.html").read_bytes())
    fixtures = (ROOT / "tests" / "link" / "fixtures" / "plant_blast.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in fixtures]
    (pages / "plant_blast.jsonl").write_text(
        "\n".join(json.dumps({k: r[k] for k in ("text", "title", "outlet", "published")} |
                             {"url": f"https://{r['outlet']}/{r['id']}"}, ensure_ascii=False) for r in records) + "\n",
        encoding="utf-8",
    )
    meta = [json.loads(line) for line in (ROOT / "samples" / "meta.jsonl").read_text().splitlines() if line]
    chrome = "Rivernews\nHome\nWorld\nRegion\nDonate"
    towns = ["Selmar", "Kestria", "Port Aven", "Tarvik", "Dunmore", "Castelo"]
    for k, town in enumerate(towns):
        body = (f"The Harbour Authority of {town} said on Monday that {120 + 7 * k} dock workers had stopped work.\n\n"
                f"Port director Nora Lind told reporters that talks with the union would resume on Friday.\n\n"
                f"\u201cWe want the port open again within days,\u201d Lind said.\n\n"
                f"Shipping companies said they had moved {30 + k} vessels to other ports along the coast since the "
                f"strike began, and warned that the cost of the delays was rising every week.\n\n"
                f"The union said its members would meet again on Thursday evening to vote on the latest offer.")
        for outlet, day in (("rivernews.example", 10 + k), ("citypost.example", 11 + k)):
            name = f"{outlet.split('.')[0]}-{k}.txt"
            page = chrome if outlet.startswith("river") else "Citypost\nNews\nSport"
            (pages / name).write_text(STORY.format(chrome=page, title=f"Dock strike in {town}", body=body))
            meta.append({"file": name, "url": f"https://{outlet}/2023/06/{day}/strike-{k}", "outlet": outlet,
                         "published": f"2023-06-{day:02d}"})
    meta_file = folder / "meta.jsonl"
    meta_file.write_text("\n".join(json.dumps(m) for m in meta) + "\n")
    return pages, meta_file


def stored(db: Path) -> dict[str, object]:
    """Everything the two runs must agree on, read back from the store."""
    out = io.StringIO()
    export_articles(db, out=out)
    with Store(db, read_only=True) as store:
        q = store.con.execute
        return {
            "articles": q("SELECT seq, id, story, duplicate_group FROM articles ORDER BY seq").fetchall(),
            "stories": q("SELECT * FROM stories ORDER BY id").fetchall(),
            "claims": q("SELECT * FROM claims ORDER BY id").fetchall(),
            "mentions": q("SELECT * FROM claim_mentions ORDER BY claim_id, article_id").fetchall(),
            "signals": q("SELECT * FROM signals ORDER BY article_id, kind, evidence").fetchall(),
            "entities": q("SELECT * FROM entities ORDER BY ALL").fetchall(),
            "rejections": q("SELECT name, code, reason FROM rejections ORDER BY name").fetchall(),
            "export": out.getvalue(),
        }


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], dict[str, object], Path]:
    tmp = tmp_path_factory.mktemp("dask")
    pages, meta = write_corpus(tmp)
    inline_db, dask_db = tmp / "inline.duckdb", tmp / "dask.duckdb"
    done = subprocess.run(
        [sys.executable, __file__, str(pages), str(meta), str(inline_db), str(dask_db)], capture_output=True,
        text=True, timeout=300, env={**os.environ, **ENV},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "dask workers: 2" in done.stdout, done.stdout
    assert "worker malloc arenas: 2\n" in done.stdout, done.stdout  # workers start with the cap
    assert "worker profiler: False\n" in done.stdout, done.stdout  # and without Dask's stack sampling
    return stored(inline_db), stored(dask_db), Path(f"{dask_db}.shards")


def test_the_corpus_is_large_enough_to_cross_batches(runs):
    inline, _, _ = runs
    assert len(inline["articles"]) >= 20  # more than 4 batches of 5
    assert any(group for _, _, _, group in inline["articles"])  # a near-duplicate was grouped
    assert len({story for _, _, story, _ in inline["articles"]}) < len(inline["articles"])  # stories joined


@pytest.mark.parametrize("what", ["articles", "stories", "claims", "mentions", "signals", "entities", "rejections",
                                  "export"])
def test_dask_stores_what_the_in_process_executor_stores(runs, what):
    inline, dask, _ = runs
    assert dask[what] == inline[what]


def test_the_workers_handed_their_outcomes_over_as_parquet_shards(runs):
    inline, _, shards = runs
    assert not (shards.parent / "inline.duckdb.shards").exists()  # in process: nothing to hand over
    queried_in_place = duckdb.sql(
        f"SELECT count(DISTINCT id) FILTER (outcome = 'article'), count(*) FILTER (outcome = 'rejection'), "
        f"count(*) FILTER (cleaned.language IS NULL AND outcome = 'article') FROM '{shards}/*.parquet'"
    ).fetchone()
    assert queried_in_place == (len(inline["articles"]), len(inline["rejections"]), 0)


if __name__ == "__main__":
    # The child: ingest in-process, then on a local Dask cluster of 2 worker processes (saying how many
    # workers it had).
    import dask

    from wirewatch.pipeline import dask_executor

    start = dask_executor.DaskExecutor.local

    def local(workers: int, **options: int) -> dask_executor.DaskExecutor:
        executor = start(workers, **options)
        executor.client.wait_for_workers(workers, timeout=120)
        print(f"dask workers: {len(executor.client.scheduler_info()['workers'])}", flush=True)
        arenas = set(executor.client.run(lambda: os.environ.get("MALLOC_ARENA_MAX")).values())
        print(f"worker malloc arenas: {','.join(sorted(map(str, arenas)))}", flush=True)
        profiling = set(executor.client.run(lambda: dask.config.get("distributed.worker.profile.enabled")).values())
        print(f"worker profiler: {','.join(sorted(map(str, profiling)))}", flush=True)
        return executor

    dask_executor.DaskExecutor.local = local  # type: ignore[method-assign]
    settings = load_settings()
    print(ingest([sys.argv[1]], meta=sys.argv[2], db=sys.argv[3], workers=1, settings=settings).line)
    print(ingest([sys.argv[1]], meta=sys.argv[2], db=sys.argv[4], workers=2, settings=settings).line)
