"""Quality gate: main-text extraction on a fixed subset must not drop below the pinned floors.

The subset (`pages` in the baseline file: the first N WCXB dev article pages in file-name order and
the first N English trafilatura-eval pages in URL order; the first N L3S-GN1 pages for the headlines
of flattened news pages; CleanEval dev's 58 pages) keeps the gate under about three minutes
on two cores. It runs wirewatch alone; `python -m benchmarks.extraction` gives the figures on the
whole sets with trafilatura beside them, and `python -m benchmarks.comments` the comment figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo root, where benchmarks/ lives
from benchmarks.extraction import measure, measure_news_headlines  # noqa: E402

BASELINE = json.loads((Path(__file__).with_name("extraction_baseline.json")).read_text("utf-8"))


@pytest.fixture(scope="module")
def scores() -> dict:
    res = measure(limit=BASELINE["pages"], rivals=False)
    skipped = [r["skipped"] for r in res.values() if "skipped" in r]
    if skipped:
        pytest.skip("; ".join(skipped))
    wcxb, traf, cleaneval = res["wcxb_dev"], res["trafilatura_eval_en"], res["cleaneval_dev"]
    headlines = measure_news_headlines(BASELINE["pages"])
    return {
        "l3s_flat_title": headlines.get("title"),  # None where L3S-GN1 is absent
        "pages": wcxb["pages"],
        "wcxb_html_f1": wcxb["wirewatch"]["f1"],
        "traf_eval_html_f1": traf["wirewatch"]["f1"],
        "wcxb_flat_f1": wcxb["flat"]["wirewatch"]["f1"],
        "wcxb_flat_nonbody_kept": wcxb["flat"]["wirewatch"]["nonbody_kept"],
        "cleaneval_html_f1": cleaneval["wirewatch"]["f1"],
        "cleaneval_html_comments_f1": cleaneval["wirewatch+comments"]["f1"],
    }


def test_gate_runs_on_the_pinned_subset(scores):
    assert scores["pages"] == BASELINE["pages"]


@pytest.mark.parametrize("key", sorted(BASELINE["floors"]))
def test_f1_stays_above_floor(scores, key):
    if scores[key] is None:
        pytest.skip(f"{key}: its data set is absent")
    assert scores[key] >= BASELINE["floors"][key], f"{key}: {scores[key]} below {BASELINE['floors'][key]}"


@pytest.mark.parametrize("key", sorted(BASELINE["ceilings"]))
def test_boilerplate_left_stays_below_ceiling(scores, key):
    assert scores[key] <= BASELINE["ceilings"][key], f"{key}: {scores[key]} above {BASELINE['ceilings'][key]}"
