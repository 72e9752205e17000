"""Monitoring: daily series, bursts, new pairings, watchlists and alerts."""
