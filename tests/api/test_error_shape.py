"""Every error, whoever raises it, has one JSON shape and the security headers."""

import pytest

from tests.api.conftest import TOKEN
from wirewatch.api.edge import CSP

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _boom(*_a, **_k):
    raise RuntimeError("a bug")


CASES = [
    ("GET", "/no/such/page", {}, 404, "not_found"),
    ("GET", "/api/articles/missing", {}, 404, "not_found"),
    ("GET", "/articles/missing", {}, 404, "not_found"),
    ("GET", "/stories/missing", {}, 404, "not_found"),
    ("GET", "/static/missing.css", {}, 404, "not_found"),
    ("GET", "/api/articles?limit=0", {}, 422, "invalid_request"),
    ("GET", "/api/articles?limit=abc", {}, 422, "invalid_request"),
    ("GET", "/api/articles?offset=-1", {}, 422, "invalid_request"),
    ("GET", "/api/articles?q=" + "x" * 501, {}, 422, "invalid_request"),
    ("DELETE", "/api/articles/a-fsb", {}, 405, "method_not_allowed"),
    ("POST", "/api/ingest", {"json": {"text": "hi"}}, 401, "unauthorized"),
    ("POST", "/api/ingest", {"content": b"{not json", "headers": AUTH}, 422, "invalid_request"),
    ("POST", "/api/ingest", {"json": {"text": "x" * 30000}, "headers": AUTH}, 413, "too_large"),
]


@pytest.mark.parametrize(("method", "path", "kw", "status", "code"), CASES)
def test_errors_have_one_shape(client, method, path, kw, status, code):
    r = client.request(method, path, **kw)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert list(body) == ["error"] and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]
    assert r.headers["content-security-policy"] == CSP


def test_a_body_streamed_past_the_limit_is_stopped(client):
    def chunks():
        for _ in range(30):
            yield b"x" * 1000

    r = client.post("/api/ingest", content=chunks(), headers=AUTH)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


@pytest.mark.parametrize("path", ["/api/outlets", "/outlets"])
def test_an_unexpected_error_is_a_500_in_the_same_shape(client, monkeypatch, path):
    from wirewatch.store import browse

    monkeypatch.setattr(browse, "outlets", _boom)
    r = client.get(path)
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal", "message": "unexpected error; the server log has the details"}}
    assert r.headers["content-security-policy"] == CSP


def test_a_store_error_is_503(client, monkeypatch):
    from wirewatch.errors import StoreError
    from wirewatch.store import browse

    def broken(*_a, **_k):
        raise StoreError("database is gone")

    monkeypatch.setattr(browse, "stories", broken)
    r = client.get("/api/stories")
    assert r.status_code == 503 and r.json()["error"] == {"code": "store", "message": "database is gone"}
