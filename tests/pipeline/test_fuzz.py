"""Whatever bytes arrive, reading and cleaning either give an article or a rejection with a reason:
never an exception, never an internal error."""

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.errors import InputRejected
from wirewatch.ingest.identity import input_id
from wirewatch.ingest.readers import read_inputs, read_meta
from wirewatch.model import Article, Rejection, Source
from wirewatch.pipeline.context import Context
from wirewatch.pipeline.runner import plan, run_stages
from wirewatch.settings import load_settings

CTX = Context(load_settings(env={}))
CLEAN = plan("clean")
KNOWN_CODES = {"empty", "binary", "too_large", "broken_record", "unreadable"}

html_fragments = st.lists(
    st.sampled_from([
        "<html>", "<body>", "<p>", "</p>", "<div class='menu'>", "</div>", "<script>var x = '<p>';</script>",
        "<h1>Council votes on bridge</h1>", "<!--", "-->", "<![CDATA[", "<meta charset='koi8-r'>", "&amp;",
        "&#xffff;", "&#0;", "<table><tr><td>", "\u0000", "\ufeff", "Der Rat stimmte am Dienstag ab. ",
        "Совет проголосовал во вторник. ", "The council voted on Tuesday to rebuild the bridge. ",
    ]),
    max_size=60,
).map("".join)


def _run(raw: bytes, kind: str) -> Article | Rejection:
    return run_stages(Source(input_id(raw), "fuzz", raw, kind), CLEAN, CTX)


def _check(outcome: Article | Rejection) -> None:
    if isinstance(outcome, Rejection):
        assert outcome.code in KNOWN_CODES, outcome
    else:
        assert outcome.cleaned is not None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["text", "html"]))
def test_random_bytes_never_crash_the_reader_or_cleaner(raw, kind):
    _check(_run(raw, kind))


@settings(max_examples=200, deadline=None)
@given(html_fragments, st.sampled_from(["utf-8", "cp1251", "latin-1", "utf-16"]))
def test_malformed_html_in_any_encoding_is_handled(fragment, encoding):
    raw = fragment.encode(encoding, "replace")
    _check(_run(raw, "html"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=4000))
def test_any_flat_text_is_cleaned_or_rejected_as_empty(text):
    outcome = _run(text.encode("utf-8", "surrogatepass"), "text")
    _check(outcome)
    if isinstance(outcome, Article):
        assert outcome.cleaned.body == outcome.cleaned.body.strip()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["text", "html", "url", "title"]), inner),
    max_leaves=8,
)
jsonl_lines = st.lists(
    json_values.map(json.dumps) | st.text(max_size=80) | st.sampled_from(["[" * 5000, '{"text": ' + "9" * 5000 + "}"]),
    max_size=5,
).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(jsonl_lines, st.sampled_from(["x.jsonl", "x.csv", "x.jsonl.gz", "x.warc", "meta"]), st.integers(0, 400))
def test_any_export_file_is_read_into_pages_or_rejections(tmp_path, text, name, cut):
    """JSONL, CSV, gzip and WARC readers and the --meta sidecar: a Source or a Rejection per record,
    an InputRejected for a sidecar, never another exception (benchmarks/fuzz.py runs 10,000 of these)."""
    raw = text.encode("utf-8", "surrogatepass")
    path = tmp_path / name
    path.write_bytes(gzip.compress(raw)[:cut or None] if name.endswith(".gz") else raw)
    if name == "meta":
        try:
            read_meta(path)
        except InputRejected as e:
            assert e.code in KNOWN_CODES
        return
    for item in read_inputs([str(path)]):
        assert isinstance(item, Source) or item.code in KNOWN_CODES
