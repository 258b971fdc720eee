"""Prometheus metrics: what the embedded pipeline counts, read back through the exposition format."""

import io

from prometheus_client.parser import text_string_to_metric_families

from tests.unit.test_embedded import DEMO_FEED, settings_for
from wirewatch.app.runner import EmbeddedPipeline, run_embedded
from wirewatch.errors import DeliveryError
from wirewatch.metrics import Metrics
from wirewatch.models import Dispatch, utcnow
from wirewatch.settings import DeliverySettings
from wirewatch.sinks.alerts.delivery import AlertDelivery
from wirewatch.sinks.sqlite.store import SQLiteStore


def samples(metrics: Metrics) -> dict[tuple[str, tuple], float]:
    body, content_type = metrics.exposition()
    assert content_type.startswith("text/plain")
    found = {}
    for family in text_string_to_metric_families(body.decode()):
        for s in family.samples:
            found[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return found


def dispatch(n: int, text: str) -> Dispatch:
    now = utcnow()
    return Dispatch(id=f"m{n}", source="test", title=f"Dispatch {n}", text=text, published=now, fetched=now)


async def test_pipeline_counts_produced_duplicates_tagging_alerts_and_bulk_writes(tmp_path):
    pipeline = EmbeddedPipeline.from_settings(settings_for(tmp_path), console_stream=io.StringIO())
    try:
        assert await pipeline.accept(dispatch(1, "Soldiers staged a coup in Ankara, Turkey."))
        assert await pipeline.accept(dispatch(2, "Markets were calm in Paris, France."))
        assert not await pipeline.accept(dispatch(1, "again"))
        worker_batch = [pipeline.queue.get_nowait() for _ in range(pipeline.queue.qsize())]
        pipeline.process_batch(worker_batch)
        for _ in worker_batch:
            pipeline.queue.task_done()
        await pipeline.delivery.deliver_due()
        got = samples(pipeline.metrics)
    finally:
        await pipeline.close()
    assert got[("wirewatch_dispatches_produced_total", ())] == 2
    assert got[("wirewatch_dispatches_deduplicated_total", ())] == 1
    assert got[("wirewatch_dispatches_processed_total", ())] == 2
    assert got[("wirewatch_tagging_seconds_count", ())] == 2
    assert got[("wirewatch_sink_bulk_seconds_count", (("sink", "sqlite"),))] == 1
    # "coup" and "coup in Turkey" fire on dispatch 1, each to console and jsonl.
    assert got[("wirewatch_alerts_fired_total", ())] == 2
    assert got[("wirewatch_alert_deliveries_total", (("channel", "console"), ("outcome", "delivered")))] == 2
    assert got[("wirewatch_alert_deliveries_total", (("channel", "jsonl"), ("outcome", "delivered")))] == 2
    assert got[("wirewatch_queue_depth", (("queue", "pipeline"),))] == 0


async def test_feed_polls_by_outcome_through_a_real_run(tmp_path, monkeypatch):
    feeds = [
        {"name": "demo", "kind": "file", "url": str(DEMO_FEED)},
        {"name": "missing", "kind": "file", "url": str(tmp_path / "absent.xml")},
    ]
    settings = settings_for(tmp_path, feeds=feeds)
    metrics_seen = {}

    import wirewatch.app.runner as runner

    original = runner.EmbeddedPipeline.close

    async def capture(self):
        metrics_seen.update(samples(self.metrics))
        await original(self)

    # Read the run's own registry just before the runner closes the pipeline.
    monkeypatch.setattr(runner.EmbeddedPipeline, "close", capture)
    await run_embedded(settings, once=True, status_stream=io.StringIO())
    await run_embedded(settings, once=True, status_stream=io.StringIO())  # unchanged file: not modified
    assert metrics_seen[("wirewatch_feed_polls_total", (("outcome", "not_modified"),))] == 1
    assert metrics_seen[("wirewatch_feed_polls_total", (("outcome", "failed"),))] == 1


class Refusing:
    name = "hook"

    async def deliver(self, alert):
        raise DeliveryError("endpoint down")


async def test_failed_deliveries_are_counted_per_channel(tmp_path):
    store = SQLiteStore(tmp_path / "d.db")
    metrics = Metrics()
    delivery = AlertDelivery(store, {"hook": Refusing()}, DeliverySettings(retry_base=1), metrics=metrics)
    from wirewatch.models import Alert

    alert = Alert("r", "rule", "coup", "d1", ["coup"], utcnow(), title="t")
    assert store.record_alert(alert, ["hook"])
    await delivery.deliver_due()
    store.close()
    assert samples(metrics)[("wirewatch_alert_deliveries_total", (("channel", "hook"), ("outcome", "failed")))] == 1


def test_each_metrics_object_has_its_own_registry():
    a, b = Metrics(), Metrics()
    a.alerts_fired.inc(3)
    assert samples(a)[("wirewatch_alerts_fired_total", ())] == 3
    assert samples(b)[("wirewatch_alerts_fired_total", ())] == 0
