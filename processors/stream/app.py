"""The processor service: a faust-streaming worker over Kafka.

    dispatches.raw ──take_events(n, within)──► decode ─► DispatchProcessor.process
        ├─► dispatches.tagged   TaggedDispatch.to_doc(), key = dispatch id
            (dispatches.clustering with [stories] on: `wirewatch clusterer` places, matches and publishes)
        ├─► alerts              Alert.to_dict(), key = alert.key (none with [stories] on: the clusterer's)
        ├─► <app id>-country-mentions  (code, mentions per batch) ─► windowed tables 1 min / 1 h
        └─► dispatches.dead     {"reason", "topic", "partition", "offset", "key", "payload", "at"}

The app id is `KafkaSettings.processor_group`: every worker started with the
same settings joins one consumer group and gets a share of the raw topic's
partitions. The business logic is `wirewatch.processors.process.DispatchProcessor`, the
same object the embedded runner calls.

Delivery is at-least-once: an offset of the raw topic is committed only after
every output of it and of the offsets before it was acknowledged by the broker
(acks=all). A batch holds its own reference on its messages until then, and the
worker runs faust with `AtLeastOnceConsumer` (processors/stream/consumer.py).
Failed sends are retried until they succeed, except a record the broker can
never take (too large), which is replaced by a dead letter. A worker that dies
or loses its partitions leaves duplicates (batches sent but not committed),
never gaps. The windowed counts are at-least-once too (a reprocessed batch
counts twice), in processing time. Why this holds, in faust's terms:
docs/processor.md, "How at-least-once is implemented".

Web view (bound to 127.0.0.1 only): `GET /counts/` per-country mention counts
of the tables' partitions this worker owns, `GET /status/` rules loaded,
counters, assigned partitions.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any, cast

import faust
from faust.exceptions import ConsumerNotStarted

from wirewatch.backoff import Backoff
from wirewatch.compacted import CompactedTopicFollower
from wirewatch.errors import is_record_refused
from wirewatch.kafka_options import faust_broker_options
from wirewatch.models import Rule, format_time
from wirewatch.processors.learning import Learning
from wirewatch.processors.process import DispatchProcessor, Processed
from wirewatch.processors.stream.codec import DeadLetterReason, Origin, dead_letter, decode_dispatch, encode_json
from wirewatch.processors.stream.consumer import AtLeastOnceConsumer, AtLeastOnceTransport
from wirewatch.processors.stream.learned import LearnedTopicReader
from wirewatch.processors.stream.rules import RuleTopicFollower
from wirewatch.settings import Settings
from wirewatch.topics import ensure_story_topics

log = logging.getLogger("wirewatch.processor")

LIBRARY_LOGGERS = ("aiokafka", "faust", "kafka", "mode")
WEB_BIND = "127.0.0.1"  # never a public interface: the web view has no authentication
WINDOWS = {"1m": (60.0, timedelta(hours=2)), "1h": (3600.0, timedelta(days=2))}


@dataclass(slots=True)
class WorkerOptions:
    web_port: int = 6066
    data_dir: Path = Path(".wirewatch-processor")
    batch_size: int = 100
    batch_within: float = 1.0  # seconds: a partial batch is processed after this long
    seed_rules: bool = True  # empty rules topic at start: publish the configured rules to it
    retry_max: float = 30.0  # cap of the backoff between retries of a failed send
    # How long a silent worker (kill -9, frozen host) keeps its partitions before the group
    # moves them: shorter means faster takeover, longer tolerates longer pauses.
    session_timeout: float = 60.0


@dataclass(slots=True)
class WorkerCounters:
    batches: int = 0
    processed: int = 0
    dead: int = 0
    alerts: int = 0
    send_retries: int = 0


@dataclass(slots=True)
class Outgoing:
    topic: Any  # faust.TopicT
    key: bytes | None
    value: bytes
    # The raw message this record was made from; None for a dead letter itself.
    origin: Origin | None = None
    payload: bytes | None = None


@dataclass
class ProcessorApp:
    """The faust app and the parts its agents share; built by `build_app`."""

    settings: Settings
    options: WorkerOptions
    processor: DispatchProcessor
    app: faust.App
    follower: RuleTopicFollower
    tagged_topic: faust.TopicT
    alerts_topic: faust.TopicT
    dead_topic: faust.TopicT
    mentions_topic: faust.TopicT  # country mentions, repartitioned by country for the windowed tables
    tables: dict[str, Any]  # window name → windowed faust table of mentions per country
    counters: WorkerCounters = field(default_factory=WorkerCounters)
    rule_errors: list[str] = field(default_factory=list)
    # The learned layer's topic and its follower (None when [tagger] learning is off).
    learned_topic: faust.TopicT | None = None
    learned_follower: CompactedTopicFollower | None = None
    learned_reader: LearnedTopicReader | None = None
    # [stories] on: the tagged documents go to the clusterer (topic_clustering), which matches the rules
    stories_downstream: bool = False

    def apply_rules(self, rules: list[Rule]) -> None:
        errors = self.processor.replace_rules(rules)
        self.rule_errors = [f"{e.rule_name}: {e.message} at position {e.position}" for e in errors]
        for error in self.rule_errors:
            log.error("rule skipped: %s", error)
        log.info("rule set replaced: %d rule(s), %d skipped", len(rules) - len(errors), len(errors))

    # -- the batch -----------------------------------------------------------------------

    def outputs_for(self, event: faust.EventT) -> list[Outgoing]:
        """Everything one raw message turns into (a batch of one)."""
        return self.outputs_for_batch([event])

    def outputs_for_batch(self, events: list[faust.EventT]) -> list[Outgoing]:
        """Every record a batch turns into. Never raises: failures become dead letters.

        Country mentions are summed over the batch, one record per country: the
        windowed tables (and their changelogs) get one update per country and
        batch instead of one per country and dispatch.
        """
        out: list[Outgoing] = []
        mentions: Counter[str] = Counter()
        for event in events:
            out.extend(self._outputs_of(event, mentions))
        for code, count in sorted(mentions.items()):
            out.append(Outgoing(self.mentions_topic, code.encode("utf-8"), str(count).encode("ascii")))
        learning = self.processor.learning
        if learning is not None and self.learned_topic is not None:
            # Sent with the batch, before its offsets are committed: a sighting is lost only with its dispatch.
            for key, value in learning.take_pending():
                out.append(Outgoing(self.learned_topic, key.encode("utf-8"), encode_json(value)))
        return out

    def _outputs_of(self, event: faust.EventT, mentions: Counter[str]) -> list[Outgoing]:
        message = event.message
        origin = Origin(message.topic, message.partition, message.offset, event.key)
        try:
            dispatch = decode_dispatch(event.value)
        except DeadLetterReason as exc:
            return [self._dead(str(exc), origin, event.value)]
        try:
            if self.stories_downstream:  # tag only: the clusterer places it in a story, then matches the rules
                tagged, doc = self.processor.tag(dispatch)
                processed = Processed(tagged=tagged, doc=doc)
            else:
                processed = self.processor.process(dispatch)
        except Exception as exc:  # a tagger/matcher bug must not stop the stream: park the dispatch
            log.exception("processing dispatch %s failed", dispatch.id)
            return [self._dead(f"processing failed: {type(exc).__name__}: {exc}", origin, event.value)]
        key, payload = dispatch.id.encode("utf-8"), event.value
        out = [Outgoing(self.tagged_topic, key, encode_json(processed.doc), origin, payload)]
        for alert, _channels in processed.alerts:
            alert_key = alert.key.encode("utf-8")
            out.append(Outgoing(self.alerts_topic, alert_key, encode_json(alert.to_dict()), origin, payload))
        for country in processed.tagged.tags.countries:
            mentions[country.code] += country.mentions
        self.counters.processed += 1
        self.counters.alerts += len(processed.alerts)
        return out

    def _dead(self, reason: str, origin: Origin, payload: bytes | None) -> Outgoing:
        self.counters.dead += 1
        log.warning("dead letter %s[%d]@%d: %s", origin.topic, origin.partition, origin.offset, reason)
        return Outgoing(self.dead_topic, origin.key, encode_json(dead_letter(reason, origin, payload)))

    async def deliver(self, records: list[Outgoing]) -> None:
        """Send all records and wait until the broker acknowledged each; retry failures forever.

        A retried record may already have been written (the ack was lost): a
        duplicate, which at-least-once allows. Cancellation propagates; the
        caller then never releases its hold on the batch. A record the broker
        can never take (too large) is replaced by a dead letter for its source
        message instead of blocking the partition forever.
        """
        pending, attempt = records, 0
        while pending:
            futures = []
            for record in pending:
                try:
                    futures.append(await record.topic.send(key=record.key, value=record.value, force=True))
                except Exception as exc:  # e.g. the producer's buffer timed out with the broker down
                    futures.append(_failed(exc))
            results = await asyncio.gather(*futures, return_exceptions=True)
            failed = [(r, res) for r, res in zip(pending, results, strict=True) if isinstance(res, Exception)]
            failed = self._replace_permanent_failures(failed)
            if not failed:
                return
            attempt += 1
            self.counters.send_retries += len(failed)
            delay = Backoff(base=0.5, cap=self.options.retry_max).delay(attempt + 1)
            log.warning("%d send(s) failed (%s); retrying in %.1fs", len(failed), failed[0][1], delay)
            await asyncio.sleep(delay)
            pending = [record for record, _ in failed]

    def _replace_permanent_failures(self, failed: list[tuple[Outgoing, Exception]]) -> list[tuple[Outgoing, Exception]]:
        kept: list[tuple[Outgoing, Exception]] = []
        parked: set[tuple[str, int, int]] = set()
        for record, exc in failed:
            # A record the broker refuses for good (too large) is replaced by its source message's dead letter;
            # every other failure, an outage included, is resent until it succeeds.
            if not is_record_refused(exc) or record.origin is None:
                kept.append((record, exc))
                continue
            where = (record.origin.topic, record.origin.partition, record.origin.offset)
            if where not in parked:  # one dead letter per source message, however many outputs failed
                parked.add(where)
                reason = f"output rejected by the broker ({record.topic.get_topic_name()}): {type(exc).__name__}: {exc}"
                dead = self._dead(reason, record.origin, record.payload)
                kept.append((dead, exc))  # sent on the next round, retried like any other record
        return kept

    async def process_batches(self, stream: faust.StreamT) -> None:
        if not self.follower.ready.is_set():
            log.info("waiting for the rules topic %s to be read", self.settings.kafka.topic_rules)
            await self.follower.ready.wait()
        if self.learned_follower is not None and not self.learned_follower.ready.is_set():
            log.info("waiting for the learned topic %s to be read", self.settings.kafka.topic_learned)
            await self.learned_follower.ready.wait()
        batches = stream.take_events(  # type: ignore[attr-defined]  # faust-streaming's StreamT does not declare it
            self.options.batch_size, within=self.options.batch_within
        )
        async for events in batches:
            # Our own reference first, before any await: take_events also acks the batch when this body
            # raises or is cancelled, and that ack must not be the last one while outputs are unsent.
            for event in events:
                event.message.incref()
            outgoing = self.outputs_for_batch(events)
            await self.deliver(outgoing)
            consumer = cast(AtLeastOnceConsumer, self.app.consumer)
            for event in events:
                consumer.mark_processed(event.message)  # outputs are on the broker: the offsets
                event.ack()  # may be committed now
            self.counters.batches += 1

    # -- web view ------------------------------------------------------------------------

    def counts_snapshot(self) -> dict[str, Any]:
        return {name: _window_counts(table) for name, table in self.tables.items()}

    def status_snapshot(self) -> dict[str, Any]:
        raw = self.settings.kafka.topic_raw
        return {
            "app_id": self.app.conf.id,
            "rules": [rule.id for rule in self.processor.matcher.rules],
            "rule_errors": list(self.rule_errors),
            "rules_ready": self.follower.ready.is_set(),
            "rule_records_skipped": self.follower.skipped,
            "learned": self._learned_status(),
            "partitions": sorted(tp.partition for tp in self._assignment() if tp.topic == raw),
            "counters": {
                "batches": self.counters.batches,
                "processed": self.counters.processed,
                "dead": self.counters.dead,
                "alerts": self.counters.alerts,
                "send_retries": self.counters.send_retries,
                **self._consumer_safety_counters(),
            },
        }

    def _learned_status(self) -> dict[str, Any] | None:
        learning = self.processor.learning
        if learning is None or self.learned_follower is None:
            return None
        return {
            "writer": learning.layer.writer,
            "ready": self.learned_follower.ready.is_set(),
            "rebuilds": learning.rebuilds,
            "records_skipped": self.learned_reader.skipped if self.learned_reader else 0,
            **learning.layer.sizes(),
        }

    def _consumer_safety_counters(self) -> dict[str, int]:
        try:
            consumer = self.app.consumer
        except Exception:  # pragma: no cover - not started yet
            return {}
        return dict(getattr(consumer, "safety_counters", {}))

    def _assignment(self) -> set:
        try:
            return set(self.app.consumer.assignment())
        except ConsumerNotStarted:  # the web view can answer before the consumer has started
            return set()


def worker_status(port: int, timeout: float = 2.0) -> dict[str, Any] | None:
    """`GET /status/` of a worker on this host, or None while it does not answer."""
    import json
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://{WEB_BIND}:{port}/status/", timeout=timeout) as response:
            return json.loads(response.read(1_000_000))
    except (OSError, ValueError):
        return None


def worker_ready(status: dict[str, Any] | None) -> bool:
    """The rules topic is read and the worker owns partitions: it is processing."""
    return bool(status and status.get("rules_ready") and status.get("partitions"))


def _failed(exc: Exception) -> asyncio.Future:
    future = asyncio.get_running_loop().create_future()
    future.set_exception(exc)
    return future


def _window_counts(table: Any) -> list[dict[str, Any]]:
    """{window start/end, counts by country} for the windows this worker holds, newest first."""
    by_window: dict[tuple[float, float], dict[str, int]] = {}
    for stored_key, value in list(table.table.data.items()):
        code, (start, end) = stored_key
        by_window.setdefault((start, end), {})[code] = value
    return [
        {
            "start": format_time(_from_ts(start)),
            "end": format_time(_from_ts(end)),
            "counts": dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
        }
        for (start, end), counts in sorted(by_window.items(), reverse=True)
    ]


def _from_ts(ts: float):
    from datetime import datetime

    return datetime.fromtimestamp(ts, tz=UTC)


def learned_writer(options: WorkerOptions) -> str:
    """This worker's name in the learned topic: the same after a restart on the same host and port, so
    the worker takes its own contribution back instead of starting a new one."""
    return f"{socket.gethostname()}-{options.web_port}".replace("|", "-")


def build_processor(settings: Settings, writer: str = "worker") -> DispatchProcessor:
    from wirewatch.processors.tagger import Tagger
    from wirewatch.query import RuleMatcher

    tagger = Tagger.load(settings.tagger.kb_dir, settings.tagger.watch_words, settings.tagger.kb_updates)
    learning = Learning.for_settings(settings.tagger, tagger, writer) if settings.tagger.learning else None
    return DispatchProcessor(tagger, RuleMatcher([]), learning=learning)  # rules arrive from the rules topic


def build_app(settings: Settings, options: WorkerOptions, processor: DispatchProcessor | None = None) -> ProcessorApp:
    kafka = settings.kafka
    app = faust.App(
        kafka.processor_group,
        **faust_broker_options(kafka),
        autodiscover=False,
        datadir=str(options.data_dir),
        topic_partitions=kafka.partitions,
        topic_replication_factor=kafka.replication,
        producer_compression_type=kafka.compression if kafka.compression != "none" else None,
        producer_acks=-1,
        # Batch the outputs (tagged, alerts, mentions) into fewer produce requests: the same
        # setting as the producer service. Safe with the commit rules of AtLeastOnceConsumer.
        producer_linger=kafka.linger_ms / 1000,
        producer_max_batch_size=kafka.batch_bytes,
        consumer_auto_offset_reset="earliest",  # AtLeastOnceConsumer rewinds uncommitted partitions to their start
        # Our batches hold their own references, so waiting for "empty" at stop could wait
        # on a batch that was cancelled; the commit at stop covers everything already acked.
        stream_wait_empty=False,
        broker_session_timeout=options.session_timeout,
        broker_heartbeat_interval=min(3.0, options.session_timeout / 3),
        web_enabled=True,
        web_bind=WEB_BIND,
        web_host=WEB_BIND,
        web_port=options.web_port,
    )
    # Before anything reaches the transport (app.topic does): faust's consumer with its
    # commit bookkeeping made safe across rebalances (processors/stream/consumer.py).
    app.transport = AtLeastOnceTransport(app.conf.broker_consumer, app, guarded_topics={kafka.topic_raw})

    def raw_topic(name: str, **extra: Any) -> faust.TopicT:
        return app.topic(name, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw", **extra)

    source = raw_topic(kafka.topic_raw)
    holder = ProcessorApp(
        settings=settings,
        options=options,
        processor=processor or build_processor(settings, learned_writer(options)),
        app=app,
        follower=RuleTopicFollower(kafka, lambda rules: holder.apply_rules(rules)),
        tagged_topic=raw_topic(kafka.topic_clustering if settings.stories.enabled else kafka.topic_tagged),
        stories_downstream=settings.stories.enabled,
        alerts_topic=raw_topic(kafka.topic_alerts),
        dead_topic=raw_topic(kafka.topic_dead),
        # Repartitioned by country so each windowed-table key lives in exactly one partition.
        mentions_topic=raw_topic(
            f"{kafka.processor_group}-country-mentions", partitions=kafka.partitions, internal=True
        ),
        tables={
            name: app.Table(f"country-mentions-{name}", default=int, partitions=kafka.partitions).tumbling(
                size, expires=expires
            )
            for name, (size, expires) in WINDOWS.items()
        },
    )

    @app.agent(source, name="tag-dispatches")
    async def tag_dispatches(stream: faust.StreamT) -> None:
        await holder.process_batches(stream)

    @app.agent(holder.mentions_topic, name="count-mentions")
    async def count_mentions(stream: faust.StreamT) -> None:
        async for event in stream.events():
            code = event.key.decode("utf-8", errors="replace")
            mentions = _mention_count(event.value)
            for table in holder.tables.values():
                table[code] += mentions

    @app.task
    async def follow_rules() -> None:
        seed = list(settings.rules) if options.seed_rules else None
        while True:
            try:
                await holder.follower.run(seed=seed)
            except asyncio.CancelledError:
                raise
            except Exception:  # broker gone for a while: read the topic again from the start
                log.exception("rules follower failed; restarting in 2s")
                await asyncio.sleep(2.0)

    if holder.processor.learning is not None:
        reader = LearnedTopicReader(holder.processor.learning)
        holder.learned_reader = reader
        holder.learned_topic = raw_topic(kafka.topic_learned)
        holder.learned_follower = CompactedTopicFollower(kafka, kafka.topic_learned, reader.on_records)

        @app.task
        async def follow_learned() -> None:
            follower = holder.learned_follower
            assert follower is not None
            while True:
                try:
                    await follower.run()
                except asyncio.CancelledError:
                    raise
                except Exception:  # broker gone for a while: read the topic again from the start
                    log.exception("learned-topic follower failed; restarting in 2s")
                    await asyncio.sleep(2.0)

    @app.page("/counts/")
    async def counts_page(web, request):
        return web.json(holder.counts_snapshot())

    @app.page("/status/")
    async def status_page(web, request):
        return web.json(holder.status_snapshot())

    return holder


def _mention_count(value: bytes | None) -> int:
    try:
        count = int(value or b"0")
    except ValueError:
        log.error("country-mentions record with a bad count %r: skipped", value)
        return 0
    return max(count, 0)


def run_worker(settings: Settings, options: WorkerOptions, loglevel: str = "info") -> int:
    """Build the app and run one worker in this process until SIGINT/SIGTERM."""
    options.data_dir.mkdir(parents=True, exist_ok=True)
    if settings.stories.enabled:
        # the clustering topic with its one partition, before the first send could create it with more; the
        # clusterer checks it again at its start, so a broker away now only delays the check
        try:
            ensure_story_topics(settings.kafka)
        except Exception as exc:  # kafka-python's errors share no useful base
            log.warning("could not make sure the stories topics exist (%s); the clusterer will", exc)
    holder = build_app(settings, options)
    worker = faust.Worker(
        holder.app,
        loglevel=loglevel,
        quiet=True,
    )
    if loglevel != "debug":
        # aiokafka and faust format a DEBUG record for every record sent (~5 % of the worker's CPU
        # in py-spy) unless their loggers are told otherwise; the worker's handlers drop them anyway.
        for name in LIBRARY_LOGGERS:
            logging.getLogger(name).setLevel(logging.INFO)
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) or exc.code is None else 1
    return 0
