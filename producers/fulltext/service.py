"""`wirewatch fetcher`: the distributed full-text stage, dispatches.fetch → dispatches.raw.

The producer sends a dispatch marked `fulltext: pending` to dispatches.fetch instead of
dispatches.raw, so polling never waits for an article and dispatches that want none skip
this stage. Fetchers form a consumer group: they scale by the topic's partitions.

One loop, the Elasticsearch sink's shape:

    batch    up to `batch` records, or what arrived within a second
    enrich   every dispatch of the batch at once, within the fetcher's limits (per-host
             politeness and concurrency, timeouts, size caps); a page's failure is a status
             on the dispatch, never a lost dispatch
    publish  each to dispatches.raw, key = dispatch id, acks=all, idempotent producer
    reject   a record that is not a dispatch: a dead letter (stage "fetcher") on dispatches.dead
    commit   only when every output of the batch was acknowledged by the broker

A crash before the commit re-delivers the batch: the pages are fetched again and the same
dispatches (same ids) published again, which the processor and the sink absorb by id.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from wirewatch.backoff import Backoff
from wirewatch.kafka_batches import commit_batch, publish_all
from wirewatch.kafka_options import aiokafka_options
from wirewatch.lifecycle import stop_on_signals
from wirewatch.models import Dispatch, ModelError
from wirewatch.producers.fulltext.fetcher import ArticleFetcher
from wirewatch.settings import FullTextSettings, KafkaSettings
from wirewatch.wire import Origin, dead_letter

log = logging.getLogger(__name__)

STAGE = "fetcher"


@dataclass(slots=True)
class FetcherCounters:
    batches: int = 0
    published: int = 0
    extracted: int = 0
    dead: int = 0
    commits: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


def decode_dispatch(value: bytes | None) -> Dispatch:
    import json

    if value is None:
        raise ModelError("empty message (a tombstone?)")
    try:
        data = json.loads(value)
    except (ValueError, RecursionError) as exc:
        raise ModelError(f"not JSON: {exc}") from exc
    return Dispatch.from_dict(data)


class FetcherService:
    def __init__(
        self, kafka: KafkaSettings, fetcher: ArticleFetcher, *, batch: int = 64, backoff: Backoff | None = None
    ):
        self.kafka = kafka
        self.fetcher = fetcher
        self.batch = max(1, batch)
        self.backoff = backoff or Backoff(base=0.5, cap=30.0)
        self.counters = FetcherCounters()
        self._consumer: Any = None
        self._producer: Any = None

    async def start(self) -> None:
        from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

        options = aiokafka_options(self.kafka)
        self._producer = AIOKafkaProducer(
            **options, acks="all", enable_idempotence=True, compression_type=_compression(self.kafka)
        )
        self._consumer = AIOKafkaConsumer(
            self.kafka.topic_fetch,
            **options,
            group_id=self.kafka.fetcher_group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_interval_ms=15 * 60 * 1000,  # a batch of slow sites may take minutes
        )
        await self._producer.start()
        await self._consumer.start()

    async def close(self) -> None:
        for part in (self._consumer, self._producer):
            if part is not None:
                await part.stop()
        await self.fetcher.close()

    async def run(self, stop: asyncio.Event) -> None:
        assert self._consumer is not None, "call start() first"
        while not stop.is_set():
            batches = await self._consumer.getmany(timeout_ms=1000, max_records=self.batch)
            records = [record for partition_records in batches.values() for record in partition_records]
            if records:
                await self.handle(records)

    async def handle(self, records: list[Any]) -> None:
        """Enrich, publish and dead-letter one batch, then commit its offsets."""
        dispatches: list[Dispatch] = []
        letters: list[dict[str, Any]] = []
        for record in records:
            try:
                dispatches.append(decode_dispatch(record.value))
            except ModelError as exc:
                origin = Origin(record.topic, record.partition, record.offset, record.key)
                log.warning("dead letter %s[%d]@%d: %s", origin.topic, origin.partition, origin.offset, exc)
                letters.append(dead_letter(str(exc), origin, record.value, stage=STAGE))
        enriched = await asyncio.gather(*(self.fetcher.enrich(d) for d in dispatches))
        await publish_all(self._producer, [(self.kafka.topic_raw, d.id, d.to_dict()) for d in enriched], self.backoff)
        await publish_all(
            self._producer, [(self.kafka.topic_dead, letter.get("key"), letter) for letter in letters], self.backoff
        )
        if await commit_batch(self._consumer, records):
            self.counters.commits += 1
        self.counters.batches += 1
        self.counters.published += len(enriched)
        self.counters.extracted += sum(1 for d in enriched if d.fulltext and d.fulltext.status == "extracted")
        self.counters.dead += len(letters)


def _compression(kafka: KafkaSettings) -> str | None:
    return None if kafka.compression in ("", "none") else kafka.compression


async def run_fetcher(
    fulltext: FullTextSettings, kafka: KafkaSettings, *, user_agent: str, stop: asyncio.Event | None = None
) -> FetcherCounters:
    """The `wirewatch fetcher` service: runs until SIGTERM/SIGINT (or `stop`)."""
    stop = stop or asyncio.Event()
    with stop_on_signals(stop):
        service = FetcherService(kafka, ArticleFetcher(fulltext, user_agent=user_agent), batch=fulltext.workers * 8)
        try:
            await service.start()
            log.info("fetcher: %s → %s (group %s)", kafka.topic_fetch, kafka.topic_raw, kafka.fetcher_group)
            await service.run(stop)
        finally:
            await service.close()
        return service.counters
