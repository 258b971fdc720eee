"""Hostile and broken feeds over a real local HTTP server, polled together with good feeds through the
embedded pipeline (real SQLite, real tagger). Each hostile feed gets a bounded, clear outcome (an error
counted, logged and backed off, or a sane dispatch), nothing from a good feed is lost, and good feeds are
fully processed while the slowest hostile feed is still dripping. Good-feed throughput is measured with
and without the hostile feeds in the same test and printed (see docs/RELIABILITY.md)."""

from __future__ import annotations

import asyncio
import io
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.feeds import FeedServer, feed_server, rss
from tests.reliability.hostile import GIANT_TEXT_CHARS, HostileCounters, install_hostile_routes
from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.config import settings_from_dict
from wirewatch.producers.normalise import MAX_TEXT_CHARS
from wirewatch.producers.poller import FeedPoller, PollReport

GOOD_FEEDS = 20
ITEMS_PER_FEED = 25
MB = 1024 * 1024
# How much the test process's resident memory may grow while one run is in flight (its peak over what it
# held when the run began: the process already holds what earlier tests loaded, e.g. every language's tagger
# rules). Holding a 100 MB body, or expanding an entity bomb (a billion "lol"s is 3 GB), would blow far past
# it; a 10 MB capped body parsed by feedparser fits well inside.
PEAK_GROWTH_BOUND_MB = 350


def peak_rss_kb() -> int:
    match = re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text())
    assert match is not None
    return int(match.group(1))


def current_rss_kb() -> int:
    match = re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text())
    assert match is not None
    return int(match.group(1))


def reset_peak_rss() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # Linux: resets VmHWM to the current RSS


@dataclass
class RunResult:
    report: PollReport
    poller: FeedPoller
    pipeline: EmbeddedPipeline
    good_seconds: float  # until every good dispatch was stored
    total_seconds: float
    peak_rss_mb: float  # growth over the resident memory at the run's start
    drip_done_before_good: bool
    good_stored: int

    @property
    def good_rate(self) -> float:
        return GOOD_FEEDS * ITEMS_PER_FEED / self.good_seconds


async def run_once(
    db: Path, good: FeedServer, hostile: FeedServer | None, hostile_names: list[str], counters: HostileCounters | None
) -> RunResult:
    feeds = [{"name": f"good-{i}", "url": good.url(f"/good-{i}.xml")} for i in range(GOOD_FEEDS)]
    if hostile is not None:
        feeds += [{"name": name, "url": hostile.url(f"/hostile/{name}")} for name in hostile_names]
    settings, problems = settings_from_dict(
        {
            "store": {"path": str(db)},
            "feeds": feeds,
            "rules": [{"name": "coup", "query": "coup", "channels": ["jsonl"]}],
            "delivery": {"jsonl_path": str(db.with_suffix(".alerts.jsonl"))},
            "poller": {
                "connect_timeout": 2,
                "read_timeout": 6,
                "per_host_delay": 0,
                "per_host_concurrency": 8,
                "backoff_base": 60,
            },
        }
    )
    assert problems == []
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    poller = FeedPoller(
        settings.feeds,
        settings.poller,
        pipeline.store,
        pipeline.store,
        pipeline.submit_accepted,
        metrics=pipeline.metrics,
    )
    worker = asyncio.create_task(pipeline.process_forever())
    try:
        reset_peak_rss()
        rss_at_start = current_rss_kb()
        started = time.monotonic()
        polling = asyncio.create_task(poller.poll_once(force=True))
        expected_good = GOOD_FEEDS * ITEMS_PER_FEED
        while pipeline.store._read("SELECT count(*) FROM dispatches WHERE source LIKE 'good-%'")[0][0] < expected_good:
            assert not (polling.done() and pipeline.queue.empty() and polling.exception()), polling.exception()
            await asyncio.sleep(0.02)
        good_seconds = time.monotonic() - started
        drip_done_before_good = counters is not None and counters.drip_disconnected.is_set()
        report = await asyncio.wait_for(polling, timeout=60)
        await pipeline.drain()
        total = time.monotonic() - started
        peak = (peak_rss_kb() - rss_at_start) / 1024
        good_stored = pipeline.store._read("SELECT count(*) FROM dispatches WHERE source LIKE 'good-%'")[0][0]
    finally:
        worker.cancel()
    return RunResult(report, poller, pipeline, good_seconds, total, peak, drip_done_before_good, good_stored)


