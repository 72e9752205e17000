"""The `wirewatch` command. Each command parses, calls one library function, and formats."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from wirewatch.errors import WirewatchError
from wirewatch.model import Rejection
from wirewatch.model.convert import article_dict

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="Read the news the way a careful analyst does.",
)
err = Console(stderr=True)

Paths = Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).", show_default=False)]
Meta = Annotated[Path | None, typer.Option("--meta", help="JSONL sidecar: file plus url/outlet/published.")]
Workers = Annotated[int | None, typer.Option("--workers", help="Worker processes (default: one per core).")]
Db = Annotated[Path | None, typer.Option("--db", help="DuckDB file (default: $WIREWATCH_DB or wirewatch.duckdb).")]
Json = Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")]
Until = Annotated[str, typer.Option("--until", help="Stop after clean, extract or assess.")]


class ClaimOrder(StrEnum):
    """`store.stories.ClaimOrder` as the choices Typer shows; spelt out here so that the CLI does
    not import the store to print its help (a test keeps the two the same)."""

    repeated = "repeated"
    worth = "worth"


@app.callback()
def _group() -> None:
    """Read the news the way a careful analyst does."""


def report_rejection(r: Rejection) -> None:
    err.print(f"[red]rejected[/red] {r.name}: {r.reason}", highlight=False, markup=True, soft_wrap=True)


def fail(e: WirewatchError) -> typer.Exit:
    err.print(f"[red]error[/red] ({e.code}): {e.message}", highlight=False)
    return typer.Exit(2)


def _json_lines(rows: Iterable[dict]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command()
def analyze(
    paths: Paths,
    meta: Meta = None,
    url: Annotated[str | None, typer.Option("--url", help="The address of a single input file.")] = None,
    until: Until = "assess",
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


def _db(db: Path | None) -> str:
    from wirewatch.settings import load_settings

    return str(db) if db else str(load_settings().get("store", "db"))


@app.command()
def ingest(
    paths: Paths,
    meta: Meta = None,
    db: Db = None,
    workers: Workers = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of an existing Dask cluster.")] = None,
    until: Until = "assess",
) -> None:
    """Store pages in the database; ends with a summary line. `--until clean` stores cleaned articles
    only (a fast archive, linked and searchable; entities, statements and signals left out)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from wirewatch.pipeline.run import ingest as run_ingest

    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed} inputs"), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("ingesting", total=None)
            summary = run_ingest(paths, db=_db(db), meta=meta, workers=workers, scheduler=scheduler, until=until,
                                 progress=lambda n: bar.advance(task, n))
    except WirewatchError as e:
        raise fail(e) from e
    for r in summary.rejected:
        report_rejection(r)
    typer.echo(summary.line)
    if summary.rejected:
        raise typer.Exit(1)


