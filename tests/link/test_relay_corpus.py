"""One claim relayed in six pages and five languages, beside two near misses, through the real pipeline.

`fixtures/relay_claim.jsonl` (written for this project, fictional): story A is a security chief's
accusation relayed in English (a wire report and an outlet that asserts it in its headline),
Russian, German, Indonesian and Romanian; story B is the same official, the same day, on another
subject (a drug seizure); story C is another event in the same region that week. Pages are cleaned
and extracted for real (no hand-made entities), then stored with the story linker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.pipeline.run import ingest
from wirewatch.store.db import Store

FIXTURE = Path(__file__).parent / "fixtures" / "relay_claim.jsonl"


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> dict[str, str]:
    """Fixture id -> story id."""
    db = tmp_path_factory.mktemp("relay") / "relay.duckdb"
    ingest([FIXTURE], db=db, workers=1, until="extract")
    ids = {json.loads(line)["title"]: json.loads(line)["id"] for line in FIXTURE.read_text("utf-8").splitlines()}
    with Store(db) as store:
        rows = store.con.execute("SELECT title, story FROM articles").fetchall()
    return {ids[title]: story for title, story in rows}


def test_every_relay_of_the_claim_is_one_story(stories):
    relays = ["a-en-wire", "a-en-own", "a-ru", "a-de", "a-id", "a-ro"]
    assert len({stories[r] for r in relays}) == 1


def test_the_same_official_on_another_subject_is_another_story(stories):
    assert stories["b-en"] == stories["b-ru"]
    assert stories["b-en"] != stories["a-en-wire"]


def test_another_event_in_the_same_region_is_another_story(stories):
    assert stories["c-en"] == stories["c-de"]
    assert stories["c-en"] not in (stories["a-en-wire"], stories["b-en"])
