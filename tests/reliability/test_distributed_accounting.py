"""End-to-end accounting across producer → processor → Elasticsearch sink on the real local broker and node,
with a kill -9 of each stage mid-stream and a restart: every dispatch the producer accepted into its ledger
is indexed exactly once (the index _id is the dispatch id), every alert is indexed once per
(rule, dispatch), and every dispatch is counted once in its story (the clusterer, the stories stage, is killed
too). Each stage runs as its own `wirewatch` process; names (topics, group ids, indices) are
unique to the run and removed afterwards."""

from __future__ import annotations

import json
import subprocess
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.integration.services import ensure_elasticsearch, ensure_kafka
from tests.reliability.feeds import rss, rss_item
from tests.reliability.processes import query, static_feeds, wait_for, wirewatch
from tests.support import free_port, http_server, kill9, stop_process
from wirewatch.processors.stream.app import worker_ready, worker_status

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(420)]

FEEDS = 40
ITEMS = 100
COUP_EVERY = 10
CALM = "Ministers met in Geneva to discuss fishing quotas and customs procedures."


def feed_bodies() -> dict[str, bytes]:
    bodies = {}
    for f in range(FEEDS):
        name = f"e2e-{f}"
        items = [
            rss_item(name, n) if n % COUP_EVERY == 0 else rss_item(name, n, title=f"{name} item {n}", text=CALM)
            for n in range(ITEMS)
        ]
        bodies[f"/{name}.xml"] = rss(name, items)
    return bodies


def es_json(url: str, method: str = "GET", body: dict | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read(50_000_000))


class Stage:
    """One `wirewatch` service process, restartable, always stopped at the end."""

    def __init__(self, config: Path, workdir: Path, name: str, *args: str):
        self.config, self.workdir, self.name, self.args = config, workdir, name, args
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> Stage:
        self.starts += 1
        self.proc = wirewatch(self.config, *self.args, log=self.workdir / f"{self.name}.log")
        return self

    def kill9(self) -> None:
        kill9(self.proc, self.tail())

    def stop(self) -> None:
        stop_process(self.proc)

    def tail(self, lines: int = 30) -> str:
        path = self.workdir / f"{self.name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def cleanup(bootstrap: str, es: str, topics: list[str], prefix: str, alerts: str) -> None:
    from kafka.admin import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=[bootstrap])
    try:
        existing = set(admin.list_topics())
        doomed = [t for t in topics if t in existing]
        if doomed:
            admin.delete_topics(doomed, timeout_ms=10_000)
    finally:
        admin.close()
    for target in (f"{prefix}-*", alerts):
        try:
            es_json(f"{es}/{target}?ignore_unavailable=true&allow_no_indices=true", "DELETE")
        except OSError:
            pass
    try:
        es_json(f"{es}/_index_template/{prefix}", "DELETE")
    except OSError:
        pass


