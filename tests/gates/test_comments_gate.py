"""Quality gate: reader comments kept out of article bodies must not get worse.

The HTML cleaner and the flattened-text cleaner (the seeds' situation: a page flattened to lines,
comment section included) on the Dragnet and L3S-GN1 pages that carry comments.
`python -m benchmarks.comments` gives the same figures with trafilatura beside them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives
from benchmarks.comments import measure  # noqa: E402

SYSTEMS = ("html:wirewatch", "flat:wirewatch")
BASELINE = json.loads((Path(__file__).with_name("comments_baseline.json")).read_text("utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict:
    res = measure(systems=SYSTEMS)
    skipped = [r["skipped"] for r in res.values() if "skipped" in r]
    if skipped:
        pytest.skip("; ".join(skipped))
    return {
        f"{name}_{system.split(':')[0]}_{figure}": r[system][figure]
        for name, r in res.items()
        for system in SYSTEMS
        for figure in ("leaked", "body_f1")
    }


@pytest.mark.parametrize("key", sorted(BASELINE["ceilings"]))
def test_comment_text_in_bodies_stays_below_ceiling(scores, key):
    assert scores[key] <= BASELINE["ceilings"][key], f"{key}: {scores[key]} above {BASELINE['ceilings'][key]}"


@pytest.mark.parametrize("key", sorted(BASELINE["floors"]))
def test_body_f1_stays_above_floor(scores, key):
    assert scores[key] >= BASELINE["floors"][key], f"{key}: {scores[key]} below {BASELINE['floors'][key]}"
