"""Per-article signals: each a finding a reader can check, with its evidence and where it is.

`find_signals` composes the finders, each a small function of the article's text and findings:

- `headline_overstates` (`assess.headline`): the headline asserts what the body only attributes;
- `vague_sourcing` (`assess.sourcing`): one per vague attribution ("numerous reports", "it is believed");
- `propaganda:<Technique>` (`assess.propaganda`): propaganda spans, SemEval-2020 Task 11 techniques.
"""

from __future__ import annotations

from wirewatch.assess.headline import headline_overstates
from wirewatch.assess.propaganda import propaganda_spans
from wirewatch.assess.sourcing import vague_sourcing
from wirewatch.extract.aliases import AliasTable
from wirewatch.model import Article, Signal


def find_signals(article: Article, aliases: AliasTable | None = None) -> tuple[Signal, ...]:
    """`aliases`: the table headlines are read with (default: the shipped one)."""
    c = article.cleaned
    if c is None or not c.body:
        return ()
    statements = article.extracted.statements if article.extracted else ()
    entities = article.extracted.entities if article.extracted else ()
    found: list[Signal] = []
    if (h := headline_overstates(c.title.value, c.body, statements, entities, language=c.language, aliases=aliases)) is not None:
        found.append(h)
    found.extend(vague_sourcing(c.body, statements))
    if c.language in ("en", "", None):
        found.extend(propaganda_spans(c.body))
    return tuple(found)
