"""Data objects passed between stages. Dicts appear only at the edges (see `model.convert`)."""

from wirewatch.model.article import Article, Cleaned, Comment, Extracted, Found, Source
from wirewatch.model.findings import Entity, Geo, Signal, Statement
from wirewatch.model.rejection import Rejection

# What the per-article stages make of one input.
Outcome = Article | Rejection

__all__ = [
    "Article", "Cleaned", "Comment", "Entity", "Extracted", "Found", "Geo", "Outcome", "Rejection", "Signal", "Source",
    "Statement",
]
