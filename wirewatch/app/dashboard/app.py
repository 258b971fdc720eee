"""The dashboard's aiohttp application: pages, JSON API, live stream, /metrics.

``create_app`` wires a backend, an event bus and a metrics registry into one
``web.Application``; ``DashboardServer`` starts it on an address. The same app
runs inside ``wirewatch run`` (the pipeline publishes on the bus) and alone as
``wirewatch dashboard`` (a ``StoreWatcher`` publishes what other processes
store).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from wirewatch.app.dashboard import (
    api,
    country_page,
    entity_page,
    export,
    feeds,
    pages,
    saved_searches,
    silences,
)
from wirewatch.app.dashboard import learned as learned_forms
from wirewatch.app.dashboard.auth import SESSION_COOKIE, AccessPolicy, is_public, wants_json
from wirewatch.app.dashboard.backend import DashboardBackend
from wirewatch.app.dashboard.context import BACKEND, BUS, METRICS
from wirewatch.app.dashboard.feeds import FEED_CONTROL, FeedControl
from wirewatch.app.dashboard.learned import LEARNED_CONTROL, LearnedControl
from wirewatch.app.dashboard.params import InvalidParameter
from wirewatch.app.dashboard.saved_searches import SAVED_SEARCHES, SavedSearches
from wirewatch.app.dashboard.silences import SILENCE_CONTROL, SilenceControl
from wirewatch.events import EventBus
from wirewatch.metrics import Metrics

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).parent / "static"
POLICY = web.AppKey("policy", AccessPolicy)
MAX_REQUEST_BYTES = 16 * 1024  # the only bodies are the login form and the feed forms

# No inline script or style anywhere: the only code a page runs is /static/app.js.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Nothing leaves for other sites; same-origin, the browser sends the real Origin with a form post (with
    # no-referrer it sends "null"), which the feed forms' cross-site check needs (dashboard/feeds.py).
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _error(request: web.Request, status: int, code: str, message: str, **extra: object) -> web.StreamResponse:
    if wants_json(request):
        return api.json_error(status, code, message, **extra)
    return web.Response(text=f"{status}: {message}\n", status=status, content_type="text/plain")


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
    if not response.prepared:
        response.headers.update(SECURITY_HEADERS)
        if (
            wants_json(request)
            or request.path.startswith(("/dispatch/", "/stories/"))
            or request.path in ("/", "/search")
        ):
            response.headers.setdefault("Cache-Control", "no-store")
    if isinstance(response, web.HTTPException):
        raise response
    return response


@web.middleware
async def access_control(request: web.Request, handler: Handler) -> web.StreamResponse:
    policy = request.app[POLICY]
    if not policy.host_allowed(request):
        return _error(request, 403, "forbidden_host", "requests must address the dashboard by a loopback name")
    if is_public(request.path) or policy.authorised(request):
        return await handler(request)
    if wants_json(request):
        response = api.json_error(401, "unauthorised", "a bearer token is required")
        response.headers["WWW-Authenticate"] = 'Bearer realm="wirewatch"'
        return response
    raise web.HTTPSeeOther("/login")


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Errors as JSON with their real status on the API; no stack traces to clients."""
    try:
        return await handler(request)
    except InvalidParameter as exc:
        return _error(request, 400, "invalid_parameter", exc.message, parameter=exc.name)
    except web.HTTPException as exc:
        if exc.status < 400 or not wants_json(request):
            raise
        return api.json_error(exc.status, exc.reason.lower().replace(" ", "_"), exc.reason)
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("dashboard request %s %s failed", request.method, request.path)
        return _error(request, 500, "internal", "internal error (see the server log)")


async def login_form(request: web.Request) -> web.Response:
    return pages.login_page()


async def login_submit(request: web.Request) -> web.Response:
    policy = request.app[POLICY]
    if not policy.token_required:
        raise web.HTTPSeeOther("/")
    if policy.login_throttled():
        return pages.login_page("Too many failed attempts; wait a minute.", status=429)
    form = await request.post()
    token = form.get("token")
    if not isinstance(token, str) or not policy.token_matches(token):
        policy.record_failure()
        return pages.login_page("Wrong token.", status=401)
    response = web.HTTPSeeOther("/")
    response.set_cookie(
        SESSION_COOKIE, policy.session_value(), httponly=True, samesite="Strict", secure=request.secure, path="/"
    )
    raise response


def create_app(
    backend: DashboardBackend,
    *,
    bus: EventBus | None = None,
    metrics: Metrics | None = None,
    policy: AccessPolicy | None = None,
    feed_control: FeedControl | None = None,
    silence_control: SilenceControl | None = None,
    searches: SavedSearches | None = None,
    learned: LearnedControl | None = None,
) -> web.Application:
    app = web.Application(
        middlewares=[security_headers, access_control, json_errors], client_max_size=MAX_REQUEST_BYTES
    )
    app[BACKEND] = backend
    app[BUS] = bus or EventBus()
    app[METRICS] = metrics or Metrics()
    app[POLICY] = policy or AccessPolicy(bind="127.0.0.1")
    if feed_control is not None:  # feeds can be managed from the page (embedded store only)
        app[FEED_CONTROL] = feed_control
    if silence_control is not None:  # alert silences from the page (the store, or the silences topic)
        app[SILENCE_CONTROL] = silence_control
    if searches is not None:  # saved searches (a SQLite file of this dashboard's)
        app[SAVED_SEARCHES] = searches
    if learned is not None:  # confirm or reject learned officials and agencies from their pages
        app[LEARNED_CONTROL] = learned
    api.add_routes(app)
    feeds.add_routes(app)
    silences.add_routes(app)
    pages.add_routes(app)
    country_page.add_routes(app)
    export.add_routes(app)
    entity_page.add_routes(app)
    saved_searches.add_routes(app)
    learned_forms.add_routes(app)
    app.router.add_get("/login", login_form)
    app.router.add_post("/login", login_submit)
    app.router.add_static("/static/", STATIC_DIR, show_index=False, follow_symlinks=False)

    async def close_streams(app: web.Application) -> None:
        app[BUS].close()  # wakes every open event stream so shutdown does not wait on them

    app.on_shutdown.append(close_streams)
    return app


class DashboardServer:
    """Runs the app on ``bind:port`` (port 0: any free port, see ``url``)."""

    def __init__(self, app: web.Application, bind: str, port: int) -> None:
        self.app = app
        self.bind = bind
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> str:
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.bind, self.port)
        try:
            await site.start()
        except BaseException:
            await self._runner.cleanup()
            self._runner = None
            raise
        server: Any = site._server  # an asyncio.Server: its sockets say the port actually bound (port 0)
        sockets = server.sockets if server else []
        if sockets:
            self.port = sockets[0].getsockname()[1]
        return self.url

    @property
    def url(self) -> str:
        host = f"[{self.bind}]" if ":" in self.bind else self.bind
        return f"http://{host}:{self.port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
