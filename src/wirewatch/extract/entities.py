"""Entities (being built): spaCy NER grouped by surface form."""

from __future__ import annotations

from spacy.tokens import Doc

from wirewatch.extract.aliases import AliasTable
from wirewatch.model import Entity

_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}


def find_entities(doc: Doc, *, aliases: AliasTable, language: str = "en") -> tuple[Entity, ...]:
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for ent in doc.ents:
        etype = ent.label_ if ent.label_ in _TYPES else "OTHER"
        if etype == "OTHER":
            continue
        groups.setdefault((ent.text, etype), []).append((ent.start_char, ent.end_char))
    return tuple(
        Entity(name=name, type=etype, mentions=(name,), count=len(spans), spans=tuple(spans))
        for (name, etype), spans in groups.items()
    )
