"""The library functions behind `wirewatch analyze` and `wirewatch ingest`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from wirewatch.ingest.readers import Hints, read_inputs, read_meta
from wirewatch.pipeline.executors import Executor, InlineExecutor, ProcessExecutor, default_workers
from wirewatch.pipeline.runner import Outcome, Runner, batches
from wirewatch.settings import Settings, load_settings


def make_executor(workers: int | None, settings: Settings, scheduler: str | None = None) -> Executor:
    if scheduler:
        from wirewatch.pipeline.dask_executor import DaskExecutor

        return DaskExecutor.connect(scheduler)
    n = default_workers(workers if workers is not None else int(settings.get("ingest", "workers")))
    return InlineExecutor() if n <= 1 else ProcessExecutor(n)


def _inputs(paths: Sequence[str | Path], meta: str | Path | None, url: str | None, settings: Settings):  # type: ignore[no-untyped-def]
    hints: dict[str, Hints] = read_meta(meta) if meta else {}
    return read_inputs(
        [str(p) for p in paths], meta=hints, url=url, max_bytes=int(settings.get("ingest", "max_bytes"))
    )


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


ProgressFn = Callable[[int], None]
