"""The distributed pipeline on one machine, real Kafka and Elasticsearch, next to their raw ceilings.

    deploy/local/services.sh start      # the shared broker (127.0.0.1:9092) and node (127.0.0.1:9200)
    .venv/bin/python benchmarks/bench_distributed.py [--dispatches 4000] [--rate 200] [--seconds 10] [--workers 1]

Everything this run creates is named `bench-<run id>-...` (topics, consumer groups, indices, template) and
deleted at the end; the shared services are never stopped.

- ceiling (a), same run: raw kafka-python, the same tagged documents produced (acks=all, gzip, linger
  20 ms, [kafka].batch_bytes, as the pipeline's producer) and consumed back by a consumer running
  alongside: messages/s from the first send to the last message read;
- ceiling (b), same run: raw Elasticsearch `helpers.bulk` of the same documents (500 a request) into an
  index with the pipeline's mapping, then a refresh: documents/s;
- pipeline: the producer's real path in this process (SQLite ledger `accept` → `KafkaPublisher.emit`,
  acks=all) → `wirewatch processor` worker process(es) (faust: tag + --rules rules) →
  `wirewatch sink` process (bulk into Elasticsearch) ;
  * sustained throughput: --dispatches published as fast as the publisher takes them, until all are
    searchable (`_count` on the alias);
  * latency: --rate dispatches/s for --seconds; for each, publish → first seen by an `ids` search polled
    every 100 ms (so figures are rounded up by up to ~100 ms plus one search).
Writes benchmarks/results/bench_distributed.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_embedded import make_rules
from benchmarks.common import REPO_ROOT, load_tagger
from benchmarks.workload import dispatches, load_average, percentile, write_result
from wirewatch.models import Dispatch, Rule
from wirewatch.processors.stream.app import worker_ready, worker_status

KAFKA = os.environ.get("WIREWATCH_BENCH_KAFKA", "127.0.0.1:9092")
ES = os.environ.get("WIREWATCH_BENCH_ES", "http://127.0.0.1:9200")
WIREWATCH = [sys.executable, "-c", "import sys; from wirewatch.app.cli.main import main; sys.exit(main())"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def toml_config(path: Path, prefix: str, rules: list[Rule], partitions: int, workdir: Path) -> Path:
    lines = [
        "[kafka]",
        f"bootstrap_servers = {json.dumps([KAFKA])}",
        f'client_id = "{prefix}"',
        f'topic_raw = "{prefix}.raw"',
        f'topic_tagged = "{prefix}.tagged"',
        f'topic_alerts = "{prefix}.alerts"',
        f'topic_dead = "{prefix}.dead"',
        f'topic_rules = "{prefix}.rules"',
        f'topic_learned = "{prefix}.learned"',
        f'topic_clustering = "{prefix}.clustering"',
        f'topic_stories = "{prefix}.stories"',
        f'processor_group = "{prefix}-processor"',
        f'sink_group = "{prefix}-sink"',
        f'clusterer_group = "{prefix}-clusterer"',
        f"partitions = {partitions}",
        "linger_ms = 20",
        f"producer_store = {json.dumps(str(workdir / 'producer.db'))}",
        "",
        "[elasticsearch]",
        f"hosts = {json.dumps([ES])}",
        f'index_prefix = "{prefix}-dispatches"',
        f'alerts_index = "{prefix}-alerts"',
        f'stories_index = "{prefix}-stories"',
        "flush_interval = 0.2",
        "chunk_size = 500",
        "",
    ]
    for rule in rules:
        lines += [
            "[[rules]]",
            f"id = {json.dumps(rule.id)}",
            f"name = {json.dumps(rule.name)}",
            f"query = {json.dumps(rule.query)}",
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


# --- ceilings ---------------------------------------------------------------------------------------


def kafka_ceiling(topic: str, payloads: list[tuple[bytes, bytes]], partitions: int) -> dict[str, Any]:
    from kafka import KafkaConsumer, KafkaProducer, TopicPartition
    from kafka.admin import KafkaAdminClient, NewTopic

    admin = KafkaAdminClient(bootstrap_servers=[KAFKA], request_timeout_ms=30_000)
    try:
        admin.create_topics([NewTopic(topic, partitions, 1)])
    finally:
        admin.close()
    consumer = KafkaConsumer(bootstrap_servers=[KAFKA], enable_auto_commit=False, fetch_max_wait_ms=50)
    consumer.assign([TopicPartition(topic, p) for p in range(partitions)])
    consumer.seek_to_beginning()
    received: list[float] = []

    def consume() -> None:
        deadline = time.monotonic() + 90
        while len(received) < len(payloads) and time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=200).values():
                received.extend(time.perf_counter() for _ in records)

    reader = threading.Thread(target=consume, daemon=True)
    reader.start()
    from wirewatch.settings import KafkaSettings

    # The pipeline's producer settings: acks=all, gzip, linger 20 ms, batch_bytes.
    producer = KafkaProducer(
        bootstrap_servers=[KAFKA],
        acks="all",
        linger_ms=20,
        compression_type="gzip",
        batch_size=KafkaSettings().batch_bytes,
        max_request_size=4 * 2**20,
    )
    start = time.perf_counter()
    for key, value in payloads:
        producer.send(topic, key=key, value=value)
    producer.flush(timeout=60)
    produced = time.perf_counter() - start
    reader.join(timeout=95)
    producer.close(timeout=10)
    consumer.close()
    if len(received) < len(payloads):
        return {"error": f"consumed {len(received)} of {len(payloads)} within 90 s"}
    total = received[-1] - start
    return {
        "messages": len(payloads),
        "mean_bytes": round(sum(len(v) for _, v in payloads) / len(payloads)),
        "produce_s": round(produced, 3),
        "produce_per_s": round(len(payloads) / produced, 1),
        "produce_to_consume_s": round(total, 3),
        "produce_consume_per_s": round(len(payloads) / total, 1),
    }


def es_client():
    from elasticsearch import Elasticsearch

    return Elasticsearch(ES, request_timeout=60)


def es_ceiling(index: str, docs: list[dict[str, Any]]) -> dict[str, Any]:
    from elasticsearch import helpers

    from wirewatch.sinks.elasticsearch.layout import dispatches_template_body

    client = es_client()
    body = dispatches_template_body(f"{index}*")["template"]
    client.indices.create(index=index, settings=body.get("settings"), mappings=body.get("mappings"))
    actions = ({"_index": index, "_id": doc["id"], "_source": doc} for doc in docs)
    start = time.perf_counter()
    indexed, errors = helpers.bulk(client, actions, chunk_size=500, raise_on_error=False)
    client.indices.refresh(index=index)
    elapsed = time.perf_counter() - start
    client.close()
    return {
        "documents": len(docs),
        "indexed": indexed,
        "errors": len(errors) if isinstance(errors, list) else errors,
        "seconds": round(elapsed, 3),
        "docs_per_s": round(len(docs) / elapsed, 1),
    }


# --- the pipeline's processes -------------------------------------------------------------------------


class Service:
    def __init__(self, name: str, args: list[str], workdir: Path) -> None:
        self.name = name
        self.log = workdir / f"{name}.log"
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [*WIREWATCH, *args], cwd=REPO_ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )

    def alive(self) -> bool:
        return self.process.poll() is None

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def wait_until(check, timeout: float, what: str, services: list[Service]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for service in services:
            if not service.alive():
                raise RuntimeError(f"{service.name} exited while waiting for {what}:\n{service.tail()}")
        if check():
            return
        time.sleep(0.3)
    raise RuntimeError(f"timed out waiting for {what}:\n" + "\n".join(s.tail() for s in services))


def searchable_count(client, alias: str) -> int:
    try:
        return int(client.count(index=alias)["count"])
    except Exception:
        return -1


async def publish(config: Path, items: list[Dispatch], rate: float | None) -> dict[str, float]:
    """The producer's path: ledger accept, then KafkaPublisher.emit; returns emit time per dispatch id."""
    from wirewatch.app.components import load_settings
    from wirewatch.producers.kafka_publisher import KafkaPublisher
    from wirewatch.sinks.sqlite.store import SQLiteStore

    settings = load_settings(config)
    store = SQLiteStore(settings.kafka.producer_store)
    publisher = KafkaPublisher(settings.kafka, store)
    emitted: dict[str, float] = {}
    try:
        await publisher.start(sweep=False)
        start = time.perf_counter()
        for index, dispatch in enumerate(items):
            if rate:
                delay = start + index / rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
            if store.accept(dispatch):
                emitted[dispatch.id] = time.perf_counter()
                await publisher.emit(dispatch)
        if not await publisher.flush(timeout=60):
            raise RuntimeError("the publisher did not get every ack within 60 s")
    finally:
        await publisher.close()
        store.close()
    return emitted


