"""Saved searches: a name for a query, listed on the search page and the overview, shared by everyone using this
dashboard. Kept in the SQLite file of `[store].path` in both modes (in distributed mode that file holds only
this dashboard's own state). Writes are guarded as every dashboard write is (forms.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web

from wirewatch.app.dashboard.forms import FormToken, json_body, refuse_cross_origin, result_page
from wirewatch.app.dashboard.html import Markup, el
from wirewatch.query import QuerySyntaxError, parse_query

MAX_NAME = 80
MAX_SAVED = 200


class SavedSearches:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.token = FormToken()

    def _store(self) -> Any:
        from wirewatch.sinks.sqlite.store import SQLiteStore

        return SQLiteStore(self.path)

    async def all(self) -> list[tuple[str, str]]:
        def read() -> list[tuple[str, str]]:
            with self._store() as store:
                return store.saved_searches()

        return await asyncio.to_thread(read)

    async def save(self, name: str, query: str) -> None:
        """Raises ValueError with a message for the user."""
        name, query = name.strip(), query.strip()
        if not name or len(name) > MAX_NAME:
            raise ValueError(f"a name of 1 to {MAX_NAME} characters")
        try:
            parse_query(query)
        except QuerySyntaxError as exc:
            raise ValueError(f"the query does not parse: {exc.message} at position {exc.position}") from None

        def write() -> None:
            with self._store() as store:
                if len(store.saved_searches()) >= MAX_SAVED and name not in dict(store.saved_searches()):
                    raise ValueError(f"at most {MAX_SAVED} saved searches: delete one first")
                store.save_search(name, query)

        await asyncio.to_thread(write)

    async def delete(self, name: str) -> bool:
        def remove() -> bool:
            with self._store() as store:
                return store.delete_saved_search(name)

        return await asyncio.to_thread(remove)


SAVED_SEARCHES = web.AppKey("saved_searches", SavedSearches)


def search_link(query: str) -> str:
    return "/search?" + urlencode({"q": query})


def listing(request: web.Request, saved: list[tuple[str, str]], *, removable: bool = False) -> Markup:
    control = request.app.get(SAVED_SEARCHES)
    if control is None or not saved:
        return Markup("")
    items = []
    for name, query in saved:
        remove = (
            el(
                "form",
                {"method": "post", "action": f"/searches/{quote(name, safe='')}/delete"},
                control.token.field(),
                el("button", {"type": "submit", "class": "small", "title": f"delete {name}"}, "×"),
            )
            if removable
            else ""
        )
        items.append(el("li", None, el("a", {"href": search_link(query), "title": query}, name), " ", remove))
    return el("div", {"class": "saved"}, el("h3", None, "Saved searches"), el("ul", {"class": "saved-searches"}, items))


def save_form(request: web.Request, query: str) -> Markup:
    control = request.app.get(SAVED_SEARCHES)
    if control is None:
        return Markup("")
    return el(
        "form",
        {"method": "post", "action": "/searches", "class": "save-search"},
        control.token.field(),
        el("input", {"type": "hidden", "name": "q", "value": query}),
        el("input", {"type": "text", "name": "name", "placeholder": "name this search", "required": True}),
        el("button", {"type": "submit", "class": "small"}, "Save"),
    )


async def form_save(request: web.Request) -> web.Response:
    control = _control(request)
    form = await request.post()
    control.token.check(form.get("token"))
    query = str(form.get("q") or "")
    try:
        await control.save(str(form.get("name") or ""), query)
    except ValueError as exc:
        return result_page("Not saved", el("p", {"class": "error"}, str(exc)), status=400)
    raise web.HTTPSeeOther(search_link(query))


async def form_delete(request: web.Request) -> web.Response:
    control = _control(request)
    form = await request.post()
    control.token.check(form.get("token"))
    await control.delete(request.match_info["name"])
    raise web.HTTPSeeOther("/search")


async def api_list(request: web.Request) -> web.Response:
    from wirewatch.app.dashboard.api import json_response

    control = request.app.get(SAVED_SEARCHES)
    saved = await control.all() if control is not None else []
    return json_response({"searches": [{"name": n, "query": q, "href": search_link(q)} for n, q in saved]})


async def api_save(request: web.Request) -> web.Response:
    from wirewatch.app.dashboard.api import json_error, json_response

    control = _control(request)
    body = await json_body(request)
    try:
        await control.save(str(body.get("name") or ""), str(body.get("query") or ""))
    except ValueError as exc:
        return json_error(400, "invalid_search", str(exc))
    return json_response({"name": str(body["name"]).strip(), "query": str(body["query"]).strip()}, status=201)


async def api_delete(request: web.Request) -> web.Response:
    from wirewatch.app.dashboard.api import json_error, json_response

    control = _control(request)
    await json_body(request)
    if not await control.delete(request.match_info["name"]):
        return json_error(404, "not_found", "no saved search with that name")
    return json_response({"name": request.match_info["name"], "deleted": True})


def add_routes(app: web.Application) -> None:
    app.router.add_post("/searches", form_save)
    app.router.add_post("/searches/{name}/delete", form_delete)
    app.router.add_get("/api/searches", api_list)
    app.router.add_post("/api/searches", api_save)
    app.router.add_post("/api/searches/{name}/delete", api_delete)


def _control(request: web.Request) -> SavedSearches:
    control = request.app.get(SAVED_SEARCHES)
    if control is None:
        raise web.HTTPNotFound(reason="saved searches are not kept by this dashboard")
    refuse_cross_origin(request)
    return control
