"""The dashboard over Elasticsearch in a real browser: an alert indexed while the page is open
shows up within seconds (StoreWatcher polling the indices), and its hostile title stays text."""

from __future__ import annotations

import asyncio

from tests.browser.test_dashboard_browser import LIVE_WAIT_MS, open_page
from tests.integration.es_support import index_docs, make_dispatch
from tests.integration.test_dashboard_es import es_backend_settings, index_alerts
from tests.unit.dashboard_fixtures import HOSTILE_TEXT, HOSTILE_TITLE
from wirewatch.app.dashboard import AccessPolicy, DashboardServer, StoreWatcher, create_app
from wirewatch.app.dashboard.es_backend import ElasticsearchBackend
from wirewatch.events import EventBus
from wirewatch.models import Alert, CountryMention, TaggedDispatch, Tags, utcnow


async def test_an_alert_indexed_in_elasticsearch_shows_up_live_as_text(tmp_path, es_layout, browser, artifacts):
    backend = ElasticsearchBackend(es_backend_settings(es_layout, tmp_path / "no-ledger.db"))
    bus = EventBus()
    server = DashboardServer(create_app(backend, bus=bus, policy=AccessPolicy(bind="127.0.0.1")), "127.0.0.1", 0)
    url = await server.start()
    stop = asyncio.Event()
    watcher = StoreWatcher(backend, bus, interval=0.2)
    await watcher.step()
    task = asyncio.create_task(watcher.run(stop))
    try:
        page, dialogs, errors = await open_page(browser, url)
        await page.wait_for_selector("#live-status.on", timeout=LIVE_WAIT_MS)
        assert await page.locator("#alerts tr").count() == 0
        now = utcnow()
        dispatch = make_dispatch("es-hostile-live", HOSTILE_TITLE, HOSTILE_TEXT, "2025-01-01T00:00:00Z")
        tagged = TaggedDispatch(
            dispatch, Tags(countries=[CountryMention("TR", "Turkey", 1, 0)], keywords=["coup"]), tagged_at=now
        )
        await index_docs(es_layout, [tagged.to_doc()])
        await index_alerts(
            es_layout,
            [
                Alert(
                    rule_id="coup",
                    rule_name="coup",
                    rule_query="coup",
                    dispatch_id=tagged.id,
                    matched=["coup"],
                    at=now,
                    title=dispatch.title,
                    url="javascript:alert(3)",
                    source="evil-feed",
                    countries=["TR"],
                )
            ],
        )
        row = page.locator("#alerts tr", has_text="Coup rumours")
        await row.first.wait_for(timeout=LIVE_WAIT_MS)
        await page.locator(f"#latest li[data-id='{tagged.id}']").wait_for(timeout=LIVE_WAIT_MS)
        await asyncio.sleep(0.5)  # give any injected handler a chance to run (it must not)
        assert "<script>window.__pwned = 1</script>" in await row.first.inner_text()
        assert await page.locator("#alerts script, #alerts img, #latest script, #latest img").count() == 0
        assert await page.evaluate("typeof window.__pwned") == "undefined"
        await page.screenshot(path=str(artifacts / "es-live-alert.png"), full_page=True)
        assert dialogs == [] and errors == []
    finally:
        stop.set()
        await task
        await server.stop()
        backend.close()
