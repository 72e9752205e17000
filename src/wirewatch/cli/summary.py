"""`python -m wirewatch.cli.summary DB`: what a stored corpus holds, for `make run`."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from wirewatch.store.db import Store


def summarise(db: str, console: Console) -> None:
    with Store(db, read_only=True) as store:
        con = store.con
        table = Table(title=f"{store.article_count()} articles in {db}")
        for col in ("outlet", "lang", "published", "title", "statements", "signals"):
            table.add_column(col)
        rows = con.execute(
            "SELECT a.outlet, a.language, a.published, a.title, "
            "(SELECT count(*) FROM statements s WHERE s.article_id = a.id), "
            "(SELECT string_agg(DISTINCT kind, ', ') FROM (SELECT kind FROM signals g WHERE g.article_id = a.id "
            "UNION ALL SELECT 'single_origin' FROM single_origin o WHERE o.article_id = a.id)) "
            "FROM articles a ORDER BY seq"
        ).fetchall()
        for outlet, lang, pub, title, n_st, kinds in rows:
            table.add_row(outlet or "-", lang or "-", str(pub or "-"), title or "-", str(n_st), kinds or "")
        console.print(table)
        people = con.execute(
            "SELECT name, type, sum(count) n FROM entities GROUP BY name, type ORDER BY n DESC, name LIMIT 12"
        ).fetchall()
        console.print("most mentioned: " + "; ".join(f"{n} ({t}, {c})" for n, t, c in people))
        for r in store.rejections():
            console.print(f"rejected {r.name}: {r.reason}")


if __name__ == "__main__":
    summarise(sys.argv[1] if len(sys.argv) > 1 else "wirewatch.duckdb", Console())
