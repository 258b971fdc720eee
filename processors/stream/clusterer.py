"""`wirewatch clusterer`: the stories stage of distributed mode, dispatches.clustering → dispatches.tagged.

With `[stories] enabled` the processors tag in parallel and send each document here instead of to
dispatches.tagged; this stage places it in a story, matches the rules on the placed document (so rules on
`story.*` work and alerts carry their story), and publishes what the processors published before:

    dispatches.clustering ──► StoryStage.place ─► rules
        ├─► dispatches.tagged   the document with its `story`, key = dispatch id
        ├─► alerts              one record per (rule, dispatch), key = hit key; the notifier groups by story
        ├─► stories             compacted: each changed story's latest record, key = story id (the sink indexes it)
        └─► dispatches.dead     a record that is not a tagged document (stage "clusterer")

Why one owner: two copies of a story may be tagged by different processors, so the decision "is this a copy of
something seen" needs every dispatch in one place. The clustering topic has one partition and the clusterers
form a consumer group, so exactly one clusterer owns it at a time; others stand by and take over when it dies.
Clustering costs a fraction of tagging (docs/stories.md: ~0.3-0.5 ms a dispatch against ~10 ms), so one owner
keeps up with many processors.

At-least-once, and a takeover keeps the story ids: a batch's offsets are committed only after all its outputs
were acknowledged. Before handling anything after an assignment, the owner rebuilds its index from what it
published: the `stories` topic (the open stories' records) and dispatches.tagged over the horizon (their
documents, each with its story). A redelivered record is then found in the index and keeps its story instead
of being placed (and counted) again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from wirewatch.backoff import Backoff
from wirewatch.compacted import read_compacted
from wirewatch.kafka_batches import commit_batch, publish_all
from wirewatch.kafka_options import aiokafka_options, kafka_python_options
from wirewatch.lifecycle import stop_on_signals
from wirewatch.models import ModelError, TaggedDispatch, parse_time
from wirewatch.processors.process import DispatchProcessor
from wirewatch.processors.stories.stage import StoryStage
from wirewatch.processors.stream.rules import RuleTopicFollower
from wirewatch.settings import Settings
from wirewatch.topics import ensure_story_topics
from wirewatch.wire import Origin, dead_letter

log = logging.getLogger("wirewatch.clusterer")

STAGE = "clusterer"
RESUME_SLACK = timedelta(days=1)  # documents published a little before the horizon may still be members


@dataclass(slots=True)
class ClustererCounters:
    batches: int = 0
    placed: int = 0
    repeats: int = 0  # redelivered dispatches found already placed
    alerts: int = 0
    stories_published: int = 0
    dead: int = 0
    resumes: int = 0
    resumed_documents: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


def decode_tagged(value: bytes | None) -> tuple[TaggedDispatch, dict[str, Any]]:
    if value is None:
        raise ModelError("empty message (a tombstone?)")
    try:
        doc = json.loads(value)
    except (ValueError, RecursionError) as exc:
        raise ModelError(f"not JSON: {exc}") from exc
    if not isinstance(doc, dict):
        raise ModelError("not a JSON object")
    tagged = TaggedDispatch.from_doc(doc)
    doc.pop("story", None)  # placed here, whatever a record says
    return tagged, doc


class ClustererService:
    def __init__(self, settings: Settings, *, batch: int = 500, backoff: Backoff | None = None) -> None:
        self.settings = settings
        self.kafka = settings.kafka
        self.batch = max(1, batch)
        self.backoff = backoff or Backoff(base=0.5, cap=30.0)
        self.counters = ClustererCounters()
        from wirewatch.query import RuleMatcher

        self.processor = DispatchProcessor(None, RuleMatcher([]))  # rules arrive from the rules topic
        self.follower = RuleTopicFollower(self.kafka, self._apply_rules)
        self.stage: StoryStage | None = None  # built (resumed) once this clusterer owns the topic
        self._assigned = False
        self._consumer: Any = None
        self._producer: Any = None

    def _apply_rules(self, rules: list[Any]) -> None:
        errors = self.processor.replace_rules(rules)
        for error in errors:
            log.error("rule skipped: %s: %s at position %s", error.rule_name, error.message, error.position)
        log.info("rule set replaced: %d rule(s), %d skipped", len(rules) - len(errors), len(errors))

    async def start(self) -> None:
        from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
        from aiokafka.abc import ConsumerRebalanceListener

        await asyncio.to_thread(ensure_story_topics, self.kafka)  # one partition in: refused otherwise
        service = self

        class Ownership(ConsumerRebalanceListener):
            async def on_partitions_revoked(self, revoked: Any) -> None:
                if service._assigned:
                    log.info("giving up the stories (a rebalance)")
                service.stage = None  # whoever owns it next rebuilds from the topics
                service._assigned = False

            async def on_partitions_assigned(self, assigned: Any) -> None:
                service._assigned = bool(assigned)
                if assigned:
                    log.info("owner of %s: taking over the stories", ", ".join(sorted(tp.topic for tp in assigned)))

        options = aiokafka_options(self.kafka)
        compression = None if self.kafka.compression in ("", "none") else self.kafka.compression
        self._producer = AIOKafkaProducer(
            **options,
            acks="all",
            enable_idempotence=True,
            compression_type=compression,
            linger_ms=self.kafka.linger_ms,
            max_batch_size=self.kafka.batch_bytes,
        )
        self._consumer = AIOKafkaConsumer(
            **options,
            group_id=self.kafka.clusterer_group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_interval_ms=30 * 60 * 1000,  # resuming a week of stories may take minutes
        )
        self._consumer.subscribe([self.kafka.topic_clustering], listener=Ownership())
        await self._producer.start()
        await self._consumer.start()

    async def close(self) -> None:
        for part in (self._consumer, self._producer):
            if part is not None:
                await part.stop()
        self._consumer = self._producer = None

    async def run(self, stop: asyncio.Event) -> None:
        assert self._consumer is not None, "call start() first"
        rules = asyncio.create_task(self.follower.run(seed=list(self.settings.rules)), name="rules")
        try:
            ready = asyncio.create_task(self.follower.ready.wait())
            await asyncio.wait({ready, asyncio.create_task(stop.wait())}, return_when=asyncio.FIRST_COMPLETED)
            while not stop.is_set():
                batches = await self._consumer.getmany(timeout_ms=1000, max_records=self.batch)
                records = [record for partition_records in batches.values() for record in partition_records]
                if self._assigned and self.stage is None:
                    # before any record of this assignment: the state the previous owner published
                    self.stage = await asyncio.to_thread(self.resume)
                if records:
                    await self.handle(records)
                elif self.stage is not None:  # a quiet stream: the story records that waited, when due
                    due = self.stage.take_changed()
                    await publish_all(
                        self._producer, [(self.kafka.topic_stories, r["id"], r) for r in due], self.backoff
                    )
            if self.stage is not None:  # a clean stop: the story records still waiting for their next write
                records = self.stage.take_changed(everything=True)
                await publish_all(
                    self._producer, [(self.kafka.topic_stories, r["id"], r) for r in records], self.backoff
                )
        finally:
            rules.cancel()
            await asyncio.gather(rules, return_exceptions=True)

    # -- taking over ----------------------------------------------------------------------

    def resume(self) -> StoryStage:
        """The open stories as published: their records (the stories topic) and their documents
        (dispatches.tagged over the horizon). Blocking: run in a thread."""
        started = time.monotonic()
        horizon = timedelta(days=self.settings.stories.horizon_days)
        records = [json.loads(value) for value in read_compacted(self.kafka, self.kafka.topic_stories).values()]
        stage = StoryStage(self.settings.stories)
        open_records: list[dict[str, Any]] = []
        restored = 0
        if records:
            latest = max(parse_time(r["last_update"]) for r in records)
            open_records = [r for r in records if parse_time(r["last_update"]) >= latest - horizon]
            restored = stage.resume(open_records, self._published_documents(horizon + RESUME_SLACK))
        self.counters.resumes += 1
        self.counters.resumed_documents += restored
        log.info(
            "resumed %d open stories (%d dispatches) in %.1f s", len(open_records), restored, time.monotonic() - started
        )
        return stage

    def _published_documents(self, within: timedelta) -> Any:
        """dispatches.tagged from `within` ago to its end as it is now, oldest first per partition."""
        from kafka import KafkaConsumer, TopicPartition

        consumer = KafkaConsumer(group_id=None, enable_auto_commit=False, **kafka_python_options(self.kafka))
        try:
            topic = self.kafka.topic_tagged
            tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
            if not tps:
                return
            consumer.assign(tps)
            since_ms = int((time.time() - within.total_seconds()) * 1000)
            starts = consumer.offsets_for_times(dict.fromkeys(tps, since_ms))
            end = consumer.end_offsets(tps)
            for tp in tps:
                found = starts.get(tp)
                consumer.seek(tp, found.offset if found is not None else end[tp])
            while any(consumer.position(tp) < end[tp] for tp in tps):
                for tp, batch in consumer.poll(timeout_ms=1000, max_records=2000).items():
                    for record in batch:
                        if record.offset >= end[tp] or record.value is None:
                            continue
                        try:
                            doc = json.loads(record.value)
                        except ValueError:
                            continue
                        if isinstance(doc, dict) and "id" in doc and "published" in doc:
                            yield doc
        finally:
            consumer.close()

    # -- one batch ------------------------------------------------------------------------

    async def handle(self, records: list[Any]) -> None:
        """Place, match and publish one batch, then commit its offsets."""
        stage = self.stage
        if stage is None:  # not the owner (any more): leave the records to the one that is
            return
        out: list[tuple[str, str | None, dict[str, Any]]] = []
        for record in records:
            try:
                tagged, doc = decode_tagged(record.value)
            except ModelError as exc:
                origin = Origin(record.topic, record.partition, record.offset, record.key)
                log.warning("dead letter %s[%d]@%d: %s", origin.topic, origin.partition, origin.offset, exc)
                out.append((self.kafka.topic_dead, None, dead_letter(str(exc), origin, record.value, stage=STAGE)))
                self.counters.dead += 1
                continue
            repeat = tagged.id in stage.index
            tagged.story = stage.place(doc)
            processed = self.processor.match(tagged, doc)
            out.append((self.kafka.topic_tagged, tagged.id, doc))
            out.extend((self.kafka.topic_alerts, alert.hit_key, alert.to_dict()) for alert, _ in processed.alerts)
            self.counters.repeats += repeat
            self.counters.placed += not repeat
            self.counters.alerts += len(processed.alerts)
        stories = stage.take_changed()
        out.extend((self.kafka.topic_stories, story["id"], story) for story in stories)
        await publish_all(self._producer, out, self.backoff)
        await commit_batch(self._consumer, records)
        self.counters.batches += 1
        self.counters.stories_published += len(stories)


async def run_clusterer(settings: Settings, stop: asyncio.Event | None = None) -> ClustererCounters:
    """The `wirewatch clusterer` service: runs until SIGTERM/SIGINT (or `stop`)."""
    stop = stop or asyncio.Event()
    with stop_on_signals(stop):
        service = ClustererService(settings)
        try:
            await service.start()
            kafka = settings.kafka
            log.info("clusterer: %s → %s (group %s)", kafka.topic_clustering, kafka.topic_tagged, kafka.clusterer_group)
            await service.run(stop)
        finally:
            await service.close()
        return service.counters
