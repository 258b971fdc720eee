"""The Kafka producer against the real broker: feed → producer → dispatches.raw, dedup across restarts,
replay of unacknowledged dispatches, ingest, and `topics create`.

Every test uses its own topic names, so a reused broker never shows a test old data.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import time
import uuid
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.integration.kafka_support import Feed
from tests.support import free_port
from wirewatch.app.cli.producer import cmd_producer, cmd_publish_ingest, cmd_topics_create
from wirewatch.app.services.producer import publish_dispatches, run_producer
from wirewatch.models import Dispatch
from wirewatch.producers.kafka_publisher import KafkaPublisher, PublisherOptions
from wirewatch.settings import FeedConfig, KafkaSettings, PollerSettings, Settings
from wirewatch.sinks.sqlite.store import SQLiteStore
from wirewatch.topics import admin_client, describe, ensure_topics

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

FAST = PublisherOptions(
    resend_interval=1.0,
    delivery_timeout_ms=15_000,
    request_timeout_ms=5_000,
    max_block_ms=5_000,
    bootstrap_timeout_ms=2_000,
    connect_backoff=0.5,
    connect_backoff_max=2.0,
)


# -- the broker (the shared one: the `kafka_bootstrap` fixture) ---------------------------------


def unique_kafka(bootstrap: str, partitions: int = 3) -> KafkaSettings:
    prefix = f"test-producer-{uuid.uuid4().hex[:10]}"
    return KafkaSettings(
        bootstrap_servers=[bootstrap],
        client_id=prefix,
        topic_fetch=f"{prefix}.fetch",
        topic_raw=f"{prefix}.raw",
        topic_tagged=f"{prefix}.tagged",
        topic_alerts=f"{prefix}.alerts",
        topic_dead=f"{prefix}.dead",
        topic_rules=f"{prefix}.rules",
        topic_learned=f"{prefix}.learned",
        topic_feeds=f"{prefix}.feeds",
        topic_clustering=f"{prefix}.clustering",
        topic_stories=f"{prefix}.stories",
        topic_silences=f"{prefix}.silences",
        partitions=partitions,
        linger_ms=5,
    )


def delete_topics(kafka: KafkaSettings) -> None:
    admin = admin_client(kafka)
    try:
        names = [
            kafka.topic_fetch,
            kafka.topic_feeds,
            kafka.topic_raw,
            kafka.topic_tagged,
            kafka.topic_alerts,
            kafka.topic_dead,
            kafka.topic_rules,
            kafka.topic_learned,
            kafka.topic_clustering,
            kafka.topic_stories,
            kafka.topic_silences,
        ]
        existing = set(admin.list_topics())
        if existing & set(names):
            admin.delete_topics([n for n in names if n in existing], raise_errors=False)
    finally:
        admin.close()


def read_topic(kafka: KafkaSettings, topic: str, timeout: float = 30.0) -> list[tuple[bytes | None, bytes]]:
    """Every message on the topic, read up to the end offsets seen when reading starts."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(
        bootstrap_servers=kafka.bootstrap_servers,
        client_id=f"{kafka.client_id}-reader",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        consumer_timeout_ms=1000,
    )
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or [])]
        assert partitions, f"topic {topic} does not exist"
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        messages: list[tuple[bytes | None, bytes]] = []
        deadline = time.monotonic() + timeout
        while any(consumer.position(tp) < ends[tp] for tp in partitions):
            assert time.monotonic() < deadline, f"could not read {topic} to its end within {timeout}s"
            for records in consumer.poll(timeout_ms=500).values():
                messages.extend((r.key, r.value) for r in records)
        return messages
    finally:
        consumer.close()


def producer_settings(kafka: KafkaSettings, feed: Feed, tmp_path: Path, interval: float = 3600.0) -> Settings:
    kafka.producer_store = tmp_path / "producer.db"
    return Settings(
        # the transport alone: full text is the fetcher's test (test_kafka_fetcher.py)
        feeds=[FeedConfig(name="world", url=feed.url, interval=interval, fulltext="never")],
        poller=PollerSettings(per_host_delay=0.0, backoff_base=0.5),
        kafka=kafka,
    )


