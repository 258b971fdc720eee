"""Rules at runtime: the compacted `rules` topic, read in full by every worker.

Every worker must see every rule, so the topic is not read through the
processors' consumer group (which would give each worker a share of its
partitions). `RuleTopicFollower` uses an aiokafka consumer with no group:
it assigns itself all partitions, reads from the beginning, and keeps
following; each batch of records is folded into a `RuleBook` and the whole set
is swapped into the matcher (`DispatchProcessor.replace_rules`). Rules whose
query does not parse are logged and skipped by the matcher; records that are
not rules at all are logged and skipped here.

`publish_rules` (behind `wirewatch rules publish`) writes the configured rule
set to the topic keyed by rule id, with tombstones for rules no longer
configured, so the topic converges to exactly the config's rules.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from wirewatch.kafka_options import aiokafka_options
from wirewatch.models import Rule
from wirewatch.processors.stream.codec import DeadLetterReason, RuleBook, rule_changes
from wirewatch.processors.stream.compacted import ensure_compacted_topic, read_compacted, write_compacted
from wirewatch.settings import KafkaSettings

log = logging.getLogger("wirewatch.processor.rules")


class RuleTopicFollower:
    """Follows the whole rules topic and calls `on_rules` with the full set after each change."""

    def __init__(self, kafka: KafkaSettings, on_rules: Callable[[list[Rule]], None], poll_ms: int = 500) -> None:
        self.kafka = kafka
        self.on_rules = on_rules
        self.poll_ms = poll_ms
        self.book = RuleBook()
        self.ready = asyncio.Event()  # set once the records present at start are applied
        self.records_seen = 0
        self.skipped = 0

    async def run(self, seed: list[Rule] | None = None) -> None:
        from aiokafka import AIOKafkaConsumer, TopicPartition

        consumer = AIOKafkaConsumer(enable_auto_commit=False, group_id=None, **aiokafka_options(self.kafka))
        await consumer.start()
        try:
            partitions = await self._partitions(consumer)
            tps = [TopicPartition(self.kafka.topic_rules, p) for p in partitions]
            consumer.assign(tps)
            await consumer.seek_to_beginning(*tps)
            end = await consumer.end_offsets(tps)
            if seed and not any(end.values()):
                # An empty topic: the config's rules seed it (see docs/processor.md).
                # Several workers starting at once write identical records: harmless on a compacted topic.
                log.info(
                    "rules topic %s is empty: seeding it with %d configured rule(s)", self.kafka.topic_rules, len(seed)
                )
                await asyncio.to_thread(publish_rules, self.kafka, seed)
                end = await consumer.end_offsets(tps)
            # A fresh book per run: a rerun after an error rereads the topic from the start.
            self.book = RuleBook()
            caught_up = not any(end.values())
            if caught_up:
                self._publish()
            while True:
                batches = await consumer.getmany(timeout_ms=self.poll_ms)
                changed = False
                for records in batches.values():
                    for record in records:
                        changed |= self._apply(record.key, record.value)
                if not caught_up:
                    # Publish the set only once it is complete, never a half-read topic.
                    caught_up = all(await self._caught_up(consumer, end))
                    if caught_up:
                        self._publish()
                elif changed:
                    self._publish()
        finally:
            await consumer.stop()

    async def _partitions(self, consumer) -> list[int]:
        # The topic may not exist yet (rules published later): wait for it rather than fail the worker.
        while True:
            partitions = consumer.partitions_for_topic(self.kafka.topic_rules)
            if partitions:
                return sorted(partitions)
            await ensure_rules_topic_async(self.kafka)
            await consumer._client.force_metadata_update()  # aiokafka has no public "refresh" call
            await asyncio.sleep(0.5)

    @staticmethod
    async def _caught_up(consumer, end: dict) -> list[bool]:
        return [await consumer.position(tp) >= offset for tp, offset in end.items()]

    def _apply(self, key: bytes | None, value: bytes | None) -> bool:
        self.records_seen += 1
        try:
            rule_id = self.book.apply(key, value)
        except DeadLetterReason as exc:
            self.skipped += 1
            log.error("rules topic: record skipped: %s", exc)
            return False
        log.info("rules topic: rule %r %s", rule_id, "updated" if value is not None else "removed")
        return True

    def _publish(self) -> None:
        self.on_rules(self.book.rules())
        self.ready.set()


def ensure_rules_topic(kafka: KafkaSettings) -> None:
    """Create the compacted rules topic if it does not exist (1 partition: rules are few)."""
    ensure_compacted_topic(kafka, kafka.topic_rules)


async def ensure_rules_topic_async(kafka: KafkaSettings) -> None:
    await asyncio.to_thread(ensure_rules_topic, kafka)


def read_rule_records(kafka: KafkaSettings, timeout: float = 30.0) -> dict[str, bytes]:
    """The topic's current state, id → value (tombstoned ids dropped), read to its end."""
    return read_compacted(kafka, kafka.topic_rules, timeout)


def publish_rules(kafka: KafkaSettings, rules: list[Rule], timeout: float = 30.0) -> list[tuple[str, bytes | None]]:
    """Make the rules topic hold exactly `rules`; returns the records written."""
    ensure_rules_topic(kafka)
    changes = rule_changes(read_rule_records(kafka, timeout), rules)
    write_compacted(kafka, kafka.topic_rules, changes, timeout)
    return changes
