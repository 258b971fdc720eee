"""Feed controls on the dashboard: what a page on another site can and cannot make the dashboard do.

The dashboard on 127.0.0.1 without a token is open to local users; a page elsewhere that the user visits can
still make the browser post to it. These requests must change nothing.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from wirewatch.app.dashboard import SQLiteBackend, create_app
from wirewatch.app.dashboard.feeds import FeedControl
from wirewatch.settings import FeedConfig, Settings, StoreSettings
from wirewatch.sinks.sqlite.store import SQLiteStore


async def client_for(tmp_path: Path) -> tuple[TestClient, FeedControl]:
    settings = Settings(store=StoreSettings(path=tmp_path / "ww.db"))
    settings.feeds = [FeedConfig(name="world", url="https://news.example.org/world.xml")]
    SQLiteStore(settings.store.path).close()
    control = FeedControl(settings)
    app = create_app(SQLiteBackend(settings.store.path), feed_control=control)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    return client, control


def managed(tmp_path: Path) -> dict:
    with SQLiteStore(tmp_path / "ww.db") as store:
        return store.managed_feeds()


async def test_a_form_post_without_the_pages_token_changes_nothing(tmp_path: Path) -> None:
    client, control = await client_for(tmp_path)
    try:
        response = await client.post("/feeds/world/pause", data={})
        assert response.status == 403
        response = await client.post("/feeds/world/pause", data={"token": "guessed"})
        assert response.status == 403
        assert managed(tmp_path) == {}
        overview = await (await client.get("/")).text()
        assert control.token.value in overview  # the page's own forms carry it
        response = await client.post("/feeds/world/pause", data={"token": control.token.value}, allow_redirects=False)
        assert response.status == 303 and managed(tmp_path)["world"]["enabled"] is False
    finally:
        await client.close()


async def test_a_post_from_another_origin_is_refused_even_with_the_token(tmp_path: Path) -> None:
    client, control = await client_for(tmp_path)
    try:
        response = await client.post(
            "/feeds/world/pause", data={"token": control.token.value}, headers={"Origin": "https://evil.example"}
        )
        assert response.status == 403 and managed(tmp_path) == {}
    finally:
        await client.close()


async def test_the_json_api_needs_json_and_says_what_it_did(tmp_path: Path) -> None:
    client, _ = await client_for(tmp_path)
    try:
        response = await client.post("/api/feeds/world/pause", data="{}")  # a form-encoded body: a simple request
        assert response.status == 415 and managed(tmp_path) == {}
        response = await client.post("/api/feeds/world/pause", json={})
        assert response.status == 200 and (await response.json())["done"] == "pause"
        response = await client.post("/api/feeds/nosuch/resume", json={})
        assert response.status == 404
        response = await client.post("/api/feeds/world/remove", json={})
        assert response.status == 409 and "remove it there" in (await response.json())["error"]["message"]
        response = await client.post("/api/feeds", json={"url": "ftp://news.example.org/x.xml"})
        assert response.status == 400 and "not allowed" in (await response.json())["error"]["message"]
    finally:
        await client.close()


async def test_without_feed_control_the_routes_say_how_to_manage_feeds(tmp_path: Path) -> None:
    settings = Settings(store=StoreSettings(path=tmp_path / "ww.db"))
    SQLiteStore(settings.store.path).close()
    client = TestClient(TestServer(create_app(SQLiteBackend(settings.store.path)), host="127.0.0.1"))
    await client.start_server()
    try:
        response = await client.post("/api/feeds/world/pause", json={})
        assert response.status == 404
        assert "add-feed" not in await (await client.get("/")).text()
    finally:
        await client.close()
