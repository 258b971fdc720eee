"""Make docs/dashboard.png, docs/map.png and docs/country.png: the dashboard over the bundled demo data, in
Debian's chromium (the world map, and the page of the country the demo mentions most).

    .venv/bin/python -m tests.browser.readme_screenshot

Polls the demo feeds into a temporary store (plus a feed whose file is missing,
so the health table shows a failure), opens the dashboard, then polls one more
sample feed (the test fixture "World Desk") while the page is open, so the live
stream has just delivered its dispatches and alerts (highlighted rows) when the
picture is taken.
"""

from __future__ import annotations

import asyncio
import io
import tempfile
from pathlib import Path

from playwright.async_api import async_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from wirewatch.app.cli.common import DEMO_DIR
from wirewatch.app.components import load_settings
from wirewatch.app.dashboard import AccessPolicy, DashboardServer, SQLiteBackend, create_app
from wirewatch.app.runner import EmbeddedPipeline, run_embedded
from wirewatch.producers.poller import FeedPoller
from wirewatch.settings import FeedConfig

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "dashboard.png"
MAP_OUT = ROOT / "docs" / "map.png"
COUNTRY_OUT = ROOT / "docs" / "country.png"
LIVE_FEED = ROOT / "tests" / "fixtures" / "feeds" / "world-rss.xml"


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(DEMO_DIR / "demo.toml")
        settings.store.path = Path(tmp) / "demo.db"
        live_feeds = [FeedConfig(name="world-desk", kind="file", url=str(LIVE_FEED))]
        settings.feeds.append(FeedConfig(name="regional-desk", kind="file", url=str(Path(tmp) / "missing.xml")))
        await run_embedded(settings, once=True, status_stream=io.StringIO())

        pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
        backend = SQLiteBackend(settings.store.path)
        server = DashboardServer(
            create_app(backend, bus=pipeline.events, metrics=pipeline.metrics, policy=AccessPolicy(bind="127.0.0.1")),
            "127.0.0.1",
            0,
        )
        url = await server.start()
        worker = asyncio.create_task(pipeline.process_forever())
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = await browser.new_page(viewport={"width": 1360, "height": 900})
                await page.goto(f"{url}/?period=all")
                await page.wait_for_selector("#live-status.on")
                poller = FeedPoller(
                    live_feeds,
                    settings.poller,
                    pipeline.store,
                    pipeline.store,
                    pipeline.submit_accepted,
                    metrics=pipeline.metrics,
                )
                await poller.poll_once(force=True)
                await page.locator("#alerts tr.fresh").first.wait_for(timeout=10_000)
                OUT.parent.mkdir(exist_ok=True)
                await page.screenshot(path=str(OUT), full_page=True)
                await page.locator("#map").screenshot(path=str(MAP_OUT))
                top = backend.top_entities("countries", 0, 4e9, 1)[0].detail
                await page.goto(f"{url}/country/{top}?period=all")
                await page.screenshot(path=str(COUNTRY_OUT), full_page=True)
                await browser.close()
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
            await server.stop()
            backend.close()
            await pipeline.close()
    print(f"wrote {OUT}, {MAP_OUT}, {COUNTRY_OUT}")


if __name__ == "__main__":
    asyncio.run(main())