@pytest.mark.slow
async def test_hostile_feeds_fail_alone_bounded_and_good_feeds_keep_flowing(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="wirewatch.producers.poller")
    async with feed_server() as good, feed_server() as hostile:
        for i in range(GOOD_FEEDS):
            good.serve(f"/good-{i}.xml", rss(f"good-{i}", ITEMS_PER_FEED))
        expected, counters = install_hostile_routes(hostile)
        names = sorted(expected)

        baseline = await run_once(tmp_path / "baseline.db", good, None, [], None)
        await baseline.pipeline.close()
        mixed = await run_once(tmp_path / "mixed.db", good, hostile, names, counters)
        store = mixed.pipeline.store
        try:
            print(
                f"\ngood-feed throughput: {baseline.good_rate:.0f} dispatches/s alone "
                f"({baseline.good_seconds:.2f}s), {mixed.good_rate:.0f} dispatches/s with {len(names)} hostile feeds "
                f"({mixed.good_seconds:.2f}s; whole poll incl. hostile timeouts {mixed.total_seconds:.2f}s); "
                f"RSS growth {baseline.peak_rss_mb:.0f} MB alone, {mixed.peak_rss_mb:.0f} MB with hostile feeds"
            )
            # Nothing of the good feeds is lost, and they were done before the slow drip was given up on.
            assert baseline.good_stored == mixed.good_stored == GOOD_FEEDS * ITEMS_PER_FEED
            assert not mixed.drip_done_before_good, "good feeds waited for the slow-drip feed"
            assert mixed.peak_rss_mb < PEAK_GROWTH_BOUND_MB and baseline.peak_rss_mb < PEAK_GROWTH_BOUND_MB

            # Every hostile feed: the expected, clear outcome; failures counted, logged and backed off.
            failing = {name for name, expect in expected.items() if expect}
            assert set(mixed.report.failed) == failing
            for name in failing:
                expect = expected[name]
                assert expect is not None  # `failing` holds the names with an expected error
                assert expect in mixed.report.failed[name], (name, mixed.report.failed[name])
                state = mixed.poller.state(name)
                assert state.status == "failing" and state.consecutive_failures == 1
                assert state.backoff_seconds >= 30  # backoff_base 60 with jitter: not retried at once
                assert any(f"feed {name} failed" in r.getMessage() for r in caplog.records), name
            failed_polls = mixed.pipeline.metrics.registry.get_sample_value(
                "wirewatch_feed_polls_total", {"outcome": "failed"}
            )
            assert failed_polls == len(failing)  # counted where /metrics exports it
            assert set(mixed.report.ok) == {n for n in names if not expected[n]} | {
                f"good-{i}" for i in range(GOOD_FEEDS)
            }
            assert mixed.report.polled == GOOD_FEEDS + len(names)

            # Bounded reads: the 100 MB body was abandoned at the 10 MB cap, the drip after the read timeout.
            assert counters.bytes_sent_100mb < 60 * MB
            assert counters.drip_bytes <= 10  # one byte a second for the 2 + 6 s budget

            docs = {row[0]: row[1] for row in store._read("SELECT source, doc FROM dispatches")}
            by_source = _by_source(store)
            # Entity bombs and XXE: never expanded, never resolved.
            for name in ("billion-laughs", "quadratic-blowup", "xxe"):
                (doc,) = by_source[name]
                assert len(doc["title"]) + len(doc["text"]) < 100_000, name
            assert "lol" * 100 not in docs["billion-laughs"]
            assert "root:" not in docs["xxe"]
            # Charsets: a lying declaration and a missing one both decode to the right text.
            assert by_source["wrong-charset"][0]["title"] == "Caf\u00e9 talks in S\u00e3o Paulo"
            assert by_source["missing-charset"][0]["title"] == "Caf\u00e9 in Gen\u00e8ve"
            # A truncated document keeps the entries before the cut, with a warning on the feed.
            assert 1 <= len(by_source["truncated"]) <= 3
            assert mixed.poller.state("truncated").last_warning
            # A book-sized single entry is stored, cut to the text cap and marked.
            (giant,) = by_source["giant-entry"]
            assert GIANT_TEXT_CHARS > MAX_TEXT_CHARS >= len(giant["text"]) > MAX_TEXT_CHARS - 1000
            assert giant["hints"]["truncated"] == "text"
            # No guid/link/date: kept with an estimated date; an item with nothing but a date is skipped.
            assert len(by_source["bare-entries"]) == 2
            assert all(d["published_estimated"] for d in by_source["bare-entries"])
            # The same guid listed four times is one dispatch.
            assert len(by_source["duplicate-guids"]) == 1
            # Dates far in the future fall back to the fetch time.
            assert len(by_source["future-dates"]) == 2
            assert all(d["published_estimated"] and d["published"] == d["fetched"] for d in by_source["future-dates"])

            # The pipeline's own accounting: everything accepted was stored, nothing left pending.
            stats = store.stats()
            assert stats["inbox_pending"] == 0
            assert stats["dispatches"] == mixed.pipeline.counters.accepted == mixed.pipeline.counters.processed
        finally:
            await mixed.pipeline.close()


def _by_source(store) -> dict[str, list[dict]]:
    import json

    grouped: dict[str, list[dict]] = {}
    for source, doc in store._read("SELECT source, doc FROM dispatches"):
        grouped.setdefault(source, []).append(json.loads(doc))
    return grouped
