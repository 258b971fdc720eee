"""The world map, a country page and an official's page in a real browser: the map is there without JavaScript
doing anything, a country shows its count on hover, a click opens its page, a name there opens the official's page,
and no page raises an error or trips the CSP."""

from __future__ import annotations

from tests.browser.test_dashboard_browser import open_page
from tests.unit.dashboard_fixtures import fill_store, running_dashboard


async def test_the_map_leads_to_a_country_page(tmp_path, browser, artifacts):
    settings = await fill_store(tmp_path)
    async with running_dashboard(settings.store.path) as (url, _):
        page, dialogs, errors = await open_page(browser, f"{url}/?period=all")
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        turkey = page.locator('svg.worldmap a[href="/country/TR"] path')
        assert await turkey.count() == 1
        assert await page.locator('svg.worldmap path[data-code="TR"] title').text_content() == "Turkey: 2 dispatches"
        assert await turkey.evaluate("p => getComputedStyle(p).fill") != await page.locator(
            'svg.worldmap path[data-code="BR"]'
        ).evaluate("p => getComputedStyle(p).fill")  # shaded by its count, unlike a country never mentioned
        await page.locator("#map").screenshot(path=str(artifacts / "worldmap.png"))
        await turkey.click()
        await page.wait_for_url(f"{url}/country/TR")
        assert "Turkey (TR)" in await page.locator("h1").text_content()
        assert await page.locator("li.dispatch").count() == 2
        await page.screenshot(path=str(artifacts / "country.png"), full_page=True)
        official = page.locator("a", has_text="Recep Tayyip Erdoğan").first
        await official.click()
        await page.wait_for_url("**/official/**")
        assert "Recep Tayyip Erdoğan" in await page.locator("h1").text_content()
        assert await page.locator("li.dispatch").count() >= 1
        await page.goto(f"{url}/search?q=countries.code%3ATR")
        assert await page.locator("a", has_text="CSV").count() == 1
        assert errors == [] and dialogs == []
        assert not [text for text in console if "Content Security Policy" in text or "Refused" in text]
