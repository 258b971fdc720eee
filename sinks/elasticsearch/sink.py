"""`wirewatch sink`: tagged dispatches and alerts from Kafka into Elasticsearch.

One short loop:

    batch   = up to chunk_size records, or what arrived within flush_interval
    index   = helpers.async_streaming_bulk (chunk_size per request), _id = dispatch id / alert key
    retry   = 429, 5xx, lost connection: back off (capped) and retry, forever
    reject  = any other per-item 4xx (mapping conflict, immense term, ...):
              a dead letter on dispatches.dead with Elasticsearch's error
    commit  = Kafka offsets, only when every record of the batch is indexed
              or its dead letter acknowledged by the broker

A crash anywhere before the commit re-delivers the batch; indexing by id makes
that harmless. Elasticsearch away for a while only pauses the loop. After
max_poll_interval (5 minutes) without a poll, Kafka moves the partitions to
another member (or back to this one): the uncommitted batch is re-delivered,
still harmless.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from elastic_transport import TransportError
from elasticsearch import ApiError, AsyncElasticsearch
from elasticsearch.helpers import async_streaming_bulk

from wirewatch.backoff import Backoff
from wirewatch.kafka_batches import commit_batch, publish_all
from wirewatch.kafka_options import aiokafka_options
from wirewatch.lifecycle import stop_on_signals
from wirewatch.settings import ElasticsearchSettings, KafkaSettings
from wirewatch.sinks.elasticsearch.client import build_client, install_layout
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.elasticsearch.records import (
    BulkItem,
    Outcome,
    RecordKind,
    Rejected,
    bulk_item,
    dead_letter,
    describe_error,
    outcome_of,
)
from wirewatch.topics import ensure_story_topics
from wirewatch.wire import Origin

log = logging.getLogger(__name__)

# One bulk request stays far below Elasticsearch's default http.max_content_length (100 MB).
MAX_CHUNK_BYTES = 10 * 1024 * 1024


@dataclass(slots=True)
class SinkCounters:
    indexed: int = 0
    dead: int = 0
    retries: int = 0  # bulk rounds that left something to retry
    batches: int = 0
    commits: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(slots=True)
class Record:
    """The parts of a consumer record the sink uses (aiokafka's ConsumerRecord has them)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


@dataclass(slots=True)
class BatchResult:
    indexed: int = 0
    dead_letters: list[dict[str, Any]] = field(default_factory=list)


class BulkIndexer:
    """Index items until Elasticsearch has acknowledged or rejected each one."""

    def __init__(
        self,
        client: AsyncElasticsearch,
        settings: ElasticsearchSettings,
        names: IndexNames,
        backoff: Backoff,
        counters: SinkCounters,
    ) -> None:
        self.client, self.settings, self.names = client, settings, names
        self.backoff, self.counters = backoff, counters

    async def index(self, items: list[BulkItem]) -> BatchResult:
        result = BatchResult()
        pending = items
        delays = iter(self.backoff.delays())
        while pending:
            pending, missing_index = await self._round(pending, result)
            if pending:
                self.counters.retries += 1
                delay = next(delays)
                log.warning("elasticsearch: %d document(s) not acknowledged, retrying in %.1fs", len(pending), delay)
                await asyncio.sleep(delay)
                if missing_index:
                    await self._reinstall_layout()
        return result

    async def _round(self, items: list[BulkItem], result: BatchResult) -> tuple[list[BulkItem], bool]:
        """One pass of async_streaming_bulk; returns the items to retry and whether an index was missing."""
        answers: list[dict[str, Any]] = []
        try:
            async for _ok, info in async_streaming_bulk(
                self.client,
                items,  # type: ignore[arg-type]  # expand_action_callback makes each item an action
                chunk_size=max(1, self.settings.chunk_size),
                max_chunk_bytes=MAX_CHUNK_BYTES,
                # The flush interval is applied where batches are cut from Kafka (getmany's timeout): a
                # batch is a finite list, so the helper's own timer has nothing to add, and it runs an anyio
                # task group inside the generator that, when a request fails mid-stream, is finalised in
                # another task and cancels ours (tests/unit/test_es_bulk_retry.py). 0 = no timer.
                flush_after_seconds=0,
                expand_action_callback=BulkItem.expand,  # type: ignore[arg-type]
                raise_on_error=False,  # per-item failures are classified below
                raise_on_exception=True,  # a failed request is retried as a whole, below
                max_retries=0,  # our loop retries forever, with backoff; results stay in order
            ):
                answers.append(next(iter(info.values())))
        except (ApiError, TransportError) as exc:
            log.warning("elasticsearch bulk request failed after %d of %d item(s): %s", len(answers), len(items), exc)
        retry: list[BulkItem] = list(items[len(answers) :])
        missing_index = False
        for item, answer in zip(items, answers, strict=False):
            status, error = answer.get("status"), answer.get("error")
            outcome = outcome_of(status, error)
            if outcome is Outcome.INDEXED:
                result.indexed += 1
            elif outcome is Outcome.RETRY:
                retry.append(item)
                missing_index |= isinstance(error, dict) and error.get("type") == "index_not_found_exception"
            else:
                reason = f"elasticsearch rejected the document: {describe_error(error)}"
                log.warning(
                    "dead letter %s[%d]@%d: %s", item.origin.topic, item.origin.partition, item.origin.offset, reason
                )
                result.dead_letters.append(dead_letter(reason, item.origin, item.payload, error, status))
        return retry, missing_index

    async def _reinstall_layout(self) -> None:
        try:
            await install_layout(self.client, self.names)
            log.warning("elasticsearch: index layout re-installed (an index or alias was missing)")
        except Exception as exc:  # retried on the next round anyway
            log.warning("elasticsearch: could not re-install the index layout: %s", exc)


class ElasticsearchSink:
    """Consumes dispatches.tagged and alerts, indexes them, dead-letters rejects, then commits."""

    def __init__(
        self,
        es: ElasticsearchSettings,
        kafka: KafkaSettings,
        *,
        backoff: Backoff | None = None,
        client: AsyncElasticsearch | None = None,
        stories: bool = False,
    ) -> None:
        self.es, self.kafka = es, kafka
        self.stories = stories
        self.names = IndexNames.from_settings(es)
        self.backoff = backoff or Backoff(base=0.5, cap=30.0)
        self.counters = SinkCounters()
        self.client = client or build_client(es)
        self.indexer = BulkIndexer(self.client, es, self.names, self.backoff, self.counters)
        self._consumer: Any = None
        self._producer: Any = None

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

        await self._install_layout_when_reachable()
        options = aiokafka_options(self.kafka)
        self._producer = AIOKafkaProducer(**options, acks="all", enable_idempotence=True)
        topics = [self.kafka.topic_tagged, self.kafka.topic_alerts]
        if self.stories:
            await asyncio.to_thread(ensure_story_topics, self.kafka)  # compacted, before it is read
            topics.append(self.kafka.topic_stories)
        self._consumer = AIOKafkaConsumer(
            *topics,
            **options,
            group_id=self.kafka.sink_group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_partition_fetch_bytes=8 * 1024 * 1024,
        )
        await self._producer.start()
        await self._consumer.start()

    async def close(self) -> None:
        for part in (self._consumer, self._producer):
            if part is not None:
                await part.stop()
        await self.client.close()

    async def _install_layout_when_reachable(self) -> None:
        """Install the layout; wait (with backoff) while Elasticsearch is unreachable."""
        for delay in self.backoff.delays():
            try:
                report = await install_layout(self.client, self.names)
                log.info("elasticsearch layout: %s", report)
                return
            except (TransportError, ApiError) as exc:
                if isinstance(exc, ApiError) and 400 <= exc.status_code < 500 and exc.status_code != 429:
                    raise
                log.warning("elasticsearch not reachable (%s), retrying in %.1fs", exc, delay)
                await asyncio.sleep(delay)

    # -- the loop ----------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Consume until `stop` is set; the batch in hand is finished (and committed) first."""
        assert self._consumer is not None, "call start() first"
        timeout_ms = max(1, int(self.es.flush_interval * 1000))
        while not stop.is_set():
            batches = await self._consumer.getmany(timeout_ms=timeout_ms, max_records=max(1, self.es.chunk_size))
            records = [record for partition_records in batches.values() for record in partition_records]
            if records:
                await self.handle(records)

    async def handle(self, records: list[Any]) -> BatchResult:
        """Index one batch, dead-letter its rejects, then commit its offsets."""
        items: list[BulkItem] = []
        dead: list[dict[str, Any]] = []
        for record in records:
            origin = Origin(record.topic, record.partition, record.offset, record.key)
            kind, index = self._destination(record.topic)
            try:
                items.append(bulk_item(kind, origin, record.value, index))
            except Rejected as exc:
                log.warning("dead letter %s[%d]@%d: %s", origin.topic, origin.partition, origin.offset, exc)
                dead.append(dead_letter(str(exc), origin, record.value))
        result = await self.indexer.index(items)
        result.dead_letters[:0] = dead
        await publish_all(
            self._producer,
            [(self.kafka.topic_dead, letter.get("key"), letter) for letter in result.dead_letters],
            self.backoff,
        )
        if await commit_batch(self._consumer, records):
            self.counters.commits += 1
        self.counters.batches += 1
        self.counters.indexed += result.indexed
        self.counters.dead += len(result.dead_letters)
        return result

    def _destination(self, topic: str) -> tuple[RecordKind, str]:
        if topic == self.kafka.topic_alerts:
            return RecordKind.ALERT, self.names.alerts
        if topic == self.kafka.topic_stories:
            return RecordKind.STORY, self.names.stories
        return RecordKind.DISPATCH, self.names.dispatches_alias


async def run_sink(
    es: ElasticsearchSettings, kafka: KafkaSettings, stop: asyncio.Event | None = None, *, stories: bool = False
) -> SinkCounters:
    """The `wirewatch sink` service: runs until SIGTERM/SIGINT (or `stop`). `stories`: also index the stories
    topic (the clusterer's story records) into the stories index."""
    stop = stop or asyncio.Event()
    with stop_on_signals(stop):
        sink = ElasticsearchSink(es, kafka, stories=stories)
        try:
            await sink.start()
            log.info(
                "sink: %s + %s → %s, %s",
                kafka.topic_tagged,
                kafka.topic_alerts,
                sink.names.dispatches_alias,
                sink.names.alerts,
            )
            await sink.run(stop)
        finally:
            await sink.close()
        return sink.counters
