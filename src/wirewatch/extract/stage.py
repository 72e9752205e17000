"""The extract stage: entities (aliases merged, roles, places on the map) and who said what."""

from __future__ import annotations

from dataclasses import replace

from wirewatch.extract.aliases import load_aliases
from wirewatch.extract.entities import find_entities
from wirewatch.extract.nlp import load_nlp, model_names
from wirewatch.extract.statements import find_statements
from wirewatch.model import Article, Extracted
from wirewatch.pipeline.context import Context
from wirewatch.pipeline.stage import stage


@stage("extract", requires=["cleaned"], produces=["extracted"])
def extract(article: Article, ctx: Context) -> Article:
    cleaned = article.cleaned
    assert cleaned is not None  # guaranteed by the plan check, not by the input
    nlp = load_nlp(model_names(ctx.settings.get("extract", "models")))
    aliases = load_aliases(ctx.settings.get("extract", "alias_file") or None)
    not_analysed: tuple[str, ...] = ()
    if cleaned.language not in ("en", "und"):
        not_analysed = (
            f"language '{cleaned.language}': no parser ships for it here; entities come from the alias "
            "table and gazetteer, statements from quotation marks and reporting words only",
        )
    doc = nlp(cleaned.body)
    entities = find_entities(doc, aliases=aliases, language=cleaned.language)
    statements = find_statements(doc, entities, title=cleaned.title.value, language=cleaned.language)
    return replace(article, extracted=Extracted(entities, statements, not_analysed))
