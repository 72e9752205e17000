"""Executors run the per-article stages over a batch, in input order, whatever the scheduling.

- `InlineExecutor`: this process (tests, `--workers 1`).
- `ProcessExecutor`: a local process pool. Where its workers are forked (`forks`, the default start
  method on Linux), the runner loads the stages' models in this process first and the workers
  inherit them; otherwise they load once per worker.
- `DaskExecutor` (in `pipeline.dask_executor`): a Dask cluster, local or remote.
- `StartedWhenWorthIt`: a pool that costs seconds to start (a local Dask cluster, whose workers each
  load the models) started by the first batch large enough to pay for that; smaller batches before
  it run in this process.

`Runner` asks `for_batch(pages)` which executor runs each batch.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    parallelism: int

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]: ...

    def for_batch(self, pages: int) -> Executor: ...

    def close(self) -> None: ...


class InlineExecutor:
    parallelism = 1
    forks = False

    def for_batch(self, pages: int) -> Executor:
        return self

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        return map(fn, items)

    def close(self) -> None:
        return None


class ProcessExecutor:
    def __init__(self, workers: int) -> None:
        self.parallelism = workers
        context = multiprocessing.get_context()
        # Workers start at the first map, copies of this process as it is then.
        self.forks = context.get_start_method() == "fork"
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def for_batch(self, pages: int) -> Executor:
        return self

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        return self._pool.map(fn, items)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class StartedWhenWorthIt:
    """A pool started by the first batch of at least `min_pages` pages; until then each batch runs in
    this process. Ingesting the two seed pages on a local Dask cluster of two workers took 5.8 s
    against 3.8 s in process (a re-run that stores nothing 3.2 s against 1.9; with cold disk caches
    15 s against 4.5): the cluster's start and the models loaded in each worker. Once started, the
    pool runs every batch."""

    def __init__(
        self, start: Callable[[], Executor], *, parallelism: int, min_pages: int, distributed: bool = False
    ) -> None:
        self._start, self._pool, self._inline = start, None, InlineExecutor()
        self.parallelism, self.min_pages, self.distributed = parallelism, min_pages, distributed
        self.forks = False

    @property
    def started(self) -> bool:
        return self._pool is not None

    def for_batch(self, pages: int) -> Executor:
        return self._inline if self._pool is None and pages < self.min_pages else self._started()

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        return self._started().map(fn, items)

    def _started(self) -> Executor:
        if self._pool is None:
            self._pool = self._start()
            self.parallelism = self._pool.parallelism
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()


def default_workers(configured: int) -> int:
    return configured if configured > 0 else (os.cpu_count() or 1)
