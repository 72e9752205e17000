"""Running the pipeline over inputs: per-article stages in parallel, corpus-level steps in order.

The order of work for each batch of inputs:
1. corpus memory is learnt from the batch (and what is stored) and frozen into the `Context`;
2. the per-article stages (clean, extract, assess) run on an executor, in any schedule (Dask workers
   hand their outcomes back as Parquet shards, `shards.py`), and come back in submission order;
3. near-duplicate groups are assigned in input order, in this process.
Steps 1 and 3 never depend on the schedule of step 2, so the results are the same for any executor.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from wirewatch.assess.stage import assess
from wirewatch.clean.memory import OutletMemory, outlet_key
from wirewatch.clean.stage import clean
from wirewatch.errors import InputRejected, PlanError
from wirewatch.extract.stage import extract
from wirewatch.model import Article, Outcome, Rejection, Source
from wirewatch.pipeline.context import Context
from wirewatch.pipeline.executors import Executor, InlineExecutor
from wirewatch.pipeline.shards import ShardRef, read_shard, write_shard
from wirewatch.pipeline.stage import Stage, check_plan, warm_up
from wirewatch.settings import Settings

if TYPE_CHECKING:  # the ingest process builds it; a worker that runs chunks never loads MinHash (or SciPy)
    from wirewatch.ingest.dedupe import NearDuplicates

log = logging.getLogger("wirewatch")

PLANS: dict[str, tuple[Stage, ...]] = {
    "clean": (clean,),
    "extract": (clean, extract),
    "assess": (clean, extract, assess),
}


def plan(until: str) -> tuple[Stage, ...]:
    if until not in PLANS:
        raise PlanError(f"unknown stage {until!r}: choose one of {', '.join(PLANS)}")
    stages = PLANS[until]
    check_plan(stages)
    return stages


def run_stages(source: Source, stages: Sequence[Stage], ctx: Context) -> Outcome:
    """One article through the stages. A bad article becomes a Rejection; it never stops the run."""
    return run_many([source], stages, ctx)[0]


def run_many(sources: Sequence[Source], stages: Sequence[Stage], ctx: Context) -> list[Outcome]:
    """Articles through the stages, stage by stage, so that a stage with a batch form gets them
    together. Each article still fails on its own: a Rejection for it, the others go on."""
    outcomes: list[Outcome] = [Article(source=source) for source in sources]
    for s in stages:
        live = [i for i, o in enumerate(outcomes) if isinstance(o, Article)]
        results = _stage_results(s, [outcomes[i] for i in live], ctx)  # type: ignore[misc]
        for i, result in zip(live, results, strict=True):
            outcomes[i] = result if isinstance(result, Article) else _rejection(sources[i], result)
    return outcomes


def _stage_results(s: Stage, articles: list[Article], ctx: Context) -> list[Article | Exception]:
    if s.batch is not None and len(articles) > 1:
        try:
            return s.batch(articles, ctx)
        except Exception:  # the batch form failed as a whole: each article on its own, as without it
            log.debug("batch form of %s failed; running its articles one by one", s.name, exc_info=True)
    out: list[Article | Exception] = []
    for article in articles:
        try:
            out.append(s.run(article, ctx))
        except Exception as e:
            out.append(e)
    return out


def _rejection(source: Source, e: Exception) -> Rejection:
    if isinstance(e, InputRejected):
        return Rejection(source.name, e.code, e.reason, source.id)
    # an unexpected failure is a bug: recorded loudly, the batch goes on
    log.error("internal error on %s:\n%s", source.name, "".join(traceback.format_exception(e)))
    return Rejection(source.name, "internal_error", f"internal error ({type(e).__name__}: {e})", source.id)


def run_chunk(until: str, ctx: Context, sources: Sequence[Source]) -> list[Outcome]:
    """A chunk of sources through a plan: the unit of work sent to a worker (picklable by name)."""
    return run_many(sources, plan(until), ctx)


def _chunks(sources: Sequence[Source], n: int) -> list[Sequence[Source]]:
    size = max(1, -(-len(sources) // n))
    return [sources[i : i + size] for i in range(0, len(sources), size)]


def batches(items: Iterable[Source | Rejection], size: int) -> Iterator[list[Source | Rejection]]:
    batch: list[Source | Rejection] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Runner:
    """Runs one plan over batches with one executor, keeping corpus memory and duplicate groups."""

    def __init__(
        self,
        settings: Settings,
        *,
        until: str = "assess",
        executor: Executor | None = None,
        memory: OutletMemory | None = None,
        duplicates: NearDuplicates | None = None,
        shards: str | Path | None = None,
        keep_shards: bool = False,
    ) -> None:
        self.settings = settings
        stages = plan(until)  # checked before any text is read
        self.until = until
        self.executor = executor or InlineExecutor()
        if getattr(self.executor, "forks", False):
            warm_up(stages, settings)  # before the workers are forked: they inherit what it loads
        self.memory = memory or OutletMemory.empty(settings)
        if duplicates is None:
            from wirewatch.ingest.dedupe import NearDuplicates

            duplicates = NearDuplicates.in_memory(settings)
        self.duplicates = duplicates
        # Where workers write their chunks' outcomes (pipeline/shards.py); None: they return them.
        self.shards, self.keep_shards = (None if shards is None else str(shards)), keep_shards

    def run_batch(self, batch: Sequence[Source | Rejection]) -> list[Outcome]:
        sources = [s for s in batch if isinstance(s, Source)]
        self.memory.learn(sources)
        # Only the batch's own outlets: the context travels with every chunk of work.
        outlets = sorted({k for k in map(outlet_key, sources) if k})
        ctx = Context(self.settings, outlet_chrome=self.memory.frozen(outlets))
        executor = self.executor.for_batch(len(sources))
        chunks = _chunks(sources, executor.parallelism * 4)
        task = _ChunkTask(self.until, ctx, self.shards)
        done = [o for part in executor.map(task, chunks) for o in self._received(part)]
        results = {id(source): outcome for source, outcome in zip(sources, done, strict=True)}
        cleaned = [item for item in sources if isinstance(o := results[id(item)], Article) and o.cleaned is not None]
        groups = self.duplicates.assign_all((results[id(i)].id, results[id(i)].cleaned.body) for i in cleaned)
        for item, group in zip(cleaned, groups, strict=True):
            results[id(item)] = replace(results[id(item)], duplicate_group=group)
        out: list[Outcome] = []
        for item in batch:
            outcome = item if isinstance(item, Rejection) else results[id(item)]
            if isinstance(outcome, Article) and outcome.duplicate_group is None:
                # A first copy whose later copy arrived in this same batch.
                group = self.duplicates.regrouped.get(outcome.id)
                outcome = replace(outcome, duplicate_group=group) if group else outcome
            out.append(outcome)
        return out

    def _received(self, part: list[Outcome] | ShardRef) -> list[Outcome]:
        return read_shard(part, keep=self.keep_shards) if isinstance(part, ShardRef) else part


class _ChunkTask:
    """`run_chunk` with the plan and context bound, as a picklable callable for any executor. Given a
    shard folder, it writes the chunk's outcomes there and returns where (pipeline/shards.py)."""

    def __init__(self, until: str, ctx: Context, shards: str | None = None) -> None:
        self.until, self.ctx, self.shards = until, ctx, shards

    def __call__(self, sources: Sequence[Source]) -> list[Outcome] | ShardRef:
        outcomes = run_chunk(self.until, self.ctx, sources)
        if self.shards is None:
            return outcomes
        try:
            return write_shard(outcomes, self.shards)
        except (OSError, pa.ArrowException) as e:
            # A worker that cannot write there (a folder not shared with it) hands its outcomes back.
            log.warning("cannot write a shard to %s (%s): outcomes returned directly", self.shards, e)
            return outcomes