async def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {timeout}s waiting for {what}"
        await asyncio.sleep(0.1)


def pending_in(store_path: Path) -> list[Dispatch]:
    with SQLiteStore(store_path) as store:
        return store.pending()


# -- (1) feed → producer --once → dispatches.raw ---------------------------------------------------


async def test_feed_is_published_with_id_keys_and_dispatch_json(
    kafka_bootstrap: str, feed: Feed, tmp_path: Path
) -> None:
    kafka = unique_kafka(kafka_bootstrap)
    ensure_topics(kafka)
    feed.add(3)
    settings = producer_settings(kafka, feed, tmp_path)
    try:
        outcome = await run_producer(settings, once=True, once_timeout=60, options=FAST)

        assert outcome.pending == 0
        assert outcome.accepted == 3 and outcome.counters.acked == 3
        messages = read_topic(kafka, kafka.topic_raw)
        assert len(messages) == 3
        for key, value in messages:
            doc = json.loads(value.decode("utf-8"))
            assert key == doc["id"].encode()
            assert Dispatch.from_dict(doc).to_dict() == doc  # the wire format is exactly Dispatch.to_dict()
            assert doc["source"] == "world"
        assert {json.loads(v)["title"] for _, v in messages} == feed.titles()
        # Every published dispatch is complete in the ledger: nothing to replay.
        assert pending_in(settings.kafka.producer_store) == []
    finally:
        delete_topics(kafka)


async def test_producer_command_once(kafka_bootstrap: str, feed: Feed, tmp_path: Path, capsys) -> None:
    """`wirewatch producer --once` from a config file: exit 0 once every dispatch is acknowledged."""
    kafka = unique_kafka(kafka_bootstrap)
    feed.add(2)
    config = write_config(tmp_path / "wirewatch.toml", kafka, partitions=2, retention_ms=86_400_000)
    with config.open("a", encoding="utf-8") as out:
        out.write(
            f'[poller]\nper_host_delay = 0.0\n[[feeds]]\nname = "world"\nurl = "{feed.url}"\nfulltext = "never"\n'
        )
    try:
        args = cli_args(config, once=True, timeout=60.0, status_interval=60.0)
        # The handler runs its own event loop, so it runs in a thread here, beside this test's loop.
        assert await asyncio.to_thread(cmd_producer, args) == 0
        assert "2 new dispatch(es), 2 acknowledged" in capsys.readouterr().err
        assert len(read_topic(kafka, kafka.topic_raw)) == 2
    finally:
        delete_topics(kafka)


# -- (2) a producer restarted mid-run publishes no duplicate ------------------------------------------


async def test_restarted_producer_publishes_no_duplicate(kafka_bootstrap: str, feed: Feed, tmp_path: Path) -> None:
    kafka = unique_kafka(kafka_bootstrap)
    ensure_topics(kafka)
    feed.add(2)
    # A short interval: the running service polls the same items again and again.
    settings = producer_settings(kafka, feed, tmp_path, interval=0.3)
    try:
        for expected_new in (2, 1):
            stop = asyncio.Event()
            service = asyncio.create_task(run_producer(settings, stop=stop, options=FAST, status_interval=60))
            requests_before = feed.requests
            await wait_for(lambda before=requests_before: feed.requests >= before + 3, 30, "three polls of the feed")
            if expected_new == 2:
                stop.set()
            else:
                os.kill(os.getpid(), signal.SIGTERM)  # the service's own handler stops it gracefully
            outcome = await asyncio.wait_for(service, 30)
            assert outcome.accepted == expected_new
            assert outcome.counters.acked == expected_new and outcome.pending == 0
            feed.add(1)  # one new item appears while the producer is stopped

        # The item added after the last run was never polled; everything else exactly once.
        keys = Counter(key for key, _ in read_topic(kafka, kafka.topic_raw))
        assert len(keys) == 3
        assert all(count == 1 for count in keys.values()), keys
    finally:
        delete_topics(kafka)


