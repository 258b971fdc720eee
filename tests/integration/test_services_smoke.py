"""The local services are real: produce/consume on the broker, index and query_string-search the node.

Each test uses its own topic or index (random suffix) so runs and other
engineers' tests on the same shared services never see each other's data.
"""

from __future__ import annotations

import asyncio
import http.server
import subprocess
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from elasticsearch import AsyncElasticsearch, BadRequestError, Elasticsearch
from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

from tests.integration.services import (
    ELASTICSEARCH_SCRIPT,
    HOST,
    KAFKA_SCRIPT,
    ServiceUnavailable,
    ensure_elasticsearch,
    ensure_kafka,
)

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]

MESSAGES = [(f"key-{n}".encode(), f'{{"n": {n}, "title": "dispatch {n}"}}'.encode()) for n in range(5)]
CONSUME_DEADLINE_SECONDS = 60

# Same shape as a dispatch index: text under the standard analyzer, exact-match keywords,
# and index.query.default_field so a bare Lucene term searches title and text.
INDEX_SETTINGS = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "index.query.default_field": ["title", "text"],
}
INDEX_MAPPINGS = {
    "properties": {
        "title": {"type": "text", "analyzer": "standard"},
        "text": {"type": "text", "analyzer": "standard"},
        "source": {"type": "keyword"},
        "countries": {"properties": {"code": {"type": "keyword"}, "name": {"type": "keyword"}}},
    }
}
DOCUMENTS: dict[str, dict[str, object]] = {
    "d1": {
        "title": "Coup attempt reported in Ankara",
        "text": "Troops on the bridges.",
        "source": "reuters",
        "countries": [{"code": "TR", "name": "Türkiye"}],
    },
    "d2": {
        "title": "Election day in Paris",
        "text": "Officials deny coup rumours.",
        "source": "afp",
        "countries": [{"code": "FR", "name": "France"}],
    },
    "d3": {
        "title": "Markets calm",
        "text": "Nothing of note in Ankara today.",
        "source": "reuters",
        "countries": [{"code": "TR", "name": "Türkiye"}],
    },
}
# Lucene queries a Kibana user would type, and the documents each must return.
QUERY_EXPECTATIONS = {
    "coup": {"d1", "d2"},
    "COUP": {"d1", "d2"},  # the standard analyzer lower-cases
    "coup AND countries.code:TR": {"d1"},
    "ankara AND NOT coup": {"d3"},
    "source:afp": {"d2"},
    '"coup attempt"': {"d1"},
    "countries.code:(TR OR FR) AND -source:reuters": {"d2"},
}


def unique_name(kind: str) -> str:
    return f"smoke-{kind}-{uuid.uuid4().hex[:10]}"


def test_status_commands_report_ready_services(kafka_bootstrap: str, elasticsearch_url: str) -> None:
    for script in (KAFKA_SCRIPT, ELASTICSEARCH_SCRIPT):
        result = subprocess.run([str(script), "status"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr


# -- Kafka --------------------------------------------------------------------------------


@pytest.fixture
def topic(kafka_bootstrap: str) -> Iterator[str]:
    name = unique_name("topic")
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="wirewatch-smoke-admin")
    try:
        admin.create_topics([NewTopic(name, num_partitions=1, replication_factor=1)])
        yield name
        admin.delete_topics([name])
    finally:
        admin.close()


def test_kafka_python_round_trip(kafka_bootstrap: str, topic: str) -> None:
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", linger_ms=0)
    try:
        for key, value in MESSAGES:
            producer.send(topic, key=key, value=value).get(timeout=30)
    finally:
        producer.close(timeout=10)

    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=unique_name("group"),
        auto_offset_reset="earliest",
        consumer_timeout_ms=1000,
    )
    received: list[tuple[bytes, bytes]] = []
    deadline = time.monotonic() + CONSUME_DEADLINE_SECONDS
    try:
        while len(received) < len(MESSAGES) and time.monotonic() < deadline:
            received += [(record.key, record.value) for record in consumer]
    finally:
        consumer.close()
    assert received == MESSAGES


