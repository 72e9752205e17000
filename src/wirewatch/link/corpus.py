"""The linking stage over the stored corpus, and the library functions behind `wirewatch stories` / `claims`.

`StoryHook` is handed to `Store.save_batch`, which calls it inside the batch's transaction with the
articles just stored, in `seq` order: each is linked to a story, then the claims and `single_origin`
signals of every story the batch touched are recomputed from all of that story's stored articles.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence
from pathlib import Path

import duckdb

from wirewatch.link.claims import find_claims, single_origin
from wirewatch.link.features import link_features
from wirewatch.link.stories import LinkOptions, StoryLinker
from wirewatch.model import Article, Signal
from wirewatch.model.linked import Claim, Story
from wirewatch.settings import Settings, load_settings
from wirewatch.store import stories as q

log = logging.getLogger("wirewatch")

# Failures that must roll the batch back rather than leave an article unlinked: DuckDB's own errors,
# and the RuntimeError ("Query interrupted") it raises when Ctrl-C arrives during a query.
_STORE_FAILURES = (duckdb.Error, RuntimeError)


class StoryHook:
    """Links newly stored articles to stories (and claims); called by `Store.save_batch`."""

    def __init__(self, settings: Settings, *, claims: bool = True) -> None:
        self.opts = LinkOptions.from_settings(settings)
        self.claims = claims

    def __call__(self, con: duckdb.DuckDBPyConnection, stored: Sequence[tuple[int, Article]]) -> None:
        if not stored:
            return
        index = q.StoreLinkIndex(con)
        linker = StoryLinker(index, self.opts)
        touched: set[str] = set()
        for seq, article in sorted(stored, key=lambda p: p[0]):
            try:
                touched.add(linker.link(link_features(article, seq)))
            except _STORE_FAILURES:
                raise  # the store's own failure or Ctrl-C: the batch is rolled back, re-run links it
            except Exception:  # a bug on one article: it stays unlinked, the batch goes on
                log.error("linking %s failed:\n%s", article.id, traceback.format_exc())
        index.flush()
        touched.update(linker.absorbed)  # refreshed to nothing: their articles are in other stories now
        q.refresh_stories(con, touched)
        if self.claims:
            relink_claims(con, sorted(touched))


def relink_claims(con: duckdb.DuckDBPyConnection, stories: Sequence[str]) -> None:
    """Recompute the claims of these stories from their stored articles, and save what changed."""
    found: dict[str, list[Claim]] = {}
    signals: dict[str, Signal | None] = {}
    empty = set(stories)  # what is left: stories merged into others, whose claims go
    for story, rows in q.story_documents(con, stories):
        empty.discard(story)
        try:
            articles = [q.stored_article(doc, group) for doc, group in rows]
            claims = find_claims(articles, story=story)
            raised = {a.id: single_origin(a, claims) for a in articles}
        except _STORE_FAILURES:
            raise
        except Exception:  # a bug on one story: its stored claims and signals stay as they were
            log.error("claims of story %s failed:\n%s", story, traceback.format_exc())
            continue
        found[story] = claims
        signals.update(raised)
    found.update((story, []) for story in empty)
    q.save_claims(con, found, signals)


def stories(db: str | Path | None = None, *, limit: int | None = None) -> list[Story]:
    """Stored stories, largest first."""
    from wirewatch.store.db import Store

    with Store(db or load_settings().get("store", "db"), read_only=True) as store:
        return q.list_stories(store.con, limit=limit)


def claims(db: str | Path | None = None, *, entity: str | None = None, by: str = "repeated") -> list[Claim]:
    """Stored claims, most widely repeated first (`by="worth"`: most worth a fact-check first);
    `entity` keeps those its speaker, origin or content names."""
    from wirewatch.store.db import Store

    with Store(db or load_settings().get("store", "db"), read_only=True) as store:
        return q.list_claims(store.con, entity=entity, by=by)
