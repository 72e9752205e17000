"""Articles to and from the JSON shape of CONTRACT.md: the only place dicts are made."""

from __future__ import annotations

from typing import Any

from wirewatch.model.article import Article, Cleaned, Comment, Extracted, Found, Source
from wirewatch.model.findings import Entity, Geo, Signal, Statement


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return list(span) if span is not None else None


def entity_dict(e: Entity) -> dict[str, Any]:
    geo = None
    if e.geo is not None:
        geo = {"lat": e.geo.lat, "lon": e.geo.lon, "country": e.geo.country, "place": e.geo.place}
    return {
        "name": e.name,
        "type": e.type,
        "mentions": list(e.mentions),
        "roles": list(e.roles),
        "count": e.count,
        "geo": geo,
    }


def statement_dict(s: Statement) -> dict[str, Any]:
    return {
        "speaker": s.speaker,
        "speaker_role": s.speaker_role,
        "source_text": s.source_text,
        "via": s.via,
        "cue": s.cue,
        "content": s.content,
        "quote": s.quote,
        "sourcing": s.sourcing,
        "span": _span(s.span),
    }


def signal_dict(s: Signal) -> dict[str, Any]:
    d: dict[str, Any] = {"kind": s.kind, "evidence": s.evidence, "span": _span(s.span)}
    if s.detail:
        d["detail"] = s.detail
    return d


def article_dict(a: Article) -> dict[str, Any]:
    c = a.cleaned
    x = a.extracted or Extracted()
    src = a.source
    return {
        "id": a.id,
        "url": src.url,
        "outlet": c.outlet.value if c else src.outlet,
        "language": c.language if c else None,
        "title": c.title.value if c else src.title,
        "author": c.author.value if c else None,
        "published": {
            "date": c.published.value if c else None,
            "source": c.published.source if c else None,
            "confidence": c.published.confidence if c else 0.0,
        },
        "provenance": {
            "title": c.title.source if c else None,
            "author": c.author.source if c else None,
            "outlet": c.outlet.source if c else None,
        },
        "duplicate_group": a.duplicate_group,
        "body": c.body if c else "",
        "removed": list(c.removed) if c else [],
        "comments": [{"text": m.text, "date": m.date} for m in c.comments] if c else [],
        "entities": [entity_dict(e) for e in x.entities],
        "statements": [statement_dict(s) for s in x.statements],
        "signals": [signal_dict(s) for s in a.signals],
        "not_analysed": list(x.not_analysed),
        "input": {"name": src.name, "kind": src.kind, "encoding": c.encoding if c else None},
    }


def _tuple_span(v: Any) -> tuple[int, int] | None:
    return (int(v[0]), int(v[1])) if v else None


def article_from_dict(d: dict[str, Any], raw: bytes = b"") -> Article:
    """Rebuild an Article from its stored JSON (the raw bytes are kept apart in the store)."""
    prov = d.get("provenance") or {}
    pub = d.get("published") or {}
    inp = d.get("input") or {}
    source = Source(
        id=d["id"], name=inp.get("name") or d["id"], raw=raw, kind=inp.get("kind") or "text",
        url=d.get("url"), outlet=d.get("outlet"), title=d.get("title"),
    )
    cleaned = Cleaned(
        text="",
        encoding=inp.get("encoding") or "utf-8",
        language=d.get("language") or "und",
        title=Found(d.get("title"), prov.get("title"), 1.0 if d.get("title") else 0.0),
        author=Found(d.get("author"), prov.get("author"), 1.0 if d.get("author") else 0.0),
        outlet=Found(d.get("outlet"), prov.get("outlet"), 1.0 if d.get("outlet") else 0.0),
        published=Found(pub.get("date"), pub.get("source"), float(pub.get("confidence") or 0.0)),
        body=d.get("body") or "",
        removed=tuple(d.get("removed") or ()),
        comments=tuple(Comment(c.get("text", ""), c.get("date")) for c in d.get("comments") or ()),
    )
    entities = tuple(
        Entity(
            name=e["name"], type=e["type"], mentions=tuple(e.get("mentions") or ()),
            roles=tuple(e.get("roles") or ()), count=int(e.get("count") or 1),
            geo=Geo(e["geo"]["lat"], e["geo"]["lon"], e["geo"].get("country"), e["geo"].get("place"))
            if e.get("geo") else None,
        )
        for e in d.get("entities") or ()
    )
    statements = tuple(
        Statement(
            speaker=s.get("speaker"), speaker_role=s.get("speaker_role"), source_text=s.get("source_text"),
            via=s.get("via"), cue=s.get("cue"), content=s.get("content") or "", quote=s.get("quote") or "indirect",
            sourcing=s.get("sourcing") or "none", span=_tuple_span(s.get("span")),
        )
        for s in d.get("statements") or ()
    )
    signals = tuple(
        Signal(kind=s["kind"], evidence=s.get("evidence") or "", span=_tuple_span(s.get("span")), detail=s.get("detail"))
        for s in d.get("signals") or ()
    )
    return Article(
        source=source,
        cleaned=cleaned,
        extracted=Extracted(entities, statements, tuple(d.get("not_analysed") or ())),
        signals=signals,
        duplicate_group=d.get("duplicate_group"),
    )
