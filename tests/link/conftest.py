"""Articles built by hand for the linking tests, and the multilingual fixture corpus."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.model import Article, Cleaned, Entity, Extracted, Found, Source, Statement

FIXTURES = Path(__file__).parent / "fixtures"


def make_article(
    id: str, body: str, *, title: str = "", language: str = "en", outlet: str | None = None,
    published: str | None = None, entities: tuple[Entity, ...] = (), statements: tuple[Statement, ...] = (),
    duplicate_group: str | None = None,
) -> Article:
    return Article(
        source=Source(id=id, name=f"{id}.txt", raw=body.encode(), kind="text"),
        cleaned=Cleaned(
            text=body, encoding="utf-8", language=language, title=Found(title or None, "test", 1.0),
            author=Found(None), outlet=Found(outlet, "test", 1.0 if outlet else 0.0),
            published=Found(published, "test", 1.0 if published else 0.0), body=body,
        ),
        extracted=Extracted(entities=entities, statements=statements),
        duplicate_group=duplicate_group,
    )


# What extraction would find in the English pages; the other languages get none, the worst case.
_ENTITIES = {
    "Varnex": "ORG", "Selmar": "GPE", "Ingrid Halvorsen": "PERSON",
    "Tolmar": "ORG", "Dorvik": "GPE", "Marek Jansky": "PERSON",
}


def fixture_articles() -> list[Article]:
    out = []
    for line in (FIXTURES / "plant_blast.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        entities = ()
        if d["language"] == "en":
            entities = tuple(Entity(n, t, (n,)) for n, t in _ENTITIES.items() if n in d["text"])
        out.append(make_article(d["id"], d["text"], title=d["title"], language=d["language"], outlet=d["outlet"],
                                published=d["published"], entities=entities))
    return out
