"""Silences on the dashboard: the ones in force or scheduled, a form to add one, a button to end one; and the
same as JSON (`GET /api/silences`, `POST /api/silences`, `POST /api/silences/{id}/expire`).

They land where `wirewatch silence` puts them (app/silences.py): the embedded store, or, in distributed mode,
the compacted silences topic the notifier follows. Writes are guarded as every dashboard write is (forms.py).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from aiohttp import web

from wirewatch.app.dashboard.forms import FormToken, json_body, refuse_cross_origin, result_page
from wirewatch.app.dashboard.html import Markup, el
from wirewatch.app.silences import SilenceBook, new_silence
from wirewatch.models import Silence, format_time, utcnow
from wirewatch.sinks.alerts.policy import PolicyError, parse_duration

MAX_REASON = 500
MAX_FIELD = 200


class SilenceControl:
    def __init__(self, book: SilenceBook, rules: list[str] | None = None) -> None:
        self.book = book
        self.rules = rules or []  # configured rule names, offered in the form
        self.token = FormToken()

    async def current(self) -> list[Silence]:
        now = utcnow()
        return [s for s in await asyncio.to_thread(self.book.all) if s.ends > now]

    async def add(self, fields: dict[str, Any], by: str) -> Silence:
        """Raises ValueError with a message for the user."""
        rule = str(fields.get("rule") or "").strip()[:MAX_FIELD] or None
        key = str(fields.get("key") or "").strip()[:MAX_FIELD] or None
        reason = str(fields.get("reason") or "").strip()
        if not reason:
            raise ValueError("say why (reason)")
        if len(reason) > MAX_REASON:
            raise ValueError(f"the reason is longer than {MAX_REASON} characters")
        if rule is not None and self.rules and rule not in self.rules:
            raise ValueError(f"no rule named {rule!r}")
        try:
            seconds = parse_duration(str(fields.get("for") or ""))
        except PolicyError as exc:
            raise ValueError(str(exc)) from None
        if seconds > 90 * 86400:
            raise ValueError("a silence lasts at most 90 days")
        now = utcnow()
        silence = new_silence(rule, key, now, now + timedelta(seconds=seconds), reason, by)
        await asyncio.to_thread(self.book.add, silence)
        return silence

    async def expire(self, silence_id: str) -> bool:
        return await asyncio.to_thread(self.book.expire, silence_id, utcnow())


SILENCE_CONTROL = web.AppKey("silence_control", SilenceControl)


def panel(request: web.Request, silences: list[Silence]) -> Markup:
    control = request.app.get(SILENCE_CONTROL)
    if control is None:
        return Markup("")
    rows = [
        el(
            "tr",
            None,
            el("td", None, s.rule or "every rule"),
            el("td", None, s.key or "any"),
            el("td", None, format_time(s.ends)[:16].replace("T", " ")),
            el("td", None, s.created_by),
            el("td", None, s.reason),
            el(
                "td",
                None,
                el(
                    "form",
                    {"method": "post", "action": f"/silences/{s.id}/expire"},
                    control.token.field(),
                    el("button", {"type": "submit", "class": "small"}, "end now"),
                ),
            ),
        )
        for s in silences
    ]
    table = (
        el(
            "table",
            {"class": "silences"},
            el("thead", None, el("tr", None, [el("th", None, h) for h in ("rule", "key", "until", "by", "why", "")])),
            el("tbody", None, rows),
        )
        if rows
        else el("p", {"class": "empty"}, "No silence in force: every alert is delivered.")
    )
    form = el(
        "form",
        {"method": "post", "action": "/silences", "class": "add-silence"},
        control.token.field(),
        el(
            "select",
            {"name": "rule"},
            el("option", {"value": ""}, "every rule"),
            [el("option", {"value": name}, name) for name in control.rules],
        ),
        el("input", {"type": "text", "name": "key", "placeholder": "key: ML, an official, a story id"}),
        el("input", {"type": "text", "name": "for", "placeholder": "for: 6h", "required": True}),
        el("input", {"type": "text", "name": "reason", "placeholder": "why", "required": True}),
        el("button", {"type": "submit"}, "Silence"),
    )
    return Markup(table + form)


async def form_add(request: web.Request) -> web.Response:
    control = _control(request)
    form = await request.post()
    control.token.check(form.get("token"))
    try:
        await control.add(dict(form), by="dashboard")
    except ValueError as exc:
        return result_page("Not silenced", el("p", {"class": "error"}, str(exc)), status=400)
    raise web.HTTPSeeOther("/#silences")


async def form_expire(request: web.Request) -> web.Response:
    control = _control(request)
    form = await request.post()
    control.token.check(form.get("token"))
    await control.expire(request.match_info["id"])
    raise web.HTTPSeeOther("/#silences")


async def api_list(request: web.Request) -> web.Response:
    from wirewatch.app.dashboard.api import json_response

    control = request.app.get(SILENCE_CONTROL)
    if control is None:
        return json_response({"silences": [], "managed": False})
    return json_response({"silences": [s.to_dict() for s in await control.current()], "managed": True})


async def api_add(request: web.Request) -> web.Response:
    from wirewatch.app.dashboard.api import json_error, json_response

    control = _control(request)
    body = await json_body(request)
    try:
        silence = await control.add(body, by=str(body.get("by") or "api")[:MAX_FIELD])
    except ValueError as exc:
        return json_error(400, "invalid_silence", str(exc))
    return json_response(silence.to_dict(), status=201)


async def api_expire(request: web.Request) -> web.Response:
    from wirewatch.app.dashboard.api import json_error, json_response

    control = _control(request)
    await json_body(request)
    if not await control.expire(request.match_info["id"]):
        return json_error(404, "not_found", "no silence in force with that id")
    return json_response({"id": request.match_info["id"], "ended": True})


def add_routes(app: web.Application) -> None:
    app.router.add_post("/silences", form_add)
    app.router.add_post("/silences/{id}/expire", form_expire)
    app.router.add_get("/api/silences", api_list)
    app.router.add_post("/api/silences", api_add)
    app.router.add_post("/api/silences/{id}/expire", api_expire)


def _control(request: web.Request) -> SilenceControl:
    control = request.app.get(SILENCE_CONTROL)
    if control is None:
        raise web.HTTPNotFound(reason="silences are not managed by this dashboard")
    refuse_cross_origin(request)
    return control
