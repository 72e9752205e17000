"""Readers: turn paths into `Source`s (or `Rejection`s), in input order.

Formats: flattened page text, HTML (also .html.gz), JSONL and CSV exports (one page per record),
WARC / WARC.gz (response records), and folders read recursively. A `--meta` sidecar adds
url/outlet/published to the input whose file name or path it names.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wirewatch.errors import InputRejected
from wirewatch.ingest.decode import looks_binary
from wirewatch.ingest.identity import input_id
from wirewatch.model import Rejection, Source

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_RECORD_FIELDS = ("url", "outlet", "published", "title", "author")
# Other names exports give the same fields, tried in order after the field's own name.
_FIELD_NAMES = {
    "published": ("date", "published_at", "publish_date", "date_published", "pubdate", "pub_date"),
    "author": ("authors", "byline", "creator"),
}
# Names read before the field's own: a crawl of social media records the short link it followed as
# `url` ("cnn.it/2cZk..."), and the page's canonical address beside it.
_PREFERRED_NAMES = {"url": ("canonical_link", "canonical_url")}

csv.field_size_limit(50_000_000)
# A JSON string may carry a lone surrogate as an escape ("\ud800"): valid JSON, but not text that
# can be written as UTF-8. Like a stray bad byte in a file, it is replaced, not a reason to reject.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_str(value: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", value)


def _json_line(line: str) -> tuple[object, str | None]:
    """A parsed JSON line, or (None, why it is not one): bad syntax, an integer over Python's digit
    limit, nesting deeper than the recursion limit."""
    try:
        return json.loads(line), None
    except json.JSONDecodeError as e:
        return None, f"not a JSON line ({e.msg})"
    except ValueError as e:  # an integer literal over the digit limit
        return None, f"not a readable JSON line ({str(e).split(':')[0]})"
    except RecursionError:
        return None, "not a readable JSON line (nested too deeply)"


@dataclass(frozen=True, slots=True)
class Hints:
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    author: str | None = None

    def over(self, other: Hints) -> Hints:
        """These hints, falling back to `other` where a field is missing."""
        return Hints(*(getattr(self, f) or getattr(other, f) for f in _RECORD_FIELDS))


def _hints_from(record: Mapping[str, object]) -> Hints:
    def text(key: str) -> str | None:
        for name in (*_PREFERRED_NAMES.get(key, ()), key, *_FIELD_NAMES.get(key, ())):
            v = record.get(name)
            if isinstance(v, list):  # "authors": ["A", "B"]
                v = ", ".join(str(x).strip() for x in v if str(x).strip())
            if isinstance(v, dict) and "$date" in v:  # MongoDB's export of a date: {"$date": ...}
                v = v["$date"]
            if isinstance(v, bool) or not isinstance(v, str | int | float):
                continue  # true/false, an object: no name, date or address
            if key == "published" and not isinstance(v, str):
                v = _epoch_day(v)
            if v not in (None, "") and str(v).strip():
                return str(v).strip()
        return None

    return Hints(*(text(f) for f in _RECORD_FIELDS))


def _epoch_day(value: float) -> str | None:
    """The UTC day of a Unix time in seconds or, past the year 5138, milliseconds (as exports write
    them); None for a value no calendar holds."""
    seconds = value / 1000 if abs(value) >= 1e11 else value
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def read_meta(path: str | Path) -> dict[str, Hints]:
    """The --meta sidecar: one JSON object per line with `file` and any of url/outlet/published/title."""
    hints: dict[str, Hints] = {}
    try:
        # Stray bad bytes are replaced, as in a JSONL export: a bad byte in one title rejects nothing.
        text = Path(path).read_bytes().decode("utf-8", "replace")
    except OSError as e:
        raise InputRejected(str(path), f"cannot read file ({e.strerror or e})", code="unreadable") from e
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        rec, why = _json_line(line)
        if why:
            raise InputRejected(f"{path}:{n}", why, code="broken_record")
        if isinstance(rec, dict) and rec.get("file"):
            hints[str(rec["file"])] = _hints_from(rec)
    return hints


def _kind_of(raw: bytes, path: str) -> str:
    lower = path.lower()
    if lower.endswith(_HTML_SUFFIXES):
        return "html"
    head = raw[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "text"


def _source(raw: bytes, name: str, kind: str, hints: Hints, max_bytes: int) -> Source | Rejection:
    if len(raw) > max_bytes:
        return Rejection(name, "too_large", f"{len(raw):,} bytes, over the limit of {max_bytes:,}")
    if not raw.strip():
        return Rejection(name, "empty", "empty: no text in it")
    if looks_binary(raw):
        return Rejection(name, "binary", "binary data, not a text page")
    hints = Hints(*(_clean_str(v) if v else v for v in (getattr(hints, f) for f in _RECORD_FIELDS)))
    return Source(
        id=input_id(raw, hints.url), name=name, raw=raw, kind=kind,
        url=hints.url, outlet=hints.outlet, published=hints.published, title=hints.title, author=hints.author,
    )


def _record_source(rec: object, name: str, base: Hints, max_bytes: int) -> Source | Rejection:
    if not isinstance(rec, dict):
        return Rejection(name, "broken_record", "record is not an object")
    body = rec.get("html") or rec.get("text") or rec.get("content")
    if not isinstance(body, str):
        return Rejection(name, "broken_record", "record has no text or html field")
    kind = "html" if rec.get("html") else "text"
    return _source(_clean_str(body).encode("utf-8"), name, kind, _hints_from(rec).over(base), max_bytes)


def _read_jsonl(data: bytes, name: str, base: Hints, max_bytes: int) -> Iterator[Source | Rejection]:
    for n, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        rec, why = _json_line(line)
        if why:
            yield Rejection(where, "broken_record", why)
            continue
        yield _record_source(rec, where, base, max_bytes)


def _read_csv(data: bytes, name: str, base: Hints, max_bytes: int) -> Iterator[Source | Rejection]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig", "replace"), newline=""))
    try:
        for n, rec in enumerate(reader, 2):
            if None in rec:  # more cells than the header names: a broken row
                yield Rejection(f"{name}:{n}", "broken_record", "row has more cells than the header")
                continue
            yield _record_source(rec, f"{name}:{n}", base, max_bytes)
    except csv.Error as e:
        yield Rejection(f"{name}:{reader.line_num}", "broken_record", f"unreadable CSV ({e})")


def _warc_damage() -> tuple[type[BaseException], ...]:
    """What warcio raises on a damaged archive. Beside its own errors: a cut gzip stream (EOFError,
    zlib.error), bad header bytes (ValueError), a record without its target address (AttributeError
    inside warcio). Caught only around warcio's own calls."""
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    return (ArchiveLoadFailed, StatusAndHeadersParserException, OSError, EOFError, ValueError, zlib.error,
            AttributeError)


