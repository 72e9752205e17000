"""`StartedWhenWorthIt`: a pool that is slow to start runs only batches large enough to pay for it."""

from __future__ import annotations

from wirewatch.pipeline import dask_executor
from wirewatch.pipeline.executors import InlineExecutor, StartedWhenWorthIt
from wirewatch.pipeline.run import ingest
from wirewatch.settings import load_settings

from ..conftest import FLAT_PAGE


class Pool(InlineExecutor):
    parallelism = 3
    distributed = True


def test_small_batches_run_in_process_until_one_is_large_enough_then_the_pool_runs_all():
    starts: list[Pool] = []
    lazy = StartedWhenWorthIt(lambda: starts.append(Pool()) or starts[-1], parallelism=3, min_pages=10)
    first = lazy.for_batch(4)
    assert isinstance(first, InlineExecutor) and not isinstance(first, Pool) and not lazy.started
    assert lazy.for_batch(10) is starts[0] and lazy.started
    assert lazy.for_batch(1) is starts[0] and len(starts) == 1
    assert list(lazy.map(str, [1, 2])) == ["1", "2"]
    lazy.close()


def test_a_small_ingest_on_the_dask_executor_starts_no_cluster(tmp_path, monkeypatch):
    def no_cluster(*args, **kwargs):
        raise AssertionError("a local cluster was started for one page")

    monkeypatch.setattr(dask_executor.DaskExecutor, "local", no_cluster)
    (tmp_path / "strike.txt").write_text(FLAT_PAGE)
    dask = load_settings(env={"WIREWATCH_INGEST_EXECUTOR": "dask"})
    summary = ingest([tmp_path / "strike.txt"], db=tmp_path / "w.duckdb", workers=2, until="clean", settings=dask)
    assert summary.line == "1 new, 0 already stored, 0 rejected"


def test_the_cluster_starts_for_the_first_batch_of_enough_pages(tmp_path, monkeypatch):
    started: list[int] = []

    def local(workers: int, **options: int) -> Pool:
        started.append(workers)
        return Pool()

    monkeypatch.setattr(dask_executor.DaskExecutor, "local", local)
    for k in range(3):
        (tmp_path / f"strike-{k}.txt").write_text(FLAT_PAGE.replace("dock workers", f"dock workers of pier {k}"))
    dask = load_settings(env={"WIREWATCH_INGEST_EXECUTOR": "dask", "WIREWATCH_INGEST_CLUSTER_MIN_PAGES": "3"})
    summary = ingest([tmp_path], db=tmp_path / "w.duckdb", workers=2, until="clean", settings=dask)
    assert summary.new == 3 and started == [2]

