"""Burst detection: the Poisson tail, and a planted surge against a flat control corpus."""

import math

import pytest

from wirewatch.monitor import alerts
from wirewatch.monitor.bursts import BurstRule, poisson_tail, score_days

from .conftest import BURST_DAY, GROUP, OUTLETS, REGION, make_article, store_corpus


@pytest.mark.parametrize(("count", "rate"), [(0, 1.0), (1, 0.5), (2, 2.0), (3, 0.2), (4, 0.2), (5, 5.0), (10, 1.0)])
def test_poisson_tail_matches_the_direct_sum(count, rate):
    direct = 1 - sum(math.exp(-rate) * rate**k / math.factorial(k) for k in range(count))
    assert poisson_tail(count, rate) == pytest.approx(direct, rel=1e-9, abs=1e-15)


def test_poisson_tail_stays_accurate_far_in_the_tail():
    # 1 - CDF would round to 0 here; the direct tail sum does not.
    assert 0 < poisson_tail(50, 3.0) < 1e-40


def test_a_day_without_enough_history_is_not_tested():
    rule = BurstRule(baseline_days=5, min_history_days=3)
    scored = score_days([0, 0, 9, 9], [10, 10, 10, 10], rule=rule)
    assert scored[:3] == [(None, None)] * 3 and scored[3][1] is not None


def test_the_baseline_follows_the_corpus_volume():
    # The series keeps its 10% share while the crawler brings in five times the pages: no burst.
    rule = BurstRule(baseline_days=7, min_history_days=3)
    counts, volume = [1] * 7 + [5], [10] * 7 + [50]
    expected, p = score_days(counts, volume, rule=rule, first=7)[0]
    assert expected == pytest.approx(5.0) and p > 0.1


def test_the_planted_surge_raises_exactly_that_alert(planted_db, monitor_settings):
    report = alerts(planted_db, detect_now=True, settings=monitor_settings)
    (alert,) = report.alerts
    assert alert.rule == "burst" and alert.day == BURST_DAY.isoformat()
    assert set(alert.subjects) == {GROUP[0], REGION[0]}
    assert alert.articles == 8 and alert.outlets == 3 and alert.p_value < 1e-6
    assert report.new == (alert.id,)


def test_the_flat_control_corpus_raises_nothing(flat_db, monitor_settings):
    assert alerts(flat_db, detect_now=True, settings=monitor_settings).alerts == ()


def test_bursts_that_share_no_articles_stay_separate_alerts(flat_db, monitor_settings):
    store_corpus(flat_db, [make_article(BURST_DAY, OUTLETS[k % 3], [GROUP]) for k in range(6)]
                 + [make_article(BURST_DAY, OUTLETS[k % 3], [("Tesh Pass", "LOC")]) for k in range(6)])
    found = alerts(flat_db, detect_now=True, settings=monitor_settings).alerts
    assert sorted(a.subjects for a in found) == [(GROUP[0],), ("Tesh Pass",)]
