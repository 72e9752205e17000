"""The web pages are tested on the same hand-built corpus and client as the API."""

from tests.api.conftest import TOKEN, client, db  # noqa: F401
