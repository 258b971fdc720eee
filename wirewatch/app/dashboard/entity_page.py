"""An official's or an agency's page (`/official/NAME`, `/agency/NAME`): how often the news names them over time,
the roles the dispatches give them, who they appear with, and the latest dispatches naming them.

Everything is read from the dispatches that name the entity in the window (at most MAX_READ of them, the
newest first: SQLite and Elasticsearch give the same ones). Whether the tagger
knew the entity or learned it from the text is said as the dispatches record it (`known`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from wirewatch.app.dashboard import chart, params
from wirewatch.app.dashboard.context import blocking
from wirewatch.app.dashboard.html import el
from wirewatch.app.dashboard.learned import LEARNED_CONTROL, decision_form
from wirewatch.app.dashboard.pages import PERIODS, _html, _nav, dispatch_item
from wirewatch.app.dashboard.present import dispatch_summary, entity_href, plural
from wirewatch.sinks.sqlite.stats import CountryBucket

MAX_READ = 500
SHOWN = 20
KINDS = {"official": "officials", "agency": "agencies"}


def entity_query(field: str, name: str) -> str:
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'{field}.name:"{escaped}"'


async def entity_page(request: web.Request) -> web.Response:
    kind = request.match_info["kind"]
    field = KINDS[kind]
    name = request.match_info["name"].strip()
    if not name or len(name) > 200:
        return _html("not found", el("main", None, _nav(), el("p", {"class": "error"}, "No such name.")), status=404)
    try:
        data_range = await blocking(request, lambda b: b.data_range())
        window = params.window(request.query.get("period"), None, data_range)
    except params.InvalidParameter as exc:
        return _html("wirewatch", el("main", None, _nav(), el("p", {"class": "error"}, exc.message)), status=400)
    query = entity_query(field, name)
    docs = await blocking(
        request, lambda b: b.dispatches_naming(f"{field}.name", name, window.since, window.until, MAX_READ)
    )
    mine = [m for doc in docs for m in doc.get(field) or () if m.get("name") == name]
    roles = _roles(docs, field, name)
    with_officials = _companions(docs, "officials", name if field == "officials" else None)
    with_countries = Counter(c.get("code") for doc in docs for c in doc.get("countries") or () if c.get("code"))
    learned = any(m.get("known") is False for m in mine)
    control = request.app.get(LEARNED_CONTROL)
    entry = await control.status(kind, name) if control is not None else None
    periods = [
        el("a", {"href": entity_href(kind, name, p), "class": "current" if p == window.period else None}, p)
        for p in PERIODS
    ]
    badge = el(
        "span", {"class": "badge learned", "title": "learned from the text, not in the knowledge base"}, "learned"
    )
    body = el(
        "main",
        None,
        _nav(query),
        el(
            "section",
            {"class": "panel"},
            el(
                "h1", None, name, " ", badge if learned or entry else "", " ", el("span", {"class": "periods"}, periods)
            ),
            decision_form(request, kind, name, entry[0]) if entry is not None else "",
            el(
                "p",
                {"class": "detail"},
                f"{plural(len(docs), 'dispatch', 'dispatches')} in this window"
                f"{' (the newest ' + str(MAX_READ) + ')' if len(docs) >= MAX_READ else ''}, by publication time. ",
                el("a", {"href": "/search?" + urlencode({"q": query})}, "Search them"),
            ),
            chart.render(
                _buckets(docs, name, window.bucket_seconds), window.since, window.until, window.bucket_seconds
            ),
        ),
        el(
            "div",
            {"class": "grid"},
            el("section", {"class": "panel"}, el("h2", None, "Roles in the dispatches"), _roles_table(roles)),
            el(
                "section",
                {"class": "panel"},
                el("h2", None, "Appears with"),
                _counts_list([(entity_href("official", n), n, c) for n, c in with_officials.most_common(10)]),
                _counts_list([(f"/country/{code}", code, c) for code, c in with_countries.most_common(10)]),
            ),
        ),
        el(
            "section",
            {"class": "panel"},
            el("h2", None, "Latest dispatches"),
            el("ul", {"class": "dispatches"}, [dispatch_item(dispatch_summary(doc)) for doc in docs[:SHOWN]])
            if docs
            else el("p", {"class": "empty"}, "None in this period."),
        ),
    )
    return _html(f"{name} — wirewatch", body)


def _roles(docs: list[dict[str, Any]], field: str, name: str) -> list[tuple[str, str, str, int]]:
    """(role, first seen, last seen, dispatches), the most recent role first."""
    seen: dict[str, list[Any]] = {}
    for doc in docs:
        published = str(doc.get("published") or "")
        for mention in doc.get(field) or ():
            if mention.get("name") != name:
                continue
            role = str(mention.get("role") or mention.get("kind") or "—")
            entry = seen.setdefault(role, [published, published, 0])
            entry[0], entry[1], entry[2] = min(entry[0], published), max(entry[1], published), entry[2] + 1
    return sorted(((r, a, b, n) for r, (a, b, n) in seen.items()), key=lambda row: row[2], reverse=True)


def _companions(docs: list[dict[str, Any]], field: str, exclude: str | None) -> Counter[str]:
    return Counter(
        m.get("name")
        for doc in docs
        for m in {m.get("name"): m for m in doc.get(field) or ()}.values()
        if m.get("name") and m.get("name") != exclude
    )


def _buckets(docs: list[dict[str, Any]], name: str, step: int) -> list[CountryBucket]:
    per: dict[float, int] = defaultdict(int)
    for doc in docs:
        try:
            moment = datetime.fromisoformat(str(doc.get("published")).replace("Z", "+00:00")).timestamp()
        except ValueError:
            continue
        per[float(int(moment // step) * step)] += 1
    return [CountryBucket(start, name, name, n, n) for start, n in sorted(per.items())]


def _roles_table(roles: list[tuple[str, str, str, int]]) -> Any:
    if not roles:
        return el("p", {"class": "empty"}, "No role given in this period.")
    rows = [
        el("tr", None, el("td", None, role), el("td", {"class": "detail"}, f"{first[:10]} – {last[:10]}"),
           el("td", {"class": "num"}, str(n)))
        for role, first, last, n in roles
    ]  # fmt: skip
    return el("table", None, el("tbody", None, rows))


def _counts_list(items: list[tuple[str, str, int]]) -> Any:
    if not items:
        return el("p", {"class": "empty"}, "Nobody else in these dispatches.")
    return el(
        "ul", {"class": "companions"}, [el("li", None, el("a", {"href": h}, label), f" {n}") for h, label, n in items]
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/{kind:official|agency}/{name}", entity_page)
