"""The library functions behind `wirewatch analyze` and `wirewatch ingest`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.clean.memory import OutletMemory
from wirewatch.ingest.dedupe import NearDuplicates
from wirewatch.ingest.readers import Hints, read_inputs, read_meta
from wirewatch.model import Outcome, Rejection, Source
from wirewatch.pipeline.executors import (
    Executor,
    InlineExecutor,
    ProcessExecutor,
    StartedWhenWorthIt,
    default_workers,
)
from wirewatch.pipeline.malloc import cap_malloc_arenas
from wirewatch.pipeline.runner import Runner, batches, plan
from wirewatch.pipeline.shards import clear_shards
from wirewatch.settings import Settings, load_settings


def make_executor(
    workers: int | None, settings: Settings, scheduler: str | None = None, *, distributed: bool = False
) -> Executor:
    """In-process for one worker; a process pool for `analyze`; Dask for `ingest` (CONTRACT)."""
    if scheduler:
        from wirewatch.pipeline.dask_executor import DaskExecutor

        return DaskExecutor.connect(scheduler)
    n = default_workers(workers if workers is not None else int(settings.get("ingest", "workers")))
    if n <= 1:
        return InlineExecutor()
    if distributed and settings.get("ingest", "executor") == "dask":
        from wirewatch.pipeline.dask_executor import DaskExecutor

        arenas = int(settings.get("ingest", "malloc_arena_max"))
        return StartedWhenWorthIt(
            lambda: DaskExecutor.local(n, malloc_arenas=arenas), parallelism=n, distributed=True,
            min_pages=int(settings.get("ingest", "cluster_min_pages")),
        )
    return ProcessExecutor(n)


def _inputs(  # type: ignore[no-untyped-def]
    paths: Sequence[str | Path], meta: str | Path | None, url: str | None, settings: Settings,
    skip: Sequence[str] = (),
):
    hints: dict[str, Hints] = read_meta(meta) if meta else {}
    return read_inputs(
        [str(p) for p in paths], meta=hints, url=url, max_bytes=int(settings.get("ingest", "max_bytes")),
        skip=[*skip, str(meta)] if meta else list(skip),
    )


def _store_files(db: str | Path, settings: Settings) -> list[str]:
    """What the store writes beside its database while an ingest runs. The default database lies in
    the working directory, so `wirewatch ingest .` walks it: read back as pages, these files were
    rejected as binary data (the database and its write-ahead log, mid-write)."""
    from wirewatch.store.search import index_path

    shards = settings.get("ingest", "shard_dir") or f"{db}.shards"
    return [str(db), f"{db}.wal", str(index_path(db)), str(shards)]


def analyze(
    paths: Sequence[str | Path],
    *,
    meta: str | Path | None = None,
    url: str | None = None,
    until: str = "assess",
    workers: int | None = 1,
    settings: Settings | None = None,
) -> Iterator[Outcome]:
    """Analyse pages without storing anything: an Article or a Rejection per input, in input order."""
    settings = settings or load_settings()
    runner = Runner(settings, until=until, executor=make_executor(workers, settings))
    try:
        for batch in batches(_inputs(paths, meta, url, settings), int(settings.get("ingest", "batch_size"))):
            yield from runner.run_batch(batch)
    finally:
        runner.executor.close()


def analyze_text(
    text: str, *, url: str | None = None, outlet: str | None = None, until: str = "assess",
    settings: Settings | None = None,
) -> Outcome:
    """One page given as a string (flattened text or HTML)."""
    from wirewatch.ingest.readers import source_from_bytes

    settings = settings or load_settings()
    source = source_from_bytes(
        text.encode("utf-8"), "<text>", Hints(url=url, outlet=outlet), int(settings.get("ingest", "max_bytes"))
    )
    return Runner(settings, until=until).run_batch([source])[0]


def _shard_options(executor: Executor, settings: Settings, db: str | Path) -> dict[str, Any]:
    """Where a distributed executor's workers write their outcomes; nothing for the others. Shards an
    interrupted run left there were never stored: a re-run redoes their work, so they are deleted."""
    if not getattr(executor, "distributed", False):
        return {}
    # Absolute: a worker resolves a relative path against its own working directory.
    folder = str(Path(settings.get("ingest", "shard_dir") or f"{db}.shards").resolve())
    keep = bool(settings.get("ingest", "keep_shards"))
    if not keep:
        clear_shards(folder)
    return {"shards": folder, "keep_shards": keep}


@dataclass(frozen=True, slots=True)
class IngestSummary:
    new: int
    already_stored: int
    rejected: tuple[Rejection, ...]

    @property
    def line(self) -> str:
        return f"{self.new} new, {self.already_stored} already stored, {len(self.rejected)} rejected"


def ingest(
    paths: Sequence[str | Path],
    *,
    db: str | Path | None = None,
    meta: str | Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
    until: str = "assess",
    trim_cache: bool = True,
) -> IngestSummary:
    """Store pages: what is already stored is skipped, each batch is written in one transaction.

    `until` stops the per-article stages early (as `analyze` does); what is stored and linked is then
    the article as far as it got, e.g. cleaned text without entities or statements. `trim_cache`
    evicts DuckDB's cached table pages after each batch (`Store.trim_cache`); leave it off where this
    process holds the database open for others (the HTTP server): the trim lowers the memory limit of
    the whole database for a moment, which could fail a query running beside it."""
    from wirewatch.link.corpus import StoryHook
    from wirewatch.store.db import Store, StoreBandIndex
    from wirewatch.store.search import refresh_search_index

    settings = settings or load_settings()
    plan(until)  # a bad plan is refused before the store is opened or a cluster started
    cap_malloc_arenas(int(settings.get("ingest", "malloc_arena_max")))  # before DuckDB's and Dask's threads
    new = already = 0
    rejected: list[Rejection] = []
    db = db or settings.get("store", "db")
    cache_bytes = int(settings.get("ingest", "duckdb_cache_mib")) * 1024**2
    with Store(db) as store:
        memory = OutletMemory.empty(settings)
        store.load_memory(memory)
        index = StoreBandIndex(store)
        executor = make_executor(workers, settings, scheduler, distributed=True)
        runner = Runner(settings, until=until, executor=executor, memory=memory,
                        duplicates=NearDuplicates(settings, index), **_shard_options(executor, settings, db))
        linker = StoryHook(settings)
        # Inputs of this run that were read but not stored: stored ones are found in the store, so only
        # the rejected are remembered (a set of every id read would grow with the corpus).
        rejected_ids: set[str] = set()
        try:
            pages = _inputs(paths, meta, None, settings, skip=_store_files(db, settings))
            for batch in batches(pages, int(settings.get("ingest", "batch_size"))):
                known = store.known_ids([s.id for s in batch if isinstance(s, Source)]) | rejected_ids
                fresh: list[Source | Rejection] = []
                for item in batch:
                    if isinstance(item, Source) and item.id in known:
                        already += 1
                        continue
                    if isinstance(item, Source):
                        known.add(item.id)  # a second copy later in the same batch
                    fresh.append(item)
                outcomes = runner.run_batch(fresh)
                # Linking (stories, claims, single_origin) runs inside the batch's transaction, in seq order.
                stored, _ = store.save_batch(
                    outcomes, memory=memory, index=index, regrouped=runner.duplicates.regrouped, link=linker
                )
                runner.duplicates.regrouped.clear()
                if stored:  # keep the full-text index beside the database current (no-op without tantivy)
                    refresh_search_index(store)
                if trim_cache:
                    store.trim_cache(cache_bytes)
                new += stored
                rejected += [o for o in outcomes if isinstance(o, Rejection)]
                rejected_ids.update(o.input_id for o in outcomes if isinstance(o, Rejection) and o.input_id)
                if progress:
                    progress(len(batch))
        finally:
            executor.close()
    return IngestSummary(new, already, tuple(rejected))
