"""The tables and models wirewatch ships, read as package resources."""

from __future__ import annotations

import csv
import io
from importlib import resources


def table_rows(filename: str) -> list[list[str]]:
    """The rows of a shipped CSV table, cells stripped, '#' comment lines and the header row left out."""
    text = resources.files("wirewatch.data").joinpath(filename).read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(body))]
    return rows[1:]  # header
