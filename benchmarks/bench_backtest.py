"""`wirewatch rules test` over 100,000 stored dispatches, SQLite and Elasticsearch, in the same run.

    .venv/bin/python benchmarks/bench_backtest.py [--dispatches 100000] [--rounds 3]

- corpus: gold-based ~300-word dispatches, tagged once by the real Tagger (1,000 distinct texts, not timed),
  copied to `--dispatches` with their own ids and arrival times spread evenly over the last 10 days, saved in
  a fresh SQLite store and bulk-indexed into a private Elasticsearch layout (the node of
  deploy/local/services.sh; the Elasticsearch half is reported as not measured when no node answers);
- measured: `--since 7d` (70 % of the corpus in the window) for a selective text rule, an entity-only rule
  (no full-text prefilter: every dispatch of the window is examined in SQLite) and a rule matching most of the
  window, wall seconds, best of `--rounds` interleaved rounds; both stores must return the same ids in the same
  order, and the run exits non-zero otherwise;
- baseline, same run: SQLite — reading and decoding every document stored in the window (what a scan costs before any
  matching); Elasticsearch — the same query counted by the engine (`_count`: no documents returned).
Writes benchmarks/results/bench_backtest.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine_info
from benchmarks.workload import peak_rss_mib, replicated_tagged, write_result
from wirewatch.models import TaggedDispatch, utcnow
from wirewatch.settings import ElasticsearchSettings
from wirewatch.sinks.elasticsearch.backtest import backtest_with_client
from wirewatch.sinks.elasticsearch.client import build_client, drop_layout, install_layout
from wirewatch.sinks.elasticsearch.folded import with_folded_copies
from wirewatch.sinks.elasticsearch.layout import IndexNames
from wirewatch.sinks.elasticsearch.search import query_string_clause
from wirewatch.sinks.sqlite.backtest import backtest
from wirewatch.sinks.sqlite.store import SQLiteStore

RULES = {
    "selective text": "coup AND countries.code:(NE OR ML OR BF OR SD OR GN)",
    "entity only": "countries.code:US AND NOT countries.code:RU",
    "broad": "NOT title:zzzz",
}
ES_URL = "http://127.0.0.1:9200"


def corpus(count: int) -> list[TaggedDispatch]:
    """Arrivals spread over the last 10 days: `--since 7d` covers 70 % of them."""
    return replicated_tagged(count, timedelta(days=10), "bt")


def best_of(rounds: list[float]) -> float:
    return round(min(rounds), 3)


async def es_layout(url: str) -> ElasticsearchSettings | None:
    prefix = f"bench-backtest-{uuid.uuid4().hex[:8]}-dispatches"
    settings = ElasticsearchSettings(
        hosts=[url],
        index_prefix=prefix,
        alerts_index=prefix.replace("dispatches", "alerts"),
        stories_index=prefix.replace("dispatches", "stories"),
        request_timeout=60.0,
    )
    client = build_client(settings)
    try:
        await install_layout(client, IndexNames.from_settings(settings))
    except Exception as exc:  # no node: the SQLite half still runs
        print(f"elasticsearch at {url}: {type(exc).__name__}: not measured", file=sys.stderr)
        return None
    finally:
        await client.close()
    return settings


async def index_all(settings: ElasticsearchSettings, docs: list[dict[str, Any]]) -> None:
    from elasticsearch.helpers import async_bulk

    names = IndexNames.from_settings(settings)
    client = build_client(settings)
    try:
        actions = ({"_index": names.dispatches_alias, "_id": d["id"], "_source": with_folded_copies(d)} for d in docs)
        await async_bulk(client.options(request_timeout=120), actions, chunk_size=1000, refresh="wait_for")
    finally:
        await client.close()


async def drop(settings: ElasticsearchSettings) -> None:
    names = IndexNames.from_settings(settings)
    client = build_client(settings)
    try:
        await drop_layout(client, names)
    finally:
        await client.close()


def sqlite_scan_baseline(store: SQLiteStore, since_ts: float) -> int:
    rows = store.conn.execute("SELECT doc FROM dispatches WHERE stored_at >= ? ORDER BY seq", (since_ts,))
    return sum(1 for (raw,) in rows if json.loads(raw))


async def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    tagged = corpus(args.dispatches)
    docs = [t.to_doc() for t in tagged]
    prepared = round(time.perf_counter() - started, 1)
    workdir = Path(tempfile.mkdtemp(prefix="bench-backtest-"))
    store = SQLiteStore(workdir / "store.db")
    for start in range(0, len(tagged), 5000):
        store.save_many(tagged[start : start + 5000], docs[start : start + 5000])
    es = await es_layout(args.es_url)
    if es is not None:
        await index_all(es, docs)
    since = utcnow() - timedelta(days=7)
    client = build_client(es) if es is not None else None
    report: dict[str, Any] = {
        "dispatches": args.dispatches,
        "window": "7d of 10d",
        "prepare_s": prepared,
        "rules": {},
        "machine": machine_info(),
    }
    mismatches = []
    try:
        names = IndexNames.from_settings(es) if es is not None else None
        timings: dict[str, dict[str, list[float]]] = {
            name: {"sqlite": [], "es": [], "sqlite_scan": [], "es_count": []} for name in RULES
        }
        results: dict[str, dict[str, Any]] = {}
        for _ in range(args.rounds):  # interleaved: every rule, both stores and both baselines, each round
            for name, rule in RULES.items():
                t0 = time.perf_counter()
                local = backtest(store.conn, rule, since, limit=args.dispatches)
                timings[name]["sqlite"].append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                sqlite_scan_baseline(store, since.timestamp())
                timings[name]["sqlite_scan"].append(time.perf_counter() - t0)
                results[name] = {"matches": len(local.matches), "examined_sqlite": local.examined}
                if client is not None and names is not None:
                    t0 = time.perf_counter()
                    remote = await backtest_with_client(client, names, rule, since, limit=args.dispatches)
                    timings[name]["es"].append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    body = {"bool": {"filter": [query_string_clause(rule)]}}
                    await client.count(index=names.dispatches_pattern, query=body)
                    timings[name]["es_count"].append(time.perf_counter() - t0)
                    if [d["id"] for d, _ in local.matches] != [d["id"] for d, _ in remote.matches]:
                        mismatches.append(name)
        for name, rule in RULES.items():
            entry = {"query": rule, **results[name]}
            entry["sqlite_s"] = best_of(timings[name]["sqlite"])
            entry["baseline_sqlite_read_window_s"] = best_of(timings[name]["sqlite_scan"])
            if timings[name]["es"]:
                entry["elasticsearch_s"] = best_of(timings[name]["es"])
                entry["baseline_es_count_s"] = best_of(timings[name]["es_count"])
            report["rules"][name] = entry
    finally:
        if client is not None:
            await client.close()
        if es is not None:
            await drop(es)
        store.close()
    report["identical_results"] = {"mismatches": mismatches, "elasticsearch_measured": es is not None}
    report["peak_rss_mib"] = round(peak_rss_mib(), 1)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dispatches", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--es-url", default=ES_URL)
    args = parser.parse_args()
    report = asyncio.run(run(args))
    path = write_result("bench_backtest", report)
    for name, entry in report["rules"].items():
        es = (
            f"elasticsearch {entry['elasticsearch_s']} s (count alone {entry['baseline_es_count_s']} s)"
            if "elasticsearch_s" in entry
            else "elasticsearch not measured"
        )
        print(
            f"{name:15} {entry['matches']:>7,} matches  sqlite {entry['sqlite_s']} s "
            f"(reading the window alone {entry['baseline_sqlite_read_window_s']} s)  {es}"
        )
    print(f"identical: {not report['identical_results']['mismatches']}  ->  {path}")
    return 1 if report["identical_results"]["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
