"""Wirewatch: reads the news the way a careful analyst does.

The public Python API. Stages pass `Article` objects; `analyze` runs the pipeline without storing,
`ingest` stores, `Store` reads what was stored. Over a stored corpus, each CLI command has its
function: `stories`, `claims`, `outlet_profiles`, `import_ratings`, `trends` and `alerts`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from wirewatch.errors import ConfigError, InputRejected, PlanError, StoreError, WirewatchError
from wirewatch.model import (
    Article,
    Cleaned,
    Comment,
    Entity,
    Extracted,
    Found,
    Geo,
    Rejection,
    Signal,
    Source,
    Statement,
)

# The rest of the API is imported when first used (PEP 562): a Dask worker that unpickles a stage
# imports this package, and must not load the store, DuckDB, linking and monitoring with it (about
# 70 MiB a worker that only runs the per-article stages).
_LAZY = {
    "import_ratings": "wirewatch.assess.outlets",
    "outlet_profiles": "wirewatch.assess.outlets",
    "claims": "wirewatch.link.corpus",
    "stories": "wirewatch.link.corpus",
    "article_dict": "wirewatch.model.convert",
    "article_from_dict": "wirewatch.model.convert",
    "alerts": "wirewatch.monitor",
    "trends": "wirewatch.monitor",
    "IngestSummary": "wirewatch.pipeline.run",
    "analyze": "wirewatch.pipeline.run",
    "analyze_text": "wirewatch.pipeline.run",
    "ingest": "wirewatch.pipeline.run",
    "Settings": "wirewatch.settings",
    "load_settings": "wirewatch.settings",
    "Store": "wirewatch.store.db",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Article",
    "Cleaned",
    "Comment",
    "ConfigError",
    "Entity",
    "Extracted",
    "Found",
    "Geo",
    "IngestSummary",
    "InputRejected",
    "PlanError",
    "Rejection",
    "Settings",
    "Signal",
    "Source",
    "Statement",
    "Store",
    "StoreError",
    "WirewatchError",
    "alerts",
    "analyze",
    "analyze_text",
    "article_dict",
    "article_from_dict",
    "claims",
    "import_ratings",
    "ingest",
    "load_settings",
    "outlet_profiles",
    "stories",
    "trends",
]
