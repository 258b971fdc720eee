"""The faust processor worker against the real broker.

Workers run as subprocesses (`python -m wirewatch.app.cli.processor processor`),
each bounded in time and always stopped; topics and the consumer group (the
faust app id) are unique per test, so reruns on a reused broker see no old data.
Input is produced with kafka-python straight into the raw topic.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from tests.integration.kafka_support import REPO, Worker
from wirewatch.models import Dispatch, Rule, dispatch_id, utcnow
from wirewatch.processors.stream.app import worker_ready
from wirewatch.processors.stream.rules import publish_rules
from wirewatch.settings import KafkaSettings

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

KAFKA_SH = REPO / "deploy" / "local" / "kafka.sh"
SEED = REPO / "tests" / "fixtures" / "seed-dispatch.txt"
SEED_COUNTRIES = {"IR", "TR", "SY", "IQ", "YE", "PS"}
# What AtLeastOnceConsumer did to keep commits safe (processors/stream/consumer.py): printed, not asserted.
SAFETY_COUNTERS = (
    "stale_acks_ignored",
    "unprocessed_acks_ignored",
    "commits_held",
    "reseeks",
    "gaps_ignored",
    "stale_records_dropped",
)


# -- the broker and the topics ------------------------------------------------------------


def unique_kafka(bootstrap: str, partitions: int) -> KafkaSettings:
    prefix = f"test-processor-{uuid.uuid4().hex[:10]}"
    return KafkaSettings(
        bootstrap_servers=[bootstrap],
        client_id=prefix,
        topic_raw=f"{prefix}.raw",
        topic_tagged=f"{prefix}.tagged",
        topic_alerts=f"{prefix}.alerts",
        topic_dead=f"{prefix}.dead",
        topic_rules=f"{prefix}.rules",
        topic_learned=f"{prefix}.learned",
        topic_clustering=f"{prefix}.clustering",
        topic_stories=f"{prefix}.stories",
        topic_silences=f"{prefix}.silences",
        processor_group=f"{prefix}-processor",
        clusterer_group=f"{prefix}-clusterer",
        partitions=partitions,
    )


def create_topics(kafka: KafkaSettings) -> None:
    from kafka.admin import KafkaAdminClient, NewTopic

    admin = KafkaAdminClient(bootstrap_servers=kafka.bootstrap_servers, request_timeout_ms=30_000)
    try:
        admin.create_topics(
            [
                NewTopic(name, kafka.partitions, 1)
                for name in (kafka.topic_raw, kafka.topic_tagged, kafka.topic_alerts, kafka.topic_dead)
            ]
        )
    finally:
        admin.close()


def write_config(path: Path, kafka: KafkaSettings, rules: Iterable[Rule] = (), *, stories: bool = False) -> Path:
    """The processor's configuration. Stories off unless asked: these tests are about the processor stage
    (with stories on, its output goes to the clusterer: tests/integration/test_kafka_clusterer.py)."""
    lines = ["[stories]", f"enabled = {json.dumps(stories)}", "", "[kafka]"]
    lines.append(f"bootstrap_servers = {json.dumps(kafka.bootstrap_servers)}")
    for name in (
        "client_id",
        "topic_raw",
        "topic_tagged",
        "topic_alerts",
        "topic_dead",
        "topic_rules",
        "topic_learned",
        "topic_clustering",
        "topic_stories",
        "processor_group",
        "clusterer_group",
    ):
        lines.append(f"{name} = {json.dumps(getattr(kafka, name))}")
    lines.append(f"partitions = {kafka.partitions}")
    for rule in rules:
        lines += [
            "",
            "[[rules]]",
            f"id = {json.dumps(rule.id)}",
            f"name = {json.dumps(rule.name)}",
            f"query = {json.dumps(rule.query)}",
            f"group_by = {json.dumps(rule.group_by)}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- dispatches in, records out -------------------------------------------------------------


def seed_dispatch(key: str = "seed") -> Dispatch:
    title, text = SEED.read_text(encoding="utf-8").split("\n", 1)
    now = utcnow()
    return Dispatch(
        id=dispatch_id(f"{key}-{uuid.uuid4().hex}"), source="test", title=title, text=text, published=now, fetched=now
    )


def plain_dispatch(text: str) -> Dispatch:
    now = utcnow()
    return Dispatch(
        id=dispatch_id(uuid.uuid4().hex), source="test", title=text[:40], text=text, published=now, fetched=now
    )


def produce(kafka: KafkaSettings, records: Iterable[tuple[bytes | None, bytes | None]]) -> None:
    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=kafka.bootstrap_servers, acks="all", linger_ms=5)
    try:
        futures = [producer.send(kafka.topic_raw, key=key, value=value) for key, value in records]
        producer.flush(timeout=30)
        for future in futures:
            future.get(timeout=30)
    finally:
        producer.close(timeout=10)


def dispatch_record(dispatch: Dispatch) -> tuple[bytes, bytes]:
    return dispatch.id.encode(), json.dumps(dispatch.to_dict()).encode("utf-8")


def read_until(kafka: KafkaSettings, topic: str, done: Callable[[list[Any]], bool], timeout: float = 90.0) -> list[Any]:
    """All records of `topic` from the beginning (no group), polled until `done(records)` or timeout."""
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(
        topic, bootstrap_servers=kafka.bootstrap_servers, group_id=None, auto_offset_reset="earliest"
    )
    records: list[Any] = []
    deadline = time.monotonic() + timeout
    try:
        while not done(records) and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


def at_least(count: int) -> Callable[[list[Any]], bool]:
    return lambda records: len(records) >= count


def ids_of(records: list[Any]) -> list[str]:
    return [json.loads(record.value)["id"] for record in records]


# -- worker processes (started through the `workers` fixture) ------------------------------


ready = worker_ready


def lost_or_stalled(kafka: KafkaSettings, missing: set[str], running: list[Worker]) -> str:
    """Where the missing dispatches are and where the group stands, to tell loss from a stall.

    A missing record below its partition's committed offset was committed without
    being processed (loss); at or above it, the owner never got to it (stall).
    """
    from kafka import KafkaConsumer, TopicPartition
    from kafka.admin import KafkaAdminClient

    raw = read_until(kafka, kafka.topic_raw, lambda r: False, timeout=5)
    where = sorted((r.partition, r.offset) for r in raw if r.key is not None and r.key.decode() in missing)
    admin = KafkaAdminClient(bootstrap_servers=kafka.bootstrap_servers)
    consumer = KafkaConsumer(bootstrap_servers=kafka.bootstrap_servers)
    try:
        committed = admin.list_group_offsets({kafka.processor_group: None}).get(kafka.processor_group, {})
        tps = [TopicPartition(kafka.topic_raw, p) for p in range(kafka.partitions)]
        ends = consumer.end_offsets(tps)
    finally:
        admin.close()
        consumer.close()
    lines = [f"missing (partition, offset): {where}"]
    for tp in tps:
        offset = committed[tp].offset if tp in committed else None
        below = sum(1 for p, o in where if p == tp.partition and offset is not None and o < offset)
        lines.append(f"partition {tp.partition}: committed {offset}, end {ends[tp]}, missing below committed {below}")
    for worker in running:
        lines += [f"{worker.name} status: {worker.status()}", worker.tail(60)]
    return "\n".join(lines)


# -- the tests ----------------------------------------------------------------------------------


def test_seed_dispatch_is_tagged_and_fires_the_coup_rule(kafka_bootstrap: str, tmp_path: Path, workers) -> None:
    kafka = unique_kafka(kafka_bootstrap, partitions=2)
    create_topics(kafka)
    config = write_config(tmp_path / "wirewatch.toml", kafka, [Rule(id="coup", name="Coup", query="coup")])
    published = subprocess.run(
        [sys.executable, "-m", "wirewatch.app.cli.processor", "-c", str(config), "rules", "publish"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert published.returncode == 0, published.stderr
    assert "1 written, 0 removed" in published.stdout

    worker = workers(config, "w1", "--no-seed-rules")
    worker.wait_for(lambda s: ready(s) and s["rules"] == ["coup"])
    dispatch = seed_dispatch()
    produce(kafka, [dispatch_record(dispatch)])

    tagged = read_until(kafka, kafka.topic_tagged, lambda r: len(r) >= 1)
    assert [r.key for r in tagged] == [dispatch.id.encode()]
    doc = json.loads(tagged[0].value)
    assert {c["code"] for c in doc["countries"]} == SEED_COUNTRIES
    assert doc["title"] == dispatch.title and doc["tagged_at"]

    alerts = read_until(kafka, kafka.topic_alerts, lambda r: len(r) >= 1)
    assert [r.key for r in alerts] == [f"coup:{dispatch.id}".encode()]
    alert = json.loads(alerts[0].value)
    assert alert["rule"]["id"] == "coup" and alert["dispatch_id"] == dispatch.id and "coup" in alert["matched"]

    counts = worker.get("/counts/")  # the windowed tables, on the web view
    deadline = time.monotonic() + 30
    while not (counts["1m"] and counts["1h"]) and time.monotonic() < deadline:
        time.sleep(0.5)
        counts = worker.get("/counts/")
    for window in ("1m", "1h"):
        assert set(counts[window][0]["counts"]) == SEED_COUNTRIES
        assert counts[window][0]["counts"]["TR"] == next(c["mentions"] for c in doc["countries"] if c["code"] == "TR")


def test_malformed_messages_go_to_dead_letters_and_the_stream_goes_on(
    kafka_bootstrap: str, tmp_path: Path, workers
) -> None:
    kafka = unique_kafka(kafka_bootstrap, partitions=1)  # one partition: "later" is well defined
    create_topics(kafka)
    # The config's rule seeds the empty rules topic when the worker starts.
    config = write_config(tmp_path / "wirewatch.toml", kafka, [Rule(id="coup", name="Coup", query="coup")])
    worker = workers(config, "w1")
    worker.wait_for(lambda s: ready(s) and s["rules"] == ["coup"])

    first, last = plain_dispatch("Talks in Paris."), plain_dispatch("A coup attempt in Niger, officials said.")
    bad = [
        (b"not-json", b"{this is not json"),
        (b"not-utf8", b"\xff\xfe\x00 bytes"),
        (b"not-a-dispatch", json.dumps({"id": "x", "title": "no text"}).encode()),
        (b"tombstone", None),
    ]
    produce(kafka, [dispatch_record(first), *bad, dispatch_record(last)])

    dead = read_until(kafka, kafka.topic_dead, lambda r: len(r) >= 4)
    letters = [json.loads(r.value) for r in dead]
    assert [letter["offset"] for letter in letters] == [1, 2, 3, 4]
    assert [letter["key"] for letter in letters] == ["not-json", "not-utf8", "not-a-dispatch", "tombstone"]
    assert letters[0]["reason"].startswith("malformed: not JSON")
    assert letters[1]["reason"].startswith("undecodable: not UTF-8")
    assert letters[2]["reason"].startswith("invalid dispatch: dispatch is missing")
    assert letters[3]["reason"].startswith("empty message")
    assert letters[0]["payload"] == "{this is not json" and letters[0]["topic"] == kafka.topic_raw
    assert [r.key for r in dead] == [b"not-json", b"not-utf8", b"not-a-dispatch", b"tombstone"]

    tagged = read_until(kafka, kafka.topic_tagged, lambda r: len(r) >= 2)
    assert ids_of(tagged) == [first.id, last.id]
    alerts = read_until(kafka, kafka.topic_alerts, lambda r: len(r) >= 1)
    assert [json.loads(r.value)["dispatch_id"] for r in alerts] == [last.id]
    assert worker.wait_for(lambda s: s["counters"]["processed"] == 2)["counters"]["dead"] == 4


def test_two_workers_split_the_partitions_and_miss_nothing(kafka_bootstrap: str, tmp_path: Path, workers) -> None:
    kafka = unique_kafka(kafka_bootstrap, partitions=4)
    create_topics(kafka)
    config = write_config(tmp_path / "wirewatch.toml", kafka)
    texts = ["Troops gathered near the border of Iran and Iraq.", "Ministers from France met in Berlin.",
             "Protests in Kenya and Uganda.", "Talks between Japan and South Korea."]  # fmt: skip
    dispatches = [plain_dispatch(f"{texts[i % 4]} Report {i}.") for i in range(400)]

    first = workers(config, "w1")
    first.wait_for(lambda s: ready(s) and len(s["partitions"]) == 4)
    produce(kafka, map(dispatch_record, dispatches[:200]))
    second = workers(config, "w2")  # joins mid-stream: the group rebalances
    status_2 = second.wait_for(ready)
    status_1 = first.wait_for(lambda s: len(s["partitions"]) < 4)
    produce(kafka, map(dispatch_record, dispatches[200:]))

    wanted = {d.id for d in dispatches}
    tagged = read_until(kafka, kafka.topic_tagged, lambda r: wanted <= set(ids_of(r)), timeout=120)
    tagged_ids = ids_of(tagged)
    missing = wanted - set(tagged_ids)
    assert not missing, "a dispatch never reached the tagged topic\n" + lost_or_stalled(kafka, missing, [first, second])
    assert set(tagged_ids) <= wanted
    duplicates = sum(n - 1 for n in Counter(tagged_ids).values())
    print(f"\ntwo workers: {len(wanted)} dispatches, {len(tagged_ids)} tagged records, {duplicates} duplicate(s)")
    # Duplicates can only come from batches redone after the rebalance, never more than
    # the dispatches produced before the second worker joined.
    assert duplicates <= 200

    # A worker counts a batch as processed just before its outputs are acknowledged: let the
    # counters and the topic settle (bounded) before comparing them.
    deadline = time.monotonic() + 30
    while True:
        final_1, final_2 = first.status(), second.status()
        assert final_1 and final_2
        processed = final_1["counters"]["processed"] + final_2["counters"]["processed"]
        tagged_ids = ids_of(read_until(kafka, kafka.topic_tagged, at_least(processed), timeout=10))
        if processed == len(tagged_ids) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert set(final_1["partitions"]).isdisjoint(final_2["partitions"])
    assert set(final_1["partitions"]) | set(final_2["partitions"]) == {0, 1, 2, 3}
    assert final_1["counters"]["processed"] > 0 and final_2["counters"]["processed"] > 0
    assert processed == len(tagged_ids)
    assert status_1["partitions"] and status_2["partitions"]


def test_rule_published_at_runtime_fires_without_restart(kafka_bootstrap: str, tmp_path: Path, workers) -> None:
    kafka = unique_kafka(kafka_bootstrap, partitions=1)
    create_topics(kafka)
    config = write_config(tmp_path / "wirewatch.toml", kafka)  # no rules at start
    worker = workers(config, "w1")
    worker.wait_for(lambda s: ready(s) and s["rules"] == [])
    pid = worker.process.pid

    before = plain_dispatch("A general strike in France closed the ports.")
    produce(kafka, [dispatch_record(before)])
    read_until(kafka, kafka.topic_tagged, lambda r: len(r) >= 1)

    strike = Rule(id="strike-fr", name="Strike in France", query="strike AND countries.code:FR")
    broken = Rule(id="broken", name="Broken", query="strike AND (")
    publish_rules(kafka, [strike, broken])
    # The two records may reach the worker in one fetch or two: wait for the state both give.
    status = worker.wait_for(lambda s: s["rules"] == ["strike-fr"] and len(s["rule_errors"]) == 1)
    assert "Broken" in status["rule_errors"][0]

    after = plain_dispatch("The strike spread across France on Monday.")
    other = plain_dispatch("The strike spread across Spain on Monday.")
    produce(kafka, [dispatch_record(after), dispatch_record(other)])
    read_until(kafka, kafka.topic_tagged, lambda r: len(r) >= 3)
    alerts = read_until(kafka, kafka.topic_alerts, lambda r: len(r) >= 1, timeout=30)
    assert [r.key for r in alerts] == [f"strike-fr:{after.id}".encode()]

    publish_rules(kafka, [])  # tombstones: the rule is withdrawn, again without a restart
    worker.wait_for(lambda s: s["rules"] == [])
    assert worker.process.pid == pid and worker.process.poll() is None


def test_worker_killed_mid_stream_loses_nothing_after_restart(kafka_bootstrap: str, tmp_path: Path, workers) -> None:
    kafka = unique_kafka(kafka_bootstrap, partitions=2)
    create_topics(kafka)
    config = write_config(tmp_path / "wirewatch.toml", kafka)
    dispatches = [seed_dispatch(f"kill-{i}") for i in range(600)]
    produce(kafka, map(dispatch_record, dispatches))

    victim = workers(config, "victim", "--batch-size", "10")
    status = victim.wait_for(lambda s: s["counters"]["processed"] >= 50, timeout=120)
    victim.kill9()
    tagged_at_kill = len(set(ids_of(read_until(kafka, kafka.topic_tagged, lambda r: False, timeout=3))))
    print(f"\nkill -9 with {tagged_at_kill} of {len(dispatches)} dispatches tagged")
    # Batches are delivered one after another: all but the last batch counted were on the broker.
    assert status["counters"]["processed"] - 10 <= tagged_at_kill < len(dispatches), "the kill must land mid-stream"

    survivor = workers(config, "survivor", "--batch-size", "10")
    survivor.wait_for(ready, timeout=120)
    wanted = {d.id for d in dispatches}
    tagged = read_until(kafka, kafka.topic_tagged, lambda r: wanted <= set(ids_of(r)), timeout=180)
    tagged_ids = ids_of(tagged)
    assert wanted - set(tagged_ids) == set(), "a dispatch was lost across the kill"
    duplicates = len(tagged_ids) - len(set(tagged_ids))
    print(f"kill -9 and restart: {len(tagged_ids)} tagged records, {duplicates} duplicate(s)")


def test_partitions_moving_again_and_again_lose_nothing(kafka_bootstrap: str, tmp_path: Path, workers) -> None:
    """Rebalances while dispatches keep arriving: a second worker joins and leaves (SIGTERM, then
    kill -9) three times; then the first worker is killed and a fresh one finishes the job.
    Every dispatch reaches the tagged topic. This is where faust's skipped-message acks and the
    unchecked head of the acked run could commit past unprocessed records
    (processors/stream/consumer.py)."""
    import threading

    kafka = unique_kafka(kafka_bootstrap, partitions=4)
    create_topics(kafka)
    config = write_config(tmp_path / "wirewatch.toml", kafka)
    dispatches = [plain_dispatch(f"Troops moved near the border of Iran and Iraq. Report {i}.") for i in range(1200)]
    small_batches = ("--batch-size", "10")

    anchor = workers(config, "anchor", *small_batches)
    anchor.wait_for(lambda s: ready(s) and len(s["partitions"]) == 4)
    producing_done = threading.Event()

    def produce_steadily() -> None:  # ~40 s of traffic, so every rebalance lands mid-stream
        try:
            for start in range(0, len(dispatches), 30):
                produce(kafka, map(dispatch_record, dispatches[start : start + 30]))
                time.sleep(1.0)
        finally:
            producing_done.set()

    producer = threading.Thread(target=produce_steadily, daemon=True)
    producer.start()
    for cycle, leave in enumerate(("sigterm", "kill9", "sigterm")):
        visitor = workers(config, f"visitor-{cycle}", *small_batches)
        visitor.wait_for(ready, timeout=120)
        anchor.wait_for(lambda s: len(s["partitions"]) < 4)  # the partitions really moved
        time.sleep(2.0)  # let the visitor work on its share
        visitor.kill9() if leave == "kill9" else visitor.stop()
        anchor.wait_for(lambda s: len(s["partitions"]) == 4, timeout=120)
    producer.join(timeout=120)
    assert producing_done.is_set()
    counters_before_kill = anchor.status()
    anchor.kill9()
    finisher = workers(config, "finisher", *small_batches)
    finisher.wait_for(ready, timeout=120)

    wanted = {d.id for d in dispatches}
    tagged = read_until(kafka, kafka.topic_tagged, lambda r: wanted <= set(ids_of(r)), timeout=180)
    tagged_ids = ids_of(tagged)
    missing = wanted - set(tagged_ids)
    assert not missing, "a dispatch never reached the tagged topic\n" + lost_or_stalled(kafka, missing, [finisher])
    assert set(tagged_ids) <= wanted
    duplicates = len(tagged_ids) - len(wanted)

    def safety(status: dict[str, Any] | None) -> dict[str, int]:
        return {k: v for k, v in (status or {}).get("counters", {}).items() if k in SAFETY_COUNTERS}

    print(f"\nchurn: {len(wanted)} dispatches, {len(tagged_ids)} tagged records, {duplicates} duplicate(s); "
          f"consumer safety counters: anchor before its kill {safety(counters_before_kill)}, "
          f"finisher {safety(finisher.status())}")  # fmt: skip
