"""Rules at runtime: the compacted `rules` topic, read in full by every worker.

Every worker must see every rule, so the topic is not read through the
processors' consumer group (which would give each worker a share of its
partitions). `RuleTopicFollower` reads it with the group-less
`CompactedTopicFollower` (wirewatch/compacted.py, shared with the
learned topic): all partitions, from the beginning, then following; each batch of records is folded into a `RuleBook` and the whole set
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

from wirewatch.compacted import (
    CompactedTopicFollower,
    Record,
    ensure_compacted_topic,
    read_compacted,
    write_compacted,
)
from wirewatch.models import Rule
from wirewatch.processors.stream.codec import DeadLetterReason, RuleBook, rule_changes
from wirewatch.settings import KafkaSettings

log = logging.getLogger("wirewatch.processor.rules")


class RuleTopicFollower:
    """Follows the whole rules topic and calls `on_rules` with the full set after each change."""

    def __init__(self, kafka: KafkaSettings, on_rules: Callable[[list[Rule]], None], poll_ms: int = 500) -> None:
        self.kafka = kafka
        self.on_rules = on_rules
        self.book = RuleBook()
        self.skipped = 0
        self._topic = CompactedTopicFollower(
            kafka, kafka.topic_rules, self._on_records, poll_ms, on_caught_up=self._publish
        )
        self.ready = self._topic.ready  # set once the records present at start are applied

    async def run(self, seed: list[Rule] | None = None) -> None:
        # A fresh book per run: a rerun after an error rereads the topic from the start.
        self.book = RuleBook()

        async def publish_seed() -> None:
            # An empty topic: the config's rules seed it (see docs/processor.md). Several workers starting at
            # once write identical records: harmless on a compacted topic.
            assert seed is not None
            log.info(
                "rules topic %s is empty: seeding it with %d configured rule(s)", self.kafka.topic_rules, len(seed)
            )
            await asyncio.to_thread(publish_rules, self.kafka, seed)

        await self._topic.run(seed=publish_seed if seed else None)

    def _on_records(self, records: list[Record], initial: bool) -> None:
        changed = False
        for key, value in records:
            changed |= self._apply(key.encode("utf-8"), value)
        if changed and not initial:  # the set is published once complete, never from a half-read topic
            self._publish()

    def _apply(self, key: bytes | None, value: bytes | None) -> bool:
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


def ensure_rules_topic(kafka: KafkaSettings) -> None:
    """Create the compacted rules topic if it does not exist (1 partition: rules are few)."""
    ensure_compacted_topic(kafka, kafka.topic_rules)


def read_rule_records(kafka: KafkaSettings, timeout: float = 30.0) -> dict[str, bytes]:
    """The topic's current state, id → value (tombstoned ids dropped), read to its end."""
    return read_compacted(kafka, kafka.topic_rules, timeout)


def publish_rules(kafka: KafkaSettings, rules: list[Rule], timeout: float = 30.0) -> list[tuple[str, bytes | None]]:
    """Make the rules topic hold exactly `rules`; returns the records written."""
    ensure_rules_topic(kafka)
    changes = rule_changes(read_rule_records(kafka, timeout), rules)
    write_compacted(kafka, kafka.topic_rules, changes, timeout)
    return changes
