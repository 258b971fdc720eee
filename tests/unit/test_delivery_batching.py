"""AlertDelivery marks a channel's successes in one store transaction per round, and never loses one:
not when the round stops at a failure, not when it is cancelled half-way (real SQLite store)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from tests.unit.test_store import make_alert
from wirewatch.errors import DeliveryError
from wirewatch.models import Alert, utcnow
from wirewatch.settings import DeliverySettings
from wirewatch.sinks.delivery import AlertDelivery
from wirewatch.sinks.sqlite_store import SQLiteStore

SETTINGS = DeliverySettings(retry_base=0.5, retry_max=4.0)


class ScriptedNotifier:
    """Takes alerts in order; refuses the one at `fail_at` or blocks forever at `block_at` (0-based)."""

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


def states(store: SQLiteStore) -> dict[str, tuple[str, int]]:
    return {r.alert_key: (r.state, r.attempts) for r in store.deliveries()}


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