async def test_unacknowledged_dispatches_are_replayed_after_a_restart(kafka_bootstrap: str, tmp_path: Path) -> None:
    """Accepted while no broker answers, the process stops; the next start sends them, once."""
    kafka = unique_kafka(kafka_bootstrap)
    ensure_topics(kafka)
    store_path = tmp_path / "producer.db"
    dispatches = [
        Dispatch(
            id=f"replay-{i}",
            source="push",
            title=f"Dispatch {i}",
            text="Coup attempt reported.",
            published=datetime(2026, 11, 27, tzinfo=UTC),
            fetched=datetime(2026, 11, 27, tzinfo=UTC),
        )
        for i in range(3)
    ]
    nobody = replace(kafka, bootstrap_servers=[f"127.0.0.1:{free_port()}"])
    try:
        # Back-pressure: with two slots and no broker, the third emit has to wait.
        with SQLiteStore(store_path) as store:
            publisher = KafkaPublisher(nobody, store, replace(FAST, max_in_flight=2))
            await publisher.start(sweep=False)
            for dispatch in dispatches:
                assert store.accept(dispatch)
            await publisher.emit(dispatches[0])
            await publisher.emit(dispatches[1])
            third = asyncio.create_task(publisher.emit(dispatches[2]))
            await wait_for(lambda: publisher.counters.connect_failures >= 1, 30, "a failed connection attempt")
            assert not third.done() and publisher.in_flight == 3
            third.cancel()
            await asyncio.gather(third, return_exceptions=True)
            await publisher.close()
            assert publisher.counters.acked == 0
        assert {d.id for d in pending_in(store_path)} == {d.id for d in dispatches}

        # The restart: the same store, a reachable broker. Nothing new is accepted; the three are replayed.
        kafka.producer_store = store_path
        outcome = await publish_dispatches(Settings(kafka=kafka), dispatches, timeout=60, options=FAST)
        assert outcome.accepted == 0 and outcome.duplicates == 3
        assert outcome.counters.replayed == 3 and outcome.counters.acked == 3 and outcome.pending == 0
        keys = Counter(key for key, _ in read_topic(kafka, kafka.topic_raw))
        assert keys == Counter(d.id.encode() for d in dispatches)
    finally:
        delete_topics(kafka)


# -- ingest --------------------------------------------------------------------------------------------


def cli_args(config: Path, **extra) -> argparse.Namespace:
    return argparse.Namespace(config=str(config), store=None, bootstrap_servers=None, producer_store=None, **extra)


def write_config(path: Path, kafka: KafkaSettings, partitions: int, retention_ms: int) -> Path:
    path.write_text(
        "[kafka]\n"
        f'bootstrap_servers = ["{kafka.bootstrap_servers[0]}"]\n'
        f'topic_raw = "{kafka.topic_raw}"\ntopic_tagged = "{kafka.topic_tagged}"\n'
        f'topic_alerts = "{kafka.topic_alerts}"\ntopic_dead = "{kafka.topic_dead}"\n'
        f'topic_rules = "{kafka.topic_rules}"\n'
        f'topic_learned = "{kafka.topic_learned}"\n'
        f'topic_fetch = "{kafka.topic_fetch}"\ntopic_feeds = "{kafka.topic_feeds}"\n'
        f'topic_clustering = "{kafka.topic_clustering}"\ntopic_stories = "{kafka.topic_stories}"\n'
        f'topic_silences = "{kafka.topic_silences}"\n'
        f"partitions = {partitions}\nretention_ms = {retention_ms}\n"
        f'producer_store = "{path.parent / "producer.db"}"\n',
        encoding="utf-8",
    )
    return path


