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
    if d.get("signals"):
        console.print(Panel("\n".join(f"[yellow]{escape(s['kind'])}[/yellow]: {escape(s['evidence'])}"
                                      for s in d["signals"]), title="signals"))
    if d.get("removed"):
        console.print(Panel("\n".join(escape(r) for r in d["removed"]), title="removed lines", style="dim"))
    for n, c in enumerate(d.get("comments") or [], 1):
        console.print(Panel(escape(c.get("text") or ""), title=f"comment {n} ({c.get('date') or 'undated'})",
                            style="dim"))
