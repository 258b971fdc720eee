"""Publishes what other processes store, for a dashboard that runs alone.

``wirewatch dashboard`` has no pipeline in its process: dispatches and alerts
arrive in the store from ``wirewatch run`` or ``wirewatch ingest`` elsewhere.
The watcher polls the store's cursors (dispatch seq, alert rowid) and puts
what is new on the bus, so the live view works the same in both modes.
"""

from __future__ import annotations

import asyncio
import logging

from wirewatch.app.dashboard.backend import DashboardBackend
from wirewatch.events import EventBus

log = logging.getLogger(__name__)


class StoreWatcher:
    def __init__(self, backend: DashboardBackend, bus: EventBus, interval: float = 1.0) -> None:
        self.backend = backend
        self.bus = bus
        self.interval = interval
        self._cursor: tuple[int, int] | None = None

    async def step(self) -> int:
        """One look at the store; returns how many events were published."""
        changes = await asyncio.to_thread(self.backend.changes, self._cursor)
        self._cursor = changes.cursor
        for doc in changes.dispatches:
            self.bus.publish("dispatch", doc)
        for alert in changes.alerts:
            self.bus.publish("alert", alert.to_dict())
        return len(changes.dispatches) + len(changes.alerts)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.step()
            except Exception:  # a locked or briefly missing file: try again next round
                log.exception("store watcher round failed")
            try:
                await asyncio.wait_for(stop.wait(), timeout=self.interval)
            except TimeoutError:
                pass
