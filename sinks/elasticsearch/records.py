"""Kafka records → bulk actions, bulk item results → outcome, and dead-letter records.

Pure functions: the sink service calls them, unit tests call them directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

from wirewatch import wire
from wirewatch.errors import InputError
from wirewatch.models import Alert, ModelError
from wirewatch.sinks.elasticsearch.folded import with_folded_copies
from wirewatch.wire import Origin

# Larger than any real dispatch (the processor refuses raw messages over 4 MiB);
# bounds what one record can make the sink parse and send.
MAX_RECORD_BYTES = 8 * 1024 * 1024
SINK_STAGE = "elasticsearch-sink"


class RecordKind(Enum):
    DISPATCH = "dispatch"
    ALERT = "alert"
    STORY = "story"  # a story's latest record (the compacted stories topic), _id = story id


class Rejected(InputError):
    """A record the sink cannot turn into a document; the text is the dead-letter reason."""


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
        return BulkItem(origin, payload or b"", index, doc_id, with_folded_copies(data), require_alias=True)
    if kind is RecordKind.STORY:
        story_id = data.get("id")
        if not isinstance(story_id, str) or not story_id or len(story_id.encode("utf-8")) > 512:
            raise Rejected("story record without a usable 'id'")
        return BulkItem(origin, payload or b"", index, story_id, data, require_alias=False)
    try:
        alert = Alert.from_dict(data)
    except ModelError as exc:
        raise Rejected(f"invalid alert: {exc}") from exc
    # one document per (rule, dispatch): a story's alert is the hits sharing its `key`
    return BulkItem(origin, payload or b"", index, alert.hit_key, data, require_alias=False)


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
    """The sink's dead-letter record; for Elasticsearch rejections with its status and error."""
    return wire.dead_letter(reason, origin, payload, stage=SINK_STAGE, error=error, status=status)
