"""The event bus: fan-out, bounded per-subscriber queues, drop-and-count back-pressure."""

import asyncio

import pytest

from wirewatch.events import EventBus, TooManySubscribers


async def test_every_interested_subscriber_gets_each_event_in_order():
    bus = EventBus()
    alerts_only = bus.subscribe(["alert"])
    everything = bus.subscribe()
    bus.publish("dispatch", {"n": 1})
    bus.publish("alert", {"n": 2})
    assert [(await everything.get()).data["n"] for _ in range(2)] == [1, 2]
    first = await alerts_only.get()
    assert (first.kind, first.data) == ("alert", {"n": 2})
    assert alerts_only.pending() == 0


async def test_a_slow_subscriber_never_blocks_publish_and_loses_only_its_oldest_events():
    drops: list[int] = []
    bus = EventBus(queue_size=3, on_drop=drops.append)
    slow = bus.subscribe()
    fast = bus.subscribe(queue_size=100)
    for n in range(10):  # publish is synchronous: it cannot wait for the reader
        bus.publish("dispatch", {"n": n})
    assert slow.pending() == 3 and slow.dropped == 7
    assert [(await slow.get()).data["n"] for _ in range(3)] == [7, 8, 9]  # the newest survive
    assert fast.dropped == 0 and fast.pending() == 10
    assert bus.dropped == 7 and sum(drops) == 7


async def test_closing_the_bus_wakes_a_waiting_reader_and_detaches_it():
    bus = EventBus()
    sub = bus.subscribe()
    received = []

    async def read():
        async for event in sub:
            received.append(event.data)

    reader = asyncio.create_task(read())
    bus.publish("alert", {"a": 1})
    await asyncio.sleep(0)
    bus.close()
    await asyncio.wait_for(reader, timeout=5)
    assert received == [{"a": 1}]
    assert bus.subscriber_count == 0


async def test_subscribers_are_bounded_and_leaving_frees_a_slot():
    bus = EventBus(max_subscribers=2)
    with bus.subscribe():
        with bus.subscribe():
            with pytest.raises(TooManySubscribers):
                bus.subscribe()
        bus.subscribe().close()
    assert bus.subscriber_count == 0


async def test_a_closed_subscription_receives_nothing_more():
    bus = EventBus()
    sub = bus.subscribe()
    sub.close()
    bus.publish("alert", {})
    assert sub.pending() <= 1 and bus.subscriber_count == 0
