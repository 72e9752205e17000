"""`pipeline.run.ingest` itself: plans, and what a run remembers."""

from pathlib import Path

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


def test_a_folder_that_holds_the_database_is_ingested_without_the_store_s_own_files(pages, settings):
    # The default database lies in the working directory: `wirewatch ingest .` walks it, and the
    # database, its write-ahead log and its side folders are being written while the walk goes on.
    db = pages / "wirewatch.duckdb"
    for side in (f"{db}.search", f"{db}.shards"):
        Path(side).mkdir()
        (Path(side) / "segment.bin").write_bytes(b"\x00\x01binary")
    first = ingest([pages], db=db, workers=1, until="clean", settings=settings)
    again = ingest([pages], db=db, workers=1, until="clean", settings=settings)
    assert first.line == "1 new, 0 already stored, 0 rejected"
    assert again.line == "0 new, 1 already stored, 0 rejected"
