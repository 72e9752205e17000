"""Raw pages of one event in six languages, a near-miss in two and an unrelated page, through the whole
pipeline (`ingest`): page chrome left out of titles, three stories, and the spokesman's casualty
figures followed across languages as one claim. The pages (`fixtures/dam_breach/`) are fictional."""

from __future__ import annotations

from pathlib import Path

from wirewatch.link.corpus import claims
from wirewatch.pipeline.run import ingest
from wirewatch.store.db import Store

PAGES = Path(__file__).parent / "fixtures" / "dam_breach"


def test_one_event_in_six_languages_one_near_miss_and_one_other_story(settings, tmp_path):
    db = tmp_path / "w.duckdb"
    summary = ingest([PAGES], db=db, workers=1, settings=settings)
    assert summary.new == 10 and not summary.rejected
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT i.name, a.story, a.title FROM articles a JOIN inputs i USING (id)").fetchall()
    story = {Path(name).stem: s for name, s, _ in rows}
    titles = {Path(name).stem: t for name, _, t in rows}
    dam = {story[k] for k in ("en1", "en2", "de", "fr", "es", "ru", "id")}
    assert len(dam) == 1
    assert story["near_en"] == story["near_de"] and story["near_en"] not in dam
    assert story["other"] not in dam | {story["near_en"]}
    assert titles["en1"] == "Dam breach floods villages in Korvania's Ostel valley"  # not the menu line above it
    (velk,) = [c for c in claims(db) if c.speaker == "Dario Velk"]
    assert velk.independent_outlets >= 5 and velk.corroboration == 1
