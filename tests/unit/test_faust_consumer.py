"""The commit bookkeeping of `AtLeastOnceConsumer` (processors/faust_consumer.py).

A real faust app and its real consumer object; no broker is needed because
acking and choosing the offset to commit happen in memory. The processor
integration tests (tests/integration/test_kafka_processor.py) run the same
consumer against the broker through rebalances and kill -9.
"""

from __future__ import annotations

import asyncio

import faust
import pytest
from faust.types.tuples import TP, ConsumerMessage

from processors.faust_consumer import AtLeastOnceConsumer, AtLeastOnceTransport

TOPIC = "dispatches.raw.unit"
PARTITION = TP(TOPIC, 0)


@pytest.fixture
def consumer() -> AtLeastOnceConsumer:
    app = faust.App("faust-consumer-unit", broker="kafka://127.0.0.1:1", autodiscover=False)
    app.transport = AtLeastOnceTransport(app.conf.broker_consumer, app)
    app.topics.acking_topics.add(TOPIC)  # what subscribing an agent to the topic does
    app.consumer_generation_id = 2
    consumer = app.consumer
    assert isinstance(consumer, AtLeastOnceConsumer)
    return consumer


def processed(consumer: AtLeastOnceConsumer, offset: int, generation: int = 2) -> ConsumerMessage:
    """A message read in `generation`, taken by one stream and released by it."""
    message = ConsumerMessage(TOPIC, 0, offset, 0.0, 0, [], b"k", b"v", None, tp=PARTITION, generation_id=generation)
    message.incref()
    message.ack(consumer)
    return message


def test_acks_in_order_from_the_committed_offset_are_committed(consumer: AtLeastOnceConsumer) -> None:
    consumer._committed_offset[PARTITION] = 10
    for offset in range(10, 15):
        processed(consumer, offset)
    assert consumer._new_offset(PARTITION) == 15
    assert consumer.safety_counters == {"stale_acks_ignored": 0, "commits_held": 0}


def test_an_ack_from_an_older_generation_is_not_recorded(consumer: AtLeastOnceConsumer) -> None:
    consumer._committed_offset[PARTITION] = 10
    stale = processed(consumer, 10, generation=1)  # skipped during the rebalance, read again later
    assert stale.acked
    assert consumer._new_offset(PARTITION) is None
    assert consumer.safety_counters["stale_acks_ignored"] == 1
    processed(consumer, 10)  # the copy read in this generation
    assert consumer._new_offset(PARTITION) == 11


def test_a_run_that_starts_after_the_committed_offset_is_held(consumer: AtLeastOnceConsumer) -> None:
    # faust's own rule lets a run starting one past the committed offset through.
    consumer._committed_offset[PARTITION] = 10
    for offset in (11, 12, 13):
        processed(consumer, offset)
    assert consumer._new_offset(PARTITION) is None
    assert consumer._new_offset(PARTITION) is None
    assert consumer.safety_counters["commits_held"] == 1  # counted once per position
    processed(consumer, 10)
    assert consumer._new_offset(PARTITION) == 14


def test_without_a_commit_the_run_must_start_at_the_partitions_first_offset(consumer: AtLeastOnceConsumer) -> None:
    consumer._committed_offset.pop(PARTITION, None)
    consumer._state()["start_offsets"][PARTITION] = 0
    for offset in (40, 41):
        processed(consumer, offset)
    assert consumer._new_offset(PARTITION) is None  # faust alone would commit 42 here
    for offset in range(0, 40):
        processed(consumer, offset)
    assert consumer._new_offset(PARTITION) == 42


def test_acks_recorded_before_an_assignment_are_forgotten_by_it(consumer: AtLeastOnceConsumer) -> None:
    consumer._committed_offset[PARTITION] = 10
    for offset in (10, 11):
        processed(consumer, offset)
    other = TP(TOPIC, 1)
    consumer._acked[other].append(7)
    consumer._forget_acks({PARTITION})
    assert consumer._new_offset(PARTITION) is None
    assert list(consumer._acked[other]) == [7]


def test_partitions_with_gaps_keep_fausts_rule(consumer: AtLeastOnceConsumer) -> None:
    # Compacted topics: faust fills the holes from its gap tree; our head check stays out of the way.
    consumer._committed_offset[PARTITION] = 10
    asyncio.run(consumer._add_gap(PARTITION, 11, 19))
    processed(consumer, 20)
    assert consumer._new_offset(PARTITION) == 21
