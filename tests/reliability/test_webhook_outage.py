"""A webhook that answers 500 to everything for a minute, while alerts keep firing: nothing is lost, the
dead endpoint is not hammered (its retries back off), the other channel is not held up, and once the
endpoint recovers every alert reaches it exactly once. Real embedded pipeline, real SQLite, a real
HTTP receiver on 127.0.0.1; WIREWATCH_WEBHOOK_OUTAGE_SECONDS shortens the outage for a local run."""

from __future__ import annotations

import asyncio
import io
import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.reliability.processes import WebhookReceiver
from tests.support import http_server
from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.config import settings_from_dict
from wirewatch.models import Dispatch, utcnow

OUTAGE_SECONDS = float(os.environ.get("WIREWATCH_WEBHOOK_OUTAGE_SECONDS", "60"))
RETRY_BASE, RETRY_MAX = 1.0, 8.0


def coup(n: int) -> Dispatch:
    return Dispatch(
        id=f"w-{n}",
        source="push",
        title=f"Coup attempt {n} in Ankara",
        text="Troops loyal to the government put down an attempted coup.",
        published=utcnow(),
        fetched=utcnow(),
    )


async def accept_and_process(pipeline: EmbeddedPipeline, numbers: range) -> None:
    for n in numbers:
        assert await pipeline.accept(coup(n))
    await pipeline.queue.join()


@pytest.mark.slow
@pytest.mark.timeout(OUTAGE_SECONDS + 120)
async def test_a_minute_of_webhook_errors_loses_nothing_and_delivers_each_alert_once(tmp_path: Path) -> None:
    outage_ends = time.monotonic() + OUTAGE_SECONDS
    receiver = WebhookReceiver(fail=lambda n: time.monotonic() < outage_ends)
    with http_server(receiver.handler()) as hook:
        settings, problems = settings_from_dict(
            {
                "store": {"path": str(tmp_path / "ww.db")},
                "rules": [{"name": "coup", "query": "coup", "channels": ["hook", "jsonl"], "group_by": "dispatch"}],
                "delivery": {
                    "jsonl_path": str(tmp_path / "alerts.jsonl"),
                    "retry_base": RETRY_BASE,
                    "retry_max": RETRY_MAX,
                    "webhooks": {"hook": {"url": f"{hook}/alerts", "timeout": 2}},
                },
            }
        )
        assert problems == []
        pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
        workers = [
            asyncio.create_task(pipeline.process_forever()),
            asyncio.create_task(pipeline.deliver_forever(interval=0.2)),
        ]
        try:
            await accept_and_process(pipeline, range(0, 100))
            await asyncio.sleep(OUTAGE_SECONDS / 2)
            await accept_and_process(pipeline, range(100, 150))  # alerts keep firing during the outage
            await asyncio.sleep(max(0.0, outage_ends - time.monotonic()))
            requests_during_outage = receiver.requests
            jsonl_during_outage = len((tmp_path / "alerts.jsonl").read_text().splitlines())
            deadline = time.monotonic() + RETRY_MAX * 4 + 30
            while pipeline.store.stats()["pending_deliveries"] and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            stats = pipeline.store.stats()
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            await pipeline.close()

    received = Counter(alert["dispatch_id"] for alert in receiver.accepted)
    print(
        f"\nwebhook outage {OUTAGE_SECONDS:.0f}s: {requests_during_outage} requests during it "
        f"({receiver.refused} refused in all), then {len(receiver.accepted)} delivered"
    )
    assert stats["alerts"] == 150 and stats["pending_deliveries"] == 0
    assert received == Counter({f"w-{n}": 1 for n in range(150)})  # each alert exactly once
    # The dead endpoint was retried with backoff (about one request per RETRY_MAX at worst), not once per alert.
    assert requests_during_outage <= OUTAGE_SECONDS / RETRY_BASE + 5
    # The healthy channel was not held up by the failing one.
    assert jsonl_during_outage == 150
    jsonl = Counter(json.loads(line)["dispatch_id"] for line in (tmp_path / "alerts.jsonl").read_text().splitlines())
    assert jsonl == received
