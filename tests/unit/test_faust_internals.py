"""The faust and aiokafka internals `processors/stream/consumer.py` is built on are still there, in the same shape.

`AtLeastOnceConsumer` overrides private methods of faust's consumer, reads and rewrites its private
bookkeeping and mirrors part of `Consumer.ack`. It was written against faust-streaming 0.15.3 and
aiokafka 0.14.0 (both pinned). An upgrade that renames or reshapes any of that can leave the worker
running with a fix silently switched off (an override nobody calls any more) or crash it mid-rebalance.
Each check here names the internal it guards; its failure message says what changed and what the module
was written against. `tests/unit/test_faust_consumer.py` tests what the overrides *do*; this file only
tests that what they stand on still exists and is still used by faust the way they assume.

No broker: the objects are built but never started.
"""

from __future__ import annotations

import inspect
import types
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import aiokafka
import faust
import pytest
from aiokafka.structs import TopicPartition
from faust.tables.recovery import Recovery
from faust.transport import base as faust_transport_base
from faust.transport import consumer as faust_consumer_base
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import tuples as faust_tuples

from wirewatch.processors.stream.consumer import AtLeastOnceConsumer, AtLeastOnceTransport

WRITTEN_AGAINST = "faust-streaming 0.15.3 and aiokafka 0.14.0"
INSTALLED = f"faust-streaming {faust.__version__} and aiokafka {aiokafka.__version__}"

FaustConsumer = faust_aiokafka.Consumer  # the class AtLeastOnceConsumer subclasses
ConsumerThread = faust_aiokafka.AIOKafkaConsumerThread  # what `AtLeastOnceConsumer._thread` is
# What faust's `Consumer._gap` is made of.
from intervaltree import IntervalTree  # noqa: E402


def broken(internal: str, change: str) -> str:
    return (
        f"{internal}: {change}. processors/stream/consumer.py relies on it as it is in {WRITTEN_AGAINST} "
        f"(installed: {INSTALLED}). Read the new faust source and adapt AtLeastOnceConsumer "
        "(docs/processor.md, 'How AtLeastOnceConsumer works') before moving the pin."
    )


def parameters(function: Callable[..., Any]) -> list[tuple[str, str, Any]]:
    """(name, kind, default) of each parameter: what a caller or an override depends on, not annotations."""
    return [(p.name, p.kind.name, p.default) for p in inspect.signature(function).parameters.values()]


def kind_of(function: Callable[..., Any]) -> str:
    if inspect.isasyncgenfunction(function):
        return "async generator"
    if inspect.iscoroutinefunction(function):
        return "coroutine function"
    return "plain function"


def names_used(function: Callable[..., Any]) -> set[str]:
    """Every global and attribute name the function's code (nested code included) refers to."""

    def walk(code: types.CodeType) -> Iterator[str]:
        yield from code.co_names
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                yield from walk(const)

    return set(walk(inspect.unwrap(function).__code__))


EMPTY = inspect.Parameter.empty
POS = "POSITIONAL_OR_KEYWORD"

# -- methods AtLeastOnceConsumer overrides: faust calls them, so their signature and kind must not move ------------

OVERRIDDEN = [
    # (name, parameters, kind, what the override does)
    ("ack", [("self", POS, EMPTY), ("message", POS, EMPTY)], "plain function", "hole 2: acks that mean processed"),
    (
        "on_partitions_assigned",
        [("self", POS, EMPTY), ("assigned", POS, EMPTY), ("generation_id", POS, 0)],
        "coroutine function",
        "hole 3: forgets acks recorded before the assignment",
    ),
    ("perform_seek", [("self", POS, EMPTY)], "coroutine function", "hole 1 and 6: rewind, mark the resume offset"),
    (
        "getmany",
        [("self", POS, EMPTY), ("timeout", POS, EMPTY)],
        "async generator",
        "hole 6: drops records fetched before a seek",
    ),
    (
        "_add_gap",
        [("self", POS, EMPTY), ("tp", POS, EMPTY), ("offset_from", POS, EMPTY), ("offset_to", POS, EMPTY)],
        "coroutine function",
        "hole 5: no gaps on guarded topics",
    ),
    ("_new_offset", [("self", POS, EMPTY), ("tp", POS, EMPTY)], "plain function", "hole 4: holds the commit"),
]