def test_kill_9_of_each_stage_mid_stream_every_accepted_dispatch_indexed_once(tmp_path: Path) -> None:
    bootstrap, es = ensure_kafka(), ensure_elasticsearch()
    uid = uuid.uuid4().hex[:8]
    prefix, alerts_index, stories_index = f"wwrel-{uid}-dispatches", f"wwrel-{uid}-alerts", f"wwrel-{uid}-stories"
    kinds = ("raw", "tagged", "alerts", "dead", "rules", "learned", "clustering", "stories")
    topics = {kind: f"wwrel-{uid}-{kind}" for kind in kinds}
    web_port = free_port()
    coup_total = FEEDS * len(range(0, ITEMS, COUP_EVERY))
    stages: list[Stage] = []
    with http_server(static_feeds(feed_bodies())) as base:
        feeds = "".join(
            f'[[feeds]]\nname = "e2e-{f}"\nurl = "{base}/e2e-{f}.xml"\ninterval = 3600\nfulltext = "never"\n'
            for f in range(FEEDS)
        )
        config = tmp_path / "wirewatch.toml"
        config.write_text(
            f"""
[poller]
per_host_delay = 0.2
[kafka]
bootstrap_servers = ["{bootstrap}"]
topic_raw = "{topics["raw"]}"
topic_tagged = "{topics["tagged"]}"
topic_alerts = "{topics["alerts"]}"
topic_dead = "{topics["dead"]}"
topic_rules = "{topics["rules"]}"
topic_learned = "{topics["learned"]}"
topic_clustering = "{topics["clustering"]}"
topic_stories = "{topics["stories"]}"
partitions = 3
processor_group = "wwrel-{uid}-processor"
sink_group = "wwrel-{uid}-sink"
clusterer_group = "wwrel-{uid}-clusterer"
producer_store = "{tmp_path / "producer.db"}"
[elasticsearch]
hosts = ["{es}"]
index_prefix = "{prefix}"
alerts_index = "{alerts_index}"
stories_index = "{stories_index}"
chunk_size = 200
flush_interval = 0.5
[[rules]]
name = "coup"
query = "coup"
"""
            + feeds,
            encoding="utf-8",
        )
        try:
            for command in (["topics", "create"], ["es", "setup"]):
                done = subprocess.run([*wirewatch_cmd(config), *command], capture_output=True, text=True, timeout=120)
                assert done.returncode == 0, done.stdout + done.stderr

            def indexed(index: str) -> int:
                es_json(f"{es}/{index}/_refresh", "POST")
                return es_json(f"{es}/{index}/_count")["count"]

            processor = Stage(
                config,
                tmp_path,
                "processor",
                "processor",
                "--web-port",
                str(web_port),
                "--data-dir",
                str(tmp_path / "faust"),
                "--session-timeout",
                "10",
                "--batch-within",
                "0.2",
            )
            sink = Stage(config, tmp_path, "sink", "sink")
            clusterer = Stage(config, tmp_path, "clusterer", "clusterer")
            producer = Stage(config, tmp_path, "producer", "producer", "--status-interval", "1")
            stages += [processor, clusterer, sink, producer]
            processor.start()
            clusterer.start()
            sink.start()
            wait_for(lambda: worker_ready(worker_status(web_port)), 120, "processor ready")
            producer.start()
            ledger = tmp_path / "producer.db"

            def ledger_count() -> int:
                try:
                    return query(ledger, "SELECT count(*) FROM inbox")[0][0]
                except Exception:
                    return 0

            # 1. The producer dies mid-poll, after some dispatches were accepted into its ledger.
            wait_for(lambda: ledger_count() >= 300, 60, "300 dispatches in the producer's ledger")
            producer.kill9()
            at_producer_kill = ledger_count()
            assert at_producer_kill < FEEDS * ITEMS
            producer.start()
            # 2. The processor and then the sink die mid-stream.
            wait_for(lambda: indexed(prefix) >= 200, 120, "200 dispatches indexed")
            processor.kill9()
            at_processor_kill = indexed(prefix)
            processor.start()
            wait_for(
                lambda: indexed(prefix) > at_processor_kill + 20, 180, "indexing resumed after the processor restart"
            )
            # 3. The clusterer (the stories stage between the processor and the sink) dies mid-stream.
            clusterer.kill9()
            at_clusterer_kill = indexed(prefix)
            clusterer.start()
            wait_for(
                lambda: indexed(prefix) > at_clusterer_kill + 20, 180, "indexing resumed after the clusterer restart"
            )
            sink.kill9()
            at_sink_kill = indexed(prefix)
            sink.start()

            def settled() -> bool:
                total = ledger_count()
                return total == FEEDS * ITEMS and indexed(prefix) == total and indexed(alerts_index) == coup_total

            wait_for(settled, 240, "every accepted dispatch and every alert indexed")
            pending = query(ledger, "SELECT count(*) FROM inbox WHERE state = 'accepted'")[0][0]
            ledger_ids = {row[0] for row in query(ledger, "SELECT id FROM inbox")}
            hits = es_json(
                f"{es}/{prefix}/_search",
                "POST",
                {"size": FEEDS * ITEMS + 100, "_source": False, "query": {"match_all": {}}},
            )["hits"]["hits"]
            alert_hits = es_json(
                f"{es}/{alerts_index}/_search", "POST", {"size": coup_total + 100, "query": {"match_all": {}}}
            )["hits"]["hits"]

            def story_sum() -> float:
                es_json(f"{es}/{stories_index}/_refresh", "POST")
                return es_json(
                    f"{es}/{stories_index}/_search",
                    "POST",
                    {"size": 0, "aggs": {"dispatches": {"sum": {"field": "dispatches"}}}},
                )["aggregations"]["dispatches"]["value"]

            # a growing story's record is written at most every [stories] record_seconds: let the last ones land
            try:
                wait_for(lambda: story_sum() == FEEDS * ITEMS, 60, "every dispatch counted in its story")
            except AssertionError:
                pass  # asserted below, with the figures
            story_total = story_sum()
        finally:
            for stage in stages:
                stage.stop()
            logs = {stage.name: stage.tail() for stage in stages}
            cleanup(bootstrap, es, list(topics.values()), prefix, alerts_index)
            cleanup(bootstrap, es, [], prefix, stories_index)

    print(
        f"\nkills: producer at {at_producer_kill} accepted, processor at {at_processor_kill} indexed, "
        f"clusterer at {at_clusterer_kill} indexed, sink at {at_sink_kill} indexed; "
        f"final {len(hits)} dispatches, {len(alert_hits)} alerts, {story_total:.0f} dispatches in stories"
    )
    assert at_processor_kill < FEEDS * ITEMS and at_sink_kill < FEEDS * ITEMS, "a kill landed after the stream ended"
    # Every accepted dispatch indexed exactly once: same ids, no extras; the ledger has nothing left to send.
    assert pending == 0
    assert {hit["_id"] for hit in hits} == ledger_ids and len(hits) == len(ledger_ids) == FEEDS * ITEMS
    # Every alert once per (rule, dispatch).
    pairs = [(hit["_source"]["rule"]["id"], hit["_source"]["dispatch_id"]) for hit in alert_hits]
    assert len(pairs) == len(set(pairs)) == coup_total, logs
    # Every dispatch counted in its story once, across the kills (the clusterer's takeover included).
    assert story_total == FEEDS * ITEMS, logs


def wirewatch_cmd(config: Path) -> list[str]:
    import sys

    return [sys.executable, "-m", "wirewatch.app.cli.main", "--config", str(config)]
