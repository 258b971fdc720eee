"""A delivery round to the JSON Lines channel: one append for the round's alerts, marked delivered only
once written (real file, real SQLite store); a failed or partial write marks nothing and is retried."""

from __future__ import annotations

import json
import resource
import signal
from datetime import timedelta
from pathlib import Path

from tests.unit.test_store import make_alert
from wirewatch.models import Alert, utcnow
from wirewatch.settings import DeliverySettings
from wirewatch.sinks.delivery import AlertDelivery, DeliversBatches
from wirewatch.sinks.notifiers import JsonlNotifier
from wirewatch.sinks.sqlite_store import SQLiteStore

SETTINGS = DeliverySettings(retry_base=0.5, retry_max=4.0)


def record(store: SQLiteStore, count: int) -> list[Alert]:
    alerts = [make_alert("r1", key=f"d{n}", title=f"Coup attempt {n}") for n in range(count)]
    store.record_alerts([(alert, ["jsonl"]) for alert in alerts])
    return alerts


def states(store: SQLiteStore) -> dict[str, tuple[str, int]]:
    return {r.alert_key: (r.state, r.attempts) for r in store.deliveries()}


def written(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


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


def test_the_jsonl_notifier_takes_batches() -> None:
    assert isinstance(JsonlNotifier("x.jsonl"), DeliversBatches)


async def test_deliver_many_appends_every_line_in_order(tmp_path: Path) -> None:
    path = tmp_path / "out" / "alerts.jsonl"
    alerts = [make_alert("r1", key=f"d{n}", title=f"Çavuşoğlu {n}") for n in range(3)]
    await JsonlNotifier(path).deliver(alerts[0])
    await JsonlNotifier(path).deliver_many(alerts[1:])
    await JsonlNotifier(path).deliver_many([])  # nothing to write: the file is untouched
    assert written(path) == [alert.to_dict() for alert in alerts]
    assert "Çavuşoğlu 2" in path.read_text(encoding="utf-8")


async def test_a_round_is_one_append_and_marked_delivered_once_written(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record(store, 7)
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
        alerts = record(store, 4)
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
        alerts = record(store, 5)
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
        assert sorted(json.loads(line)["url"] for line in lines[-5:]) == sorted(a.url for a in alerts)
        torn = [line for line in lines[:-5] if not _parses(line)]
        assert len(torn) == 1 and lines[-6] == torn[0]
        assert all(state == "delivered" for state, _ in states(store).values())


async def test_a_notifier_bug_in_a_batch_is_a_failed_attempt_not_a_crash(tmp_path: Path) -> None:
    class Broken(JsonlNotifier):
        async def deliver_many(self, alerts: list[Alert]) -> None:
            raise RuntimeError("bug")

    with SQLiteStore(tmp_path / "w.db") as store:
        alerts = record(store, 2)
        delivery = AlertDelivery(store, {"jsonl": Broken(tmp_path / "a.jsonl")}, SETTINGS)
        assert await delivery.deliver_due() == 0
        assert states(store)[alerts[0].key] == ("pending", 1)
        assert delivery.counters.failed == 1
