"""Quality gate: story clustering on a fixed subset of ECB+ must not drop below the pinned B-cubed F1.

The subset (`topics` in the baseline file: the first N topics) keeps the gate under about three
minutes on two cores (extraction dominates); the figures for topics 1-35 come from
`python -m benchmarks.clustering`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives
from benchmarks.clustering import measure  # noqa: E402

BASELINE = json.loads((Path(__file__).with_name("clustering_baseline.json")).read_text("utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict:
    res = measure(limit=BASELINE["topics"])
    if "skipped" in res:
        pytest.skip(res["skipped"])
    return res


def test_gate_runs_on_the_pinned_subset(scores):
    assert scores["documents"] == BASELINE["documents"]


def test_bcubed_f1_stays_above_floor(scores):
    got = scores["wirewatch"]["f1"]
    assert got >= BASELINE["floors"]["bcubed_f1"], f"B-cubed F1 {got} below {BASELINE['floors']['bcubed_f1']}"
