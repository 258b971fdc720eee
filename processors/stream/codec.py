"""Wire format of the processor service: decode what arrives, encode what leaves.

Pure functions, no broker: the faust agent calls them, the unit tests call them
directly. Every failure to decode is a `DeadLetterReason` with a message a human
can act on; the agent turns it into a `dispatches.dead` record and moves on.
"""

from __future__ import annotations

import json
from typing import Any

from wirewatch import wire
from wirewatch.errors import InputError
from wirewatch.models import GROUP_BY, Dispatch, ModelError, Rule
from wirewatch.wire import Origin, encode_json

__all__ = ["DeadLetterReason", "Origin", "dead_letter", "decode_dispatch", "encode_json"]

# A dispatch is one article; anything far larger is not one and is refused
# before JSON parsing so one bad producer cannot make a worker parse megabytes.
MAX_MESSAGE_BYTES = 4 * 1024 * 1024
PROCESSOR_STAGE = "processor"


class DeadLetterReason(InputError):
    """Why a message cannot be processed; the text goes into the dead-letter record."""


def decode_dispatch(payload: bytes | None) -> Dispatch:
    """bytes of Dispatch.to_dict() JSON → Dispatch, or DeadLetterReason."""
    if payload is None:
        raise DeadLetterReason("empty message: no value (tombstone) on the raw topic")
    if len(payload) > MAX_MESSAGE_BYTES:
        raise DeadLetterReason(f"too large: {len(payload)} bytes (limit {MAX_MESSAGE_BYTES})")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DeadLetterReason(f"undecodable: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DeadLetterReason(f"malformed: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from exc
    try:
        return Dispatch.from_dict(data)
    except ModelError as exc:
        raise DeadLetterReason(f"invalid dispatch: {exc}") from exc
    except (TypeError, ValueError) as exc:
        raise DeadLetterReason(f"invalid dispatch: {type(exc).__name__}: {exc}") from exc


def dead_letter(reason: str, origin: Origin, payload: bytes | None) -> dict[str, Any]:
    """The processor's dead-letter record for a message it cannot process."""
    return wire.dead_letter(reason, origin, payload, stage=PROCESSOR_STAGE)


# -- rules topic -------------------------------------------------------------------------


def encode_rule(rule: Rule) -> bytes:
    return encode_json(
        {
            "id": rule.id,
            "name": rule.name,
            "query": rule.query,
            "channels": list(rule.channels),
            "group_by": rule.group_by,
            "updates": rule.updates,
        }
    )


def decode_rule(key: bytes | None, value: bytes | None) -> tuple[str, Rule | None]:
    """A record of the compacted rules topic → (rule id, Rule, or None for a tombstone).

    Raises DeadLetterReason (the worker logs it and skips the record) when the
    record is not a rule; the key is authoritative for the id so a tombstone and
    the record it deletes always agree.
    """
    if key is None:
        raise DeadLetterReason("rule record without a key (the key is the rule id)")
    try:
        rule_id = key.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DeadLetterReason("rule key is not UTF-8") from exc
    if value is None:
        return rule_id, None
    try:
        data = json.loads(value.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DeadLetterReason(f"rule {rule_id!r}: not UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise DeadLetterReason(f"rule {rule_id!r}: must be a JSON object")
    name, query = data.get("name", rule_id), data.get("query")
    channels = data.get("channels", ["console"])
    if not isinstance(query, str) or not query.strip():
        raise DeadLetterReason(f"rule {rule_id!r}: 'query' must be a non-empty string")
    if not isinstance(name, str) or not name.strip():
        raise DeadLetterReason(f"rule {rule_id!r}: 'name' must be a non-empty string")
    if not isinstance(channels, list) or not all(isinstance(c, str) for c in channels):
        raise DeadLetterReason(f"rule {rule_id!r}: 'channels' must be a list of channel names")
    group_by, updates = data.get("group_by", "story"), data.get("updates", False)
    if group_by not in GROUP_BY:
        raise DeadLetterReason(f"rule {rule_id!r}: 'group_by' must be one of {', '.join(GROUP_BY)}")
    if not isinstance(updates, bool):
        raise DeadLetterReason(f"rule {rule_id!r}: 'updates' must be true or false")
    return rule_id, Rule(
        id=rule_id, name=name, query=query, channels=list(channels), group_by=group_by, updates=updates
    )


class RuleBook:
    """The rule set as the compacted topic describes it: last record per key wins."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def apply(self, key: bytes | None, value: bytes | None) -> str:
        """Apply one record; returns the rule id it touched. Raises DeadLetterReason."""
        rule_id, rule = decode_rule(key, value)
        if rule is None:
            self._rules.pop(rule_id, None)
        else:
            self._rules[rule_id] = rule
        return rule_id

    def rules(self) -> list[Rule]:
        return sorted(self._rules.values(), key=lambda rule: rule.id)

    def __len__(self) -> int:
        return len(self._rules)


def rule_changes(current: dict[str, bytes], wanted: list[Rule]) -> list[tuple[str, bytes | None]]:
    """Records that turn the topic's `current` state (id → value) into `wanted`.

    Unchanged rules are not rewritten; removed ones get a tombstone (None).
    """
    changes: list[tuple[str, bytes | None]] = []
    wanted_ids = set()
    for rule in wanted:
        wanted_ids.add(rule.id)
        encoded = encode_rule(rule)
        if current.get(rule.id) != encoded:
            changes.append((rule.id, encoded))
    for rule_id in sorted(set(current) - wanted_ids):
        changes.append((rule_id, None))
    return changes
