"""faust's aiokafka consumer, with commits that never pass a record nobody processed.

`AtLeastOnceTransport` is faust's aiokafka transport building `AtLeastOnceConsumer`.
On the transport's `guarded_topics` (the processor's raw topic) a commit covers
only a contiguous run of offsets that starts where the last commit ended, each
declared processed with `AtLeastOnceConsumer.mark_processed` once its outputs
were on the broker; records fetched before a seek are skipped and read again.
On every topic: acks of messages from an older consumer generation are not
recorded, acks recorded before an assignment are forgotten by it, whenever
faust seeks back to the committed offsets a partition without a commit goes
back to its first offset, and a commit waits until the acked run starts at the
expected offset (where faust fills compaction gaps, its own rule applies). A
commit held `RESEEK_AFTER` seconds re-reads the partition from the held
offset. Every correction costs reprocessing (duplicates), never a skipped
record.

`ProcessorApp.status_snapshot` reports the counters (`SafetyState.counters`).

Built on private internals of faust-streaming 0.15.3 and aiokafka 0.14.0 (pinned),
checked by `tests/unit/test_faust_internals.py`. The faust behaviour behind each
override, how it was found, and why each fix is what it is: docs/processor.md,
"How AtLeastOnceConsumer works".
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping, Set
from dataclasses import dataclass, field
from time import monotonic
from typing import Any

from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP, Message
from faust.types.tuples import ack_lock

log = logging.getLogger("wirewatch.processor")

# A commit held this long at the same offset means records were dropped on the way
# (faust's drain loop, racing a seek, discards them): read the partition again from there.
RESEEK_AFTER = 5.0


@dataclass
class SafetyState:
    stale_acks_ignored: int = 0
    unprocessed_acks_ignored: int = 0
    commits_held: int = 0
    reseeks: int = 0
    gaps_ignored: int = 0
    stale_records_dropped: int = 0
    resume_at: dict[TP, int] = field(default_factory=dict)  # guarded partitions just sought: first offset expected
    resume_since: dict[TP, float] = field(default_factory=dict)  # when records first arrived while waiting for it
    start_offsets: dict[TP, int] = field(default_factory=dict)
    held: dict[TP, tuple[int, float]] = field(default_factory=dict)  # tp -> (expected offset, since)
    processed: dict[TP, set[int]] = field(default_factory=dict)  # guarded topics: outputs on the broker
    reseek_tasks: set[asyncio.Future] = field(default_factory=set)

    def counters(self) -> dict[str, int]:
        return {
            "stale_acks_ignored": self.stale_acks_ignored,
            "unprocessed_acks_ignored": self.unprocessed_acks_ignored,
            "commits_held": self.commits_held,
            "reseeks": self.reseeks,
            "gaps_ignored": self.gaps_ignored,
            "stale_records_dropped": self.stale_records_dropped,
        }


class AtLeastOnceConsumer(faust_aiokafka.Consumer):
    """See the module docstring."""

    @property
    def safety(self) -> SafetyState:
        # Created lazily: faust's Service.__init__ signature is long and version-specific.
        state = self.__dict__.get("_wirewatch_safety")
        if state is None:
            state = self.__dict__["_wirewatch_safety"] = SafetyState()
        return state

    @property
    def safety_counters(self) -> dict[str, int]:
        return self.safety.counters()

    @property
    def guarded_topics(self) -> Set[str]:
        return getattr(self.transport, "guarded_topics", frozenset())

    # -- hole 2 (docs/processor.md): acks that do not mean "processed" ---------------------

    def mark_processed(self, message: Message) -> None:
        """The outputs of `message` are on the broker: its offset may be committed."""
        self.safety.processed.setdefault(message.tp, set()).add(message.offset)

    def ack(self, message: Message) -> bool:
        safety = self.safety
        if message.generation_id != self.app.consumer_generation_id:
            return self._release_unrecorded(message, "stale_acks_ignored")
        if message.topic in self.guarded_topics and message.offset not in safety.processed.get(message.tp, ()):
            return self._release_unrecorded(message, "unprocessed_acks_ignored")
        return super().ack(message)

    def _release_unrecorded(self, message: Message, counter: str) -> bool:
        """Let go of `message` without recording its offset: it is read and processed again."""
        with ack_lock:
            if message.acked:
                return False
            message.acked = True
            self._unacked_messages.discard(message)
        setattr(self.safety, counter, getattr(self.safety, counter) + 1)
        log.debug("ack of %s@%d not recorded (%s)", message.tp, message.offset, counter)
        return False

    # -- hole 3: acks that crossed into a new assignment -----------------------------------

    async def on_partitions_assigned(self, assigned: Set[TP], generation_id: int = 0) -> None:
        self._forget_acks(assigned)
        await super().on_partitions_assigned(assigned, generation_id)

    def _forget_acks(self, partitions: Set[TP]) -> None:
        safety = self.safety
        for tp in partitions:
            self._acked.pop(tp, None)
            self._acked_index.pop(tp, None)
            self._gap.pop(tp, None)
            safety.start_offsets.pop(tp, None)
            safety.held.pop(tp, None)
            safety.resume_at.pop(tp, None)
            safety.resume_since.pop(tp, None)

    # -- hole 1: partitions without a commit -----------------------------------------------

    async def perform_seek(self) -> None:
        """Seek to the committed offsets, and rewind partitions that have none.

        faust seeks back to the committed offsets after every assignment and
        whenever it throws fetched records away (flow stopped for a rebalance).
        aiokafka's `seek_to_committed` only seeks partitions with a committed
        offset above 0: one without a commit would stay wherever the fetcher had
        got to, and records fetched and thrown away there would never be read
        again. Such partitions go back to their first offset (`auto_offset_reset`
        is "earliest" for this app), which is also where a commit must start.
        """
        await super().perform_seek()
        partitions = [tp for tp in self.assignment() if not self._is_changelog_tp(tp)]
        if not partitions:
            return
        earliest: Mapping[Any, int] = await self.earliest_offsets(*partitions)
        rewind = {}
        for tp in partitions:
            first = earliest.get(tp)
            if first is None:
                continue
            self.safety.start_offsets[tp] = first
            if self._committed_offset.get(tp) is None:
                rewind[tp] = first
        # Seek every guarded partition again, after marking where it must resume: records may
        # still be flowing (a fresh worker's flow is on during its first assignment), and one
        # that passed before the mark would otherwise leave the partition waiting for it.
        targets = dict(rewind)
        for tp in partitions:
            target = rewind.get(tp, self._committed_offset.get(tp))
            if target is not None and tp.topic in self.guarded_topics:
                targets[tp] = target
                self._sought(tp, target)
        if targets:
            await self._thread.seek_wait(targets)

    # -- hole 6: records fetched before a seek ---------------------------------------------

    def _sought(self, tp: TP, offset: int | None) -> None:
        """`tp` was just sought to `offset`: until that offset arrives, what arrives is stale."""
        if offset is not None and tp.topic in self.guarded_topics:
            self.safety.resume_at[tp] = offset

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:
        """faust's getmany, minus records of a guarded partition fetched before its last seek.

        faust's drain loop iterates a fetched batch to its end even when a seek
        lands meanwhile; those records move its read offset past the seek
        position, and it then drops every re-fetched record below that offset
        as "already read" — records nobody processed. After a seek to X the
        first record of the partition must be X (a guarded topic's offsets are
        contiguous), so anything before it is from an older fetch and skipped.
        """
        resume_at = self.safety.resume_at
        async for tp, message in super().getmany(timeout):
            expected = resume_at.get(tp)
            if expected is not None:
                if message.offset != expected:
                    self._drop_stale(tp, expected)
                    continue
                del resume_at[tp]
                self.safety.resume_since.pop(tp, None)
            yield tp, message

    def _drop_stale(self, tp: TP, expected: int) -> None:
        safety, now = self.safety, monotonic()
        safety.stale_records_dropped += 1
        since = safety.resume_since.setdefault(tp, now)
        if now - since >= RESEEK_AFTER:  # the sought offset never came: seek there again
            safety.resume_since[tp] = now
            self._reseek_soon(tp, expected, "it never arrived after a seek")

    # -- holes 4 and 5: the head of the acked run, jumps in the fetched offsets ------------

    def _expected_offset(self, tp: TP) -> int | None:
        """The committed offset (unless retention deleted past it); without a commit, the first offset."""
        known = [o for o in (self._committed_offset.get(tp), self.safety.start_offsets.get(tp)) if o is not None]
        return max(known) if known else None

    async def _add_gap(self, tp: TP, offset_from: int, offset_to: int) -> None:
        # faust records a jump in the offsets it reads as a "gap" and later counts the missing
        # offsets as acked: right for compacted and transactional topics, a lost record on a
        # plain topic when the jump came from records dropped around a seek. The guarded topics
        # are plain (an idempotent producer writes no control records), so a jump there is
        # never a hole to fill.
        if tp.topic in self.guarded_topics:
            self.safety.gaps_ignored += 1
            log.warning(
                "offsets %d..%d of %s were skipped by the fetcher: they stay unacked", offset_from, offset_to, tp
            )
            return
        await super()._add_gap(tp, offset_from, offset_to)

    def _new_offset(self, tp: TP) -> int | None:
        acked = self._acked[tp]
        if acked and not self._gap.get(tp):
            expected = self._expected_offset(tp)
            if expected is not None and min(acked) > expected:
                self._hold(tp, expected, lowest=min(acked))
                return None
        self.safety.held.pop(tp, None)
        offset = super()._new_offset(tp)
        if offset is not None and tp in self.safety.processed:
            self.safety.processed[tp] = {o for o in self.safety.processed[tp] if o >= offset}
        return offset

    def _hold(self, tp: TP, expected: int, lowest: int) -> None:
        safety, now = self.safety, monotonic()
        held = safety.held.get(tp)
        if held is None or held[0] != expected:
            safety.held[tp] = (expected, now)
            safety.commits_held += 1
            log.warning(
                "commit of %s held at %d: that offset is not processed yet (lowest acked %d)", tp, expected, lowest
            )
        elif now - held[1] >= RESEEK_AFTER:
            safety.held[tp] = (expected, now)
            self._reseek_soon(tp, expected, "its commit is still held there")

    def _reseek_soon(self, tp: TP, offset: int, why: str) -> None:
        self.safety.reseeks += 1
        log.warning("reading %s again from %d: %s", tp, offset, why)
        task = asyncio.ensure_future(self._reseek(tp, offset))
        # The loop keeps only a weak reference to a task: hold it until it is done.
        self.safety.reseek_tasks.add(task)
        task.add_done_callback(self.safety.reseek_tasks.discard)

    async def _reseek(self, tp: TP, offset: int) -> None:
        self._sought(tp, offset)  # before the seek: the fetch loop is running (flow is on)
        try:
            await self._thread.seek_wait({tp: offset})
        except Exception as exc:  # e.g. the partition moved to another worker meanwhile
            self.safety.resume_at.pop(tp, None)
            log.warning("re-reading %s from %d failed: %s", tp, offset, exc)


class AtLeastOnceTransport(faust_aiokafka.Transport):
    """The aiokafka transport with `AtLeastOnceConsumer`.

    `guarded_topics`: topics whose offsets are recorded as acked only after
    `AtLeastOnceConsumer.mark_processed` (the processor's raw topic).
    """

    Consumer = AtLeastOnceConsumer

    def __init__(self, *args: Any, guarded_topics: Set[str] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guarded_topics = frozenset(guarded_topics)
