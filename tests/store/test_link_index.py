"""The story linker's index in DuckDB: candidates come from the story window, undated pages from anywhere."""

import pytest

from wirewatch.link.features import LinkFeatures
from wirewatch.store.db import Store
from wirewatch.store.stories import StoreLinkIndex


def features(article_id: str, day: str | None, seq: int) -> LinkFeatures:
    return LinkFeatures(article_id, seq, "en", day, None, {"n:slmr": 1.0, "#:14": 1.0}, {"blast": 1})


@pytest.fixture
def index():
    with Store(":memory:") as store:
        idx = StoreLinkIndex(store.con)
        for seq, (aid, day) in enumerate([("old", "2024-01-02"), ("near", "2024-03-10"), ("same", "2024-03-12"),
                                          ("undated", None), ("late", "2024-03-20")], start=1):
            idx.add(features(aid, day, seq), "s" + aid)
        idx.flush()  # stored: the lookups below go to DuckDB, not to the batch held in memory
        yield idx


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2024-03-12", {"near", "same", "undated"}), ("2024-03-18", {"late", "undated"}),
     (None, {"old", "near", "same", "undated", "late"}), ("not a date", {"old", "near", "same", "undated", "late"})],
)
def test_candidates_are_the_articles_of_the_window_and_the_undated(index, day, expected):
    found = index.candidates(features("new", day, 9), ["n:slmr", "#:14"], window_days=3, limit=10)
    assert {f.article_id for f, _ in found} == expected


def test_postings_keep_the_day_of_their_article(index):
    rows = index.con.execute("SELECT DISTINCT a.article_id, p.day::VARCHAR FROM link_postings p "
                             "JOIN link_articles a USING (seq) ORDER BY 1").fetchall()
    assert rows == [("late", "2024-03-20"), ("near", "2024-03-10"), ("old", "2024-01-02"), ("same", "2024-03-12"),
                    ("undated", None)]


def test_a_batch_without_keys_writes_nothing_and_does_not_fail():
    with Store(":memory:") as store:
        idx = StoreLinkIndex(store.con)
        idx.add(LinkFeatures("empty", 1, "en", None, None, {}, {}), "sempty")
        idx.flush()
        assert store.con.execute("SELECT count(*) FROM link_postings").fetchone()[0] == 0
        assert store.con.execute("SELECT count(*) FROM link_articles").fetchone()[0] == 1