def test_publish_ingest_command_dedups_across_runs(kafka_bootstrap: str, tmp_path: Path, capsys) -> None:
    kafka = unique_kafka(kafka_bootstrap)
    config = write_config(tmp_path / "wirewatch.toml", kafka, partitions=2, retention_ms=86_400_000)
    lines = tmp_path / "dispatches.jsonl"
    lines.write_text(
        '{"id": "ing-1", "title": "Coup in Niger", "text": "Soldiers seized power."}\n'
        "{not json\n"
        '{"id": "ing-2", "title": "Talks in Geneva", "text": "Ministers met."}\n',
        encoding="utf-8",
    )
    try:
        assert cmd_publish_ingest(cli_args(config, file=str(lines), source="wire", timeout=60.0)) == 1  # one bad line
        err = capsys.readouterr().err
        assert "line 2" in err and "2 accepted, 0 already seen, 1 rejected, 2 acknowledged" in err

        assert cmd_publish_ingest(cli_args(config, file=str(lines), source="wire", timeout=60.0)) == 1
        assert "0 accepted, 2 already seen" in capsys.readouterr().err

        messages = read_topic(kafka, kafka.topic_raw)
        assert sorted(json.loads(v)["title"] for _, v in messages) == ["Coup in Niger", "Talks in Geneva"]
        assert all(json.loads(v)["source"] == "wire" for _, v in messages)
    finally:
        delete_topics(kafka)


# -- (4) topics create -----------------------------------------------------------------------------------


def test_topics_create_is_idempotent_and_applies_the_config(kafka_bootstrap: str, tmp_path: Path, capsys) -> None:
    kafka = unique_kafka(kafka_bootstrap)
    config = write_config(tmp_path / "wirewatch.toml", kafka, partitions=3, retention_ms=3_600_000)
    try:
        assert cmd_topics_create(cli_args(config, json=True)) == 0
        first = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [r["action"] for r in first] == ["created"] * 11

        assert cmd_topics_create(cli_args(config, json=True)) == 0
        second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [r["action"] for r in second] == ["unchanged"] * 11

        admin = admin_client(kafka)
        try:
            for name in (kafka.topic_raw, kafka.topic_tagged, kafka.topic_alerts, kafka.topic_dead):
                partitions, replication, configs = describe(admin, name)
                assert (partitions, replication) == (3, 1)
                assert configs["retention.ms"] == "3600000" and configs["cleanup.policy"] == "delete"
            partitions, _, configs = describe(admin, kafka.topic_rules)
            assert partitions == 1 and configs["cleanup.policy"] == "compact"

            # A changed config brings existing topics in line: more partitions, new retention.
            write_config(config, kafka, partitions=4, retention_ms=7_200_000)
            assert cmd_topics_create(cli_args(config, json=True)) == 0
            third = {r["topic"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
            assert third[kafka.topic_raw]["action"] == "updated"
            assert third[kafka.topic_rules]["action"] == "unchanged"
            partitions, _, configs = describe(admin, kafka.topic_raw)
            assert partitions == 4 and configs["retention.ms"] == "7200000"

            # Fewer partitions cannot be applied: reported, and the command fails.
            write_config(config, kafka, partitions=2, retention_ms=7_200_000)
            assert cmd_topics_create(cli_args(config, json=False)) == 1
            assert "Kafka cannot remove partitions" in capsys.readouterr().out
            assert describe(admin, kafka.topic_raw)[0] == 4
        finally:
            admin.close()
    finally:
        delete_topics(kafka)


async def test_a_dispatch_too_large_for_kafka_is_dead_lettered_not_resent(kafka_bootstrap, tmp_path: Path) -> None:
    kafka = unique_kafka(kafka_bootstrap)
    now = datetime.now(UTC)
    big = Dispatch(id="too-big", source="t", title="Big", text="word " * 300_000, published=now, fetched=now)
    small = Dispatch(id="small", source="t", title="Small", text="Turkey and Iran.", published=now, fetched=now)
    try:
        with SQLiteStore(tmp_path / "ledger.db") as store:
            publisher = KafkaPublisher(kafka, store, FAST)
            await publisher.start(sweep=False)
            for dispatch in (big, small):
                assert store.accept(dispatch)
                await publisher.emit(dispatch)
            assert await publisher.flush(30)
            await publisher.close()
            assert publisher.counters.rejected == 1 and publisher.counters.acked == 1
            assert store.pending() == []
            (letter,) = store.dead_letters(5)
            assert letter.kind == "dispatch" and "MessageSizeTooLarge" in letter.reason
            assert letter.payload.startswith('{"id": "too-big"')  # kept (capped) for inspection
        assert [key for key, _ in read_topic(kafka, kafka.topic_raw)] == [b"small"]
    finally:
        delete_topics(kafka)
