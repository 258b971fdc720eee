"""The embedded runner: the whole pipeline in one process.

    FeedPoller / ingest ──accept──► Inbox (SQLite) ──► bounded asyncio.Queue
        ──► DispatchProcessor (tag + match) ──► SQLiteStore.save_many
        ──► AlertDelivery.record ──► Inbox.complete ──► notifiers

Every dispatch is written to the inbox before it enters the queue and marked
complete only after it is stored with its alerts recorded, so a crash loses
nothing: the next start replays what was accepted but not completed. The queue
is bounded, so a slow tagger makes the poller wait instead of growing memory.

This module is the composition root of embedded mode; it is the one place in
`wirewatch/` that imports the stages (producers, processors, sinks).
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TextIO

from wirewatch.app.feed_catalog import effective_feeds
from wirewatch.events import EventBus
from wirewatch.lifecycle import stop_on_signals
from wirewatch.metrics import Metrics
from wirewatch.models import Dispatch, Rule, utcnow
from wirewatch.processors.learning import Learning
from wirewatch.processors.process import DispatchProcessor
from wirewatch.processors.steps import build_steps
from wirewatch.processors.stories.stage import StoryStage
from wirewatch.processors.tagger import Tagger
from wirewatch.processors.tagger.learned import USER
from wirewatch.producers.fulltext.fetcher import ArticleFetcher
from wirewatch.producers.fulltext.pool import FullTextPool
from wirewatch.producers.poller import FeedPoller
from wirewatch.query import RuleMatcher
from wirewatch.settings import Settings
from wirewatch.sinks.alerts.aggregate import CountedAlerts
from wirewatch.sinks.alerts.channels import build_notifiers
from wirewatch.sinks.alerts.delivery import AlertDelivery
from wirewatch.sinks.alerts.policy import policies
from wirewatch.sinks.sqlite.store import SQLiteStore

EMBEDDED_WRITER = "local"  # the learned layer's writer name of the one embedded pipeline
DECISIONS_POLL_SECONDS = 2.0
MANAGED_FEEDS_POLL_SECONDS = 2.0  # how soon `wirewatch feeds add / pause / ...` reaches a running pipeline

log = logging.getLogger("wirewatch.app.runner")


@dataclass(slots=True)
class PipelineCounters:
    accepted: int = 0
    duplicates: int = 0
    processed: int = 0
    alerts: int = 0
    failed: int = 0
    feeds_failed: dict[str, str] = field(default_factory=dict)  # `--once`: feed name -> why it failed
    started: float = field(default_factory=time.monotonic)


REPLAY_CHUNK = 2000  # documents decoded at a time when the counted rules' windows are rebuilt at start


def build_matcher(rules: list[Rule]) -> RuleMatcher:
    matcher = RuleMatcher(rules)
    for error in matcher.errors:
        log.error("rule %r skipped: %s at position %s", error.rule_name, error.message, error.position)
    return matcher


class EmbeddedPipeline:
    """Accept → queue → tag/match → store → alert, in one event loop."""

    def __init__(
        self,
        settings: Settings,
        store: SQLiteStore,
        processor: DispatchProcessor,
        delivery: AlertDelivery,
        *,
        metrics: Metrics | None = None,
        events: EventBus | None = None,
        fulltext: FullTextPool | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.processor = processor
        self.delivery = delivery
        # frequency, spike, new entity and flatline rules, counted over the stream (sinks/alerts/aggregate.py)
        self.counted = CountedAlerts(settings.rules, delivery.record_many, seen=store)
        self.queue: asyncio.Queue[Dispatch] = asyncio.Queue(maxsize=settings.pipeline.queue_size)
        self.counters = PipelineCounters()
        self._alert_ready = asyncio.Event()
        self.metrics = metrics or delivery.metrics
        self.metrics.watch_queue("pipeline", self.queue.qsize)
        # Dispatches marked for full text go through the article pool first (None: they are tagged as fed).
        self.fulltext = fulltext
        self.on_fulltext: Callable[[Dispatch], None] | None = None  # the poller's feed health counts articles
        if fulltext is not None:
            fulltext.downstream = self._after_fulltext
            self.metrics.watch_queue("fulltext", fulltext.qsize)
        # Live views (the dashboard) subscribe here; publishing never blocks the pipeline.
        self.events = events or EventBus(on_drop=self.metrics.events_dropped.inc)
        # user decisions on the learned layer: read once at start (with the rest), then polled from here
        self._decisions_seq = store.learned_records(writer=USER)[1] if processor.learning else 0
        self._decisions_read_at = time.monotonic()

    @classmethod
    def from_settings(cls, settings: Settings, console_stream: TextIO | None = None) -> EmbeddedPipeline:
        store = SQLiteStore(settings.store.path)
        metrics = Metrics()
        fulltext = FullTextPool(
            ArticleFetcher(settings.fulltext, user_agent=settings.poller.user_agent, metrics=metrics),
            workers=settings.fulltext.workers,
        )
        tagger = Tagger.load(settings.tagger.kb_dir, settings.tagger.watch_words, settings.tagger.kb_updates)
        learning = None
        if settings.tagger.learning:
            learning = Learning.for_settings(settings.tagger, tagger, writer=EMBEDDED_WRITER)
            records, _ = store.learned_records()
            learning.load(records)
        processor = DispatchProcessor(
            tagger,
            build_matcher(settings.rules),
            build_steps(settings.pipeline.steps, settings),
            learning,
            stories=resume_stories(settings, store),
        )
        delivery = AlertDelivery(
            store,
            build_notifiers(settings.delivery, console_stream),
            settings.delivery,
            metrics=metrics,
            policies=policies(settings.rules),
        )
        _settle_heap()
        pipeline = cls(settings, store, processor, delivery, metrics=metrics, fulltext=fulltext)
        pipeline.replay_counted()
        return pipeline

    # -- entry points --------------------------------------------------------------------

    async def submit(self, dispatch: Dispatch) -> None:
        """Hand an already-accepted dispatch to the pipeline (blocks when the queue is full): through the
        full-text pool when it is marked for it, else straight to processing."""
        if self.fulltext is not None:
            await self.fulltext.submit(dispatch)
        else:
            await self.queue.put(dispatch)

    async def submit_accepted(self, dispatch: Dispatch) -> None:
        """The poller's emit: it has already accepted the dispatch into the inbox."""
        self.counters.accepted += 1
        self.metrics.dispatches_produced.inc()
        await self.submit(dispatch)

    async def _after_fulltext(self, dispatch: Dispatch) -> None:
        if self.on_fulltext is not None:
            self.on_fulltext(dispatch)
        await self.queue.put(dispatch)

    async def accept(self, dispatch: Dispatch) -> bool:
        """Accept a pushed dispatch (ingest): dedup, persist, enqueue. False if seen before."""
        if not self.store.accept(dispatch):
            self.counters.duplicates += 1
            self.metrics.dispatches_deduplicated.inc()
            return False
        await self.submit_accepted(dispatch)
        return True

    async def accept_many(self, dispatches: list[Dispatch]) -> int:
        """Accept a batch of pushed dispatches: one inbox transaction for all of them, then enqueue
        the new ones. Every new dispatch is durable in the inbox before this returns (and before any
        of them is queued). Returns how many were new; the rest were seen before."""
        new = self.store.accept_many(dispatches)
        duplicates = len(dispatches) - len(new)
        if duplicates:
            self.counters.duplicates += duplicates
            self.metrics.dispatches_deduplicated.inc(duplicates)
        for dispatch in new:
            await self.submit_accepted(dispatch)
        return len(new)

    async def replay_pending(self) -> int:
        """Re-enqueue dispatches accepted before a crash but never completed."""
        pending = self.store.pending()
        for dispatch in pending:
            await self.submit(dispatch)
        if pending:
            log.info("replaying %d dispatch(es) accepted before the last stop", len(pending))
        return len(pending)

    # -- the processing loop -------------------------------------------------------------

    async def process_forever(self) -> None:
        batch_size = self.settings.pipeline.tag_batch
        while True:
            batch = [await self.queue.get()]
            while len(batch) < batch_size and not self.queue.empty():
                batch.append(self.queue.get_nowait())
            try:
                self.process_batch(batch)
            finally:
                for _ in batch:
                    self.queue.task_done()
            # Tagging is CPU work on the loop: let the poller and delivery breathe.
            await asyncio.sleep(0)

    def process_batch(self, batch: list[Dispatch]) -> None:
        results = []
        for dispatch in batch:
            try:
                started = time.perf_counter()
                results.append(self.processor.process(dispatch))
                self.metrics.tagging_seconds.observe(time.perf_counter() - started)
            except Exception as exc:  # one bad dispatch never stops the pipeline
                log.exception("processing dispatch %s failed", dispatch.id)
                self.counters.failed += 1
                self.metrics.dispatches_failed.inc()
                self.store.dead_letter("dispatch", _dump(dispatch), f"processing failed: {exc!r}")
                self.store.complete(dispatch.id)
        # One document per dispatch, shared by the store and the live views: building it
        # (dataclasses.asdict over the tags) costs as much as matching a hundred rules.
        docs = [result.doc for result in results]
        # The batch's dispatches, alerts and inbox completion: one transaction, one commit.
        with self.store.transaction():
            self._save(results, docs)
            if self.processor.stories is not None:
                self.store.put_stories(self.processor.stories.take_changed())
            self._save_learned()
            fired = self.delivery.record_many([pair for result in results for pair in result.alerts])
            if self.counted.active:
                fired += self.counted.observe(docs)
            self.store.complete_many([r.tagged.id for r in results])
        if fired:
            self.counters.alerts += len(fired)
            self._alert_ready.set()
        self.counters.processed += len(results)
        self.metrics.dispatches_processed.inc(len(results))
        self.metrics.alerts_fired.inc(len(fired))
        for doc in docs:
            self.events.publish("dispatch", doc)
        for alert in fired:
            self.events.publish("alert", alert.to_dict())

    def _save_learned(self) -> None:
        """The learned layer's new sightings, in the batch's transaction; and, every few seconds, what the
        user decided meanwhile (`wirewatch kb confirm / reject / edit` write to the store)."""
        learning = self.processor.learning
        if learning is None:
            return
        self.store.put_learned(learning.take_pending())
        now = time.monotonic()
        if now - self._decisions_read_at >= DECISIONS_POLL_SECONDS:
            self._decisions_read_at = now
            records, self._decisions_seq = self.store.learned_records(self._decisions_seq, writer=USER)
            learning.apply(records)

    def _save(self, results: list, docs: list[dict]) -> None:
        started = time.perf_counter()
        try:
            self.store.save_many([r.tagged for r in results], docs=docs)
        except Exception:
            self.metrics.sink_errors.labels("sqlite").inc()
            raise
        self.metrics.sink_bulk_seconds.labels("sqlite").observe(time.perf_counter() - started)

    async def write_stories_forever(self, interval: float = 1.0) -> None:
        """The story records that waited (StoriesSettings.record_seconds) written when due, batches or not."""
        stage = self.processor.stories
        if stage is None:
            return
        while True:
            await asyncio.sleep(interval)
            try:
                self.store.put_stories(stage.take_changed())
            except Exception:
                log.exception("writing story records failed (they are written again with the next batch)")

    async def deliver_forever(self, interval: float = 1.0) -> None:
        while True:
            self._alert_ready.clear()
            if self.counted.active:
                self._check_flatlines()
            try:
                await self.delivery.deliver_backlog()
            except Exception:
                log.exception("alert delivery round failed")
            # asyncio.timeout, not wait_for: on 3.11, wait_for swallows a cancel that arrives as the
            # event is set, and this loop would then never stop (shutdown hangs in gather).
            try:
                async with asyncio.timeout(interval):
                    await self._alert_ready.wait()
            except TimeoutError:
                pass

    def _check_flatlines(self) -> None:
        """Flatline rules: a feed or the intake silent for their window (checked with each delivery round)."""
        try:
            fired = self.counted.tick(utcnow())
        except Exception:
            log.exception("checking the flatline rules failed")
            return
        for alert in fired:
            self.counters.alerts += 1
            self.events.publish("alert", alert.to_dict())

    def replay_counted(self) -> int:
        """Rebuild the counted rules' windows from the dispatches stored within their horizon (a restart
        loses no frequency, spike or new entity: what fired already is in the ledger, once)."""
        if not self.counted.active:
            return 0
        since = time.time() - self.counted.horizon
        rows = self.store.conn.execute("SELECT doc FROM dispatches WHERE stored_at >= ? ORDER BY seq", (since,))
        replayed = 0
        while chunk := rows.fetchmany(REPLAY_CHUNK):  # streamed: a day of a busy intake is not held at once
            self.counted.observe(json.loads(raw) for (raw,) in chunk)
            replayed += len(chunk)
        self.counted.evaluator.start(utcnow())
        return replayed

    async def drain(self) -> None:
        """Wait until everything queued so far is processed, then deliver everything that is due."""
        if self.fulltext is not None:
            await self.fulltext.drain()
        await self.queue.join()
        await self.delivery.deliver_backlog()

    async def close(self) -> None:
        if self.fulltext is not None:
            await self.fulltext.close()
        await self.delivery.close()
        if self.processor.stories is not None:  # the records still waiting for their next write
            self.store.put_stories(self.processor.stories.take_changed(everything=True))
        self.store.close()


