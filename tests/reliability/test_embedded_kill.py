"""kill -9 `wirewatch run` mid-stream, with a webhook that refuses every third alert, then restart it:
every dispatch the feeds carry is stored exactly once, nothing is left pending, every alert is recorded once
per (rule, dispatch) and delivered, and the webhook sees a (rule, dispatch) twice only for a delivery that
was in flight at the kill (at-least-once delivery; receivers dedup by rule id + dispatch id)."""

from __future__ import annotations

import json
import signal
from collections import Counter
from pathlib import Path

import pytest

from tests.reliability.feeds import rss, rss_item
from tests.reliability.processes import (
    WebhookReceiver,
    last_status_count,
    query,
    static_feeds,
    wait_for,
    wirewatch,
)
from tests.support import http_server

FEEDS = 20
ITEMS = 50
COUP_EVERY = 5  # one item in five mentions a coup and fires the rule
CALM = "Ministers met in Geneva to discuss fishing quotas and customs procedures."
DELIVERY_BATCH = 100  # AlertDelivery's batch: the most deliveries one round can have in flight


def feed_bodies() -> dict[str, bytes]:
    bodies = {}
    for f in range(FEEDS):
        name = f"wire-{f}"
        items = [
            rss_item(name, n) if n % COUP_EVERY == 0 else rss_item(name, n, title=f"{name} item {n}", text=CALM)
            for n in range(ITEMS)
        ]
        bodies[f"/{name}.xml"] = rss(name, items)
    return bodies


def write_config(tmp_path: Path, feeds_base: str, hook_url: str) -> Path:
    feeds = "".join(
        f'[[feeds]]\nname = "wire-{f}"\nurl = "{feeds_base}/wire-{f}.xml"\ninterval = 3600\n' for f in range(FEEDS)
    )
    config = tmp_path / "wirewatch.toml"
    config.write_text(
        '[store]\npath = "ww.db"\n'
        "[server]\ndashboard = false\n"
        # One host serves every feed: the politeness delay spreads the polls over ~4 s, so the kill lands mid-stream.
        "[poller]\nper_host_delay = 0.2\nbackoff_base = 1\n"
        "[delivery]\nretry_base = 0.2\nretry_max = 1\n"
        f'[delivery.webhooks.hook]\nurl = "{hook_url}/alerts"\n'
        f'[[rules]]\nname = "coup"\nquery = "coup"\nchannels = ["hook"]\ngroup_by = "dispatch"\n' + feeds,
        encoding="utf-8",
    )
    return config


@pytest.mark.slow
def test_kill_9_mid_stream_then_restart_loses_nothing_and_alerts_once(tmp_path: Path) -> None:
    receiver = WebhookReceiver(fail=lambda n: n % 3 == 0)
    db = tmp_path / "ww.db"
    expected_urls = {f"https://news.example.org/wire-{f}/{n}" for f in range(FEEDS) for n in range(ITEMS)}
    expected_alerts = FEEDS * (ITEMS // COUP_EVERY)
    with http_server(static_feeds(feed_bodies())) as feeds_base, http_server(receiver.handler()) as hook_base:
        config = write_config(tmp_path, feeds_base, hook_base)
        first = wirewatch(config, "run", "--status-interval", "0.1", log=tmp_path / "first.log")
        try:
            wait_for(lambda: last_status_count(tmp_path / "first.log") >= 150, 60, "150 dispatches processed")
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        finally:
            if first.poll() is None:
                first.kill()
        assert first.returncode == -signal.SIGKILL
        at_kill = dict(
            zip(
                ("dispatches", "pending", "alerts", "undelivered"),
                query(
                    db,
                    (
                        "SELECT (SELECT count(*) FROM dispatches), (SELECT count(*) FROM inbox WHERE state = 'accepted'),"
                        " (SELECT count(*) FROM alerts), (SELECT count(*) FROM deliveries WHERE state = 'pending')"
                    ),
                )[0],
                strict=False,
            )
        )
        # The kill landed mid-stream: feeds were still being polled.
        assert at_kill["dispatches"] < FEEDS * ITEMS, at_kill
        delivered_before_restart = len(receiver.accepted)

        receiver.fail = lambda n: False  # the webhook recovers
        second = wirewatch(config, "run", "--status-interval", "0.5", log=tmp_path / "second.log")
        try:

            def settled() -> bool:
                stored, pending, undelivered = query(
                    db,
                    (
                        "SELECT (SELECT count(*) FROM dispatches), (SELECT count(*) FROM inbox WHERE state = 'accepted'),"
                        " (SELECT count(*) FROM deliveries WHERE state = 'pending')"
                    ),
                )[0]
                return stored == FEEDS * ITEMS and pending == 0 and undelivered == 0

            wait_for(settled, 90, "every dispatch stored and every alert delivered after the restart")
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=30)
        finally:
            if second.poll() is None:
                second.kill()
        assert second.returncode == 0, (tmp_path / "second.log").read_text()

    # Dispatches: each one the feeds carry, exactly once; the ledger agrees.
    docs = [json.loads(row[0]) for row in query(db, "SELECT doc FROM dispatches")]
    assert len(docs) == FEEDS * ITEMS
    assert {doc["url"] for doc in docs} == expected_urls
    assert query(db, "SELECT count(*), count(DISTINCT id) FROM inbox WHERE state = 'done'")[0] == (
        FEEDS * ITEMS,
        FEEDS * ITEMS,
    )
    # Alerts: one per (rule, dispatch), each delivered.
    assert query(db, "SELECT count(*) FROM alerts")[0][0] == expected_alerts
    assert query(db, "SELECT state, count(*) FROM deliveries GROUP BY state") == [("delivered", expected_alerts)]
    received = Counter((a["rule"]["id"], a["dispatch_id"]) for a in receiver.accepted)
    assert len(received) == expected_alerts
    duplicates = sum(received.values()) - expected_alerts
    print(
        f"\nkill -9 at {at_kill}; webhook: {delivered_before_restart} delivered before the kill, "
        f"{receiver.refused} refused, {duplicates} duplicate deliveries after the restart"
    )
    assert duplicates <= DELIVERY_BATCH
    # The restart replayed or re-polled what was cut off, and logged nothing worse than warnings.
    second_log = (tmp_path / "second.log").read_text()
    assert "Traceback" not in second_log
