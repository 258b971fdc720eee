"""AlertDelivery: alert-once, retry with growing backoff, nothing dropped, across restarts; a round's
successes marked in one transaction; the JSON Lines channel written one append per round.

Time is passed in explicitly (``deliver_due(now=...)``), so the retry schedule
is checked exactly without sleeping. The store is the real SQLite one.
"""

from __future__ import annotations

import asyncio
import io
import json
import resource
import signal
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from tests.support import Receiver
from tests.unit.test_notifiers import TOKEN, written
from tests.unit.test_store import make_alert
from wirewatch.errors import DeliveryError
from wirewatch.models import Alert, utcnow
from wirewatch.settings import DeliverySettings, WebhookSettings
from wirewatch.sinks.alerts.delivery import AlertDelivery
from wirewatch.sinks.alerts.notifiers import ConsoleNotifier, JsonlNotifier, WebhookNotifier
from wirewatch.sinks.sqlite.store import DeliveryRecord, SQLiteStore

BASE = 0.5  # retry_base in seconds; time is simulated, so nothing waits this long
SETTINGS = DeliverySettings(retry_base=BASE, retry_max=4.0)


@pytest.fixture
async def make_hook():
    """Webhook notifiers that are closed after the test, whatever its outcome."""
    made: list[WebhookNotifier] = []

    def make(url: str, **headers: str) -> WebhookNotifier:
        made.append(WebhookNotifier("ops", WebhookSettings(url=url, headers=headers)))
        return made[-1]

    yield make
    for hook in made:
        await hook.close()


def record_of(store: SQLiteStore, key: str, channel: str) -> DeliveryRecord:
    (record,) = [r for r in store.deliveries(key) if r.channel == channel]
    return record


