"""Embedded mode: full text between the poller and the processing queue, in a bounded pool.

The poller's emit returns as soon as a dispatch is queued here (polling never waits for an article);
`workers` tasks fetch and extract, then hand each dispatch on. Dispatches not marked for full text
pass straight through. The queue is bounded, so a slow site slows the intake instead of growing
memory; the dispatch is already durable in the inbox, and a crash replays it through the pool again
(it is still marked pending), so no article is skipped and none is lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from wirewatch.models import Dispatch
from wirewatch.producers.fulltext.fetcher import ArticleFetcher

log = logging.getLogger(__name__)

Downstream = Callable[[Dispatch], Awaitable[None]]


class FullTextPool:
    def __init__(
        self, fetcher: ArticleFetcher, downstream: Downstream | None = None, *, workers: int, queue_size: int = 256
    ):
        self.fetcher = fetcher
        self.downstream: Downstream = downstream or _nowhere
        self.workers = max(1, workers)
        self._queue: asyncio.Queue[Dispatch] = asyncio.Queue(maxsize=max(1, queue_size))
        self._tasks: list[asyncio.Task[None]] = []

    async def submit(self, dispatch: Dispatch) -> None:
        """Queue a dispatch marked for full text (waits while the pool is full); pass others on."""
        if dispatch.fulltext is not None and dispatch.fulltext.status == "pending":
            if not self._tasks:  # started on first use, on the loop that uses it
                self._tasks = [asyncio.create_task(self._work(), name=f"fulltext-{i}") for i in range(self.workers)]
            await self._queue.put(dispatch)
        else:
            await self.downstream(dispatch)

    def qsize(self) -> int:
        return self._queue.qsize()

    async def drain(self) -> None:
        """Wait until every queued dispatch has been fetched and handed on."""
        await self._queue.join()

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        await self.fetcher.close()

    async def _work(self) -> None:
        while True:
            dispatch = await self._queue.get()
            try:
                enriched = await self.fetcher.enrich(dispatch)
                await self.downstream(enriched)
            finally:
                self._queue.task_done()


async def _nowhere(dispatch: Dispatch) -> None:
    raise RuntimeError("FullTextPool has no downstream: set pool.downstream before submitting")
