"""The sink against the real broker and the real node: index, re-delivery, dead letters, commits."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest

from tests.integration.es_support import (
    count_docs,
    drop_layout,
    es_settings_for,
    kafka_settings_for,
    produce,
    read_topic,
    simple_tagged,
    tagged_record,
)
from wirewatch.backoff import Backoff
from wirewatch.models import Alert
from wirewatch.settings import ElasticsearchSettings, KafkaSettings
from wirewatch.sinks.elasticsearch.client import build_client
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.elasticsearch.search import search_with_client
from wirewatch.sinks.elasticsearch.sink import ElasticsearchSink

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]

FAST_BACKOFF = Backoff(base=0.2, cap=2.0)


@pytest.fixture
async def sink_settings(elasticsearch_url: str, kafka_bootstrap: str):
    es = es_settings_for(elasticsearch_url, chunk_size=50, flush_interval=0.3)
    kafka = kafka_settings_for(kafka_bootstrap)
    try:
        yield es, kafka
    finally:
        await drop_layout(es)
        delete_topics(kafka)


def delete_topics(kafka: KafkaSettings) -> None:
    from kafka.admin import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=kafka.bootstrap_servers)
    try:
        existing = set(admin.list_topics())
        doomed = [t for t in (kafka.topic_tagged, kafka.topic_alerts, kafka.topic_dead) if t in existing]
        if doomed:
            admin.delete_topics(doomed, timeout_ms=10_000)
    finally:
        admin.close()


@asynccontextmanager
async def running_sink(es: ElasticsearchSettings, kafka: KafkaSettings) -> AsyncIterator[ElasticsearchSink]:
    sink = ElasticsearchSink(es, kafka, backoff=FAST_BACKOFF)
    await sink.start()
    stop = asyncio.Event()
    task = asyncio.create_task(sink.run(stop))
    try:
        yield sink
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=60)
        await sink.close()


async def wait_until(predicate, timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not await predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(0.3)


def committed_offsets(kafka: KafkaSettings, topic: str) -> tuple[int, int]:
    """(committed offset of the sink group, end offset) summed over the topic's partitions."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(
        bootstrap_servers=kafka.bootstrap_servers, group_id=kafka.sink_group, enable_auto_commit=False
    )
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        ends = consumer.end_offsets(partitions)
        committed = sum(consumer.committed(tp) or 0 for tp in partitions)
        return committed, sum(ends.values())
    finally:
        consumer.close()


def alert_record(tagged, rule_id: str = "coup") -> tuple[bytes, bytes]:
    alert = Alert(
        rule_id=rule_id,
        rule_name="Coups",
        rule_query="coup",
        dispatch_id=tagged.id,
        matched=["coup"],
        at=datetime(2025, 1, 2, 3, 4, 7, tzinfo=UTC),
        title=tagged.dispatch.title,
        url=tagged.dispatch.url,
        source="test",
        countries=["NE"],
    )
    return alert.key.encode(), json.dumps(alert.to_dict()).encode()


async def test_tagged_and_alerts_are_indexed_by_id_and_redelivery_does_not_duplicate(sink_settings) -> None:
    es, kafka = sink_settings
    names = IndexNames.from_settings(es)
    tagged = [simple_tagged(f"sink-{i}", title=f"Coup attempt number {i}") for i in range(120)]
    bootstrap = kafka.bootstrap_servers[0]
    await asyncio.to_thread(produce, bootstrap, kafka.topic_tagged, [tagged_record(t) for t in tagged])
    await asyncio.to_thread(produce, bootstrap, kafka.topic_alerts, [alert_record(t) for t in tagged[:5]])

    async with running_sink(es, kafka) as sink:
        await wait_until(lambda: _has(es, names.dispatches_alias, 120), what="120 dispatches indexed")
        await wait_until(lambda: _has(es, names.alerts, 5), what="5 alerts indexed")
        # Re-delivery: the same messages again (a producer retry, a replay) change nothing.
        await asyncio.to_thread(produce, bootstrap, kafka.topic_tagged, [tagged_record(t) for t in tagged[:40]])
        await asyncio.to_thread(produce, bootstrap, kafka.topic_alerts, [alert_record(t) for t in tagged[:5]])
        await wait_until(lambda: _counted(sink, 170), what="re-delivered messages processed")
        await wait_until(lambda: _committed(kafka, kafka.topic_tagged), what="offsets committed")

    assert await count_docs(es, names.dispatches_alias) == 120
    assert await count_docs(es, names.alerts) == 5
    assert sink.counters.dead == 0
    client = build_client(es)
    try:
        stored = await client.get(index=names.dispatches_alias, id=tagged[7].id)
        alert = await client.get(index=names.alerts, id=f"coup:{tagged[0].id}")
        indices = sorted((await client.indices.get(index=names.dispatches_pattern)).body)
    finally:
        await client.close()
    assert stored["_source"] == tagged[7].to_doc()  # the document shape is kept as is
    assert stored["_index"] == names.dispatches_index
    assert alert["_source"]["dispatch_id"] == tagged[0].id
    assert indices == [names.dispatches_index]  # nothing auto-created beside the layout


