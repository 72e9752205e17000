"""Direct quotations in languages with no parser here (Russian, Ukrainian, German, French).

The doc handed to the extract stage is an English-model parse of such a page, which is worth nothing
for syntax; so this reads the raw text. A quotation is a statement when a reporting word of the page's
language (`data/reporting_words.toml`) stands in the same sentence, right after the quotation
("«...», — заявил Путин.", "„...“, sagte Scholz.") or right before it ending in a colon ("Путин
заявил: «...»"). The speaker is the entity nearest to the cue in that stretch, else the capitalised
words beside the cue, else, for a pronoun, the last speaker.
"""

from __future__ import annotations

import re

from wirewatch.extract.cues import reporting_words, word_regex
from wirewatch.extract.quotes import find_quotes
from wirewatch.extract.speakers import EntityIndex, clean, strip_titles
from wirewatch.model import Statement

_REACH = 160  # characters searched on each side of a quotation
_NAME = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ][\w\u2019'-]+)(?:\s+[A-ZА-ЯЁІЇЄҐ][\w\u2019'-]+){0,3}")


def _pattern(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    if not entries:
        return None
    alts = sorted((word_regex(e) for e in entries), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I)


def foreign_statements(text: str, index: EntityIndex, language: str) -> tuple[Statement, ...]:
    words = reporting_words().get(language)
    if not words:
        return ()
    cues, pronouns = _pattern(words.get("cues", ())), _pattern(words.get("pronouns", ()))
    anonymous = _pattern(words.get("anonymous", ()))
    if cues is None:
        return ()
    out: list[Statement] = []
    last: tuple[str | None, str] | None = None  # (speaker, sourcing) of the previous statement
    for q in find_quotes(text, min_words=3):
        after = _clip_after(text, q.end)
        before = _clip_before(text, q.start)
        found = None
        m = cues.search(after)
        if m and m.start() <= 40:
            found = (q.end + m.start(), q.end + m.end(), q.end, q.end + len(after))
        elif before.rstrip().endswith(":"):
            ms = list(cues.finditer(before))
            if ms:
                b0 = q.start - len(before)
                found = (b0 + ms[-1].start(), b0 + ms[-1].end(), b0, q.start)
        if found is None:
            continue
        c0, c1, w0, w1 = found
        window = text[w0:w1]
        speaker, source_text, sourcing = _speaker(text, index, c0, c1, w0, w1)
        if speaker is None and pronouns is not None and pronouns.search(window) and last is not None:
            speaker, sourcing = last
            source_text = pronouns.search(window).group(0)
        elif speaker is None and anonymous is not None and anonymous.search(window):
            source_text, sourcing = anonymous.search(window).group(0), "anonymous"
        if speaker is None and sourcing == "named":
            continue
        out.append(
            Statement(
                speaker,
                None,
                source_text,
                None,
                text[c0:c1],
                text[q.start : q.end],
                "direct",
                sourcing,
                (q.start, q.end),
            )
        )
        if speaker:
            last = (speaker, sourcing)
    return tuple(out)


def _clip_after(text: str, end: int) -> str:
    piece = text[end : end + _REACH]
    m = re.search(r"[.!?](\s|$)|\n", piece)
    return piece[: m.start()] if m else piece


def _clip_before(text: str, start: int) -> str:
    piece = text[max(0, start - _REACH) : start]
    cut = max(piece.rfind(". "), piece.rfind("\n"), piece.rfind("! "), piece.rfind("? "))
    return piece[cut + 1 :] if cut >= 0 else piece


def _speaker(
    text: str, index: EntityIndex, c0: int, c1: int, w0: int, w1: int
) -> tuple[str | None, str | None, str]:
    ents = index.within(w0, w1)
    if ents:
        a, b, ent = min(ents, key=lambda t: min(abs(t[0] - c1), abs(t[1] - c0)))
        return ent.name, text[a:b], "named"
    # Capitalised words right after the cue ("sagte Scholz") or right before it ("Путин заявил").
    tail = _NAME.match(text, c1 + 1) if c1 + 1 < w1 else None
    if tail and tail.end() <= w1:
        return strip_titles(tail.group(0)), tail.group(0), "named"
    head = list(_NAME.finditer(text[w0:c0]))
    if head and not text[w0 + head[-1].end() : c0].strip(" ,\u2014\u2013-"):
        name = head[-1].group(0)
        return strip_titles(name), clean(name), "named"
    return None, None, "named"
