"""The dashboard: server-rendered pages over the same library functions as the API.

Templates are rendered with autoescape on, and nothing passed to them is marked safe: every piece of
scraped text reaches the page escaped. Links to scraped addresses are made only for http(s) URLs.
Errors are the API's JSON shape (CONTRACT: errors everywhere have one shape).
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from wirewatch.api.deps import ServerState, cursor, state
from wirewatch.api.errors import ApiError
from wirewatch.store import browse, stories
from wirewatch.web import svg
from wirewatch.web.highlight import highlight

router = APIRouter(include_in_schema=False)

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(resources.files("wirewatch.web").joinpath("templates"))),
    autoescape=True,  # every template, whatever its suffix
    undefined=jinja2.ChainableUndefined,  # data from newer stages may lack a key: show nothing
)


def _safe_url(url: Any) -> str | None:
    """The address if a browser may follow it (http or https), else None (shown as text only)."""
    if not isinstance(url, str):
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


_env.filters["safe_url"] = _safe_url

Cursor = Annotated[Any, Depends(cursor)]
State = Annotated[ServerState, Depends(state)]
PAGE = 20


def render(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context))


@router.get("/", response_class=HTMLResponse)
def search_page(
    con: Cursor, s: State,
    q: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> HTMLResponse:
    items, total = browse.find_articles(con, s.index, q, limit=PAGE, offset=offset)
    return render("search.html", q=q or "", items=items, total=total, offset=offset, page=PAGE)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, con: Cursor) -> HTMLResponse:
    a = browse.article(con, article_id)
    if a is None:
        raise ApiError(404, "not_found", f"no stored article with id {article_id}")
    return render("article.html", a=a, segments=highlight(a))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(con: Cursor, offset: Annotated[int, Query(ge=0, le=10_000)] = 0) -> HTMLResponse:
    items, total = browse.stories(con, limit=50, offset=offset)
    return render("stories.html", items=items, total=total, offset=offset, page=50)


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(story_id: str, con: Cursor) -> HTMLResponse:
    found = browse.story(con, story_id)
    if found is None:
        raise ApiError(404, "not_found", f"no story with id {story_id}")
    return render("story.html", story=found, claims=stories.list_claims(con, story=story_id))


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    con: Cursor, q: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    by: Annotated[stories.ClaimOrder, Query()] = "repeated",
) -> HTMLResponse:
    items = stories.list_claims(con, entity=q or None, limit=PAGE, offset=offset, by=by)
    total = stories.count_claims(con, entity=q or None)
    return render("claims.html", claims=items, total=total, q=q or "", offset=offset, page=PAGE, by=by)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    con: Cursor, q: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> HTMLResponse:
    items, total = browse.entities(con, q=q, type=None, limit=50, offset=offset)
    return render("entities.html", items=items, total=total, q=q or "", offset=offset, page=50)


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity_page(name: str, con: Cursor) -> HTMLResponse:
    found = browse.entity(con, name)
    if found is None:
        raise ApiError(404, "not_found", f"no entity named {name}")
    return render("entity.html", e=found, chart=svg.timeline(found["timeline"]))


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(con: Cursor) -> HTMLResponse:
    items, total = browse.outlets(con, limit=100, offset=0)
    return render("outlets.html", items=items, total=total)


@router.get("/places", response_class=HTMLResponse)
def places_page(con: Cursor) -> HTMLResponse:
    places = browse.places(con)
    return render("places.html", points=svg.map_points(places), grid=svg.graticule(), places=places,
                  width=svg.MAP_W, height=svg.MAP_H)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(con: Cursor, offset: Annotated[int, Query(ge=0, le=10_000)] = 0) -> HTMLResponse:
    found = browse.alerts(con, limit=PAGE, offset=offset)
    items, total = found if found is not None else ([], 0)
    return render("alerts.html", items=items, total=total, offset=offset, page=PAGE)


def static_dir() -> str:
    return str(resources.files("wirewatch.web").joinpath("static"))
