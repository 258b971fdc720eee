"""Stopping the embedded runner's delivery loop must always stop it.

On Python 3.11, `asyncio.wait_for(event.wait(), timeout)` returns instead of raising when the task is
cancelled in the same loop iteration as the event is set, so a `while True` loop around it swallowed
the cancel and `gather` at shutdown waited forever (seen in bench_embedded: alert fired, then stop).
"""

from __future__ import annotations

import asyncio
import io

from tests.unit.test_embedded import settings_for
from wirewatch.app.runner import EmbeddedPipeline


async def test_delivery_loop_stops_when_cancelled_as_an_alert_becomes_ready(tmp_path) -> None:
    pipeline = EmbeddedPipeline.from_settings(settings_for(tmp_path), console_stream=io.StringIO())
    try:
        for _ in range(5):  # the race needs the set and the cancel in one iteration; repeat to be sure
            loop_task = asyncio.create_task(pipeline.deliver_forever(interval=30.0))
            await asyncio.sleep(0.05)  # parked in its wait for the next alert
            pipeline._alert_ready.set()
            loop_task.cancel()
            done, _ = await asyncio.wait({loop_task}, timeout=5.0)
            assert loop_task in done, "the delivery loop ignored its cancellation"
            assert loop_task.cancelled()
    finally:
        await pipeline.close()
