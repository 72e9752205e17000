"""Executors run the per-article stages over a batch, in input order, whatever the scheduling.

- `InlineExecutor`: this process (tests, `--workers 1`).
- `ProcessExecutor`: a local process pool. Where its workers are forked (`forks`, the default start
  method on Linux), the runner loads the stages' models in this process first and the workers
  inherit them; otherwise they load once per worker.
- `DaskExecutor` (in `pipeline.dask_executor`): a Dask cluster, local or remote.
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

    def close(self) -> None: ...


class InlineExecutor:
    parallelism = 1
    forks = False

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

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        return self._pool.map(fn, items)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def default_workers(configured: int) -> int:
    return configured if configured > 0 else (os.cpu_count() or 1)
