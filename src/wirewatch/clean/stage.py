"""The clean stage: decode the raw input, strip the page down to the article, recover metadata."""

from __future__ import annotations

from dataclasses import replace

from wirewatch.clean.flat import clean_flat
from wirewatch.clean.html import clean_html
from wirewatch.clean.language import detect_language
from wirewatch.clean.memory import outlet_key
from wirewatch.clean.metadata import author_of, outlet_of, published_of, title_of
from wirewatch.ingest.decode import check_text, decode
from wirewatch.model import Article, Cleaned
from wirewatch.pipeline.context import Context
from wirewatch.pipeline.stage import stage


@stage("clean", requires=["source"], produces=["cleaned"])
def clean(article: Article, ctx: Context) -> Article:
    source = article.source
    decoded = decode(source.raw, source.name)
    check_text(decoded.text, source.name)
    if source.kind == "html":
        parts = clean_html(decoded.text, url=source.url)
        language = detect_language("\n".join(parts.paragraphs) or decoded.text)
    else:
        language = detect_language(decoded.text)
        parts = clean_flat(
            decoded.text, language=language, url=source.url,
            chrome=ctx.outlet_chrome.get(outlet_key(source) or "", frozenset()),
        )
    published, signals = published_of(source, parts)
    cleaned = Cleaned(
        text=decoded.text,
        encoding=decoded.encoding,
        language=language,
        title=title_of(source, parts),
        author=author_of(source, parts),
        outlet=outlet_of(source, parts),
        published=published,
        body="\n\n".join(parts.paragraphs),
        removed=parts.removed,
        comments=parts.comments,
    )
    return replace(article, cleaned=cleaned, signals=article.signals + signals)
