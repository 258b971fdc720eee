"""Silences on the dashboard, through real HTTP: listed, added from the form and the JSON API, ended; guarded
like the feed forms; every string a user typed is escaped on the page."""

from __future__ import annotations

from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from wirewatch.app.dashboard import SQLiteBackend, create_app
from wirewatch.app.dashboard.silences import SilenceControl
from wirewatch.app.silences import StoreSilences
from wirewatch.models import utcnow
from wirewatch.sinks.sqlite.store import SQLiteStore


async def client_for(tmp_path: Path) -> tuple[TestClient, SilenceControl]:
    path = tmp_path / "ww.db"
    SQLiteStore(path).close()
    control = SilenceControl(StoreSilences(path), ["coup in Mali", "coup anywhere"])
    client = TestClient(TestServer(create_app(SQLiteBackend(path), silence_control=control), host="127.0.0.1"))
    await client.start_server()
    return client, control


def active(tmp_path: Path) -> list:
    with SQLiteStore(tmp_path / "ww.db") as store:
        return store.silences(active_at=utcnow())


async def test_a_silence_added_from_the_page_is_listed_escaped_and_can_be_ended(tmp_path: Path) -> None:
    client, control = await client_for(tmp_path)
    try:
        form = {"token": control.token.value, "rule": "coup in Mali", "key": "ML", "for": "6h"}
        response = await client.post("/silences", data={**form, "reason": "<script>x()</script> briefing"})
        assert response.status == 200  # the redirect to the overview, followed
        (silence,) = active(tmp_path)
        assert (silence.rule, silence.key, silence.created_by) == ("coup in Mali", "ML", "dashboard")
        page = await (await client.get("/")).text()
        assert "&lt;script&gt;x()&lt;/script&gt; briefing" in page and "<script>x()" not in page
        assert f'action="/silences/{silence.id}/expire"' in page
        ended = await client.post(f"/silences/{silence.id}/expire", data={"token": control.token.value})
        assert ended.status == 200 and active(tmp_path) == []
        assert "No silence in force" in await (await client.get("/")).text()
    finally:
        await client.close()


async def test_forms_without_the_token_or_from_elsewhere_change_nothing(tmp_path: Path) -> None:
    client, control = await client_for(tmp_path)
    try:
        form = {"rule": "", "key": "ML", "for": "1h", "reason": "x"}
        assert (await client.post("/silences", data=form)).status == 403
        foreign = await client.post(
            "/silences", data={**form, "token": control.token.value}, headers={"Origin": "https://evil.example"}
        )
        assert foreign.status == 403 and active(tmp_path) == []
        bad = await client.post("/silences", data={**form, "token": control.token.value, "for": "forever"})
        assert bad.status == 400 and "not a duration" in await bad.text()
        unknown = await client.post("/silences", data={**form, "token": control.token.value, "rule": "nope"})
        assert unknown.status == 400 and active(tmp_path) == []
    finally:
        await client.close()


async def test_the_json_api_lists_adds_and_ends(tmp_path: Path) -> None:
    client, _ = await client_for(tmp_path)
    try:
        assert (await client.post("/api/silences", data="{}")).status == 415
        created = await client.post("/api/silences", json={"key": "NE", "for": "2h", "reason": "known", "by": "ops"})
        assert created.status == 201
        body = await created.json()
        assert (body["key"], body["rule"], body["created_by"]) == ("NE", None, "ops")
        listed = await (await client.get("/api/silences")).json()
        assert [s["id"] for s in listed["silences"]] == [body["id"]]
        assert (await client.post(f"/api/silences/{body['id']}/expire", json={})).status == 200
        assert (await client.post(f"/api/silences/{body['id']}/expire", json={})).status == 404
        assert (await (await client.get("/api/silences")).json())["silences"] == []
        refused = await client.post("/api/silences", json={"key": "NE", "for": "2h"})
        assert refused.status == 400 and "reason" in (await refused.json())["error"]["message"]
    finally:
        await client.close()


