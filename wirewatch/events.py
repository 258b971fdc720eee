"""An in-process event bus: the pipeline publishes, live views subscribe.

Publishing never waits and never fails: each subscriber has its own bounded
queue, and when a subscriber (a slow browser behind an SSE stream) falls
behind, its oldest undelivered event is dropped and counted. The pipeline's
pace is therefore never set by a reader, and memory stays bounded at
``subscribers x maxsize`` events. A subscriber learns how many events it missed
(``Subscription.dropped``) so it can tell its user to reload.

Single event loop: ``publish`` must be called from the loop the subscribers
read on (the embedded runner's loop); it is synchronous so the pipeline can
call it from plain functions such as ``process_batch``.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from wirewatch.errors import WirewatchError

DEFAULT_QUEUE_SIZE = 256


@dataclass(frozen=True, slots=True)
class Event:
    id: int  # increasing per bus: lets a stream say "event N" (SSE id:)
    kind: str  # "alert" | "dispatch" | ...
    data: dict[str, Any]


class BusClosed(WirewatchError):
    """The bus was closed while a subscriber was waiting."""


_CLOSED = object()


class Subscription:
    """One reader's bounded view of the bus. Use as an async iterator or call ``get``."""

    def __init__(self, bus: EventBus, kinds: frozenset[str] | None, maxsize: int) -> None:
        self._bus = bus
        self.kinds = kinds
        self._queue: asyncio.Queue[Event | object] = asyncio.Queue(maxsize=maxsize)
        self.dropped = 0  # events this subscriber lost because it was too slow
        self.closed = False

    def wants(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds

    def offer(self, event: Event) -> bool:
        """Queue the event without waiting; drop the oldest queued one when full.

        Returns False when an event had to be dropped.
        """
        if self.closed:
            return True
        lost = False
        if self._queue.full():
            self._queue.get_nowait()
            self.dropped += 1
            lost = True
        self._queue.put_nowait(event)
        return not lost

    async def get(self) -> Event:
        item = await self._queue.get()
        if item is _CLOSED:
            self.closed = True
            raise BusClosed()
        assert isinstance(item, Event)
        return item

    def pending(self) -> int:
        return self._queue.qsize()

    def close(self) -> None:
        """Stop receiving; a reader blocked in ``get`` is woken with BusClosed."""
        if self.closed:
            return
        self._bus._unsubscribe(self)
        self.closed = True
        if self._queue.full():
            self._queue.get_nowait()
        self._queue.put_nowait(_CLOSED)

    def __aiter__(self) -> AsyncIterator[Event]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[Event]:
        while True:
            try:
                yield await self.get()
            except BusClosed:
                return

    def __enter__(self) -> Subscription:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class EventBus:
    """Fan-out of events to any number of bounded subscribers."""

    def __init__(
        self,
        *,
        queue_size: int = DEFAULT_QUEUE_SIZE,
        max_subscribers: int = 64,
        on_drop: Callable[[int], None] | None = None,
    ) -> None:
        if queue_size < 1 or max_subscribers < 1:
            raise ValueError("queue_size and max_subscribers must be at least 1")
        self.queue_size = queue_size
        self.max_subscribers = max_subscribers
        self._subscribers: list[Subscription] = []
        self._ids = itertools.count(1)
        self._on_drop = on_drop
        self.published = 0
        self.dropped = 0  # across all subscribers, since the bus started

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)

    def subscribe(self, kinds: Iterable[str] | None = None, *, queue_size: int | None = None) -> Subscription:
        """A new subscription; raises TooManySubscribers past ``max_subscribers``."""
        if len(self._subscribers) >= self.max_subscribers:
            raise TooManySubscribers(f"the event bus already has {self.max_subscribers} subscribers")
        size = queue_size or self.queue_size
        subscription = Subscription(self, frozenset(kinds) if kinds is not None else None, size)
        self._subscribers.append(subscription)
        return subscription

    def publish(self, kind: str, data: dict[str, Any]) -> Event:
        """Hand the event to every interested subscriber; never blocks."""
        event = Event(next(self._ids), kind, data)
        self.published += 1
        for subscription in list(self._subscribers):
            if subscription.wants(kind) and not subscription.offer(event):
                self.dropped += 1
                if self._on_drop is not None:
                    self._on_drop(1)
        return event

    def close(self) -> None:
        """Wake and detach every subscriber (shutdown)."""
        for subscription in list(self._subscribers):
            subscription.close()

    def _unsubscribe(self, subscription: Subscription) -> None:
        try:
            self._subscribers.remove(subscription)
        except ValueError:
            pass


class TooManySubscribers(WirewatchError):
    """A bound on live readers: each one holds a queue and a connection."""
