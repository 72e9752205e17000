"""Alert ids derived from what an alert is about: detecting again yields the same id."""

from __future__ import annotations

import hashlib


def alert_id(rule: str, *parts: str) -> str:
    key = "\x1f".join((rule, *(p.casefold() for p in parts)))
    return f"{rule[:1]}{hashlib.sha1(key.encode('utf-8')).hexdigest()[:15]}"
