"""Readers for every input format, content identity and near-duplicate detection."""