@pytest.mark.parametrize(("name", "expected", "kind", "why"), OVERRIDDEN, ids=[o[0] for o in OVERRIDDEN])
def test_overridden_methods_keep_their_name_signature_and_kind(name: str, expected: list, kind: str, why: str) -> None:
    internal = f"faust Consumer.{name} (overridden for {why})"
    original = getattr(FaustConsumer, name, None)
    assert original is not None, broken(internal, "no longer exists: the override would never be called")
    assert not getattr(original, "__isabstractmethod__", False), broken(internal, "is now abstract: no super() to call")
    assert getattr(AtLeastOnceConsumer, name) is not original, f"AtLeastOnceConsumer no longer overrides {name}"
    assert kind_of(original) == kind, broken(internal, f"is now a {kind_of(original)}, was a {kind}")
    assert parameters(original) == expected, broken(
        internal, f"signature is now {inspect.signature(original)}, was {expected}"
    )
    assert parameters(getattr(AtLeastOnceConsumer, name)) == expected, f"AtLeastOnceConsumer.{name}: signature drifted"


# -- the overrides only work if faust still goes through them -------------------------------------------------------

CALL_SITES = [
    # (where faust calls it, name it must still use, why it matters)
    (faust_tuples.Message.ack, "on_final_ack", "Message.ack reaches Consumer.ack through on_final_ack"),
    (faust_tuples.ConsumerMessage.on_final_ack, "ack", "a consumer message's final ack calls Consumer.ack"),
    (faust_consumer_base.Consumer._drain_messages, "getmany", "the fetch loop reads through Consumer.getmany"),
    (faust_consumer_base.Consumer._drain_messages, "_add_gap", "the fetch loop records jumps with _add_gap"),
    (faust_consumer_base.Consumer._filter_committable_offsets, "_new_offset", "commits ask _new_offset"),
    (faust_consumer_base.Consumer.getmany, "perform_seek", "records thrown away while flow is off: perform_seek"),
    (Recovery._resume_streams, "perform_seek", "after an assignment without tables: perform_seek"),
    (Recovery.on_recovery_completed, "perform_seek", "after an assignment with tables: perform_seek"),
    (
        faust_consumer_base.ThreadDelegateConsumer.threadsafe_partitions_assigned,
        "on_partitions_assigned",
        "the consumer thread hands an assignment to Consumer.on_partitions_assigned",
    ),
    (
        faust_consumer_base.Consumer.perform_seek,
        "_committed_offset",
        "perform_seek stores the committed offsets the override reads right after it",
    ),
    (FaustConsumer._to_message, "consumer_generation_id", "every fetched message is stamped with its generation"),
    (
        faust_aiokafka.ConsumerRebalanceListener.on_partitions_assigned,
        "consumer_generation_id",
        "an assignment sets the app's generation, which stale acks are compared with",
    ),
    # `_release_unrecorded` mirrors Consumer.ack without recording the offset: same lock, same set.
    (faust_consumer_base.Consumer.ack, "ack_lock", "Consumer.ack works under ack_lock"),
    (faust_consumer_base.Consumer.ack, "acked", "Consumer.ack sets message.acked"),
    (faust_consumer_base.Consumer.ack, "_unacked_messages", "Consumer.ack removes the message from _unacked_messages"),
    (faust_transport_base.Transport.create_consumer, "Consumer", "the transport builds its Consumer class attribute"),
]


@pytest.mark.parametrize(
    ("caller", "name", "why"), CALL_SITES, ids=[f"{c.__qualname__}->{n}" for c, n, _ in CALL_SITES]
)
def test_faust_still_goes_through_what_the_module_hooks(caller: Callable[..., Any], name: str, why: str) -> None:
    assert name in names_used(caller), broken(
        f"faust {caller.__qualname__} using {name!r}", f"no longer refers to it ({why})"
    )


