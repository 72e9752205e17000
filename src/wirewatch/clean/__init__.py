"""Cleaning: flattened-text and HTML pages to the article, its comments and metadata."""
