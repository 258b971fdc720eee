"""The dashboard over Elasticsearch answers like the dashboard over SQLite, on the real node.

The embedded pipeline (real Tagger, real rule matcher) fills a SQLite store
with the seed dispatch, a hostile one and a few more; the very same documents
and alerts are then indexed into a private Elasticsearch layout. Two dashboards
run side by side on 127.0.0.1 (one per backend) and every API endpoint is
compared: same shapes, same values (search scores and highlight fragmenting
are the engines' own and are checked for what they must contain instead).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from elasticsearch.helpers import async_bulk

from tests.integration.es_support import es_settings_for, index_docs, simple_tagged
from tests.unit.dashboard_fixtures import HOSTILE_TITLE, fill_store, running_dashboard, sample_dispatches
from wirewatch.app.dashboard import AccessPolicy, DashboardServer, StoreWatcher, create_app
from wirewatch.app.dashboard.es_backend import FEEDS_KEPT_BY_PRODUCER, ElasticsearchBackend
from wirewatch.events import EventBus
from wirewatch.models import Alert, Dispatch, Rule, StoryFilter, TaggedDispatch, parse_time, utcnow
from wirewatch.settings import ElasticsearchSettings, KafkaSettings, Settings
from wirewatch.sinks.elasticsearch.client import build_client
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.sqlite.store import SQLiteStore

LIVE_WAIT_SECONDS = 20.0


def extra_dispatches() -> list[Dispatch]:
    """A few more than the shared sample: several countries, officials and agencies over several days."""
    now = utcnow()
    return [
        Dispatch(
            id="ankara",
            source="wire",
            title="Erdogan says coup plotters will pay",
            text="President Recep Tayyip Erdogan said in Ankara that the coup plotters in Turkey would pay. "
            "Reuters reported arrests across Turkey and in Istanbul.",
            published=now - timedelta(days=1, hours=1),
            fetched=now,
            url="https://example.org/ankara",
        ),
        Dispatch(
            id="sahel",
            source="desk",
            title="Mali and Niger juntas meet",
            text="Leaders of Mali and Niger met in Bamako. Mali said the talks with Niger went well; "
            "Burkina Faso sent an envoy.",
            published=now - timedelta(days=4),
            fetched=now,
        ),
    ]


def alert_documents(store: SQLiteStore, alerts: list[Alert]) -> list[Alert]:
    """What the sink indexes for these alerts: one document per (rule, dispatch), as the stories stage publishes
    them (the SQLite store keeps one row per alert and the dispatches it covers)."""
    documents = []
    for alert in alerts:
        rule = Rule(alert.rule_id, alert.rule_name, alert.rule_query, group_by=alert.group_by, updates=alert.updates)
        for dispatch_id in store.alert_hits(alert.key):
            doc = store.get(dispatch_id)
            assert doc is not None
            hit = Alert.for_dispatch(rule, TaggedDispatch.from_doc(doc), alert.matched)
            if dispatch_id == alert.dispatch_id:
                hit.at = alert.at
            elif alert.latest and dispatch_id == alert.latest["dispatch_id"]:
                hit.at = parse_time(alert.latest["at"])
            else:
                hit.at = alert.at + (parse_time(alert.latest["at"]) - alert.at) / 2 if alert.latest else alert.at
            documents.append(hit)
    return documents


async def index_alerts(settings: ElasticsearchSettings, alerts: list[Alert]) -> None:
    client = build_client(settings)
    try:
        actions = [{"_index": settings.alerts_index, "_id": a.hit_key, "_source": a.to_dict()} for a in alerts]
        await async_bulk(client, actions, refresh="wait_for")
    finally:
        await client.close()


async def index_stories(settings: ElasticsearchSettings, records: list[dict[str, Any]]) -> None:
    """Story records as the sink writes them: _id = story id, into the stories index."""
    client = build_client(settings)
    try:
        actions = [{"_index": settings.stories_index, "_id": r["id"], "_source": r} for r in records]
        await async_bulk(client, actions, refresh="wait_for")
    finally:
        await client.close()


def stored_doc(store: SQLiteStore, dispatch_id: str) -> dict[str, Any]:
    doc = store.get(dispatch_id)
    assert doc is not None, dispatch_id
    return doc


def es_backend_settings(es: ElasticsearchSettings, ledger: Path) -> Settings:
    es.enabled = True
    return Settings(elasticsearch=es, kafka=KafkaSettings(producer_store=ledger))


@asynccontextmanager
async def es_dashboard(
    settings: Settings, *, scan_limit: int | None = None, bus: EventBus | None = None
) -> AsyncIterator[tuple[str, aiohttp.ClientSession, ElasticsearchBackend]]:
    backend = (
        ElasticsearchBackend(settings) if scan_limit is None else ElasticsearchBackend(settings, scan_limit=scan_limit)
    )
    server = DashboardServer(create_app(backend, bus=bus, policy=AccessPolicy(bind="127.0.0.1")), "127.0.0.1", 0)
    url = await server.start()
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
            yield url, session, backend
    finally:
        await server.stop()
        backend.close()


async def get_json(session: aiohttp.ClientSession, url: str, status: int = 200) -> Any:
    async with session.get(url) as response:
        assert response.status == status, (url, response.status, await response.text())
        assert response.content_type == "application/json"
        return await response.json()


@pytest.fixture
async def both(tmp_path: Path, es_layout: ElasticsearchSettings):
    """(SQLite dashboard, ES dashboard, store path, ES settings) over the same dispatches and alerts."""
    settings = await fill_store(tmp_path, sample_dispatches() + extra_dispatches())
    store = SQLiteStore(settings.store.path)
    try:
        ids = [row[0] for row in store.conn.execute("SELECT id FROM dispatches ORDER BY seq")]
        docs = [stored_doc(store, i) for i in ids]
        alerts = store.alerts(limit=1000)
        hits = alert_documents(store, alerts)
        stories = store.stories(StoryFilter(limit=1000))
    finally:
        store.close()
    assert len(docs) == 5 and alerts, "the pipeline stored the sample and fired alerts"
    assert stories and all(doc.get("story") for doc in docs), "the pipeline grouped the sample into stories"
    await index_docs(es_layout, docs)
    await index_alerts(es_layout, hits)
    await index_stories(es_layout, stories)
    es_settings = es_backend_settings(es_layout, tmp_path / "no-ledger-here.db")
    async with running_dashboard(settings.store.path) as (sqlite_url, sqlite_session):
        async with es_dashboard(es_settings) as (es_url, es_session, backend):
            yield {
                "sqlite": (sqlite_url, sqlite_session),
                "es": (es_url, es_session),
                "backend": backend,
                "ids": ids,
                "alerts": alerts,
                "stories": stories,
                "settings": es_settings,
                "tmp": tmp_path,
            }


async def from_both(both: dict[str, Any], path: str, status: int = 200) -> tuple[Any, Any]:
    sqlite_url, sqlite_session = both["sqlite"]
    es_url, es_session = both["es"]
    return await get_json(sqlite_session, sqlite_url + path, status), await get_json(es_session, es_url + path, status)


async def test_dispatches_latest_and_one_dispatch_match_sqlite(both) -> None:
    lite, es = await from_both(both, "/api/dispatches?limit=50")
    assert es["count"] == lite["count"] == 5
    # Same summaries (entities marked the same way); order: SQLite by storage, ES by tagged_at.
    assert sorted(es["dispatches"], key=lambda d: d["id"]) == sorted(lite["dispatches"], key=lambda d: d["id"])
    tagged = {}
    for dispatch_id in both["ids"]:
        one_lite, one_es = await from_both(both, f"/api/dispatches/{dispatch_id}")
        assert one_es == one_lite
        tagged[dispatch_id] = one_es["dispatch"]["tagged_at"]
    order = [d["id"] for d in es["dispatches"]]
    # Newest tagged first; `date` keeps milliseconds, and the id breaks ties within one.
    keys = [(tagged[i][:23], i) for i in order]
    assert keys == sorted(keys, reverse=True)
    seed = (await from_both(both, "/api/dispatches/seed"))[1]
    assert {c["code"] for c in seed["dispatch"]["countries"]} >= {"IR", "TR", "SY"}  # the real tagger ran
    assert ["Turkey", "country"] in seed["segments"]["text"]

    lite_missing, es_missing = await from_both(both, "/api/dispatches/nosuchdispatch", status=404)
    assert es_missing == lite_missing
    _lite_small, es_small = await from_both(both, "/api/dispatches?limit=2")
    assert es_small["count"] == 2 and [d["id"] for d in es_small["dispatches"]] == order[:2]


async def test_alerts_and_counts_match_sqlite(both) -> None:
    lite, es = await from_both(both, "/api/alerts?limit=500")
    assert es["count"] == lite["count"] == len(both["alerts"])
    assert sorted(es["alerts"], key=lambda a: a["key"]) == sorted(lite["alerts"], key=lambda a: a["key"])
    # the latest first: by when each fired or (a story's alert) last grew, to the millisecond `date` keeps
    at_ms = [max(a["at"], a["updated_at"] or a["at"])[:23] for a in es["alerts"]]
    assert at_ms == sorted(at_ms, reverse=True)
    assert [a["key"] for a in es["alerts"]] == [a["key"] for a in lite["alerts"]]
    # Grouped by story: the seed's story took in the hostile and the Ankara dispatches, its alerts grew.
    assert {a["dispatch_id"] for a in es["alerts"]} >= {"seed", "niger"}
    assert max(a["hits"] for a in es["alerts"]) > 1
    assert "javascript:" not in json.dumps(es["alerts"])  # javascript: links are never passed on

    lite_recent, es_recent = await from_both(both, "/api/alerts?since=1h&limit=2")
    assert es_recent["count"] == lite_recent["count"] == 2

    lite_stats, es_stats = await from_both(both, "/api/stats")
    assert es_stats["store"] == {
        "dispatches": lite_stats["store"]["dispatches"],
        "alerts": lite_stats["store"]["alerts"],
    }
    assert es_stats["store"]["dispatches"] == 5
    assert es_stats["live"].keys() == lite_stats["live"].keys()


@pytest.mark.parametrize(
    "path",
    [
        "/api/stories",
        "/api/stories?order=sources&limit=2",
        "/api/stories?min_sources=2",
        "/api/stories?breaking=1",
        "/api/stories?since=7d",
        "/api/stories?period=all&order=sources",
    ],
)
async def test_stories_match_sqlite(both, path: str) -> None:
    lite, es = await from_both(both, path)
    for listing in (lite, es):
        if "since=" in path:  # relative to each request's own "now"
            del listing["since"]
        elif listing["since"] is not None:  # period=all: the stored times; `date` keeps milliseconds, SQLite more
            listing["since"] = listing["since"][:23]
    assert es == lite
    if "breaking" not in path and "min_sources" not in path:
        assert es["count"] >= 1


async def test_one_story_with_members_and_alerts_matches_sqlite(both) -> None:
    for record in both["stories"]:
        lite, es = await from_both(both, f"/api/stories/{record['id']}")
        assert es == lite, record["id"]
        assert es["id"] == record["id"] and len(es["members"]) == record["dispatches"]
    seed_lite, seed_es = await from_both(both, "/api/stories/s-seed?limit=1")
    assert seed_es == seed_lite and len(seed_es["members"]) == 1
    assert seed_es["alerts"] and all(a["story_id"] == "s-seed" for a in seed_es["alerts"])
    lite_missing, es_missing = await from_both(both, "/api/stories/s-nosuchstory", status=404)
    assert es_missing == lite_missing
    es_url, es_session = both["es"]
    async with es_session.get(es_url + "/stories/s-seed") as page:
        assert page.status == 200
        html = await page.text()
    assert "&lt;script&gt;window.__pwned" in html and "<script>window.__pwned" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/api/stats/countries?period=all&bucket=day",
        "/api/stats/countries?period=all&bucket=hour&top=3",
        "/api/stats/countries?period=24h",
        "/api/stats/top?kind=officials&period=all",
        "/api/stats/top?kind=agencies&period=all",
        "/api/stats/top?kind=countries&period=all&limit=4",
        "/api/stats/top?kind=officials&period=24h",
        "/api/stats/top?kind=officials&period=all&country=TR",
        "/api/stats/top?kind=countries&period=all&limit=300",
        "/api/stats/countries?period=all&bucket=day&top=50&country=IR",
        "/api/dispatches?country=TR&period=all",
        "/api/dispatches?official=Recep%20Tayyip%20Erdo%C4%9Fan&period=all",
        "/api/dispatches?agency=IRNA&period=all&limit=5",
    ],
)
async def test_statistics_match_sqlite_exactly(both, path: str) -> None:
    lite, es = await from_both(both, path)
    for window in (lite, es):
        if "period=all" in path:  # the window ends at the stored times; `date` keeps milliseconds, SQLite more
            window["since"], window["until"] = window["since"][:23], window["until"][:23]
        else:  # relative to each request's own "now"
            del window["since"], window["until"]
    assert es == lite
    rows = es.get("series") or es.get("entities") or es.get("dispatches")
    assert rows, f"{path}: the sample mentions something in this window"


async def test_statistics_from_aggregations_keep_dispatch_counts_exact(both, tmp_path: Path) -> None:
    """Above scan_limit the aggregations answer: dispatch counts and ranking as SQLite; mentions never undercount."""
    async with es_dashboard(both["settings"], scan_limit=0) as (url, session, _backend):
        sqlite_url, sqlite_session = both["sqlite"]
        # Every country and official (top/limit above their number), so no rank is decided by a mentions tie-break.
        for path in (
            "/api/stats/countries?period=all&bucket=day&top=50",
            "/api/stats/top?kind=officials&period=all&limit=100",
            "/api/stats/top?kind=agencies&period=all&limit=100",
        ):
            lite = await get_json(sqlite_session, sqlite_url + path)
            agg = await get_json(session, url + path)
            key = "series" if "series" in lite else "entities"
            fields = ("bucket_start", "code", "name", "dispatches") if key == "series" else ("name", "dispatches")
            assert lite[key], path
            assert sorted(tuple(r[f] for f in fields) for r in agg[key]) == sorted(
                tuple(r[f] for f in fields) for r in lite[key]
            )
            exact = {tuple(r[f] for f in fields): r["mentions"] for r in lite[key]}
            assert all(r["mentions"] >= exact[tuple(r[f] for f in fields)] for r in agg[key])


async def test_search_returns_the_same_dispatches_with_highlights(both) -> None:
    for query in ("coup", "countries.code:TR", "coup AND countries.code:NE", "Niger OR Mali"):
        lite, es = await from_both(both, f"/api/search?q={aiohttp.helpers.quote(query, safe='')}")
        assert {h["id"] for h in es["hits"]} == {h["id"] for h in lite["hits"]}, query
        assert es["count"] == lite["count"] and es["scan_limited"] is False
        assert es["hits"][0].keys() == lite["hits"][0].keys()
    _, es = await from_both(both, "/api/search?q=coup")
    marked = [
        text
        for hit in es["hits"]
        for fragments in hit["highlights"].values()
        for fragment in fragments
        for text, mark in fragment
        if mark == "match"
    ]
    assert marked and all(text.lower() == "coup" for text in marked)
    seed = next(h for h in es["hits"] if h["id"] == "seed")
    assert ["Coup", "match"] in seed["highlights"]["title"][0]
    assert "".join(text for text, _ in seed["highlights"]["title"][0]) == seed["title"]

    lite_bad, es_bad = await from_both(both, "/api/search?q=coup%20AND", status=400)
    assert es_bad == lite_bad and es_bad["error"]["code"] == "query_syntax"
    lite_field, es_field = await from_both(both, "/api/search?q=nosuchfield:x", status=400)
    assert es_field == lite_field


async def test_feeds_come_from_the_producer_ledger_or_say_where_they_are(both) -> None:
    es_url, es_session = both["es"]
    none = await get_json(es_session, es_url + "/api/feeds")
    assert none == {"count": 0, "feeds": [], "note": FEEDS_KEPT_BY_PRODUCER}
    async with es_session.get(es_url + "/") as page:
        assert FEEDS_KEPT_BY_PRODUCER in await page.text()

    ledger_path = both["tmp"] / "producer.db"
    ledger = SQLiteStore(ledger_path)
    try:
        ledger.save_feed_state(
            "world-wire",
            {
                "url": "https://example.org/rss",
                "etag": '"abc"',
                "last_success": "2025-01-01T00:00:00Z",
                "consecutive_failures": 0,
                "items_seen": 7,
                "dispatches_new": 3,
            },
        )
        ledger.save_feed_state(
            "broken",
            {
                "url": "https://example.org/x",
                "last_error": "HTTP 500",
                "consecutive_failures": 3,
                "backoff_seconds": 120.0,
            },
        )
    finally:
        ledger.close()
    settings = es_backend_settings(both["settings"].elasticsearch, ledger_path)
    async with es_dashboard(settings) as (url, session, _backend):
        feeds = await get_json(session, url + "/api/feeds")
    assert "note" not in feeds and feeds["count"] == 2
    by_name = {row["name"]: row for row in feeds["feeds"]}
    assert by_name["world-wire"]["status"] == "ok" and "etag" not in by_name["world-wire"]
    assert by_name["world-wire"]["items_seen"] == 7
    assert by_name["broken"]["status"] == "failing" and by_name["broken"]["last_error"] == "HTTP 500"


async def test_the_full_text_rate_per_feed_comes_from_the_index(
    tmp_path: Path, es_layout: ElasticsearchSettings
) -> None:
    """Distributed, the fetcher knows the article outcomes, not the producer: the rate is aggregated from the
    indexed dispatches' fulltext.status."""
    from wirewatch.models import FullText, TaggedDispatch, Tags

    now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    outcomes = [("wire", "extracted"), ("wire", "extracted"), ("wire", "paywall"), ("desk", "failed"), ("desk", None)]
    docs = [
        TaggedDispatch(
            Dispatch(
                id=f"ft-{i}",
                source=source,
                title=f"Item {i}",
                text="Some text.",
                published=now,
                fetched=now,
                fulltext=FullText(status=status) if status else None,  # type: ignore[arg-type]
            ),
            Tags(),
        ).to_doc()
        for i, (source, status) in enumerate(outcomes)
    ]
    await index_docs(es_layout, docs)
    ledger_path = tmp_path / "producer.db"
    with SQLiteStore(ledger_path) as ledger:
        for name in ("wire", "desk"):
            ledger.save_feed_state(name, {"url": f"https://example.org/{name}", "last_success": "2026-12-05T08:00:00Z"})
    async with es_dashboard(es_backend_settings(es_layout, ledger_path)) as (url, session, _backend):
        feeds = {row["name"]: row for row in (await get_json(session, url + "/api/feeds"))["feeds"]}
        page = await (await session.get(url + "/")).text()
    assert (feeds["wire"]["fulltext_tried"], feeds["wire"]["fulltext_extracted"]) == (3, 2)
    assert (feeds["desk"]["fulltext_tried"], feeds["desk"]["fulltext_extracted"]) == (1, 0)
    assert "67% of 3" in page and "0% of 1" in page


