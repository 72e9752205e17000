"""Corpus memory: a line that recurs on many pages of one outlet is that outlet's chrome.

Counts are learnt from each batch before the batch is cleaned, then frozen into the run's context,
so every worker sees the same memory and results do not depend on scheduling. The store keeps the
counts, so memory grows across runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

from wirewatch.clean.lines import line_hash, words
from wirewatch.errors import InputRejected
from wirewatch.ingest.decode import decode
from wirewatch.model import Source
from wirewatch.settings import Settings

# Longer lines are article prose even when an outlet repeats them (a standing correction, say).
_MAX_CHROME_WORDS = 40


def outlet_key(source: Source) -> str | None:
    """The outlet a page is remembered under: the given outlet, else the URL's host."""
    if source.outlet:
        return source.outlet.lower()
    host = urlparse(source.url).hostname if source.url else None
    return host.removeprefix("www.") if host else None


def page_line_hashes(text: str) -> set[str]:
    return {
        line_hash(line) for line in text.splitlines()
        if line.strip() and len(words(line)) <= _MAX_CHROME_WORDS
    }


@dataclass(slots=True)
class OutletMemory:
    min_pages: int
    min_share: float
    pages: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[str]] = field(default_factory=dict)
    # What was learnt since the last save, for the store to persist with the batch.
    pending_pages: Counter[str] = field(default_factory=Counter)
    pending_lines: dict[str, Counter[str]] = field(default_factory=dict)

    @classmethod
    def empty(cls, settings: Settings) -> OutletMemory:
        return cls(
            min_pages=int(settings.get("clean", "outlet_memory_min_pages")),
            min_share=float(settings.get("clean", "outlet_memory_min_share")),
        )

    def load(self, pages: Mapping[str, int], lines: Iterable[tuple[str, str, int]]) -> None:
        self.pages.update(pages)
        for outlet, h, n in lines:
            self.lines.setdefault(outlet, Counter())[h] += n

    def learn(self, sources: Iterable[Source]) -> None:
        for source in sources:
            outlet = outlet_key(source)
            if outlet is None or source.kind != "text":
                continue
            try:
                text = decode(source.raw, source.name).text
            except InputRejected:
                continue
            hashes = page_line_hashes(text)
            for target_pages, target_lines in ((self.pages, self.lines), (self.pending_pages, self.pending_lines)):
                target_pages[outlet] += 1
                target_lines.setdefault(outlet, Counter()).update(hashes)

    def take_pending(self) -> tuple[Counter[str], dict[str, Counter[str]]]:
        pages, lines = self.pending_pages, self.pending_lines
        self.pending_pages, self.pending_lines = Counter(), {}
        return pages, lines

    def frozen(self) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for outlet, counts in self.lines.items():
            total = self.pages[outlet]
            if total < self.min_pages:
                continue
            need = max(self.min_pages, self.min_share * total)
            chrome = frozenset(h for h, n in counts.items() if n >= need)
            if chrome:
                out[outlet] = chrome
        return out
