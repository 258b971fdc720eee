"""BulkIndexer retries 429, 5xx and lost connections and dead-letters other 4xx.

Elasticsearch cannot be made to answer 429 or 503 on cue, so a real local HTTP
server plays the _bulk endpoint with a script of answers; the official client
and helpers.async_streaming_bulk talk to it over real HTTP.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from aiohttp import web
from elasticsearch import AsyncElasticsearch

from wirewatch.backoff import Backoff
from wirewatch.settings import ElasticsearchSettings
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.elasticsearch.records import BulkItem, Origin
from wirewatch.sinks.elasticsearch.sink import BulkIndexer, SinkCounters

HEADERS = {"X-Elastic-Product": "Elasticsearch"}


def item(n: int) -> BulkItem:
    return BulkItem(Origin("t", 0, n, f"k{n}".encode()), b"{}", "alias", f"id{n}", {"id": f"id{n}"}, True)


class ScriptedBulk:
    """Answers each _bulk call with the next scripted reply; records which ids each call carried."""

    def __init__(self, replies: list[Any]) -> None:
        self.replies = replies
        self.calls: list[list[str]] = []

    async def handle(self, request: web.Request) -> web.Response:
        lines = [json.loads(line) for line in (await request.text()).splitlines() if line.strip()]
        ids = [line["index"]["_id"] for line in lines if "index" in line]
        self.calls.append(ids)
        reply = self.replies[min(len(self.calls) - 1, len(self.replies) - 1)]
        if isinstance(reply, int):  # the whole request fails
            return web.json_response(
                {"error": {"type": "unavailable", "reason": "busy"}, "status": reply}, status=reply, headers=HEADERS
            )
        items = [{"index": {"_id": i, **reply.get(i, {"status": 201})}} for i in ids]
        return web.json_response({"took": 1, "errors": True, "items": items}, headers=HEADERS)


@pytest.fixture
async def bulk_server():
    servers: list[web.AppRunner] = []

    async def start(script: ScriptedBulk) -> str:
        app = web.Application()
        app.router.add_route("*", "/_bulk", script.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        servers.append(runner)
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return f"http://127.0.0.1:{port}"

    yield start
    for runner in servers:
        await runner.cleanup()


def indexer(url: str, counters: SinkCounters) -> tuple[BulkIndexer, AsyncElasticsearch]:
    settings = ElasticsearchSettings(hosts=[url], chunk_size=2, flush_interval=0.05)
    client = AsyncElasticsearch(hosts=[url], max_retries=0)  # let our loop, not the transport, do the retrying
    names = IndexNames.from_settings(settings)
    return BulkIndexer(client, settings, names, Backoff(base=0.01, cap=0.05), counters), client


async def test_item_429_and_whole_request_503_are_retried_and_400_is_rejected(bulk_server) -> None:
    script = ScriptedBulk(
        [
            {"id1": {"status": 429, "error": {"type": "es_rejected_execution_exception"}}},  # [id0, id1]
            503,  # [id2, id3]: the whole request
            {"id2": {"status": 400, "error": {"type": "document_parsing_exception", "reason": "bad date"}}},
            {},
        ]
    )
    counters = SinkCounters()
    bulk, client = indexer(await bulk_server(script), counters)
    try:
        result = await bulk.index([item(0), item(1), item(2), item(3)])
    finally:
        await client.close()
    assert result.indexed == 3
    assert [letter["key"] for letter in result.dead_letters] == ["k2"]
    assert result.dead_letters[0]["error"]["type"] == "document_parsing_exception"
    assert script.calls[0] == ["id0", "id1"] and script.calls[1] == ["id2", "id3"]  # chunk_size 2
    assert sum(call.count("id1") for call in script.calls) == 2  # the 429 item came back once
    assert sum(call.count("id3") for call in script.calls) == 2  # so did the 503 ones
    assert sum(call.count("id2") for call in script.calls) == 2  # the rejected one: 503, then 400, no more
    assert counters.retries == 1 and len(script.calls) == 4  # one retry round: [id2, id3], then [id1]


async def test_a_node_that_is_not_there_is_waited_for(bulk_server, unused_tcp_port: int) -> None:
    """Connection refused for a while, then the node appears: the batch is indexed, nothing dead-lettered."""
    import asyncio

    counters = SinkCounters()
    url = f"http://127.0.0.1:{unused_tcp_port}"
    bulk, client = indexer(url, counters)
    script = ScriptedBulk([{}])

    async def node_comes_up_later() -> web.AppRunner:
        await asyncio.sleep(0.3)
        app = web.Application()
        app.router.add_route("*", "/_bulk", script.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", unused_tcp_port).start()
        return runner

    late = asyncio.create_task(node_comes_up_later())
    try:
        result = await asyncio.wait_for(bulk.index([item(0), item(1), item(2)]), timeout=30)
    finally:
        await client.close()
        await (await late).cleanup()
    assert result.indexed == 3 and result.dead_letters == []
    assert counters.retries >= 1
    assert sorted(i for call in script.calls for i in call) == ["id0", "id1", "id2"]