async def test_html_pages_escape_a_script_title(both) -> None:
    es_url, es_session = both["es"]
    for path in ("/", "/dispatch/hostile", "/search?q=Ankara", "/stories/s-seed"):
        async with es_session.get(es_url + path) as response:
            assert response.status == 200, path
            html = await response.text()
        assert "<script>window.__pwned" not in html and "<img src=x" not in html, path  # never live markup
        assert "&lt;script&gt;window.__pwned" in html and "&lt;img src=x onerror=" in html, path  # shown as text
    assert HOSTILE_TITLE.startswith("<script>")


async def test_live_stream_delivers_what_is_indexed_after_subscribing(
    tmp_path: Path, es_layout: ElasticsearchSettings
) -> None:
    old = simple_tagged("old-one", title="Old coup story")
    await index_docs(es_layout, [old.to_doc()])
    settings = es_backend_settings(es_layout, tmp_path / "no-ledger.db")
    bus = EventBus()
    stop = asyncio.Event()
    async with es_dashboard(settings, bus=bus) as (url, session, backend):
        watcher = StoreWatcher(backend, bus, interval=0.2)
        await watcher.step()  # starts at the end: what is already indexed is not replayed
        task = asyncio.create_task(watcher.run(stop))
        try:
            async with session.get(url + "/api/events") as stream:
                assert (await asyncio.wait_for(stream.content.readuntil(b"\n\n"), 10)).startswith(b"retry:")
                now = utcnow()
                new = simple_tagged("live-one", title="Soldiers seize power in Niger")
                new.tagged_at = now
                alert = Alert(
                    rule_id="coup",
                    rule_name="coup",
                    rule_query="coup",
                    dispatch_id=new.id,
                    matched=["coup"],
                    at=now,
                    title=new.dispatch.title,
                    source="test",
                    countries=["NE"],
                    url="https://example.test/live-one",
                )
                await index_docs(es_layout, [new.to_doc()])
                await index_alerts(es_layout, [alert])
                events = await asyncio.wait_for(read_events(stream, {"alert", "dispatch"}), LIVE_WAIT_SECONDS)
        finally:
            stop.set()
            await task
        assert await watcher.step() == 0  # delivered once: the lookback re-reads it but does not re-publish
    assert events["dispatch"]["id"] == new.id and events["dispatch"]["title"] == "Soldiers seize power in Niger"
    assert events["alert"]["key"] == alert.key and events["alert"]["dispatch_id"] == new.id


