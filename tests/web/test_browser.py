"""The dashboard in a real browser: Debian's chromium driven by Playwright against a live server.

Skipped, with the reason, where chromium (`apt-get install chromium`) or playwright (`pip install
playwright`) is absent; Playwright's own browser download is never used. Screenshots go to the test's
tmp dir, or to $WIREWATCH_SCREENSHOTS when set.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples"
PAYLOAD_PAGE = (
    "Quokkaville council <script>alert(1)</script> votes\n\n"
    "The council of Quokkaville said on Monday <img src=x onerror=alert(2)> that the vote would be held again.\n\n"
    "Residents wrote <svg onload=alert(3)> and <a href=\"javascript:alert(4)\">this</a> on the walls."
)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser test skipped: no chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser test skipped: playwright is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from wirewatch.api.app import create_app
    from wirewatch.pipeline.run import ingest

    db = tmp_path_factory.mktemp("browser") / "w.duckdb"
    if SEEDS.exists():
        ingest([SEEDS], db=db, meta=SEEDS / "seeds.jsonl", workers=1)
    ingest([SAMPLES], db=db, meta=SAMPLES / "meta.jsonl", workers=1)
    # Payloads in the text itself (the cleaner drops them from HTML markup, so text is the harder case).
    hostile = db.parent / "hostile.jsonl"
    hostile.write_text(json.dumps({"text": PAYLOAD_PAGE, "url": "https://hostile.example/q", "outlet": "hostile.example"})
                       + "\n")
    ingest([hostile], db=db, workers=1)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("WIREWATCH_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def page(server):
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context()
        page = context.new_page()
        page.events = {"dialogs": [], "errors": [], "outside": []}  # type: ignore[attr-defined]

        def dialog(d):  # type: ignore[no-untyped-def]
            page.events["dialogs"].append(d.message)  # type: ignore[attr-defined]
            d.dismiss()

        def outside(route):  # type: ignore[no-untyped-def]
            if route.request.url.startswith(server):
                route.continue_()
            else:
                page.events["outside"].append(route.request.url)  # type: ignore[attr-defined]
                route.abort()

        page.on("dialog", dialog)
        page.on("pageerror", lambda e: page.events["errors"].append(str(e)))  # type: ignore[attr-defined]
        context.route("**/*", outside)
        yield page
        browser.close()


@pytest.mark.skipif(not SEEDS.exists(), reason=f"no seed pages at {SEEDS}")
def test_searching_fsb_leads_to_the_southfront_page_and_its_headline_signal(server, page, shots):
    page.goto(f"{server}/?q=FSB")
    link = page.locator("ol.results a.title", has_text="US Plans To Use ISIS")
    assert link.count() == 1
    link.click()
    page.wait_for_load_state()
    assert "southfront.org" in page.locator("dl.facts").inner_text()
    signal = page.locator(".signal", has=page.locator(".kind", has_text="headline_overstates"))
    assert signal.is_visible()
    assert "US intelligence agencies are transferring ISIS" in signal.locator(".evidence").inner_text()
    assert page.locator(".text .stmt").count() > 0
    page.screenshot(path=str(shots / "southfront.png"), full_page=True)
    assert page.events == {"dialogs": [], "errors": [], "outside": []}  # type: ignore[attr-defined]


def test_the_payload_pages_run_nothing(server, page, shots):
    page.goto(f"{server}/?q=Quokkaville")
    page.locator("ol.results a.title").first.click()
    page.wait_for_load_state()
    text = page.locator(".text").inner_text()
    # Shown as text: the first line became the title, the rest the body.
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert "<img src=x onerror=alert(2)>" in text and '<a href="javascript:alert(4)">' in text
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.querySelectorAll('img,svg [onload],[onerror],[onload],[onclick]').length") == 0
    page.screenshot(path=str(shots / "payload-text.png"), full_page=True)
    page.goto(f"{server}/?q=river+bridge")
    page.locator("ol.results a.title").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.scripts.length") == 0
    page.screenshot(path=str(shots / "payload-html.png"), full_page=True)
    for path in ("/", "/stories", "/entities", "/outlets", "/places"):
        page.goto(server + path)
    assert page.events == {"dialogs": [], "errors": [], "outside": []}  # type: ignore[attr-defined]
