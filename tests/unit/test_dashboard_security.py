"""Dashboard security: token off-loopback, DNS-rebinding guard, escaping of feed text, CSP."""

import re

import pytest

from tests.unit.dashboard_fixtures import HOSTILE_TEXT, HOSTILE_TITLE, fill_store, running_dashboard
from wirewatch.app.dashboard import AccessPolicy
from wirewatch.app.dashboard.auth import SESSION_COOKIE

TOKEN = "s3cret-token-for-tests-0123456789"


@pytest.fixture
async def store_path(tmp_path):
    return (await fill_store(tmp_path)).store.path


def test_serving_off_loopback_without_a_token_is_refused():
    with pytest.raises(ValueError, match="token is required"):
        AccessPolicy(bind="0.0.0.0")
    with pytest.raises(ValueError, match="at least 16"):
        AccessPolicy(bind="0.0.0.0", token="short")
    assert not AccessPolicy(bind="127.0.0.1").token_required


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=coup",
        "/dispatch/seed",
        "/stories/s-seed",
        "/api/alerts",
        "/api/stories",
        "/api/stories/s-seed",
        "/api/search?q=coup",
        "/api/feeds",
        "/api/stats",
        "/api/events",
        "/metrics",
    ],
)
async def test_off_loopback_every_page_and_api_call_needs_the_token(store_path, path):
    async with running_dashboard(store_path, configured_bind="0.0.0.0", token=TOKEN) as (url, session):
        async with session.get(url + path, allow_redirects=False) as anonymous:
            if path.startswith(("/api/", "/metrics")):
                assert anonymous.status == 401
                assert (await anonymous.json())["error"]["code"] == "unauthorised"
                assert anonymous.headers["WWW-Authenticate"].startswith("Bearer")
            else:
                assert anonymous.status == 303 and anonymous.headers["Location"] == "/login"
        async with session.get(
            url + path, headers={"Authorization": "Bearer wrong-token-wrong-token"}, allow_redirects=False
        ) as wrong:
            assert wrong.status in (401, 303)
        if path == "/api/events":
            return  # a stream does not end; the anonymous refusal above is the point
        async with session.get(url + path, headers={"Authorization": f"Bearer {TOKEN}"}) as good:
            assert good.status == 200


async def test_login_form_sets_an_httponly_session_cookie_that_is_not_the_token(store_path):
    async with running_dashboard(store_path, configured_bind="0.0.0.0", token=TOKEN) as (url, session):
        async with session.post(f"{url}/login", data={"token": "nope"}, allow_redirects=False) as bad:
            assert bad.status == 401
        async with session.post(f"{url}/login", data={"token": TOKEN}, allow_redirects=False) as good:
            assert good.status == 303
            cookie = good.cookies[SESSION_COOKIE]
            assert cookie["httponly"] and cookie["samesite"] == "Strict"
            assert TOKEN not in cookie.value
        # aiohttp's jar keeps no cookies of bare IP hosts: send it as a browser would.
        async with session.get(f"{url}/api/stats", cookies={SESSION_COOKIE: cookie.value}) as with_cookie:
            assert with_cookie.status == 200
        async with session.get(
            f"{url}/api/stats",
            cookies={SESSION_COOKIE: cookie.value[:-1] + ("1" if cookie.value.endswith("0") else "0")},
        ) as forged:
            assert forged.status == 401


async def test_login_attempts_are_throttled(store_path):
    async with running_dashboard(store_path, configured_bind="0.0.0.0", token=TOKEN) as (url, session):
        statuses = []
        for _ in range(12):
            async with session.post(f"{url}/login", data={"token": "guess-guess-guess"}, allow_redirects=False) as r:
                statuses.append(r.status)
        async with session.post(f"{url}/login", data={"token": TOKEN}, allow_redirects=False) as r:
            statuses.append(r.status)
    assert statuses[:10] == [401] * 10 and set(statuses[10:]) == {429}


async def test_without_a_token_only_loopback_host_names_are_served(store_path):
    async with running_dashboard(store_path) as (url, session):
        async with session.get(f"{url}/api/stats", headers={"Host": "attacker.example:8787"}) as rebound:
            assert rebound.status == 403
        async with session.get(f"{url}/api/stats", headers={"Host": "localhost:8787"}) as local:
            assert local.status == 200


async def test_feed_text_is_escaped_in_every_page(store_path):
    async with running_dashboard(store_path) as (url, session):
        pages = {}
        for path in ("/", "/dispatch/hostile", "/search?q=coup", "/stories/s-seed"):  # the story's latest: hostile
            async with session.get(url + path) as response:
                assert response.status == 200
                pages[path] = await response.text()
    for path, html in pages.items():
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html and "<b onmouseover" not in html, path
        assert "javascript:alert" not in html, path
        # The only script element is the app's own file.
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>'], path
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in pages["/dispatch/hostile"]
    assert "&lt;b onmouseover=" in pages["/dispatch/hostile"]
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in pages["/stories/s-seed"]


async def test_strict_content_security_policy_on_pages_and_api(store_path):
    async with running_dashboard(store_path) as (url, session):
        for path in ("/", "/api/stats", "/login", "/static/app.js"):
            async with session.get(url + path) as response:
                csp = response.headers["Content-Security-Policy"]
                assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
                assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_static_app_script_never_uses_innerhtml():
    from wirewatch.app.dashboard.app import STATIC_DIR

    script = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script.replace("no innerHTML anywhere", "")
    assert "insertAdjacentHTML" not in script and "document.write" not in script


def test_hostile_fixture_really_is_hostile():
    assert "<script>" in HOSTILE_TITLE and "onerror=" in HOSTILE_TITLE and "<script>" in HOSTILE_TEXT