def watch_searchable(
    client, alias: str, published: dict[str, float], total: int, stop: threading.Event, seen: dict[str, float]
) -> None:
    """Poll an ids search every 100 ms; note when each published dispatch is first found."""
    while not stop.is_set() and len(seen) < total:
        pending = [i for i in list(published) if i not in seen][:2000]
        if pending:
            try:
                hits = client.search(index=alias, query={"ids": {"values": pending}}, size=len(pending), source=False)[
                    "hits"
                ]["hits"]
            except Exception:
                hits = []
            now = time.perf_counter()
            for hit in hits:
                seen.setdefault(hit["_id"], now)
        stop.wait(0.1)


def run_pipeline(args: argparse.Namespace, prefix: str, workdir: Path, rules: list[Rule]) -> dict[str, Any]:
    config = toml_config(workdir / "wirewatch.toml", prefix, rules, args.partitions, workdir)
    base = ["-c", str(config)]
    subprocess.run([*WIREWATCH, *base, "topics", "create"], cwd=REPO_ROOT, check=True, capture_output=True, timeout=120)
    subprocess.run([*WIREWATCH, *base, "es", "setup"], cwd=REPO_ROOT, check=True, capture_output=True, timeout=120)
    ports = [free_port() for _ in range(args.workers)]
    services = [
        Service(
            f"processor-{n}",
            [
                *base,
                "processor",
                "--web-port",
                str(port),
                "--data-dir",
                str(workdir / f"processor-{n}"),
                "--batch-within",
                "0.1",
                "--session-timeout",
                "10",
                "--loglevel",
                "warning",
            ],
            workdir,
        )
        for n, port in enumerate(ports)
    ]
    # stories on (the default): the clusterer places each tagged dispatch and matches the rules
    services.append(Service("clusterer", [*base, "clusterer", "--loglevel", "warning"], workdir))
    services.append(Service("sink", [*base, "sink", "--loglevel", "warning"], workdir))
    client = es_client()
    alias = f"{prefix}-dispatches"
    result: dict[str, Any] = {"workers": args.workers, "partitions": args.partitions, "rules": len(rules)}
    try:
        started = time.perf_counter()
        wait_until(
            lambda: all(worker_ready(worker_status(p)) for p in ports) and searchable_count(client, alias) >= 0,
            120,
            "the processor(s) and the sink",
            services,
        )
        result["startup_s"] = round(time.perf_counter() - started, 1)

        # Warm-up: a few dispatches through the whole chain before anything is timed.
        warm = dispatches(20, run_tag=f"{prefix}-warm")
        asyncio.run(publish(config, warm, None))
        wait_until(lambda: searchable_count(client, alias) >= len(warm), 60, "the warm-up", services)

        items = dispatches(args.dispatches, run_tag=f"{prefix}-throughput")
        target = len(warm) + len(items)
        profilers = start_profilers(args.profile_dir, services) if args.profile_dir else []
        progress = StageProgress(f"{prefix}.tagged", args.partitions, client, alias, len(warm))
        progress.start()
        start = time.perf_counter()
        emitted = asyncio.run(publish(config, items, None))
        published_s = time.perf_counter() - start
        wait_until(lambda: searchable_count(client, alias) >= target, 110, "every dispatch searchable", services)
        elapsed = time.perf_counter() - start
        progress.finish()
        for profiler in profilers:
            profiler.send_signal(signal.SIGINT)
            profiler.wait(timeout=30)
        tagged_s = progress.time_to(len(items), "tagged", start)
        result["throughput"] = {
            "dispatches": len(emitted),
            "publish_s": round(published_s, 3),
            "publish_per_s": round(len(emitted) / published_s, 1),
            "all_tagged_s": tagged_s,
            "processor_per_s": round(len(items) / tagged_s, 1) if tagged_s else None,
            "all_searchable_s": round(elapsed, 3),
            "dispatches_per_s": round(len(emitted) / elapsed, 1),
        }

        steady = dispatches(int(args.rate * args.seconds), run_tag=f"{prefix}-latency")
        published: dict[str, float] = {}
        seen: dict[str, float] = {}
        stop = threading.Event()
        watcher = threading.Thread(
            target=watch_searchable, args=(es_client(), alias, published, len(steady), stop, seen), daemon=True
        )
        watcher.start()

        async def paced() -> dict[str, float]:
            # Publish times go into `published` as they happen, so the watcher polls from the first one.
            from wirewatch.app.components import load_settings
            from wirewatch.producers.kafka_publisher import KafkaPublisher
            from wirewatch.sinks.sqlite.store import SQLiteStore

            settings = load_settings(config)
            store = SQLiteStore(settings.kafka.producer_store)
            publisher = KafkaPublisher(settings.kafka, store)
            try:
                await publisher.start(sweep=False)
                begin = time.perf_counter()
                for index, dispatch in enumerate(steady):
                    delay = begin + index / args.rate - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    if store.accept(dispatch):
                        published[dispatch.id] = time.perf_counter()
                        await publisher.emit(dispatch)
                result["latency_offered_s"] = round(time.perf_counter() - begin, 3)
                await publisher.flush(timeout=60)
            finally:
                await publisher.close()
                store.close()
            return published

        asyncio.run(paced())
        deadline = time.monotonic() + 60
        while len(seen) < len(steady) and time.monotonic() < deadline:
            time.sleep(0.2)
        stop.set()
        watcher.join(timeout=10)
        latencies_ms = [(seen[i] - published[i]) * 1000 for i in seen if i in published]
        result["latency"] = {
            "rate_offered": args.rate,
            "dispatches": len(steady),
            "searchable": len(latencies_ms),
            "achieved_rate": round(len(steady) / result.pop("latency_offered_s"), 1),
            "p50_ms": round(percentile(latencies_ms, 0.5), 1),
            "p99_ms": round(percentile(latencies_ms, 0.99), 1),
            "max_ms": round(max(latencies_ms), 1) if latencies_ms else None,
            "resolution_ms": 100,
        }
        result["peak_rss_mib_services"] = {s.name: rss_of(s.process.pid) for s in services}
    finally:
        for service in services:
            service.stop()
        client.close()
    return result


