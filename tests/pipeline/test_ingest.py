"""`pipeline.run.ingest` itself: plans, and what a run remembers."""

import pytest

from wirewatch.errors import PlanError
from wirewatch.pipeline.run import ingest
from wirewatch.store.db import Store

from ..conftest import FLAT_PAGE


@pytest.fixture()
def pages(tmp_path):
    d = tmp_path / "pages"
    d.mkdir()
    (d / "strike.txt").write_text(FLAT_PAGE)
    return d


def test_ingest_until_clean_stores_the_cleaned_article_and_links_it(pages, tmp_path, settings):
    db = tmp_path / "w.duckdb"
    summary = ingest([pages], db=db, workers=1, until="clean", settings=settings)
    assert summary.line == "1 new, 0 already stored, 0 rejected"
    with Store(db, read_only=True) as store:
        (doc,) = store.iter_article_dicts()
    assert doc["body"].startswith("The dock workers' union") and doc["entities"] == [] and doc["story"]


def test_an_unknown_plan_is_refused_before_the_store_is_created(pages, tmp_path, settings):
    with pytest.raises(PlanError):
        ingest([pages], db=tmp_path / "w.duckdb", workers=1, until="summarise", settings=settings)
    assert not (tmp_path / "w.duckdb").exists()


def test_an_input_read_twice_in_one_run_is_stored_once(pages, tmp_path, settings):
    summary = ingest([pages / "strike.txt", pages / "strike.txt"], db=tmp_path / "w.duckdb", workers=1,
                     until="clean", settings=settings)
    assert (summary.new, summary.already_stored) == (1, 1)
