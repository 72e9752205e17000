"""Vague sourcing: claims pinned on no identifiable source ("numerous reports", "it is believed").

Two sources of evidence, merged: the statements the extract stage marked `sourcing == "vague"`,
and a pattern scan of the body for the usual vague formulas, which also catches the ones no
statement was made for ("Speculation of US intelligence activities ..."). One signal per vague
attribution; its evidence is the vague words themselves and its span points at them in the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wirewatch.assess.text import words
from wirewatch.extract.cues import VAGUE_HEADS
from wirewatch.model import Signal, Statement

KIND = "vague_sourcing"

_QUANT = r"(?:numerous|many|several|multiple|various|countless|widespread|persistent|unconfirmed|unverified|some|other|recent|media|press|news)"
_PASSIVE = r"(?:believed|said|reported|claimed|alleged|thought|rumou?red|understood|feared|suspected|assumed|known|suggested|estimated|expected|speculated)"
_PEOPLE = (
    r"(?:(?:many|some|most) people|some|many|critics|observers|analysts|experts|commentators|pundits"
    r"|insiders|skeptics|sceptics|historians|scientists|researchers|economists|watchers)"
)
_SAY = r"(?:say|says|said|believe|believed|believes|claim|claimed|claims|argue|argued|argues|suggest|suggested|suggests|think|thought|fear|feared|warn|warned|insist|insisted|contend|contended|allege|alleged)"

# Each pattern matches the vague words only, so that the evidence reads as the attribution itself.
PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?:there (?:have|has|had) been |there (?:are|were) )?{_QUANT} reports\b",
        r"\breports (?:say|said|suggest|suggested|indicate|indicated|claim|claimed|emerged)\b",
        rf"\bit (?:is|was|has been|had been|is being|is widely|was widely|has long been) (?:widely |generally |commonly |now )?{_PASSIVE}\b",
        r"\b(?:is|are|was|were) (?:widely |generally |commonly |also )?(?:believed|said|reported|rumou?red|thought|claimed|understood|suspected) to(?= (?:be|have)\b)",
        r"\b(?:speculation|rumou?rs?|hearsay)(?= (?:of|that|about|suggests?|says?|has it|have it|abounds?|is rife|are rife|grows|grew|mounts|mounted))",
        rf"\b{_PEOPLE} (?:have |had |would |might )?{_SAY}\b",
        r"\baccording to (?:some|many|various|unnamed|unconfirmed|unverified|media|press|several|numerous|local) (?:reports|sources|accounts|media|estimates|observers|experts)\b",
        # "allegedly" is left out: in crime reporting it marks a charge not yet proven, not a source.
        r"\b(?:reportedly|rumou?redly)\b",
        r"\b(?:rumou?r has it|word is|it is no secret|legend has it|some have (?:suggested|argued|claimed|said))\b",
        r"\bthere (?:are|were|have been) (?:claims|suggestions|allegations|rumou?rs|fears|concerns)\b",
    )
)

# "Experts say" is vague, "experts at the IMF say" or "some 300 people said" is not our concern
# here; but a name right after the group ("analysts John Smith and ...") makes it named.
_NAMED_AFTER = re.compile(r"\s+(?:such as|including|like|led by)?\s*[A-Z][a-z]+ [A-Z][a-z]+")


# "The ERA reports said", "Interfax's reports", "said Kabar reports": the reports of someone named
# are not vague. A name is an acronym, a possessive, or a capital inside a sentence.
_NAMED_BEFORE = re.compile(
    r"(?:\b[A-Z][A-Z0-9&.-]+|\b[A-Z][\w.&-]*['\u2019]s|(?<=[a-z,] )[A-Z][\w.&-]*)\s+$")


def scan(body: str) -> list[tuple[int, int]]:
    """Spans of vague attribution formulas in `body`, longest first where they overlap."""
    found: list[tuple[int, int]] = []
    for pat in PATTERNS:
        for m in pat.finditer(body):
            if m.end() <= m.start() or _NAMED_AFTER.match(body, m.end()):
                continue
            if m.group(0)[:1] in "rR" and _NAMED_BEFORE.search(body[max(0, m.start() - 40) : m.start()]):
                continue
            found.append((m.start(), m.end()))
    return _without_overlaps(found)


def _without_overlaps(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return sorted(kept)


# The heads of vague sources, and the talk of the town the extract stage does not list.
_VAGUE_WORDS = VAGUE_HEADS | {"whispers", "whisper", "chatter", "gossip", "hearsay", "grapevine"}
_QUANTIFIERS = frozenset(["some", "many", "most", "numerous", "several", "various", "countless", "unnamed"])
# A passive cue that hides who speaks: "is said to", "was reported", "are believed" (not "was known
# for", "are expected of": no one is being quoted there).
_PASSIVE_CUE = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:widely |generally |commonly |also )?"
    r"(?:believed|said|reported|claimed|alleged|rumou?red|thought|understood|suspected)\b", re.IGNORECASE)


_PREPOSITIONS = frozenset(["of", "in", "at", "from", "on", "with", "within", "across", "around", "close", "near"])


def _vague_source(text: str) -> bool:
    """ "news reports", "critics of the plan", "many military experts", "Some locals": a vague head
    (the last word before a preposition), or a few words opened by a quantifier. Not a source with
    a name in it ("the FEC reports"), nor one report in particular ("the medical report")."""
    tokens = [w for w, _, _ in words(text)]
    if not tokens or any(w[:1].isupper() for w in tokens[1:]):
        return False
    ws = [w.lower() for w in tokens]
    head_part = ws[: next((i for i, w in enumerate(ws) if w in _PREPOSITIONS and i > 0), len(ws))]
    head = head_part[-1]
    if head == "report" and ws[0] in ("the", "this", "that", "its", "his", "her", "their"):
        return False
    return head in _VAGUE_WORDS or (ws[0] in _QUANTIFIERS and len(ws) <= 4)


def _attribution_words(st: Statement) -> list[str]:
    """The words of a vague statement that make it vague: its source when that is vague by its
    words (`_vague_source`: "numerous reports", "critics", "many"), else a passive cue ("it is believed").
    Never a bare pronoun, nor any plural the extract stage could not pin on anyone: "voters say",
    "62% of respondents", "new data show" name whom or what they mean, if not by name."""
    out = []
    if st.source_text and _vague_source(st.source_text):
        out.append(st.source_text)
    if st.cue and _PASSIVE_CUE.search(st.cue):
        out.append(st.cue)
    return out


def _locate(body: str, st: Statement) -> tuple[int, int] | None:
    """Where a vague statement's attribution words are in the body, nearest to its content."""
    if st.span is None:
        return None
    lo, hi = max(0, st.span[0] - 400), min(len(body), st.span[1] + 200)
    for text in _attribution_words(st):
        hits = [m.start() for m in re.finditer(re.escape(text), body[lo:hi])]
        if hits:
            at = lo + min(hits, key=lambda h: abs(lo + h - st.span[0]))
            return at, at + len(text)
    return None


def vague_sourcing(body: str, statements: Iterable[Statement] = ()) -> tuple[Signal, ...]:
    """One `vague_sourcing` signal per vague attribution in the body."""
    spans = scan(body)
    extra: list[tuple[int, int]] = []
    for st in statements:
        if st.sourcing != "vague" or st.span is None:
            continue
        where = _locate(body, st)
        if where is None:
            continue
        # Already covered by the scan: one attribution, one signal.
        near = (max(0, min(where[0], st.span[0]) - 5), max(where[1], st.span[1]) + 5)
        if any(s < near[1] and e > near[0] for s, e in spans):
            continue
        extra.append(where)
    spans = _without_overlaps(spans + extra)
    return tuple(Signal(KIND, body[s:e], (s, e)) for s, e in spans)