class StageProgress(threading.Thread):
    """Samples every 0.25 s how far the processor and the clusterer (tagged topic end offsets) and the sink
    (count) got."""

    def __init__(self, tagged_topic: str, partitions: int, client, alias: str, already: int) -> None:
        super().__init__(daemon=True)
        from kafka import KafkaConsumer, TopicPartition

        self.consumer = KafkaConsumer(bootstrap_servers=[KAFKA])
        self.partitions = [TopicPartition(tagged_topic, p) for p in range(partitions)]
        self.client, self.alias, self.already = client, alias, already
        self.samples: list[tuple[float, int, int]] = []  # (time, tagged, searchable), beyond the warm-up
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            tagged = sum(self.consumer.end_offsets(self.partitions).values()) - self.already
            self.samples.append((time.perf_counter(), tagged, searchable_count(self.client, self.alias) - self.already))
            self.done.wait(0.25)

    def finish(self) -> None:
        self.done.set()
        self.join(timeout=10)
        self.consumer.close()

    def time_to(self, count: int, stage: str, start: float) -> float | None:
        column = 1 if stage == "tagged" else 2
        for sample in self.samples:
            if sample[column] >= count:
                return round(sample[0] - start, 3)
        return None


def start_profilers(directory: Path, services: list[Service]) -> list[subprocess.Popen]:
    """py-spy on every service for the throughput phase (collapsed stacks, one file each)."""
    directory.mkdir(parents=True, exist_ok=True)
    py_spy = Path(sys.executable).parent / "py-spy"
    return [
        subprocess.Popen(
            [
                str(py_spy),
                "record",
                "--pid",
                str(s.process.pid),
                "--format",
                "raw",
                "--rate",
                "200",
                "--output",
                str(directory / f"{s.name}.collapsed"),
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for s in services
    ]


def rss_of(pid: int) -> float | None:
    """Peak RSS (VmHWM) of a running process, in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def cleanup(prefix: str) -> None:
    from kafka.admin import KafkaAdminClient

    try:
        admin = KafkaAdminClient(bootstrap_servers=[KAFKA], request_timeout_ms=30_000)
        try:
            names = [t for t in admin.list_topics() if t.startswith(prefix)]
            if names:
                admin.delete_topics(names)
        finally:
            admin.close()
    except Exception as exc:
        print(f"cleanup: could not delete topics {prefix}*: {exc}")
    try:
        client = es_client()
        client.options(ignore_status=404).indices.delete(index=f"{prefix}-*")
        client.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-dispatches")
        client.close()
    except Exception as exc:
        print(f"cleanup: could not delete indices {prefix}-*: {exc}")


def format_report(report: dict[str, Any]) -> str:
    kafka, es, pipe = report["ceiling_kafka_python"], report["ceiling_es_bulk"], report.get("pipeline", {})
    lines = [
        f"run {report['prefix']}: Kafka {KAFKA}, Elasticsearch {ES}, load {report['load_average_start']}",
        f"{'what':<58}{'per s':>10}",
    ]
    if "error" in kafka:
        lines.append(f"{'ceiling: raw kafka-python produce→consume':<58}{kafka['error']}")
    else:
        lines.append(
            f"{'ceiling: raw kafka-python produce→consume (~' + str(kafka['mean_bytes']) + ' B docs)':<58}"
            f"{kafka['produce_consume_per_s']:>10,.1f}"
        )
    lines.append(f"{'ceiling: raw Elasticsearch bulk (500/request) + refresh':<58}{es['docs_per_s']:>10,.1f}")
    if "throughput" in pipe:
        t = pipe["throughput"]
        lines.append(
            f"{'pipeline: publish→processor x' + str(pipe['workers']) + '→sink→searchable':<58}"
            f"{t['dispatches_per_s']:>10,.1f}   ({t['dispatches']} dispatches, publish alone "
            f"{t['publish_per_s']:,.0f}/s)"
        )
        if t.get("processor_per_s"):
            lines.append(f"{'  of which the processor stage alone (all tagged)':<58}{t['processor_per_s']:>10,.1f}")
        lat = pipe["latency"]
        lines.append(
            f"latency at {lat['rate_offered']:.0f}/s offered ({lat['achieved_rate']}/s achieved, "
            f"{lat['searchable']}/{lat['dispatches']} seen): publish→searchable p50 {lat['p50_ms']} ms, "
            f"p99 {lat['p99_ms']} ms, max {lat['max_ms']} ms (±100 ms polling)"
        )
        lines.append(
            f"goals: >= 1,000/s sustained {'met' if t['dispatches_per_s'] >= 1000 else 'NOT met'}; "
            f"p99 <= 2 s at 200/s {'met' if lat['p99_ms'] <= 2000 else 'NOT met'}"
        )
        lines.append(f"peak RSS: bench {report['peak_rss_mib']} MiB, services {pipe['peak_rss_mib_services']}")
    elif "error" in pipe:
        lines.append(f"pipeline failed: {pipe['error']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Distributed pipeline on one machine with raw ceilings.")
    parser.add_argument("--dispatches", type=int, default=4000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=1, help="processor worker processes")
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--rules", type=int, default=200)
    parser.add_argument("--profile-dir", type=Path, help="record py-spy profiles of the services here")
    args = parser.parse_args(argv)

    from benchmarks.workload import peak_rss_mib

    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    report: dict[str, Any] = {"prefix": prefix, "load_average_start": load_average(), "args": vars(args)}
    rules = make_rules(args.rules)
    tagger = load_tagger()
    sample = dispatches(args.dispatches, run_tag=f"{prefix}-ceiling")
    docs = [tagger.tag_dispatch(d).to_doc() for d in sample]
    payloads = [(doc["id"].encode(), json.dumps(doc, ensure_ascii=False).encode()) for doc in docs]
    workdir = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    try:
        report["ceiling_kafka_python"] = kafka_ceiling(f"{prefix}.ceiling", payloads, args.partitions)
        report["ceiling_es_bulk"] = es_ceiling(f"{prefix}-ceiling", docs)
        try:
            report["pipeline"] = run_pipeline(args, prefix, workdir, rules)
        except RuntimeError as exc:
            report["pipeline"] = {"error": str(exc)[-3000:]}
    finally:
        cleanup(prefix)
        shutil.rmtree(workdir, ignore_errors=True)
    report["peak_rss_mib"] = peak_rss_mib()
    print(format_report(report))
    print(f"written {write_result('bench_distributed', report)}")
    return 0 if "error" not in report.get("pipeline", {"error": 1}) else 1


if __name__ == "__main__":
    sys.exit(main())
