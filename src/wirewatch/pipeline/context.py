"""What every per-article stage may read besides the article: settings and frozen corpus memory.

The context is built once per run (and once per worker process) and never changes during the run,
so results do not depend on how articles are scheduled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from wirewatch.settings import Settings


@dataclass(frozen=True, slots=True)
class Context:
    settings: Settings
    # outlet -> hashes of lines seen on many of its pages (site chrome), learnt before the run.
    outlet_chrome: Mapping[str, frozenset[str]] = field(default_factory=dict)
