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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol, runtime_checkable

from wirewatch.backoff import Backoff
from wirewatch.errors import DeliveryError
from wirewatch.metrics import Metrics
from wirewatch.models import Alert, DueDelivery, Silence, format_time, utcnow
from wirewatch.ports import AlertStore, Notifier
from wirewatch.settings import DeliverySettings
from wirewatch.sinks.alerts.policy import RulePolicy

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


@runtime_checkable
class HoldsDeliveries(Protocol):
    """Optional store capability (SQLiteStore): digests, realert windows and silences (policy.py).

    Without it every alert goes out on its own, at once."""

    def due_deliveries(self, limit: int = 100, now: datetime | None = None) -> list[DueDelivery]: ...

    def record_alerts(self, fired: list[tuple[Alert, list[str]]]) -> list[bool]: ...

    def group_deliveries(self, channel: str, grouping: str, now: datetime) -> list[Alert]: ...

    def hold_deliveries(self, held: list[tuple[str, str, str, datetime]]) -> None: ...

    def mark_silenced(self, silenced: list[tuple[str, str, str]]) -> None: ...

    def throttle_until(self, rule_id: str, tkey: str, channel: str) -> datetime | None: ...

    def open_throttles(self, windows: list[tuple[str, str, str, datetime]]) -> None: ...

    def silences(self, *, active_at: datetime | None = None, limit: int = 500) -> list[Silence]: ...


@runtime_checkable
class SendsMessages(Protocol):
    """Optional notifier capability: one message about several alerts (a digest, a realert window's repeats)."""

    async def send(self, alerts: list[Alert], heading: str | None = None, notes: list[str] | None = None) -> None: ...


@dataclass(slots=True)
class DeliveryCounters:
    delivered: int = 0
    failed: int = 0  # failed attempts (each one is retried later)
    silenced: int = 0  # recorded, not sent
    held: int = 0  # waiting for a digest or the end of a realert window
    messages: int = 0  # digest and realert messages sent (each counts its alerts in `delivered`)


