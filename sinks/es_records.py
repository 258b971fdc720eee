"""Kafka records → bulk actions, bulk item results → outcome, and dead-letter records.

Pure functions: the sink service calls them, unit tests call them directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

from wirewatch.errors import InputError
from wirewatch.models import Alert, ModelError, format_time, utcnow

# Larger than any real dispatch (the processor refuses raw messages over 4 MiB);
# bounds what one record can make the sink parse and send.
MAX_RECORD_BYTES = 8 * 1024 * 1024
# The copy of the payload in a dead letter stays well under Kafka's default 1 MB limit.
MAX_DEAD_PAYLOAD_CHARS = 256 * 1024
SINK_STAGE = "elasticsearch-sink"


class RecordKind(Enum):
    DISPATCH = "dispatch"
    ALERT = "alert"


class Rejected(InputError):
    """A record the sink cannot turn into a document; the text is the dead-letter reason."""


@dataclass(frozen=True, slots=True)
class Origin:
    topic: str
    partition: int
    offset: int
    key: bytes | None


@dataclass(slots=True)
class BulkItem:
    """One index action plus where it came from (for the dead letter and the commit)."""

    origin: Origin
    payload: bytes
    index: str
    doc_id: str
    source: dict[str, Any]
    require_alias: bool

    def expand(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The bulk header and body lines (our expand_action_callback)."""
        header: dict[str, Any] = {"_index": self.index, "_id": self.doc_id}
        if self.require_alias:
            # Never let a missing alias auto-create an index without our mapping.
            header["require_alias"] = True
        return {"index": header}, self.source


def _load_object(payload: bytes | None) -> dict[str, Any]:
    if payload is None:
        raise Rejected("empty message (no value)")
    if len(payload) > MAX_RECORD_BYTES:
        raise Rejected(f"too large: {len(payload)} bytes (limit {MAX_RECORD_BYTES})")
    try:
        data = json.loads(payload.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise Rejected(f"undecodable: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise Rejected(f"malformed: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from exc
    if not isinstance(data, dict):
        raise Rejected("not a JSON object")
    return data


def bulk_item(kind: RecordKind, origin: Origin, payload: bytes | None, index: str) -> BulkItem:
    """The index action for one record, or Rejected with the reason."""
    data = _load_object(payload)
    if kind is RecordKind.DISPATCH:
        doc_id = data.get("id")
        if not isinstance(doc_id, str) or not doc_id or len(doc_id.encode("utf-8")) > 512:
            raise Rejected("tagged dispatch without a usable 'id' (a non-empty string of at most 512 bytes)")
        return BulkItem(origin, payload or b"", index, doc_id, data, require_alias=True)
    try:
        alert = Alert.from_dict(data)
    except ModelError as exc:
        raise Rejected(f"invalid alert: {exc}") from exc
    return BulkItem(origin, payload or b"", index, alert.key, data, require_alias=False)


class Outcome(Enum):
    INDEXED = "indexed"
    RETRY = "retry"  # Elasticsearch busy or away: try again later, keep the offset uncommitted
    REJECTED = "rejected"  # Elasticsearch will never take this document: dead letter


# The alias vanished (someone deleted the index): re-install the layout and retry,
# rather than dead-lettering every document.
RETRY_ERROR_TYPES = frozenset({"index_not_found_exception", "es_rejected_execution_exception"})


def outcome_of(status: int | str | None, error: Any = None) -> Outcome:
    """Classify one bulk item result: 2xx indexed; 429, 5xx, no status (lost connection) retry; other 4xx rejected."""
    if not isinstance(status, int):
        return Outcome.RETRY
    if 200 <= status < 300:
        return Outcome.INDEXED
    if status == 429 or status >= 500:
        return Outcome.RETRY
    if isinstance(error, dict) and error.get("type") in RETRY_ERROR_TYPES:
        return Outcome.RETRY
    return Outcome.REJECTED


def describe_error(error: Any) -> str:
    """`type: reason (caused by ...)` from a bulk item's error object."""
    if not isinstance(error, dict):
        return str(error)
    text = f"{error.get('type')}: {error.get('reason')}"
    cause = error.get("caused_by")
    if isinstance(cause, dict):
        text += f" (caused by {cause.get('type')}: {cause.get('reason')})"
    return text


def dead_letter(
    reason: str, origin: Origin, payload: bytes | None, error: Any = None, status: int | None = None
) -> dict[str, Any]:
    """The dispatches.dead record: the processor's fields (reason, topic, partition, offset,
    key, payload, at) plus the stage and, for Elasticsearch rejections, its status and error."""
    record: dict[str, Any] = {
        "reason": reason,
        "stage": SINK_STAGE,
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


def encode_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
