"""Prometheus metrics of one wirewatch process.

Every ``Metrics`` owns its own ``CollectorRegistry`` instead of using the
process-global default one: two pipelines in one process (tests, a runner and
a dashboard) never collide on metric names, and nothing is registered as a side
effect of importing a module. A component that is not handed a ``Metrics``
makes a private one, so counting never needs an ``if``.

Names follow Prometheus conventions: ``_total`` counters, ``_seconds``
histograms, a unit in every name that has one.
"""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import choose_encoder

# Tagging one dispatch takes about a millisecond; a long text or a slow rule
# set can take tens of milliseconds. Buckets cover 100 µs .. 1 s.
TAGGING_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)
# One bulk write (SQLite transaction or Elasticsearch _bulk): 1 ms .. 30 s.
BULK_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

POLL_OUTCOMES = ("ok", "not_modified", "failed")


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.feed_polls = Counter(
            "wirewatch_feed_polls", "Feed polls by outcome (ok, not_modified, failed).", ["outcome"], registry=r
        )
        self.dispatches_produced = Counter(
            "wirewatch_dispatches_produced", "New dispatches accepted into the pipeline.", registry=r
        )
        self.dispatches_deduplicated = Counter(
            "wirewatch_dispatches_deduplicated", "Dispatches dropped because their id was seen before.", registry=r
        )
        self.feed_entries_skipped = Counter(
            "wirewatch_feed_entries_skipped",
            "Feed entries dropped for having neither title nor text, per feed.",
            ["feed"],
            registry=r,
        )
        self.fulltext_fetches = Counter(
            "wirewatch_fulltext_fetches",
            "Articles fetched for full text, by outcome (extracted, failed, refused, paywall, short).",
            ["outcome"],
            registry=r,
        )
        self.dispatches_processed = Counter(
            "wirewatch_dispatches_processed", "Dispatches tagged, matched and stored.", registry=r
        )
        self.dispatches_failed = Counter(
            "wirewatch_dispatches_failed", "Dispatches that failed processing (dead-lettered).", registry=r
        )
        self.tagging_seconds = Histogram(
            "wirewatch_tagging_seconds", "Time to tag and rule-match one dispatch.", buckets=TAGGING_BUCKETS, registry=r
        )
        self.alerts_fired = Counter(
            "wirewatch_alerts_fired", "Alerts recorded (once per rule and dispatch).", registry=r
        )
        self.alert_deliveries = Counter(
            "wirewatch_alert_deliveries",
            "Alert delivery attempts by channel and outcome (delivered, failed).",
            ["channel", "outcome"],
            registry=r,
        )
        self.sink_bulk_seconds = Histogram(
            "wirewatch_sink_bulk_seconds",
            "Time of one bulk write to the store.",
            ["sink"],
            buckets=BULK_BUCKETS,
            registry=r,
        )
        self.sink_errors = Counter(
            "wirewatch_sink_errors", "Bulk writes to the store that failed.", ["sink"], registry=r
        )
        self.queue_depth = Gauge(
            "wirewatch_queue_depth", "Dispatches waiting between stages (embedded queue).", ["queue"], registry=r
        )
        self.consumer_lag = Gauge(
            "wirewatch_consumer_lag",
            "Messages behind the end of a Kafka topic, per consumer group.",
            ["group", "topic"],
            registry=r,
        )
        self.events_dropped = Counter(
            "wirewatch_events_dropped", "Live events dropped because a dashboard reader was too slow.", registry=r
        )
        self.event_subscribers = Gauge("wirewatch_event_subscribers", "Live event streams currently open.", registry=r)
        for outcome in POLL_OUTCOMES:  # expose zeros, so rate() works from the first scrape
            self.feed_polls.labels(outcome)

    def watch_queue(self, name: str, depth: Callable[[], int]) -> None:
        """Report a queue's depth at scrape time (no bookkeeping on the hot path)."""
        self.queue_depth.labels(name).set_function(lambda: float(depth()))

    def exposition(self, accept_header: str | None = None) -> tuple[bytes, str]:
        """(body, content type) for a /metrics response, negotiated like prometheus_client's own server."""
        encoder, content_type = choose_encoder(accept_header or "")
        return encoder(self.registry), content_type
