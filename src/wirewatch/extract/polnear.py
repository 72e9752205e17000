"""Reading PolNeAR (political news attribution relations, brat standoff) for training and scoring.

Each article is a `.txt` with one or more `.ann` files (`<name>_<annotator>.ann`); the first in name
order is read. An attribution is an event `E Attribution:T Content:T Cue:T Source:T` whose parts are
text-bound annotations with one or more `start end` segments; offsets are read against the text.
Used by `cue_train.py` (train split) and `benchmarks/attribution.py` (dev).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"\w+")
_TEXT_BOUND = re.compile(r"(T\d+)\t\S+ ([\d ;]+)\t")
_EVENT = re.compile(r"E\d+\t(.*)")

Segments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Gold:
    source: str
    cue: str
    content: str
    cue_spans: Segments
    content_spans: Segments
    source_spans: Segments = ()


def _segments(raw: str) -> Segments:
    return tuple((int(a), int(b)) for a, b in (seg.split() for seg in raw.split(";")))


def read_gold(ann: Path, text: str) -> list[Gold]:
    """The attributions of one brat file that have a content."""
    spans: dict[str, Segments] = {}
    events = []
    for line in ann.read_text("utf-8").splitlines():
        m = _TEXT_BOUND.match(line)
        if m:
            spans[m.group(1)] = _segments(m.group(2))
            continue
        m = _EVENT.match(line)
        if m:
            events.append(dict(a.split(":", 1) for a in m.group(1).split()[1:]))

    def words(key: str | None) -> str:
        return " ".join(text[a:b] for a, b in spans.get(key or "", ()))

    return [
        Gold(
            words(e.get("Source")),
            words(e.get("Cue")),
            words(e.get("Content")),
            spans.get(e.get("Cue", ""), ()),
            spans.get(e.get("Content", ""), ()),
            spans.get(e.get("Source", ""), ()),
        )
        for e in events
        if e.get("Content") in spans
    ]


def articles(root: Path, limit: int | None = None) -> Iterator[tuple[str, str, list[Gold]]]:
    """(name, text, attributions) for each article of a split folder (`text/`, `attributions/`)."""
    seen: set[str] = set()
    for ann in sorted((root / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        seen.add(name)
        text = (root / "text" / f"{name}.txt").read_text("utf-8")
        yield name, text, read_gold(ann, text)
        if limit is not None and len(seen) >= limit:
            return


def token_f1(a: str | None, b: str | None) -> float:
    """Word-token F1 of two strings, case folded (1.0 for two empty strings)."""
    ta, tb = Counter(_WORD.findall((a or "").lower())), Counter(_WORD.findall((b or "").lower()))
    if not ta and not tb:
        return 1.0
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)
