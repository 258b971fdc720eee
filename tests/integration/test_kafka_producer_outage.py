"""The producer with no broker, then a broker that stops and comes back: nothing accepted is lost.

The broker here is a private one (its own ports and data directory, started
with deploy/local/kafka.sh), so stopping it never disturbs the shared broker
other tests use.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from tests.integration.kafka_support import Feed
from tests.integration.services import KAFKA_SCRIPT
from tests.integration.test_kafka_producer import (
    FAST,
    pending_in,
    producer_settings,
    read_topic,
    unique_kafka,
    wait_for,
)
from tests.support import free_port
from wirewatch.app.services.producer import run_producer

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]


@dataclass
class PrivateBroker:
    env: dict[str, str]
    port: int

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        subprocess.run([str(KAFKA_SCRIPT), "start"], env=self.env, check=True, timeout=240, capture_output=True)

    def stop(self) -> None:
        subprocess.run([str(KAFKA_SCRIPT), "stop"], env=self.env, check=True, timeout=120, capture_output=True)


@pytest.fixture
def private_broker(tmp_path: Path) -> Iterator[PrivateBroker]:
    port = free_port()
    env = {
        **os.environ,
        "WIREWATCH_LOCAL_DIR": str(tmp_path / "kafka-run"),
        "WIREWATCH_KAFKA_PORT": str(port),
        "WIREWATCH_KAFKA_CONTROLLER_PORT": str(free_port()),
        "WIREWATCH_KAFKA_HEAP": "256m",
    }
    broker = PrivateBroker(env, port)
    try:
        yield broker
    finally:
        broker.stop()  # idempotent: "not running" is fine


async def test_broker_down_then_up_loses_no_dispatch(private_broker: PrivateBroker, feed: Feed, tmp_path: Path) -> None:
    kafka = unique_kafka(private_broker.bootstrap)
    feed.add(3)
    settings = producer_settings(kafka, feed, tmp_path, interval=0.5)
    store = settings.kafka.producer_store
    stop = asyncio.Event()
    # Sends give up quickly, so the outage below outlasts kafka-python's own retries
    # and the publisher's re-send of pending dispatches has to recover them.
    options = replace(FAST, delivery_timeout_ms=5_000, request_timeout_ms=2_000)
    service = asyncio.create_task(run_producer(settings, stop=stop, options=options, status_interval=60))
    try:
        # No broker yet: the poller keeps accepting, the dispatches wait in the inbox.
        await wait_for(lambda: store.exists() and len(pending_in(store)) == 3, 30, "3 pending dispatches")
        await wait_for(lambda: feed.requests >= 4, 30, "more polls while the broker is away")
        assert len(pending_in(store)) == 3 and not service.done()

        private_broker.start()
        await wait_for(lambda: not pending_in(store), 120, "every dispatch acknowledged")
        assert Counter(k for k, _ in read_topic(kafka, kafka.topic_raw)) == Counter(d.encode() for d in _ids(feed))

        # The broker goes away mid-run; two new items arrive meanwhile.
        private_broker.stop()
        feed.add(2)
        await wait_for(lambda: len(pending_in(store)) == 2, 30, "the 2 new dispatches pending")
        await asyncio.sleep(options.delivery_timeout_ms / 1000 + 2)  # longer than one send may take
        assert len(pending_in(store)) == 2

        private_broker.start()
        await wait_for(lambda: not pending_in(store), 120, "the 2 new dispatches acknowledged")
        stop.set()
        outcome = await asyncio.wait_for(service, 60)

        keys = Counter(k for k, _ in read_topic(kafka, kafka.topic_raw))
        assert set(keys) == {d.encode() for d in _ids(feed)}  # nothing lost
        duplicates = sum(keys.values()) - len(keys)
        # A duplicate is only possible for a re-sent dispatch whose first ack was lost.
        assert duplicates <= outcome.counters.replayed
        assert outcome.accepted == 5 and outcome.pending == 0
        assert outcome.counters.failed >= 1 and outcome.counters.replayed >= 1  # the re-send path was used
        print(
            f"outage: failed sends {outcome.counters.failed}, replayed {outcome.counters.replayed}, "
            f"connect failures {outcome.counters.connect_failures}, duplicates {duplicates}"
        )
    finally:
        stop.set()
        if not service.done():
            service.cancel()
        await asyncio.gather(service, return_exceptions=True)


def _ids(feed: Feed) -> list[str]:
    """The ids of the feed's items: a permalink guid hashes as its canonical URL."""
    from wirewatch.models import dispatch_id
    from wirewatch.producers.normalise import canonical_url

    urls = [canonical_url(item["link"]) for item in feed.items]
    assert None not in urls, urls
    return [dispatch_id(url) for url in urls if url is not None]
