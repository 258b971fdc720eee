"""The JSON API (documented in docs/api.md and /api/openapi.json) and the live event stream."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from wirewatch.app.dashboard import params
from wirewatch.app.dashboard.backend import DashboardBackend
from wirewatch.app.dashboard.context import BACKEND, BUS, METRICS, blocking
from wirewatch.app.dashboard.html import safe_url
from wirewatch.app.dashboard.openapi import OPENAPI
from wirewatch.app.dashboard.present import (
    alert_view,
    dispatch_detail,
    dispatch_summary,
    search_hit,
    story_alerts_since,
    story_member,
)
from wirewatch.events import BusClosed, Event, TooManySubscribers
from wirewatch.models import Alert, StoryFilter, format_time
from wirewatch.query import QuerySyntaxError
from wirewatch.sinks.sqlite.stats import ENTITY_KINDS

log = logging.getLogger(__name__)
KEEPALIVE_SECONDS = 15.0
STREAM_KINDS = frozenset({"alert", "dispatch"})


def json_response(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False, default=str))


def json_error(status: int, code: str, message: str, **extra: Any) -> web.Response:
    return json_response({"error": {"code": code, "message": message, **extra}}, status=status)


async def search(request: web.Request) -> web.Response:
    q = params.query_text(request.query.get("q"))
    limit = params.bounded_int(request.query.get("limit"), "limit", default=20, low=1, high=100)
    try:
        page = await blocking(request, lambda b: b.search(q, limit))
    except QuerySyntaxError as exc:
        return json_error(400, "query_syntax", exc.message, position=exc.position, query=q)
    return json_response(
        {
            "query": q,
            "count": len(page.hits),
            "scan_limited": page.scan_limited,
            "hits": [search_hit(doc, score, hl) for doc, score, hl in page.hits],
        }
    )


async def alerts(request: web.Request) -> web.Response:
    since = params.since_time(request.query.get("since"))
    limit = params.bounded_int(request.query.get("limit"), "limit", default=50, low=1, high=500)
    found, silenced = await blocking(request, lambda b: _with_silences(b, b.alerts(since, limit)))
    return json_response({"count": len(found), "alerts": [alert_view(a, silenced.get(a.key)) for a in found]})


def _with_silences(backend: Any, found: list[Alert]) -> tuple[list[Alert], dict[str, str]]:
    return found, backend.silenced([a.key for a in found])


async def dispatch(request: web.Request) -> web.Response:
    dispatch_id = params.dispatch_id(request.match_info["id"])
    doc = await blocking(request, lambda b: b.dispatch(dispatch_id))
    if doc is None:
        return json_error(404, "not_found", f"no dispatch with id {dispatch_id}")
    return json_response(dispatch_detail(doc))


NAMING_FILTERS = {"country": "countries.code", "official": "officials.name", "agency": "agencies.name"}


async def latest(request: web.Request) -> web.Response:
    """The most recently stored dispatches; with `country`, `official` or `agency`: the newest published in the
    window (`period`) that name it, as its page lists them."""
    limit = params.bounded_int(request.query.get("limit"), "limit", default=20, low=1, high=200)
    named = [(name, field) for name, field in NAMING_FILTERS.items() if request.query.get(name)]
    if len(named) > 1:
        raise params.InvalidParameter("country", "one of country, official or agency at a time")
    if not named:
        docs = await blocking(request, lambda b: b.latest(limit))
        return json_response({"count": len(docs), "dispatches": [dispatch_summary(d) for d in docs]})
    name, field = named[0]
    value = request.query[name].strip()
    if name == "country":
        value = params.country_code(value) or ""
    elif not value or len(value) > 200:
        raise params.InvalidParameter(name, "a name of 1 to 200 characters")
    data_range = await blocking(request, lambda b: b.data_range())
    window = params.window(request.query.get("period"), None, data_range)
    docs = await blocking(request, lambda b: b.dispatches_naming(field, value, window.since, window.until, limit))
    return json_response(
        {**_window_json(window), "count": len(docs), "dispatches": [dispatch_summary(d) for d in docs]}
    )


async def stories(request: web.Request) -> web.Response:
    """Story records updated in a window: ``since`` (as /api/alerts) or ``period`` (as /api/stats/*)."""
    query = request.query
    limit = params.bounded_int(query.get("limit"), "limit", default=50, low=1, high=200)
    min_sources = params.bounded_int(query.get("min_sources"), "min_sources", default=0, low=0, high=100_000)
    breaking = params.flag(query.get("breaking"), "breaking")
    order = params.story_order(query.get("order"))
    window: params.Window | None = None
    if query.get("period"):
        if query.get("since"):
            raise params.InvalidParameter("since", "give since or period, not both")
        data_range = await blocking(request, lambda b: b.data_range())
        window = params.window(query.get("period"), None, data_range)
        since: datetime | None = datetime.fromtimestamp(window.since, tz=UTC)
    else:
        since = params.since_time(query.get("since"))
    wanted = StoryFilter(since, limit, breaking=breaking, min_sources=min_sources, order=order)
    found = await blocking(request, lambda b: b.stories(wanted))
    return json_response(
        {
            "count": len(found),
            "since": format_time(since) if since is not None else None,
            "period": window.period if window is not None else None,
            "order": order,
            "stories": found,
        }
    )


async def story(request: web.Request) -> web.Response:
    story_id = params.story_id(request.match_info["id"])
    limit = params.bounded_int(request.query.get("limit"), "limit", default=100, low=1, high=500)

    def gather(backend: DashboardBackend) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[Alert]]:
        record = backend.story(story_id)
        if record is None:
            return None, [], []
        alerts = backend.story_alerts(story_id, story_alerts_since(record), 100)
        return record, backend.story_dispatches(story_id, limit), alerts

    record, members, alerts = await blocking(request, gather)
    if record is None:
        return json_error(404, "not_found", f"no story with id {story_id}")
    return json_response(
        {**record, "members": [story_member(d) for d in members], "alerts": [alert_view(a) for a in alerts]}
    )


async def feeds(request: web.Request) -> web.Response:
    rows = await blocking(request, lambda b: b.feeds())
    body: dict[str, Any] = {"count": len(rows), "feeds": rows}
    note = getattr(request.app[BACKEND], "feed_health_note", None)  # why there are none, when it is not this process's
    if note:
        body["note"] = note
    return json_response(body)


async def stats(request: web.Request) -> web.Response:
    counts = await blocking(request, lambda b: b.counts())
    bus = request.app[BUS]
    return json_response(
        {
            "store": counts,
            "live": {"subscribers": bus.subscriber_count, "published": bus.published, "dropped": bus.dropped},
        }
    )


async def stats_countries(request: web.Request) -> web.Response:
    top = params.bounded_int(request.query.get("top"), "top", default=8, low=1, high=50)
    country = params.country_code(request.query.get("country"))
    data_range = await blocking(request, lambda b: b.data_range())
    window = params.window(request.query.get("period"), request.query.get("bucket"), data_range)
    buckets = await blocking(
        request, lambda b: b.mentions_per_country(window.since, window.until, window.bucket_seconds, top, country)
    )
    return json_response(
        {
            **_window_json(window),
            "series": [
                {
                    "bucket_start": format_time_ts(b.bucket_start),
                    "code": b.code,
                    "name": b.name,
                    "dispatches": b.dispatches,
                    "mentions": b.mentions,
                }
                for b in buckets
            ],
        }
    )


async def stats_top(request: web.Request) -> web.Response:
    kind = request.query.get("kind", "officials")
    if kind not in ENTITY_KINDS:
        raise params.InvalidParameter("kind", f"one of {', '.join(ENTITY_KINDS)}")
    limit = params.bounded_int(request.query.get("limit"), "limit", default=10, low=1, high=300)
    country = params.country_code(request.query.get("country"))
    data_range = await blocking(request, lambda b: b.data_range())
    window = params.window(request.query.get("period"), None, data_range)
    rows = await blocking(request, lambda b: b.top_entities(kind, window.since, window.until, limit, country))
    return json_response(
        {
            **_window_json(window),
            "kind": kind,
            "entities": [
                {
                    "name": r.name,
                    "detail": r.detail,
                    "country": r.country,
                    "dispatches": r.dispatches,
                    "mentions": r.mentions,
                }
                for r in rows
            ],
        }
    )


async def metrics(request: web.Request) -> web.Response:
    body, content_type = request.app[METRICS].exposition(request.headers.get("Accept"))
    response = web.Response(body=body)
    response.headers["Content-Type"] = content_type
    return response


async def openapi(request: web.Request) -> web.Response:
    return json_response(OPENAPI)


async def healthz(request: web.Request) -> web.Response:
    return json_response({"status": "ok"})


async def events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: ``alert`` and ``dispatch`` as they are stored; ``lagged`` when events were dropped."""
    kinds_raw = request.query.get("kinds")
    kinds = set(kinds_raw.split(",")) if kinds_raw else set(STREAM_KINDS)
    if not kinds <= STREAM_KINDS:
        raise params.InvalidParameter("kinds", f"a comma-separated subset of {', '.join(sorted(STREAM_KINDS))}")
    bus = request.app[BUS]
    try:
        subscription = bus.subscribe(kinds)
    except TooManySubscribers as exc:
        return json_error(503, "too_many_streams", str(exc))
    gauge = request.app[METRICS].event_subscribers
    gauge.inc()
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            "X-Accel-Buffering": "no",  # a reverse proxy must not buffer the stream
        }
    )
    try:
        with subscription:
            await response.prepare(request)
            await response.write(b"retry: 3000\n: connected\n\n")
            reported_drops = 0
            while True:
                try:
                    event = await asyncio.wait_for(subscription.get(), timeout=KEEPALIVE_SECONDS)
                except TimeoutError:
                    await response.write(b": keep-alive\n\n")
                    continue
                except BusClosed:
                    break
                if subscription.dropped > reported_drops:
                    await response.write(_sse("lagged", {"dropped": subscription.dropped}))
                    reported_drops = subscription.dropped
                await response.write(_sse(event.kind, _present(event), event.id))
    except (ConnectionResetError, asyncio.CancelledError):
        pass  # the browser went away
    finally:
        gauge.dec()
    return response


def _present(event: Event) -> dict[str, Any]:
    if event.kind == "dispatch":
        return dispatch_summary(event.data)
    if event.kind == "alert":
        data = dict(event.data)
        data.setdefault("key", f"{data.get('rule', {}).get('id')}:{data.get('dispatch_id')}")
        data["url"] = safe_url(data.get("url"))
        if isinstance(data.get("latest"), dict):
            data["latest"] = {**data["latest"], "url": safe_url(data["latest"].get("url"))}
        return data
    return event.data


def _sse(kind: str, data: dict[str, Any], event_id: int | None = None) -> bytes:
    # json.dumps escapes newlines, so one data: line always carries the whole event.
    lines = [f"event: {kind}"]
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines.append("data: " + json.dumps(data, ensure_ascii=False, default=str))
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def _window_json(window: params.Window) -> dict[str, Any]:
    return {
        "period": window.period,
        "since": format_time_ts(window.since),
        "until": format_time_ts(window.until),
        "bucket": window.bucket,
    }


def format_time_ts(ts: float) -> str:
    return format_time(datetime.fromtimestamp(ts, tz=UTC))


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/search", search)
    app.router.add_get("/api/alerts", alerts)
    app.router.add_get("/api/dispatches", latest)
    app.router.add_get("/api/dispatches/{id}", dispatch)
    app.router.add_get("/api/stories", stories)
    app.router.add_get("/api/stories/{id}", story)
    app.router.add_get("/api/feeds", feeds)
    app.router.add_get("/api/stats", stats)
    app.router.add_get("/api/stats/countries", stats_countries)
    app.router.add_get("/api/stats/top", stats_top)
    app.router.add_get("/api/events", events)
    app.router.add_get("/api/openapi.json", openapi)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/healthz", healthz)