def test_retry_delay_doubles_and_is_capped() -> None:
    delivery = AlertDelivery(store=None, notifiers={}, settings=SETTINGS)  # type: ignore[arg-type]
    assert [delivery.retry_delay(n) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert delivery.retry_delay(10_000) == 4.0


def test_bad_retry_settings_are_rejected() -> None:
    with pytest.raises(ValueError):
        AlertDelivery(None, {}, DeliverySettings(retry_base=0))  # type: ignore[arg-type]


async def test_webhook_fails_twice_then_delivers_exactly_once(
    tmp_path: Path, receiver: Receiver, make_hook: Callable[..., WebhookNotifier]
) -> None:
    receiver.statuses = [500]
    hook = make_hook(receiver.url, Authorization=TOKEN)
    alert = make_alert()
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(store, {"ops": hook}, SETTINGS)
        assert delivery.record(alert, ["ops"]) is True
        t1 = utcnow()

        # attempt 1: the receiver answers 500
        assert await delivery.deliver_due(now=t1) == 0
        first = record_of(store, alert.key, "ops")
        assert first.state == "pending" and first.attempts == 1 and "HTTP 500" in (first.last_error or "")
        assert first.next_attempt_at - t1 == timedelta(seconds=BASE)

        # not due yet: nothing is sent
        assert await delivery.deliver_due(now=t1 + timedelta(seconds=BASE / 2)) == 0
        assert len(receiver.requests) == 1

        # attempt 2: the port is closed (connection refused)
        await receiver.stop_listening()
        t2 = first.next_attempt_at
        assert await delivery.deliver_due(now=t2) == 0
        second = record_of(store, alert.key, "ops")
        assert second.attempts == 2 and "HTTP 500" not in (second.last_error or "")
        assert second.next_attempt_at - t2 == timedelta(seconds=2 * BASE)  # the wait grew

        # attempt 3: the receiver is back on the same port and accepts it
        await receiver.start()
        assert await delivery.deliver_due(now=second.next_attempt_at) == 1
        done = record_of(store, alert.key, "ops")
        assert done.state == "delivered" and done.attempts == 3

        # nothing more is ever sent for it
        assert await delivery.deliver_due(now=t1 + timedelta(days=1)) == 0
    assert receiver.received == [alert.to_dict()]
    assert (delivery.counters.delivered, delivery.counters.failed) == (1, 2)
    for record in (first, second):  # errors kept for the operator never carry secrets
        assert "tok-do-not-log" not in (record.last_error or "") and "s3cr3t" not in (record.last_error or "")


async def test_undelivered_alert_survives_restart_and_backoff_continues(
    tmp_path: Path, receiver: Receiver, make_hook: Callable[..., WebhookNotifier]
) -> None:
    db = tmp_path / "w.db"
    alert = make_alert()
    await receiver.stop_listening()
    hook = make_hook(receiver.url)
    with SQLiteStore(db) as store:
        delivery = AlertDelivery(store, {"ops": hook}, SETTINGS)
        delivery.record(alert, ["ops"])
        await delivery.deliver_due(now=utcnow())
        assert record_of(store, alert.key, "ops").attempts == 1

    # a restart: new store object, new delivery loop, same file
    with SQLiteStore(db) as store:
        delivery = AlertDelivery(store, {"ops": hook}, SETTINGS)
        assert delivery.record(make_alert(), ["ops"]) is False  # alert-once across the restart
        due = record_of(store, alert.key, "ops").next_attempt_at
        await delivery.deliver_due(now=due)
        again = record_of(store, alert.key, "ops")
        assert again.attempts == 2
        assert again.next_attempt_at - due == timedelta(seconds=2 * BASE)  # not reset to retry_base

        await receiver.start()
        assert await delivery.deliver_due(now=again.next_attempt_at) == 1
        assert store.stats()["pending_deliveries"] == 0
    assert receiver.received == [alert.to_dict()]


async def test_alert_once_across_restart_end_to_end(tmp_path: Path) -> None:
    db, out = tmp_path / "w.db", tmp_path / "alerts.jsonl"
    for _ in range(2):  # two "process lifetimes" seeing the same match
        with SQLiteStore(db) as store:
            delivery = AlertDelivery(store, {"jsonl": JsonlNotifier(out)}, SETTINGS)
            delivery.record(make_alert(), ["jsonl"])
            await delivery.deliver_due(now=utcnow())
    assert [json.loads(line)["dispatch_id"] for line in out.read_text().splitlines()] == [make_alert().dispatch_id]


async def test_unknown_channel_is_recorded_and_kept_while_others_deliver(tmp_path: Path) -> None:
    stream = io.StringIO()
    alert = make_alert()
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(store, {"console": ConsoleNotifier(stream)}, SETTINGS)
        delivery.record(alert, ["console", "pager"])
        assert await delivery.deliver_due(now=utcnow()) == 1
        pager = record_of(store, alert.key, "pager")
        assert pager.state == "pending" and "unknown channel 'pager'" in (pager.last_error or "")
        assert "console" in (pager.last_error or "")  # says what is configured
        assert record_of(store, alert.key, "console").state == "delivered"
    assert len(stream.getvalue().splitlines()) == 1


async def test_a_failing_channel_pauses_without_blocking_other_channels(
    tmp_path: Path, receiver: Receiver, make_hook: Callable[..., WebhookNotifier]
) -> None:
    await receiver.stop_listening()
    hook = make_hook(receiver.url)
    stream = io.StringIO()
    alerts = [make_alert(key=f"d{i}") for i in range(3)]
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(store, {"ops": hook, "console": ConsoleNotifier(stream)}, SETTINGS)
        for alert in alerts:
            delivery.record(alert, ["ops", "console"])
        now = utcnow()
        assert await delivery.deliver_due(now=now) == 3  # all console deliveries
        # the dead endpoint was tried once, not once per queued alert
        assert [record_of(store, a.key, "ops").attempts for a in alerts] == [1, 0, 0]
        # while the channel is paused, its other alerts are not attempted either,
        # and the pause is in the store: all of them wait until the same time
        assert await delivery.deliver_due(now=now + timedelta(seconds=BASE / 2)) == 0
        assert [record_of(store, a.key, "ops").attempts for a in alerts] == [1, 0, 0]
        assert {record_of(store, a.key, "ops").next_attempt_at for a in alerts} == {now + timedelta(seconds=BASE)}
        # after the pause the endpoint is back and everything goes out; the retried
        # alert goes last, so one alert the endpoint keeps refusing cannot block the rest
        await receiver.start()
        assert await delivery.deliver_due(now=now + timedelta(seconds=BASE)) == 3
    assert [body["dispatch_id"] for body in receiver.received] == [a.dispatch_id for a in alerts[1:] + alerts[:1]]
    assert len(stream.getvalue().splitlines()) == 3


async def test_a_dead_channel_backlog_does_not_starve_other_channels(
    tmp_path: Path, receiver: Receiver, make_hook: Callable[..., WebhookNotifier]
) -> None:
    await receiver.stop_listening()
    stream = io.StringIO()
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(
            store, {"ops": make_hook(receiver.url), "console": ConsoleNotifier(stream)}, SETTINGS, batch_size=2
        )
        for i in range(4):  # a backlog for the dead webhook, older than the console alert
            delivery.record(make_alert(key=f"old{i}"), ["ops"])
        delivery.record(make_alert(key="new"), ["console"])
        now = utcnow()
        assert await delivery.deliver_due(now=now) == 0  # a full batch of webhook work; it fails
        assert await delivery.deliver_due(now=now) == 1  # the console alert is reached at once
    assert "[rule r1]" in stream.getvalue()


async def test_a_dead_endpoint_is_retried_ever_less_often_across_alerts(
    tmp_path: Path, receiver: Receiver, make_hook: Callable[..., WebhookNotifier]
) -> None:
    await receiver.stop_listening()
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(store, {"ops": make_hook(receiver.url)}, SETTINGS)
        for i in range(4):
            delivery.record(make_alert(key=f"d{i}"), ["ops"])
        now, waits = utcnow(), []
        for _ in range(4):
            await delivery.deliver_due(now=now)
            next_due = min(r.next_attempt_at for r in store.deliveries())
            waits.append((next_due - now).total_seconds())
            now = next_due
        # each round tries a different (least-tried) alert, yet the channel's wait doubles
        assert waits == [0.5, 1.0, 2.0, 4.0]
        assert sorted(r.attempts for r in store.deliveries()) == [1, 1, 1, 1]


async def test_a_notifier_bug_is_a_failed_delivery_not_a_crash(tmp_path: Path) -> None:
    class Broken:
        name = "broken"

        async def deliver(self, alert: object) -> None:
            raise KeyError("bug")

    alert = make_alert()
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(store, {"broken": Broken()}, SETTINGS)
        delivery.record(alert, ["broken"])
        assert await delivery.deliver_due(now=utcnow()) == 0
        record = record_of(store, alert.key, "broken")
        assert record.state == "pending" and "KeyError" in (record.last_error or "")


async def test_run_delivers_until_stopped(tmp_path: Path) -> None:
    out = tmp_path / "alerts.jsonl"
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(store, {"jsonl": JsonlNotifier(out)}, SETTINGS, batch_size=2)
        stop = asyncio.Event()
        task = asyncio.create_task(delivery.run(stop, interval=0.01))
        for i in range(5):  # more than one batch
            delivery.record(make_alert(key=f"d{i}"), ["jsonl"])
        while store.stats()["pending_deliveries"]:
            await asyncio.sleep(0.01)
        stop.set()
        await asyncio.wait_for(task, timeout=5)
    assert len(out.read_text().splitlines()) == 5
    assert delivery.counters.delivered == 5


async def test_overlapping_rounds_deliver_each_alert_once(tmp_path: Path) -> None:
    out = io.StringIO()
    with SQLiteStore(tmp_path / "s.db") as store:
        delivery = AlertDelivery(
            store, {"console": ConsoleNotifier(out), "jsonl": JsonlNotifier(tmp_path / "a.jsonl")}, SETTINGS
        )
        for i in range(5):
            delivery.record(make_alert(key=f"d{i}"), ["console", "jsonl"])
        # The runner's delivery loop and a drain can call deliver_due at the same time.
        counts = await asyncio.gather(delivery.deliver_due(), delivery.deliver_due(), delivery.deliver_due())
        assert sum(counts) == 10
        assert len(out.getvalue().splitlines()) == 5
        assert len((tmp_path / "a.jsonl").read_text().splitlines()) == 5


def test_record_returns_false_for_a_repeat(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(store, {}, SETTINGS)
        assert delivery.record(make_alert(), ["console"]) is True
        assert delivery.record(make_alert(), ["console"]) is False


async def test_close_releases_webhook_sessions(tmp_path: Path, receiver: Receiver) -> None:
    hook = WebhookNotifier("ops", WebhookSettings(url=receiver.url))
    with SQLiteStore(tmp_path / "w.db") as store:
        delivery = AlertDelivery(store, {"ops": hook, "console": ConsoleNotifier(io.StringIO())}, SETTINGS)
        delivery.record(make_alert(), ["ops"])
        assert await delivery.deliver_due(now=utcnow()) == 1
        session = hook._session
        await delivery.close()
    assert session is not None and session.closed


# -- a round marks a channel's successes in one store transaction, and never loses one: not when the
# round stops at a failure, not when it is cancelled half-way --------------------------------------------


def states(store: SQLiteStore) -> dict[str, tuple[str, int]]:
    return {r.alert_key: (r.state, r.attempts) for r in store.deliveries()}


class ScriptedNotifier:
    """Takes alerts in order; refuses the one at `fail_at` or blocks forever at `block_at` (0-based)."""

    name = "hook"

    def __init__(self, fail_at: int | None = None, block_at: int | None = None) -> None:
        self.received: list[str] = []
        self.fail_at, self.block_at = fail_at, block_at
        self.blocked = asyncio.Event()

    async def deliver(self, alert: Alert) -> None:
        index = len(self.received)
        if index == self.fail_at:
            raise DeliveryError("endpoint said no")
        if index == self.block_at:
            self.blocked.set()
            await asyncio.Event().wait()
        self.received.append(alert.key)


def record_five(store: SQLiteStore) -> list[Alert]:
    alerts = [make_alert("r1", key=f"d{n}") for n in range(5)]
    store.record_alerts([(alert, ["hook"]) for alert in alerts])
    return alerts


async def test_a_round_marks_all_its_deliveries_in_one_transaction(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record_five(store)
        delivery = AlertDelivery(store, {"hook": ScriptedNotifier()}, SETTINGS)
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        assert await delivery.deliver_due() == 5
        store.conn.set_trace_callback(None)
        assert sum(s.strip().upper() == "COMMIT" for s in statements) == 1
        assert states(store) == {alert.key: ("delivered", 1) for alert in alerts}
        assert delivery.counters.delivered == 5


async def test_a_failure_mid_round_keeps_the_earlier_successes_and_retries_the_rest(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record_five(store)
        notifier = ScriptedNotifier(fail_at=2)
        delivery = AlertDelivery(store, {"hook": notifier}, SETTINGS)
        assert await delivery.deliver_due(now=utcnow()) == 2
        found = states(store)
        assert [found[a.key] for a in alerts] == [
            ("delivered", 1),
            ("delivered", 1),
            ("pending", 1),
            ("pending", 0),
            ("pending", 0),
        ]
        assert (delivery.counters.delivered, delivery.counters.failed) == (2, 1)
        # Once the channel's pause is over the rest goes out, and nothing is sent twice.
        notifier.fail_at = None
        later = utcnow() + timedelta(seconds=60)
        assert await delivery.deliver_due(now=later) == 3
        assert sorted(notifier.received) == sorted(a.key for a in alerts)  # each once
        assert all(state == "delivered" for state, _ in states(store).values())


async def test_a_cancelled_round_still_marks_what_the_channel_took(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record_five(store)
        notifier = ScriptedNotifier(block_at=3)
        delivery = AlertDelivery(store, {"hook": notifier}, SETTINGS)
        task = asyncio.create_task(delivery.deliver_due())
        await notifier.blocked.wait()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        found = states(store)
        assert [found[a.key][0] for a in alerts] == ["delivered"] * 3 + ["pending"] * 2
        assert delivery.counters.delivered == 3


# -- a round to the JSON Lines channel is one append, marked delivered only once written; a failed or
# partial write marks nothing and is retried -------------------------------------------------------------


def record_for_jsonl(store: SQLiteStore, count: int) -> list[Alert]:
    alerts = [make_alert("r1", key=f"d{n}", title=f"Coup attempt {n}") for n in range(count)]
    store.record_alerts([(alert, ["jsonl"]) for alert in alerts])
    return alerts


class CountingJsonl(JsonlNotifier):
    """The real notifier, counting its calls (how many appends a round takes)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.batch_calls = 0
        self.single_calls = 0

    async def deliver(self, alert: Alert) -> None:
        self.single_calls += 1
        await super().deliver(alert)

    async def deliver_many(self, alerts: list[Alert]) -> None:
        self.batch_calls += 1
        await super().deliver_many(alerts)


class SizeCappedJsonl(JsonlNotifier):
    """The real notifier writing under RLIMIT_FSIZE: the kernel cuts the write off part-way (EFBIG)."""

    def __init__(self, path: Path, cap_bytes: int | None) -> None:
        super().__init__(path)
        self.cap_bytes = cap_bytes

    async def deliver_many(self, alerts: list[Alert]) -> None:
        if self.cap_bytes is None:
            return await super().deliver_many(alerts)
        limits = resource.getrlimit(resource.RLIMIT_FSIZE)
        previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (self.cap_bytes, limits[1]))
        try:
            await super().deliver_many(alerts)
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, limits)
            signal.signal(signal.SIGXFSZ, previous)


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


async def test_a_round_is_one_append_and_marked_delivered_once_written(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record_for_jsonl(store, 7)
        notifier = CountingJsonl(path)
        delivery = AlertDelivery(store, {"jsonl": notifier}, SETTINGS)
        assert await delivery.deliver_due() == 7
        assert (notifier.batch_calls, notifier.single_calls) == (1, 0)
        assert written(path) == [alert.to_dict() for alert in alerts]
        assert states(store) == {alert.key: ("delivered", 1) for alert in alerts}
        assert await delivery.deliver_due() == 0  # nothing is written twice
        assert len(written(path)) == 7


async def test_an_unwritable_file_marks_nothing_pauses_and_delivers_all_later(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    path.mkdir()  # a directory where the file should be: every open fails
    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record_for_jsonl(store, 4)
        delivery = AlertDelivery(store, {"jsonl": JsonlNotifier(path)}, SETTINGS)
        now = utcnow()
        assert await delivery.deliver_due(now=now) == 0
        assert (delivery.counters.delivered, delivery.counters.failed) == (0, 1)
        found = states(store)
        assert [found[a.key] for a in alerts] == [("pending", 1)] + [("pending", 0)] * 3
        assert await delivery.deliver_due(now=now) == 0  # paused: not retried at once
        path.rmdir()
        assert await delivery.deliver_due(now=now + timedelta(seconds=60)) == 4
        # The least-tried first: the alert that carried the failure goes out last.
        assert written(path) == [alert.to_dict() for alert in alerts[1:] + alerts[:1]]
        assert all(state == "delivered" for state, _ in states(store).values())


async def test_a_partial_write_marks_nothing_and_the_retry_writes_every_line(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record_for_jsonl(store, 5)
        one_line = len((json.dumps(alerts[0].to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n").encode())
        notifier = SizeCappedJsonl(path, cap_bytes=2 * one_line + one_line // 2)  # two and a half lines fit
        delivery = AlertDelivery(store, {"jsonl": notifier}, SETTINGS)
        now = utcnow()
        assert await delivery.deliver_due(now=now) == 0
        assert path.stat().st_size == 2 * one_line + one_line // 2  # the round was cut off mid-line
        assert all(state == "pending" for state, _ in states(store).values())
        notifier.cap_bytes = None
        assert await delivery.deliver_due(now=now + timedelta(seconds=60)) == 5
        lines = path.read_text(encoding="utf-8").splitlines()
        # At-least-once: the retry appends the whole round, each line whole, after the torn one.
        assert sorted(json.loads(line)["url"] for line in lines[-5:]) == sorted(a.url or "" for a in alerts)
        torn = [line for line in lines[:-5] if not _parses(line)]
        assert len(torn) == 1 and lines[-6] == torn[0]
        assert all(state == "delivered" for state, _ in states(store).values())


async def test_a_notifier_bug_in_a_batch_is_a_failed_attempt_not_a_crash(tmp_path: Path) -> None:
    class Broken(JsonlNotifier):
        async def deliver_many(self, alerts: list[Alert]) -> None:
            raise RuntimeError("bug")

    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record_for_jsonl(store, 2)
        delivery = AlertDelivery(store, {"jsonl": Broken(tmp_path / "a.jsonl")}, SETTINGS)
        assert await delivery.deliver_due() == 0
        assert states(store)[alerts[0].key] == ("pending", 1)
        assert delivery.counters.failed == 1
