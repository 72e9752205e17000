"""Rich tables for trends and alerts."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from wirewatch.monitor.alerts import AlertReport
from wirewatch.monitor.series import TrendReport

_BARS = " ▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    top = max(values, default=0)
    if not top:
        return " " * len(values)
    return "".join(_BARS[0 if v == 0 else max(1, round(v / top * (len(_BARS) - 1)))] for v in values)


def trends_table(report: TrendReport) -> Table:
    undated = sum(t.undated for t in report.trends)
    caption = "days are publication dates"
    if undated:
        caption += f"; {undated} mentions without one are counted on the day they were stored"
    t = Table(title=f"{len(report.trends)} series, {report.start or '-'} to {report.end or '-'}", caption=caption)
    t.add_column("kind", no_wrap=True)
    t.add_column("name", overflow="fold", min_width=16)
    t.add_column("n", justify="right")
    t.add_column("daily", no_wrap=True)
    t.add_column("peak day", no_wrap=True)
    t.add_column("peak / expected", justify="right", no_wrap=True)
    t.add_column("p", justify="right")
    for tr in report.trends:
        peak = tr.peak
        expected = f"{peak.expected:.1f}" if peak and peak.expected is not None else "-"
        p = f"{peak.p_value:.1e}" if peak and peak.p_value is not None else "-"
        name = escape(tr.name if not tr.label else f"{tr.label} ({tr.name})")
        t.add_row(
            tr.kind + (f" {tr.type}" if tr.type else ""), f"[bold red]{name}[/bold red]" if tr.burst else name,
            str(tr.total), sparkline([d.articles for d in tr.days]), peak.day if peak else "-",
            f"{peak.articles if peak else 0} / {expected}", p,
        )
    return t


def alerts_table(report: AlertReport) -> Table:
    new = set(report.new)
    n = len(report.alerts)
    title = f"{n} alert{'' if n == 1 else 's'}" + (f", {len(new)} new" if report.new else "")
    t = Table(title=title, show_lines=True)
    t.add_column("day", no_wrap=True)
    t.add_column("rule", no_wrap=True)
    t.add_column("alert", overflow="fold", ratio=4)
    t.add_column("articles · outlets", justify="right")
    t.add_column("webhook", overflow="fold")
    for a in report.alerts:
        rule = a.rule + (" [bold](new)[/bold]" if a.id in new else "")
        t.add_row(a.day, rule, escape(a.summary), f"{a.articles} · {a.outlets}", escape(a.delivery or "-"))
    return t
