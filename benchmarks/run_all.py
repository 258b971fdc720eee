"""Run every benchmark, one after the other, and print a summary table of the latest figures.

    .venv/bin/python benchmarks/run_all.py              # all of them (the distributed one needs the services)
    .venv/bin/python benchmarks/run_all.py rules embedded polling
    .venv/bin/python benchmarks/run_all.py --summary    # only print the table from benchmarks/results/*.json

Each benchmark is its own process (so peak RSS figures are per benchmark) and writes
benchmarks/results/<name>.json; the table below is built from those files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results"
BENCHMARKS = {
    "tagger": ["bench_tagger.py"],
    "rules": ["bench_rules.py"],
    "embedded": ["bench_embedded.py"],
    "polling": ["bench_polling.py"],
    "distributed": ["bench_distributed.py"],
    "extract": ["bench_extract.py"],  # needs trafilatura, readability-lxml, resiliparse (docs/performance.md)
    "stories": ["bench_stories_pipeline.py"],
    "backtest": ["bench_backtest.py"],  # the Elasticsearch half needs the node of deploy/local/services.sh
    "dashboard": ["bench_dashboard.py"],  # likewise
}


def load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"bench_{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def rows() -> list[tuple[str, str, str, str]]:
    """(what, figure, same-run baseline, goal) per measured goal."""
    out: list[tuple[str, str, str, str]] = []
    if tagger := load("tagger"):
        t, naive = tagger["tagger"], tagger["naive_regex_baseline"]
        if "error" not in t:
            out.append(
                (
                    "tagging, one core",
                    f"{t['dispatches_per_s']:,.0f} dispatches/s",
                    f"naive regex loop {naive['dispatches_per_s']:,.0f}/s; spaCy sm {tagger['spacy_baseline']['dispatches_per_s']}/s"
                    + (" (stated)" if not tagger["spacy_baseline"]["measured"] else ""),
                    ">= 2,000/s",
                )
            )
    if rules := load("rules"):
        fast, slow = rules["presearch"], rules["baseline_every_rule"]
        same = "identical" if not rules["identical_results"]["mismatches"] else "DIFFERENT"
        out.append(
            (
                f"{rules['rules']:,} rules, one core",
                f"{fast['dispatches_per_s']:,.0f} dispatches/s",
                f"every rule {slow['dispatches_per_s']:,.0f}/s (x{rules['speedup']}), results {same}",
                ">= 2,000/s",
            )
        )
    if embedded := load("embedded"):
        full, ceiling, latency = embedded["pipeline"], embedded["baseline_processor_only"], embedded["latency"]
        out.append(
            (
                "embedded pipeline end to end",
                f"{full['dispatches_per_s']:,.0f} dispatches/s",
                f"tag+match alone {ceiling['dispatches_per_s']:,.0f}/s",
                ">= 1,000/s",
            )
        )
        out.append(
            (
                f"embedded ingest→alert p99 at {latency['rate_offered']:.0f}/s",
                f"{latency['p99_ms']} ms",
                f"p50 {latency['p50_ms']} ms",
                "<= 100 ms",
            )
        )
    if polling := load("polling"):
        unchanged, base = polling["poller"]["all_unchanged"], polling["baseline_bare_aiohttp"]
        out.append(
            (
                f"poll {polling['feeds']:,} unchanged feeds",
                f"{unchanged['cpu_s_per_1000_feeds']} CPU-s/1,000",
                f"bare aiohttp {base['cpu_s_per_1000_feeds']} CPU-s/1,000",
                "<= 1 CPU-s/1,000",
            )
        )
    if (distributed := load("distributed")) and "throughput" in distributed.get("pipeline", {}):
        pipe, kafka, es = distributed["pipeline"], distributed["ceiling_kafka_python"], distributed["ceiling_es_bulk"]
        kafka_rate = kafka.get("produce_consume_per_s", "n/a")
        out.append(
            (
                f"distributed end to end ({pipe['workers']} worker)",
                f"{pipe['throughput']['dispatches_per_s']:,.0f} dispatches/s",
                f"raw kafka-python {kafka_rate}/s, raw ES bulk {es['docs_per_s']:,.0f}/s",
                ">= 1,000/s",
            )
        )
        out.append(
            (
                f"distributed publish→searchable p99 at {pipe['latency']['rate_offered']:.0f}/s",
                f"{pipe['latency']['p99_ms'] / 1000:.1f} s",
                f"p50 {pipe['latency']['p50_ms'] / 1000:.1f} s",
                "<= 2 s",
            )
        )
    if (extract := load("extract")) and "wirewatch" in extract.get("candidates", {}):
        ours, traf = extract["candidates"]["wirewatch"], extract["candidates"].get("trafilatura", {})
        out.append(
            (
                f"article extraction, one core ({ours['pages']} pages)",
                f"{ours['pages_per_s']:,.0f} pages/s, F1 {ours['f1']} (held-out {ours['by_split']['heldout']['f1']})",
                f"trafilatura {traf.get('pages_per_s', 'n/a')} pages/s, F1 {traf.get('f1', 'n/a')}",
                "trafilatura's F1 at >= 100 pages/s",
            )
        )
    for run in (load("stories") or {}).get("runs", []):
        out.append(
            (
                f"stories in the embedded pipeline, {run['open_dispatches']:,} in the horizon ({run['workload_kind']})",
                f"{run['stories_ms_per_dispatch']} ms CPU/dispatch (+{run['overhead_percent']} %), "
                f"index {run['index_mib']} MiB",
                f"without stories {run['baseline_ms_per_dispatch']} ms",
                "<= +15 %",
            )
        )
    if backtest := load("backtest"):
        for name, entry in backtest["rules"].items():
            es = (
                f", Elasticsearch {entry['elasticsearch_s']} s (count alone {entry['baseline_es_count_s']} s)"
                if "elasticsearch_s" in entry
                else ""
            )
            out.append(
                (
                    f"rules test --since 7d over {backtest['dispatches']:,} stored ({name}, {entry['matches']:,} hits)",
                    f"SQLite {entry['sqlite_s']} s{es}",
                    f"reading the window alone {entry['baseline_sqlite_read_window_s']} s",
                    "seconds, both stores",
                )
            )
    if dashboard := load("dashboard"):
        for store, entry in dashboard["stores"].items():
            pages = ", ".join(f"{path} {ms} ms" for path, ms in entry["pages_ms"].items())
            baseline = entry.get("baseline_count_window_ms", entry.get("baseline_count_ms"))
            out.append(
                (
                    f"dashboard pages over {dashboard['dispatches']:,} dispatches ({store})",
                    pages,
                    f"counting the window {baseline} ms",
                    "<= 300 ms at 1,000,000",
                )
            )
    return out


def summary() -> str:
    table = rows()
    if not table:
        return "no results yet in benchmarks/results/"
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    header = ("what", "figure", "same-run baseline", "goal")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=False)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False))]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) for row in table]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks and summarise their results.")
    parser.add_argument("names", nargs="*", help=f"which of {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--summary", action="store_true", help="only print the table of the latest results")
    args = parser.parse_args(argv)
    if unknown := [name for name in args.names if name not in BENCHMARKS]:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    failed = []
    if not args.summary:
        for name in args.names or list(BENCHMARKS):
            print(f"\n=== {name} ===", flush=True)
            started = time.monotonic()
            code = subprocess.call([sys.executable, str(BENCH_DIR / BENCHMARKS[name][0]), *BENCHMARKS[name][1:]])
            print(f"--- {name}: exit {code} in {time.monotonic() - started:.0f} s", flush=True)
            if code:
                failed.append(name)
    print("\n" + summary())
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
