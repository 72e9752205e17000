"""The assess stage: credibility signals a person can check, each with its evidence."""

from __future__ import annotations

from dataclasses import replace

from wirewatch.assess.signals import find_signals
from wirewatch.extract.aliases import load_aliases
from wirewatch.model import Article
from wirewatch.pipeline.context import Context
from wirewatch.pipeline.stage import stage


@stage("assess", requires=["cleaned", "extracted"], produces=["signals"])
def assess(article: Article, ctx: Context) -> Article:
    # The user's alias file too: a headline may name an entity by an alias only the user added.
    aliases = load_aliases(ctx.settings.get("extract", "alias_file") or None)
    return replace(article, signals=article.signals + find_signals(article, aliases))
