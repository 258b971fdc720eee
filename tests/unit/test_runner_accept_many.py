"""EmbeddedPipeline.accept_many: one inbox transaction for a pushed batch, with the same guarantees as
accept — dedup (within the batch and against earlier ones), durable before queued, replayed after a crash."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.unit.test_embedded import settings_for
from tests.unit.test_store import make_dispatch
from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.sinks.sqlite_store import SQLiteStore


async def test_accept_many_dedups_persists_then_queues(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    earlier, first, second = (
        make_dispatch(k, text="Soldiers staged a coup in Ankara, Turkey.") for k in ("earlier", "first", "second")
    )
    pipeline = EmbeddedPipeline.from_settings(settings)
    try:
        assert await pipeline.accept(earlier)
        assert await pipeline.accept_many([first, earlier, second, first]) == 2
        assert (pipeline.counters.accepted, pipeline.counters.duplicates) == (3, 2)
        assert pipeline.queue.qsize() == 3
        # Durable before anything processed them: all three are pending in the inbox.
        assert {d.id for d in pipeline.store.pending()} == {earlier.id, first.id, second.id}
        assert await pipeline.accept_many([]) == 0

        worker = asyncio.create_task(pipeline.process_forever())
        try:
            await pipeline.drain()
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
        assert pipeline.counters.processed == 3
        assert pipeline.store.pending() == []
        assert pipeline.store.get(second.id)["title"] == second.title
        assert pipeline.counters.alerts == 6  # two rules fire on each
    finally:
        await pipeline.close()


async def test_a_batch_accepted_but_never_processed_is_replayed_after_a_restart(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    batch = [make_dispatch(f"k{n}", text="Markets were calm in Paris, France.") for n in range(5)]
    crashed = EmbeddedPipeline.from_settings(settings)
    assert await crashed.accept_many(batch) == 5
    crashed.store.close()  # the process dies: nothing processed, the queue is gone

    restarted = EmbeddedPipeline.from_settings(settings)
    try:
        assert await restarted.replay_pending() == 5
        assert await restarted.accept_many(batch) == 0  # still deduplicated
        worker = asyncio.create_task(restarted.process_forever())
        try:
            await restarted.drain()
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
    finally:
        await restarted.close()
    with SQLiteStore(settings.store.path) as store:
        assert store.stats()["dispatches"] == 5
        assert store.stats()["inbox_pending"] == 0
