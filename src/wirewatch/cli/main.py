"""The `wirewatch` command. Each command parses, calls one library function, and formats."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from wirewatch.errors import WirewatchError
from wirewatch.model import Rejection
from wirewatch.model.convert import article_dict

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Read the news the way a careful analyst does.")
err = Console(stderr=True)

Paths = Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).", show_default=False)]
Meta = Annotated[Path | None, typer.Option("--meta", help="JSONL sidecar: file plus url/outlet/published.")]
Workers = Annotated[int | None, typer.Option("--workers", help="Worker processes (default: one per core).")]
Db = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: $WIREWATCH_DB or wirewatch.duckdb).")]


@app.callback()
def _group() -> None:
    """Read the news the way a careful analyst does."""


def report_rejection(r: Rejection) -> None:
    err.print(f"[red]rejected[/red] {r.name}: {r.reason}", highlight=False, markup=True, soft_wrap=True)


def fail(e: WirewatchError) -> typer.Exit:
    err.print(f"[red]error[/red] ({e.code}): {e.message}", highlight=False)
    return typer.Exit(2)


@app.command()
def analyze(
    paths: Paths,
    meta: Meta = None,
    url: Annotated[str | None, typer.Option("--url", help="The address of a single input file.")] = None,
    until: Annotated[str, typer.Option("--until", help="Stop after clean, extract or assess.")] = "assess",
    workers: Workers = None,
) -> None:
    """Analyse pages without storing anything; one JSON object per article on stdout."""
    from wirewatch.pipeline.run import analyze as run_analyze

    rejected = 0
    try:
        for outcome in run_analyze(paths, meta=meta, url=url, until=until, workers=workers):
            if isinstance(outcome, Rejection):
                rejected += 1
                report_rejection(outcome)
            else:
                sys.stdout.write(json.dumps(article_dict(outcome), ensure_ascii=False) + "\n")
                sys.stdout.flush()
    except WirewatchError as e:
        raise fail(e) from e
    if rejected:
        raise typer.Exit(1)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
