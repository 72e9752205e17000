"""docs/api.md lists every route the app serves, and nothing it does not."""

import re
from pathlib import Path

from starlette.routing import Mount

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _routes(routes):
    for r in routes:
        inner = getattr(r, "original_router", None)  # FastAPI's included routers
        if inner is not None:
            yield from _routes(inner.routes)
        elif isinstance(r, Mount):
            yield "GET", r.path + "/{path}"
        else:
            for m in sorted(r.methods - {"HEAD"}):
                yield m, r.path


def test_every_route_is_documented(client):
    served = {f"{m} {p}".replace(":path}", "}") for m, p in _routes(client.app.routes)}
    documented = set(re.findall(r"^#{2,3} `((?:GET|POST|PUT|DELETE|PATCH) /[^`]*)`", DOC.read_text(), re.M))
    assert served - documented == set(), "routes missing from docs/api.md"
    assert documented - served == set(), "docs/api.md lists routes the app does not serve"
