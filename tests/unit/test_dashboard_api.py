"""The dashboard's JSON API over a real store filled by the real pipeline, through real HTTP."""

import asyncio
import json

import pytest

from tests.unit.dashboard_fixtures import HOSTILE_TITLE, fill_store, running_dashboard
from wirewatch.events import EventBus
from wirewatch.metrics import Metrics


@pytest.fixture
async def store_path(tmp_path):
    settings = await fill_store(tmp_path)
    return settings.store.path


async def get_json(session, url, expect=200):
    async with session.get(url) as response:
        assert response.status == expect, await response.text()
        assert response.headers["Content-Type"].startswith("application/json")
        return await response.json()


async def test_search_returns_hits_with_highlight_segments(store_path):
    async with running_dashboard(store_path) as (url, session):
        data = await get_json(session, f"{url}/api/search?q=coup%20AND%20countries.code:TR&limit=10")
    ids = {hit["id"] for hit in data["hits"]}
    assert ids == {"seed", "hostile"}  # Niger's coup is not in Turkey
    seed = next(h for h in data["hits"] if h["id"] == "seed")
    marked = [text.lower() for fragment in seed["highlights"]["text"] for text, mark in fragment if mark == "match"]
    assert "coup" in marked
    assert ["Turkey", "country"] in seed["excerpt_segments"] or any(m == "country" for _, m in seed["title_segments"])


async def test_a_query_syntax_error_is_a_400_with_its_position(store_path):
    async with running_dashboard(store_path) as (url, session):
        data = await get_json(session, f"{url}/api/search?q=coup%20AND%20(Turkey", expect=400)
        assert data["error"]["code"] == "query_syntax" and isinstance(data["error"]["position"], int)
        unknown = await get_json(session, f"{url}/api/search?q=nosuchfield:x", expect=400)
        assert unknown["error"]["position"] == 0
        missing = await get_json(session, f"{url}/api/search", expect=400)
        assert missing["error"]["parameter"] == "q"


@pytest.mark.parametrize("query", ["limit=0", "limit=501", "limit=ten", "since=yesterday"])
async def test_alert_inputs_are_validated(store_path, query):
    async with running_dashboard(store_path) as (url, session):
        data = await get_json(session, f"{url}/api/alerts?{query}", expect=400)
    assert data["error"]["code"] == "invalid_parameter"


async def test_alerts_newest_first_and_since_filters(store_path):
    async with running_dashboard(store_path) as (url, session):
        everything = await get_json(session, f"{url}/api/alerts")
        limited = await get_json(session, f"{url}/api/alerts?limit=1")
        future = await get_json(session, f"{url}/api/alerts?since=2999-01-01T00:00:00Z")
    rules = {(a["rule"]["name"], a["dispatch_id"]) for a in everything["alerts"]}
    assert ("coup in Turkey", "seed") in rules and ("coup", "niger") in rules
    assert ("coup in Turkey", "niger") not in rules
    assert limited["count"] == 1 and future["count"] == 0
    times = [a["at"] for a in everything["alerts"]]
    assert times == sorted(times, reverse=True)


async def test_one_dispatch_with_entity_segments_and_404_for_an_unknown_id(store_path):
    async with running_dashboard(store_path) as (url, session):
        data = await get_json(session, f"{url}/api/dispatches/seed")
        await get_json(session, f"{url}/api/dispatches/nope", expect=404)
        bad = await get_json(session, f"{url}/api/dispatches/a%20b", expect=400)
    assert data["dispatch"]["id"] == "seed"
    marks = {(text, mark) for text, mark in data["segments"]["text"] if mark}
    assert ("Turkey", "country") in marks and ("Iran", "country") in marks
    # Joined back, the segments are the text unchanged.
    assert "".join(text for text, _ in data["segments"]["text"]) == data["dispatch"]["text"]
    assert bad["error"]["parameter"] == "id"


async def test_feed_supplied_urls_other_than_http_are_never_links(store_path):
    async with running_dashboard(store_path) as (url, session):
        latest = await get_json(session, f"{url}/api/dispatches?limit=10")
    hostile = next(d for d in latest["dispatches"] if d["id"] == "hostile")
    assert hostile["url"] is None and hostile["title"] == HOSTILE_TITLE
    seed = next(d for d in latest["dispatches"] if d["id"] == "seed")
    assert seed["url"] == "https://example.org/seed"


