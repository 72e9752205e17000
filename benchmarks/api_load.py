"""8 concurrent API clients for 60 s on loopback against `wirewatch serve` (a real uvicorn process).

Starts `wirewatch serve --db DB --port P` as a child process, waits for it to answer, then runs
`--clients` threads, each with its own keep-alive connection, in a bounded loop (until `--seconds`
have passed or `--max-requests` were sent by that client) over a fixed mix of routes: search,
one article, the story list, one story, the entity list and entity search, one entity, outlets,
places, alerts, and the claims and trends routes where the app serves them (read from its OpenAPI
schema). Ids and names are drawn from the store before the server starts. An error is any answer
but 200, or a request that fails. Prints requests, errors, requests/s and p50/p99 latency overall
and per route; the goal is 0 errors.

    .venv/bin/python benchmarks/api_load.py --db corpus.duckdb [--clients 8] [--seconds 60]

Without --db, 150 generated pages are ingested first. The database is copied, since `serve` opens
it for writing. Writes benchmarks/results/api_load.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
WIREWATCH = str(Path(sys.executable).with_name("wirewatch"))
SEARCH = ["said", "minister", "strike", "floods", "power", "refugees", "bridge", "port", "warned", "closely",
          "\"stay calm\"", "Velna OR Selmar", "dock -floods", "title:strike"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def sample_targets(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """Paths per route, drawn from the store (before the server holds the file)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        q = lambda sql: [r[0] for r in con.execute(sql).fetchall()]  # noqa: E731
        ids = q("SELECT id FROM articles USING SAMPLE 200 ROWS")
        stories = q("SELECT story FROM articles WHERE story IS NOT NULL USING SAMPLE 100 ROWS")
        names = q("SELECT name FROM entities USING SAMPLE 100 ROWS")
    finally:
        con.close()
    quote = lambda s: urllib.parse.quote(s, safe="")  # noqa: E731
    return {
        "search": [f"/api/articles?q={quote(w)}" for w in SEARCH],
        "article": [f"/api/articles/{i}" for i in ids],
        "stories": ["/api/stories", "/api/stories?offset=20", "/api/stories?limit=100"],
        "story": [f"/api/stories/{quote(s)}" for s in stories],
        "entities": ["/api/entities", "/api/entities?type=PERSON", *[f"/api/entities?q={quote(n[:4])}" for n in names[:20]]],
        "entity": [f"/api/entities/{quote(n)}" for n in names],
        "outlets": ["/api/outlets"],
        "places": ["/api/places"],
        "alerts": ["/api/alerts"],
        "latest": ["/api/articles", "/api/articles?offset=40"],
    }


def optional_routes(port: int) -> dict[str, list[str]]:
    """Claims and trends routes, where the app serves them."""
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    con.request("GET", "/api/openapi.json")
    paths = json.loads(con.getresponse().read()).get("paths", {})
    con.close()
    found = {}
    for name in ("claims", "trends"):
        plain = [p for p in paths if p.startswith(f"/api/{name}") and "{" not in p and "get" in paths[p]]
        if plain:
            found[name] = plain
    return found


def wait_ready(port: int, proc: subprocess.Popen, timeout: float = 300) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"serve exited with {proc.returncode}")
        try:
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            con.request("GET", "/api/outlets")
            if con.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("serve did not answer in time")


def client(port: int, targets: dict[str, list[str]], seed: int, until: float, max_requests: int,
           out: list[tuple[str, float, int]]) -> None:
    rng = random.Random(seed)
    routes = sorted(targets)
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(max_requests):  # bounded: at most max_requests, and no later than `until`
        if time.monotonic() >= until:
            break
        route = rng.choice(routes)
        path = rng.choice(targets[route])
        t = time.perf_counter()
        try:
            con.request("GET", path)
            r = con.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException):
            status = -1
            con.close()
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        out.append((route, time.perf_counter() - t, status))
    con.close()


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def build_db(path: Path, pages: int) -> None:
    from benchmarks.corpus import generate

    folder = path.parent / "pages"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    meta = []
    for page in generate(pages, seed=5):
        (folder / page.file).write_text(page.text, encoding="utf-8")
        meta.append({"file": page.file, "url": page.url, "outlet": page.outlet, "published": page.published})
    (path.parent / "meta.jsonl").write_text("\n".join(json.dumps(m) for m in meta) + "\n")
    subprocess.run([WIREWATCH, "ingest", str(folder), "--meta", str(path.parent / "meta.jsonl"), "--db", str(path),
                    "--workers", "1"], check=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--max-requests", type=int, default=100_000, help="per client")
    ap.add_argument("--dir", default="/tmp/wwapi")
    a = ap.parse_args()
    root = Path(a.dir)
    root.mkdir(parents=True, exist_ok=True)
    db = root / "served.duckdb"
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    shutil.rmtree(f"{db}.search", ignore_errors=True)
    if a.db:
        shutil.copy(a.db, db)
        if Path(f"{a.db}.search").exists():
            shutil.copytree(f"{a.db}.search", f"{db}.search")
    else:
        build_db(db, 150)
    targets = sample_targets(db, random.Random(3))
    port = free_port()
    log = (root / "serve.log").open("w")
    server = subprocess.Popen([WIREWATCH, "serve", "--db", str(db), "--port", str(port)], stdout=log, stderr=log)
    try:
        wait_ready(port, server)
        extra = optional_routes(port)
        targets.update(extra)
        missing = [name for name in ("claims", "trends") if name not in extra]
        results: list[list[tuple[str, float, int]]] = [[] for _ in range(a.clients)]
        until = time.monotonic() + a.seconds
        threads = [threading.Thread(target=client, args=(port, targets, k, until, a.max_requests, results[k]))
                   for k in range(a.clients)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        elapsed = time.perf_counter() - t
    finally:
        server.terminate()
        server.wait(timeout=30)
    done = [r for rs in results for r in rs]
    errors = [r for r in done if r[2] != 200]
    with duckdb.connect(str(db), read_only=True) as con:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
    print(f"{a.clients} clients for {elapsed:.0f}s on loopback against `wirewatch serve` (uvicorn), "
          f"{n_articles} stored articles")
    print(f"{'route':10} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8}")
    for route in sorted(targets):
        xs = [s for r, s, _ in done if r == route]
        errs = sum(1 for r, _, st in done if r == route and st != 200)
        print(f"{route:10} {len(xs):9d} {errs:7d} {1000 * pct(xs, 50):8.1f} {1000 * pct(xs, 99):8.1f}")
    all_s = [s for _, s, _ in done]
    print(f"{'all':10} {len(done):9d} {len(errors):7d} {1000 * pct(all_s, 50):8.1f} {1000 * pct(all_s, 99):8.1f}")
    print(f"\n{len(done)} requests, {len(done) / elapsed:.1f}/s, {len(errors)} errors (goal 0: "
          f"{'met' if not errors else 'NOT met'})" + (f"; first errors: {errors[:5]}" if errors else ""))
    if missing:
        print(f"not served by this app, so not in the mix: {', '.join('/api/' + m for m in missing)}")
    res = Path(__file__).parent / "results"
    res.mkdir(exist_ok=True)
    (res / "api_load.json").write_text(json.dumps(
        {"clients": a.clients, "seconds": round(elapsed, 1), "articles": n_articles, "requests": len(done),
         "errors": len(errors), "p50_ms": 1000 * pct(all_s, 50), "p99_ms": 1000 * pct(all_s, 99),
         "routes": sorted(targets), "missing_routes": missing}, indent=2) + "\n")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
