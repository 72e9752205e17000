"""Stage declarations and the plan check.

A stage is a plain function `(Article, Context) -> Article` that declares which groups of the
Article it needs and which it adds, so a plan can be checked before any text is processed. A stage
may also have a batch form, `(articles, Context) -> [Article or the exception it raised]`, that does
the same for several articles at once where that is cheaper (extract: one spaCy pass over a chunk of
bodies); its results must be those of the plain function, article by article. And it may have a
`warm` function, `(Settings) -> None`, that loads what it reads (models, tables) into the process;
an executor whose workers are forked from this process has it called first (`warm_up`), so the
workers inherit one copy instead of each loading its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirewatch.errors import PlanError
from wirewatch.model import Article

if TYPE_CHECKING:
    from wirewatch.pipeline.context import Context
    from wirewatch.settings import Settings

log = logging.getLogger("wirewatch")

StageFn = Callable[[Article, "Context"], Article]
BatchFn = Callable[[Sequence[Article], "Context"], list[Article | Exception]]
WarmFn = Callable[["Settings"], None]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: StageFn
    requires: frozenset[str]
    produces: frozenset[str]
    batch: BatchFn | None = None
    warm: WarmFn | None = None


def stage(
    name: str,
    *,
    requires: Sequence[str] = (),
    produces: Sequence[str] = (),
    batch: BatchFn | None = None,
    warm: WarmFn | None = None,
) -> Callable[[StageFn], Stage]:
    def wrap(fn: StageFn) -> Stage:
        return Stage(name, fn, frozenset(requires), frozenset(produces), batch, warm)

    return wrap


def warm_up(stages: Sequence[Stage], settings: Settings) -> None:
    """Each stage's `warm`, in this process. Only a saving: what fails here is left to fail where the
    stage runs, article by article, as it would have without it."""
    for s in stages:
        if s.warm is None:
            continue
        try:
            s.warm(settings)
        except Exception:
            log.debug("warming %s failed; its workers load what they need themselves", s.name, exc_info=True)


def check_plan(stages: Sequence[Stage], *, given: Sequence[str] = ("source",)) -> None:
    have = set(given)
    for s in stages:
        missing = s.requires - have
        if missing:
            raise PlanError(f"stage {s.name!r} needs {', '.join(sorted(missing))}, which no stage before it produces")
        have |= s.produces
