"""A country's page (`/country/ML`): how often the news mentions it over time, the officials and agencies in
those dispatches, the latest of them, its stories and its alerts; every count from the backend (SQLite or
Elasticsearch, the same answers), and the window in the URL so a view can be shared."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlencode

from aiohttp import web

from wirewatch.app.dashboard import chart, params, worldmap
from wirewatch.app.dashboard.context import BACKEND, blocking
from wirewatch.app.dashboard.html import el
from wirewatch.app.dashboard.pages import (
    PERIODS,
    _html,
    _nav,
    alert_row,
    dispatch_item,
    entity_tops,
    story_item,
)
from wirewatch.app.dashboard.present import alert_view, dispatch_summary, kibana_discover, plural
from wirewatch.models import StoryFilter

CODE = re.compile(r"[A-Z]{2}")
SHOWN = 20
STORIES_READ = 200  # the latest stories of the window, of which the country's are shown
ALERTS_READ = 500


def country_href(code: str, period: str | None = None) -> str:
    return f"/country/{code}" + (f"?{urlencode({'period': period})}" if period else "")


async def country_page(request: web.Request) -> web.Response:
    code = request.match_info["code"].upper()
    if not CODE.fullmatch(code):
        return _html("not found", el("main", None, _nav(), el("p", {"class": "error"}, "Not a country code.")), 404)
    try:
        data_range = await blocking(request, lambda b: b.data_range())
        window = params.window(request.query.get("period"), None, data_range)
    except params.InvalidParameter as exc:
        return _html("wirewatch", el("main", None, _nav(), el("p", {"class": "error"}, exc.message)), status=400)
    since_dt = datetime.fromtimestamp(window.since, tz=UTC)

    def gather(backend):
        return (
            backend.mentions_per_country(window.since, window.until, window.bucket_seconds, 50, country=code),
            backend.top_entities("officials", window.since, window.until, 10, country=code),
            backend.top_entities("agencies", window.since, window.until, 10, country=code),
            backend.dispatches_naming("countries.code", code, window.since, window.until, SHOWN),
            backend.stories(StoryFilter(since_dt, STORIES_READ)),
            backend.alerts(since_dt, ALERTS_READ),
        )

    buckets, officials, agencies, latest, stories, alerts = await blocking(request, gather)
    own = [b for b in buckets if b.code == code]
    name = next((b.name for b in own), None) or worldmap.outlines()["countries"].get(code, {}).get("name") or code
    mentioned = sum(b.dispatches for b in own)
    theirs = [s for s in stories if code in (s.get("countries") or ())][:SHOWN]
    alerted = [a for a in alerts if code in a.countries][:SHOWN]
    periods = [
        el("a", {"href": country_href(code, p), "class": "current" if p == window.period else None}, p) for p in PERIODS
    ]
    search = "/search?" + urlencode({"q": f"countries.code:{code}"})
    kibana_url = getattr(request.app[BACKEND], "kibana_url", None)
    kibana = (
        [
            " · ",
            el(
                "a",
                {"href": kibana_discover(kibana_url, f"countries.code:{code}", window.since, window.until)},
                "the same in Kibana",
            ),
        ]
        if kibana_url
        else []
    )
    body = el(
        "main",
        None,
        _nav(f"countries.code:{code}"),
        el(
            "section",
            {"class": "panel"},
            el("h1", None, f"{name} ({code}) ", el("span", {"class": "periods"}, periods)),
            el(
                "p",
                {"class": "detail"},
                f"{plural(mentioned, 'dispatch', 'dispatches')} mention it in this window (by publication time). ",
                el("a", {"href": search}, "Search them"),
                kibana,
            ),
            chart.render(own, window.since, window.until, window.bucket_seconds),
            entity_tops(officials, agencies, ("Officials in these dispatches", "Agencies in these dispatches")),
        ),
        el(
            "div",
            {"class": "grid"},
            el(
                "section",
                {"class": "panel"},
                el("h2", None, "Latest dispatches"),
                el("ul", {"class": "dispatches"}, [dispatch_item(dispatch_summary(doc)) for doc in latest])
                if latest
                else el("p", {"class": "empty"}, "None in this period."),
            ),
            el(
                "section",
                {"class": "panel"},
                el("h2", None, "Alerts"),
                el("table", {"class": "alerts"}, el("tbody", None, [alert_row(alert_view(a)) for a in alerted]))
                if alerted
                else el("p", {"class": "empty"}, "No alert mentioned it in this period."),
            ),
        ),
        el(
            "section",
            {"class": "panel"},
            el("h2", None, "Stories"),
            el("ol", {"class": "stories"}, [story_item(r) for r in theirs])
            if theirs
            else el("p", {"class": "empty"}, "No story in this period."),
        ),
    )
    return _html(f"{name} — wirewatch", body)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/country/{code}", country_page)
