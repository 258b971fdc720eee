"""The commit bookkeeping of `AtLeastOnceConsumer` (processors/stream/consumer.py).

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

from wirewatch.processors.stream.consumer import RESEEK_AFTER, AtLeastOnceConsumer, AtLeastOnceTransport

TOPIC = "dispatches.raw.unit"
GUARDED = "dispatches.raw.guarded"
PARTITION = TP(TOPIC, 0)


@pytest.fixture
def consumer() -> AtLeastOnceConsumer:
    app = faust.App("faust-consumer-unit", broker="kafka://127.0.0.1:1", autodiscover=False)
    app.transport = AtLeastOnceTransport(app.conf.broker_consumer, app, guarded_topics={GUARDED})
    app.topics.acking_topics.update({TOPIC, GUARDED})  # what subscribing an agent to the topics does
    app.consumer_generation_id = 2
    consumer = app.consumer
    assert isinstance(consumer, AtLeastOnceConsumer)
    return consumer


def processed(consumer: AtLeastOnceConsumer, offset: int, generation: int = 2, tp: TP = PARTITION) -> ConsumerMessage:
    """A message read in `generation`, taken by one stream and released by it."""
    message = ConsumerMessage(
        tp.topic, tp.partition, offset, 0.0, 0, [], b"k", b"v", None, tp=tp, generation_id=generation
    )
    message.incref()
    message.ack(consumer)
    return message


def test_acks_in_order_from_the_committed_offset_are_committed(consumer: AtLeastOnceConsumer) -> None:
    consumer._committed_offset[PARTITION] = 10
    for offset in range(10, 15):
        processed(consumer, offset)
    assert consumer._new_offset(PARTITION) == 15
    assert set(consumer.safety_counters.values()) == {0}


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
    consumer.safety.start_offsets[PARTITION] = 0
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


def test_on_a_guarded_topic_only_offsets_marked_processed_are_recorded(consumer: AtLeastOnceConsumer) -> None:
    guarded = TP(GUARDED, 0)
    consumer._committed_offset[guarded] = 0
    processed(consumer, 0, tp=guarded)  # a skipped message: acked by the stream, never processed
    assert consumer._new_offset(guarded) is None
    assert consumer.safety_counters["unprocessed_acks_ignored"] == 1
    message = ConsumerMessage(GUARDED, 0, 0, 0.0, 0, [], b"k", b"v", None, tp=guarded, generation_id=2)
    message.incref()
    consumer.mark_processed(message)  # what the agent does once the outputs are on the broker
    message.ack(consumer)
    assert consumer._new_offset(guarded) == 1


async def test_a_commit_held_too_long_reads_the_partition_again(consumer: AtLeastOnceConsumer) -> None:
    reseeks: list[tuple[TP, int]] = []

    async def record_reseek(tp: TP, offset: int) -> None:  # stands in for the broker-side seek
        reseeks.append((tp, offset))

    consumer._reseek = record_reseek  # type: ignore[method-assign]
    consumer._committed_offset[PARTITION] = 10
    processed(consumer, 12)
    assert consumer._new_offset(PARTITION) is None
    await asyncio.sleep(0)
    assert reseeks == []  # held, not yet re-read
    expected, since = consumer.safety.held[PARTITION]
    consumer.safety.held[PARTITION] = (expected, since - RESEEK_AFTER)
    assert consumer._new_offset(PARTITION) is None
    await asyncio.sleep(0)
    assert reseeks == [(PARTITION, 10)]
    assert consumer.safety_counters["reseeks"] == 1
    processed(consumer, 10)
    processed(consumer, 11)
    assert consumer._new_offset(PARTITION) == 13
    assert PARTITION not in consumer.safety.held


def test_a_jump_in_the_fetched_offsets_of_a_guarded_topic_is_never_filled(consumer: AtLeastOnceConsumer) -> None:
    # faust would count 1..9 as acked ("gap") and commit 11; on a plain topic those are lost records.
    guarded = TP(GUARDED, 0)
    consumer._committed_offset[guarded] = 0
    asyncio.run(consumer._add_gap(guarded, 1, 9))
    message = ConsumerMessage(GUARDED, 0, 0, 0.0, 0, [], b"k", b"v", None, tp=guarded, generation_id=2)
    later = ConsumerMessage(GUARDED, 0, 10, 0.0, 0, [], b"k", b"v", None, tp=guarded, generation_id=2)
    for m in (message, later):
        m.incref()
        consumer.mark_processed(m)
        m.ack(consumer)
    assert consumer._new_offset(guarded) == 1  # only the consecutive run; 1..9 wait to be processed
    assert consumer.safety_counters["gaps_ignored"] == 1


async def test_a_sought_offset_that_never_arrives_is_sought_again(consumer: AtLeastOnceConsumer) -> None:
    reseeks: list[tuple[TP, int]] = []

    async def record_reseek(tp: TP, offset: int) -> None:  # stands in for the broker-side seek
        reseeks.append((tp, offset))

    consumer._reseek = record_reseek  # type: ignore[method-assign]
    guarded = TP(GUARDED, 0)
    consumer._sought(guarded, 217)
    consumer._drop_stale(guarded, 217)  # a record from an older fetch: skipped, nothing else yet
    await asyncio.sleep(0)
    assert reseeks == [] and consumer.safety_counters["stale_records_dropped"] == 1
    consumer.safety.resume_since[guarded] -= RESEEK_AFTER
    consumer._drop_stale(guarded, 217)
    await asyncio.sleep(0)
    assert reseeks == [(guarded, 217)]