async def test_the_sink_writes_folded_copies_that_accent_free_searches_find(sink_settings) -> None:
    es, kafka = sink_settings
    names = IndexNames.from_settings(es)
    accented = simple_tagged("fold-fr", title="Coup d'État à Niamey", text="Les militaires ont parlé à Zürich.")
    plain = simple_tagged("fold-en", title="Coup attempt in Niger", text="Soldiers say they seized power.")
    await asyncio.to_thread(
        produce, kafka.bootstrap_servers[0], kafka.topic_tagged, [tagged_record(t) for t in (accented, plain)]
    )
    async with running_sink(es, kafka):
        await wait_until(lambda: _has(es, names.dispatches_alias, 2), what="2 dispatches indexed")
    client = build_client(es)
    try:
        found = await search_with_client(client, names, "zurich OR title:etat")
        stored = {t.id: (await client.get(index=names.dispatches_alias, id=t.id))["_source"] for t in (accented, plain)}
    finally:
        await client.close()
    assert [hit.doc["id"] for hit in found] == [accented.id]
    assert "search" not in found[0].doc  # searched, never shown
    assert stored[accented.id]["search"] == {
        "title": "Coup d'Etat a Niamey",
        "text": "Les militaires ont parle a Zurich.",
    }
    assert stored[plain.id] == plain.to_doc()  # plain ASCII: nothing to fold, no copy


async def test_mapping_conflict_goes_to_the_dead_letter_topic_and_the_rest_is_indexed(sink_settings) -> None:
    es, kafka = sink_settings
    names = IndexNames.from_settings(es)
    good = [simple_tagged(f"good-{i}") for i in range(10)]
    conflict = simple_tagged("conflict").to_doc()
    conflict["published"] = "last Tuesday"  # not a date: Elasticsearch rejects it (mapper_parsing_exception)
    immense = simple_tagged("immense").to_doc()
    immense["url"] = "https://example.test/" + "x" * 40_000  # a keyword over Lucene's 32766-byte term limit
    records = [tagged_record(t) for t in good[:5]]
    records.append((b"conflict", json.dumps(conflict).encode()))
    records.append((b"immense", json.dumps(immense).encode()))
    records.append((b"garbage", b"{not json"))
    records += [tagged_record(t) for t in good[5:]]
    await asyncio.to_thread(produce, kafka.bootstrap_servers[0], kafka.topic_tagged, records)

    async with running_sink(es, kafka) as sink:
        await wait_until(lambda: _counted(sink, 13), what="all 13 records handled")
        await wait_until(lambda: _committed(kafka, kafka.topic_tagged), what="offsets committed")

    assert await count_docs(es, names.dispatches_alias) == 10
    dead = await asyncio.to_thread(read_topic, kafka.bootstrap_servers[0], kafka.topic_dead, 3)
    letters = {record.key: json.loads(record.value) for record in dead}
    assert set(letters) == {b"conflict", b"immense", b"garbage"}
    assert letters[b"conflict"]["status"] == 400
    assert letters[b"conflict"]["error"]["type"] == "document_parsing_exception"
    assert "published" in letters[b"conflict"]["reason"]
    assert json.loads(letters[b"conflict"]["payload"])["published"] == "last Tuesday"
    assert "immense" in json.dumps(letters[b"immense"]["error"]).lower() or "32766" in json.dumps(
        letters[b"immense"]["error"]
    )
    assert letters[b"garbage"]["reason"].startswith("malformed: not JSON")
    assert letters[b"conflict"]["topic"] == kafka.topic_tagged and letters[b"conflict"]["stage"] == "elasticsearch-sink"


async def _has(es: ElasticsearchSettings, index: str, want: int) -> bool:
    from elasticsearch import NotFoundError

    try:
        return await count_docs(es, index) >= want
    except NotFoundError:  # the sink has not installed the layout yet
        return False


async def _counted(sink: ElasticsearchSink, want: int) -> bool:
    return sink.counters.indexed + sink.counters.dead >= want


async def _committed(kafka: KafkaSettings, topic: str) -> bool:
    committed, end = await asyncio.to_thread(committed_offsets, kafka, topic)
    return end > 0 and committed == end


SINK_COMMAND = """
import argparse, sys
from wirewatch.app.cli import elasticsearch as cli_es
parser = argparse.ArgumentParser()
parser.add_argument("-c", "--config")
parser.add_argument("--store")
cli_es.add_commands(parser.add_subparsers())
args = parser.parse_args(sys.argv[1:])
args.demo = False
sys.exit(args.handler(args))
"""


async def test_sink_command_reads_the_config_indexes_and_stops_on_sigterm(sink_settings, tmp_path) -> None:
    """`wirewatch sink` as a process (registered through cli_es.add_commands), stopped with SIGTERM."""
    import signal
    import subprocess
    import sys

    from tests.integration.es_support import REPO_ROOT

    es, kafka = sink_settings
    names = IndexNames.from_settings(es)
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        "[elasticsearch]\n"
        f"hosts = {json.dumps(es.hosts)}\nindex_prefix = {json.dumps(es.index_prefix)}\n"
        f"alerts_index = {json.dumps(es.alerts_index)}\nflush_interval = 0.2\n\n"
        "[kafka]\n"
        f"bootstrap_servers = {json.dumps(kafka.bootstrap_servers)}\n"
        + "".join(
            f"{key} = {json.dumps(getattr(kafka, key))}\n"
            for key in ("topic_tagged", "topic_alerts", "topic_dead", "sink_group")
        ),
        encoding="utf-8",
    )
    tagged = [simple_tagged(f"cmd-{i}") for i in range(25)]
    await asyncio.to_thread(produce, kafka.bootstrap_servers[0], kafka.topic_tagged, [tagged_record(t) for t in tagged])
    process = subprocess.Popen(
        [sys.executable, "-c", SINK_COMMAND, "-c", str(config), "sink"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    try:
        await wait_until(lambda: _has(es, names.dispatches_alias, 25), timeout=90, what="the command indexed 25")
        await wait_until(lambda: _committed(kafka, kafka.topic_tagged), what="offsets committed")
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.to_thread(process.communicate, timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    assert process.returncode == 0, stderr.decode()
    assert "'indexed': 25" in stderr.decode()
