"""Data objects passed between stages. Dicts appear only at the edges (see `model.convert`)."""

from wirewatch.model.article import Article, Cleaned, Comment, Extracted, Found, Source
from wirewatch.model.findings import Entity, Geo, Signal, Statement
from wirewatch.model.rejection import Rejection

__all__ = ["Article", "Cleaned", "Comment", "Entity", "Extracted", "Found", "Geo", "Rejection", "Signal", "Source", "Statement"]
