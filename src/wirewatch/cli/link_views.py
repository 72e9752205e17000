"""Rich tables for stories and claims."""

from __future__ import annotations

from collections.abc import Sequence

from rich.markup import escape
from rich.table import Table

from wirewatch.model.linked import Claim, Story


def stories_table(stories: Sequence[Story]) -> Table:
    t = Table(title=f"{len(stories)} stories", show_lines=True)
    t.add_column("story", no_wrap=True)
    t.add_column("articles", justify="right")
    t.add_column("seen", no_wrap=True)
    t.add_column("languages")
    t.add_column("label / first title", overflow="fold")
    for s in stories:
        seen = s.first_seen or "-" if s.first_seen == s.last_seen else f"{s.first_seen}\n{s.last_seen}"
        t.add_row(s.id, str(s.articles), seen, ", ".join(s.languages),
                  f"[bold]{escape(s.label)}[/bold]\n{escape(s.first_title or '')}")
    return t


def _how(c: Claim) -> str:
    counts: dict[str, int] = {}
    for m in c.mentions:
        counts[m.presentation] = counts.get(m.presentation, 0) + 1
    return ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))


def claims_table(claims: Sequence[Claim]) -> Table:
    t = Table(title=f"{len(claims)} claims", show_lines=True)
    t.add_column("speaker → traced to", ratio=2, overflow="fold")
    t.add_column("claim", ratio=4, overflow="fold")
    t.add_column("first seen · outlets", ratio=2, overflow="fold")
    t.add_column("told as", ratio=1, overflow="fold")
    t.add_column("origins", ratio=1, overflow="fold")
    t.add_column("check-worthy", justify="right")
    for c in claims:
        who = escape(c.speaker or "(outlet's own report)")
        if c.origin != c.speaker:
            who += f"\n→ {escape(c.origin)}"
        seen = f"{c.first_seen or 'undated'} {escape(c.first_outlet or '')}\n{c.independent_outlets} independent"
        if len(c.outlets) > 1:
            seen += f": {escape(', '.join(c.outlets))}"
        worth = "" if c.check_worthiness is None else f"{c.check_worthiness:.2f}"
        t.add_row(who, escape(c.content), seen, _how(c), f"{c.corroboration}: {escape('; '.join(c.origins))}", worth)
    return t
