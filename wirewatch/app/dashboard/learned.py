"""Confirm or reject a learned official or agency from its page (`wirewatch kb confirm|reject` from the
browser). The decision is written where the learned layer lives (app/learned_store.py): the store, or the
learned topic in distributed mode; running pipelines and workers pick it up within seconds."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from wirewatch.app.dashboard.forms import FormToken, refuse_cross_origin
from wirewatch.app.dashboard.html import Markup, el
from wirewatch.app.dashboard.present import entity_href
from wirewatch.models import utcnow
from wirewatch.settings import Settings

ACTIONS = {"confirm": "confirmed", "reject": "rejected"}


class LearnedControl:
    def __init__(self, settings: Settings, kafka: bool = False) -> None:
        self.settings, self.kafka = settings, kafka
        self.token = FormToken()

    def _layer(self) -> Any:
        from wirewatch.app.learned_store import load_layer

        return load_layer(self.settings, self.kafka)

    async def status(self, kind: str, name: str) -> tuple[str, Any] | None:
        """(status, entry) of the learned entry by this name, or None when the layer has none."""
        from wirewatch.processors.tagger.learned import entry_key

        def read() -> tuple[str, Any] | None:
            layer = self._layer()
            entry = layer.entries.get(entry_key(kind, name))
            return (layer.status(entry), entry) if entry is not None else None

        return await asyncio.to_thread(read)

    async def decide(self, kind: str, name: str, action: str) -> None:
        from wirewatch.app.learned_store import write_records
        from wirewatch.processors.tagger.learned import Decision, entry_key

        def write() -> None:
            layer = self._layer()
            decision = Decision(ACTIONS[action], utcnow().isoformat(timespec="seconds"), reason="from the dashboard")
            write_records(self.settings, self.kafka, [layer.decide(entry_key(kind, name), decision)])

        await asyncio.to_thread(write)


LEARNED_CONTROL = web.AppKey("learned_control", LearnedControl)


def decision_form(request: web.Request, kind: str, name: str, status: str) -> Markup:
    control = request.app.get(LEARNED_CONTROL)
    if control is None:
        return Markup("")
    buttons = [
        el(
            "form",
            {"method": "post", "action": f"/learned/{kind}/{action}?" + _name_query(name)},
            control.token.field(),
            el("button", {"type": "submit", "class": f"small {action}"}, action),
        )
        for action in ACTIONS
        if ACTIONS[action] != status
    ]
    return el("div", {"class": "learned-decision"}, f"learned entry, {status}: ", buttons)


def _name_query(name: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"name": name})


async def form_decide(request: web.Request) -> web.Response:
    control = request.app.get(LEARNED_CONTROL)
    if control is None:
        raise web.HTTPNotFound(reason="learned entries are not managed by this dashboard")
    refuse_cross_origin(request)
    form = await request.post()
    control.token.check(form.get("token"))
    kind, action = request.match_info["kind"], request.match_info["action"]
    name = request.query.get("name", "").strip()
    if not name:
        raise web.HTTPBadRequest(reason="which entry: ?name=...")
    await control.decide(kind, name, action)
    raise web.HTTPSeeOther(entity_href("official" if kind == "official" else "agency", name))


def add_routes(app: web.Application) -> None:
    app.router.add_post("/learned/{kind:official|agency}/{action:confirm|reject}", form_decide)
