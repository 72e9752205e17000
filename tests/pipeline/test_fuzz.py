"""Whatever bytes arrive, reading and cleaning either give an article or a rejection with a reason:
never an exception, never an internal error."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.ingest.identity import input_id
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
