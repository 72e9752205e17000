"""Word lists written as one string of space-separated words, as they read best in the source."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """`words("head chief director")` -> frozenset({"head", "chief", "director"})."""
    return frozenset(text.split())