def resume_stories(settings: Settings, store: SQLiteStore) -> StoryStage | None:
    """The stories stage with the open stories of the store put back (None when stories are off)."""
    if not settings.stories.enabled:
        return None
    stage = StoryStage(settings.stories)
    started = time.perf_counter()
    records, docs = store.open_stories(timedelta(days=settings.stories.horizon_days))
    restored = stage.resume(records, docs)
    if records:
        log.info(
            "resumed %d open stories (%d dispatches) in %.1f s", len(records), restored, time.perf_counter() - started
        )
    return stage


def _settle_heap() -> None:
    """Take what is loaded by now (knowledge base, automaton, compiled rules: ~100,000 objects that live
    as long as the process) out of the cyclic collector's view. Every full collection rescanned them all
    (12-30 ms on the event loop each time, a latency spike, and ~2 % of the pipeline's CPU); frozen, they
    are skipped. Garbage is collected first so none of it is frozen."""
    gc.collect()
    gc.freeze()


def _dump(dispatch: Dispatch) -> str:
    import json

    return json.dumps(dispatch.to_dict(), ensure_ascii=False)


def status_line(pipeline: EmbeddedPipeline, poller: FeedPoller | None) -> str:
    c = pipeline.counters
    parts = []
    if poller is not None:
        health = poller.health()
        failing = sum(1 for h in health if h.get("consecutive_failures"))
        parts.append(f"feeds {len(health) - failing} ok / {failing} failing")
    elapsed = max(time.monotonic() - c.started, 1e-9)
    duplicates = c.duplicates + (poller.duplicates if poller is not None else 0)  # pushed and polled
    parts.append(f"dispatches {c.processed} ({c.processed / elapsed:.1f}/s, {duplicates} dup)")
    parts.append(f"alerts {c.alerts}")
    parts.append(f"queue {pipeline.queue.qsize()}")
    if pipeline.fulltext is not None and (counts := pipeline.fulltext.fetcher.counts).total():
        parts.append(f"full text {counts.total('extracted')}/{counts.total()}")
    if c.failed:
        parts.append(f"failed {c.failed}")
    return "wirewatch: " + " · ".join(parts)