# -- methods AtLeastOnceConsumer calls: the calls it makes must still bind --------------------------------------------

CALLED: list[tuple[type, str, str, tuple[tuple[object, ...], dict[str, object]]]] = [
    # (class, name, kind, (args, kwargs) as stream/consumer.py passes them, not counting self)
    (FaustConsumer, "assignment", "plain function", ((), {})),
    (FaustConsumer, "_is_changelog_tp", "plain function", (("tp",), {})),
    (FaustConsumer, "earliest_offsets", "coroutine function", (("tp1", "tp2"), {})),
    (ConsumerThread, "seek_wait", "coroutine function", (({"tp": 0},), {})),
]


@pytest.mark.parametrize(("owner", "name", "kind", "call"), CALLED, ids=[f"{o.__name__}.{n}" for o, n, _, _ in CALLED])
def test_methods_the_module_calls_accept_its_calls(owner: type, name: str, kind: str, call: tuple) -> None:
    internal = f"faust {owner.__name__}.{name}"
    method = getattr(owner, name, None)
    assert method is not None, broken(internal, "no longer exists")
    assert not getattr(method, "__isabstractmethod__", False), broken(internal, "is now only an abstract declaration")
    assert kind_of(method) == kind, broken(internal, f"is now a {kind_of(method)}, was a {kind}")
    args, kwargs = call
    try:
        inspect.signature(method).bind(object(), *args, **kwargs)
    except TypeError as exc:
        pytest.fail(
            broken(internal, f"no longer accepts the call the module makes ({exc}): {inspect.signature(method)}")
        )


# -- the bookkeeping, on a real (unstarted) consumer ----------------------------------------------------------------


@pytest.fixture
def consumer() -> AtLeastOnceConsumer:
    app = faust.App("faust-internals-unit", broker="kafka://127.0.0.1:1", autodiscover=False)
    app.transport = AtLeastOnceTransport(app.conf.broker_consumer, app, guarded_topics={"raw"})
    consumer = app.consumer
    assert isinstance(consumer, AtLeastOnceConsumer), broken(
        "faust App.transport / Transport.Consumer", "the app no longer builds its consumer from the transport set on it"
    )
    return consumer


def test_app_transport_can_be_replaced_before_use() -> None:
    prop = inspect.getattr_static(faust.App, "transport", None)
    assert isinstance(prop, property) and prop.fset is not None, broken(
        "faust App.transport", "is no longer a settable property (stream/app.py build_app assigns it)"
    )
    assert getattr(faust_aiokafka.Transport, "Consumer", None) is FaustConsumer, broken(
        "faust aiokafka Transport.Consumer", "no longer the class attribute naming the consumer class"
    )
    # AtLeastOnceTransport passes (url, app) positionally.
    try:
        inspect.signature(faust_transport_base.Transport.__init__).bind(object(), ["kafka://x"], object())
    except TypeError as exc:
        pytest.fail(broken("faust Transport.__init__", f"no longer takes (url, app) ({exc})"))


BOOKKEEPING = [
    # (attribute, default factory of the defaultdict or None for "any mapping", how the module uses it)
    ("_acked", list, "popped on assignment; `_acked[tp]` read (min) in _new_offset"),
    ("_acked_index", set, "popped on assignment"),
    ("_gap", IntervalTree, "popped on assignment; `_gap.get(tp)` truthy when faust holds a gap"),
    ("_committed_offset", None, "`.get(tp)` is the committed offset or None"),
]


