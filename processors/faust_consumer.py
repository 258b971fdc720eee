"""faust's aiokafka consumer with four holes in its commit bookkeeping closed.

faust commits, per partition, the run of consecutive *acked* offsets that
starts at the last commit (`Consumer._new_offset`). An offset becomes acked
when every stream holding its message lets go of it. These paths let a commit
jump over a dispatch nobody has tagged; a `kill -9` or a rebalance after that
commit loses the dispatch:

1. **Records thrown away are not read again when the partition has no
   commit.** While flow is stopped (start-up, rebalance) faust drops fetched
   records and calls `perform_seek` to go back to the committed offsets, but
   aiokafka's `seek_to_committed` only seeks partitions whose committed offset
   is above 0. A partition without one stays where the fetcher had got to, and
   (4.) the first commit then starts there. This is the loss the kill -9 test
   showed: the worker killed before its first commit, the new worker dropped
   the records it had fetched during start-up and committed past them
   (reproduced with logging of deliveries and commits, 1 run in 10).
2. **Skipped messages are acked.** When a rebalance starts, or a message's
   consumer generation is no longer the app's, `Stream.__aiter__` skips the
   message *and acks it* (so that lag does not grow). The partition is then
   sought back and the message read again, but its offset is already recorded
   as acked: a commit may pass it before the new copy has been processed.
3. **Acks between revocation and assignment survive.** Revocation forgets the
   partition's acked offsets; acks that land after that but before the new
   assignment (batches still in flight) start a fresh list that the new
   assignment inherits.
4. **The head of the run is not checked.** `_new_offset` refuses a run only if
   it starts more than one offset past the committed offset, and not at all
   when nothing was committed yet (or the committed offset is 0).

The fixes, each the conservative choice (the cost is reprocessing, i.e.
duplicates, never loss):

1. `perform_seek` rewinds every partition without a commit to its first offset
   (`auto_offset_reset` is "earliest" here).
2. An ack of a message from an older consumer generation is not recorded; the
   message is read and processed again.
3. On assignment, acked offsets and gaps recorded for the assigned partitions
   are forgotten.
4. A commit is held until the smallest acked offset is the expected next one:
   the committed offset, or the partition's first offset when nothing was
   committed. Partitions with gaps (compacted or transactional topics, where
   faust fills the holes itself) keep faust's rule; wirewatch's acked topics
   have neither.

`ProcessorApp.status_snapshot` reports the counters (`stale_acks_ignored`,
`commits_held`); the processor tests print them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Set
from typing import Any

from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP, Message
from faust.types.tuples import ack_lock

log = logging.getLogger("wirewatch.processor")


class AtLeastOnceConsumer(faust_aiokafka.Consumer):
    """See the module docstring."""

    def _state(self) -> dict[str, Any]:
        # Created lazily: faust's Service.__init__ signature is long and version-specific.
        state = self.__dict__.get("_wirewatch_state")
        if state is None:
            state = {"stale_acks_ignored": 0, "commits_held": 0, "start_offsets": {}, "held_at": {}}
            self.__dict__["_wirewatch_state"] = state
        return state

    @property
    def safety_counters(self) -> dict[str, int]:
        state = self._state()
        return {"stale_acks_ignored": state["stale_acks_ignored"], "commits_held": state["commits_held"]}

    # -- 2. acks from an older generation --------------------------------------------------

    def ack(self, message: Message) -> bool:
        if message.generation_id == self.app.consumer_generation_id:
            return super().ack(message)
        with ack_lock:
            if message.acked:
                return False
            message.acked = True  # nothing holds it any more; it is simply not recorded
            self._unacked_messages.discard(message)
        self._state()["stale_acks_ignored"] += 1
        log.debug("ack of %s@%d from generation %s ignored (now %s): it is read again", message.tp,
                  message.offset, message.generation_id, self.app.consumer_generation_id)  # fmt: skip
        return False

    # -- 3. acks that crossed into a new assignment ----------------------------------------

    async def on_partitions_assigned(self, assigned: Set[TP], generation_id: int = 0) -> None:
        self._forget_acks(assigned)
        await super().on_partitions_assigned(assigned, generation_id)

    def _forget_acks(self, partitions: Set[TP]) -> None:
        state = self._state()
        for tp in partitions:
            self._acked.pop(tp, None)
            self._acked_index.pop(tp, None)
            self._gap.pop(tp, None)
            state["start_offsets"].pop(tp, None)
            state["held_at"].pop(tp, None)

    # -- 1. partitions without a commit ----------------------------------------------------

    async def perform_seek(self) -> None:
        """Seek to the committed offsets, and rewind partitions that have none.

        faust seeks back to the committed offsets after every assignment and
        whenever it throws fetched records away (flow stopped for a rebalance).
        aiokafka's `seek_to_committed` only seeks partitions with a committed
        offset above 0: one without a commit stays wherever the fetcher had got
        to, so records fetched and thrown away there were never read again.
        Such partitions go back to their first offset (`auto_offset_reset` is
        "earliest" for this app), which is also where a commit must start.
        """
        await super().perform_seek()
        partitions = [tp for tp in self.assignment() if not self._is_changelog_tp(tp)]
        if not partitions:
            return
        earliest: Mapping[Any, int] = await self.earliest_offsets(*partitions)
        starts, rewind = self._state()["start_offsets"], {}
        for tp in partitions:
            first = earliest.get(tp)
            if first is None:
                continue
            starts[tp] = first
            if self._committed_offset.get(tp) is None:
                rewind[tp] = first
        if rewind:
            await self._thread.seek_wait(rewind)

    # -- 4. the head of the acked run ------------------------------------------------------

    def _new_offset(self, tp: TP) -> int | None:
        acked = self._acked[tp]
        if acked and not self._gap.get(tp):
            state = self._state()
            committed = self._committed_offset.get(tp)
            first = state["start_offsets"].get(tp)
            # The committed offset (unless retention deleted past it); without a commit, the first offset.
            known = [offset for offset in (committed, first) if offset is not None]
            expected = max(known) if known else None
            lowest = min(acked)
            if expected is not None and lowest > expected:
                if state["held_at"].get(tp) != expected:  # once per position, not once per commit round
                    state["held_at"][tp] = expected
                    state["commits_held"] += 1
                    log.warning("commit of %s held at %d: offset %d is not acked yet (lowest acked %d)",
                                tp, expected, expected, lowest)  # fmt: skip
                return None
        return super()._new_offset(tp)


class AtLeastOnceTransport(faust_aiokafka.Transport):
    Consumer = AtLeastOnceConsumer
