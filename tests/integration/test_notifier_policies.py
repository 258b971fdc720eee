"""The distributed notifier (`wirewatch notify` as a process, a real broker, a real webhook receiver) with a
digest, a realert window and a silence from the silences topic, killed with SIGKILL while the digest and the
window are open: after the restart every alert is delivered exactly once, in the messages it belongs to, and
the silenced one is recorded and never sent."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from datetime import timedelta
from pathlib import Path

import pytest
from kafka import KafkaProducer

from tests.integration.kafka_support import ServiceProcess
from tests.integration.test_kafka_notifier import publish
from tests.integration.test_kafka_producer import delete_topics, read_topic, unique_kafka
from tests.unit.test_store import make_alert
from wirewatch.app.silences import TopicSilences, new_silence
from wirewatch.models import Alert, utcnow
from wirewatch.settings import KafkaSettings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

PERIOD = 30  # seconds: the digest period and the realert window


class Notifier(ServiceProcess):
    def arguments(self) -> list[str]:
        return ["notify"]


def write_config(path: Path, kafka: KafkaSettings, hook_url: str) -> Path:
    lines = ["[kafka]", f"bootstrap_servers = {json.dumps(kafka.bootstrap_servers)}"]
    for name in ("client_id", "topic_alerts", "topic_silences", "notifier_group"):
        lines.append(f"{name} = {json.dumps(getattr(kafka, name))}")
    lines.append(f"notifier_store = {json.dumps(str(kafka.notifier_store))}")
    lines += ["", "[delivery]", "retry_base = 0.2", "retry_max = 1.0"]
    lines += ["", "[delivery.webhooks.ops]", f"url = {json.dumps(hook_url)}"]
    lines += ["", "[[rules]]", 'id = "digest"', 'name = "coup digest"', 'query = "coup"', 'channels = ["ops"]']
    lines += [f'digest = "{PERIOD}s"']
    lines += ["", "[[rules]]", 'id = "throttled"', 'name = "coup realert"', 'query = "coup"', 'channels = ["ops"]']
    lines += [f'realert = "{PERIOD}s"', 'realert_key = "countries"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def alert(rule_id: str, key: str, countries: tuple[str, ...] = ("NE",)) -> Alert:
    made = make_alert(rule_id=rule_id, key=key)
    made.dispatch_id = key
    made.countries = list(countries)
    made.at = utcnow()
    return made


def ledger(path: Path, sql: str) -> list[tuple]:
    if not path.exists():
        return []
    conn = sqlite3.connect(path, timeout=5)
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:  # the schema is not there yet
        return []
    finally:
        conn.close()


async def wait_until(predicate, timeout: float, what: str, notifier: Notifier) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert notifier.process and notifier.process.poll() is None, f"notifier exited:\n{notifier.tail()}"
        assert time.monotonic() < deadline, f"never: {what}\n{notifier.tail()}"
        await asyncio.sleep(0.2)


def messages(receiver) -> list[list[str]]:
    return [[a["dispatch_id"] for a in body.get("alerts", [body])] for body in receiver.received]


async def test_kill9_mid_digest_and_mid_window_loses_nothing_and_doubles_nothing(kafka_bootstrap, receiver, tmp_path):
    kafka = unique_kafka(kafka_bootstrap, partitions=2)
    kafka.notifier_group = f"{kafka.client_id}-notifier"
    kafka.notifier_store = tmp_path / "notifier.db"
    config = write_config(tmp_path / "wirewatch.toml", kafka, receiver.url)
    store = kafka.notifier_store
    now = utcnow()
    TopicSilences(kafka).add(new_silence(None, "ML", now, now + timedelta(hours=1), "expected: Bamako briefing", "t"))
    notifier = Notifier(config, tmp_path, "notifier", module="wirewatch.app.cli.main").start()
    try:
        warm = alert("throttled", "warm", countries=("XX",))  # the consumer group joined and delivering
        publish(kafka, [(warm.key, json.dumps(warm.to_dict()).encode())])
        await wait_until(lambda: messages(receiver) == [["warm"]], 90, "the notifier running", notifier)
        # Just after a period boundary, so the digest and the window stay open while the notifier is killed.
        await asyncio.sleep((PERIOD - time.time() % PERIOD) + 0.5)
        digest = [alert("digest", f"d{i}") for i in range(4)]
        first, repeats = alert("throttled", "t0"), [alert("throttled", f"t{i}") for i in (1, 2)]
        silenced = alert("throttled", "mali", countries=("ML",))
        publish(kafka, [(a.key, json.dumps(a.to_dict()).encode()) for a in [*digest, first, silenced]])
        await wait_until(lambda: messages(receiver)[1:] == [["t0"]], 20, "the window's first alert, at once", notifier)
        publish(kafka, [(a.key, json.dumps(a.to_dict()).encode()) for a in repeats])
        held = "SELECT count(*) FROM deliveries WHERE state = 'pending' AND grouping IS NOT NULL"
        await wait_until(lambda: ledger(store, held) == [(6,)], 20, "4 digest and 2 repeats held", notifier)
        assert time.time() % PERIOD < PERIOD - 3, "the period ended before the kill: the test ran too slowly"
        notifier.kill9()
        assert messages(receiver) == [["warm"], ["t0"]]

        notifier.start()
        await wait_until(lambda: len(receiver.received) >= 4, PERIOD + 60, "the digest and the repeats", notifier)
        await asyncio.sleep(3)  # anything doubled would arrive now
        assert sorted(messages(receiver)) == sorted([["warm"], ["t0"], ["d0", "d1", "d2", "d3"], ["t1", "t2"]])
        outcomes = ledger(store, "SELECT alert_key, outcome, silence_id FROM deliveries ORDER BY alert_key")
        assert ("throttled:mali", "silenced") in [(key, outcome) for key, outcome, _ in outcomes]
        assert {outcome for _, outcome, _ in outcomes} == {"sent", "silenced"}
    finally:
        notifier.stop()
        delete_topics(kafka)


async def test_counted_rules_in_the_notifier_fire_once_across_a_restart(kafka_bootstrap, receiver, tmp_path):
    from tests.integration.test_kafka_notifier import run_until
    from wirewatch.models import Rule
    from wirewatch.settings import DeliverySettings, Settings, WebhookSettings

    kafka = unique_kafka(kafka_bootstrap, partitions=2)
    kafka.notifier_group = f"{kafka.client_id}-notifier"
    kafka.notifier_store = tmp_path / "notifier.db"
    settings = Settings(
        kafka=kafka,
        rules=[
            Rule(
                id="burst",
                name="junta burst",
                query="junta",
                channels=["ops"],
                type="frequency",
                params={"threshold": 3, "window": "1h"},
            ),
            Rule(
                id="quiet", name="intake silent", query="*", channels=["ops"], type="flatline", params={"window": "8s"}
            ),
        ],
        delivery=DeliverySettings(retry_base=0.2, retry_max=1.0, webhooks={"ops": WebhookSettings(url=receiver.url)}),
    )
    now = utcnow()
    docs = [
        {
            "id": f"j{i}",
            "title": f"The junta speaks, part {i}",
            "text": "junta",
            "source": "wire",
            "fetched": (now + timedelta(seconds=i)).isoformat().replace("+00:00", "Z"),
            "countries": [],
        }
        for i in range(4)
    ]
    try:
        producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers, acks="all")
        for doc in docs:
            producer.send(kafka.topic_tagged, key=str(doc["id"]).encode(), value=json.dumps(doc).encode())
        producer.flush(timeout=30)
        producer.close()

        def kinds() -> list[str]:
            return sorted(body["kind"] for body in receiver.received)

        await run_until(settings, lambda: kinds() == ["flatline", "frequency"], timeout=60)
        burst = next(body for body in receiver.received if body["kind"] == "frequency")
        assert burst["title"].startswith("3 dispatches matched in 1h") and "junta" in burst["search"]
        # published like any alert: the Elasticsearch sink indexes it from the alerts topic
        on_topic = [json.loads(value) for _, value in read_topic(kafka, kafka.topic_alerts)]
        assert [a["key"] for a in on_topic if a["kind"] == "frequency"] == [burst["key"]]
        # a restart replays the hour from the topic: the same alert key, recorded once, not sent again
        ends = time.monotonic() + 6  # the replay of the topic happens in the first second or two
        await run_until(settings, lambda: time.monotonic() > ends, timeout=30)
        assert kinds() == ["flatline", "frequency"]
        assert ledger(kafka.notifier_store, "SELECT count(*) FROM alerts WHERE rule_id = 'burst'") == [(1,)]
        # proof that the restart did replay the stream: with the ledger's record gone, the same alert comes back
        conn = sqlite3.connect(kafka.notifier_store)
        with conn:
            conn.execute("DELETE FROM deliveries WHERE alert_key LIKE 'burst:%'")
            conn.execute("DELETE FROM alert_hits WHERE alert_key LIKE 'burst:%'")
            conn.execute("DELETE FROM alerts WHERE rule_id = 'burst'")
        conn.close()
        await run_until(settings, lambda: kinds() == ["flatline", "frequency", "frequency"], timeout=30)
        assert receiver.received[-1]["key"] == burst["key"]
    finally:
        delete_topics(kafka)


async def test_rules_test_apply_through_kafka_is_recorded_once_and_sent_as_one_digest(kafka_bootstrap, tmp_path):
    from tests.integration.test_kafka_notifier import run_until
    from tests.unit.test_store import make_tagged
    from wirewatch.app.cli.alerting import apply_backtest
    from wirewatch.models import Rule
    from wirewatch.settings import DeliverySettings, Settings

    kafka = unique_kafka(kafka_bootstrap, partitions=2)
    kafka.notifier_group = f"{kafka.client_id}-notifier"
    kafka.notifier_store = tmp_path / "notifier.db"
    rule = Rule(id="sahel", name="sahel coup", query="coup", channels=["jsonl"])
    settings = Settings(
        kafka=kafka, rules=[rule], delivery=DeliverySettings(jsonl_path=tmp_path / "alerts.jsonl", retry_base=0.2)
    )
    matches = [(make_tagged(f"past{i}", title=f"Coup rumour {i}").to_doc(), ["coup"]) for i in range(3)]
    out = tmp_path / "alerts.jsonl"

    def lines() -> list[dict]:
        return [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []

    try:
        assert apply_backtest(settings, rule, matches, deliver=True, kafka=True) is None
        await run_until(settings, lambda: len(lines()) == 1, timeout=60)
        (digest,) = lines()
        assert digest["count"] == 3 and {a["kind"] for a in digest["alerts"]} == {"backfill:digest"}
        apply_backtest(settings, rule, matches, deliver=True, kafka=True)  # applied twice: recorded once
        ends = time.monotonic() + 5
        await run_until(settings, lambda: time.monotonic() > ends, timeout=30)
        assert len(lines()) == 1
        assert ledger(kafka.notifier_store, "SELECT count(*) FROM alerts WHERE rule_id = 'sahel'") == [(3,)]
    finally:
        delete_topics(kafka)
