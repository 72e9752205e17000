"""The alias table (being built): canonical names for groups and institutions across spellings."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class AliasTable:
    canonical: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (name, type)


@lru_cache(maxsize=4)
def load_aliases(user_file: str | None = None) -> AliasTable:
    return AliasTable()
