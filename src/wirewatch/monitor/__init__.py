"""Monitoring: daily series, bursts, new pairings, watchlists and alerts.

`trends` (series.py) backs `wirewatch trends`; `alerts` (alerts.py) backs `wirewatch alerts`.
"""

from wirewatch.monitor.alerts import AlertReport, alerts, detect
from wirewatch.monitor.series import TrendReport, trends
from wirewatch.monitor.watchlist import Watchlist, load_watchlist

__all__ = ["AlertReport", "TrendReport", "Watchlist", "alerts", "detect", "load_watchlist", "trends"]
