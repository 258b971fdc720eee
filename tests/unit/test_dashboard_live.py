"""The live view in both modes: inside `wirewatch run`, and alone over a store another process writes."""

import asyncio
import io
import json
import re

from tests.unit.dashboard_fixtures import fill_store
from tests.unit.test_embedded import DEMO_FEED, settings_for
from wirewatch.app.dashboard import SQLiteBackend, StoreWatcher
from wirewatch.app.runner import run_embedded
from wirewatch.events import EventBus
from wirewatch.models import Dispatch, utcnow


async def test_store_watcher_publishes_what_another_writer_stores(tmp_path):
    settings = await fill_store(tmp_path, [])
    bus = EventBus()
    backend = SQLiteBackend(settings.store.path)
    watcher = StoreWatcher(backend, bus)
    try:
        assert await watcher.step() == 0  # starts at the end: history is not replayed as live
        with bus.subscribe() as sub:
            now = utcnow()
            await fill_store(
                tmp_path,
                [
                    Dispatch(
                        id="late",
                        source="t",
                        title="Coup attempt in Turkey",
                        text="Soldiers tried a coup in Turkey.",
                        published=now,
                        fetched=now,
                    )
                ],
            )
            published = await watcher.step()
            kinds = [(await sub.get()).kind for _ in range(published)]
    finally:
        backend.close()
    assert kinds == ["dispatch", "alert", "alert"]  # "coup" and "coup in Turkey"


async def test_run_serves_the_dashboard_and_streams_alerts_as_they_fire(tmp_path, capsys):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(DEMO_FEED.read_bytes())
    settings = settings_for(tmp_path, feeds=[{"name": "world", "kind": "file", "url": str(feed), "interval": 0.2}])
    settings.server.port = 0
    stop = asyncio.Event()
    run = asyncio.create_task(run_embedded(settings, stop=stop, dashboard=True, status_stream=io.StringIO()))
    try:
        url = None
        for _ in range(200):
            found = re.search(r"dashboard on (http://\S+)", capsys.readouterr().err)
            if found:
                url = found.group(1)
                break
            await asyncio.sleep(0.05)
        assert url, "the dashboard did not start"
        import aiohttp

        async with aiohttp.ClientSession() as session:
            async with session.get(f"{url}/api/events?kinds=alert") as stream:
                await stream.content.readuntil(b"\n\n")
                # A new item appears in the feed while the stream is open.
                text = feed.read_text(encoding="utf-8").replace(
                    "<item>",
                    "<item><title>Coup plot foiled in Turkey</title><guid>live-1</guid>"
                    "<description>Turkish officials said a coup plot was foiled in Ankara, Turkey.</description>"
                    "</item><item>",
                    1,
                )
                feed.write_text(text, encoding="utf-8")
                titles = set()
                while "Coup plot foiled in Turkey" not in titles:
                    frame = (await asyncio.wait_for(stream.content.readuntil(b"\n\n"), timeout=20)).decode()
                    for line in frame.splitlines():
                        if line.startswith("data: "):
                            titles.add(json.loads(line[6:]).get("title"))
            async with session.get(f"{url}/metrics") as metrics:
                body = await metrics.text()
    finally:
        stop.set()
        await asyncio.wait_for(run, timeout=20)
    assert re.search(r"wirewatch_alerts_fired_total [1-9]", body)
    assert re.search(r'wirewatch_feed_polls_total\{outcome="ok"\} [1-9]', body)


async def test_dashboard_command_serves_a_store_and_streams_what_another_process_adds(tmp_path, capsys):
    import argparse

    import aiohttp

    from wirewatch.app.cli.dashboard import add_commands, serve
    from wirewatch.app.dashboard import AccessPolicy

    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers())
    args = parser.parse_args(["dashboard", "--port", "0"])
    assert args.port == 0 and args.handler.__name__ == "cmd_dashboard"

    settings = await fill_store(tmp_path, [])
    stop = asyncio.Event()
    task = asyncio.create_task(serve(str(settings.store.path), "127.0.0.1", 0, AccessPolicy(bind="127.0.0.1"), stop))
    try:
        url = None
        for _ in range(200):
            found = re.search(r"dashboard on (http://\S+)", capsys.readouterr().err)
            if found:
                url = found.group(1)
                break
            await asyncio.sleep(0.05)
        assert url
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{url}/api/events?kinds=alert") as stream:
                await stream.content.readuntil(b"\n\n")
                now = utcnow()
                await fill_store(
                    tmp_path,
                    [
                        Dispatch(
                            id="other",
                            source="t",
                            title="Coup bid in Turkey",
                            text="A coup bid in Turkey failed.",
                            published=now,
                            fetched=now,
                        )
                    ],
                )
                frame = (await asyncio.wait_for(stream.content.readuntil(b"\n\n"), timeout=15)).decode()
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=15)
    assert "event: alert" in frame and "Coup bid in Turkey" in frame
