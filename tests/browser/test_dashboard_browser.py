"""The dashboard in a real browser: live alerts over SSE, and hostile feed text staying text."""

from __future__ import annotations

import asyncio
import io
from contextlib import asynccontextmanager
from datetime import timedelta

from tests.unit.dashboard_fixtures import (
    FLOOD_STORY,
    HOSTILE_STORY_TITLE,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    fill_store,
    flood_copies,
    pipeline_settings,
    sample_dispatches,
)
from wirewatch.app.dashboard import AccessPolicy, DashboardServer, SQLiteBackend, create_app
from wirewatch.app.runner import EmbeddedPipeline
from wirewatch.models import Dispatch, utcnow

LIVE_WAIT_MS = 10_000  # "within seconds"


@asynccontextmanager
async def live_pipeline_with_dashboard(tmp_path, extra_rules=None):
    """The embedded pipeline and its dashboard in this event loop, as `wirewatch run` wires them."""
    settings = pipeline_settings(tmp_path, extra_rules)
    pipeline = EmbeddedPipeline.from_settings(settings, console_stream=io.StringIO())
    backend = SQLiteBackend(settings.store.path)
    app = create_app(backend, bus=pipeline.events, metrics=pipeline.metrics, policy=AccessPolicy(bind="127.0.0.1"))
    server = DashboardServer(app, "127.0.0.1", 0)
    url = await server.start()
    worker = asyncio.create_task(pipeline.process_forever())
    try:
        yield pipeline, url
    finally:
        worker.cancel()
        await asyncio.gather(worker, return_exceptions=True)
        await server.stop()
        backend.close()
        await pipeline.close()


async def open_page(browser, url):
    page = await browser.new_page(viewport={"width": 1360, "height": 1000})
    dialogs: list[str] = []
    errors: list[str] = []
    dismissals: list[asyncio.Future] = []  # a task nothing refers to may be collected

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dismissals.append(asyncio.ensure_future(dialog.dismiss()))

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    await page.goto(url)
    return page, dialogs, errors


async def test_an_ingested_dispatch_shows_up_as_an_alert_within_seconds(tmp_path, browser, artifacts):
    async with live_pipeline_with_dashboard(tmp_path) as (pipeline, url):
        page, dialogs, errors = await open_page(browser, url)
        await page.wait_for_selector("#live-status.on", timeout=LIVE_WAIT_MS)
        assert await page.locator("#alerts tr").count() == 0
        now = utcnow()
        await pipeline.accept(
            Dispatch(
                id="live-coup",
                source="wire",
                title="Army officers attempt coup in Turkey",
                text="Army officers attempted a coup in Ankara, Turkey, overnight; the government said it was foiled.",
                published=now,
                fetched=now,
            )
        )
        row = page.locator("#alerts tr", has_text="Army officers attempt coup in Turkey")
        await row.first.wait_for(timeout=LIVE_WAIT_MS)
        assert await row.count() == 2  # "coup" and "coup in Turkey"
        await page.locator("#latest li[data-id=live-coup] mark.m-country", has_text="Turkey").first.wait_for(
            timeout=LIVE_WAIT_MS
        )
        await page.screenshot(path=str(artifacts / "live-alert.png"), full_page=True)
        assert dialogs == [] and errors == []


async def test_hostile_feed_text_is_rendered_as_text_and_runs_nothing(tmp_path, browser, artifacts):
    await fill_store(tmp_path)  # the stored hostile dispatch: server-rendered path
    # The live copy joins the stored hostile dispatch's story, whose "coup" alerts exist already (grouped by
    # story, they grow without firing again): a rule grouping by dispatch fires a new alert for it.
    each = [{"name": "coup each", "query": "coup", "group_by": "dispatch"}]
    async with live_pipeline_with_dashboard(tmp_path, each) as (pipeline, url):
        page, dialogs, errors = await open_page(browser, url)
        await page.wait_for_selector("#live-status.on", timeout=LIVE_WAIT_MS)
        # ... and a second hostile dispatch arriving live: the script-built DOM path.
        now = utcnow()
        await pipeline.accept(
            Dispatch(
                id="hostile-live",
                source="evil-feed",
                title=HOSTILE_TITLE + " (live)",
                text=HOSTILE_TEXT,
                published=now - timedelta(minutes=1),
                fetched=now,
                url="javascript:alert(2)",
            )
        )
        live_item = page.locator("#latest li[data-id=hostile-live]")
        await live_item.wait_for(timeout=LIVE_WAIT_MS)
        await page.locator("#alerts tr", has_text="(live)").first.wait_for(timeout=LIVE_WAIT_MS)
        await asyncio.sleep(0.5)  # give any injected handler a chance to run (it must not)

        for item in (page.locator("#latest li[data-id=hostile]"), live_item):
            title = await item.locator(".title").inner_text()
            assert "<script>window.__pwned = 1</script>" in title
            assert '<img src=x onerror="window.__pwned=2">' in title
            assert await item.locator("script, img, b").count() == 0
        alert_text = await page.locator("#alerts").inner_text()
        assert "<script>window.__pwned = 1</script>" in alert_text
        assert await page.locator("#alerts script, #alerts img").count() == 0
        assert await page.evaluate("typeof window.__pwned") == "undefined"
        await page.screenshot(path=str(artifacts / "hostile-overview.png"), full_page=True)

        await page.goto(f"{url}/dispatch/hostile")
        body = await page.locator(".dispatch-full").inner_text()
        assert '<b onmouseover="alert(1)">bold</b>' in body and '<script>alert("x")</script>' in body
        await page.locator(".dispatch-full .text").hover()
        assert await page.locator(".dispatch-full a[href^='javascript']").count() == 0
        await page.screenshot(path=str(artifacts / "hostile-dispatch.png"), full_page=True)

        await page.goto(f"{url}/search?q=coup")
        assert "<script>window.__pwned = 1</script>" in await page.locator("ul.results").inner_text()
        await page.screenshot(path=str(artifacts / "hostile-search.png"), full_page=True)
        assert await page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == [] and errors == []


