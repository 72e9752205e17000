"""Rich renderings of stored objects for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel


def render_article(d: dict[str, Any], console: Console) -> None:
    pub = d.get("published") or {}
    prov = d.get("provenance") or {}
    head = [
        f"[bold]{escape(d.get('title') or '(no title)')}[/bold]",
        f"title from: {escape(prov.get('title') or '-')}",
        f"outlet: {escape(d.get('outlet') or '-')} (from {escape(prov.get('outlet') or '-')})",
        f"author: {escape(d.get('author') or '-')} (from {escape(prov.get('author') or '-')})",
        f"published: {pub.get('date') or 'unknown'} (from {escape(str(pub.get('source') or '-'))}, "
        f"confidence {pub.get('confidence', 0):.2f})",
        f"url: {escape(d.get('url') or '-')}   language: {d.get('language')}   id: {d.get('id')}",
    ]
    console.print(Panel("\n".join(head), title="article", expand=True))
    console.print(escape(d.get("body") or ""), soft_wrap=True)
    if d.get("statements"):
        console.print(Panel("\n".join(_said(s, worth) for s, worth in _most_worth_checking(d["statements"], d.get("language"))),
                            title="who said what (most worth a fact-check first)"))
    if d.get("signals"):
        console.print(Panel("\n".join(f"[yellow]{escape(s['kind'])}[/yellow]: {escape(s['evidence'])}"
                                      for s in d["signals"]), title="signals"))
    if d.get("removed"):
        console.print(Panel("\n".join(escape(r) for r in d["removed"]), title="removed lines", style="dim"))
    for n, c in enumerate(d.get("comments") or [], 1):
        console.print(Panel(escape(c.get("text") or ""), title=f"comment {n} ({c.get('date') or 'undated'})",
                            style="dim"))


def _most_worth_checking(statements: list[dict[str, Any]], language: str | None) -> list[tuple[dict[str, Any], float | None]]:
    """The statements with their check-worthiness, highest first (in body order without the model, or
    on a page not in English, which the model never learnt)."""
    from wirewatch.assess.checkworthy import score

    scored = [(s, score(s.get("content") or "") if language == "en" else None) for s in statements]
    return sorted(scored, key=lambda p: -(p[1] or 0.0))


_UNNAMED = {"vague": "(no identifiable source)", "none": "(the outlet's own voice)"}


def _said(s: dict[str, Any], worth: float | None) -> str:
    who = s.get("speaker") or s.get("source_text") or _UNNAMED.get(s.get("sourcing") or "", "(unnamed)")
    if s.get("speaker_role"):
        who += f", {s['speaker_role']}"
    if s.get("via"):
        who += f" (via {s['via']})"
    where = "headline" if s.get("span") is None else f"{s['quote']}, {s['sourcing']}"
    mark = "" if worth is None else f"[cyan]{worth:.2f}[/cyan] "
    cue = f" {s['cue']}" if s.get("cue") else ""
    return f"{mark}[bold]{escape(who)}[/bold]{escape(cue)}: {escape(s.get('content') or '')} [dim]({where})[/dim]"


def render_outlets(profiles: list, console: Console) -> None:  # list[OutletProfile]
    from rich.table import Table

    table = Table(title="outlets: measured here | rated elsewhere")
    for col in ("outlet", "articles", "languages", "own voice", "vague", "headline overstates",
                "propaganda /1000 words", "ratings (by whom)"):
        table.add_column(col)
    for p in profiles:
        table.add_row(
            escape(p.outlet), str(p.articles), ", ".join(p.languages), f"{p.own_voice_share:.0%}",
            f"{p.vague_share:.0%}", f"{p.headline_overstates_rate:.0%}", f"{p.propaganda_per_1000_words:.2f}",
            "; ".join(f"{escape(r.rating)} ({escape(r.rated_by)})" for r in p.ratings) or "-",
        )
    console.print(table)
