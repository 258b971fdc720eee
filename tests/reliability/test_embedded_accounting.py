"""Embedded-mode accounting under awkward input: a backlog of alerts is fully delivered by one drain,
a malformed rule is reported and skipped while the others fire, and malformed or oversized pushed
dispatches are reported by line while the good ones are all stored."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.config import settings_from_dict
from wirewatch.models import Dispatch, Rule, utcnow
from wirewatch.producers.ingest import parse_ingest
from wirewatch.settings import Settings


def settings_for(tmp_path: Path, rules: list[dict]) -> Settings:
    settings, problems = settings_from_dict(
        {
            "store": {"path": str(tmp_path / "ww.db")},
            "rules": rules,
            "delivery": {"jsonl_path": str(tmp_path / "alerts.jsonl"), "retry_base": 0.05},
        }
    )
    assert problems == []
    return settings


def coup_dispatch(n: int) -> Dispatch:
    return Dispatch(
        id=f"d-{n}",
        source="push",
        title=f"Coup attempt {n} in Ankara",
        text="Troops loyal to the government put down an attempted coup.",
        published=utcnow(),
        fetched=utcnow(),
    )


async def test_one_drain_delivers_a_backlog_larger_than_a_delivery_batch(tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path, [{"name": "coup", "query": "coup", "channels": ["jsonl"], "group_by": "dispatch"}]
    )
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    count = pipeline.delivery.batch_size * 2 + 50
    try:
        for n in range(count):
            assert await pipeline.accept(coup_dispatch(n))
        pipeline.process_batch([pipeline.queue.get_nowait() for _ in range(count)])
        for _ in range(count):
            pipeline.queue.task_done()
        await pipeline.drain()
        stats = pipeline.store.stats()
    finally:
        await pipeline.close()
    assert stats["alerts"] == count and stats["pending_deliveries"] == 0
    lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["dispatch_id"] for line in lines) == sorted(f"d-{n}" for n in range(count))


async def test_a_malformed_rule_is_reported_and_skipped_while_the_others_fire(tmp_path: Path, caplog) -> None:
    caplog.set_level(logging.ERROR, logger="wirewatch.app.runner")
    settings = settings_for(
        tmp_path, [{"name": "coup", "query": "coup", "channels": ["jsonl"], "group_by": "dispatch"}]
    )
    # Rules published at runtime bypass `config check`: the matcher itself must cope.
    settings.rules.append(Rule(id="broken", name="broken", query="coup AND (countries.code:TR", channels=["jsonl"]))
    settings.rules.append(Rule(id="unknown-field", name="unknown field", query="colour:red", channels=["jsonl"]))
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    try:
        await pipeline.accept(coup_dispatch(1))
        pipeline.process_batch([pipeline.queue.get_nowait()])
        pipeline.queue.task_done()
        await pipeline.drain()
        fired = {alert.rule_id for alert in pipeline.store.alerts()}
    finally:
        await pipeline.close()
    assert fired == {"coup"}
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "rule 'broken' skipped" in messages and "rule 'unknown field' skipped" in messages


async def test_malformed_and_oversized_pushed_dispatches(tmp_path: Path) -> None:
    good = [{"id": f"ok-{n}", "title": f"Coup rumour {n}", "text": "Troops in Ankara."} for n in range(5)]
    huge_text = "Troops loyal to the government put down an attempted coup in Ankara. " * 40_000  # ~2.8 MB
    lines = [
        json.dumps(good[0]),
        "{not json",
        json.dumps(good[1]),
        json.dumps({"title": 42}),
        json.dumps({"id": "huge", "title": "A book", "text": huge_text}),
        json.dumps(good[2]),
        "[1, 2",
        json.dumps(good[3]),
        json.dumps(good[4]),
    ]
    dispatches, errors = parse_ingest("\n".join(lines))
    assert [e.line for e in errors] == [2, 4, 7]
    settings = settings_for(
        tmp_path, [{"name": "coup", "query": "coup", "channels": ["jsonl"], "group_by": "dispatch"}]
    )
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    try:
        for dispatch in dispatches:
            assert await pipeline.accept(dispatch)
        batch = [pipeline.queue.get_nowait() for _ in range(len(dispatches))]
        pipeline.process_batch(batch)
        for _ in batch:
            pipeline.queue.task_done()
        await pipeline.drain()
        stats = pipeline.store.stats()
        huge = pipeline.store.get("huge")
    finally:
        await pipeline.close()
    assert stats["dispatches"] == len(dispatches) == 6 and stats["inbox_pending"] == 0
    assert stats["alerts"] == 6 and stats["pending_deliveries"] == 0
    assert huge is not None
    print(f"\noversized pushed dispatch stored with {len(huge['text'])} characters of text")