async def test_a_story_opens_from_the_timeline_and_from_its_alert_and_runs_nothing(tmp_path, browser, artifacts):
    """The overview's stories timeline and the story page, server-rendered with inline SVG under the strict CSP:
    hostile titles stay text, no script error, no dialog."""
    await fill_store(tmp_path, sample_dispatches() + flood_copies())
    async with live_pipeline_with_dashboard(tmp_path) as (_pipeline, url):
        page, dialogs, errors = await open_page(browser, url)
        violations: list[str] = []
        page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
        await page.wait_for_selector("#live-status.on", timeout=LIVE_WAIT_MS)
        flood = page.locator(f"#stories li.story[data-id='{FLOOD_STORY}']")
        assert HOSTILE_STORY_TITLE in await flood.locator(".title").inner_text()
        assert await flood.locator(".badge.breaking").count() == 1
        assert await flood.locator("svg.spark rect.bar").count() >= 1
        assert await page.locator("#stories script, #stories img").count() == 0
        await page.screenshot(path=str(artifacts / "stories-overview.png"), full_page=True)

        await flood.locator(".title a").click()
        await page.wait_for_url(f"**/stories/{FLOOD_STORY}")
        story = page.locator(".story-full")
        assert HOSTILE_STORY_TITLE in await story.locator("h1").inner_text()
        assert await story.locator("svg.growth rect.bar").count() >= 1
        assert await page.locator("table.members tbody tr").count() == 5
        assert await page.locator("a[href^='javascript']").count() == 0  # the copy with a javascript: link
        assert await page.locator("main script, main img").count() == 0
        await page.screenshot(path=str(artifacts / "story-page.png"), full_page=True)

        await page.goto(url)
        await page.locator("#alerts tr[data-key='coup:s-seed'] .reach a").click()
        await page.wait_for_url("**/stories/s-seed")
        assert "2 dispatches · 2 sources" in await page.locator("table.alerts").inner_text()
        assert HOSTILE_TITLE in await page.locator(".story-full").inner_text()  # the latest title, as text
        assert await page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == [] and errors == [] and violations == []


async def test_feeds_are_added_from_a_site_and_paused_from_the_page(tmp_path, browser, artifacts):
    """`wirewatch run` with its dashboard: a site with two feeds is added from the form (choose one), the feed
    is polled without a restart, then paused; feed titles stay text."""
    from aiohttp import web

    from tests.support import free_port
    from wirewatch.app.runner import run_embedded
    from wirewatch.settings import Settings, StoreSettings

    hostile_title = "<img src=x onerror=window.__pwned=3> Desk"
    pages = {
        "/": (
            "text/html",
            "<html><head>"
            f"<link rel='alternate' type='application/rss+xml' title='{hostile_title}' href='/world.xml'>"
            "<link rel='alternate' type='application/rss+xml' title='Sport' href='/sport.xml'></head></html>",
        ),
        "/world.xml": (
            "application/rss+xml",
            "<rss version='2.0'><channel><title>World</title><item><title>Talks resume in Geneva</title>"
            "<guid>urn:browser:1</guid><description>Delegations met again.</description></item></channel></rss>",
        ),
    }

    async def handle(request):
        if request.path not in pages:
            return web.Response(status=404)
        content_type, body = pages[request.path]
        return web.Response(text=body, content_type=content_type)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    settings = Settings(store=StoreSettings(path=tmp_path / "ww.db"))
    settings.server.port = free_port()
    settings.poller.per_host_delay = 0.0
    stop = asyncio.Event()
    running = asyncio.create_task(run_embedded(settings, status_interval=60, status_stream=io.StringIO(), stop=stop))
    url = f"http://127.0.0.1:{settings.server.port}"
    try:
        for _ in range(100):  # the dashboard starts with the pipeline
            try:
                page, dialogs, errors = await open_page(browser, url)
                break
            except Exception:
                await asyncio.sleep(0.1)
        await page.fill("form.add-feed input[name=url]", base + "/")
        await page.fill("form.add-feed input[name=tags]", "world")
        await page.click("form.add-feed button")
        choice = page.locator("ul.feed-choices li", has_text="/world.xml")
        await choice.wait_for(timeout=LIVE_WAIT_MS)
        assert "<img src=x onerror=window.__pwned=3>" in await choice.inner_text()  # a title shown as text
        await choice.locator("button").click()
        row = page.locator("table.feeds tr", has_text="<img src=x")
        for _ in range(50):  # polled by the running pipeline within seconds
            await page.goto(url)
            if await row.count() and "ok" in await row.locator("td").nth(1).inner_text():
                break
            await asyncio.sleep(0.3)
        assert "ok" in await row.locator("td").nth(1).inner_text()
        await page.screenshot(path=str(artifacts / "feeds-added.png"), full_page=True)
        await row.locator("button.pause").click()
        await page.goto(url)
        for _ in range(50):
            status = await page.locator("table.feeds tr", has_text="<img src=x").locator("td").nth(1).inner_text()
            if "disabled" in status:
                break
            await asyncio.sleep(0.3)
            await page.goto(url)
        assert "disabled" in status
        assert await page.locator("table.feeds tr", has_text="<img src=x").locator("button.resume").count() == 1
        assert await page.evaluate("typeof window.__pwned") == "undefined"
        assert dialogs == [] and errors == []
    finally:
        stop.set()
        await running
        await runner.cleanup()
