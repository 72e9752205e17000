"""Webhook posts to a local server on 127.0.0.1: sent once, failures recorded and retried, never raised."""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wirewatch.model.trends import Alert
from wirewatch.monitor import alerts
from wirewatch.monitor.webhook import post_alert

from .conftest import settings_with


class Hook:
    def __init__(self) -> None:
        self.bodies: list[dict] = []
        self.status = 204
        self.delay = 0.0
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                hook.bodies.append({"json": json.loads(body), "type": self.headers["Content-Type"]})
                time.sleep(hook.delay)
                self.send_response(hook.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook/secret-token"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Hook":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def hook():
    with Hook() as h:
        yield h


def test_new_alerts_are_posted_once(planted_db, hook):
    settings = settings_with(webhook_url=hook.url)
    first = alerts(planted_db, detect_now=True, settings=settings)
    again = alerts(planted_db, detect_now=True, settings=settings)
    (posted,) = hook.bodies
    assert posted["type"] == "application/json"
    assert posted["json"]["alert"]["id"] == first.new[0] and posted["json"]["alert"]["rule"] == "burst"
    assert [a.delivery for a in again.alerts] == ["sent"] and again.new == ()


def test_a_failed_post_is_recorded_and_retried_up_to_the_limit(planted_db, hook, caplog):
    hook.status = 500
    settings = settings_with(webhook_url=hook.url, webhook_max_attempts="2")
    for _ in range(3):
        report = alerts(planted_db, detect_now=True, settings=settings)
    assert len(hook.bodies) == 2  # the third run gives up on it
    assert [a.delivery for a in report.alerts] == ["failed: HTTP 500"]
    assert "HTTP 500" in caplog.text and "secret-token" not in caplog.text
    hook.status = 200
    report = alerts(planted_db, detect_now=True, settings=settings_with(webhook_url=hook.url))
    assert [a.delivery for a in report.alerts] == ["sent"]


def test_a_slow_webhook_times_out_without_stopping_detection(planted_db, hook):
    hook.delay = 1.0
    started = time.monotonic()
    report = alerts(planted_db, detect_now=True, settings=settings_with(webhook_url=hook.url, webhook_timeout="0.2"))
    assert time.monotonic() - started < 5
    assert report.alerts[0].delivery.startswith("failed: ") and len(report.new) == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("url", [f"http://127.0.0.1:{_closed_port()}/hook", "file:///etc/passwd", "not a url"])
def test_an_unusable_address_is_a_recorded_failure(url):
    alert = Alert("b1", "burst", "2024-03-30", ("X",), "burst", 5.0, 3, 2)
    assert post_alert(url, alert, timeout=1.0).startswith("failed: ")
