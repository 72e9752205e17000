"""Content-derived ids: identical input gets the same id, so it is stored once."""

from __future__ import annotations

import hashlib


def input_id(raw: bytes, url: str | None = None) -> str:
    """A stable id from the raw bytes and, where one was given, the address they were read from.

    The address takes part because one outlet's page re-published verbatim by another is a second
    input (a copy, linked by duplicate_group), not the same one.
    """
    h = hashlib.sha256()
    if url:
        h.update(url.encode("utf-8", "surrogatepass"))  # a lone surrogate (bad --url bytes) hashes too
        h.update(b"\0")
    h.update(raw)
    return h.hexdigest()[:24]
