"""What every write on the dashboard shares (feeds.py, silences.py): the page token its forms carry, the
same-origin check, JSON bodies only with their content type, and the small page a form comes back to.

A page elsewhere that the user visits can make the browser post to 127.0.0.1: a write needs a token only this
server's pages know (per process, so forms from an older run are refused), an Origin that is this dashboard, and
for the JSON API `Content-Type: application/json` (which a foreign page cannot send without a CORS preflight this
server never grants). The session cookie is SameSite=Strict besides.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from aiohttp import web

from wirewatch.app.dashboard.html import Markup, el


class FormToken:
    def __init__(self) -> None:
        self.value = secrets.token_urlsafe(24)

    def ok(self, offered: object) -> bool:
        return isinstance(offered, str) and hmac.compare_digest(offered.encode(), self.value.encode())

    def field(self) -> Markup:
        return el("input", {"type": "hidden", "name": "token", "value": self.value})

    def check(self, offered: object) -> None:
        if not self.ok(offered):
            raise web.HTTPForbidden(reason="form token missing or stale: reload the page")


def same_origin(request: web.Request) -> bool:
    origin = request.headers.get("Origin")
    return origin is None or origin == f"{request.scheme}://{request.host}"


def refuse_cross_origin(request: web.Request) -> None:
    if not same_origin(request):
        raise web.HTTPForbidden(reason="cross-origin request refused")


async def json_body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(reason="send Content-Type: application/json")
    try:
        body = await request.json()
    except ValueError as exc:
        raise web.HTTPBadRequest(reason=f"not JSON: {exc}") from exc
    return body if isinstance(body, dict) else {}


def result_page(title: str, content: Markup, status: int = 200) -> web.Response:
    from wirewatch.app.dashboard.html import document

    body = el("main", {"class": "panel"}, el("h2", None, title), content, el("p", None, el("a", {"href": "/"}, "Back")))
    return web.Response(text=document(title, body), status=status, content_type="text/html", charset="utf-8")
