"""Who may read the dashboard.

Bound to a loopback address without a token, the dashboard is open to local
users only, and the Host header must name the loopback too (a page on another
site that rebinds its DNS name to 127.0.0.1 is refused). Bound anywhere else a
token is mandatory: ``Authorization: Bearer <token>``, or the login form, which
sets an HttpOnly cookie holding an HMAC of the token (never the token itself).
Every comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections import deque
from dataclasses import dataclass, field

from aiohttp import web

from wirewatch.config import is_loopback

SESSION_COOKIE = "wirewatch_session"
# Paths served without a token: the login form itself, the app's own static
# files (code and CSS, no data) and a liveness probe that reveals nothing.
PUBLIC_PATHS = ("/login", "/healthz")
PUBLIC_PREFIXES = ("/static/",)
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}


@dataclass(slots=True)
class AccessPolicy:
    bind: str
    token: str | None = None
    max_failures_per_minute: int = 10
    _failures: deque[float] = field(default_factory=deque)

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < 16:
            raise ValueError("the dashboard token must be at least 16 characters")
        if not is_loopback(self.bind) and not self.token:
            raise ValueError(f"a token is required to serve the dashboard on {self.bind} (not a loopback address)")

    @property
    def token_required(self) -> bool:
        return self.token is not None

    def session_value(self) -> str:
        assert self.token is not None
        return hmac.new(self.token.encode(), b"wirewatch dashboard session", hashlib.sha256).hexdigest()

    def token_matches(self, offered: str) -> bool:
        assert self.token is not None
        return hmac.compare_digest(offered.encode("utf-8", "replace"), self.token.encode())

    def authorised(self, request: web.Request) -> bool:
        if not self.token_required:
            return True
        header = request.headers.get("Authorization", "")
        if header[:7].lower() == "bearer ":
            return self.token_matches(header[7:].strip())
        cookie = request.cookies.get(SESSION_COOKIE)
        return cookie is not None and hmac.compare_digest(
            cookie.encode("utf-8", "replace"), self.session_value().encode()
        )

    def host_allowed(self, request: web.Request) -> bool:
        """Without a token, only requests addressed to a loopback name (DNS-rebinding guard)."""
        if self.token_required:
            return True
        host = request.host or ""
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host[1:].split("]", 1)[0]
        return name in LOOPBACK_HOSTS or is_loopback(name)

    def login_throttled(self) -> bool:
        now = time.monotonic()
        while self._failures and now - self._failures[0] > 60:
            self._failures.popleft()
        return len(self._failures) >= self.max_failures_per_minute

    def record_failure(self) -> None:
        self._failures.append(time.monotonic())


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def wants_json(request: web.Request) -> bool:
    return request.path.startswith("/api/") or request.path == "/metrics"
