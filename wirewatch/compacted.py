"""Compacted topics that every reader takes in full (the rules and the learned layer for the processors, the
feeds managed at runtime for the producer): create, read to the end, write, and follow.

A compacted topic keeps the newest value per key, so reading it from the beginning gives the current state.
Such a topic is not read through the processors' consumer group (which would give each worker a share of its
partitions): the reader assigns itself every partition, with no group.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from wirewatch.kafka_options import aiokafka_options, kafka_python_options
from wirewatch.settings import KafkaSettings

log = logging.getLogger("wirewatch.compacted")

COMPACTED_CONFIG = {"cleanup.policy": "compact"}
Record = tuple[str, bytes | None]  # (key, value); None is a tombstone


def ensure_compacted_topic(kafka: KafkaSettings, topic: str, partitions: int = 1) -> None:
    """Create the compacted topic if it does not exist."""
    from kafka.admin import KafkaAdminClient, NewTopic
    from kafka.errors import TopicAlreadyExistsError

    admin = KafkaAdminClient(**kafka_python_options(kafka))
    try:
        if topic in admin.list_topics():
            return
        spec = NewTopic(topic, partitions, kafka.replication, topic_configs=dict(COMPACTED_CONFIG))
        try:
            admin.create_topics([spec])
        except TopicAlreadyExistsError:
            pass
    finally:
        admin.close()


def read_compacted(kafka: KafkaSettings, topic: str, timeout: float = 30.0) -> dict[str, bytes]:
    """The topic's current state, key → value (tombstoned keys dropped), read to its end."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(group_id=None, enable_auto_commit=False, **kafka_python_options(kafka))
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        if not tps:
            return {}
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        state: dict[str, bytes] = {}
        deadline = time.monotonic() + timeout
        while any(consumer.position(tp) < end[tp] for tp in tps):
            if time.monotonic() > deadline:
                raise TimeoutError(f"could not read topic {topic} to its end within {timeout}s")
            for records in consumer.poll(timeout_ms=500).values():
                for record in records:
                    if record.key is None:
                        continue
                    key = record.key.decode("utf-8", errors="replace")
                    if record.value is None:
                        state.pop(key, None)
                    else:
                        state[key] = record.value
        return state
    finally:
        consumer.close()


def write_compacted(kafka: KafkaSettings, topic: str, records: list[Record], timeout: float = 30.0) -> None:
    """Write records and wait until the broker acknowledged every one (raises otherwise)."""
    from kafka import KafkaProducer

    if not records:
        return
    producer = KafkaProducer(acks="all", retries=5, **kafka_python_options(kafka))
    try:
        futures = [producer.send(topic, key=key.encode("utf-8"), value=value) for key, value in records]
        producer.flush(timeout=timeout)
        for future in futures:
            future.get(timeout=timeout)
    finally:
        producer.close(timeout=timeout)


class CompactedTopicFollower:
    """Reads a whole compacted topic from the beginning and keeps following it.

    `on_records(records, initial)` gets each polled batch; `initial` is true until the records present at
    start are all read, and `ready` is set then. A rerun (after a broker outage) reads from the start again.
    """

    def __init__(
        self,
        kafka: KafkaSettings,
        topic: str,
        on_records: Callable[[list[Record], bool], None],
        poll_ms: int = 500,
        on_caught_up: Callable[[], None] | None = None,
    ) -> None:
        self.kafka, self.topic, self.on_records, self.poll_ms = kafka, topic, on_records, poll_ms
        self.on_caught_up = on_caught_up  # called once a run has read what the topic held at its start
        self.ready = asyncio.Event()
        self.records_seen = 0

    async def run(self, seed: Callable[[], Awaitable[None]] | None = None) -> None:
        """Follow the topic until cancelled. `seed`, when given, fills the topic if it is empty at start."""
        from aiokafka import AIOKafkaConsumer, TopicPartition

        consumer = AIOKafkaConsumer(enable_auto_commit=False, group_id=None, **aiokafka_options(self.kafka))
        await consumer.start()
        try:
            partitions = await self._partitions(consumer)
            tps = [TopicPartition(self.topic, p) for p in partitions]
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            end = await consumer.end_offsets(tps)
            if seed is not None and not any(end.values()):
                await seed()
                end = await consumer.end_offsets(tps)
            initial = any(end.values())
            if not initial:
                self._caught_up()
            while True:
                batches = await consumer.getmany(timeout_ms=self.poll_ms)
                records: list[Record] = [
                    (r.key.decode("utf-8", errors="replace"), r.value)
                    for batch in batches.values()
                    for r in batch
                    if r.key is not None
                ]
                self.records_seen += len(records)
                if records:
                    self.on_records(records, initial)
                if initial and all([await consumer.position(tp) >= offset for tp, offset in end.items()]):
                    initial = False
                    self._caught_up()
        finally:
            await consumer.stop()

    def _caught_up(self) -> None:
        if self.on_caught_up is not None:
            self.on_caught_up()
        self.ready.set()

    async def _partitions(self, consumer) -> list[int]:
        while True:  # the topic may not exist yet: create it rather than fail the worker
            partitions = consumer.partitions_for_topic(self.topic)
            if partitions:
                return sorted(partitions)
            await asyncio.to_thread(ensure_compacted_topic, self.kafka, self.topic)
            await consumer._client.force_metadata_update()  # aiokafka has no public "refresh" call
            await asyncio.sleep(0.5)
