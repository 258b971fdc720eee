"""Stopping and restarting the broker mid-stream loses no dispatch (count published == count tagged).

Runs its own broker instance (deploy/local/kafka.sh on free ports, its own
WIREWATCH_LOCAL_DIR) so stopping it does not disturb the shared broker on 9092
that other tests use. The binaries are the shared cached ones.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.integration.test_kafka_processor import (
    KAFKA_SH,
    create_topics,
    dispatch_record,
    ids_of,
    plain_dispatch,
    read_until,
    ready,
    unique_kafka,
    write_config,
)
from tests.support import free_port
from wirewatch.settings import KafkaSettings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]

# The outage issue 7 asks for: the broker away for 30 s while the producer and the worker run.
BROKER_OUTAGE_SECONDS = 30


class PrivateBroker:
    def __init__(self, run_dir: Path) -> None:
        self.port = free_port()
        self.env = dict(
            os.environ,
            WIREWATCH_KAFKA_PORT=str(self.port),
            WIREWATCH_KAFKA_CONTROLLER_PORT=str(free_port()),
            WIREWATCH_LOCAL_DIR=str(run_dir),
            WIREWATCH_KAFKA_HEAP="384m",
        )

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def run(self, action: str) -> None:
        subprocess.run([str(KAFKA_SH), action], env=self.env, check=True, timeout=300)


@pytest.fixture
def private_broker(tmp_path: Path):
    broker = PrivateBroker(tmp_path / "broker")
    broker.run("start")
    try:
        yield broker
    finally:
        broker.run("stop")


class SteadyProducer(threading.Thread):
    """Publishes dispatches one by one; each is retried until the broker acknowledges it."""

    def __init__(self, kafka: KafkaSettings, dispatches: list, pause: float) -> None:
        super().__init__(daemon=True)
        self.kafka, self.dispatches, self.pause = kafka, dispatches, pause
        self.acknowledged: list[str] = []
        self.failures = 0
        self.stop_flag = threading.Event()

    def run(self) -> None:
        from kafka import KafkaProducer

        def connect() -> KafkaProducer:
            return KafkaProducer(
                bootstrap_servers=self.kafka.bootstrap_servers, acks="all", retries=10,
                request_timeout_ms=5_000, delivery_timeout_ms=20_000, max_block_ms=10_000,
                reconnect_backoff_ms=200, reconnect_backoff_max_ms=1_000,
            )  # fmt: skip

        def reconnect() -> KafkaProducer | None:
            while not self.stop_flag.is_set():
                try:
                    return connect()
                except Exception:  # no broker yet
                    time.sleep(0.5)
            return None

        producer = reconnect()
        if producer is None:  # stopped before the broker came up
            return
        try:
            for dispatch in self.dispatches:
                key, value = dispatch_record(dispatch)
                while not self.stop_flag.is_set():
                    try:
                        producer.send(self.kafka.topic_raw, key=key, value=value).get(timeout=30)
                        break
                    except Exception:  # broker down: the next attempt may duplicate, never lose
                        self.failures += 1
                        time.sleep(0.5)
                        # After a long outage a fresh client recovers where one whose metadata
                        # and connections went stale may not (kafka-python 3.0.12).
                        producer.close(timeout=1)
                        producer = reconnect()
                        if producer is None:
                            return
                else:
                    return
                self.acknowledged.append(dispatch.id)
                time.sleep(self.pause)
        finally:
            if producer is not None:
                producer.close(timeout=10)


def test_broker_restart_mid_stream_loses_no_dispatch(private_broker: PrivateBroker, tmp_path: Path, workers) -> None:
    kafka = unique_kafka(private_broker.bootstrap, partitions=2)
    create_topics(kafka)
    worker = workers(write_config(tmp_path / "wirewatch.toml", kafka), "w1", "--batch-size", "20")
    worker.wait_for(ready, timeout=120)

    dispatches = [plain_dispatch(f"Border talks between Iran and Iraq, report {i}.") for i in range(300)]
    producer = SteadyProducer(kafka, dispatches, pause=0.03)
    producer.start()
    try:
        read_until(kafka, kafka.topic_tagged, lambda r: len(r) >= 60, timeout=120)
        private_broker.run("stop")  # mid-stream: the producer and the worker both lose the broker
        published_before_stop = len(producer.acknowledged)
        assert 0 < published_before_stop < len(dispatches), "the broker must stop mid-stream"
        time.sleep(BROKER_OUTAGE_SECONDS)
        private_broker.run("start")
        producer.join(timeout=240)
        assert not producer.is_alive(), "the producer never got all dispatches acknowledged"
    finally:
        producer.stop_flag.set()
    published = set(producer.acknowledged)
    assert len(published) == len(dispatches)

    tagged = read_until(kafka, kafka.topic_tagged, lambda r: published <= set(ids_of(r)), timeout=240)
    tagged_ids = ids_of(tagged)
    assert published - set(tagged_ids) == set(), "dispatches lost across the broker restart"
    assert len(set(tagged_ids)) == len(published)  # count published == count tagged (distinct)
    duplicates = sum(n - 1 for n in Counter(tagged_ids).values())
    status = worker.status() or {}
    print(
        f"\nbroker restart after {published_before_stop} acknowledged: {len(published)} published, {len(set(tagged_ids))} tagged, {duplicates} duplicate record(s),"
        f" {producer.failures} producer retries, worker send retries {status.get('counters', {}).get('send_retries')}"
    )
    assert worker.process.poll() is None, "the worker must survive the broker restart"
