"""The seams between stages. Transport and store are adapters behind these.

Embedded mode plugs SQLite and in-process queues in here; the distributed mode
plugs Kafka and Elasticsearch into the same shapes. Stage code only ever sees
these protocols.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from wirewatch.models import Alert, Dispatch, TaggedDispatch


@dataclass(slots=True)
class SearchHit:
    doc: dict[str, Any]  # the TaggedDispatch document (TaggedDispatch.to_doc())
    score: float = 0.0
    highlights: dict[str, list[str]] = field(default_factory=dict)


@runtime_checkable
class Inbox(Protocol):
    """Durable record of accepted dispatches: the dedup ledger and the outbox.

    A producer `accept`s a dispatch before handing it to the pipeline; the
    pipeline `complete`s it once it is stored. Accepted-but-not-completed
    dispatches are replayed after a crash, so nothing accepted is lost, and an
    id accepted once is never accepted again (dedup across restarts).
    """

    def accept(self, dispatch: Dispatch) -> bool:
        """Record a new dispatch; False if its id was accepted before."""

    def accept_many(self, dispatches: Iterable[Dispatch]) -> list[Dispatch]:
        """Record a batch durably (all of it before any is handed on); returns the ones that were new."""

    def seen(self, dispatch_ids: list[str]) -> set[str]:
        """Which of these ids were accepted before."""

    def complete(self, dispatch_id: str) -> None: ...

    def pending(self) -> list[Dispatch]:
        """Accepted but not completed (to replay after a restart)."""


@runtime_checkable
class DispatchStore(Protocol):
    def save(self, tagged: TaggedDispatch) -> None:
        """Idempotent by dispatch id."""

    def get(self, dispatch_id: str) -> dict[str, Any] | None: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...


@runtime_checkable
class AlertStore(Protocol):
    def record_alert(self, alert: Alert, channels: list[str]) -> bool:
        """Store the alert with one pending delivery per channel.

        Returns False (and stores nothing) when this (rule, dispatch) already
        fired: an alert fires once, across restarts.
        """

    def pending_deliveries(self, limit: int = 100, now: datetime | None = None) -> list[tuple[Alert, str]]:
        """(alert, channel) pairs due for (re)delivery."""

    def mark_delivered(self, alert_key: str, channel: str) -> None: ...

    def mark_failed(self, alert_key: str, channel: str, error: str, retry_at: datetime) -> None: ...

    def alerts(self, since: datetime | None = None, limit: int = 100) -> list[Alert]: ...


@runtime_checkable
class DeadLetters(Protocol):
    def dead_letter(self, kind: str, payload: str, reason: str) -> None:
        """Keep a rejected input with the reason, for inspection and replay."""


@runtime_checkable
class FeedStateStore(Protocol):
    """Per-feed state as an opaque JSON-able dict owned by the poller."""

    def load_feed_states(self) -> dict[str, dict[str, Any]]: ...

    def save_feed_state(self, name: str, state: dict[str, Any]) -> None: ...


@runtime_checkable
class Notifier(Protocol):
    name: str

    async def deliver(self, alert: Alert) -> None:
        """Deliver one alert or raise DeliveryError."""
