"""Kafka record → bulk action, bulk result → outcome, dead-letter records (no services)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from wirewatch.models import Alert
from wirewatch.sinks.elasticsearch.records import (
    MAX_RECORD_BYTES,
    Outcome,
    RecordKind,
    Rejected,
    bulk_item,
    dead_letter,
    describe_error,
    outcome_of,
)
from wirewatch.wire import MAX_DEAD_PAYLOAD_CHARS, Origin

ORIGIN = Origin("dispatches.tagged", 2, 41, b"abc")


def test_a_tagged_dispatch_is_indexed_through_the_alias_by_its_id() -> None:
    doc = {"id": "abc", "title": "t", "text": "x"}
    item = bulk_item(RecordKind.DISPATCH, ORIGIN, json.dumps(doc).encode(), "wirewatch-dispatches")
    header, body = item.expand()
    assert header == {"index": {"_index": "wirewatch-dispatches", "_id": "abc", "require_alias": True}}
    assert body == doc


def test_an_alert_is_indexed_by_its_key() -> None:
    alert = Alert("r1", "Rule", "coup", "d1", ["coup"], datetime(2025, 1, 1, tzinfo=UTC))
    item = bulk_item(RecordKind.ALERT, ORIGIN, json.dumps(alert.to_dict()).encode(), "wirewatch-alerts")
    header, body = item.expand()
    assert header == {"index": {"_index": "wirewatch-alerts", "_id": "r1:d1"}}
    assert body["dispatch_id"] == "d1"


@pytest.mark.parametrize(
    ("kind", "payload", "reason"),
    [
        (RecordKind.DISPATCH, None, "empty message"),
        (RecordKind.DISPATCH, b"\xff\xfe", "not UTF-8"),
        (RecordKind.DISPATCH, b"{oops", "not JSON"),
        (RecordKind.DISPATCH, b"[1, 2]", "not a JSON object"),
        (RecordKind.DISPATCH, b'{"title": "no id"}', "without a usable 'id'"),
        (RecordKind.DISPATCH, b'{"id": ""}', "without a usable 'id'"),
        (RecordKind.DISPATCH, b'{"id": 7}', "without a usable 'id'"),
        (RecordKind.ALERT, b'{"dispatch_id": "d"}', "invalid alert"),
        (RecordKind.DISPATCH, b" " * (MAX_RECORD_BYTES + 1), "too large"),
    ],
)
def test_records_the_sink_cannot_use_are_rejected_with_a_reason(kind, payload, reason) -> None:
    with pytest.raises(Rejected, match=reason):
        bulk_item(kind, ORIGIN, payload, "index")


@pytest.mark.parametrize(
    ("status", "error", "expected"),
    [
        (200, None, Outcome.INDEXED),
        (201, None, Outcome.INDEXED),
        (429, {"type": "es_rejected_execution_exception"}, Outcome.RETRY),
        (500, None, Outcome.RETRY),
        (503, {"type": "unavailable_shards_exception"}, Outcome.RETRY),
        ("N/A", "ConnectionError", Outcome.RETRY),  # the helper's marker for a request that never got an answer
        (None, None, Outcome.RETRY),
        (404, {"type": "index_not_found_exception"}, Outcome.RETRY),  # layout gone: re-install, do not dead-letter
        (400, {"type": "document_parsing_exception"}, Outcome.REJECTED),
        (400, {"type": "illegal_argument_exception", "reason": "immense term"}, Outcome.REJECTED),
        (413, None, Outcome.REJECTED),
    ],
)
def test_bulk_item_outcomes(status, error, expected) -> None:
    assert outcome_of(status, error) is expected


def test_dead_letter_carries_the_error_and_a_bounded_payload() -> None:
    error = {
        "type": "document_parsing_exception",
        "reason": "failed to parse field [published]",
        "caused_by": {"type": "illegal_argument_exception", "reason": "bad date"},
    }
    payload = b"x" * (MAX_DEAD_PAYLOAD_CHARS + 10)
    letter = dead_letter("rejected: " + describe_error(error), ORIGIN, payload, error, 400)
    assert letter["reason"] == (
        "rejected: document_parsing_exception: failed to parse field [published] "
        "(caused by illegal_argument_exception: bad date)"
    )
    assert (letter["topic"], letter["partition"], letter["offset"], letter["key"]) == (
        "dispatches.tagged",
        2,
        41,
        "abc",
    )
    assert letter["status"] == 400 and letter["error"] == error
    assert letter["stage"] == "elasticsearch-sink"
    assert len(letter["payload"]) == MAX_DEAD_PAYLOAD_CHARS
    json.dumps(letter)  # always serialisable
