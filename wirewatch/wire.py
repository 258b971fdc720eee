"""The wire format on Kafka: compact JSON, one message a record, and the dead-letter record every stage
writes to the dead-letter topic when it rejects a message."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from wirewatch.models import format_time, utcnow

# The copy of the payload in a dead letter: small enough that the dead letter always fits a default
# broker's 1 MB message limit (the origin's offsets locate the full original).
MAX_DEAD_PAYLOAD_CHARS = 256 * 1024


def encode_json(value: Any) -> bytes:
    """Compact UTF-8 JSON; anything JSON has no type for (a datetime, say) is written as its str()."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a message came from: enough to find it again with kafka-console-consumer."""

    topic: str
    partition: int
    offset: int
    key: bytes | None


def dead_letter(
    reason: str,
    origin: Origin,
    payload: bytes | None,
    *,
    stage: str,
    error: Any = None,
    status: int | None = None,
) -> dict[str, Any]:
    """The dead-letter record: why, which stage, where from, a bounded copy of the payload, when;
    for a search engine's rejection also its status and error object."""
    record: dict[str, Any] = {
        "reason": reason,
        "stage": stage,
        "topic": origin.topic,
        "partition": origin.partition,
        "offset": origin.offset,
        "key": origin.key.decode("utf-8", errors="replace") if origin.key is not None else None,
        "payload": (payload or b"")[:MAX_DEAD_PAYLOAD_CHARS].decode("utf-8", errors="replace"),
        "at": format_time(utcnow()),
    }
    if status is not None:
        record["status"] = status
    if error is not None:
        record["error"] = error
    return record
