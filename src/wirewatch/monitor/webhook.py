"""Posting alerts to a webhook with the standard library. A post that fails is logged and recorded
on the alert (and retried on a later run, up to a limit); it never stops detection."""

from __future__ import annotations

import http.client
import logging
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from wirewatch.model.trends import Alert
from wirewatch.store.monitor import alert_json

log = logging.getLogger(__name__)


def post_alert(url: str, alert: Alert, *, timeout: float) -> str:
    """POST the alert as JSON; returns "sent", or "failed: <reason>". Never raises for network trouble."""
    if urlsplit(url).scheme not in ("http", "https"):  # urllib would also open file:// and ftp://
        outcome = "failed: only http and https webhook addresses are accepted"
        log.warning("webhook post of alert %s %s", alert.id, outcome)
        return outcome
    body = ('{"alert": ' + alert_json(alert) + "}").encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "wirewatch-monitor"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked above)
            response.read(1024)
            return "sent"
    except urllib.error.HTTPError as e:
        reason = f"HTTP {e.code}"
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as e:
        reason = f"{type(e).__name__}: {getattr(e, 'reason', e)}"
    # The host only: webhook addresses often carry a secret in their path.
    log.warning("webhook post of alert %s to %s failed: %s", alert.id, urlsplit(url).netloc, reason)
    return f"failed: {reason}"