async def read_events(stream: aiohttp.ClientResponse, kinds: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    while not kinds <= found.keys():
        block = (await stream.content.readuntil(b"\n\n")).decode("utf-8")
        lines = dict(
            line.split(": ", 1) for line in block.strip().splitlines() if ": " in line and not line.startswith(":")
        )
        if lines.get("event") in kinds:
            found[lines["event"]] = json.loads(lines["data"])
    return found


async def test_an_index_that_is_not_set_up_reads_as_empty(tmp_path: Path, elasticsearch_url: str) -> None:
    settings = es_backend_settings(es_settings_for(elasticsearch_url), tmp_path / "none.db")
    async with es_dashboard(settings) as (url, session, backend):
        assert backend.health() in ("green", "yellow")
        assert (await get_json(session, url + "/api/dispatches"))["count"] == 0
        assert (await get_json(session, url + "/api/stats"))["store"] == {"dispatches": 0, "alerts": 0}
        assert (await get_json(session, url + "/api/stats/countries?period=all"))["series"] == []
        assert (await get_json(session, url + "/api/stories"))["count"] == 0
        await get_json(session, url + "/api/stories/s-anything", status=404)
        async with session.get(url + "/") as page:
            assert page.status == 200
    assert IndexNames.from_settings(settings.elasticsearch).dispatches_alias.startswith("wwtest-")


async def test_wirewatch_dashboard_command_serves_elasticsearch_when_enabled(
    tmp_path: Path, es_layout: ElasticsearchSettings
) -> None:
    """The real command, as the compose service runs it: config file in, ES documents out, clean exit on SIGTERM."""
    import re
    import signal
    import subprocess
    import sys

    await index_docs(es_layout, [simple_tagged("cli-one").to_doc()])
    config = tmp_path / "dashboard.toml"
    config.write_text(
        '[server]\nbind = "127.0.0.1"\n\n'
        f"[kafka]\nproducer_store = {json.dumps(str(tmp_path / 'producer.db'))}\n\n"
        f"[elasticsearch]\nenabled = true\nhosts = {json.dumps(es_layout.hosts)}\n"
        f'index_prefix = "{es_layout.index_prefix}"\nalerts_index = "{es_layout.alerts_index}"\n',
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from wirewatch.app.cli.main import main; sys.exit(main(sys.argv[1:]))",
            "-c",
            str(config),
            "dashboard",
            "--port",
            "0",
        ],
        cwd=Path(__file__).resolve().parents[2],
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    stderr = process.stderr
    assert stderr is not None  # stderr=PIPE
    try:
        line = await asyncio.wait_for(asyncio.to_thread(stderr.readline), 60)
        found = re.search(r"dashboard on (http://\S+) \(elasticsearch (\S+) \+ (\S+), cluster (\w+)", line)
        assert found, line
        assert found.group(2, 3) == (es_layout.index_prefix, es_layout.alerts_index)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
            latest = await get_json(session, found.group(1) + "/api/dispatches")
            feeds = await get_json(session, found.group(1) + "/api/feeds")
        assert [d["id"] for d in latest["dispatches"]] == [simple_tagged("cli-one").id]
        assert feeds["note"] == FEEDS_KEPT_BY_PRODUCER
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.to_thread(process.wait, 30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        stderr.close()
    assert code == 0


async def test_country_and_official_pages_from_elasticsearch_match_sqlite(both) -> None:
    """The pages, not only the API: the same dispatches listed, and (with kibana_url) a link to Discover."""
    import re

    settings = both["settings"]
    settings.elasticsearch.kibana_url = "http://127.0.0.1:5601"
    sqlite_url, sqlite_session = both["sqlite"]
    try:
        async with es_dashboard(settings) as (url, session, _backend):
            pages = {}
            for name, base, http in (("es", url, session), ("sqlite", sqlite_url, sqlite_session)):
                for path in (
                    "/country/TR?period=all",
                    "/official/Recep%20Tayyip%20Erdo%C4%9Fan?period=all",
                    "/?period=all",
                ):
                    async with http.get(base + path) as response:
                        assert response.status == 200, (name, path)
                        pages[(name, path)] = await response.text()
    finally:
        settings.elasticsearch.kibana_url = None
    for path in ("/country/TR?period=all", "/official/Recep%20Tayyip%20Erdo%C4%9Fan?period=all"):
        listed = {name: re.findall(r'data-id="([^"]+)"', pages[(name, path)]) for name in ("es", "sqlite")}
        assert listed["es"] == listed["sqlite"] and listed["es"], path
    map_counts = {
        name: re.findall(r'aria-label="([^"]+: \d+ dispatch(?:es)?)"', pages[(name, "/?period=all")])
        for name in ("es", "sqlite")
    }
    assert map_counts["es"] == map_counts["sqlite"] and map_counts["es"]
    assert "/app/discover#/?_a=" in pages[("es", "/country/TR?period=all")]
    assert "/app/discover" not in pages[("sqlite", "/country/TR?period=all")]
