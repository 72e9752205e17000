import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch.errors import InputRejected
from wirewatch.ingest.readers import Hints, read_inputs, read_meta, source_from_bytes
from wirewatch.model import Rejection, Source

from ..conftest import FLAT_PAGE


def _read(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_flat_text_html_and_gzip_are_read_with_their_kind(tmp_path):
    (tmp_path / "a.txt").write_text(FLAT_PAGE)
    (tmp_path / "b.html").write_text("<html><body><p>Hello</p></body></html>")
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hi</p></body></html>"))
    out = _read([tmp_path])
    assert [(type(o).__name__, o.kind) for o in out] == [("Source", "text"), ("Source", "html"), ("Source", "html")]


def test_jsonl_broken_line_is_rejected_and_the_others_read(tmp_path):
    lines = [json.dumps({"text": "First page text here.", "url": "https://a.example/1"}), "{not json",
             json.dumps({"html": "<p>Second</p>", "outlet": "b.example"})]
    (tmp_path / "x.jsonl").write_text("\n".join(lines))
    out = _read([tmp_path / "x.jsonl"])
    assert isinstance(out[0], Source) and out[0].url == "https://a.example/1"
    assert isinstance(out[1], Rejection) and out[1].code == "broken_record" and out[1].name.endswith("x.jsonl:2")
    assert isinstance(out[2], Source) and out[2].kind == "html" and out[2].outlet == "b.example"


def test_csv_export_rows_become_pages(tmp_path):
    (tmp_path / "x.csv").write_text('url,text\nhttps://a.example/1,"Some page, with a comma."\n')
    (out,) = _read([tmp_path / "x.csv"])
    assert out.url == "https://a.example/1" and out.raw == b"Some page, with a comma."


def test_an_exports_author_and_date_columns_are_read_under_their_usual_names(tmp_path):
    (tmp_path / "x.csv").write_text(
        'url,content,authors,published_at\nhttps://a.example/1,"Some page text.",Anna Kerr,2031-03-04T09:00:00Z\n'
    )
    record = {"text": "Another page text.", "authors": ["Anna Kerr", "Tomas Brell"], "publish_date": "2031-03-05"}
    (tmp_path / "y.jsonl").write_text(json.dumps(record))
    csv_row, json_row = _read([tmp_path / "x.csv", tmp_path / "y.jsonl"])
    assert (csv_row.author, csv_row.published) == ("Anna Kerr", "2031-03-04T09:00:00Z")
    assert (json_row.author, json_row.published) == ("Anna Kerr, Tomas Brell", "2031-03-05")


def test_a_crawl_exports_canonical_address_and_mongodb_or_epoch_dates_are_read(tmp_path):
    records = [
        {"text": "A page text.", "url": "https://short.example/2cZk", "canonical_link": "https://a.example/2031/03/05/x",
         "publish_date": {"$date": 1930464000000}},
        {"text": "Another page text.", "date": 1930464000, "title": {"nested": "no title"}},
        {"text": "A third page text.", "published": True},
    ]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    first, second, third = _read([tmp_path / "x.jsonl"])
    assert (first.url, first.published) == ("https://a.example/2031/03/05/x", "2031-03-05")
    assert (second.published, second.title) == ("2031-03-05", None)
    assert third.published is None


def test_empty_oversized_and_binary_files_are_rejected(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "big.txt").write_text("word " * 100)
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    codes = {o.name.rsplit("/", 1)[-1]: o.code for o in _read([tmp_path], max_bytes=200)}
    assert codes == {"empty.txt": "empty", "big.txt": "too_large", "img.txt": "binary"}


def _warc(records: int) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for n in range(records):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        payload = f"<html><body><p>Page {n} of the archive.</p></body></html>".encode()
        writer.write_record(writer.create_warc_record(f"https://w.example/{n}", "response",
                                                      payload=io.BytesIO(payload), http_headers=headers))
    return buf.getvalue()


def test_warc_response_records_are_read(tmp_path):
    (tmp_path / "a.warc").write_bytes(_warc(2))
    out = _read([tmp_path / "a.warc"])
    assert [o.url for o in out] == ["https://w.example/0", "https://w.example/1"]


def test_truncated_warc_record_is_rejected_after_the_good_ones(tmp_path):
    data = _warc(2)
    (tmp_path / "t.warc").write_bytes(data[: len(data) - 40])
    out = _read([tmp_path / "t.warc"])
    assert isinstance(out[0], Source)
    assert isinstance(out[-1], Rejection) and out[-1].code == "broken_record"


def test_meta_sidecar_applies_by_file_name_and_is_skipped_in_folders(tmp_path):
    (tmp_path / "a.txt").write_text(FLAT_PAGE)
    (tmp_path / "meta.jsonl").write_text(json.dumps({"file": "a.txt", "url": "https://a.example/x", "outlet": "a"}))
    meta = read_meta(tmp_path / "meta.jsonl")
    (out,) = _read([tmp_path], meta=meta, skip=[str(tmp_path / "meta.jsonl")])
    assert (out.url, out.outlet) == ("https://a.example/x", "a")


def test_hints_fall_back_field_by_field():
    assert Hints(url="u").over(Hints(url="v", outlet="o")) == Hints(url="u", outlet="o")


def test_same_bytes_same_id_and_address_changes_it(tmp_path):
    (tmp_path / "a.txt").write_text(FLAT_PAGE)
    (tmp_path / "b.txt").write_text(FLAT_PAGE)
    a, b = _read([tmp_path])
    assert a.id == b.id
    (c,) = _read([tmp_path / "a.txt"], url="https://a.example/1")
    assert c.id != a.id


# Regression tests for crashes found by benchmarks/fuzz.py: each input used to raise out of the reader.


def test_jsonl_lone_surrogate_escapes_are_replaced_not_a_crash(tmp_path):
    """UnicodeEncodeError: '\\ud800' in a JSON string is valid JSON but cannot be written as UTF-8."""
    line = json.dumps({"text": "A page \ud800 with a lone surrogate.", "url": "https://a.example/\udc00",
                       "title": "\ud83d"})
    (tmp_path / "x.jsonl").write_text(line, encoding="utf-8")
    (out,) = _read([tmp_path / "x.jsonl"])
    assert out.raw == "A page \ufffd with a lone surrogate.".encode()
    assert (out.url, out.title) == ("https://a.example/\ufffd", "\ufffd")


def test_jsonl_line_with_an_integer_over_the_digit_limit_is_a_broken_record(tmp_path):
    """ValueError: Exceeds the limit (4300 digits) for integer string conversion."""
    (tmp_path / "x.jsonl").write_text('{"text": ' + "9" * 5000 + '}\n{"text": "Second page text."}')
    out = _read([tmp_path / "x.jsonl"])
    assert isinstance(out[0], Rejection) and out[0].code == "broken_record" and "JSON" in out[0].reason
    assert isinstance(out[1], Source)


def test_jsonl_line_nested_too_deeply_is_a_broken_record(tmp_path):
    """RecursionError: maximum recursion depth exceeded while decoding a JSON array."""
    (tmp_path / "x.jsonl").write_text("[" * 100_000)
    (out,) = _read([tmp_path / "x.jsonl"])
    assert isinstance(out, Rejection) and out.reason == "not a readable JSON line (nested too deeply)"


def test_gzip_with_corrupt_deflate_data_is_rejected_as_unreadable(tmp_path):
    """zlib.error: Error -3 while decompressing data (not an OSError, so it used to escape)."""
    data = bytearray(gzip.compress(b"<html><body><p>hello world this is text</p></body></html>" * 50, mtime=0))
    data[30] ^= 0xFF
    data[40] ^= 0xFF
    (tmp_path / "p.html.gz").write_bytes(bytes(data))
    (out,) = _read([tmp_path / "p.html.gz"])
    assert isinstance(out, Rejection) and out.code == "unreadable" and "gzip" in out.reason


def test_warc_record_without_a_target_uri_is_a_broken_record(tmp_path):
    """AttributeError inside warcio: a response record whose WARC-Target-URI header is gone."""
    data = _warc(2)
    first_uri = data.index(b"WARC-Target-URI: https://w.example/1")
    line_end = data.index(b"\r\n", first_uri) + 2
    (tmp_path / "w.warc").write_bytes(data[:first_uri] + data[line_end:])
    out = _read([tmp_path / "w.warc"])
    assert isinstance(out[0], Source) and out[0].url == "https://w.example/0"
    assert isinstance(out[1], Rejection) and out[1].code == "broken_record" and out[1].name.endswith("w.warc#2")


def test_meta_sidecar_with_bad_utf8_bytes_is_read_with_them_replaced(tmp_path):
    """UnicodeDecodeError: one bad byte in a sidecar title made the whole run fail."""
    (tmp_path / "meta.jsonl").write_bytes(b'{"file": "a.txt", "title": "Caf\xe9 news"}\n')
    assert read_meta(tmp_path / "meta.jsonl")["a.txt"].title == "Caf\ufffd news"


def test_meta_sidecar_nested_too_deeply_is_rejected_with_its_line(tmp_path):
    (tmp_path / "meta.jsonl").write_text('{"file": "a.txt"}\n' + "[" * 100_000)
    with pytest.raises(InputRejected) as e:
        read_meta(tmp_path / "meta.jsonl")
    assert e.value.code == "broken_record" and e.value.name.endswith("meta.jsonl:2")


def test_hints_with_a_lone_surrogate_still_give_an_id():
    """UnicodeEncodeError in input_id: a --url given with bytes that are not UTF-8."""
    out = source_from_bytes(b"Some page text.", "p.txt", Hints(url="https://a.example/\udcff"), 1000)
    assert isinstance(out, Source) and out.url == "https://a.example/\ufffd"