@dataclass(frozen=True, slots=True)
class _WarcPage:
    url: str | None
    ctype: str
    raw: bytes
    truncated: bool


def _warc_pages(fh: io.BufferedReader) -> Iterator[_WarcPage]:
    """The response and resource records of an archive (warcio's parsing, nothing of ours)."""
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(fh):
        if record.rec_type not in ("response", "resource"):
            continue
        ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
        url = record.rec_headers.get_header("WARC-Target-URI")
        raw = record.content_stream().read()
        # Fewer bytes than the record's Content-Length: the file was cut off here.
        yield _WarcPage(url, ctype, raw, getattr(record.raw_stream, "limit", 0) > 0)


def _read_warc(path: Path, name: str, base: Hints, max_bytes: int) -> Iterator[Source | Rejection]:
    damage = _warc_damage()
    n = 0
    try:
        fh = path.open("rb")
    except OSError as e:
        yield Rejection(name, "unreadable", f"cannot read file ({e.strerror or e})")
        return
    with fh:
        pages = _warc_pages(fh)
        while True:
            try:
                page = next(pages, None)
            except damage as e:
                yield Rejection(f"{name}#{n + 1}", "broken_record",
                                f"truncated or broken WARC record ({type(e).__name__}: {e})")
                return
            if page is None:
                return
            n += 1
            if page.ctype and "html" not in page.ctype and "text" not in page.ctype:
                continue
            if page.truncated:
                yield Rejection(f"{name}#{n}", "broken_record", "truncated WARC record")
                return
            kind = "html" if "html" in page.ctype else _kind_of(page.raw, "")
            # WARC-Date is when the page was crawled, not published: it is not taken as a hint.
            url = page.url if isinstance(page.url, str) else None
            yield _source(page.raw, f"{name}#{n}", kind, Hints(url=url).over(base), max_bytes)


def _walk(paths: list[str], skip: set[Path]) -> Iterator[Path]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(
                q for q in path.rglob("*")
                if q.is_file() and not q.name.startswith(".") and not _skipped(q.resolve(), skip)
            )
        else:
            yield path


def _skipped(path: Path, skip: set[Path]) -> bool:
    return path in skip or any(folder in skip for folder in path.parents)


def _meta_for(path: Path, given: str, meta: Mapping[str, Hints]) -> Hints:
    return meta.get(given) or meta.get(str(path)) or meta.get(path.name) or Hints()


def read_inputs(
    paths: list[str],
    *,
    meta: Mapping[str, Hints] | None = None,
    url: str | None = None,
    max_bytes: int = 10_000_000,
    skip: Iterable[str] = (),
) -> Iterator[Source | Rejection]:
    """Every page in `paths`, in order, as a Source or a Rejection. Files in `skip` (the --meta
    sidecar itself, the store's own files), and whatever lies in folders in `skip`, are passed over
    when a folder is walked."""
    meta = meta or {}
    for path in _walk(paths, {Path(p).resolve() for p in skip}):
        name = str(path)
        hints = _meta_for(path, name, meta)
        if url:
            hints = Hints(url=url).over(hints)
        lower = name.lower()
        try:
            if lower.endswith(_WARC_SUFFIXES):
                yield from _read_warc(path, name, hints, max_bytes)
                continue
            size = path.stat().st_size
            if size > max_bytes and not lower.endswith((".jsonl", ".csv", ".jsonl.gz", ".csv.gz")):
                yield Rejection(name, "too_large", f"{size:,} bytes, over the limit of {max_bytes:,}")
                continue
            data = path.read_bytes()
            if lower.endswith(".gz"):
                try:
                    data = gzip.decompress(data)
                except (OSError, EOFError, zlib.error) as e:  # not gzip, cut short, corrupt deflate data
                    yield Rejection(name, "unreadable", f"broken gzip file ({e})")
                    continue
                lower = lower[:-3]
        except OSError as e:
            yield Rejection(name, "unreadable", f"cannot read file ({e.strerror or e})")
            continue
        if lower.endswith(".jsonl") or lower.endswith(".ndjson"):
            yield from _read_jsonl(data, name, hints, max_bytes)
        elif lower.endswith(".csv"):
            yield from _read_csv(data, name, hints, max_bytes)
        else:
            yield _source(data, name, _kind_of(data, lower), hints, max_bytes)


def source_from_bytes(raw: bytes, name: str, hints: Hints, max_bytes: int) -> Source | Rejection:
    """One page given in memory (the Python API, the HTTP ingest route)."""
    return _source(raw, name, _kind_of(raw, name), hints, max_bytes)
