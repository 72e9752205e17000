"""Which lines of a flattened page a gold main text counts as article text.

Shared by the flattened-text benchmark (`benchmarks/flatten.py`, `benchmarks/extraction.py`), which
scores kept and dropped lines with it, and the line model's trainer (`line_train.py`), which learns
from the same labels, so the two can never disagree on what a body line is.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class GoldIndex:
    """The gold text as one token stream, to ask whether a line's words appear in it in order."""

    def __init__(self, gold: str) -> None:
        self.stream = " " + " ".join(tokens(gold)) + " "
        self.lines = {" ".join(tokens(ln)) for ln in gold.split("\n") if tokens(ln)}

    def contains(self, line: str) -> bool:
        """True when the line is article text: its words run in the gold in the same order, and it
        is either long enough not to match by chance (4+ words) or a whole line of the gold."""
        toks = tokens(line)
        if not toks:
            return False
        key = " ".join(toks)
        if len(toks) < 4:
            return key in self.lines
        return f" {key} " in self.stream


def line_kinds(flat: str, gold: str) -> list[tuple[str, bool]]:
    """Each non-empty flattened line with whether the gold counts it as article text."""
    index = GoldIndex(gold)
    return [(ln, index.contains(ln)) for ln in flat.split("\n") if ln.strip()]
