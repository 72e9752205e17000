"""The outermost layer every response passes: security headers, the request-size limit, and the last
catch for anything unexpected, so even a 500 has the error shape and the headers.

A plain ASGI middleware rather than Starlette's `BaseHTTPMiddleware`, so bodies stream through
untouched and a request that is too large is stopped while it is read, not after.
"""

from __future__ import annotations

import logging
from typing import Any

from wirewatch.api.errors import error_response

log = logging.getLogger(__name__)

# No inline script or style anywhere, nothing from another origin: the dashboard is self-contained.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class _TooLarge(Exception):
    pass


class EdgeMiddleware:
    def __init__(self, app: Any, *, max_request_bytes: int) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        limit = self.max_request_bytes

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await self._error(send_with_headers, scope, receive, 413, "too_large",
                              f"request body over the limit of {limit:,} bytes")
            return
        seen = 0

        async def counted_receive() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except _TooLarge:
            if started:
                raise
            await self._error(send_with_headers, scope, receive, 413, "too_large",
                              f"request body over the limit of {limit:,} bytes")
        except Exception:
            log.exception("unexpected error serving %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await self._error(send_with_headers, scope, receive, 500, "internal",
                              "unexpected error; the server log has the details")

    @staticmethod
    async def _error(send: Any, scope: dict[str, Any], receive: Any, status: int, code: str, message: str) -> None:
        await error_response(status, code, message)(scope, receive, send)
