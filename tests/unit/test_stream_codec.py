"""The processor service's wire format, without a broker."""

from __future__ import annotations

import json

import pytest

from wirewatch.models import Dispatch, Rule, parse_time
from wirewatch.processors.stream.codec import (
    MAX_MESSAGE_BYTES,
    DeadLetterReason,
    RuleBook,
    dead_letter,
    decode_dispatch,
    decode_rule,
    encode_rule,
    rule_changes,
)
from wirewatch.wire import MAX_DEAD_PAYLOAD_CHARS, Origin


def _dispatch() -> Dispatch:
    return Dispatch(
        id="abc",
        source="feed",
        title="Coup in Ankara",
        text="Troops on the bridge.",
        published=parse_time("2016-07-16T10:00:00Z"),
        fetched=parse_time("2016-07-16T10:05:00Z"),
        url="https://example.org/a",
    )


def test_decodes_what_the_producer_writes() -> None:
    dispatch = _dispatch()
    assert decode_dispatch(json.dumps(dispatch.to_dict()).encode("utf-8")) == dispatch


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (None, "empty message"),
        (b"\xff\xfe garbage", "undecodable: not UTF-8"),
        (b"{not json", "malformed: not JSON"),
        (b"[1, 2]", "invalid dispatch: a dispatch must be a JSON object"),
        (b'{"id": "x"}', "invalid dispatch: dispatch is missing source"),
        (
            b'{"id":"x","source":"s","title":"t","text":"b","published":"yesterday","fetched":"2020-01-01T00:00:00Z"}',
            "invalid dispatch: not an ISO 8601 time",
        ),
        (b'{"id":1,"source":"s","title":"t","text":"b","published":"x","fetched":"x"}', "must be a string"),
    ],
)
def test_bad_messages_get_a_reason(payload: bytes | None, reason: str) -> None:
    with pytest.raises(DeadLetterReason) as caught:
        decode_dispatch(payload)
    assert reason in str(caught.value)


def test_oversized_message_is_refused_before_parsing() -> None:
    with pytest.raises(DeadLetterReason, match="too large"):
        decode_dispatch(b" " * (MAX_MESSAGE_BYTES + 1))


def test_dead_letter_record_keeps_where_and_what() -> None:
    record = dead_letter("malformed: x", Origin("dispatches.raw", 3, 41, b"key-1"), b"\xff{bad")
    assert record["reason"] == "malformed: x"
    assert (record["topic"], record["partition"], record["offset"], record["key"]) == ("dispatches.raw", 3, 41, "key-1")
    assert record["payload"] == "\ufffd{bad"
    assert parse_time(record["at"])  # an ISO time
    assert dead_letter("r", Origin("t", 0, 0, None), None)["key"] is None


def test_rule_round_trip_and_tombstone() -> None:
    rule = Rule(id="coup-tr", name="Coup in Turkey", query="coup AND countries.code:TR", channels=["console", "ops"])
    assert decode_rule(b"coup-tr", encode_rule(rule)) == ("coup-tr", rule)
    assert decode_rule(b"coup-tr", None) == ("coup-tr", None)


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        (None, b"{}", "without a key"),
        (b"r", b"nope", "not UTF-8 JSON"),
        (b"r", b"[]", "JSON object"),
        (b"r", b'{"name": "n"}', "'query'"),
        (b"r", b'{"query": "coup", "channels": "console"}', "'channels'"),
    ],
)
def test_records_that_are_not_rules_are_refused(key: bytes | None, value: bytes, reason: str) -> None:
    with pytest.raises(DeadLetterReason, match=reason):
        decode_rule(key, value)


def test_rule_book_keeps_the_last_record_per_key() -> None:
    book = RuleBook()
    book.apply(b"a", encode_rule(Rule(id="a", name="A", query="coup")))
    book.apply(b"b", encode_rule(Rule(id="b", name="B", query="riot")))
    book.apply(b"a", encode_rule(Rule(id="a", name="A", query="coup AND countries.code:TR")))
    book.apply(b"b", None)
    assert [(r.id, r.query) for r in book.rules()] == [("a", "coup AND countries.code:TR")]
    with pytest.raises(DeadLetterReason):
        book.apply(b"c", b"garbage")
    assert len(book) == 1  # a bad record changes nothing


def test_rule_changes_write_only_differences_and_tombstone_removed_rules() -> None:
    keep = Rule(id="keep", name="Keep", query="coup")
    change = Rule(id="change", name="Change", query="riot")
    current = {
        "keep": encode_rule(keep),
        "change": encode_rule(Rule(id="change", name="Change", query="old")),
        "gone": encode_rule(Rule(id="gone", name="Gone", query="x")),
    }
    new = Rule(id="new", name="New", query="strike")
    changes = rule_changes(current, [keep, change, new])
    assert changes == [("change", encode_rule(change)), ("new", encode_rule(new)), ("gone", None)]
    assert rule_changes({}, []) == []


def test_dead_letter_payload_is_bounded() -> None:

    record = dead_letter("too large", Origin("t", 0, 0, b"k"), b"x" * (MAX_DEAD_PAYLOAD_CHARS * 3))
    assert len(record["payload"]) == MAX_DEAD_PAYLOAD_CHARS
