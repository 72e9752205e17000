"""Quality gate: three events of one week in one region, told in eight languages, stay three stories (four
with the seeds), and each event's central claim stays one claim across its languages.

The pages are the repository's own (`benchmarks/multilingual/`); the seeds join them where `../shared` has
them. `python benchmarks/multilingual.py` gives the figures, with the pages in shuffled orders too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives
from benchmarks.multilingual import SOURCES, measure  # noqa: E402

BASELINE = json.loads((Path(__file__).with_name("multilingual_baseline.json")).read_text("utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict:
    return measure(orders=0)


def test_the_events_stay_apart_and_whole(scores):
    got = scores["stories"]["f1"]
    assert not scores["rejected"] and got >= BASELINE["floors"]["stories_bcubed_f1"], scores["stories"]


@pytest.mark.parametrize("event", sorted(SOURCES))
def test_each_events_claim_crosses_its_languages(scores, event):
    got = scores[event]["widest_claim_languages"]
    assert got >= BASELINE["floors"]["widest_claim_languages"][event], scores[event]
