"""Shared helpers for the Elasticsearch integration tests (no tests here; the `es_layout` fixture
built on them is in tests/conftest.py).

Every test session uses its own index prefix, alerts index and Kafka topics,
and removes them afterwards, so sessions and other engineers' tests on the
same node and broker never see each other's documents.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wirewatch.models import Dispatch, TaggedDispatch, dispatch_id, parse_time
from wirewatch.settings import ElasticsearchSettings, KafkaSettings
from wirewatch.sinks.elasticsearch.client import build_client, install_layout
from wirewatch.sinks.elasticsearch.client import drop_layout as drop_es_layout
from wirewatch.sinks.elasticsearch.folded import with_folded_copies
from wirewatch.sinks.elasticsearch.layout import IndexNames

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_DEV = REPO_ROOT / "benchmarks" / "gold" / "dev.jsonl"


def unique_name(kind: str) -> str:
    return f"wwtest-{uuid.uuid4().hex[:10]}-{kind}"


def es_settings_for(url: str, **overrides: Any) -> ElasticsearchSettings:
    prefix = unique_name("dispatches")
    settings = ElasticsearchSettings(
        hosts=[url],
        index_prefix=prefix,
        alerts_index=prefix.replace("dispatches", "alerts"),
        stories_index=prefix.replace("dispatches", "stories"),
        request_timeout=10.0,
    )
    for name, value in overrides.items():
        setattr(settings, name, value)
    return settings


async def drop_layout(settings: ElasticsearchSettings) -> None:
    names = IndexNames.from_settings(settings)
    client = build_client(settings)
    try:
        await drop_es_layout(client, names)
    finally:
        await client.close()


async def install_private_layout(url: str) -> ElasticsearchSettings:
    """A freshly installed layout under names no other session uses (drop it with `drop_layout`)."""
    settings = es_settings_for(url)
    client = build_client(settings)
    try:
        await install_layout(client, IndexNames.from_settings(settings))
    finally:
        await client.close()
    return settings


def make_dispatch(key: str, title: str, text: str, published: str, **extra: Any) -> Dispatch:
    return Dispatch(
        id=dispatch_id(key),
        source=extra.pop("source", "test"),
        url=extra.pop("url", f"https://example.test/{key}"),
        title=title,
        text=text,
        published=parse_time(published),
        fetched=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
        language=extra.pop("language", "en"),
        **extra,
    )


def gold_dispatches() -> list[Dispatch]:
    dispatches = []
    for line in GOLD_DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            dispatches.append(make_dispatch(f"gold-{row['id']}", row["title"], row["text"], row["published"]))
    return dispatches


def multilingual_dispatches(languages: tuple[str, ...] = ("fr", "de", "ru", "ar")) -> list[Dispatch]:
    """The tuning parts of the other languages' gold sets (issue 14): Latin accents, Cyrillic, Arabic."""
    dispatches = []
    for language in languages:
        path = GOLD_DEV.parent / f"dev-{language}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                dispatches.append(make_dispatch(f"gold-{row['id']}", row["title"], row["text"], row["published"]))
    return dispatches


def tag_all(dispatches: list[Dispatch]) -> list[TaggedDispatch]:
    from wirewatch.processors.tagger import Tagger

    tagger = Tagger.load(None)
    return [tagger.tag_dispatch(dispatch) for dispatch in dispatches]


async def index_docs(settings: ElasticsearchSettings, docs: list[dict[str, Any]]) -> None:
    """Index straight through the bulk API (the agreement and search tests do not need Kafka)."""
    from elasticsearch.helpers import async_bulk

    names = IndexNames.from_settings(settings)
    client = build_client(settings)
    try:
        actions = [
            {
                "_index": names.dispatches_alias,
                "_id": doc["id"],
                "_source": with_folded_copies(doc),
            }  # as the sink writes them
            for doc in docs
        ]
        await async_bulk(client, actions, refresh="wait_for")
    finally:
        await client.close()


# -- Kafka side of the sink tests ----------------------------------------------------------


def kafka_settings_for(bootstrap: str) -> KafkaSettings:
    run = uuid.uuid4().hex[:10]
    return KafkaSettings(
        bootstrap_servers=[bootstrap],
        topic_tagged=f"wwtest-{run}.tagged",
        topic_alerts=f"wwtest-{run}.alerts",
        topic_dead=f"wwtest-{run}.dead",
        sink_group=f"wwtest-{run}-sink",
    )


def produce(bootstrap: str, topic: str, records: Iterable[tuple[bytes | None, bytes | None]]) -> None:
    """Publish and wait for every acknowledgement (kafka-python, as the brief's producers do)."""
    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=[bootstrap], acks="all", linger_ms=5)
    try:
        futures = [producer.send(topic, key=key, value=value) for key, value in records]
        producer.flush(timeout=30)
        for future in futures:
            future.get(timeout=30)
    finally:
        producer.close(timeout=10)


def read_topic(bootstrap: str, topic: str, want: int, timeout: float = 30.0) -> list[Any]:
    """Records of `topic` from the beginning until `want` are read or the time is up."""
    import time

    from kafka import KafkaConsumer

    consumer = KafkaConsumer(topic, bootstrap_servers=[bootstrap], group_id=None, auto_offset_reset="earliest")
    records: list[Any] = []
    deadline = time.monotonic() + timeout
    try:
        while len(records) < want and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=300).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


def tagged_record(tagged: TaggedDispatch) -> tuple[bytes, bytes]:
    return tagged.id.encode(), json.dumps(tagged.to_doc(), ensure_ascii=False).encode("utf-8")


def simple_tagged(
    key: str,
    title: str = "Coup attempt in Niger",
    text: str = "Soldiers say they seized power.",
    published: str = "2024-05-01T10:00:00Z",
) -> TaggedDispatch:
    from wirewatch.models import CountryMention, Tags

    tags = Tags(countries=[CountryMention("NE", "Niger", 1, 16)], keywords=["coup"])
    return TaggedDispatch(
        make_dispatch(key, title, text, published), tags, tagged_at=datetime(2025, 1, 2, 3, 4, 6, tzinfo=UTC)
    )


async def count_docs(settings: ElasticsearchSettings, index: str) -> int:
    client = build_client(settings)
    try:
        await client.indices.refresh(index=index)
        return (await client.count(index=index))["count"]
    finally:
        await client.close()
