"""The monitor's settings, read once from the `[monitor]` section and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wirewatch.errors import ConfigError
from wirewatch.monitor.bursts import BurstRule
from wirewatch.settings import Settings

KINDS = ("entity", "place", "story", "claim", "outlet")


def parse_day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(f"{what} must be a date as YYYY-MM-DD, not {value!r}") from e


def _kinds(values: list[str], what: str) -> tuple[str, ...]:
    unknown = [k for k in values if k not in KINDS]
    if unknown:
        raise ConfigError(f"{what}: unknown series kind(s) {', '.join(unknown)} (known: {', '.join(KINDS)})")
    return tuple(values)


@dataclass(frozen=True, slots=True)
class MonitorConfig:
    rule: BurstRule
    as_of: date | None
    trend_days: int
    trend_kinds: tuple[str, ...]
    burst_kinds: tuple[str, ...]
    burst_merge_share: float
    window_days: int
    pair_min_articles: int
    pair_min_outlets: int
    armed_group_words: tuple[str, ...]
    watchlist: str
    webhook_url: str
    webhook_timeout: float
    webhook_max_attempts: int

    @classmethod
    def from_settings(cls, settings: Settings) -> MonitorConfig:
        def get(key: str):  # type: ignore[no-untyped-def]
            return settings.get("monitor", key)

        as_of = str(get("as_of") or "")
        return cls(
            rule=BurstRule(
                baseline_days=int(get("baseline_days")), rate_floor=float(get("rate_floor")),
                burst_p=float(get("burst_p")), min_articles=int(get("burst_min_articles")),
                min_history_days=int(get("min_history_days")),
            ),
            as_of=parse_day(as_of, "monitor.as_of") if as_of else None,
            trend_days=int(get("trend_days")),
            trend_kinds=_kinds(list(get("trend_kinds")), "monitor.trend_kinds"),
            burst_kinds=_kinds(list(get("burst_kinds")), "monitor.burst_kinds"),
            burst_merge_share=float(get("burst_merge_share")),
            window_days=int(get("window_days")),
            pair_min_articles=int(get("pair_min_articles")),
            pair_min_outlets=int(get("pair_min_outlets")),
            armed_group_words=tuple(str(w) for w in get("armed_group_words")),
            watchlist=str(get("watchlist") or ""),
            webhook_url=str(get("webhook_url") or ""),
            webhook_timeout=float(get("webhook_timeout")),
            webhook_max_attempts=int(get("webhook_max_attempts")),
        )
