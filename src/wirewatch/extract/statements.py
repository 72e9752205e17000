"""Who said what (being built)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from wirewatch.model import Entity, Statement


def find_statements(
    doc: Doc, entities: Sequence[Entity], *, title: str | None, language: str = "en"
) -> tuple[Statement, ...]:
    return ()
