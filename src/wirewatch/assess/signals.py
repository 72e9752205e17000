"""Per-article signals. (Being built: headline_overstates, vague_sourcing, propaganda spans.)"""

from __future__ import annotations

from wirewatch.model import Article, Signal


def find_signals(article: Article) -> tuple[Signal, ...]:
    return ()