@dataclass(slots=True)
class RoundPlan:
    """One round's due deliveries, sorted by what happens to them."""

    singles: dict[str, list[Alert]] = field(default_factory=lambda: defaultdict(list))
    groups: dict[tuple[str, str], None] = field(default_factory=dict)  # (channel, grouping), in order
    held: list[tuple[str, str, str, datetime]] = field(default_factory=list)
    silenced: list[tuple[str, str, str]] = field(default_factory=list)
    # realert: the windows this round claims, (rule, key, channel) -> until, so a second alert of the same key in
    # the round is held; and the window each single alert opens once it is sent, by (alert key, channel)
    claimed: dict[tuple[str, str, str], datetime] = field(default_factory=dict)
    opening: dict[tuple[str, str], tuple[str, str, str, datetime]] = field(default_factory=dict)


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
        policies: dict[str, RulePolicy] | None = None,
    ) -> None:
        if settings.retry_base <= 0 or settings.retry_max < settings.retry_base:
            raise ValueError("delivery needs 0 < retry_base <= retry_max")
        self.store = store
        self.notifiers = dict(notifiers)
        self.settings = settings
        self.batch_size = batch_size
        self.policies = dict(policies or {})
        self.counters = DeliveryCounters()
        self.metrics = metrics or Metrics()
        self._clock = clock
        self._attempts: dict[tuple[str, str], int] = {}
        self._paused_until: dict[str, datetime] = {}
        self._channel_failures: dict[str, int] = {}  # consecutive, reset by a success
        # One round at a time: two overlapping rounds would read the same pending
        # rows and deliver them twice (the runner's loop and a drain can overlap).
        self._round = asyncio.Lock()
        self._sent_now: set[tuple[str, str]] | None = None  # (alert key, channel) sent in the round under way

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
        if isinstance(self.store, HoldsDeliveries):
            return await self._deliver_planned_round(self.store, now)
        due = self.store.pending_deliveries(limit=self.batch_size, now=now)
        by_channel: dict[str, list[Alert]] = defaultdict(list)
        for alert, channel in due:
            if self._is_open(channel, now):
                by_channel[channel].append(alert)
        results = await asyncio.gather(
            *(self._deliver_channel(channel, alerts, now) for channel, alerts in by_channel.items())
        )
        return sum(results)

    def _is_open(self, channel: str, now: datetime) -> bool:
        paused = self._paused_until.get(channel)
        return paused is None or paused <= now

    async def _deliver_planned_round(self, store: HoldsDeliveries, now: datetime) -> int:
        """Silences, digests and realert windows first (policy.py), then one message per due group and the
        rest one by one. Everything decided is written before anything is sent, so a crash repeats at most
        the sending, never the deciding."""
        while True:
            due = store.due_deliveries(limit=self.batch_size, now=now)
            plan = self._plan(store, due, now)
            self._write_plan(store, plan)
            # A full batch only held or silenced (a digest filling up): plan the next batch before sending.
            sends = plan.singles or plan.groups
            if sends or len(due) < self.batch_size or not (plan.held or plan.silenced):
                break
        self._sent_now = set()
        try:
            results = await asyncio.gather(
                *(self._deliver_channel(channel, alerts, now) for channel, alerts in plan.singles.items()),
                *(self._deliver_group(store, channel, grouping, now) for channel, grouping in plan.groups),
            )
            # A realert window opens when its first alert was sent: one that failed is retried at once, not held.
            opened = [window for sent, window in plan.opening.items() if sent in self._sent_now]
        finally:
            self._sent_now = None
        if opened:
            store.open_throttles(opened)
        return sum(results)

    def _write_plan(self, store: HoldsDeliveries, plan: RoundPlan) -> None:
        if plan.silenced:
            store.mark_silenced(plan.silenced)
            self.counters.silenced += len(plan.silenced)
            for _, channel, _ in plan.silenced:
                self.metrics.alert_deliveries.labels(channel, "silenced").inc()
        if plan.held:
            store.hold_deliveries(plan.held)
            self.counters.held += len(plan.held)

    def _plan(self, store: HoldsDeliveries, due: list[DueDelivery], now: datetime) -> RoundPlan:
        plan = RoundPlan()
        silences = store.silences(active_at=now)
        for item in due:
            alert, channel = item.alert, item.channel
            if not self._is_open(channel, now):
                continue
            silence = next((s for s in silences if s.matches(alert, now)), None)
            if silence is not None:
                plan.silenced.append((alert.key, channel, silence.id))
                continue
            if item.grouping is not None:
                plan.groups[(channel, item.grouping)] = None
                continue
            policy = self.policies.get(alert.rule_id)
            if policy is None:
                plan.singles[channel].append(alert)
            elif channel in policy.digest:
                until = policy.digest[channel].next_due(now)
                plan.held.append((alert.key, channel, f"digest:{alert.rule_id}", until))
            elif policy.realert:
                self._plan_realert(store, plan, policy, alert, channel, now)
            else:
                plan.singles[channel].append(alert)
        return plan

    def _plan_realert(
        self, store: HoldsDeliveries, plan: RoundPlan, policy: RulePolicy, alert: Alert, channel: str, now: datetime
    ) -> None:
        assert policy.realert is not None
        tkey = policy.throttle_key(alert)
        window = (alert.rule_id, tkey, channel)
        grouping = f"realert:{alert.rule_id}:{tkey}"
        if (channel, grouping) in plan.groups:  # its window's repeats go out now: this one joins them
            plan.held.append((alert.key, channel, grouping, now))
            return
        until = plan.claimed.get(window) or store.throttle_until(*window)
        if until is not None and until > now:
            plan.held.append((alert.key, channel, grouping, until))
            return
        until = now + timedelta(seconds=policy.realert)
        plan.claimed[window] = until
        plan.opening[(alert.key, channel)] = (*window, until)
        plan.singles[channel].append(alert)

    async def _deliver_group(self, store: HoldsDeliveries, channel: str, grouping: str, now: datetime) -> int:
        """One message for every due alert of the group; all marked delivered, or all retried later."""
        alerts = store.group_deliveries(channel, grouping, now)
        if not alerts:
            return 0
        notifier = self.notifiers.get(channel)
        heading, notes = self._group_text(grouping, alerts, channel)
        try:
            if isinstance(notifier, SendsMessages):
                await notifier.send(alerts, heading=heading, notes=notes)
            else:  # a channel with no message of several: each alert, in order
                for alert in alerts:
                    await self._notify(channel, alert)
        except DeliveryError as exc:
            self._group_failed(channel, alerts, str(exc), now)
            return 0
        except Exception as exc:  # a notifier bug must not kill the delivery loop
            log.exception("notifier %s raised unexpectedly", channel)
            self._group_failed(channel, alerts, f"{channel}: unexpected {type(exc).__name__}", now)
            return 0
        self._channel_failures.pop(channel, None)
        self._mark_delivered([alert.key for alert in alerts], channel)
        self.counters.messages += 1
        policy = self.policies.get(alerts[0].rule_id)
        if grouping.startswith("realert:") and policy is not None and policy.realert:
            # The window starts again: the next repeat waits for the next message.
            tkey = grouping.split(":", 2)[2]
            store.open_throttles([(alerts[0].rule_id, tkey, channel, now + timedelta(seconds=policy.realert))])
        return len(alerts)

    def _group_failed(self, channel: str, alerts: list[Alert], error: str, now: datetime) -> None:
        retry_at = self._fail(alerts[0].key, channel, error, now)
        for alert in alerts[1:]:  # the group stays together: every member waits for the same retry
            self.store.mark_failed(alert.key, channel, error, retry_at)
        self._pause(channel, retry_at)

    def _group_text(self, grouping: str, alerts: list[Alert], channel: str) -> tuple[str, list[str]]:
        rule = alerts[-1].rule_name
        policy = self.policies.get(alerts[-1].rule_id)
        count = f"{len(alerts)} alert{'s' if len(alerts) != 1 else ''}"
        if grouping.startswith("digest:"):
            schedule = policy.digest.get(channel) if policy is not None else None
            period = f" ({schedule.spec} digest)" if schedule else ""
            return f"[wirewatch] {rule}: {count}{period}", []
        tkey = grouping.split(":", 2)[2]
        window = f"{policy.realert:g}s" if policy and policy.realert else "the realert window"
        about = "" if tkey == "*" else f" for {tkey}"
        notes = [
            f"{count} of rule {rule!r}{about} matched inside its realert window ({window}) after one was sent;"
            " they were held and are all listed here."
        ]
        return f"[wirewatch] {rule}: {count} held back{about} (realert)", notes

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
        if self._sent_now is not None:
            self._sent_now.update((key, channel) for key in alert_keys)
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


BACKFILL = "backfill"  # Alert.kind of a rule's past matches recorded by `rules test --apply`: recorded, not sent
BACKFILL_DIGEST = "backfill:digest"  # ... recorded and sent as one digest per channel


def record_backfill(store: HoldsDeliveries, alerts: list[Alert], channels: list[str], now: datetime) -> list[Alert]:
    """Record a rule's past matches (never one twice); those of kind BACKFILL_DIGEST are held as one digest per
    channel, due at once. Returns the alerts that were new."""
    record_alerts = store.record_alerts
    fired = [(alert, channels if alert.kind == BACKFILL_DIGEST else []) for alert in alerts]
    recorded = [alert for alert, new in zip(alerts, record_alerts(fired), strict=True) if new]
    held = [
        (alert.key, channel, f"digest:backfill:{alert.rule_id}", now)
        for alert in recorded
        if alert.kind == BACKFILL_DIGEST
        for channel in channels
    ]
    if held:
        store.hold_deliveries(held)
    return recorded
