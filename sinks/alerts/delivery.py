"""Alert delivery: record once, deliver to every channel, retry until delivered.

The store is the source of truth: an alert and one pending delivery per
channel are written together (``record``), and a delivery leaves the pending
state only when a notifier succeeded. A failure is never dropped; it is
rescheduled with exponential backoff (``retry_base`` doubling up to
``retry_max``), which also survives a restart because the schedule is stored.

One failing channel must not hold up the others, and a dead endpoint must not
be hammered with every queued alert: after a failure the whole channel pauses
(its own backoff doubles with consecutive failures) while other channels keep
flowing. With a store that can defer a channel (SQLiteStore), the pause is
written to the store too, so the paused channel's backlog stops filling the
due batches and cannot starve the healthy channels queued behind it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, runtime_checkable

from wirewatch.backoff import Backoff
from wirewatch.errors import DeliveryError
from wirewatch.metrics import Metrics
from wirewatch.models import Alert, format_time, utcnow
from wirewatch.ports import AlertStore, Notifier
from wirewatch.settings import DeliverySettings

log = logging.getLogger(__name__)


@runtime_checkable
class CountsAttempts(Protocol):
    """Optional store capability: stored attempt counts keep the backoff
    growing across restarts instead of starting over at retry_base."""

    def delivery_attempts(self, alert_key: str, channel: str) -> int: ...


@runtime_checkable
class DefersChannels(Protocol):
    """Optional store capability: postpone every due delivery of one channel."""

    def defer_deliveries(self, channel: str, until: datetime) -> int: ...


@runtime_checkable
class DeliversBatches(Protocol):
    """Optional notifier capability: a channel's alerts of one round in one go (one file open, say).

    All of them are delivered, or DeliveryError is raised and none of them counts as delivered."""

    async def deliver_many(self, alerts: list[Alert]) -> None: ...


@dataclass(slots=True)
class DeliveryCounters:
    delivered: int = 0
    failed: int = 0  # failed attempts (each one is retried later)


class AlertDelivery:
    def __init__(
        self,
        store: AlertStore,
        notifiers: dict[str, Notifier],
        settings: DeliverySettings,
        *,
        batch_size: int = 100,
        clock: Callable[[], datetime] = utcnow,
        metrics: Metrics | None = None,
    ) -> None:
        if settings.retry_base <= 0 or settings.retry_max < settings.retry_base:
            raise ValueError("delivery needs 0 < retry_base <= retry_max")
        self.store = store
        self.notifiers = dict(notifiers)
        self.settings = settings
        self.batch_size = batch_size
        self.counters = DeliveryCounters()
        self.metrics = metrics or Metrics()
        self._clock = clock
        self._attempts: dict[tuple[str, str], int] = {}
        self._paused_until: dict[str, datetime] = {}
        self._channel_failures: dict[str, int] = {}  # consecutive, reset by a success
        # One round at a time: two overlapping rounds would read the same pending
        # rows and deliver them twice (the runner's loop and a drain can overlap).
        self._round = asyncio.Lock()

    def record(self, alert: Alert, channels: list[str]) -> bool:
        """Store the alert for delivery; False when this (rule, dispatch) already fired."""
        return self.store.record_alert(alert, channels)

    def record_many(self, fired: list[tuple[Alert, list[str]]]) -> list[Alert]:
        """`record` for a batch (one transaction when the store offers it); returns the new alerts."""
        record_alerts = getattr(self.store, "record_alerts", None)
        if record_alerts is None:
            recorded = [self.store.record_alert(alert, channels) for alert, channels in fired]
        else:
            recorded = record_alerts(fired)
        return [alert for (alert, _), new in zip(fired, recorded, strict=False) if new]

    def retry_delay(self, attempts: int) -> float:
        """Seconds to wait after the given number of failed attempts (1, 2, ...)."""
        return Backoff(self.settings.retry_base, self.settings.retry_max).delay(max(attempts, 1))

    async def deliver_due(self, now: datetime | None = None) -> int:
        """Attempt one batch of due deliveries; returns how many succeeded.

        A full batch means more may be due: ``run`` calls again at once.
        """
        async with self._round:
            return await self._deliver_round(now or self._clock())

    async def _deliver_round(self, now: datetime) -> int:
        due = self.store.pending_deliveries(limit=self.batch_size, now=now)
        by_channel: dict[str, list[Alert]] = defaultdict(list)
        for alert, channel in due:
            paused = self._paused_until.get(channel)
            if paused is None or paused <= now:
                by_channel[channel].append(alert)
        results = await asyncio.gather(
            *(self._deliver_channel(channel, alerts, now) for channel, alerts in by_channel.items())
        )
        return sum(results)

    async def _deliver_channel(self, channel: str, alerts: list[Alert], now: datetime) -> int:
        """In order, one channel; stops at the first failure (the channel pauses).

        The successes are marked delivered together when the round ends (one transaction, not one per
        alert), also when it ends by a failure or a cancel: a crash in between repeats at most this round.
        """
        self._paused_until.pop(channel, None)
        notifier = self.notifiers.get(channel)
        if isinstance(notifier, DeliversBatches):
            return await self._deliver_channel_batch(channel, notifier, alerts, now)
        delivered: list[str] = []
        try:
            for alert in alerts:
                try:
                    await self._notify(channel, alert)
                except DeliveryError as exc:
                    failed = (alert.key, str(exc))
                    break
                self._channel_failures.pop(channel, None)
                self._attempts.pop((alert.key, channel), None)
                delivered.append(alert.key)
            else:
                failed = None
        finally:
            # Before the failure is recorded: pausing defers the channel's pending rows.
            self._mark_delivered(delivered, channel)
        if failed is not None:
            alert_key, error = failed
            self._pause(channel, self._fail(alert_key, channel, error, now))
        return len(delivered)

    async def _deliver_channel_batch(
        self, channel: str, notifier: DeliversBatches, alerts: list[Alert], now: datetime
    ) -> int:
        """The whole round in one call: marked delivered together when it succeeded, nothing marked when
        it failed (the first alert carries the failure and the channel pauses, as in the loop above)."""
        try:
            await notifier.deliver_many(alerts)
        except DeliveryError as exc:
            self._pause(channel, self._fail(alerts[0].key, channel, str(exc), now))
            return 0
        except Exception as exc:  # a notifier bug must not kill the delivery loop
            log.exception("notifier %s raised unexpectedly", channel)
            error = f"{channel}: unexpected {type(exc).__name__}"
            self._pause(channel, self._fail(alerts[0].key, channel, error, now))
            return 0
        self._channel_failures.pop(channel, None)
        keys = [alert.key for alert in alerts]
        for key in keys:
            self._attempts.pop((key, channel), None)
        self._mark_delivered(keys, channel)
        return len(keys)

    def _mark_delivered(self, alert_keys: list[str], channel: str) -> None:
        if not alert_keys:
            return
        mark_many = getattr(self.store, "mark_delivered_many", None)
        if mark_many is None:
            for key in alert_keys:
                self.store.mark_delivered(key, channel)
        else:
            mark_many(alert_keys, channel)
        self.counters.delivered += len(alert_keys)
        self.metrics.alert_deliveries.labels(channel, "delivered").inc(len(alert_keys))

    async def _notify(self, channel: str, alert: Alert) -> None:
        notifier = self.notifiers.get(channel)
        if notifier is None:
            # Kept pending, not dropped: fixing the config and restarting delivers it.
            configured = ", ".join(sorted(self.notifiers)) or "none"
            raise DeliveryError(f"unknown channel {channel!r} (configured: {configured})")
        try:
            await notifier.deliver(alert)
        except DeliveryError:
            raise
        except Exception as exc:  # a notifier bug must not kill the delivery loop
            log.exception("notifier %s raised unexpectedly", channel)
            raise DeliveryError(f"{channel}: unexpected {type(exc).__name__}") from exc

    def _fail(self, alert_key: str, channel: str, error: str, now: datetime) -> datetime:
        attempts = self._previous_attempts(alert_key, channel) + 1
        self._attempts[(alert_key, channel)] = attempts
        channel_failures = self._channel_failures.get(channel, 0) + 1
        self._channel_failures[channel] = channel_failures
        # The longer of the two backoffs: this alert's own, and the channel's
        # (so a dead endpoint is retried ever less often, whichever alert is tried).
        delay = max(self.retry_delay(attempts), self.retry_delay(channel_failures))
        retry_at = now + timedelta(seconds=delay)
        self.store.mark_failed(alert_key, channel, error, retry_at)
        self.counters.failed += 1
        self.metrics.alert_deliveries.labels(channel, "failed").inc()
        log.warning(
            "alert %s to %s failed (attempt %d, retry at %s): %s",
            alert_key,
            channel,
            attempts,
            format_time(retry_at),
            error,
        )
        return retry_at

    def _pause(self, channel: str, until: datetime) -> None:
        self._paused_until[channel] = until
        if isinstance(self.store, DefersChannels):
            self.store.defer_deliveries(channel, until)

    def _previous_attempts(self, alert_key: str, channel: str) -> int:
        known = self._attempts.get((alert_key, channel))
        if known is not None:
            return known
        if isinstance(self.store, CountsAttempts):
            return self.store.delivery_attempts(alert_key, channel)
        return 0

    async def close(self) -> None:
        """Release notifier resources (webhook HTTP sessions)."""
        for notifier in self.notifiers.values():
            close = getattr(notifier, "close", None)
            if close is not None:
                await close()

    async def deliver_backlog(self) -> int:
        """Deliver round after round while rounds come back full (one round is one batch): a
        backlog of alerts goes out at once, not one batch per interval. A failing channel pauses,
        its round comes back short and the loop ends."""
        total = 0
        while True:
            delivered = await self.deliver_due()
            total += delivered
            if delivered < self.batch_size:
                return total

    async def run(self, stop: asyncio.Event, interval: float = 1.0) -> None:
        """Deliver until ``stop`` is set; a full batch is followed at once by the next."""
        while not stop.is_set():
            try:
                delivered = await self.deliver_due()
            except Exception:  # e.g. the database briefly locked by another process
                log.exception("alert delivery round failed; retrying in %.1fs", interval)
                delivered = 0
            if delivered >= self.batch_size:
                continue  # a full batch went out: more may be waiting
            try:
                await asyncio.wait_for(stop.wait(), timeout=interval)
            except TimeoutError:
                pass
