"""Corpus memory: a line that recurs on many pages of one outlet is that outlet's chrome.

Counts are learnt from each batch before the batch is cleaned, then frozen into the run's context,
so every worker sees the same memory and results do not depend on scheduling. The store keeps the
counts, so memory grows across runs.

Memory is bounded per outlet: most short lines are seen on one page only (a headline, a caption),
and keeping them all would grow with the corpus. When an outlet holds more than twice
`clean.outlet_memory_max_lines` lines, it keeps the `max_lines` seen on most pages. A chrome line,
seen on a good share of pages, is far above the one-off lines in any span of pages that fills the
memory, so it is never the one dropped. Pruning happens page by page, so what is kept does not
depend on how the pages were cut into batches.
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


@dataclass(frozen=True, slots=True)
class PendingMemory:
    """What was learnt since the last save, for the store to persist with the batch: pages and line
    counts to add, and lines the bound dropped (their stored counts are deleted first)."""

    pages: Counter[str]
    lines: dict[str, Counter[str]]
    dropped: dict[str, set[str]]


@dataclass(slots=True)
class OutletMemory:
    min_pages: int
    min_share: float
    max_lines: int = 2000
    pages: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[str]] = field(default_factory=dict)
    pending: PendingMemory = field(default_factory=lambda: PendingMemory(Counter(), {}, {}))
    # outlet -> its chrome as last worked out; an outlet that learns a page is worked out again.
    _chrome: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def empty(cls, settings: Settings) -> OutletMemory:
        return cls(
            min_pages=int(settings.get("clean", "outlet_memory_min_pages")),
            min_share=float(settings.get("clean", "outlet_memory_min_share")),
            max_lines=int(settings.get("clean", "outlet_memory_max_lines")),
        )

    def load(self, pages: Mapping[str, int], lines: Iterable[tuple[str, str, int]]) -> None:
        self.pages.update(pages)
        for outlet, h, n in lines:
            self.lines.setdefault(outlet, Counter())[h] += n
        for outlet in list(self.lines):  # a store written before the bound, or with a larger one
            self._bound(outlet)
        self._chrome.clear()

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
            for target_pages, target_lines in ((self.pages, self.lines), (self.pending.pages, self.pending.lines)):
                target_pages[outlet] += 1
                target_lines.setdefault(outlet, Counter()).update(hashes)
            self._bound(outlet)
            self._chrome.pop(outlet, None)

    def _bound(self, outlet: str) -> None:
        counts = self.lines[outlet]
        if len(counts) <= 2 * self.max_lines:
            return
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        dropped = [h for h, _ in ranked[self.max_lines:]]
        pending = self.pending.lines.get(outlet, Counter())
        gone = self.pending.dropped.setdefault(outlet, set())
        for h in dropped:
            del counts[h]
            pending.pop(h, None)
            gone.add(h)

    def take_pending(self) -> PendingMemory:
        pending, self.pending = self.pending, PendingMemory(Counter(), {}, {})
        return pending

    def frozen(self, outlets: Iterable[str] | None = None) -> dict[str, frozenset[str]]:
        """Each outlet's chrome: of the given outlets, or of every outlet remembered."""
        out: dict[str, frozenset[str]] = {}
        for outlet in self.lines if outlets is None else outlets:
            chrome = self._chrome.get(outlet)
            if chrome is None:
                chrome = self._chrome[outlet] = self._work_out(outlet)
            if chrome:
                out[outlet] = chrome
        return out

    def _work_out(self, outlet: str) -> frozenset[str]:
        counts, total = self.lines.get(outlet), self.pages[outlet]
        if not counts or total < self.min_pages:
            return frozenset()
        need = max(self.min_pages, self.min_share * total)
        return frozenset(h for h, n in counts.items() if n >= need)