@pytest.mark.parametrize(("name", "factory", "use"), BOOKKEEPING, ids=[b[0] for b in BOOKKEEPING])
def test_commit_bookkeeping_has_the_shape_the_module_uses(
    consumer: AtLeastOnceConsumer, name: str, factory: type | None, use: str
) -> None:
    internal = f"faust Consumer.{name} ({use})"
    value = getattr(consumer, name, None)
    assert value is not None, broken(internal, "no longer exists")
    assert isinstance(value, Mapping), broken(internal, f"is now a {type(value).__name__}, was a mapping by TP")
    if factory is not None:
        assert isinstance(value, defaultdict) and value.default_factory is factory, broken(
            internal, f"is now {value!r}, was defaultdict({factory.__name__})"
        )
        assert not value[faust_tuples.TP("t", 0)], broken(internal, "a fresh entry is no longer empty")
    else:
        assert value.get(faust_tuples.TP("t", 0)) is None, broken(internal, "an unknown partition is no longer None")


def test_unacked_messages_and_the_consumer_thread(consumer: AtLeastOnceConsumer) -> None:
    unacked = getattr(consumer, "_unacked_messages", None)
    assert callable(getattr(unacked, "discard", None)), broken(
        "faust Consumer._unacked_messages", f"is now {unacked!r}, was a set of messages with .discard"
    )
    thread = getattr(consumer, "_thread", None)
    assert isinstance(thread, ConsumerThread), broken(
        "faust Consumer._thread", f"is now {type(thread).__name__}, was AIOKafkaConsumerThread (seek_wait)"
    )
    transport = consumer.transport
    assert isinstance(transport, AtLeastOnceTransport), "AtLeastOnceTransport no longer reaches its consumer"
    assert transport.guarded_topics == {"raw"}, "AtLeastOnceTransport no longer reaches its consumer"
    # The module keeps its state in the instance __dict__, created lazily (faust's Consumer.__init__ is untouched).
    assert hasattr(consumer, "__dict__"), broken("faust Consumer", "instances have no __dict__ any more (__slots__)")
    assert isinstance(consumer.app.consumer_generation_id, int), broken(
        "faust App.consumer_generation_id", "is no longer an int on the app"
    )


def test_messages_carry_what_the_acks_are_judged_by() -> None:
    slots = set(faust_tuples.Message.__slots__)
    for name in ("tp", "topic", "offset", "generation_id", "acked"):
        assert name in slots, broken(f"faust Message.{name}", "is no longer a field of Message")
    assert "generation_id" in inspect.signature(faust_tuples.ConsumerMessage).parameters, broken(
        "faust ConsumerMessage(generation_id=...)", "the generation is no longer passed to a message"
    )
    message = faust_tuples.ConsumerMessage("t", 0, 5, 0.0, 0, [], b"k", b"v", None, generation_id=3)
    assert (message.tp, message.offset, message.generation_id, message.acked) == (faust_tuples.TP("t", 0), 5, 3, False)
    message.acked = True  # `_release_unrecorded` sets it, as Consumer.ack does


def test_ack_lock_is_reentrant() -> None:
    # `_release_unrecorded` takes ack_lock from inside Consumer.ack, which Message.ack reaches holding it:
    # with a plain Lock the first stale or unprocessed ack would deadlock the event loop.
    lock = getattr(faust_tuples, "ack_lock", None)
    assert lock is not None, broken("faust.types.tuples.ack_lock", "no longer exists")
    assert lock.acquire(blocking=False), broken("faust.types.tuples.ack_lock", "could not be taken")
    try:
        again = lock.acquire(blocking=False)
        if again:
            lock.release()
        assert again, broken(
            "faust.types.tuples.ack_lock", f"is now a {type(lock).__name__}, not reentrant (was an RLock)"
        )
    finally:
        lock.release()


def test_aiokafka_offsets_are_found_by_faust_partitions() -> None:
    # `perform_seek` looks faust TPs up in `earliest_offsets`' answer, which aiokafka keys by TopicPartition.
    tp, aiokafka_tp = faust_tuples.TP("t", 3), TopicPartition("t", 3)
    assert {aiokafka_tp: 7}.get(tp) == 7, broken(
        "aiokafka TopicPartition vs faust TP", "a faust TP no longer finds an aiokafka TopicPartition key"
    )
