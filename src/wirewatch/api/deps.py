"""What the routes share: the server's state, built once by `create_app`, and per-request cursors."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from wirewatch.settings import Settings
from wirewatch.store.db import Store
from wirewatch.store.search import SearchIndex


@dataclass(slots=True)
class ServerState:
    db: str
    store: Store  # the one read-write connection; each request reads through its own cursor
    index: SearchIndex | None  # None without tantivy: search falls back to a slow scan
    settings: Settings
    write_lock: threading.Lock = field(default_factory=threading.Lock)  # one ingest at a time
    cursor_lock: threading.Lock = field(default_factory=threading.Lock)


def state(request: Request) -> ServerState:
    return request.app.state.wirewatch  # type: ignore[no-any-return]


def cursor(request: Request) -> Iterator[Any]:
    """A DuckDB cursor of its own for this request: connections are not shared between threads."""
    s = state(request)
    with s.cursor_lock:
        cur = s.store.cursor()
    try:
        yield cur
    finally:
        cur.close()
