"""The embedded pipeline (wirewatch.app.runner) and the commands built on it, end to end: real feeds over
HTTP, real SQLite, the real tagger."""

import asyncio
import io
import json
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

import wirewatch.app.cli.main
from tests.unit.test_store import make_dispatch
from wirewatch.app.cli.main import main
from wirewatch.app.runner import EmbeddedPipeline, run_embedded
from wirewatch.config import settings_from_dict
from wirewatch.models import Dispatch, utcnow
from wirewatch.sinks.sqlite.store import SQLiteStore

# A copy of ../shared/examples/seed-dispatch.txt, the dispatch the project started from.
SEED_TXT = Path(__file__).resolve().parents[1] / "fixtures" / "seed-dispatch.txt"
SEED_COUNTRIES = {"IR", "TR", "SY", "IQ", "YE", "PS"}
DEMO_FEED = Path(__file__).resolve().parents[2] / "wirewatch" / "demo" / "feeds" / "world-wire.rss.xml"


@pytest.fixture
def seed_path() -> Path:
    return SEED_TXT


def settings_for(tmp_path, feeds=(), rules=None, **extra):
    raw: dict[str, Any] = {
        "store": {"path": str(tmp_path / "ww.db")},
        "feeds": list(feeds),
        "rules": rules
        if rules is not None
        else [{"name": "coup", "query": "coup"}, {"name": "coup in Turkey", "query": "coup AND countries.code:TR"}],
        "delivery": {"jsonl_path": str(tmp_path / "alerts.jsonl"), "retry_base": 0.05},
        "poller": {"backoff_base": 0.1, "per_host_delay": 0},
    }
    raw.update(extra)
    for rule in raw["rules"]:
        rule.setdefault("channels", ["console", "jsonl"])
    settings, problems = settings_from_dict(raw)
    assert problems == []
    return settings


async def serve(routes) -> tuple[web.AppRunner, str]:
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, f"http://127.0.0.1:{port}"


def read_alerts(tmp_path) -> list[dict]:
    path = tmp_path / "alerts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def test_feed_over_http_to_alert_and_search(tmp_path):
    body = DEMO_FEED.read_bytes()
    hits = {"n": 0}

    async def feed(request):
        hits["n"] += 1
        return web.Response(body=body, content_type="application/rss+xml")

    runner, base = await serve([web.get("/world.xml", feed)])
    try:
        settings = settings_for(tmp_path, feeds=[{"name": "world", "url": f"{base}/world.xml"}])
        counters = await run_embedded(settings, once=True, status_stream=io.StringIO())
    finally:
        await runner.cleanup()
    assert hits["n"] == 1
    assert counters.processed == 4 and counters.failed == 0
    alerts = read_alerts(tmp_path)
    turkey = [a for a in alerts if a["rule"]["name"] == "coup in Turkey"]
    assert len(turkey) == 1
    assert set(turkey[0]["countries"]) == SEED_COUNTRIES
    assert "Iran Backs Turkish" in turkey[0]["title"]
    # the stored link is the item's link as the feed gives it (the canonical form only identifies it)
    assert turkey[0]["url"].endswith("/world/iran-backs-turkish-government?utm_source=rss")
    with SQLiteStore(settings.store.path) as store:
        found = store.search("coup AND countries.code:TR")
        assert [h.doc["title"] for h in found] == [turkey[0]["title"]]


async def test_second_poll_of_the_same_feed_adds_nothing_and_fires_nothing(tmp_path):
    settings = settings_for(tmp_path, feeds=[{"name": "demo", "kind": "file", "url": str(DEMO_FEED)}])
    first = await run_embedded(settings, once=True, status_stream=io.StringIO())
    fired = len(read_alerts(tmp_path))
    second = await run_embedded(settings, once=True, status_stream=io.StringIO())
    assert first.processed == 4 and second.processed == 0
    assert len(read_alerts(tmp_path)) == fired > 0


async def test_accepted_but_unprocessed_dispatches_are_replayed_after_a_crash(tmp_path):
    settings = settings_for(tmp_path)
    text = SEED_TXT.read_text(encoding="utf-8")
    title, body = text.split("\n", 1)
    dispatch = Dispatch(id="crash-1", source="test", title=title, text=body, published=utcnow(), fetched=utcnow())
    # Simulate a crash between accept and processing: accepted in the inbox, never completed.
    with SQLiteStore(settings.store.path) as store:
        assert store.accept(dispatch)
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    worker = asyncio.create_task(pipeline.process_forever())
    try:
        assert await pipeline.replay_pending() == 1
        await pipeline.drain()
    finally:
        worker.cancel()
        await pipeline.close()
    with SQLiteStore(settings.store.path) as store:
        assert store.get("crash-1") is not None
        assert store.pending() == []
    assert {a["rule"]["name"] for a in read_alerts(tmp_path)} == {"coup", "coup in Turkey"}


