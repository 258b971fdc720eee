"""Fixtures shared by the integration test modules (the ones shared beyond this directory, such as
`kafka_bootstrap`, `elasticsearch_url` and `es_layout`, are registered in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from aiohttp import web

from tests.integration.kafka_support import Feed, Worker


@pytest.fixture
async def feed() -> AsyncIterator[Feed]:
    """A `Feed` served over HTTP on 127.0.0.1 at `feed.url`, counting its requests."""
    served = Feed()

    async def handler(request: web.Request) -> web.Response:
        served.requests += 1
        return web.Response(body=served.render(), content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/world.xml", handler)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    served.url = f"http://127.0.0.1:{runner.addresses[0][1]}/world.xml"
    try:
        yield served
    finally:
        await runner.cleanup()


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Callable[..., Worker]]:
    """Start workers through this factory; every one is stopped at the end, whatever happens."""
    started: list[Worker] = []

    def start(config: Path, name: str, *extra: str) -> Worker:
        worker = Worker(config, tmp_path, name, list(extra)).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
