"""Wirewatch: reads the news the way a careful analyst does.

The public Python API. Stages pass `Article` objects; `analyze` runs the pipeline without storing,
`ingest` stores, `Store` reads what was stored. Over a stored corpus, each CLI command has its
function: `stories`, `claims`, `outlet_profiles`, `import_ratings`, `trends` and `alerts`.
"""

from wirewatch.assess.outlets import import_ratings, outlet_profiles
from wirewatch.errors import ConfigError, InputRejected, PlanError, StoreError, WirewatchError
from wirewatch.link.corpus import claims, stories
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
from wirewatch.model.convert import article_dict, article_from_dict
from wirewatch.monitor import alerts, trends
from wirewatch.pipeline.run import IngestSummary, analyze, analyze_text, ingest
from wirewatch.settings import Settings, load_settings
from wirewatch.store.db import Store

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
