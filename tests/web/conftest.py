from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.corpus import build
from wirewatch.api.app import create_app
from wirewatch.settings import load_settings

TOKEN = "s3cret-token"


@pytest.fixture
def db(tmp_path):
    return build(tmp_path / "w.duckdb")


@pytest.fixture
def client(db):
    app = create_app(db, settings=load_settings(env={"WIREWATCH_API_TOKEN": TOKEN,
                                                     "WIREWATCH_API_MAX_REQUEST_BYTES": "20000"}))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