async def test_an_alert_a_silence_held_back_is_listed_and_marked_silenced(tmp_path: Path) -> None:
    from datetime import timedelta

    from tests.unit.test_store import make_alert
    from wirewatch.settings import DeliverySettings
    from wirewatch.sinks.alerts.delivery import AlertDelivery

    client, _ = await client_for(tmp_path)
    try:
        with SQLiteStore(tmp_path / "ww.db") as store:
            now = utcnow()
            silence = store.add_silence(rule=None, key="TR", starts=now, ends=now + timedelta(hours=1), reason="x")
            delivery = AlertDelivery(store, {}, DeliverySettings())
            delivery.record(make_alert(key="held"), ["console"])
            await delivery.deliver_due(now + timedelta(seconds=1))
        data = await (await client.get("/api/alerts")).json()
        assert [a["silenced_by"] for a in data["alerts"]] == [silence.id]
        page = await (await client.get("/")).text()
        assert f'title="silence {silence.id}">silenced</span>' in page
    finally:
        await client.close()


async def test_saved_searches_are_named_listed_and_deleted(tmp_path: Path) -> None:
    from wirewatch.app.dashboard.saved_searches import SavedSearches

    path = tmp_path / "ww.db"
    SQLiteStore(path).close()
    searches = SavedSearches(path)
    client = TestClient(TestServer(create_app(SQLiteBackend(path), searches=searches), host="127.0.0.1"))
    await client.start_server()
    try:
        page = await (await client.get("/search", params={"q": "coup AND countries.code:ML"})).text()
        assert 'action="/searches"' in page and searches.token.value in page
        form = {"token": searches.token.value, "q": "coup AND countries.code:ML", "name": "<b>Mali</b> coups"}
        saved = await client.post("/searches", data=form)
        assert saved.status == 200 and "coup AND countries.code:ML" in str(saved.url.query)
        overview = await (await client.get("/")).text()
        assert "&lt;b&gt;Mali&lt;/b&gt; coups" in overview and "<b>Mali</b>" not in overview
        assert 'href="/search?q=coup+AND+countries.code%3AML"' in overview
        bad = await client.post("/searches", data={**form, "q": "coup AND (", "name": "broken"})
        assert bad.status == 400 and "does not parse" in await bad.text()
        assert (await client.post("/searches", data={**form, "token": "stale"})).status == 403
        listed = await (await client.get("/api/searches")).json()
        assert [s["name"] for s in listed["searches"]] == ["<b>Mali</b> coups"]
        created = await client.post("/api/searches", json={"name": "Niger", "query": "countries.code:NE"})
        assert created.status == 201
        gone = await client.post("/api/searches/Niger/delete", json={})
        assert gone.status == 200
        assert (await client.post("/api/searches/Niger/delete", json={})).status == 404
        assert [s["name"] for s in (await (await client.get("/api/searches")).json())["searches"]] == [
            "<b>Mali</b> coups"
        ]
    finally:
        await client.close()


async def test_a_learned_official_is_confirmed_or_rejected_from_its_page(tmp_path: Path) -> None:
    from wirewatch.app.dashboard.learned import LearnedControl
    from wirewatch.app.learned_store import load_layer
    from wirewatch.processors.tagger.learned import Decision, LearnedLayer, entry_key
    from wirewatch.settings import Settings, StoreSettings

    settings = Settings(store=StoreSettings(path=tmp_path / "ww.db"))
    key = entry_key("official", "Jane Doe")
    record = LearnedLayer("t").decide(key, Decision("confirmed", "2026-12-06T00:00:00", name="Jane Doe", country="ML"))
    with SQLiteStore(settings.store.path) as store:
        store.put_learned([record])
    control = LearnedControl(settings)
    app = create_app(SQLiteBackend(settings.store.path), learned=control)
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    try:
        page = await (await client.get("/official/Jane%20Doe")).text()
        assert "learned entry, confirmed" in page and 'action="/learned/official/reject?name=Jane+Doe"' in page
        assert 'action="/learned/official/confirm' not in page  # confirmed already
        refused = await client.post("/learned/official/reject?name=Jane+Doe", data={"token": "guess"})
        assert refused.status == 403
        done = await client.post("/learned/official/reject?name=Jane+Doe", data={"token": control.token.value})
        assert done.status == 200 and done.url.raw_path == "/official/Jane%20Doe"
        layer = load_layer(settings, kafka=False)
        assert layer.status(layer.entries[key]) == "rejected"
        assert "learned entry, rejected" in await (await client.get("/official/Jane%20Doe")).text()
    finally:
        await client.close()
