"""Parquet shards: how a Dask worker hands a chunk's outcomes to the ingest process.

A worker writes the outcomes of its chunk (articles whole: raw input, decoded and cleaned text,
metadata with provenance, entities, statements, signals; and rejections with their reasons) to one
Parquet file in a folder that every worker and the ingest process can reach (`ingest.shard_dir`: a
shared filesystem on a cluster; beside the database on one machine). The scheduler carries only the
file's path, not the articles. The ingest process reads a batch's shards back in the order the work
was submitted and writes them into DuckDB in the batch's one transaction (`pipeline/run.py`), so the
stored corpus is the same as with any other executor.

Shards are deleted once read, unless `ingest.keep_shards` is set; kept shards can be queried in place,
nested columns included:

    SELECT language, count(*) FROM 'corpus.duckdb.shards/*.parquet' WHERE outcome = 'article' GROUP BY 1
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from wirewatch.model import (
    Article,
    Cleaned,
    Comment,
    Entity,
    Extracted,
    Found,
    Geo,
    Outcome,
    Rejection,
    Signal,
    Source,
    Statement,
)

PREFIX = "wirewatch-shard-"


@dataclass(frozen=True, slots=True)
class ShardRef:
    """What a worker returns in place of its outcomes: where it wrote them."""

    path: str

_SPAN = pa.list_(pa.int32())
_FOUND = pa.struct([("value", pa.string()), ("source", pa.string()), ("confidence", pa.float64())])
_ENTITY = pa.struct([
    ("name", pa.string()), ("type", pa.string()), ("mentions", pa.list_(pa.string())),
    ("roles", pa.list_(pa.string())), ("count", pa.int32()),
    ("geo", pa.struct([("lat", pa.float64()), ("lon", pa.float64()), ("country", pa.string()), ("place", pa.string())])),
    ("spans", pa.list_(_SPAN)),
])
_STATEMENT = pa.struct([
    ("speaker", pa.string()), ("speaker_role", pa.string()), ("source_text", pa.string()), ("via", pa.string()),
    ("cue", pa.string()), ("content", pa.string()), ("quote", pa.string()), ("sourcing", pa.string()), ("span", _SPAN),
])
_SIGNAL = pa.struct([("kind", pa.string()), ("evidence", pa.string()), ("span", _SPAN), ("detail", pa.string())])
_CLEANED = pa.struct([
    ("text", pa.string()), ("encoding", pa.string()), ("language", pa.string()),
    ("title", _FOUND), ("author", _FOUND), ("outlet", _FOUND), ("published", _FOUND),
    ("body", pa.string()), ("removed", pa.list_(pa.string())),
    ("comments", pa.list_(pa.struct([("text", pa.string()), ("date", pa.string())]))),
])
_EXTRACTED = pa.struct([
    ("entities", pa.list_(_ENTITY)), ("statements", pa.list_(_STATEMENT)), ("not_analysed", pa.list_(pa.string())),
])
# One row per outcome. A rejection fills `name` and `rejection` (and `id` when its input was read);
# an article fills the rest, `cleaned` and `extracted` being null for the stages it did not reach.
SCHEMA = pa.schema([
    ("outcome", pa.string()),  # article | rejection
    ("id", pa.string()),
    ("name", pa.string()),
    ("source", pa.struct([
        ("raw", pa.binary()), ("kind", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
        ("published", pa.string()), ("title", pa.string()),
    ])),
    ("cleaned", _CLEANED),
    ("extracted", _EXTRACTED),
    ("signals", pa.list_(_SIGNAL)),
    ("duplicate_group", pa.string()),
    ("rejection", pa.struct([("code", pa.string()), ("reason", pa.string())])),
])


def _row(o: Outcome) -> dict[str, Any]:
    if isinstance(o, Rejection):
        return {"outcome": "rejection", "id": o.input_id, "name": o.name,
                "rejection": {"code": o.code, "reason": o.reason}}
    src = asdict(o.source)
    return {
        "outcome": "article", "id": src.pop("id"), "name": src.pop("name"), "source": src,
        "cleaned": asdict(o.cleaned) if o.cleaned else None,
        "extracted": asdict(o.extracted) if o.extracted else None,
        "signals": [asdict(s) for s in o.signals], "duplicate_group": o.duplicate_group,
    }


def write_shard(outcomes: Sequence[Outcome], folder: str | Path) -> ShardRef:
    """The outcomes as one new Parquet file in `folder`. Written under a temporary name and renamed,
    so a reader never finds half a shard."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{PREFIX}{uuid.uuid4().hex}.parquet"
    tmp = path.with_suffix(".tmp")
    pq.write_table(pa.Table.from_pylist([_row(o) for o in outcomes], schema=SCHEMA), tmp, compression="zstd")
    os.replace(tmp, path)
    return ShardRef(str(path))


def _span(v: Sequence[int] | None) -> tuple[int, int] | None:
    return (v[0], v[1]) if v else None


def _found(d: dict[str, Any]) -> Found:
    return Found(d["value"], d["source"], d["confidence"])


def _entity(d: dict[str, Any]) -> Entity:
    return Entity(
        name=d["name"], type=d["type"], mentions=tuple(d["mentions"]), roles=tuple(d["roles"]), count=d["count"],
        geo=Geo(**d["geo"]) if d["geo"] else None, spans=tuple((s[0], s[1]) for s in d["spans"]),
    )


def _cleaned(d: dict[str, Any] | None) -> Cleaned | None:
    if d is None:
        return None
    return Cleaned(
        text=d["text"], encoding=d["encoding"], language=d["language"],
        title=_found(d["title"]), author=_found(d["author"]), outlet=_found(d["outlet"]),
        published=_found(d["published"]), body=d["body"], removed=tuple(d["removed"]),
        comments=tuple(Comment(c["text"], c["date"]) for c in d["comments"]),
    )


def _extracted(d: dict[str, Any] | None) -> Extracted | None:
    if d is None:
        return None
    return Extracted(
        entities=tuple(_entity(e) for e in d["entities"]),
        statements=tuple(Statement(**{**s, "span": _span(s["span"])}) for s in d["statements"]),
        not_analysed=tuple(d["not_analysed"]),
    )


def _outcome(r: dict[str, Any]) -> Outcome:
    if r["outcome"] == "rejection":
        return Rejection(r["name"], r["rejection"]["code"], r["rejection"]["reason"], r["id"])
    return Article(
        source=Source(id=r["id"], name=r["name"], **r["source"]),
        cleaned=_cleaned(r["cleaned"]),
        extracted=_extracted(r["extracted"]),
        signals=tuple(Signal(**{**s, "span": _span(s["span"])}) for s in r["signals"]),
        duplicate_group=r["duplicate_group"],
    )


def read_shard(shard: ShardRef, *, keep: bool = False) -> list[Outcome]:
    """The outcomes a shard holds, in the order they were written; the file is deleted unless `keep`."""
    # One thread: a shard is one chunk, and Arrow's thread pool would add threads to the ingest process.
    outcomes = [_outcome(r) for r in pq.read_table(shard.path, schema=SCHEMA, use_threads=False).to_pylist()]
    if not keep:
        Path(shard.path).unlink(missing_ok=True)
    return outcomes


def clear_shards(folder: str | Path) -> int:
    """Delete the shards an interrupted run left behind (they were never stored: a re-run redoes their
    work); the number deleted."""
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    stale = [p for p in folder.iterdir() if p.name.startswith(PREFIX)]
    for p in stale:
        p.unlink(missing_ok=True)
    return len(stale)