async def test_back_pressure_keeps_the_queue_bounded(tmp_path):
    settings = settings_for(tmp_path, pipeline={"queue_size": 3, "tag_batch": 2})
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    peak = 0

    async def watch():
        nonlocal peak
        while True:
            peak = max(peak, pipeline.queue.qsize())
            await asyncio.sleep(0)

    watcher = asyncio.create_task(watch())
    worker = asyncio.create_task(pipeline.process_forever())
    try:
        for i in range(20):
            d = Dispatch(
                id=f"bp-{i}",
                source="t",
                title=f"Item {i}",
                text="Turkey and Iran talk.",
                published=utcnow(),
                fetched=utcnow(),
            )
            await pipeline.accept(d)
        await pipeline.drain()
    finally:
        watcher.cancel()
        worker.cancel()
        await pipeline.close()
    assert pipeline.counters.processed == 20
    assert peak <= 3


# -- accept_many: one inbox transaction for a pushed batch, with the same guarantees as accept: dedup
# (within the batch and against earlier ones), durable before queued, replayed after a crash ------------


async def test_accept_many_dedups_persists_then_queues(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    earlier, first, second = (
        make_dispatch(k, text="Soldiers staged a coup in Ankara, Turkey.") for k in ("earlier", "first", "second")
    )
    pipeline = EmbeddedPipeline.from_settings(settings)
    try:
        assert await pipeline.accept(earlier)
        assert await pipeline.accept_many([first, earlier, second, first]) == 2
        assert (pipeline.counters.accepted, pipeline.counters.duplicates) == (3, 2)
        assert pipeline.queue.qsize() == 3
        # Durable before anything processed them: all three are pending in the inbox.
        assert {d.id for d in pipeline.store.pending()} == {earlier.id, first.id, second.id}
        assert await pipeline.accept_many([]) == 0

        worker = asyncio.create_task(pipeline.process_forever())
        try:
            await pipeline.drain()
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
        assert pipeline.counters.processed == 3
        assert pipeline.store.pending() == []
        stored = pipeline.store.get(second.id)
        assert stored is not None
        assert stored["title"] == second.title
        # the three tell one event: two rules, one story, so one alert per rule covering the three dispatches
        assert pipeline.counters.alerts == 2
        assert {alert.hits for alert in pipeline.store.alerts()} == {3}
    finally:
        await pipeline.close()


async def test_a_batch_accepted_but_never_processed_is_replayed_after_a_restart(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    batch = [make_dispatch(f"k{n}", text="Markets were calm in Paris, France.") for n in range(5)]
    crashed = EmbeddedPipeline.from_settings(settings)
    assert await crashed.accept_many(batch) == 5
    crashed.store.close()  # the process dies: nothing processed, the queue is gone

    restarted = EmbeddedPipeline.from_settings(settings)
    try:
        assert await restarted.replay_pending() == 5
        assert await restarted.accept_many(batch) == 0  # still deduplicated
        worker = asyncio.create_task(restarted.process_forever())
        try:
            await restarted.drain()
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
    finally:
        await restarted.close()
    with SQLiteStore(settings.store.path) as store:
        assert store.stats()["dispatches"] == 5
        assert store.stats()["inbox_pending"] == 0


# -- stopping the delivery loop must always stop it --------------------------------------------------
# On Python 3.11, `asyncio.wait_for(event.wait(), timeout)` returns instead of raising when the task is
# cancelled in the same loop iteration as the event is set, so a `while True` loop around it swallowed
# the cancel and `gather` at shutdown waited forever (seen in bench_embedded: alert fired, then stop).


async def test_delivery_loop_stops_when_cancelled_as_an_alert_becomes_ready(tmp_path) -> None:
    pipeline = EmbeddedPipeline.from_settings(settings_for(tmp_path), console_stream=io.StringIO())
    try:
        for _ in range(5):  # the race needs the set and the cancel in one iteration; repeat to be sure
            loop_task = asyncio.create_task(pipeline.deliver_forever(interval=30.0))
            await asyncio.sleep(0.05)  # parked in its wait for the next alert
            pipeline._alert_ready.set()
            loop_task.cancel()
            done, _ = await asyncio.wait({loop_task}, timeout=5.0)
            assert loop_task in done, "the delivery loop ignored its cancellation"
            assert loop_task.cancelled()
    finally:
        await pipeline.close()


# -- the command line ---------------------------------------------------------------------------------


def test_cli_ingest_then_search_returns_the_seed(tmp_path, seed_path, capsys):
    store = str(tmp_path / "cli.db")
    assert main(["--store", store, "ingest", str(seed_path)]) == 0
    err = capsys.readouterr().err
    assert "1 ingested" in err
    assert main(["--store", store, "search", "--json", "coup AND countries.code:TR"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 1
    assert lines[0]["title"].startswith("Iran Backs Turkish")
    assert {c["code"] for c in lines[0]["countries"]} == SEED_COUNTRIES
    # ingesting the same file again is deduplicated
    assert main(["--store", store, "ingest", str(seed_path)]) == 0
    assert "0 ingested, 1 already seen" in capsys.readouterr().err


def test_cli_ingest_reports_bad_lines_and_keeps_good_ones(tmp_path, capsys):
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(
        '{"title": "Coup attempt in Niger", "text": "Soldiers in Niger announced a coup."}\n'
        "{not json\n"
        '{"title": "Talks in Ankara", "body": "Turkey hosted talks."}\n',
        encoding="utf-8",
    )
    store = str(tmp_path / "cli.db")
    assert main(["--store", store, "ingest", str(jsonl)]) == 1
    err = capsys.readouterr().err
    assert "line 2" in err and "2 ingested" in err
    assert main(["--store", store, "search", "--json", "countries.code:NE"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


# `wirewatch ingest` accepts in chunks (one inbox transaction each): across chunk boundaries nothing is
# lost, repeats are deduplicated within a chunk, across chunks and across runs, bad lines keep their numbers.


def story(n: int) -> str:
    return json.dumps({"id": f"story-{n}", "title": f"Coup attempt number {n}", "text": f"Soldiers, story {n}."})


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wirewatch.app.cli.main, "INGEST_CHUNK", 2)


def test_chunked_ingest_keeps_every_good_line_once(tmp_path: Path, small_chunks: None, capsys) -> None:
    # Parsed: 1 1 2 3 4 3 5, in chunks [1 1] [2 3] [4 3] [5]: a repeat inside a chunk and one across.
    lines = [story(1), story(1), story(2), "{broken", story(3), story(4), story(3), story(5)]
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "cli.db"
    assert main(["--store", str(db), "ingest", str(jsonl)]) == 1
    err = capsys.readouterr().err
    assert "line 4" in err
    assert "5 ingested, 2 already seen, 1 rejected" in err
    with SQLiteStore(db) as store:
        assert store.pending() == []  # every accepted dispatch was processed
        stored = {row[0] for row in store.conn.execute("SELECT id FROM dispatches")}
        inbox = store.conn.execute("SELECT count(*) FROM inbox WHERE state = 'done'").fetchone()[0]
    assert len(stored) == 5 and inbox == 5
    # The same input again: all of it already seen, across runs.
    assert main(["--store", str(db), "ingest", str(jsonl)]) == 1
    assert "0 ingested, 7 already seen, 1 rejected" in capsys.readouterr().err


def test_cli_demo_shows_coup_alerts_for_the_seed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--demo", "--once"]) == 0
    out = capsys.readouterr().out
    seed_lines = [line for line in out.splitlines() if "Iran Backs Turkish" in line]
    assert seed_lines, out
    assert any(all(code in line for code in SEED_COUNTRIES) for line in seed_lines)
    assert (tmp_path / "wirewatch-demo.db").exists()
    # a second demo run starts fresh and shows the alerts again
    assert main(["run", "--demo", "--once"]) == 0
    assert "Iran Backs Turkish" in capsys.readouterr().out


def test_cli_tag_echoes_ids(tmp_path, capsys):
    jsonl = tmp_path / "t.jsonl"
    jsonl.write_text(
        '{"id": "a1", "title": "Iran and Turkey", "text": "Tehran said Ankara agreed."}\n', encoding="utf-8"
    )
    assert main(["tag", str(jsonl)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["id"] == "a1"
    assert {c["code"] for c in row["countries"]} == {"IR", "TR"}


def test_cli_dead_letters_lists_rejected_inputs(tmp_path, capsys):
    store_path = tmp_path / "dl.db"
    with SQLiteStore(store_path) as store:
        store.dead_letter("dispatch", '{"broken": true}', "processing failed: boom")
    assert main(["--store", str(store_path), "dead-letters", "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["kind"] == "dispatch" and row["reason"] == "processing failed: boom"
    assert row["payload"] == '{"broken": true}'
    assert main(["--store", str(store_path), "dead-letters"]) == 0
    assert "processing failed: boom" in capsys.readouterr().out
