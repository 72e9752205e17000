"""A small stored corpus built by hand for the API and dashboard tests: two outlets on one story, and
a page whose every field carries script payloads."""

from __future__ import annotations

from pathlib import Path

from wirewatch.model import (
    Article,
    Cleaned,
    Comment,
    Entity,
    Extracted,
    Found,
    Geo,
    Signal,
    Source,
    Statement,
)
from wirewatch.store.db import Store

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"


def _article(
    id: str, *, title: str, outlet: str, body: str, published: str, language: str = "en", url: str | None = None,
    entities: tuple[Entity, ...] = (), statements: tuple[Statement, ...] = (), signals: tuple[Signal, ...] = (),
    comments: tuple[Comment, ...] = (),
) -> Article:
    return Article(
        source=Source(id=id, name=f"{id}.txt", raw=body.encode(), kind="text", url=url or f"https://{outlet}/{id}"),
        cleaned=Cleaned(
            text=body, encoding="utf-8", language=language, title=Found(title, "text line 1", 0.8),
            author=Found(None), outlet=Found(outlet, "url", 0.9), published=Found(published, "meta", 0.95),
            body=body, removed=("Menu",), comments=comments,
        ),
        extracted=Extracted(entities=entities, statements=statements),
        signals=signals,
    )


FSB = Entity("FSB", "ORG", ("FSB", "Federal Security Service"), count=2)
MOSCOW = Entity("Moscow", "GPE", ("Moscow",), geo=Geo(55.75, 37.62, "RU", "Moscow"))

SF_BODY = ("The Federal Security Service said on Friday that it had detained two men in Moscow.\n\n"
           "The FSB claims the men planned an attack, according to Russian news agencies.\n\n"
           "It is believed that more arrests will follow.")


def southfront() -> Article:
    said = SF_BODY.index("it had detained")
    vague = SF_BODY.index("It is believed")
    return _article(
        "a-fsb", title="FSB foils terror plot in Moscow", outlet="southfront.org", body=SF_BODY, published="2024-03-01",
        entities=(FSB, MOSCOW),
        statements=(
            Statement("FSB", None, "The Federal Security Service", None, "said",
                      "it had detained two men in Moscow", "indirect", "named", (said, said + 33)),
            Statement(None, None, "It is believed", None, "believed", "more arrests will follow", "indirect", "vague",
                      (vague, len(SF_BODY) - 1)),
        ),
        signals=(
            Signal("headline_overstates", "FSB foils terror plot in Moscow", None,
                   "the body only attributes the plot to the FSB"),
            Signal("vague_sourcing", "It is believed", (vague, vague + 14)),
        ),
        comments=(Comment("Great work by the services", "2024-03-02"),),
    )


def tass() -> Article:
    body = "ФСБ задержала двух человек в Москве.\n\nСледствие продолжается."
    return _article(
        "a-tass", title="Задержаны двое", outlet="tass.ru", body=body, published="2024-03-02", language="ru",
        entities=(Entity("FSB", "ORG", ("ФСБ",)), Entity("Moscow", "GPE", ("Москве",), geo=MOSCOW.geo)),
        statements=(Statement(None, None, None, None, None, "ФСБ задержала двух человек в Москве", "indirect", "none",
                              (0, 35)),),
    )


XSS_BODY = f"Intro {SCRIPT} middle {IMG} end of the page about Selmar."


def hostile() -> Article:
    s = XSS_BODY.index(SCRIPT)
    i = XSS_BODY.index(IMG)
    return _article(
        "a-xss", title=f"{SCRIPT} headline {IMG}", outlet=f"evil{IMG}.example", body=XSS_BODY, published="2024-03-05",
        url="javascript:alert(3)",
        entities=(Entity(SCRIPT, "PERSON", (SCRIPT, "Selmar")), Entity("Selmar", "GPE", ("Selmar",),
                                                                       geo=Geo(10.0, 20.0, "XX", IMG))),
        # Spans that start and end inside the payloads: the cuts must not turn them into markup.
        statements=(Statement(SCRIPT, IMG, SCRIPT, IMG, IMG, f"{SCRIPT} said", "direct", "named", (s + 3, i + 5)),),
        signals=(Signal(f"propaganda:{IMG}", SCRIPT, (s + 1, s + 12), IMG),),
        comments=(Comment(f"{SCRIPT}{IMG}", None),),
    )


def build(path: Path) -> Path:
    with Store(path) as store:
        store.save_batch([southfront(), tass(), hostile()])
        store.con.execute("UPDATE articles SET story = 's1' WHERE id IN ('a-fsb', 'a-tass')")
        store.con.execute("UPDATE articles SET story = ? WHERE id = 'a-xss'", [f"s-{SCRIPT}"])
    return path
