"""One page posted to `POST /api/ingest`, stored through the same path as `wirewatch ingest`.

The record is written as a one-line JSONL file and handed to `pipeline.run.ingest`, so a posted page
gets exactly what a file gets: reading and its rejections, outlet memory, near-duplicate groups, the
batch transaction and the search index refresh.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from wirewatch.ingest.readers import read_inputs
from wirewatch.model import Source
from wirewatch.pipeline.run import IngestSummary
from wirewatch.pipeline.run import ingest as run_ingest
from wirewatch.settings import Settings


def ingest_page(record: dict[str, Any], *, db: str, settings: Settings) -> tuple[IngestSummary, list[str]]:
    """Store one page record; returns the summary and the id the page has (new or already stored)."""
    with tempfile.TemporaryDirectory(prefix="wirewatch-post-") as tmp:
        path = Path(tmp) / "request.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        max_bytes = int(settings.get("ingest", "max_bytes"))
        ids = [s.id for s in read_inputs([str(path)], max_bytes=max_bytes) if isinstance(s, Source)]
        # The server's own connection shares the database: no trimming under its running queries.
        summary = run_ingest([path], db=db, workers=1, settings=settings, trim_cache=False)
    return summary, ids
