"""The full-text stage in distributed mode, against the real broker and a real HTTP site on 127.0.0.1:
producer → dispatches.fetch → `wirewatch fetcher` → dispatches.raw, dead letters, and a fetcher killed
(SIGKILL) in the middle of a batch losing nothing.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from tests.integration.es_support import produce, read_topic
from tests.integration.kafka_support import REPO
from wirewatch.app.services.producer import run_producer
from wirewatch.models import Dispatch
from wirewatch.producers.fulltext.fetcher import ArticleFetcher
from wirewatch.producers.fulltext.service import FetcherService
from wirewatch.settings import FeedConfig, FullTextSettings, KafkaSettings, PollerSettings, Settings
from wirewatch.topics import admin_client, ensure_topics

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

TEASER = "Officers read a statement on state radio."
PARAGRAPHS = [
    "Officers read a statement on state radio in the capital and said the armed forces had taken control.",
    "They announced a curfew from dusk to dawn and closed the land borders until further notice.",
    "The regional bloc ECOWAS condemned the seizure of power and called its heads of state to a summit.",
]


def page(title: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    menu = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(30))
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title></head><body><nav><ul>{menu}</ul></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Contact us. Privacy.</footer></body></html>"
    )


@dataclass
class Site:
    base: str = ""
    items: int = 0
    hits: list[str] = field(default_factory=list)
    slow: set[str] = field(default_factory=set)  # paths that answer only after a long pause

    def rss(self) -> bytes:
        entries = "".join(
            f"<item><title>Story {i}</title><link>{self.base}/story/{i}</link><guid>{self.base}/story/{i}</guid>"
            f"<description>{TEASER} Item {i}.</description></item>"
            for i in range(self.items)
        )
        long_one = (
            f"<item><title>Long one</title><link>{self.base}/long</link><guid>{self.base}/long</guid>"
            f"<description>{'A full text already. ' * 60}</description></item>"
        )
        return f"<rss version='2.0'><channel><title>Wire</title>{entries}{long_one}</channel></rss>".encode()


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    state = Site()

    async def handle(request: web.Request) -> web.Response:
        state.hits.append(request.path)
        if request.path == "/feed.xml":
            return web.Response(body=state.rss(), content_type="application/rss+xml")
        if request.path in state.slow:
            await asyncio.sleep(30)
        if request.path.startswith("/story/"):
            return web.Response(text=page(f"Story {request.path.rsplit('/', 1)[1]}"), content_type="text/html")
        return web.Response(status=404)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    http = web.TCPSite(runner, "127.0.0.1", 0)
    await http.start()
    state.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield state
    await runner.cleanup()


@pytest.fixture
def kafka(kafka_bootstrap: str) -> Iterator[KafkaSettings]:
    run = f"wwfetch-{uuid.uuid4().hex[:10]}"
    settings = KafkaSettings(
        bootstrap_servers=[kafka_bootstrap],
        client_id=run,
        topic_fetch=f"{run}.fetch",
        topic_raw=f"{run}.raw",
        topic_tagged=f"{run}.tagged",
        topic_alerts=f"{run}.alerts",
        topic_dead=f"{run}.dead",
        topic_rules=f"{run}.rules",
        topic_learned=f"{run}.learned",
        fetcher_group=f"{run}-fetcher",
        producer_store=Path(f"/tmp/{run}-producer.db"),
        partitions=2,
        linger_ms=5,
    )
    ensure_topics(settings)
    yield settings
    admin = admin_client(settings)
    try:
        names = [settings.topic_fetch, settings.topic_raw, settings.topic_tagged, settings.topic_alerts]
        admin.delete_topics([*names, settings.topic_dead, settings.topic_rules, settings.topic_learned])
    except Exception:
        pass
    finally:
        admin.close()
    settings.producer_store.unlink(missing_ok=True)


def fulltext_settings() -> FullTextSettings:
    return FullTextSettings(per_host_delay=0.0, per_host_concurrency=4, connect_timeout=2.0, read_timeout=3.0)


def keys(records: list) -> list[str]:
    return [r.key.decode() for r in records]


async def test_producer_routes_teasers_to_the_fetcher_which_publishes_articles(
    site: Site, kafka: KafkaSettings, tmp_path: Path
) -> None:
    site.items = 4
    settings = Settings(
        feeds=[FeedConfig(name="wire", url=site.base + "/feed.xml")],
        poller=PollerSettings(per_host_delay=0.0),
        fulltext=fulltext_settings(),
        kafka=kafka,
    )
    await run_producer(settings, once=True, once_timeout=60.0, status_interval=600.0)
    # the four teasers wait for the fetcher; the long item needs no article and goes straight on
    pending = await asyncio.to_thread(read_topic, kafka.bootstrap_servers[0], kafka.topic_fetch, 4)
    direct = await asyncio.to_thread(read_topic, kafka.bootstrap_servers[0], kafka.topic_raw, 1)
    assert len(pending) == 4 and len(direct) == 1
    assert json.loads(direct[0].value)["title"] == "Long one"
    assert all(json.loads(r.value)["fulltext"]["status"] == "pending" for r in pending)
    # and a record that is no dispatch at all
    await asyncio.to_thread(produce, kafka.bootstrap_servers[0], kafka.topic_fetch, [(b"junk", b"{not json")])

    service = FetcherService(kafka, ArticleFetcher(fulltext_settings(), user_agent="wirewatch/test"), batch=16)
    await service.start()
    stop = asyncio.Event()
    task = asyncio.create_task(service.run(stop))
    try:
        raw = await asyncio.to_thread(read_topic, kafka.bootstrap_servers[0], kafka.topic_raw, 5, 60.0)
    finally:
        stop.set()
        await task
        await service.close()
    articles = {json.loads(r.value)["title"]: Dispatch.from_dict(json.loads(r.value)) for r in raw}
    assert set(articles) == {"Long one", "Story 0", "Story 1", "Story 2", "Story 3"}
    for i in range(4):
        story = articles[f"Story {i}"]
        assert story.fulltext is not None and story.fulltext.status == "extracted"
        assert story.teaser == f"{TEASER} Item {i}." and PARAGRAPHS[2] in story.text
    dead = await asyncio.to_thread(read_topic, kafka.bootstrap_servers[0], kafka.topic_dead, 1)
    letter = json.loads(dead[0].value)
    assert letter["stage"] == "fetcher" and letter["key"] == "junk" and "not JSON" in letter["reason"]
    assert service.counters.extracted == 4 and service.counters.dead == 1


def fetcher_process(config: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "wirewatch.app.cli.main", "--config", str(config), "fetcher"],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


async def test_a_fetcher_killed_mid_batch_loses_nothing(site: Site, kafka: KafkaSettings, tmp_path: Path) -> None:
    dispatches = [
        Dispatch.from_dict(
            {
                "id": f"kill-{i}",
                "source": "wire",
                "title": f"Story {i}",
                "text": TEASER,
                "url": f"{site.base}/story/{i}",
                "published": "2026-12-01T10:00:00Z",
                "fetched": "2026-12-01T10:00:00Z",
                "fulltext": {"status": "pending", "private_ok": True},
            }
        )
        for i in range(6)
    ]
    site.slow = {"/story/5"}  # holds the first fetcher's batch open until it is killed
    await asyncio.to_thread(
        produce,
        kafka.bootstrap_servers[0],
        kafka.topic_fetch,
        [(d.id.encode(), json.dumps(d.to_dict()).encode()) for d in dispatches],
    )
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        f"[fulltext]\nper_host_delay = 0.0\nper_host_concurrency = 8\nread_timeout = 60.0\n"
        f'[kafka]\nbootstrap_servers = {json.dumps(kafka.bootstrap_servers)}\nclient_id = "{kafka.client_id}"\n'
        f'topic_fetch = "{kafka.topic_fetch}"\ntopic_raw = "{kafka.topic_raw}"\ntopic_dead = "{kafka.topic_dead}"\n'
        f'fetcher_group = "{kafka.fetcher_group}"\n',
        encoding="utf-8",
    )
    log = tmp_path / "fetcher.log"
    first = fetcher_process(config, log)
    try:
        deadline = time.monotonic() + 90
        while "/story/5" not in site.hits:  # the batch is in hand, its slow page pending
            assert first.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            await asyncio.sleep(0.2)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        site.slow = set()
        second = fetcher_process(config, log)
        try:
            wanted = {d.id for d in dispatches}
            deadline = time.monotonic() + 90
            raw: list[Any] = []
            while {r.key.decode() for r in raw} != wanted and time.monotonic() < deadline:
                raw = await asyncio.to_thread(read_topic, kafka.bootstrap_servers[0], kafka.topic_raw, 99, 3.0)
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(30)
    finally:
        if first.poll() is None:
            first.kill()
    # every dispatch at least once (some twice, by design: re-fetched after the crash), each extracted
    assert set(keys(raw)) == {d.id for d in dispatches}, log.read_text()
    assert all(json.loads(r.value)["fulltext"]["status"] == "extracted" for r in raw)


async def test_feeds_added_and_paused_through_the_feeds_topic_reach_a_running_producer(
    site: Site, kafka: KafkaSettings, tmp_path: Path
) -> None:
    """`wirewatch feeds add/pause --kafka` write the compacted feeds topic; the running producer follows it."""
    from wirewatch.app.cli.main import main

    kafka.topic_feeds = f"{kafka.client_id}.feeds"
    site.items = 2
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        f"[poller]\nper_host_delay = 0.0\n"
        f"[kafka]\nbootstrap_servers = {json.dumps(kafka.bootstrap_servers)}\n"
        f'topic_feeds = "{kafka.topic_feeds}"\ntopic_raw = "{kafka.topic_raw}"\ntopic_fetch = "{kafka.topic_fetch}"\n'
        f'producer_store = "{tmp_path / "producer.db"}"\n',
        encoding="utf-8",
    )
    settings = Settings(
        poller=PollerSettings(per_host_delay=0.0), kafka=replace(kafka, producer_store=tmp_path / "producer.db")
    )
    stop = asyncio.Event()
    producer = asyncio.create_task(run_producer(settings, status_interval=600.0, stop=stop))
    try:
        await asyncio.sleep(1.0)
        code = await asyncio.to_thread(
            main,
            [
                "--config",
                str(config),
                "feeds",
                "add",
                site.base + "/feed.xml",
                "--name",
                "wire",
                "--interval",
                "1",
                "--fulltext",
                "never",
                "--kafka",
            ],
        )
        assert code == 0
        raw = await asyncio.to_thread(read_topic, kafka.bootstrap_servers[0], kafka.topic_raw, 3, 60.0)
        assert {json.loads(r.value)["title"] for r in raw} == {"Story 0", "Story 1", "Long one"}
        await asyncio.sleep(2.5)
        assert site.hits.count("/feed.xml") >= 2  # polled every second
        assert await asyncio.to_thread(main, ["--config", str(config), "feeds", "pause", "wire", "--kafka"]) == 0
        await asyncio.sleep(3.0)
        polls = site.hits.count("/feed.xml")
        code = await asyncio.to_thread(main, ["--config", str(config), "feeds", "--kafka", "--json"])
        assert code == 0
        await asyncio.sleep(2.0)
        assert site.hits.count("/feed.xml") == polls  # paused
    finally:
        stop.set()
        await producer