@app.command()
def export(
    db: Db = None,
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (csv/parquet).")] = None,
) -> None:
    """Print every stored article as JSON Lines (or write CSV / Parquet)."""
    from wirewatch.store.export import export_articles

    try:
        export_articles(_db(db), format=format, output=output, out=sys.stdout)
    except WirewatchError as e:
        raise fail(e) from e


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="An article id (or its first characters).")], db: Db = None) -> None:
    """A readable view of one stored article."""
    from wirewatch.cli.views import render_article
    from wirewatch.store.db import Store

    try:
        with Store(_db(db), read_only=True) as store:
            d = store.article_dict(article_id)
    except WirewatchError as e:
        raise fail(e) from e
    if d is None:
        err.print(f"no stored article with id {article_id}")
        raise typer.Exit(1)
    render_article(d, Console())


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API and the dashboard from one process."""
    try:
        import uvicorn

        from wirewatch.api.app import create_app
    except ImportError as e:
        err.print(f"[red]error[/red]: serve needs the `api` extra (pip install 'wirewatch[api]'): {e}")
        raise typer.Exit(2) from e
    try:
        application = create_app(_db(db))
    except WirewatchError as e:
        raise fail(e) from e
    uvicorn.run(application, host=host, port=port, log_level="info")


@app.command()
def outlets(
    db: Db = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet.")] = None,
    as_json: Json = False,
) -> None:
    """Measured outlet profiles, with imported source ratings shown beside them."""
    from wirewatch.assess.outlets import outlet_profiles
    from wirewatch.cli.views import render_outlets
    from wirewatch.store.db import Store

    try:
        with Store(_db(db), read_only=True) as store:
            profiles = outlet_profiles(store, outlet=outlet)
    except WirewatchError as e:
        raise fail(e) from e
    if as_json:
        _json_lines(p.as_dict() for p in profiles)
    else:
        render_outlets(profiles, Console())


@app.command()
def ratings(
    file: Annotated[Path, typer.Argument(help="CSV with a domain and a rating column.")],
    rated_by: Annotated[str, typer.Option("--rated-by", help="Who made these ratings (required).")],
    db: Db = None,
    domain_column: Annotated[str | None, typer.Option("--domain-column")] = None,
    rating_column: Annotated[str | None, typer.Option("--rating-column")] = None,
) -> None:
    """Import source ratings (CSV: domain, rating) made by someone else; shown beside outlet profiles."""
    from wirewatch.assess.outlets import import_ratings
    from wirewatch.store.db import Store

    try:
        with Store(_db(db)) as store:
            n = import_ratings(store, file, rated_by=rated_by, domain_column=domain_column,
                               rating_column=rating_column)
    except (WirewatchError, OSError) as e:
        raise fail(e if isinstance(e, WirewatchError) else WirewatchError(str(e))) from e
    typer.echo(f"{n} ratings by {rated_by} stored")


@app.command()
def stories(db: Db = None, json_lines: Json = False,
            limit: Annotated[int | None, typer.Option("--limit", help="At most this many, largest first.")] = None) -> None:
    """Stories: articles, in any language, that report one event."""
    from dataclasses import asdict

    from wirewatch.cli.link_views import stories_table
    from wirewatch.link.corpus import stories as find

    try:
        found = find(_db(db), limit=limit)
    except WirewatchError as e:
        raise fail(e) from e
    if json_lines:
        _json_lines(asdict(s) for s in found)
    else:
        Console().print(stories_table(found))


@app.command()
def claims(db: Db = None, json_lines: Json = False,
           entity: Annotated[str | None, typer.Option("--entity", help="Only claims by or about this name.")] = None,
           by: Annotated[ClaimOrder, typer.Option("--by", help="repeated: most widely repeated first; "
                                                  "worth: most worth a fact-check first.")] = ClaimOrder.repeated) -> None:
    """Claims: who said what first, who repeated it and how, how many independent origins it has, and
    how much it deserves a fact-check (a ranking, not a verdict)."""
    from dataclasses import asdict

    from wirewatch.cli.link_views import claims_table
    from wirewatch.link.corpus import claims as find

    try:
        found = find(_db(db), entity=entity, by=by.value)
    except WirewatchError as e:
        raise fail(e) from e
    if json_lines:
        _json_lines(asdict(c) for c in found)
    else:
        Console().print(claims_table(found))


@app.command()
def trends(
    db: Db = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Only the series of this name (any kind).")] = None,
    days: Annotated[int | None, typer.Option("--days", help="Days to show, ending at the latest stored day.")] = None,
    kind: Annotated[list[str] | None, typer.Option("--kind", help="entity, place, story, claim or outlet.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many series, bursts first.")] = None,
    as_json: Json = False,
) -> None:
    """Daily series per entity, place, story, claim and outlet, bursts against their own baseline first."""
    from wirewatch.cli.monitor_views import trends_table
    from wirewatch.monitor import trends as find

    try:
        report = find(_db(db), entity=entity, days=days, kinds=kind or None, limit=limit)
    except WirewatchError as e:
        raise fail(e) from e
    if as_json:
        _json_lines(t.as_dict() for t in report.trends)
    else:
        Console().print(trends_table(report))


@app.command()
def alerts(
    db: Db = None,
    detect: Annotated[bool, typer.Option("--detect", help="Run detection first (bursts, pairings, watchlist).")] = False,
    watchlist: Annotated[Path | None, typer.Option("--watchlist", help="Watchlist file (YAML or JSON); implies --detect.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many, newest first.")] = None,
    as_json: Json = False,
) -> None:
    """Stored alerts, newest first; --detect raises new ones and posts them to the configured webhook."""
    from wirewatch.cli.monitor_views import alerts_table
    from wirewatch.monitor import alerts as find

    try:
        report = find(_db(db), detect_now=detect, watchlist=watchlist, limit=limit)
    except WirewatchError as e:
        raise fail(e) from e
    if as_json:
        _json_lines(a.as_dict() for a in report.alerts)
    else:
        Console().print(alerts_table(report))
    if detect or watchlist:
        n = len(report.new)
        err.print(f"{n} new alert{'' if n == 1 else 's'}", highlight=False)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except WirewatchError as e:
        raise SystemExit(fail(e).exit_code) from None
    except Exception as e:  # a bug: say so in one line; WIREWATCH_DEBUG=1 shows the traceback
        if os.environ.get("WIREWATCH_DEBUG"):
            raise
        err.print(f"[red]internal error[/red]: {type(e).__name__}: {e} (set WIREWATCH_DEBUG=1 for details)")
        raise SystemExit(3) from None
