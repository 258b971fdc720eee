"""Bounded load: 1,000 feeds served locally, every dispatch through the embedded pipeline (`wirewatch run
--once` as a real process), peak RSS measured for that process and bounded, and nothing lost: every item
the feeds carry is accepted, stored once and completed; every alert recorded and delivered.

CI runs 1,000 feeds x 20 items (20,000 dispatches); WIREWATCH_LOAD_ITEMS=100 runs the issue's full
100,000 (about four minutes on two shared cores; see docs/RELIABILITY.md for the measured numbers)."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from tests.reliability.feeds import rss, rss_item
from tests.reliability.processes import query, static_feeds, wirewatch
from tests.support import http_server

FEEDS = 1000
ITEMS = int(os.environ.get("WIREWATCH_LOAD_ITEMS", "20"))
COUP_EVERY = 10
CALM = "Ministers met in Geneva to discuss fishing quotas, customs procedures and rail links with Austria."
# The pipeline holds a bounded queue (1,000 dispatches) and at most total_concurrency (50) parsed feeds, so
# memory follows the size of a feed, not the number of dispatches. Measured: 123 MB at 20 items per feed
# (20,000 dispatches), 321 MB at 100 items per feed (100,000 dispatches).
PEAK_RSS_BOUND_MB = 450


def vm_hwm_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # exited between poll() and the read
        return 0
    found = re.search(r"VmHWM:\s+(\d+)", status)
    return int(found.group(1)) if found else 0


def feed_bodies() -> dict[str, bytes]:
    bodies = {}
    for f in range(FEEDS):
        name = f"load-{f}"
        items = [
            rss_item(name, n) if n % COUP_EVERY == 0 else rss_item(name, n, title=f"{name} item {n}", text=CALM)
            for n in range(ITEMS)
        ]
        bodies[f"/{name}.xml"] = rss(name, items)
    return bodies


@pytest.mark.slow
def test_thousand_feeds_through_the_embedded_pipeline_with_bounded_memory_and_nothing_lost(tmp_path: Path) -> None:
    total = FEEDS * ITEMS
    alerts_expected = FEEDS * len(range(0, ITEMS, COUP_EVERY))
    with http_server(static_feeds(feed_bodies())) as base:
        feeds = "".join(f'[[feeds]]\nname = "load-{f}"\nurl = "{base}/load-{f}.xml"\n' for f in range(FEEDS))
        config = tmp_path / "wirewatch.toml"
        config.write_text(
            '[store]\npath = "ww.db"\n[server]\ndashboard = false\n'
            # Every feed is on one local host: no politeness delay, more parallel requests than the default.
            "[poller]\nper_host_delay = 0\nper_host_concurrency = 16\n"
            '[delivery]\njsonl_path = "alerts.jsonl"\n'
            '[[rules]]\nname = "coup"\nquery = "coup"\nchannels = ["jsonl"]\ngroup_by = "dispatch"\n' + feeds,
            encoding="utf-8",
        )
        log = tmp_path / "run.log"
        started = time.monotonic()
        proc = wirewatch(config, "run", "--once", log=log)
        peak_kb = 0
        try:
            # VmHWM of the running process: its own high-water mark since exec. (A child's ru_maxrss would
            # also count the pytest process it was forked from.)
            while proc.poll() is None and time.monotonic() - started < 600:
                peak_kb = max(peak_kb, vm_hwm_kb(proc.pid))
                time.sleep(0.1)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        elapsed = time.monotonic() - started
    output = log.read_text(encoding="utf-8")
    assert proc.returncode == 0, output[-3000:]
    peak_mb = peak_kb / 1024
    db = tmp_path / "ww.db"
    stored, done, pending, alerts, undelivered, dead = query(
        db,
        (
            "SELECT (SELECT count(*) FROM dispatches), (SELECT count(*) FROM inbox WHERE state = 'done'),"
            " (SELECT count(*) FROM inbox WHERE state = 'accepted'), (SELECT count(*) FROM alerts),"
            " (SELECT count(*) FROM deliveries WHERE state = 'pending'), (SELECT count(*) FROM dead_letters)"
        ),
    )[0]
    delivered_lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    print(
        f"\nload: {FEEDS} feeds, {total} dispatches in {elapsed:.1f}s ({total / elapsed:.0f}/s end to end), "
        f"peak RSS {peak_mb:.0f} MB, {alerts} alerts"
    )

    assert re.search(rf"feeds {FEEDS} ok / 0 failing · dispatches {total} ", output), output[-2000:]
    assert stored == done == total and pending == 0 and dead == 0
    assert query(db, "SELECT count(DISTINCT json_extract(doc, '$.url')) FROM dispatches")[0][0] == total
    assert alerts == alerts_expected and undelivered == 0
    assert len({json.loads(line)["dispatch_id"] for line in delivered_lines}) == len(delivered_lines) == alerts
    assert peak_mb < PEAK_RSS_BOUND_MB
