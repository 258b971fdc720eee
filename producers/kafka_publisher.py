"""KafkaPublisher: dispatches onto `dispatches.raw`, marked done only once the broker acked them.

    poller / ingest ──accept──► Inbox (SQLite at [kafka].producer_store)
        ──emit──► KafkaPublisher ──send (kafka-python: acks=all, idempotent, gzip, linger)──► broker
        ◄──ack callback (kafka-python I/O thread) ── call_soon_threadsafe ──► Inbox.complete

The inbox is both the dedup ledger and the outbox. A dispatch is accepted there
before it is sent and completed only in the broker-ack callback, so:

- a broker that is down or slow loses nothing: unacknowledged dispatches stay
  pending and a sweep re-sends them (at start, and every `resend_interval`);
- a restarted producer never emits an id the ledger has seen (the poller asks
  the inbox first); a pending one it re-sends may already be on the topic if
  the ack was lost, which is the at-least-once the consumers dedup by id.

Memory stays bounded: at most `max_in_flight` dispatches are between `emit` and
their ack or failure; `emit` waits for a free slot (back-pressure on the poller).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from kafka.errors import KafkaError

from wirewatch.backoff import Backoff
from wirewatch.errors import ServiceError, is_record_refused
from wirewatch.kafka_options import kafka_python_options
from wirewatch.models import Dispatch
from wirewatch.ports import DeadLetters, Inbox
from wirewatch.settings import KafkaSettings

log = logging.getLogger(__name__)

# kafka-python's names, plus "none" for an uncompressed topic.
COMPRESSIONS = ("gzip", "snappy", "lz4", "zstd", "none")


class PublisherError(ServiceError):
    """The publisher cannot go on (bad configuration, closed, a programming error)."""


@dataclass(slots=True)
class PublisherOptions:
    """Tuning that is not part of the shared [kafka] section; the defaults suit production."""

    max_in_flight: int = 1000  # dispatches between emit and their ack/failure: the memory bound
    resend_interval: float = 30.0  # seconds between sweeps that re-send pending dispatches
    retries: int = 2_147_483_647  # kafka-python retries until delivery_timeout_ms runs out
    delivery_timeout_ms: int = 120_000  # one send gives up after this; the sweep sends it again
    request_timeout_ms: int = 30_000
    max_block_ms: int = 10_000  # how long send() may wait for topic metadata
    bootstrap_timeout_ms: int = 10_000  # one connection attempt at start
    connect_backoff: float = 1.0  # first wait after a failed connection attempt, doubled up to the max
    connect_backoff_max: float = 30.0


@dataclass(slots=True)
class PublisherCounters:
    sent: int = 0  # handed to kafka-python (re-sends included)
    acked: int = 0  # acknowledged by the broker and completed in the inbox
    failed: int = 0  # sends that failed (left pending, re-sent by the sweep)
    replayed: int = 0  # pending dispatches re-sent by a sweep (at start or after a failure)
    connect_failures: int = 0  # attempts to reach the cluster that failed
    rejected: int = 0  # refused for good (too large for the broker): dead-lettered, not re-sent


class RecordFuture(Protocol):
    def add_callback(self, f: Callable[..., Any], *args: Any) -> Any: ...

    def add_errback(self, f: Callable[..., Any], *args: Any) -> Any: ...


class Producer(Protocol):
    """The part of kafka.KafkaProducer the publisher uses."""

    def send(self, topic: str, value: bytes | None = None, key: bytes | None = None) -> RecordFuture: ...

    def close(self, timeout: float | None = None) -> None: ...


def producer_config(kafka: KafkaSettings, options: PublisherOptions) -> dict[str, Any]:
    """kafka.KafkaProducer keyword arguments: connection from kafka_options, delivery guarantees here."""
    compression = (kafka.compression or "none").lower()
    if compression not in COMPRESSIONS:
        raise PublisherError(f"kafka.compression must be one of {', '.join(COMPRESSIONS)}, not {kafka.compression!r}")
    return {
        **kafka_python_options(kafka),
        "acks": "all",
        # Idempotence (kafka-python >= 2.1, on by default in 3.x): the broker drops
        # the duplicates kafka-python's own retries would otherwise write.
        "enable_idempotence": True,
        "retries": options.retries,
        "compression_type": None if compression == "none" else compression,
        "linger_ms": kafka.linger_ms,
        "batch_size": kafka.batch_bytes,
        "delivery_timeout_ms": options.delivery_timeout_ms,
        "request_timeout_ms": options.request_timeout_ms,
        "max_block_ms": options.max_block_ms,
        "bootstrap_timeout_ms": options.bootstrap_timeout_ms,
    }


def encode_dispatch(dispatch: Dispatch) -> tuple[bytes, bytes]:
    """The wire format: key = dispatch id, value = Dispatch.to_dict() as UTF-8 JSON."""
    value = json.dumps(dispatch.to_dict(), ensure_ascii=False, separators=(",", ":"))
    return dispatch.id.encode("utf-8"), value.encode("utf-8")


def _kafka_producer_factory(kafka: KafkaSettings, options: PublisherOptions) -> Callable[[], Producer]:
    config = producer_config(kafka, options)  # validated now, not on the first connection attempt

    def connect() -> Producer:
        from kafka import KafkaProducer

        return KafkaProducer(**config)

    return connect


class KafkaPublisher:
    """`emit` is the poller's (and ingest's) hand-off; the inbox must already hold the dispatch."""

    def __init__(
        self,
        kafka: KafkaSettings,
        inbox: Inbox,
        options: PublisherOptions | None = None,
        *,
        producer_factory: Callable[[], Producer] | None = None,
    ) -> None:
        self.kafka = kafka
        self.inbox = inbox
        self.options = options or PublisherOptions()
        if self.options.max_in_flight < 1:
            raise PublisherError("max_in_flight must be at least 1")
        self.topic = kafka.topic_raw
        self.counters = PublisherCounters()
        self._factory = producer_factory or _kafka_producer_factory(kafka, self.options)
        self._producer: Producer | None = None
        # One thread for every blocking kafka-python call (connect, send, close), so
        # the event loop never waits on the network and sends keep their order.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kafka-publisher")
        self._slots = asyncio.Semaphore(self.options.max_in_flight)
        # Ids between emit and ack/failure. Checked and updated only on the loop,
        # so the sweep never re-sends what is on its way.
        self._claimed: set[str] = set()
        self._outbox: asyncio.Queue[Dispatch] = asyncio.Queue()
        self._idle = asyncio.Event()
        self._idle.set()
        self._connected = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._fatal: BaseException | None = None
        self._closed = False

    # -- lifecycle -----------------------------------------------------------------------

    async def start(self, *, sweep: bool = True) -> None:
        """Start sending; with sweep, pending dispatches are replayed now and every resend_interval."""
        if self._loop is not None:
            raise PublisherError("publisher already started")
        self._loop = asyncio.get_running_loop()
        self._tasks.append(asyncio.create_task(self._send_forever(), name="kafka-publisher-send"))
        if sweep:
            self._tasks.append(asyncio.create_task(self._sweep_forever(), name="kafka-publisher-sweep"))

    async def close(self, timeout: float = 10.0) -> None:
        """Stop sending; acks that arrive while the producer closes still complete their dispatches.

        Whatever is not acknowledged by then stays pending in the inbox for the next start.
        """
        if self._closed:
            return
        self._closed = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._producer is not None:
            producer, self._producer = self._producer, None
            loop = asyncio.get_running_loop()
            try:
                await loop.run_in_executor(self._executor, producer.close, timeout)
            except Exception:
                log.exception("closing the Kafka producer failed")
            # Let acks queued by the I/O thread during close reach the inbox.
            await asyncio.sleep(0)
        self._executor.shutdown(wait=False, cancel_futures=True)

    # -- the hand-off ----------------------------------------------------------------------

    async def emit(self, dispatch: Dispatch) -> None:
        """Queue an accepted dispatch for sending; waits while max_in_flight dispatches are unacknowledged.

        Call it right after Inbox.accept, with no await in between (FeedPoller does):
        the claim made here, before this coroutine first suspends, is what keeps a
        concurrent sweep from sending the same dispatch a second time.
        """
        self._raise_if_unusable()
        if dispatch.id in self._claimed:
            return  # already on its way
        # Claimed before the first await: a sweep running meanwhile must skip it.
        self._claimed.add(dispatch.id)
        self._idle.clear()
        try:
            await self._slots.acquire()
        except BaseException:
            self._unclaim(dispatch.id, release_slot=False)
            raise
        self._outbox.put_nowait(dispatch)

    async def flush(self, timeout: float | None = None) -> bool:
        """Wait until every emitted dispatch is acknowledged or failed; False on timeout."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while not self._idle.is_set():
            self._raise_if_unusable()  # a dead sender would otherwise keep us waiting forever
            step = 0.5 if deadline is None else min(0.5, deadline - loop.time())
            if step <= 0:
                return False
            try:
                await asyncio.wait_for(self._idle.wait(), step)
            except TimeoutError:
                pass
        return True

    async def resend_pending(self) -> int:
        """Emit every pending dispatch that is not already on its way; returns how many."""
        pending = self.inbox.pending()
        candidates = [d for d in pending if d.id not in self._claimed]  # decided before any await
        if candidates:
            log.info("re-sending %d dispatch(es) accepted but not yet acknowledged by Kafka", len(candidates))
        for dispatch in candidates:
            self.counters.replayed += 1
            await self.emit(dispatch)
        return len(candidates)

    @property
    def in_flight(self) -> int:
        return len(self._claimed)

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    async def wait_connected(self, timeout: float | None = None) -> bool:
        try:
            async with asyncio.timeout(timeout):
                await self._connected.wait()
        except TimeoutError:
            return False
        return True

    # -- sending -----------------------------------------------------------------------------

    def _raise_if_unusable(self) -> None:
        if self._fatal is not None:
            raise PublisherError(f"Kafka publisher stopped: {self._fatal!r}") from self._fatal
        if self._closed:
            raise PublisherError("Kafka publisher is closed")
        if self._loop is None:
            raise PublisherError("call start() before emit()")

    async def _send_forever(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            while True:
                dispatch = await self._outbox.get()
                producer = await self._ensure_producer()
                try:
                    await loop.run_in_executor(self._executor, self._send_one, producer, dispatch)
                except Exception as exc:
                    self._failed(dispatch.id, exc, dispatch)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            self._fatal = exc
            log.exception("Kafka publisher stopped")
            raise

    async def _ensure_producer(self) -> Producer:
        loop = asyncio.get_running_loop()
        delays = Backoff(self.options.connect_backoff, self.options.connect_backoff_max).delays()
        while self._producer is None:
            try:
                self._producer = await loop.run_in_executor(self._executor, self._factory)
            except Exception as exc:
                if not isinstance(exc, KafkaError | OSError):
                    raise  # configuration or programming error: retrying cannot help
                self.counters.connect_failures += 1
                delay = next(delays)
                log.warning(
                    "Kafka unreachable at %s (%s); retrying in %.0fs, %d dispatch(es) wait in the inbox",
                    ",".join(self.kafka.bootstrap_servers),
                    exc,
                    delay,
                    self.in_flight,
                )
                await asyncio.sleep(delay)
            else:
                self._connected.set()
                log.info("connected to Kafka at %s", ",".join(self.kafka.bootstrap_servers))
        return self._producer

    def _send_one(self, producer: Producer, dispatch: Dispatch) -> None:
        """Runs on the executor thread; callbacks run on kafka-python's I/O thread (or here if already done)."""
        key, value = encode_dispatch(dispatch)
        # A dispatch marked for full text goes to the fetcher stage first (producers/fulltext/service.py).
        pending = dispatch.fulltext is not None and dispatch.fulltext.status == "pending"
        future = producer.send(self.kafka.topic_fetch if pending else self.topic, value=value, key=key)
        self.counters.sent += 1  # a plain int bump; read on the loop for status only
        future.add_callback(self._from_io_thread, self._acked, dispatch.id)
        future.add_errback(self._from_io_thread, lambda _id, error: self._failed(_id, error, dispatch), dispatch.id)

    def _from_io_thread(self, handler: Callable[[str, Any], None], dispatch_id: str, result: Any) -> None:
        loop = self._loop
        if loop is None:
            return
        try:
            loop.call_soon_threadsafe(handler, dispatch_id, result)
        except RuntimeError:
            # The loop is gone (process ending): the dispatch stays pending and is re-sent next start.
            log.debug("event loop closed before the result for %s arrived", dispatch_id)

    def _acked(self, dispatch_id: str, metadata: Any) -> None:
        try:
            self.inbox.complete(dispatch_id)
        except Exception:
            log.exception("acknowledged dispatch %s could not be marked complete", dispatch_id)
        else:
            self.counters.acked += 1
        self._unclaim(dispatch_id)

    def _failed(self, dispatch_id: str, error: Any, dispatch: Dispatch | None = None) -> None:
        if dispatch is not None and is_record_refused(error) and isinstance(self.inbox, DeadLetters):
            # Re-sending cannot help: keep it, with the reason, where an operator looks.
            payload = json.dumps(dispatch.to_dict(), ensure_ascii=False)
            self.inbox.dead_letter("dispatch", payload, f"refused by Kafka: {error}")
            self.inbox.complete(dispatch_id)
            self.counters.rejected += 1
            log.error("dispatch %s is too large for Kafka (%s): moved to the dead letters", dispatch_id, error)
            self._unclaim(dispatch_id)
            return
        self.counters.failed += 1
        log.warning("sending dispatch %s failed (%s); it stays pending and is re-sent", dispatch_id, error)
        self._unclaim(dispatch_id)

    def _unclaim(self, dispatch_id: str, *, release_slot: bool = True) -> None:
        if dispatch_id not in self._claimed:
            return
        self._claimed.discard(dispatch_id)
        if release_slot:
            self._slots.release()
        if not self._claimed:
            self._idle.set()

    async def _sweep_forever(self) -> None:
        while True:
            try:
                await self.resend_pending()
            except PublisherError:
                return
            except Exception:
                log.exception("re-sending pending dispatches failed")
            await asyncio.sleep(self.options.resend_interval)
