"""Where silences live: the SQLite store (embedded, and the notifier's ledger), or the compacted `silences`
topic the distributed notifier follows into its ledger (`wirewatch silence ... --kafka`).

Both offer the same three verbs, so the CLI and the dashboard do not care which one they have.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime
from pathlib import Path
from typing import Protocol

from wirewatch.compacted import (
    CompactedTopicFollower,
    Record,
    ensure_compacted_topic,
    read_compacted,
    write_compacted,
)
from wirewatch.models import ModelError, Silence, utcnow
from wirewatch.settings import KafkaSettings
from wirewatch.sinks.sqlite.store import SQLiteStore

log = logging.getLogger(__name__)


class SilenceBook(Protocol):
    def add(self, silence: Silence) -> None: ...

    def all(self) -> list[Silence]: ...

    def expire(self, silence_id: str, now: datetime) -> bool: ...


def new_silence(rule: str | None, key: str | None, starts: datetime, ends: datetime, reason: str, by: str) -> Silence:
    return Silence(uuid.uuid4().hex[:12], rule, key, starts, ends, reason, by)


class StoreSilences:
    def __init__(self, path: Path) -> None:
        self.path = path

    def add(self, silence: Silence) -> None:
        with SQLiteStore(self.path) as store:
            store.put_silence(silence)

    def all(self) -> list[Silence]:
        with SQLiteStore(self.path) as store:
            return store.silences()

    def expire(self, silence_id: str, now: datetime) -> bool:
        with SQLiteStore(self.path) as store:
            return store.expire_silence(silence_id, now)


class TopicSilences:
    def __init__(self, kafka: KafkaSettings, timeout: float = 30.0) -> None:
        self.kafka, self.timeout = kafka, timeout

    def add(self, silence: Silence) -> None:
        ensure_compacted_topic(self.kafka, self.kafka.topic_silences)
        write_compacted(self.kafka, self.kafka.topic_silences, [(silence.id, _encode(silence))], self.timeout)

    def all(self) -> list[Silence]:
        state = read_compacted(self.kafka, self.kafka.topic_silences, self.timeout)
        silences = [s for s in (_decode(key, value) for key, value in state.items()) if s is not None]
        return sorted(silences, key=lambda s: s.starts, reverse=True)

    def expire(self, silence_id: str, now: datetime) -> bool:
        current = next((s for s in self.all() if s.id == silence_id), None)
        if current is None or current.ends <= now:
            return False
        current.ends = now
        self.add(current)
        return True


def _encode(silence: Silence) -> bytes:
    return json.dumps(silence.to_dict(), ensure_ascii=False).encode("utf-8")


def _decode(key: str, value: bytes | None) -> Silence | None:
    if value is None:
        return None
    try:
        return Silence.from_dict(json.loads(value))
    except (ValueError, ModelError) as exc:
        log.error("silences topic: record %r skipped: %s", key, exc)
        return None


class SilenceFollower:
    """The notifier's side: every silence on the topic, kept in its ledger (put again after a restart)."""

    def __init__(self, kafka: KafkaSettings, store: SQLiteStore) -> None:
        self.store = store
        self.topic = CompactedTopicFollower(kafka, kafka.topic_silences, self._on_records)

    async def run(self) -> None:
        await self.topic.run()

    def _on_records(self, records: list[Record], initial: bool) -> None:
        for key, value in records:
            silence = _decode(key, value)
            if silence is not None:
                self.store.put_silence(silence)
            elif value is None:  # a tombstone: the silence is withdrawn
                self.store.expire_silence(key, utcnow())
