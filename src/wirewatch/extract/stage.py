"""The extract stage: entities (aliases merged, roles, places on the map) and who said what."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from wirewatch.extract.aliases import load_aliases
from wirewatch.extract.cue_model import load_cue_model
from wirewatch.extract.cues import fitted_frames, reporting_words
from wirewatch.extract.entities import find_entities
from wirewatch.extract.nlp import load_nlp, model_names
from wirewatch.extract.places import load_gazetteer
from wirewatch.extract.statements import find_statements
from wirewatch.model import Article, Extracted
from wirewatch.pipeline.context import Context
from wirewatch.pipeline.stage import stage
from wirewatch.settings import Settings


def _analyse(article: Article, ctx: Context, doc: Doc | None = None) -> Article:
    """One article, from its spaCy doc when the batch form has already made it."""
    cleaned = article.cleaned
    assert cleaned is not None  # guaranteed by the plan check, not by the input
    if doc is None:
        nlp = load_nlp(model_names(ctx.settings.get("extract", "models")))
        with nlp.memory_zone():  # as in extract_batch: the article's new words leave with it
            return _analyse(article, ctx, nlp(cleaned.body))
    aliases = load_aliases(ctx.settings.get("extract", "alias_file") or None)
    not_analysed: tuple[str, ...] = ()
    if cleaned.language not in ("en", "und"):
        statements_from = (
            "statements from quotation marks and reporting words only" if cleaned.language in reporting_words()
            else "no reporting words for it either (data/reporting_words.toml): no statement but the headline's"
        )
        not_analysed = (
            f"language '{cleaned.language}': no parser ships for it here; entities come from the alias "
            f"table and gazetteer, {statements_from}",
        )
    entities = find_entities(doc, aliases=aliases, language=cleaned.language)
    statements = find_statements(doc, entities, title=cleaned.title.value, language=cleaned.language)
    return replace(article, extracted=Extracted(entities, statements, not_analysed))


def extract_batch(articles: Sequence[Article], ctx: Context) -> list[Article | Exception]:
    """Several articles with one spaCy pass over their bodies: `nlp.pipe` steps the parser and the
    entity recogniser through all the texts together, about an eighth cheaper than one call per text
    (benchmarks/throughput.py), with the same annotations."""
    nlp = load_nlp(model_names(ctx.settings.get("extract", "models")))
    bodies = [a.cleaned.body if a.cleaned is not None else "" for a in articles]
    docs: list[Doc | None]
    out: list[Article | Exception] = []
    # Every word the parser meets for the first time is added to the vocabulary for good, unless it
    # is met inside a memory zone: a worker would otherwise grow with every article it ever read
    # (about 9 MiB per 1,000 news articles). Nothing made here outlives the zone but plain values.
    with nlp.memory_zone():
        try:
            docs = list(nlp.pipe(bodies, batch_size=max(1, len(bodies))))
        except Exception:  # one bad body must not cost the others their analysis: each is parsed alone
            docs = [None] * len(articles)
        for article, doc in zip(articles, docs, strict=True):
            try:
                out.append(_analyse(article, ctx, doc))
            except Exception as e:
                out.append(e)
    return out


def warm(settings: Settings) -> None:
    """What every article's extraction reads, loaded once: the spaCy pipeline (0.3 s of CPU), the
    gazetteer, the alias table, the cue model and tables."""
    load_nlp(model_names(settings.get("extract", "models")))
    load_aliases(settings.get("extract", "alias_file") or None)
    load_gazetteer()
    load_cue_model()
    fitted_frames()
    reporting_words()


@stage("extract", requires=["cleaned"], produces=["extracted"], batch=extract_batch, warm=warm)
def extract(article: Article, ctx: Context) -> Article:
    return _analyse(article, ctx)
