"""The JSON routes under `/api`. Each parses, calls one library function, formats."""

from __future__ import annotations

import hmac
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from wirewatch.api import schemas
from wirewatch.api.deps import ServerState, cursor, state
from wirewatch.api.errors import ApiError
from wirewatch.api.ingest import ingest_page
from wirewatch.monitor.config import KINDS, MonitorConfig
from wirewatch.monitor.series import trend_report
from wirewatch.store import browse, stories

router = APIRouter(prefix="/api", tags=["api"], responses=schemas.ERRORS)

Cursor = Annotated[Any, Depends(cursor)]
State = Annotated[ServerState, Depends(state)]
Limit = Annotated[int, Query(ge=1, le=100, description="Items per page.")]
# Deep pages cost the search index as much as all the pages before them: 10,000 is far enough.
Offset = Annotated[int, Query(ge=0, le=10_000, description="Items to skip.")]


@router.get("/articles", response_model=schemas.ArticleList, summary="Search or list stored articles")
def list_articles(
    con: Cursor, s: State, limit: Limit = 20, offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=500, description="Full-text query, best match first.")] = None,
) -> dict[str, Any]:
    items, total = browse.find_articles(con, s.index, q, limit=limit, offset=offset)
    return {"items": items, "total": total}


@router.get("/articles/{article_id}", response_model=schemas.ArticleOut, summary="One stored article")
def get_article(article_id: str, con: Cursor) -> dict[str, Any]:
    found = browse.article(con, article_id)
    if found is None:
        raise ApiError(404, "not_found", f"no stored article with id {article_id}")
    return found


@router.get("/entities", response_model=schemas.Page, summary="Entities by the number of articles naming them")
def list_entities(
    con: Cursor, limit: Limit = 20, offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=200, description="Part of the name.")] = None,
    type: Annotated[str | None, Query(max_length=16, description="PERSON, ORG, GPE, ...")] = None,
) -> dict[str, Any]:
    items, total = browse.entities(con, q=q, type=type, limit=limit, offset=offset)
    return {"items": items, "total": total}


@router.get("/entities/{name:path}", summary="One entity: timeline, co-mentioned entities, articles")
def get_entity(name: str, con: Cursor) -> dict[str, Any]:
    found = browse.entity(con, name)
    if found is None:
        raise ApiError(404, "not_found", f"no entity named {name}")
    return found


@router.get("/places", response_model=schemas.Page, summary="Places with coordinates, by articles")
def list_places(con: Cursor, limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> dict[str, Any]:
    items = browse.places(con, limit=limit)
    return {"items": items, "total": len(items)}


@router.get("/outlets", response_model=schemas.Page, summary="Outlets by the number of stored articles")
def list_outlets(con: Cursor, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    items, total = browse.outlets(con, limit=limit, offset=offset)
    return {"items": items, "total": total}


@router.get("/stories", response_model=schemas.Page, summary="Story clusters (articles.story)")
def list_stories(con: Cursor, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    items, total = browse.stories(con, limit=limit, offset=offset)
    return {"items": items, "total": total}


@router.get("/stories/{story_id:path}", summary="One story, its articles side by side by outlet")
def get_story(story_id: str, con: Cursor) -> dict[str, Any]:
    found = browse.story(con, story_id)
    if found is None:
        raise ApiError(404, "not_found", f"no story with id {story_id}")
    return found


@router.get("/claims", response_model=schemas.Page,
            summary="Claims: who said it, first seen where, which outlets repeat it and how, independent origins")
def list_claims(
    con: Cursor, limit: Limit = 20, offset: Offset = 0,
    entity: Annotated[str | None, Query(max_length=200, description="Only claims by, from or about this name.")] = None,
    by: Annotated[stories.ClaimOrder, Query(
        description="repeated: most widely repeated first; worth: most worth a fact-check first.")] = "repeated",
) -> dict[str, Any]:
    items = stories.list_claims(con, entity=entity, limit=limit, offset=offset, by=by)
    return {"items": [asdict(c) for c in items], "total": stories.count_claims(con, entity=entity)}


@router.get("/trends", response_model=schemas.Page,
            summary="Daily series per entity, place, story, claim and outlet, bursts against their baseline first")
def list_trends(
    con: Cursor, s: State, limit: Limit = 20,
    entity: Annotated[str | None, Query(max_length=200, description="Only the series of this name.")] = None,
    days: Annotated[int | None, Query(ge=1, le=366, description="Days, ending at the latest stored day.")] = None,
    kind: Annotated[list[str] | None, Query(description=f"Series kinds: {', '.join(KINDS)}.")] = None,
) -> dict[str, Any]:
    unknown = sorted(set(kind or ()) - set(KINDS))
    if unknown:
        raise ApiError(422, "invalid_request", f"kind: unknown {', '.join(unknown)} (known: {', '.join(KINDS)})")
    report = trend_report(con, config=MonitorConfig.from_settings(s.settings), entity=entity, days=days,
                          kinds=kind or None)
    return {"items": [t.as_dict() for t in report.trends[:limit]], "total": len(report.trends)}


@router.get("/alerts", response_model=schemas.Page, summary="Alerts raised by the monitor stage, if any")
def list_alerts(con: Cursor, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
    found = browse.alerts(con, limit=limit, offset=offset)
    items, total = found if found is not None else ([], 0)
    return {"items": items, "total": total}


def _check_token(s: ServerState, authorization: str | None) -> None:
    token = str(s.settings.get("api", "token") or "")
    if not token:
        raise ApiError(403, "forbidden", "writing is turned off: start the server with WIREWATCH_API_TOKEN set")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "unauthorized", "POST /api/ingest needs the header `Authorization: Bearer <token>`")


@router.post(
    "/ingest", response_model=schemas.IngestResult, summary="Store one page (token required)",
    responses={401: {"model": schemas.ErrorOut}, 403: {"model": schemas.ErrorOut},
               413: {"model": schemas.ErrorOut}},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": schemas.PageRecord.model_json_schema()}}}},
)
async def post_ingest(
    request: Request, s: State,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> dict[str, Any]:
    # The token is checked before the body is read, so a stranger cannot make the server parse anything.
    _check_token(s, authorization)
    try:
        record = schemas.PageRecord.model_validate_json(await request.body())
    except ValidationError as e:
        msg = "; ".join(f"{'.'.join(map(str, x['loc'])) or 'body'}: {x['msg']}" for x in e.errors())
        raise ApiError(422, "invalid_request", msg) from e
    summary, ids = await run_in_threadpool(_ingest_locked, s, record.model_dump(exclude_none=True))
    if summary.rejected:
        r = summary.rejected[0]
        raise ApiError(422, r.code, r.reason)
    return {"new": summary.new, "already_stored": summary.already_stored, "ids": ids, "rejected": []}


def _ingest_locked(s: ServerState, record: dict[str, Any]) -> Any:
    with s.write_lock:
        result = ingest_page(record, db=s.db, settings=s.settings)
        if s.index is not None:
            s.index.refresh(s.store.con)  # a no-op when ingest's own refresh already covered it
        return result
