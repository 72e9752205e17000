"""Schemathesis over every operation of the OpenAPI schema: whatever a client sends, never a 5xx.

Run in-process through the ASGI app on the hand-built corpus (tests/api/corpus.py), with the token
sent so `POST /api/ingest` gets past the door and into the pipeline; requests both valid for the
schema (positive) and not (negative). A bad request is a 4xx in the one error shape
(tests/api/test_error_shape.py); here only server errors fail.

Schemathesis's own pytest loader (`schemathesis.pytest.from_fixture`) breaks on pytest 9 (it sets
`node._nodeid`), so each operation is run through its Python API under Hypothesis. A few examples per
operation keep this in CI time; for a deeper run set the count, e.g.

    WIREWATCH_SCHEMATHESIS_EXAMPLES=500 .venv/bin/python -m pytest tests/api/test_schemathesis.py
"""

from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (the dev extra)")

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from tests.api.conftest import TOKEN  # noqa: E402
from tests.api.corpus import build  # noqa: E402
from wirewatch.api.app import create_app  # noqa: E402
from wirewatch.settings import load_settings  # noqa: E402

EXAMPLES = int(os.environ.get("WIREWATCH_SCHEMATHESIS_EXAMPLES", "20"))
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Every operation of the schema; test_every_operation_is_fuzzed says when one is added.
OPERATIONS = [
    "GET /api/articles", "GET /api/articles/{article_id}", "GET /api/entities", "GET /api/entities/{name}",
    "GET /api/places", "GET /api/outlets", "GET /api/stories", "GET /api/stories/{story_id}", "GET /api/claims",
    "GET /api/trends", "GET /api/alerts",
    "POST /api/ingest",
]
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    """The schema of an app on the hand-built corpus. Schemathesis opens a test client per request, and
    each one's lifespan would end with the app closing its store: the app's lifespan is run once here,
    around the whole module, and hidden from those clients."""
    db = build(tmp_path_factory.mktemp("schemathesis") / "w.duckdb")
    app = create_app(db, settings=load_settings(env={"WIREWATCH_API_TOKEN": TOKEN}))

    async def without_lifespan(scope, receive, send):
        if scope["type"] == "lifespan":
            for phase in ("startup", "shutdown"):
                await receive()
                await send({"type": f"lifespan.{phase}.complete"})
            return
        await app(scope, receive, send)

    with TestClient(app):
        yield schemathesis.openapi.from_asgi("/api/openapi.json", without_lifespan)


def test_every_operation_is_fuzzed(api_schema):
    assert sorted(r.ok().label for r in api_schema.get_all_operations()) == sorted(OPERATIONS)


@pytest.mark.parametrize("mode", MODES, ids=[m.value for m in MODES])
@pytest.mark.parametrize("label", OPERATIONS)
def test_no_request_makes_a_server_error(api_schema, label, mode):
    method, path = label.split(" ", 1)
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=False,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(headers=AUTH, checks=[not_a_server_error])

    try:
        check()
    except Unsatisfiable:  # a path parameter that takes any string has no invalid value
        assert mode is GenerationMode.NEGATIVE
        pytest.skip(f"no request to {label} is invalid for the schema")
