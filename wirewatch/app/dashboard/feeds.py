"""Managing feeds from the dashboard (embedded mode): add (with autodiscovery), pause, resume, remove.

The same FeedManager as `wirewatch feeds`; changes land in the store and the running pipeline adopts them
within seconds. Without JavaScript: plain forms that post and come back to the overview.

Writes are guarded against cross-site requests as every dashboard write is (forms.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from wirewatch.app.dashboard.forms import FormToken, json_body, refuse_cross_origin, result_page
from wirewatch.app.dashboard.html import Markup, el
from wirewatch.app.feed_catalog import FeedDefinitionError, FeedManager, default_feed_name
from wirewatch.settings import Settings


class FeedControl:
    """What the dashboard needs to change feeds: the settings (configured feeds, poller limits) and the store."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.token = FormToken()

    def _run(self, action: Any) -> Any:
        from wirewatch.sinks.sqlite.store import SQLiteStore

        with SQLiteStore(self.settings.store.path) as store:
            return action(FeedManager(store, self.settings.feeds, source=str(self.settings.source_path or "the file")))

    async def discover(self, url: str) -> list[Any]:
        from wirewatch.producers.discover import discover
        from wirewatch.producers.fetch import HttpFetcher

        async with HttpFetcher(self.settings.poller) as http:
            return await discover(url, http.fetch)

    async def add(self, url: str, name: str, tags: list[str]) -> tuple[list[Any], list[str], list[Any]]:
        """(added, problems, candidates): a page with several feeds adds none and returns them to choose from."""
        from wirewatch.producers.fetch import FetchError, check_http_url

        if reason := check_http_url(url):
            return [], [reason], []
        try:
            found = await self.discover(url)
        except FetchError as exc:
            return [], [f"{url}: {exc}"], []
        if not found:
            return [], [f"no feed found at {url}"], []
        if len(found) > 1:
            return [], [], found
        candidate = {"name": name or default_feed_name(found[0].title, found[0].url), "url": found[0].url, "tags": tags}
        added, problems = await asyncio.to_thread(self._run, lambda manager: manager.add([candidate]))
        return added, problems, []

    async def act(self, name: str, action: str) -> None:
        def apply(manager: FeedManager) -> None:
            if action == "remove":
                manager.remove(name)
            else:
                manager.set_enabled(name, action == "resume")

        await asyncio.to_thread(self._run, apply)


FEED_CONTROL = web.AppKey("feed_control", FeedControl)
ACTIONS = ("pause", "resume", "remove")


def _tags(value: object) -> list[str]:
    words = [str(v) for v in value] if isinstance(value, list) else str(value or "").replace(",", " ").split()
    return ["-".join(word.lower().split()) for word in words if word.strip()]


async def form_add(request: web.Request) -> web.Response:
    control = _control(request)
    form = await request.post()
    control.token.check(form.get("token"))
    added, problems, candidates = await control.add(
        str(form.get("url") or "").strip(), str(form.get("name") or "").strip(), _tags(form.get("tags"))
    )
    if candidates:
        return result_page("Choose a feed", _choices(control, candidates, str(form.get("tags") or "")))
    if added:
        raise web.HTTPSeeOther("/#feeds")
    return result_page("Feed not added", el("p", {"class": "error"}, "; ".join(problems)), status=400)


async def form_action(request: web.Request) -> web.Response:
    control = _control(request)
    form = await request.post()
    control.token.check(form.get("token"))
    name, action = request.match_info["name"], request.match_info["action"]
    try:
        await control.act(name, action)
    except FeedDefinitionError as exc:
        return result_page("Not done", el("p", {"class": "error"}, str(exc)), status=400)
    raise web.HTTPSeeOther("/#feeds")


async def api_add(request: web.Request) -> web.Response:
    from wirewatch.app.dashboard.api import json_error, json_response

    control = _control(request)
    body = await json_body(request)
    added, problems, candidates = await control.add(
        str(body.get("url") or "").strip(), str(body.get("name") or "").strip(), _tags(body.get("tags"))
    )
    if candidates:
        found = [{"url": c.url, "title": c.title, "kind": c.kind} for c in candidates]
        return json_error(409, "several_feeds", "the page offers several feeds: post one of their URLs", found=found)
    if not added:
        return json_error(400, "not_added", "; ".join(problems))
    return json_response({"added": [{"name": feed.name, "url": feed.url} for feed in added]}, status=201)


async def api_action(request: web.Request) -> web.Response:
    from wirewatch.app.dashboard.api import json_error, json_response

    control = _control(request)
    await json_body(request)
    name, action = request.match_info["name"], request.match_info["action"]
    try:
        await control.act(name, action)
    except FeedDefinitionError as exc:
        return json_error(404 if "no feed named" in str(exc) else 409, "refused", str(exc))
    return json_response({"name": name, "done": action})


def controls(request: web.Request, row: dict[str, Any]) -> Markup:
    """The buttons of one feed's row (empty when feeds cannot be managed here)."""
    control = request.app.get(FEED_CONTROL)
    if control is None:
        return Markup("")
    paused = row.get("status") in ("disabled", "paused")
    actions = ["resume" if paused else "pause", "remove"]
    return el(
        "div",
        {"class": "feed-actions"},
        [
            el(
                "form",
                {"method": "post", "action": f"/feeds/{row.get('name', '')}/{action}"},
                control.token.field(),
                el("button", {"type": "submit", "class": f"small {action}"}, action),
            )
            for action in actions
        ],
    )


def add_form(request: web.Request) -> Markup:
    control = request.app.get(FEED_CONTROL)
    if control is None:
        return Markup("")
    return el(
        "form",
        {"method": "post", "action": "/feeds", "class": "add-feed"},
        control.token.field(),
        el("input", {"type": "url", "name": "url", "placeholder": "feed or site URL", "required": True}),
        el("input", {"type": "text", "name": "name", "placeholder": "name (optional)"}),
        el("input", {"type": "text", "name": "tags", "placeholder": "tags, e.g. africa"}),
        el("button", {"type": "submit"}, "Add feed"),
    )


def add_routes(app: web.Application) -> None:
    app.router.add_post("/feeds", form_add)
    app.router.add_post("/feeds/{name}/{action:pause|resume|remove}", form_action)
    app.router.add_post("/api/feeds", api_add)
    app.router.add_post("/api/feeds/{name}/{action:pause|resume|remove}", api_action)


def _control(request: web.Request) -> FeedControl:
    control = request.app.get(FEED_CONTROL)
    if control is None:
        raise web.HTTPNotFound(reason="feeds are managed with `wirewatch feeds ... --kafka` in distributed mode")
    refuse_cross_origin(request)
    return control


def _choices(control: FeedControl, candidates: list[Any], tags: str) -> Markup:
    return el(
        "ul",
        {"class": "feed-choices"},
        [
            el(
                "li",
                None,
                el(
                    "form",
                    {"method": "post", "action": "/feeds"},
                    control.token.field(),
                    el("input", {"type": "hidden", "name": "url", "value": c.url}),
                    el("input", {"type": "hidden", "name": "name", "value": default_feed_name(c.title, c.url)}),
                    el("input", {"type": "hidden", "name": "tags", "value": tags}),
                    el("button", {"type": "submit"}, "Add"),
                    " ",
                    c.title or c.url,
                    el("span", {"class": "detail"}, f" {c.url} ({c.kind})"),
                ),
            )
            for c in candidates
        ],
    )
