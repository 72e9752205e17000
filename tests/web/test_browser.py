"""The dashboard in a real browser: Debian's chromium driven by Playwright against a live server.

The corpus is the two seed pages (where ../shared/seeds exists), the sample corpus (a story told by
three outlets in two languages, an HTML page with a script in it) and a page whose text is made of
script payloads. `make test` installs chromium (apt-get) and the dev extra brings playwright; where
either is missing this module is skipped and says why. Playwright's own browser download is never used.

Screenshots (1280x900) go to the test's tmp dir, or to $WIREWATCH_SCREENSHOTS when set; the ones in
docs/screenshots/ are made with

    WIREWATCH_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest tests/web/test_browser.py
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples"
VIEWPORT = {"width": 1280, "height": 900}
# As root chromium needs --no-sandbox; the rest keep it from calling home (there is no network).
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

# Each payload would leave a mark if it ran: a dialog, and the name of its vector in window.__ran.
PAYLOADS = [
    "<script>window.__ran='script';alert(1)</script>",
    "<img src=x onerror=\"window.__ran='onerror';alert(2)\">",
    "<svg onload=\"window.__ran='onload';alert(3)\"></svg>",
    "<a href=\"javascript:window.__ran='href';alert(4)\">this</a>",
]
PAYLOAD_PAGE = (
    f"Quokkaville council {PAYLOADS[0]} votes\n\n"
    f"The council of Quokkaville said on Monday {PAYLOADS[1]} that the vote would be held again.\n\n"
    f"Residents wrote {PAYLOADS[2]} and {PAYLOADS[3]} on the walls of the council hall in Quokkaville."
)
PLACES_PAGE = (
    "Trucks queue at the Termez crossing\n\n"
    "Hundreds of trucks waited on Tuesday at the bridge between Termez in Uzbekistan and Hairatan in "
    "Afghanistan, drivers told the Border Desk. Customs officers in Tashkent said the checks would ease "
    "by Friday, while traders in Kabul said the delays had doubled the price of flour."
)
# Collects what the page's own CSP blocks: had a payload become markup, the CSP would stop it and say so.
WATCH_CSP = ("window.__violations = [];"
             "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));")

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser test skipped: no chromium at {CHROMIUM} (`make test` installs it with apt-get)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser test skipped: playwright is not installed "
                                                             "(pip install -e '.[dev]')")


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
    # The sample corpus is set in fictional countries; the map needs real places, seeds or not.
    mapped = db.parent / "mapped.jsonl"
    mapped.write_text(json.dumps({"text": PLACES_PAGE, "url": "https://borderdesk.example/t", "outlet": "borderdesk.example",
                                  "published": "2024-05-02"}) + "\n")
    ingest([mapped], db=db, workers=1)
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


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@dataclass
class Tab:
    """A page and everything it did that it should not have: dialogs, uncaught errors, console errors,
    requests to anywhere but the server (each aborted)."""

    page: object
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def trouble(self) -> dict[str, list[str]]:
        return {"dialogs": self.dialogs, "errors": self.errors, "console": self.console, "outside": self.outside}


def _open_tab(browser, server: str | None) -> tuple[Tab, object]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    tab = Tab(page)

    def dialog(d):  # type: ignore[no-untyped-def]
        tab.dialogs.append(d.message)
        d.dismiss()

    def route(r):  # type: ignore[no-untyped-def]
        if server and r.request.url.startswith(server + "/"):
            r.continue_()
        else:
            tab.outside.append(r.request.url)
            r.abort()

    page.on("dialog", dialog)
    page.on("pageerror", lambda e: tab.errors.append(str(e)))
    page.on("console", lambda m: tab.console.append(m.text) if m.type == "error" else None)
    context.add_init_script(WATCH_CSP)
    context.route("**/*", route)
    return tab, context


@pytest.fixture
def tab(browser, server):
    tab, context = _open_tab(browser, server)
    yield tab
    context.close()


def _story_columns(page) -> list[str]:  # type: ignore[no-untyped-def]
    names = page.locator("section.outlet-col h2").all_inner_texts()
    assert all(n.strip() for n in names), "a story's outlet column has no outlet name"
    return names


@pytest.mark.skipif(not SEEDS.exists(), reason=f"no seed pages at {SEEDS}")
def test_searching_fsb_leads_to_the_southfront_signal_and_its_story(server, tab, shots):
    page = tab.page
    page.goto(f"{server}/?q=FSB")
    hit = page.locator("ol.results > li").filter(has=page.locator("a.title", has_text="US Plans To Use ISIS"))
    assert hit.count() == 1
    assert "headline_overstates" in hit.locator(".flags").inner_text()
    page.screenshot(path=str(shots / "search.png"))

    hit.locator("a.title").click()
    page.wait_for_load_state()
    assert "southfront.org" in page.locator("dl.facts").inner_text()
    signal = page.locator(".signal", has=page.locator(".kind", has_text="headline_overstates"))
    assert signal.is_visible()
    assert "US intelligence agencies are transferring ISIS" in signal.locator(".evidence").inner_text()
    assert page.locator(".text .stmt").count() > 0 and page.locator(".text .ent").count() > 0
    signal.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "article.png"))
    assert tab.trouble() == {"dialogs": [], "errors": [], "console": [], "outside": []}

    page.locator("dl.facts a[href^='/stories/']").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Story")
    assert "southfront.org" in _story_columns(page)
    column = page.locator("section.outlet-col", has=page.locator("h2", has_text="southfront.org"))
    assert column.locator("a.title", has_text="US Plans To Use ISIS").count() == 1
    assert tab.trouble() == {"dialogs": [], "errors": [], "console": [], "outside": []}


def test_entity_and_map_views(server, tab, shots):
    page = tab.page
    page.goto(f"{server}/entities?q=Crimson")
    page.locator("table a", has_text="Crimson Banner").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Crimson Banner"
    assert page.locator("svg.timeline rect.bar").count() >= 1
    assert "Valdoria" in page.locator("section", has=page.locator("h2", has_text="Named beside it")).inner_text()
    page.screenshot(path=str(shots / "entity.png"))

    page.goto(f"{server}/places")
    assert page.locator("svg.map circle.place").count() >= 1
    assert page.locator("svg.map").bounding_box()["height"] > 200
    page.screenshot(path=str(shots / "map.png"))
    assert tab.trouble() == {"dialogs": [], "errors": [], "console": [], "outside": []}


def test_the_story_view_sets_outlets_side_by_side(server, tab, shots):
    page = tab.page
    page.goto(f"{server}/stories")
    page.locator("table a", has_text="Valdoria").first.click()
    page.wait_for_load_state()
    assert {"borderwatch.example", "dailyledger.example", "novosti.example"} <= set(_story_columns(page))
    assert "ru" in page.locator("section.outlet-col .lang").all_inner_texts()
    assert page.locator("section.outlet-col h3", has_text="Attributes").count() >= 3
    page.screenshot(path=str(shots / "story.png"))
    assert tab.trouble() == {"dialogs": [], "errors": [], "console": [], "outside": []}


def test_the_watchers_see_a_payload_that_runs(browser):
    """The control: the same payloads as live markup, on a page with no CSP, trip every watcher the
    next test relies on. Without this, 'nothing ran' could mean 'nothing was watched'."""
    tab, context = _open_tab(browser, None)
    try:
        tab.page.set_content("<!doctype html><body>" + "".join(PAYLOADS[:3]) + "</body>")
        tab.page.wait_for_function("window.__ran === 'onerror' || window.__ran === 'onload'")
        assert tab.dialogs[:1] == ["1"] and len(tab.dialogs) >= 2
    finally:
        context.close()


def _assert_inert(page) -> None:  # type: ignore[no-untyped-def]
    """Nothing ran on this page: no flag, nothing for the CSP to block, no element that could run code."""
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("window.__violations") == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.querySelectorAll('img, svg [onload], iframe, object, embed, [onerror], [onload], "
                         "[onclick]').length") == 0
    assert page.evaluate("[...document.links].filter(a => !a.href.startsWith('http')).length") == 0


def test_the_payload_pages_run_nothing(server, tab, shots):
    page = tab.page
    page.goto(f"{server}/?q=Quokkaville")
    _assert_inert(page)
    page.locator("ol.results a.title").first.click()
    page.wait_for_load_state()
    # Shown as text, every one of them: the first line became the title, the rest the body.
    assert PAYLOADS[0] in page.locator("h1").inner_text()
    text = page.locator(".text").inner_text()
    assert all(p in text for p in PAYLOADS[1:])
    _assert_inert(page)
    page.screenshot(path=str(shots / "payload-text.png"))

    page.goto(f"{server}/?q=river+bridge")
    page.locator("ol.results a.title", has_text="Council debates river bridge").first.click()
    page.wait_for_load_state()
    _assert_inert(page)
    page.screenshot(path=str(shots / "payload-html.png"))
    for path in ("/stories", "/entities", "/entities?q=Quokkaville", "/outlets", "/places"):
        page.goto(server + path)
        _assert_inert(page)
    assert tab.trouble() == {"dialogs": [], "errors": [], "console": [], "outside": []}
