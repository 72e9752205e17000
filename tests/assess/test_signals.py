"""find_signals on a hand-made article: the finders compose, and every span points at its evidence."""

from __future__ import annotations

from wirewatch.assess.signals import find_signals
from wirewatch.model import Article, Cleaned, Extracted, Found, Source, Statement

BODY = (
    "The security service says that foreign agencies are moving fighters to the northern border.\n\n"
    "There have been numerous reports of unmarked helicopters in the area.\n\n"
    "Talks between the two governments have all but collapsed."
)
TITLE = "Foreign Agencies Moving Fighters To Northern Border"


def article(title: str | None = TITLE, body: str = BODY, statements: tuple[Statement, ...] = ()) -> Article:
    cleaned = Cleaned(
        text=body,
        encoding="utf-8",
        language="en",
        title=Found(title, "test", 1.0),
        author=Found(None),
        outlet=Found(None),
        published=Found(None),
        body=body,
    )
    return Article(Source("id", "test.txt", body.encode(), "text"), cleaned, Extracted(statements=statements))


def claim() -> Statement:
    content = "foreign agencies are moving fighters to the northern border"
    at = BODY.index(content)
    return Statement("Security Service", None, "The security service", None, "says", content, "indirect", "named", (at, at + len(content)))


def test_headline_and_vague_sourcing():
    kinds = [s.kind for s in find_signals(article(statements=(claim(),)))]
    assert kinds.count("headline_overstates") == 1
    assert kinds.count("vague_sourcing") == 1


def test_spans_point_at_evidence():
    for sig in find_signals(article(statements=(claim(),))):
        assert sig.span is not None
        assert BODY[sig.span[0] : sig.span[1]] == sig.evidence


def test_hedged_headline_gives_no_headline_signal():
    sigs = find_signals(article("Foreign agencies may be moving fighters to northern border", statements=(claim(),)))
    assert "headline_overstates" not in [s.kind for s in sigs]


def test_article_without_cleaning_has_no_signals():
    assert find_signals(Article(Source("id", "x", b"", "text"))) == ()
