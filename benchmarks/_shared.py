"""Where the evaluation data lives, and the one way a benchmark or gate says it is missing."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(os.environ.get("WIREWATCH_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))


def shared_path(*parts: str) -> Path | None:
    """`../shared/<parts>` where it exists, else None (callers skip with a clear message)."""
    p = SHARED.joinpath(*parts)
    return p if p.exists() else None


def missing_message(*parts: str) -> str:
    return f"skipped: {SHARED.joinpath(*parts)} is absent (evaluation data lives in ../shared beside the repo)"
