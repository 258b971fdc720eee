"""`wirewatch notify` against the real broker: alerts from the topic delivered once each, across restarts."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from kafka import KafkaProducer

from tests.integration.test_kafka_producer import delete_topics, unique_kafka
from tests.unit.test_store import make_alert
from wirewatch.app.cli.notify import run_notifier
from wirewatch.models import Rule
from wirewatch.settings import DeliverySettings, Settings, WebhookSettings
from wirewatch.sinks.alerts.channels import build_notifiers
from wirewatch.sinks.alerts.delivery import AlertDelivery
from wirewatch.sinks.alerts.service import AlertNotifierService
from wirewatch.sinks.sqlite.store import SQLiteStore

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]


def publish(kafka, messages: list[tuple[str, bytes]]) -> None:
    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers, acks="all")
    try:
        for key, value in messages:
            producer.send(kafka.topic_alerts, key=key.encode(), value=value)
        producer.flush(timeout=30)
    finally:
        producer.close()


def settings_for(kafka, tmp_path: Path, hook_url: str) -> Settings:
    kafka.notifier_group = f"{kafka.client_id}-notifier"
    kafka.notifier_store = tmp_path / "notifier.db"
    return Settings(
        kafka=kafka,
        rules=[Rule(id="r1", name="coup", query="coup", channels=["jsonl", "ops"])],
        delivery=DeliverySettings(
            jsonl_path=tmp_path / "alerts.jsonl",
            retry_base=0.05,
            retry_max=0.2,
            webhooks={"ops": WebhookSettings(url=hook_url)},
        ),
    )


async def run_until(settings: Settings, done, timeout: float = 60.0) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(run_notifier(settings, stop))
    try:
        async with asyncio.timeout(timeout):
            while not done():
                assert not task.done(), task.exception()
                await asyncio.sleep(0.2)
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)


async def test_alerts_from_the_topic_are_delivered_once_each_across_restarts(kafka_bootstrap, receiver, tmp_path):
    kafka = unique_kafka(kafka_bootstrap, partitions=2)
    receiver.statuses = [500, 500]  # the webhook fails twice first: retried, not lost
    settings = settings_for(kafka, tmp_path, receiver.url)
    alerts = [make_alert(key=f"d{i}") for i in range(5)]
    unknown_rule = make_alert(rule_id="not-in-config", key="d9")
    messages = [(a.key, json.dumps(a.to_dict()).encode()) for a in alerts]
    messages.append(messages[0])  # at-least-once upstream: the same alert twice
    messages.append(("junk", b"{not an alert"))
    messages.append((unknown_rule.key, json.dumps(unknown_rule.to_dict()).encode()))
    try:
        publish(kafka, messages)
        jsonl = tmp_path / "alerts.jsonl"

        def delivered() -> bool:
            return len(receiver.received) >= 5 and jsonl.exists() and len(jsonl.read_text().splitlines()) >= 5

        await run_until(settings, delivered)
        expected = sorted(a.dispatch_id for a in alerts)
        assert sorted(body["dispatch_id"] for body in receiver.received) == expected
        assert len(jsonl.read_text().splitlines()) == 5
        with SQLiteStore(settings.kafka.notifier_store) as store:
            assert next(letter.reason for letter in store.dead_letters(10)).startswith("not an alert")
            # the unknown rule's alert went to the console channel, not dropped
            assert any(r.channel == "console" for r in store.deliveries(unknown_rule.key))

        # a restart re-reads nothing twice: offsets were committed and the ledger remembers
        late = make_alert(key="d7")
        publish(kafka, [(late.key, json.dumps(late.to_dict()).encode())])
        await run_until(settings, lambda: len(receiver.received) >= 6)
        await asyncio.sleep(1.0)
        assert sorted(body["dispatch_id"] for body in receiver.received) == sorted([*expected, late.dispatch_id])
    finally:
        delete_topics(kafka)


async def test_record_keeps_a_repeat_out_and_counts_it(tmp_path):
    with SQLiteStore(tmp_path / "n.db") as store:
        settings = Settings(rules=[Rule(id="r1", name="coup", query="coup", channels=["console"])])
        service = AlertNotifierService(
            settings, store, AlertDelivery(store, build_notifiers(settings.delivery), settings.delivery)
        )
        payload = json.dumps(make_alert().to_dict()).encode()
        service.record(payload, "t[0]@0")
        service.record(payload, "t[0]@1")
        service.record(b"\xff", "t[0]@2")
        assert (service.counters.recorded, service.counters.repeats, service.counters.rejected) == (1, 1, 1)
