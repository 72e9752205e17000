"""An article's document as the store gives it back: the `doc` stored with the article, plus what the
corpus decides about it later: its duplicate group, its story and its `single_origin` signal.

Every read of whole articles (export, `show`, the HTTP API) goes through `documents`, so the three
are added in one place. A stored document is never rewritten: `single_origin` changes as a story
grows and is kept in a table of its own (schema version 9).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from wirewatch.model import Signal
from wirewatch.model.convert import signal_dict
from wirewatch.store.bulk import marks

# What `documents` reads of an article row, in its order, from `articles a`.
COLUMNS = "a.id, a.doc, a.duplicate_group, a.story"


def documents(con: Any, rows: Iterable[tuple[str, str, str | None, str | None]]) -> list[dict[str, Any]]:
    """The article dicts of rows of `COLUMNS`, in their order."""
    docs = []
    for _, doc, group, story in rows:
        d = json.loads(doc)
        d["duplicate_group"], d["story"] = group, story
        docs.append(d)
    if not docs:
        return docs
    ids = [d["id"] for d in docs]
    found = {i: Signal("single_origin", evidence, detail=detail) for i, evidence, detail in con.execute(
        f"SELECT article_id, evidence, detail FROM single_origin WHERE article_id IN ({marks(ids)})", ids,
    ).fetchall()}
    for d in docs:
        # Documents stored before version 9 may hold a copy of their signal of the time.
        signals = [s for s in d.get("signals") or [] if s.get("kind") != "single_origin"]
        if d["id"] in found:
            signals.append(signal_dict(found[d["id"]]))
        d["signals"] = signals
    return docs
