"""The assess stage: credibility signals a person can check, each with its evidence."""

from __future__ import annotations

from dataclasses import replace

from wirewatch.assess.signals import find_signals
from wirewatch.model import Article
from wirewatch.pipeline.context import Context
from wirewatch.pipeline.stage import stage


@stage("assess", requires=["cleaned", "extracted"], produces=["signals"])
def assess(article: Article, ctx: Context) -> Article:
    return replace(article, signals=article.signals + find_signals(article))
