"""`wirewatch notify`: deliver the alerts of the distributed pipeline.

The processors publish every alert to the `alerts` topic; this service is the
one consumer group that turns them into console lines, JSON Lines and webhook
calls, with the same `AlertDelivery` as embedded mode:

    consume  = a batch from `alerts` (group KafkaSettings.notifier_group)
    record   = AlertStore.record_alert in a local SQLite file: the alert key
               (rule:story, or rule:dispatch for a rule grouping by dispatch) is
               the primary key and each (alert, dispatch) counts once, so an
               alert re-delivered by Kafka (at-least-once upstream) is recorded,
               and sent, once; a story's later hits update it (docs/stories.md)
    commit   = Kafka offsets, only after the batch is recorded
    deliver  = AlertDelivery: pending deliveries retried with backoff until
               they succeed, across restarts

Channels come from the rule definitions in the config (rule id → channels);
an alert for a rule this config does not know goes to the console, so it is
never silently dropped. A message that is not an alert is kept in the local
dead-letter table with the reason.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

from wirewatch.backoff import Backoff
from wirewatch.kafka_batches import publish_all
from wirewatch.kafka_options import aiokafka_options
from wirewatch.models import Alert, ModelError, utcnow
from wirewatch.settings import Settings
from wirewatch.sinks.alerts.aggregate import AggregateRules
from wirewatch.sinks.alerts.delivery import BACKFILL, BACKFILL_DIGEST, AlertDelivery, record_backfill
from wirewatch.sinks.sqlite.store import SQLiteStore

log = logging.getLogger(__name__)

DEFAULT_CHANNELS = ["console"]


@dataclass(slots=True)
class NotifierCounters:
    received: int = 0
    recorded: int = 0
    repeats: int = 0
    rejected: int = 0


class AlertNotifierService:
    def __init__(
        self, settings: Settings, store: SQLiteStore, delivery: AlertDelivery, *, batch_size: int = 500
    ) -> None:
        self.settings = settings
        self.store = store
        self.delivery = delivery
        self.batch_size = batch_size
        self.channels = {rule.id: list(rule.channels) for rule in settings.rules}
        self.counters = NotifierCounters()
        self._consumer: Any = None  # aiokafka.AIOKafkaConsumer once started

    def record(self, raw: bytes | None, origin: str) -> None:
        """Record one message: an alert (once per key) or a dead letter."""
        self.counters.received += 1
        try:
            alert = Alert.from_dict(json.loads(raw or b""))
        except (ValueError, ModelError) as exc:
            self.counters.rejected += 1
            log.warning("not an alert at %s: %s", origin, exc)
            payload = (raw or b"").decode("utf-8", errors="replace")
            self.store.dead_letter("alert", payload, f"not an alert ({origin}): {exc}")
            return
        channels = self.channels.get(alert.rule_id, DEFAULT_CHANNELS)
        if alert.kind in (BACKFILL, BACKFILL_DIGEST):  # `rules test --apply --kafka`: past matches
            new = record_backfill(self.store, [alert], channels, utcnow())
            self.counters.recorded += len(new)
            self.counters.repeats += 1 - len(new)
            return
        if self.delivery.record(alert, channels):
            self.counters.recorded += 1
        else:
            self.counters.repeats += 1

    async def start(self) -> None:
        from aiokafka import AIOKafkaConsumer

        kafka = self.settings.kafka
        self._consumer = AIOKafkaConsumer(
            kafka.topic_alerts,
            **aiokafka_options(kafka),
            group_id=kafka.notifier_group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
        )
        await self._consumer.start()

    async def consume_once(self, timeout_ms: int = 1000) -> int:
        """One batch: record, then commit. Returns the number of messages."""
        batches = await self._consumer.getmany(timeout_ms=timeout_ms, max_records=self.batch_size)
        count = 0
        for partition, messages in batches.items():
            for message in messages:
                self.record(message.value, f"{partition.topic}[{partition.partition}]@{message.offset}")
                count += 1
        if count:
            await self._consumer.commit()
            await self.delivery.deliver_backlog()
        return count

    async def run(self, stop: asyncio.Event, deliver_interval: float = 1.0) -> None:
        await self.start()
        deliverer = asyncio.create_task(self.delivery.run(stop, deliver_interval))
        try:
            while not stop.is_set():
                await self.consume_once()
        finally:
            stop.set()
            await asyncio.gather(deliverer, return_exceptions=True)
            await self.close()

    async def close(self) -> None:
        if self._consumer is not None:
            await self._consumer.stop()
            self._consumer = None
        await self.delivery.close()


class CountedRulesFollower:
    """The distributed side of the counted rules (frequency, spike, new entity, flatline): every tagged dispatch,
    read from the tagged topic without a consumer group (all partitions; nothing committed), and what fires
    published to the alerts topic like any alert. From there this notifier records it (once per key) and
    delivers it, and the Elasticsearch sink indexes it (`_id` = its key), so the dashboard and Kibana see it.

    At start it seeks to `horizon` seconds back (Kafka's offsets for times), so the windows are rebuilt from
    the stream itself; an alert that fired before the restart comes out again with the same key and is
    recorded once and indexed once."""

    def __init__(self, settings: Settings, evaluator: AggregateRules) -> None:
        self.kafka = settings.kafka
        self.evaluator = evaluator
        self.seen = 0
        self.published = 0

    async def run(self, stop: asyncio.Event) -> None:
        from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

        options = aiokafka_options(self.kafka)
        consumer = AIOKafkaConsumer(enable_auto_commit=False, group_id=None, **options)
        producer = AIOKafkaProducer(**options, acks="all", enable_idempotence=True)
        await consumer.start()
        await producer.start()
        try:
            await self._seek_to_horizon(consumer, stop)
            self.evaluator.start(utcnow())
            while not stop.is_set():
                batches = await consumer.getmany(timeout_ms=1000, max_records=1000)
                docs = [doc for messages in batches.values() for m in messages if (doc := _doc(m.value))]
                docs.sort(key=lambda doc: str(doc.get("fetched") or ""))  # partitions interleave: arrival order
                self.seen += len(docs)
                fired = [alert for doc in docs for alert in self.evaluator.observe(doc)]
                fired += self.evaluator.tick(utcnow())
                if fired:
                    messages = [(self.kafka.topic_alerts, alert.hit_key, alert.to_dict()) for alert in fired]
                    await publish_all(producer, messages, Backoff(0.5, 10.0))
                    self.published += len(fired)
        finally:
            await producer.stop()
            await consumer.stop()

    async def _seek_to_horizon(self, consumer: Any, stop: asyncio.Event) -> None:
        from aiokafka import TopicPartition

        partitions = None
        while not partitions and not stop.is_set():
            partitions = consumer.partitions_for_topic(self.kafka.topic_tagged)
            if not partitions:
                await consumer._client.force_metadata_update()  # aiokafka has no public "refresh" call
                await asyncio.sleep(0.5)
        tps = [TopicPartition(self.kafka.topic_tagged, p) for p in sorted(partitions or ())]
        consumer.assign(tps)
        since_ms = int((time.time() - self.evaluator.horizon) * 1000)
        offsets = await consumer.offsets_for_times(dict.fromkeys(tps, since_ms))
        for tp in tps:
            found = offsets.get(tp)
            if found is None:
                await consumer.seek_to_end(tp)
            else:
                consumer.seek(tp, found.offset)


def _doc(raw: bytes | None) -> dict[str, Any] | None:
    """A tagged document; anything else is skipped here (the sink keeps it as a dead letter)."""
    try:
        doc = json.loads(raw or b"")
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None
