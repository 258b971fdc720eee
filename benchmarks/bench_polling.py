"""Feed polling cost: 5,000 feeds served locally, most answering 304 Not Modified.

    .venv/bin/python benchmarks/bench_polling.py [--feeds 5000] [--changed 0.05] [--concurrency 50]

- a server process on 127.0.0.1 (pinned to another core when there is one) serves --feeds RSS feeds of 5
  items each, with an ETag; a request carrying the current ETag gets 304; between cycles a --changed share
  of the feeds gains a new item and a new ETag;
- the poller (`FeedPoller.poll_once(force=True)`, the real fetch → parse → normalise → dedup → emit path,
  SQLite inbox and feed-state store in a temporary directory) runs pinned to one core; its process CPU
  seconds are measured per cycle (the server's CPU is in the other process and not counted);
- cycles: 1 = first poll (every feed 200, all items new); 2 = every feed unchanged (all 304);
  3 = realistic (--changed share changed, the rest 304);
- baseline, same run: bare aiohttp conditional GETs of the same URLs with the same concurrency and ETags,
  nothing parsed or stored: the floor an HTTP poller cannot go below.
Politeness is off for the benchmark (per-host delay 0, per-host concurrency = --concurrency): all feeds
share one local host here, where real feeds are spread over thousands of hosts.
Goal: one poll cycle costs <= 1 CPU-second per 1,000 unchanged feeds.
Writes benchmarks/results/bench_polling.json.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import sys
import tempfile
import time
from email.utils import format_datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.workload import (
    EPOCH,
    Stopwatch,
    gold_texts,
    load_average,
    peak_rss_mib,
    pin_to_one_cpu,
    write_result,
)
from wirewatch.models import Dispatch
from wirewatch.settings import FeedConfig, PollerSettings

ITEMS_PER_FEED = 5  # the first poll parses every item (feedparser, ~0.5 ms each): keeps the run short


# --- the feed server (a separate process) ---------------------------------------------------------


def feed_xml(feed: int, version: int, texts: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed whose newest item number is `version` + ITEMS_PER_FEED."""
    items = []
    for number in range(version + ITEMS_PER_FEED, version, -1):
        title, text = texts[(feed * 7 + number) % len(texts)]
        summary = text[:600].replace("&", "&amp;").replace("<", "&lt;")
        published = format_datetime(EPOCH.replace(minute=number % 60))
        items.append(
            f"<item><title>{title.replace('&', '&amp;').replace('<', '&lt;')}</title>"
            f"<link>http://127.0.0.1/feed/{feed}/item/{number}</link><guid>feed-{feed}-item-{number}</guid>"
            f"<pubDate>{published}</pubDate><description>{summary}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"<link>http://127.0.0.1/feed/{feed}</link><description>bench</description>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def serve(sock: socket.socket, feeds: int, cpu: int | None, commands: Any) -> None:
    """Serve the feeds on an already-bound socket; `commands` receives ("change", share) or ("stop",)."""
    from aiohttp import web

    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    texts = [(title, text) for title, text, _, _ in gold_texts(120)]
    versions = [0] * feeds
    bodies: dict[int, bytes] = {}

    async def handle(request: web.Request) -> web.StreamResponse:
        feed = int(request.match_info["feed"])
        if not 0 <= feed < feeds:
            raise web.HTTPNotFound()
        etag = f'"{feed}-{versions[feed]}"'
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag})
        body = bodies.get(feed)
        if body is None:
            body = bodies[feed] = feed_xml(feed, versions[feed], texts)
        return web.Response(body=body, content_type="application/rss+xml", headers={"ETag": etag})

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feed/{feed}.xml", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.SockSite(runner, sock)
        await site.start()
        loop = asyncio.get_running_loop()
        while True:
            command = await loop.run_in_executor(None, commands.recv)
            if command[0] == "stop":
                break
            step = max(1, round(1 / command[1])) if command[1] > 0 else 0
            for feed in range(0, feeds, step or feeds + 1):
                versions[feed] += 1
                bodies.pop(feed, None)
            commands.send(("changed", len(range(0, feeds, step)) if step else 0))
        await runner.cleanup()

    asyncio.run(main())


class FeedServer:
    def __init__(self, feeds: int, cpu: int | None) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1024)
        self.port = self.sock.getsockname()[1]
        self.commands, child_end = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=serve, args=(self.sock, feeds, cpu, child_end), daemon=True
        )
        self.process.start()

    def change(self, share: float) -> int:
        self.commands.send(("change", share))
        return self.commands.recv()[1]

    def stop(self) -> None:
        self.commands.send(("stop",))
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.terminate()
        self.sock.close()


# --- the poller and the baseline --------------------------------------------------------------------


async def poll_cycle(poller) -> tuple[Any, Stopwatch]:
    with Stopwatch() as watch:
        report = await poller.poll_once(force=True)
    return report, watch