async def test_stats_countries_and_top_entities_come_from_the_stored_documents(store_path):
    async with running_dashboard(store_path) as (url, session):
        day = await get_json(session, f"{url}/api/stats/countries?period=24h")
        week = await get_json(session, f"{url}/api/stats/countries?period=7d&bucket=day")
        officials = await get_json(session, f"{url}/api/stats/top?kind=officials&period=7d")
        counts = await get_json(session, f"{url}/api/stats")
        await get_json(session, f"{url}/api/stats/top?kind=people", expect=400)
        await get_json(session, f"{url}/api/stats/countries?period=20y&bucket=hour", expect=400)
    day_codes = {row["code"] for row in day["series"]}
    week_codes = {row["code"] for row in week["series"]}
    assert "TR" in day_codes and "NE" not in day_codes  # Niger's dispatch is two days old
    assert {"TR", "NE"} <= week_codes and week["bucket"] == "day"
    turkey = sum(row["dispatches"] for row in week["series"] if row["code"] == "TR")
    assert turkey == 2  # the seed and the hostile dispatch
    names = [e["name"] for e in officials["entities"]]
    assert "Mohamed Bazoum" in names
    assert counts["store"]["dispatches"] == 3


async def test_feeds_endpoint_reports_stored_feed_health(tmp_path):
    settings = await fill_store(tmp_path, [])
    from wirewatch.sinks.sqlite.store import SQLiteStore

    with SQLiteStore(settings.store.path) as store:
        store.save_feed_state(
            "broken",
            {
                "name": "broken",
                "url": "http://x.invalid/",
                "consecutive_failures": 3,
                "last_error": "HTTP 503",
                "backoff_seconds": 240.0,
                "etag": '"e"',
            },
        )
        store.save_feed_state(
            "fine",
            {"name": "fine", "url": "http://y.invalid/", "last_success": "2026-01-01T00:00:00Z", "items_seen": 12},
        )
    async with running_dashboard(settings.store.path) as (url, session):
        data = await get_json(session, f"{url}/api/feeds")
    by_name = {f["name"]: f for f in data["feeds"]}
    assert by_name["broken"]["status"] == "failing" and by_name["broken"]["backoff_seconds"] == 240.0
    assert by_name["fine"]["status"] == "ok" and by_name["fine"]["items_seen"] == 12
    assert "etag" not in by_name["broken"]


async def test_metrics_endpoint_exposes_the_registry(store_path):
    metrics = Metrics()
    metrics.alerts_fired.inc(4)
    async with running_dashboard(store_path, metrics=metrics) as (url, session):
        async with session.get(f"{url}/metrics") as response:
            body = await response.text()
            assert response.status == 200 and response.headers["Content-Type"].startswith("text/plain")
    assert "wirewatch_alerts_fired_total 4.0" in body
    assert "wirewatch_tagging_seconds_bucket" in body


async def test_openapi_document_lists_every_api_route(store_path):
    async with running_dashboard(store_path) as (url, session):
        spec = await get_json(session, f"{url}/api/openapi.json")
        for path in spec["paths"]:
            if "{" in path or path == "/api/events":
                continue
            async with session.get(url + path, params={"q": "coup"} if path == "/api/search" else None) as response:
                assert response.status == 200, path
    assert spec["openapi"].startswith("3.")


async def test_event_stream_sends_published_alerts_as_sse(store_path):
    bus = EventBus()
    async with running_dashboard(store_path, bus=bus) as (url, session):
        async with session.get(f"{url}/api/events?kinds=alert") as response:
            assert response.headers["Content-Type"].startswith("text/event-stream")
            await response.content.readuntil(b"\n\n")  # the greeting: the subscription exists now
            bus.publish("dispatch", {"id": "ignored"})
            bus.publish(
                "alert",
                {
                    "rule": {"id": "r", "name": "coup"},
                    "dispatch_id": "d1",
                    "title": "<b>x</b>",
                    "url": "javascript:1",
                    "at": "2026-01-01T00:00:00Z",
                },
            )
            frame = (await asyncio.wait_for(response.content.readuntil(b"\n\n"), timeout=10)).decode()
    lines = dict(line.split(": ", 1) for line in frame.strip().splitlines())
    assert lines["event"] == "alert"
    data = json.loads(lines["data"])
    assert data["title"] == "<b>x</b>" and data["url"] is None and data["key"] == "r:d1"


async def test_stream_parameters_are_validated_and_streams_are_bounded(store_path):
    bus = EventBus(max_subscribers=1)
    async with running_dashboard(store_path, bus=bus) as (url, session):
        await get_json(session, f"{url}/api/events?kinds=secrets", expect=400)
        async with session.get(f"{url}/api/events") as first:
            await first.content.readuntil(b"\n\n")
            await get_json(session, f"{url}/api/events", expect=503)
