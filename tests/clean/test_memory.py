"""Outlet memory stays bounded, keeps the chrome, and does not depend on how pages are batched."""

from dataclasses import replace

from wirewatch.clean.memory import OutletMemory, page_line_hashes
from wirewatch.model import Source
from wirewatch.store.db import Store

CHROME = ["Home | World | Sport | Opinion", "Support independent journalism: donate today", "Share this article"]


def _pages(n: int, outlet: str = "kestrel.example") -> list[Source]:
    """Pages of one outlet: three chrome lines on every page, and four lines of its own each."""
    out = []
    for i in range(n):
        own = [f"Headline number {i} about the harbour", f"Photo: the quay at dawn, picture {i}",
               f"Tags: harbour, council, item {i}", f"Updated at {i % 24}:{i % 60:02d} on day {i}"]
        text = "\n".join([CHROME[0], own[0], CHROME[1], *own[1:], CHROME[2]])
        out.append(Source(id=f"p{i}", name=f"p{i}.txt", raw=text.encode(), kind="text", outlet=outlet))
    return out


def _memory(settings, max_lines: int) -> OutletMemory:
    return replace(OutletMemory.empty(settings), max_lines=max_lines)


def test_memory_is_bounded_and_keeps_the_chrome(settings):
    memory = _memory(settings, 20)
    memory.learn(_pages(300))
    assert len(memory.lines["kestrel.example"]) <= 40
    chrome = memory.frozen()["kestrel.example"]
    assert chrome == frozenset().union(*(page_line_hashes(line) for line in CHROME))


def test_what_is_kept_does_not_depend_on_the_batches(settings):
    pages = _pages(130)
    whole, cut = _memory(settings, 10), _memory(settings, 10)
    whole.learn(pages)
    for start in range(0, len(pages), 7):
        cut.learn(pages[start : start + 7])
    assert whole.lines == cut.lines and whole.frozen() == cut.frozen()


def test_the_store_forgets_what_the_memory_dropped(tmp_path, settings):
    memory = _memory(settings, 10)
    pages = _pages(60)
    with Store(tmp_path / "w.duckdb") as store:
        for start in range(0, len(pages), 20):  # three batches, each dropping lines learnt before
            memory.learn(pages[start : start + 20])
            store.save_batch([], memory=memory)
        again = _memory(settings, 10)
        store.load_memory(again)
        stored = store.con.execute("SELECT count(*) FROM outlet_lines").fetchone()[0]
    assert again.lines == memory.lines and again.pages == memory.pages
    assert stored == len(memory.lines["kestrel.example"]) <= 20


def test_frozen_for_some_outlets_only(settings):
    memory = _memory(settings, 50)
    memory.learn(_pages(5, "a.example") + _pages(5, "b.example"))
    assert set(memory.frozen(["b.example", "c.example"])) == {"b.example"}
    assert set(memory.frozen()) == {"a.example", "b.example"}
