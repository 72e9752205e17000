"""Statements in languages with no parser here (those of `data/reporting_words.toml`: Russian,
Ukrainian, German, French, Spanish, Romanian, Indonesian, Polish): direct quotations here, reported speech
without quotation marks in `foreign_indirect`.

The doc handed to the extract stage is an English-model parse of such a page, which is worth nothing
for syntax; so this reads the raw text. A quotation is a statement when a reporting word of the page's
language (`data/reporting_words.toml`) stands in the same sentence, right after the quotation
("«...», — заявил Путин.", "„...“, sagte Scholz.") or right before it ending in a colon ("Путин
заявил: «...»"). The speaker is the entity nearest to the cue in that stretch, else the capitalised
words beside the cue, else, for a pronoun, the last speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from wirewatch.extract.cues import reporting_words, word_regex
from wirewatch.extract.foreign_indirect import indirect_statements, vocabulary
from wirewatch.extract.foreign_speaker import role_beside, speaker_near
from wirewatch.extract.quotes import find_quotes
from wirewatch.extract.speakers import EntityIndex
from wirewatch.model import Statement

_REACH = 160  # characters searched on each side of a quotation


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
    title = vocabulary(language).title
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
        speaker, source_text, sourcing = speaker_near(
            text, index, c0, c1, w0, w1, pronoun=pronouns, last=last, language=language
        )
        if speaker is None and pronouns is not None and pronouns.search(window) and last is not None:
            speaker, sourcing = last
            source_text = pronouns.search(window).group(0)
        elif speaker is None and anonymous is not None and anonymous.search(window):
            source_text, sourcing = anonymous.search(window).group(0), "anonymous"
        if speaker is None and sourcing == "named":
            continue
        role = role_beside(text, source_text, w0, w1, title) if speaker and sourcing == "named" else None
        out.append(
            Statement(
                speaker,
                text[role[0] : role[1]] if role else None,
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
    direct = tuple(out)
    indirect = indirect_statements(text, index, language, quoted=direct)
    return _roles_shared(sorted(direct + tuple(indirect), key=lambda st: st.span or (0, 0)))


def _roles_shared(statements: list[Statement]) -> tuple[Statement, ...]:
    """A speaker's office, once written beside the name, is theirs in every statement of the page
    ("Menurut Beseda, ..." after "kata kepala Dinas Kelima ..., Sergei Beseda"), as an English
    entity's role is."""
    roles: dict[str, str] = {}
    for st in statements:
        if st.speaker and st.speaker_role and st.sourcing == "named":
            roles.setdefault(st.speaker, st.speaker_role)
    return tuple(
        replace(st, speaker_role=roles[st.speaker])
        if st.speaker in roles and not st.speaker_role and st.sourcing == "named" else st
        for st in statements
    )


def _clip_after(text: str, end: int) -> str:
    piece = text[end : end + _REACH]
    m = re.search(r"[.!?](\s|$)|\n", piece)
    return piece[: m.start()] if m else piece


def _clip_before(text: str, start: int) -> str:
    piece = text[max(0, start - _REACH) : start]
    cut = max(piece.rfind(". "), piece.rfind("\n"), piece.rfind("! "), piece.rfind("? "))
    return piece[cut + 1 :] if cut >= 0 else piece
