"""Burst detection: is today's count surprising against the series' own trailing baseline?

The method: a one-sided Poisson tail probability against a trailing, volume-adjusted baseline.

    share_d    = (mentions over the `baseline_days` days before d) / (all articles in those days)
    expected_d = max(rate_floor, share_d * articles stored for day d)
    p_d        = P(X >= count_d),  X ~ Poisson(expected_d)

A day is a burst when p_d < burst_p and count_d >= burst_min_articles.

Why this and not the alternatives:
- Daily mention counts of one entity are small integers, mostly 0, 1 or 2. A z-score against a
  trailing mean and standard deviation misbehaves there: a series of zeros has sd 0 (any mention is
  an infinite z), and a single earlier mention inflates the sd so that a real surge scores low.
  The Poisson tail is exact for counts, needs only the rate, and stays meaningful at 0 and 1.
- The baseline is a share of the corpus, not a raw rate, because a scraped corpus's volume swings
  from day to day (a backfill, a crawler outage): a raw rate would call every entity bursting on
  the day the crawler caught up. Multiplying the share by the day's volume cancels that out.
- The floor keeps a series with no history from having an expected count of 0, for which any
  mention would be infinitely surprising; with the default 0.2 a new name needs about four
  articles in a day to pass p < 0.001 (P(X >= 4 | 0.2) = 5.7e-5, P(X >= 3 | 0.2) = 1.1e-3).
- Kleinberg's two-state automaton finds burst *intervals* well, but it is fitted to a whole
  sequence at once, so a new day can change the state of earlier ones; alerts need a per-day
  decision that does not move once made, and a p-value an analyst can read.
- No weekly seasonality term: news volume has a weekly cycle, but the volume adjustment already
  absorbs it (a quiet Sunday has fewer articles in total) and a per-weekday baseline would need
  months of history per series, which a monitored corpus rarely has for a new name.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BurstRule:
    baseline_days: int = 28
    rate_floor: float = 0.2
    burst_p: float = 1e-3
    min_articles: int = 3
    min_history_days: int = 7  # days with any article in the baseline before a day is tested at all


def poisson_tail(count: int, rate: float) -> float:
    """P(X >= count) for X ~ Poisson(rate), accurate in the far tail (no 1 - CDF cancellation)."""
    if count <= 0:
        return 1.0
    if rate <= 0:
        return 0.0
    if count <= rate:  # the body of the distribution: 1 - CDF is accurate enough here
        term = math.exp(-rate)
        cdf = term
        for k in range(1, count):
            term *= rate / k
            cdf += term
        return min(1.0, max(0.0, 1.0 - cdf))
    term = math.exp(-rate + count * math.log(rate) - math.lgamma(count + 1))
    total, k = 0.0, count
    while term > 1e-17 * total or total == 0.0:
        total += term
        k += 1
        term *= rate / k
        if term == 0.0:
            break
    return min(1.0, total)


def score_days(
    counts: Sequence[int], volume: Sequence[int], *, rule: BurstRule, first: int = 0
) -> list[tuple[float | None, float | None]]:
    """(expected, p) for each day from index `first` of a dense daily series; (None, None) where the
    baseline holds fewer than `rule.min_history_days` days with articles.

    `counts[i]` are the series' articles on day i, `volume[i]` all articles stored for day i."""
    out: list[tuple[float | None, float | None]] = []
    for i in range(first, len(counts)):
        lo = max(0, i - rule.baseline_days)
        base_volume = volume[lo:i]
        if sum(1 for v in base_volume if v) < rule.min_history_days:
            out.append((None, None))
            continue
        share = sum(counts[lo:i]) / sum(base_volume)
        expected = max(rule.rate_floor, share * volume[i])
        out.append((round(expected, 4), poisson_tail(counts[i], expected)))
    return out


def is_burst(count: int, p: float | None, rule: BurstRule) -> bool:
    return p is not None and p < rule.burst_p and count >= rule.min_articles
