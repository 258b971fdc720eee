"""The learned layer in distributed mode: the compacted `learned` topic against the real broker.

One worker learns a minister from dispatches that name his role; a second worker (another writer) reads
what the first learned from the topic at start and finds the minister without a title; a rejection
written with `wirewatch kb --kafka` reaches the running worker.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.integration.kafka_support import REPO
from tests.integration.test_kafka_processor import (
    create_topics,
    dispatch_record,
    produce,
    read_until,
    ready,
    unique_kafka,
    write_config,
)
from tests.unit.test_learned_layer import WITH_ROLE, WITHOUT_ROLE
from wirewatch.models import Dispatch, dispatch_id

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

NAME = "Ousmane Garba Toudou"


def dispatch(key: str, source: str, text: str) -> Dispatch:
    when = datetime(2025, 9, 3, 10, tzinfo=UTC)
    return Dispatch(id=dispatch_id(key), source=source, title="", text=text, published=when, fetched=when)


def kb(config: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "wirewatch", "-c", str(config), "kb", "--kafka", *args],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def learned(status: dict) -> dict:
    return status.get("learned") or {}


def official_source(kafka, wanted: str) -> str | None:
    records = read_until(kafka, kafka.topic_tagged, lambda r: wanted in [json.loads(x.value)["id"] for x in r])
    [doc] = [json.loads(r.value) for r in records if json.loads(r.value)["id"] == wanted]
    return next((o["source"] for o in doc["officials"] if o["name"] == NAME), None)


def test_workers_share_what_they_learn_through_the_compacted_topic(kafka_bootstrap: str, tmp_path: Path, workers):
    kafka = unique_kafka(kafka_bootstrap, partitions=1)
    create_topics(kafka)
    config = write_config(tmp_path / "wirewatch.toml", kafka)

    first = workers(config, "w1")
    first.wait_for(lambda s: ready(s) and learned(s).get("ready"))
    produce(kafka, [dispatch_record(dispatch(f"with-{n}", f"feed-{n % 2}", t)) for n, t in enumerate(WITH_ROLE)])
    first.wait_for(lambda s: learned(s).get("attested") == 1)

    [entry] = [json.loads(line) for line in kb(config, "list", "--json").splitlines()]
    assert (entry["name"], entry["status"], entry["role"], entry["country"], entry["dispatches"]) == (
        NAME,
        "attested",
        "finance minister",
        "NE",
        3,
    )
    first.stop()

    second = workers(config, "w2")  # another writer: it knows the minister only from the topic
    status = second.wait_for(lambda s: ready(s) and learned(s).get("ready"))
    assert learned(status)["attested"] == 1 and learned(status)["writer"] != "w1"
    without = dispatch("without-title", "feed-9", WITHOUT_ROLE)
    produce(kafka, [dispatch_record(without)])
    assert official_source(kafka, without.id) == "learned"

    kb(config, "reject", NAME, "--reason", "test")
    second.wait_for(lambda s: learned(s).get("rejected") == 1)
    time.sleep(5.5)  # the tagger takes learned changes at most every 5 s (processors/learning.py)
    after = dispatch("after-reject", "feed-9", WITHOUT_ROLE)
    produce(kafka, [dispatch_record(after)])
    assert official_source(kafka, after.id) is None
