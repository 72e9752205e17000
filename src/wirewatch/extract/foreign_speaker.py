"""Who is speaking in an attribution clause of a page with no parser: the entity nearest the cue,
else the capitalised words right after the cue ("sagte Scholz") or right before it ("Путин заявил")."""

from __future__ import annotations

import re

from wirewatch.extract.speakers import EntityIndex, clean, strip_titles

_NAME = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ][\w\u2019'-]+)(?:\s+[A-ZА-ЯЁІЇЄҐ][\w\u2019'-]+){0,3}")


def speaker_near(
    text: str, index: EntityIndex, c0: int, c1: int, w0: int, w1: int
) -> tuple[str | None, str | None, str]:
    """(speaker, the words naming it, sourcing) for the cue at c0:c1 in the clause w0:w1; speaker
    None when no name stands there."""
    ents = index.within(w0, w1)
    if ents:
        a, b, ent = min(ents, key=lambda t: min(abs(t[0] - c1), abs(t[1] - c0)))
        return ent.name, text[a:b], "named"
    tail = _NAME.match(text, c1 + 1) if c1 + 1 < w1 else None
    if tail and tail.end() <= w1:
        return strip_titles(tail.group(0)), tail.group(0), "named"
    head = list(_NAME.finditer(text[w0:c0]))
    if head and not text[w0 + head[-1].end() : c0].strip(" ,\u2014\u2013-"):
        name = head[-1].group(0)
        return strip_titles(name), clean(name), "named"
    return None, None, "named"
