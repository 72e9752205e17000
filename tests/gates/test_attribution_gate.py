"""Quality gate: attribution scores on PolNeAR dev must not drop below the floors pinned in
`attribution_baseline.json`.

The baseline's `limit` picks the first N dev articles in name order (null: all 84, about 40 s on two
cores) and `articles` pins how many were read; `python benchmarks/attribution.py` prints the table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives
from benchmarks.attribution import measure  # noqa: E402

_BASELINE_FILE = Path(__file__).with_name("attribution_baseline.json")
if not _BASELINE_FILE.exists():
    pytest.skip(
        "no attribution_baseline.json pinned yet: run benchmarks/attribution.py and pin its figures",
        allow_module_level=True,
    )
BASELINE = json.loads(_BASELINE_FILE.read_text("utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict:
    res = measure(limit=BASELINE["limit"])
    if "skipped" in res:
        pytest.skip(res["skipped"])
    return res


def test_gate_runs_on_the_pinned_subset(scores):
    assert scores["articles"] == BASELINE["articles"]


@pytest.mark.parametrize("key", sorted(BASELINE["floors"]))
def test_f1_stays_above_floor(scores, key):
    assert scores[key]["f1"] >= BASELINE["floors"][key], (
        f"{key}: {scores[key]} below {BASELINE['floors'][key]}"
    )
