"""Benchmarks: one script per figure, each comparing against a baseline measured in the same run."""
