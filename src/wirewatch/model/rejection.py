from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read as an article, and why. Stored, reported, never fatal."""

    name: str
    code: str  # empty | binary | too_large | broken_record | unreadable
    reason: str
    input_id: str | None = None

    @property
    def message(self) -> str:
        return f"{self.name}: {self.reason}"
