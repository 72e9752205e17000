"""Stage declarations and the plan check.

A stage is a plain function `(Article, Context) -> Article` that declares which groups of the
Article it needs and which it adds, so a plan can be checked before any text is processed. A stage
may also have a batch form, `(articles, Context) -> [Article or the exception it raised]`, that does
the same for several articles at once where that is cheaper (extract: one spaCy pass over a chunk of
bodies); its results must be those of the plain function, article by article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirewatch.errors import PlanError
from wirewatch.model import Article

if TYPE_CHECKING:
    from wirewatch.pipeline.context import Context

StageFn = Callable[[Article, "Context"], Article]
BatchFn = Callable[[Sequence[Article], "Context"], list[Article | Exception]]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: StageFn
    requires: frozenset[str]
    produces: frozenset[str]
    batch: BatchFn | None = None


def stage(
    name: str, *, requires: Sequence[str] = (), produces: Sequence[str] = (), batch: BatchFn | None = None
) -> Callable[[StageFn], Stage]:
    def wrap(fn: StageFn) -> Stage:
        return Stage(name, fn, frozenset(requires), frozenset(produces), batch)

    return wrap


def check_plan(stages: Sequence[Stage], *, given: Sequence[str] = ("source",)) -> None:
    have = set(given)
    for s in stages:
        missing = s.requires - have
        if missing:
            raise PlanError(f"stage {s.name!r} needs {', '.join(sorted(missing))}, which no stage before it produces")
        have |= s.produces