@pytest.fixture
async def aio_producer(kafka_bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    try:
        yield producer
    finally:
        await producer.stop()


async def test_aiokafka_round_trip(kafka_bootstrap: str, topic: str, aio_producer: AIOKafkaProducer) -> None:
    for key, value in MESSAGES:
        await aio_producer.send_and_wait(topic, key=key, value=value)

    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=unique_name("group"),
        auto_offset_reset="earliest",
    )
    await consumer.start()
    received: list[tuple[bytes, bytes]] = []
    try:
        async with asyncio.timeout(CONSUME_DEADLINE_SECONDS):
            async for record in consumer:
                received.append((record.key, record.value))
                if len(received) == len(MESSAGES):
                    break
        await consumer.commit()
        committed = await consumer.committed(next(iter(consumer.assignment())))
    finally:
        await consumer.stop()
    assert received == MESSAGES
    assert committed == len(MESSAGES)  # the group coordinator (offsets topic) works too


# -- Elasticsearch ------------------------------------------------------------------------


@pytest.fixture
def es(elasticsearch_url: str) -> Iterator[Elasticsearch]:
    client = Elasticsearch(elasticsearch_url, request_timeout=30)
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def dispatch_index(es: Elasticsearch) -> Iterator[str]:
    name = unique_name("index")
    es.indices.create(index=name, settings=INDEX_SETTINGS, mappings=INDEX_MAPPINGS)
    try:
        yield name
    finally:
        es.indices.delete(index=name)


def ids_of(response: object) -> set[str]:
    return {hit["_id"] for hit in response["hits"]["hits"]}  # type: ignore[index]


def test_elasticsearch_query_string_search(es: Elasticsearch, dispatch_index: str) -> None:
    operations: list[dict[str, object]] = []
    for doc_id, doc in DOCUMENTS.items():
        operations += [{"index": {"_index": dispatch_index, "_id": doc_id}}, doc]
    bulk = es.bulk(operations=operations, refresh=True)
    assert not bulk["errors"]

    settings = es.indices.get_settings(index=dispatch_index)[dispatch_index]["settings"]["index"]
    assert settings["query"]["default_field"] == ["title", "text"]
    tokens = [
        t["token"] for t in es.indices.analyze(index=dispatch_index, field="title", text="Coup in ANKARA")["tokens"]
    ]
    assert tokens == ["coup", "in", "ankara"]

    for query, expected in QUERY_EXPECTATIONS.items():
        response = es.search(index=dispatch_index, query={"query_string": {"query": query}})
        assert ids_of(response) == expected, query


def test_elasticsearch_rejects_malformed_query_clearly(es: Elasticsearch, dispatch_index: str) -> None:
    with pytest.raises(BadRequestError) as raised:
        es.search(index=dispatch_index, query={"query_string": {"query": "coup AND (TR"}})
    assert raised.value.meta.status == 400
    assert "Failed to parse query" in str(raised.value.body)


async def test_async_elasticsearch_index_and_search(elasticsearch_url: str) -> None:
    name = unique_name("index")
    client = AsyncElasticsearch(elasticsearch_url, request_timeout=30)
    try:
        await client.indices.create(index=name, settings=INDEX_SETTINGS, mappings=INDEX_MAPPINGS)
        try:
            for doc_id, doc in DOCUMENTS.items():
                await client.index(index=name, id=doc_id, document=doc)
            await client.indices.refresh(index=name)
            response = await client.search(index=name, query={"query_string": {"query": "coup AND countries.code:TR"}})
            count = await client.count(index=name, query={"query_string": {"query": "countries.code:TR"}})
        finally:
            await client.indices.delete(index=name)
    finally:
        await client.close()
    assert ids_of(response) == {"d1"}
    assert count["count"] == 2


# -- failures are loud --------------------------------------------------------------------


@pytest.fixture
def squatter_port() -> Iterator[int]:
    """A loopback port held by an HTTP server that is neither Kafka nor Elasticsearch."""
    server = http.server.HTTPServer((HOST, 0), http.server.BaseHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("ensure", "port_variable"),
    [(ensure_kafka, "WIREWATCH_KAFKA_PORT"), (ensure_elasticsearch, "WIREWATCH_ES_PORT")],
)
def test_ensure_fails_when_port_is_taken_by_something_else(
    ensure: Callable[[], str],
    port_variable: str,
    squatter_port: int,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv(port_variable, str(squatter_port))
    monkeypatch.setenv("WIREWATCH_LOCAL_DIR", str(tmp_path / "run"))
    with pytest.raises(ServiceUnavailable, match=f"port {squatter_port} is taken"):
        ensure()
