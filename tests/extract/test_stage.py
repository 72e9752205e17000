"""The extract stage: its batch form (one spaCy pass over several bodies) gives what the stage gives
article by article, and one failing article does not take the others with it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wirewatch.extract.stage import extract, extract_batch
from wirewatch.model import Article, Cleaned, Found, Source
from wirewatch.pipeline.context import Context
from wirewatch.pipeline.runner import run_many
from wirewatch.pipeline.stage import stage
from wirewatch.settings import load_settings

BODIES = [
    "The mayor of Selmar, Ingrid Halvorsen, said on Monday that the bridge would reopen in May.\n\n"
    '"We are not going to rush it," she told reporters.',
    "Varnex shares fell sharply in Dorvik after the company warned that orders had slowed.",
    "Rain is expected across the north of the country on Tuesday.",
]


@pytest.fixture(scope="module")
def ctx():
    return Context(load_settings())


def cleaned_article(i: int, body: str) -> Article:
    source = Source(f"id{i}", f"page{i}.txt", body.encode(), "text")
    none = Found(None)
    return Article(source, Cleaned(body, "utf-8", "en", none, none, none, none, body))


def test_batch_form_gives_what_the_stage_gives_one_by_one(ctx):
    articles = [cleaned_article(i, b) for i, b in enumerate(BODIES)]
    one_by_one = [extract.run(a, ctx) for a in articles]
    assert extract_batch(articles, ctx) == one_by_one
    assert any(s.speaker and "Halvorsen" in s.speaker for s in one_by_one[0].extracted.statements)


def test_a_failing_article_in_a_batch_fails_alone(ctx):
    articles = [cleaned_article(i, b) for i, b in enumerate(BODIES)]
    articles[1] = replace(articles[1], cleaned=None)  # what the plan check would have refused
    results = extract_batch(articles, ctx)
    assert isinstance(results[1], Exception)
    assert isinstance(results[0], Article) and isinstance(results[2], Article)


def test_runner_rejects_only_the_article_a_batch_stage_failed(ctx):
    def boom(article: Article, ctx: Context) -> Article:
        if article.source.name == "page1.txt":
            raise ValueError("broken")
        return article

    def boom_batch(articles, ctx):
        return [boom_or_error(a) for a in articles]

    def boom_or_error(article):
        try:
            return boom(article, ctx)
        except ValueError as e:
            return e

    flaky = stage("flaky", batch=boom_batch)(boom)
    sources = [cleaned_article(i, b).source for i, b in enumerate(BODIES)]
    outcomes = run_many(sources, [flaky], ctx)
    assert [type(o).__name__ for o in outcomes] == ["Article", "Rejection", "Article"]
    assert outcomes[1].code == "internal_error"


def test_words_first_met_in_a_batch_do_not_stay_in_the_vocabulary(ctx):
    from wirewatch.extract.nlp import load_nlp, model_names

    strings = load_nlp(model_names(ctx.settings.get("extract", "models"))).vocab.strings
    body = "Officials in Qarvendish said the Zorblatt brigade had skrellowed the ridge road."
    for round_ in range(2):  # the second batch meets the same words again, after the first let them go
        (done,) = extract_batch([cleaned_article(round_, body)], ctx)
        assert isinstance(done, Article) and done.extracted is not None
        assert any(s.content.endswith("ridge road") for s in done.extracted.statements)
        assert "Zorblatt" not in strings and "skrellowed" not in strings


def test_what_was_not_analysed_says_whether_the_language_has_reporting_words(ctx):
    def in_language(language: str) -> Article:
        a = cleaned_article(9, "Selmar - Penjaga perbatasan mengatakan jalan itu ditutup.")
        return replace(a, cleaned=replace(a.cleaned, language=language))

    (indonesian,) = extract.run(in_language("id"), ctx).extracted.not_analysed
    (turkish,) = extract.run(in_language("tr"), ctx).extracted.not_analysed
    assert "reporting words only" in indonesian
    assert "no reporting words" in turkish and "no statement but the headline's" in turkish
