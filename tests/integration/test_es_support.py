"""Shared helpers for the Elasticsearch integration tests (no tests here).

Every test session uses its own index prefix, alerts index and Kafka topics,
and removes them afterwards, so sessions and other engineers' tests on the
same node and broker never see each other's documents.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, AsyncIterator

import pytest

from sinks.es_client import build_client, install_layout
from sinks.es_layout import IndexNames
from tests.integration.services import elasticsearch_url  # noqa: F401 - session fixture
from wirewatch.models import Dispatch, TaggedDispatch, dispatch_id, parse_time
from wirewatch.settings import ElasticsearchSettings

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_DEV = REPO_ROOT / "benchmarks" / "gold" / "dev.jsonl"


def unique_name(kind: str) -> str:
    return f"wwtest-{uuid.uuid4().hex[:10]}-{kind}"


def es_settings_for(url: str, **overrides: Any) -> ElasticsearchSettings:
    prefix = unique_name("dispatches")
    settings = ElasticsearchSettings(
        hosts=[url], index_prefix=prefix, alerts_index=prefix.replace("dispatches", "alerts"), request_timeout=10.0
    )
    for name, value in overrides.items():
        setattr(settings, name, value)
    return settings


async def drop_layout(settings: ElasticsearchSettings) -> None:
    names = IndexNames.from_settings(settings)
    client = build_client(settings)
    try:
        await client.options(ignore_status=404).indices.delete(index=f"{names.dispatches_pattern},{names.alerts}")
        await client.options(ignore_status=404).indices.delete_index_template(name=names.template_name)
    finally:
        await client.close()


@pytest.fixture
async def es_layout(elasticsearch_url: str) -> AsyncIterator[ElasticsearchSettings]:  # noqa: F811
    """A freshly installed, private layout; dropped after the test."""
    settings = es_settings_for(elasticsearch_url)
    client = build_client(settings)
    try:
        await install_layout(client, IndexNames.from_settings(settings))
    finally:
        await client.close()
    try:
        yield settings
    finally:
        await drop_layout(settings)


def make_dispatch(key: str, title: str, text: str, published: str, **extra: Any) -> Dispatch:
    return Dispatch(
        id=dispatch_id(key),
        source=extra.pop("source", "test"),
        url=extra.pop("url", f"https://example.test/{key}"),
        title=title,
        text=text,
        published=parse_time(published),
        fetched=datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
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


def tag_all(dispatches: list[Dispatch]) -> list[TaggedDispatch]:
    from processors.tagger import Tagger

    tagger = Tagger.load(None)
    return [tagger.tag_dispatch(dispatch) for dispatch in dispatches]


async def index_docs(settings: ElasticsearchSettings, docs: list[dict[str, Any]]) -> None:
    """Index straight through the bulk API (the agreement and search tests do not need Kafka)."""
    from elasticsearch.helpers import async_bulk

    names = IndexNames.from_settings(settings)
    client = build_client(settings)
    try:
        actions = [{"_index": names.dispatches_alias, "_id": doc["id"], "_source": doc} for doc in docs]
        await async_bulk(client, actions, refresh="wait_for")
    finally:
        await client.close()


