"""The producer service: the feed poller and pushed dispatches, published to Kafka.

Composition only: FeedPoller (or parsed ingest input) → Inbox (SQLite at
[kafka].producer_store) → KafkaPublisher. The inbox's ledger is what makes a
restarted producer skip every id it accepted before; its pending entries are
what the publisher re-sends until the broker acknowledges them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from wirewatch.app.feed_catalog import effective_feeds
from wirewatch.compacted import CompactedTopicFollower, read_compacted
from wirewatch.lifecycle import stop_on_signals
from wirewatch.models import Dispatch
from wirewatch.producers.kafka_publisher import KafkaPublisher, PublisherCounters, PublisherOptions
from wirewatch.producers.poller import FeedPoller, PollReport
from wirewatch.settings import KafkaSettings, Settings
from wirewatch.sinks.sqlite.store import SQLiteStore

log = logging.getLogger(__name__)


@dataclass(slots=True)
class ProducerOutcome:
    counters: PublisherCounters
    pending: int  # accepted but not acknowledged when the run ended (kept for the next start)
    accepted: int = 0  # new dispatches accepted into the inbox during this run
    duplicates: int = 0  # pushed dispatches whose id the ledger already held
    polls: list[PollReport] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.pending == 0


class _CountingEmit:
    """Counts what the poller hands over (each one was just accepted into the inbox)."""

    def __init__(self, publisher: KafkaPublisher) -> None:
        self.publisher = publisher
        self.accepted = 0

    async def __call__(self, dispatch: Dispatch) -> None:
        self.accepted += 1
        await self.publisher.emit(dispatch)


def status_line(publisher: KafkaPublisher, started: float) -> str:
    c = publisher.counters
    elapsed = max(time.monotonic() - started, 1e-9)
    state = "connected" if publisher.connected else "waiting for Kafka"
    return (
        f"wirewatch producer: {state} · acked {c.acked} ({c.acked / elapsed:.1f}/s) · in flight "
        f"{publisher.in_flight} · failed sends {c.failed} · replayed {c.replayed}"
    )


async def run_producer(
    settings: Settings,
    *,
    once: bool = False,
    once_timeout: float = 60.0,
    stop: asyncio.Event | None = None,
    options: PublisherOptions | None = None,
    status_interval: float = 30.0,
    status_stream: TextIO | None = None,
    drain_timeout: float = 10.0,
) -> ProducerOutcome:
    """`wirewatch producer`: poll feeds and publish until stopped, or once (then wait for the acks).

    With once, the poll and the acks together get `once_timeout` seconds; what is
    not acknowledged by then stays pending in the inbox and is sent on the next start.
    """
    stop = stop or asyncio.Event()
    status_stream = status_stream or sys.stderr
    store = SQLiteStore(settings.kafka.producer_store)
    try:
        publisher = KafkaPublisher(settings.kafka, store, options)
    except BaseException:
        store.close()
        raise
    emit = _CountingEmit(publisher)
    # Feeds managed at runtime: read before a single poll; followed while running (the follower applies what the
    # topic holds once Kafka answers, so a broker that is down at start never holds up polling the others).
    managed = await _read_managed_feeds(settings.kafka) if once else {}
    # Items marked for full text are published to the fetch topic, for `wirewatch fetcher`.
    poller = FeedPoller(
        effective_feeds(settings.feeds, managed), settings.poller, store, store, emit, fulltext=settings.fulltext
    )
    follower = ManagedFeedsFollower(settings, poller, managed)
    outcome_polls: list[PollReport] = []
    started = time.monotonic()
    status_task: asyncio.Task[None] | None = None
    follow_task: asyncio.Task[None] | None = None
    try:
        with stop_on_signals(stop):
            await publisher.start()
            if once:
                try:
                    async with asyncio.timeout(once_timeout):
                        outcome_polls.append(await poller.poll_once(force=True))
                        await publisher.flush()
                except TimeoutError:
                    log.warning("not every dispatch was acknowledged within %.0fs", once_timeout)
            else:
                status_task = asyncio.create_task(
                    _status_forever(publisher, started, status_interval, status_stream, stop)
                )
                follow_task = asyncio.create_task(follower.run())
                await poller.run(stop)
                await publisher.flush(drain_timeout)
            print(status_line(publisher, started), file=status_stream, flush=True)
    finally:
        for task in (status_task, follow_task):
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        await publisher.close()
        pending = len(store.pending())
        store.close()
    return ProducerOutcome(counters=publisher.counters, pending=pending, accepted=emit.accepted, polls=outcome_polls)


async def _read_managed_feeds(kafka: KafkaSettings, timeout: float = 10.0) -> dict[str, dict[str, Any]]:
    """The feeds managed at runtime, from the compacted feeds topic; none (with a warning) if it cannot be read
    now: the follower picks them up once Kafka answers."""
    try:
        records = await asyncio.to_thread(read_compacted, kafka, kafka.topic_feeds, timeout)
    except Exception as exc:
        log.warning(
            "could not read the managed feeds from %s yet (%s): starting with the configured ones",
            kafka.topic_feeds,
            exc,
        )
        return {}
    return decode_managed_feeds(records.items())


def decode_managed_feeds(records: Iterable[tuple[str, bytes | None]]) -> dict[str, dict[str, Any]]:
    managed: dict[str, dict[str, Any]] = {}
    for name, value in records:
        if value is None:
            managed.pop(name, None)
            continue
        try:
            definition = json.loads(value)
        except ValueError:
            log.warning("feeds topic: record %r is not JSON; skipped", name)
            continue
        if isinstance(definition, dict):
            managed[name] = definition
    return managed


class ManagedFeedsFollower:
    """Follows the compacted feeds topic and hands every change to the poller (no restart)."""

    def __init__(self, settings: Settings, poller: FeedPoller, managed: dict[str, dict[str, Any]]) -> None:
        self.settings, self.poller, self.managed = settings, poller, dict(managed)

    async def run(self) -> None:
        follower = CompactedTopicFollower(self.settings.kafka, self.settings.kafka.topic_feeds, self._apply)
        while True:
            try:
                await follower.run()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a broker outage: follow again from the start when it is back
                log.warning("following %s failed (%s); retrying", self.settings.kafka.topic_feeds, exc)
                await asyncio.sleep(5.0)

    def _apply(self, records: list[tuple[str, bytes | None]], initial: bool) -> None:
        merged = {**self.managed}
        for name, value in records:
            if value is None:
                merged.pop(name, None)
            else:
                merged.update(decode_managed_feeds([(name, value)]))
        if merged == self.managed:
            return
        self.managed = merged
        try:
            for change in self.poller.update_feeds(effective_feeds(self.settings.feeds, merged)):
                log.info("feeds: %s", change)
        except ValueError as exc:
            log.error("feeds topic: %s", exc)


async def publish_dispatches(
    settings: Settings,
    dispatches: Iterable[Dispatch],
    *,
    timeout: float = 60.0,
    options: PublisherOptions | None = None,
) -> ProducerOutcome:
    """Pushed dispatches (ingest) to Kafka: dedup by the ledger, then wait up to `timeout` for the acks.

    Dispatches pending from an earlier run are re-sent too.
    """
    store = SQLiteStore(settings.kafka.producer_store)
    try:
        publisher = KafkaPublisher(settings.kafka, store, options)
    except BaseException:
        store.close()
        raise
    accepted = duplicates = 0
    try:
        await publisher.start(sweep=False)
        try:
            async with asyncio.timeout(timeout):
                await publisher.resend_pending()
                for dispatch in dispatches:
                    if store.accept(dispatch):
                        accepted += 1
                        await publisher.emit(dispatch)
                    else:
                        duplicates += 1
                await publisher.flush()
        except TimeoutError:
            log.warning("not every dispatch was acknowledged within %.0fs", timeout)
    finally:
        await publisher.close()
        pending = len(store.pending())
        store.close()
    return ProducerOutcome(counters=publisher.counters, pending=pending, accepted=accepted, duplicates=duplicates)


async def _status_forever(
    publisher: KafkaPublisher, started: float, interval: float, stream: TextIO, stop: asyncio.Event
) -> None:
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=interval)
        except TimeoutError:
            print(status_line(publisher, started), file=stream, flush=True)
