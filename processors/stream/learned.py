"""The learned layer in distributed mode: the compacted `learned` topic (see processors/tagger/learned.py).

Each worker writes its own contribution per entry (key ``"<entry key>|<writer>"``) with its batch's
outputs, before the batch's offsets are committed, and follows the whole topic to merge every other
worker's contributions and the user's decisions (`wirewatch kb ... --kafka` writes those).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from wirewatch.compacted import Record, ensure_compacted_topic, read_compacted, write_compacted
from wirewatch.processors.learning import Learning
from wirewatch.settings import KafkaSettings

log = logging.getLogger("wirewatch.processor.learned")


def decode_records(records: list[Record]) -> tuple[list[tuple[str, dict[str, Any] | None]], int]:
    """(key, JSON value or None) for each record; the count of values that are not JSON objects."""
    decoded: list[tuple[str, dict[str, Any] | None]] = []
    bad = 0
    for key, value in records:
        if value is None:
            decoded.append((key, None))
            continue
        try:
            data = json.loads(value)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            bad += 1
            log.error("learned topic: record %r is not a JSON object: skipped", key)
            continue
        decoded.append((key, data))
    return decoded, bad


class LearnedTopicReader:
    """Folds the topic's records into a worker's `Learning`: its own records only while reading the
    state present at start (the copy in memory is newer afterwards)."""

    def __init__(self, learning: Learning) -> None:
        self.learning = learning
        self.skipped = 0

    def on_records(self, records: list[Record], initial: bool) -> None:
        decoded, bad = decode_records(records)
        self.skipped += bad
        if initial:
            self.learning.load(decoded)
        else:
            self.learning.apply(decoded)


def read_learned(kafka: KafkaSettings, timeout: float = 30.0) -> list[tuple[str, dict[str, Any] | None]]:
    """The whole topic's current state (for `wirewatch kb --kafka`)."""
    state = read_compacted(kafka, kafka.topic_learned, timeout)
    decoded, _ = decode_records(list(state.items()))
    return decoded


def write_learned(
    kafka: KafkaSettings, records: list[tuple[str, dict[str, Any] | None]], timeout: float = 30.0
) -> None:
    ensure_compacted_topic(kafka, kafka.topic_learned)
    encoded: list[Record] = [
        (key, None if value is None else json.dumps(value, ensure_ascii=False).encode("utf-8"))
        for key, value in records
    ]
    write_compacted(kafka, kafka.topic_learned, encoded, timeout)
