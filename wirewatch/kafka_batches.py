"""At-least-once batch plumbing shared by the aiokafka services (fetcher, clusterer, sink).

Each of them consumes a batch, produces its outputs, and only then commits the batch's offsets.
The two halves live here so the rule holds the same way everywhere: every output is acknowledged
by the broker before the offsets move past its input, and a failed commit only means the batch is
delivered again (the outputs are keyed, so a repeat is harmless downstream).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from wirewatch.backoff import Backoff
from wirewatch.wire import encode_json

log = logging.getLogger(__name__)

# (topic, key, JSON value): a key of None lets the producer pick the partition.
Message = tuple[str, str | None, dict[str, Any]]


async def publish_all(producer: Any, messages: Sequence[Message], backoff: Backoff) -> None:
    """Send every message and wait for every ack; the unacknowledged ones are sent again (with
    backoff) until the broker takes them, so nothing is committed past an output that is not there."""
    pending = list(messages)
    delays = backoff.delays()
    while pending:
        sends = []
        for topic, key, value in pending:
            try:
                sends.append(await producer.send(topic, encode_json(value), key=key.encode("utf-8") if key else None))
            except Exception as exc:  # the buffer is full or the producer is closing: send it again later
                failed_send: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
                failed_send.set_exception(exc)
                sends.append(failed_send)
        results = await asyncio.gather(*sends, return_exceptions=True)
        failed = [message for message, result in zip(pending, results, strict=True) if isinstance(result, Exception)]
        if failed:
            delay = next(delays)
            first = next(result for result in results if isinstance(result, Exception))
            log.warning("%d message(s) not acknowledged (%s), retrying in %.1fs", len(failed), first, delay)
            await asyncio.sleep(delay)
        pending = failed


async def commit_batch(consumer: Any, records: Sequence[Any]) -> bool:
    """Commit the offsets just past `records`; False when the commit failed (typically a rebalance),
    in which case the batch is delivered again to whoever owns its partitions now."""
    from aiokafka import TopicPartition
    from aiokafka.errors import KafkaError

    offsets: dict[Any, int] = {}
    for record in records:
        partition = TopicPartition(record.topic, record.partition)
        offsets[partition] = max(offsets.get(partition, 0), record.offset + 1)
    try:
        await consumer.commit(offsets)
    except KafkaError as exc:
        log.warning("offset commit failed (%s): %d record(s) will be re-delivered", exc, len(records))
        return False
    return True
