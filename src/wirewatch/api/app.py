"""The one process behind `wirewatch serve`: the JSON API under `/api`, the dashboard everywhere else.

    create_app(db) -> FastAPI
      EdgeMiddleware        security headers on every response, request-size limit, last-resort 500
      error handlers        one JSON shape for every error (api.errors)
      /api/...              api.routes, documented in /api/openapi.json and docs/api.md
      /...                  web.views, server-rendered pages

The database is opened read-write, because `POST /api/ingest` writes through it; DuckDB lets one
process hold a file, so `wirewatch ingest` cannot run against the same file while it is served.
On start the search index beside the database catches up with whatever was stored without it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from wirewatch.api.deps import ServerState
from wirewatch.api.edge import EdgeMiddleware
from wirewatch.api.errors import install_error_handlers
from wirewatch.settings import Settings, load_settings
from wirewatch.store.db import Store
from wirewatch.store.search import SearchIndex

log = logging.getLogger(__name__)


def open_search_index(db: str, store: Store) -> SearchIndex | None:
    """The index beside the database, refreshed; None where tantivy is not installed."""
    try:
        index = SearchIndex.for_db(db)
    except ImportError:
        log.warning("tantivy is not installed (the `api` extra): search falls back to a slow scan")
        return None
    added = index.refresh(store.con)
    if added:
        log.info("search index: %d articles added", added)
    return index


def create_app(db: str | Path, *, settings: Settings | None = None) -> FastAPI:
    from wirewatch.api.routes import router as api_router
    from wirewatch.web.views import router as web_router
    from wirewatch.web.views import static_dir

    settings = settings or load_settings()
    store = Store(db)
    index = open_search_index(str(db), store)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="wirewatch", version=version("wirewatch"), lifespan=lifespan,
        description="Stored articles, entities, outlets and stories; full-text search; one-page ingest.",
        # The interactive docs pages load scripts from a CDN and run inline code, which the CSP forbids;
        # the schema itself is served, and docs/api.md lists every route.
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.wirewatch = ServerState(db=str(db), store=store, index=index, settings=settings)
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    app.add_middleware(EdgeMiddleware, max_request_bytes=int(settings.get("api", "max_request_bytes")))
    return app