async def run_poller(
    urls: list[str], concurrency: int, server: FeedServer, changed: float, workdir: Path
) -> dict[str, Any]:
    from wirewatch.producers.poller import FeedPoller
    from wirewatch.sinks.sqlite.store import SQLiteStore

    settings = PollerSettings(
        per_host_delay=0.0,
        per_host_concurrency=concurrency,
        total_concurrency=concurrency,
        max_items_per_feed=ITEMS_PER_FEED * 2,
    )
    feeds = [FeedConfig(name=f"feed-{i}", url=url, interval=60) for i, url in enumerate(urls)]
    emitted = 0

    async def emit(dispatch: Dispatch) -> None:
        nonlocal emitted
        emitted += 1

    store = SQLiteStore(workdir / "poller.db")
    poller = FeedPoller(feeds, settings, store, store, emit)
    cycles: dict[str, Any] = {}
    try:
        async with poller._http_session():
            for name, share in (("first_poll", None), ("all_unchanged", 0.0), ("realistic", changed)):
                changed_feeds = server.change(share) if share else 0
                before = emitted
                report, watch = await poll_cycle(poller)
                unchanged = len(report.not_modified)
                cycles[name] = {
                    "feeds": report.polled,
                    "not_modified": unchanged,
                    "fetched": len(report.ok),
                    "failed": len(report.failed),
                    "changed_on_server": changed_feeds,
                    "new_dispatches": emitted - before,
                    "wall_s": round(watch.wall, 3),
                    "cpu_s": round(watch.cpu, 3),
                    "cpu_s_per_1000_feeds": round(watch.cpu / report.polled * 1000, 3),
                }
                if report.failed:
                    cycles[name]["first_failure"] = next(iter(report.failed.items()))
    finally:
        store.close()
    return cycles


async def run_baseline(urls: list[str], concurrency: int) -> dict[str, Any]:
    """Bare aiohttp: GET every URL with the ETag it returned last time, as a minimal poller would."""
    import aiohttp

    etags: dict[str, str] = {}
    limit = asyncio.Semaphore(concurrency)

    async def get(session: aiohttp.ClientSession, url: str) -> int:
        headers = {"If-None-Match": etags[url]} if url in etags else {}
        async with limit, session.get(url, headers=headers) as response:
            await response.read()
            if "ETag" in response.headers:
                etags[url] = response.headers["ETag"]
            return response.status

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(get(session, url) for url in urls))  # learn the ETags
        with Stopwatch() as watch:
            statuses = await asyncio.gather(*(get(session, url) for url in urls))
    return {
        "feeds": len(urls),
        "not_modified": statuses.count(304),
        "wall_s": round(watch.wall, 3),
        "cpu_s": round(watch.cpu, 3),
        "cpu_s_per_1000_feeds": round(watch.cpu / len(urls) * 1000, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Poll cost of thousands of mostly-unchanged feeds.")
    parser.add_argument("--feeds", type=int, default=5000)
    parser.add_argument("--changed", type=float, default=0.05, help="share of feeds changed in the realistic cycle")
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args(argv)

    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    server = FeedServer(args.feeds, cpus[-1] if len(cpus) > 1 else None)
    cpu = pin_to_one_cpu()
    load_start = load_average()
    urls = [f"http://127.0.0.1:{server.port}/feed/{i}.xml" for i in range(args.feeds)]
    try:
        time.sleep(0.5)
        baseline = asyncio.run(run_baseline(urls, args.concurrency))
        with tempfile.TemporaryDirectory(prefix="wirewatch-bench-") as tmp:
            cycles = asyncio.run(run_poller(urls, args.concurrency, server, args.changed, Path(tmp)))
    finally:
        server.stop()
    unchanged = cycles["all_unchanged"]
    report: dict[str, Any] = {
        "cpu": cpu,
        "server_cpu": cpus[-1] if len(cpus) > 1 else None,
        "load_average_start": load_start,
        "feeds": args.feeds,
        "concurrency": args.concurrency,
        "items_per_feed": ITEMS_PER_FEED,
        "poller": cycles,
        "baseline_bare_aiohttp": baseline,
        "overhead_vs_baseline": round(unchanged["cpu_s"] / baseline["cpu_s"], 2) if baseline["cpu_s"] else None,
        "goal_cpu_s_per_1000_unchanged": 1.0,
        "goal_met": unchanged["cpu_s_per_1000_feeds"] <= 1.0 and not unchanged["failed"],
        "peak_rss_mib": peak_rss_mib(),
    }
    print(format_report(report))
    print(f"written {write_result('bench_polling', report)}")
    return 0 if not any(c["failed"] for c in cycles.values()) else 1


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"{report['feeds']:,} local feeds, concurrency {report['concurrency']}, poller on CPU {report['cpu']}, "
        f"server on CPU {report['server_cpu']}, load {report['load_average_start']}",
        f"{'cycle':<34}{'304s':>7}{'200s':>7}{'new':>7}{'wall s':>9}{'CPU s':>8}{'CPU s/1000 feeds':>18}",
    ]
    for name, cycle in report["poller"].items():
        lines.append(
            f"{'poller: ' + name:<34}{cycle['not_modified']:>7}{cycle['fetched']:>7}"
            f"{cycle['new_dispatches']:>7}{cycle['wall_s']:>9.2f}{cycle['cpu_s']:>8.2f}"
            f"{cycle['cpu_s_per_1000_feeds']:>18.3f}"
        )
        if cycle["failed"]:
            lines.append(f"  {cycle['failed']} failed, e.g. {cycle['first_failure']}")
    base = report["baseline_bare_aiohttp"]
    lines.append(
        f"{'baseline: bare aiohttp, all 304':<34}{base['not_modified']:>7}{0:>7}{0:>7}{base['wall_s']:>9.2f}"
        f"{base['cpu_s']:>8.2f}{base['cpu_s_per_1000_feeds']:>18.3f}"
    )
    lines.append(
        f"poller/baseline CPU on unchanged feeds: x{report['overhead_vs_baseline']}; goal <= 1 CPU-s per "
        f"1,000 unchanged feeds: {'met' if report['goal_met'] else 'NOT met'}; peak RSS {report['peak_rss_mib']} MiB"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
