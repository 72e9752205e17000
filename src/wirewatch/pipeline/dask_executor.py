"""The distributed executor: the same chunks of work, sent to a Dask cluster.

`wirewatch ingest --workers N` starts a `LocalCluster` of N worker processes (one thread each, since
the stages are CPU-bound Python); `--scheduler ADDRESS` connects to a cluster that already runs
(Kubernetes, SLURM through dask-jobqueue, ...). Workers load the models once each (the loaders are
cached per process). Results come back in submission order, and corpus-level steps stay in the
calling process, so the stored corpus is the same as with the in-process executor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from wirewatch.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")


def _quiet_dask_logs() -> None:
    """Dask logs its scheduler's start and stop at INFO on a logger of its own ("State start",
    "Scheduler at ...", a note on jupyter-server-proxy), which reached the user's terminal through
    `wirewatch ingest`'s handler; its warnings and errors still do."""
    logging.getLogger("distributed").setLevel(logging.WARNING)


class DaskExecutor:
    # Workers may run on other machines: they hand back results as Parquet shards (pipeline/shards.py).
    distributed = True

    def __init__(self, client: Any, cluster: Any | None = None) -> None:
        self.client = client
        self.cluster = cluster
        workers = client.scheduler_info().get("workers", {})
        self.parallelism = max(1, sum(w.get("nthreads", 1) for w in workers.values()))

    @classmethod
    def local(cls, workers: int, *, malloc_arenas: int = 0) -> DaskExecutor:
        """A local cluster of `workers` processes, each started with at most `malloc_arenas` glibc
        malloc arenas (`ingest.malloc_arena_max`, as the ingest process itself; 0: glibc's default).
        A worker's task thread and event loop each got an arena of their own and kept the memory
        freed into it: in the full-pipeline memory benchmark on 2 workers they grew 1,012 -> 1,153
        MiB from 3,800 to 14,600 articles; capped at two, 1,017 -> 1,031 MiB from 3,000 to 5,000."""
        try:
            import dask
            from dask.distributed import Client, LocalCluster
        except ImportError as e:
            raise ConfigError("the Dask executor needs the 'scale' extra: pip install 'wirewatch[scale]'") from e
        _quiet_dask_logs()
        # A worker samples its task thread's stack every 10 ms and keeps a call tree for each of the
        # last 1,000 seconds, for a dashboard this cluster does not serve; the workers start with the
        # configuration in force here.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.WARNING, env={"MALLOC_ARENA_MAX": str(malloc_arenas)} if malloc_arenas > 0 else {},
            )
        return cls(Client(cluster), cluster)

    @classmethod
    def connect(cls, address: str) -> DaskExecutor:
        try:
            from dask.distributed import Client
        except ImportError as e:
            raise ConfigError("the Dask executor needs the 'scale' extra: pip install 'wirewatch[scale]'") from e
        _quiet_dask_logs()
        try:
            return cls(Client(address, timeout="20s"))
        except OSError as e:
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {e}") from e

    def for_batch(self, pages: int) -> DaskExecutor:
        return self

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        futures = self.client.map(fn, list(items), pure=False)
        return iter(self.client.gather(futures))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
