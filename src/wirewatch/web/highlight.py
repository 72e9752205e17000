"""An article body cut into plain-text segments, each with the annotations that cover it.

Nothing here makes markup: the template wraps each segment's text in a `<span>` and Jinja escapes
the text, so scraped text can never become HTML whatever its offsets are. Spans are character offsets
into the body (CONTRACT); entities carry no offsets in the stored JSON, so their mentions are found
again as whole words. Overlapping annotations simply give a segment several classes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    css: str
    note: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    css: str  # space-separated classes, empty for unmarked text
    note: str  # tooltip, empty for unmarked text


def _valid(span: Any, size: int) -> tuple[int, int] | None:
    if not isinstance(span, (list, tuple)) or len(span) != 2:
        return None
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError):
        return None
    return (start, end) if 0 <= start < end <= size else None


def _css_word(value: Any) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "", str(value or ""))[:32]


def entity_marks(body: str, entities: list[dict[str, Any]]) -> list[Mark]:
    marks = []
    for e in entities:
        forms = sorted({m for m in (e.get("mentions") or [e.get("name")]) if isinstance(m, str) and len(m) >= 2},
                       key=len, reverse=True)
        if not forms:
            continue
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
        note = f"{e.get('type', '')}: {e.get('name', '')}"
        css = f"ent ent-{_css_word(e.get('type'))}"
        marks += [Mark(m.start(), m.end(), css, note) for m in pattern.finditer(body)]
    return marks


def statement_marks(body: str, statements: list[dict[str, Any]]) -> list[Mark]:
    marks = []
    for s in statements:
        span = _valid(s.get("span"), len(body))
        if span:
            who = s.get("speaker") or s.get("source_text") or "the outlet itself"
            note = f"{s.get('sourcing', '')} · {who} · {s.get('cue') or ''}".strip(" ·")
            marks.append(Mark(*span, f"stmt stmt-{_css_word(s.get('sourcing'))}", note))
    return marks


def signal_marks(body: str, signals: list[dict[str, Any]]) -> list[Mark]:
    marks = []
    for s in signals:
        span = _valid(s.get("span"), len(body))
        if span:
            marks.append(Mark(*span, "sig", f"signal: {s.get('kind', '')}"))
    return marks


def segments(body: str, marks: list[Mark]) -> list[Segment]:
    """The body in order, cut at every mark boundary; concatenating the texts gives the body back."""
    cuts = sorted({0, len(body), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        over = [m for m in marks if m.start <= a and m.end >= b]
        css = " ".join(dict.fromkeys(c for m in over for c in m.css.split()))
        note = "\n".join(dict.fromkeys(m.note for m in over))
        out.append(Segment(body[a:b], css, note))
    return out


def highlight(article: dict[str, Any]) -> list[Segment]:
    body = article.get("body") or ""
    marks = (entity_marks(body, article.get("entities") or []) + statement_marks(body, article.get("statements") or [])
             + signal_marks(body, article.get("signals") or []))
    return segments(body, marks)