async def run_embedded(
    settings: Settings,
    *,
    once: bool = False,
    status_interval: float = 10.0,
    status_stream: TextIO | None = None,
    stop: asyncio.Event | None = None,
    dashboard: bool | None = None,
) -> PipelineCounters:
    """`wirewatch run`: poll, tag, match, store and deliver until stopped (or once)."""
    status_stream = status_stream or sys.stderr
    stop = stop or asyncio.Event()
    pipeline = EmbeddedPipeline.from_settings(settings)
    poller = FeedPoller(
        effective_feeds(settings.feeds, pipeline.store.managed_feeds()),
        settings.poller,
        pipeline.store,
        pipeline.store,
        pipeline.submit_accepted,
        metrics=pipeline.metrics,
        fulltext=settings.fulltext,
    )
    pipeline.on_fulltext = poller.note_fulltext
    if dashboard is None:
        dashboard = settings.server.dashboard
    web = None
    if dashboard and not once:
        from wirewatch.app.dashboard.embedded import start_dashboard

        web = await start_dashboard(settings, pipeline.events, pipeline.metrics, poller.health)
    with stop_on_signals(stop):
        workers = [
            asyncio.create_task(pipeline.process_forever(), name="process"),
            asyncio.create_task(pipeline.deliver_forever(), name="deliver"),
            asyncio.create_task(pipeline.write_stories_forever(), name="stories"),
        ]
        try:
            await pipeline.replay_pending()
            if once:
                report = await poller.poll_once(force=True)
                log.info("poll: %s", report)
                pipeline.counters.feeds_failed = dict(report.failed)
            else:
                workers.append(
                    asyncio.create_task(_status_forever(pipeline, poller, status_interval, status_stream, stop))
                )
                workers.append(asyncio.create_task(follow_managed_feeds(poller, pipeline.store, settings.feeds)))
                await poller.run(stop)
            # Graceful stop: finish what is in flight before leaving.
            await pipeline.drain()
            print(status_line(pipeline, poller), file=status_stream, flush=True)
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        if web is not None:
            await web.stop()
        await pipeline.close()
    return pipeline.counters


async def follow_managed_feeds(
    poller: FeedPoller, store: SQLiteStore, configured: list, interval: float = MANAGED_FEEDS_POLL_SECONDS
) -> None:
    """Adopt feeds added, paused, changed or removed at runtime (`wirewatch feeds ...`, the dashboard)."""
    seen = store.managed_feeds()
    while True:
        await asyncio.sleep(interval)
        try:
            managed = store.managed_feeds()
            if managed != seen:
                seen = managed
                for change in poller.update_feeds(effective_feeds(configured, managed)):
                    log.info("feeds: %s", change)
        except Exception:  # a bad row must not stop the pipeline; the next look tries again
            log.exception("could not apply the managed feeds")


async def _status_forever(pipeline, poller, interval, stream, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            # asyncio.timeout, not wait_for: see deliver_forever (3.11's wait_for can swallow a cancel).
            async with asyncio.timeout(interval):
                await stop.wait()
        except TimeoutError:
            print(status_line(pipeline, poller), file=stream, flush=True)
