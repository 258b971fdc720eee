"""FeedPoller against a real local HTTP server (aiohttp.web on 127.0.0.1, random port).

The Inbox and FeedStateStore here are small in-memory adapters (optionally
persisted to a JSON file to model a restart): real implementations of the
protocols, not mocks of the poller. The last section polls a file feed into
the real SQLite store instead.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import shutil
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from wirewatch.metrics import Metrics
from wirewatch.models import Dispatch
from wirewatch.ports import FeedStateStore, Inbox
from wirewatch.producers.fetch import HttpFetcher
from wirewatch.producers.poller import FeedPoller, FeedState
from wirewatch.settings import FeedConfig, PollerSettings
from wirewatch.sinks.sqlite.store import SQLiteStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
RSS = "application/rss+xml; charset=utf-8"


# -- in-memory adapters for the two ports ----------------------------------------


class JsonFileInbox:
    """The dedup ledger, kept in memory and (optionally) in a JSON file, so a restart can be modelled."""

    def __init__(self, path: Path | None = None):
        self.path = path
        self.accepted: dict[str, dict[str, Any]] = {}
        self.completed: set[str] = set()
        if path and path.exists():
            data = json.loads(path.read_text())
            self.accepted, self.completed = data["accepted"], set(data["completed"])

    def _flush(self) -> None:
        if self.path:
            self.path.write_text(json.dumps({"accepted": self.accepted, "completed": sorted(self.completed)}))

    def accept(self, dispatch: Dispatch) -> bool:
        if dispatch.id in self.accepted:
            return False
        self.accepted[dispatch.id] = dispatch.to_dict()
        self._flush()
        return True

    def accept_many(self, dispatches: Iterable[Dispatch]) -> list[Dispatch]:
        return [dispatch for dispatch in dispatches if self.accept(dispatch)]

    def seen(self, dispatch_ids: list[str]) -> set[str]:
        return {i for i in dispatch_ids if i in self.accepted}

    def complete(self, dispatch_id: str) -> None:
        self.completed.add(dispatch_id)
        self._flush()

    def pending(self) -> list[Dispatch]:
        return [Dispatch.from_dict(d) for i, d in self.accepted.items() if i not in self.completed]


class JsonFileStates:
    def __init__(self, path: Path | None = None):
        self.path = path
        self.states: dict[str, dict[str, Any]] = json.loads(path.read_text()) if path and path.exists() else {}

    def load_feed_states(self) -> dict[str, dict[str, Any]]:
        return json.loads(json.dumps(self.states))

    def save_feed_state(self, name: str, state: dict[str, Any]) -> None:
        self.states[name] = json.loads(json.dumps(state))  # must be JSON-able
        if self.path:
            self.path.write_text(json.dumps(self.states))


def test_adapters_fit_the_protocols() -> None:
    assert isinstance(JsonFileInbox(), Inbox)
    assert isinstance(JsonFileStates(), FeedStateStore)


# -- a real local feed server ----------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class FeedServer:
    base: str = ""
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    starts: list[float] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == path]

    def serve_file(self, path: str, name: str, content_type: str = RSS, **headers: str) -> None:
        body = (FIXTURES / name).read_bytes()

        async def handler(request: web.Request) -> web.Response:
            return web.Response(body=body, headers={"Content-Type": content_type, **headers})

        self.routes[path] = handler

    async def dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((request.path, dict(request.headers)))
        self.starts.append(time.monotonic())
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            handler = self.routes.get(request.path)
            if handler is None:
                return web.Response(status=404, text="no such feed")
            return await handler(request)
        finally:
            self.in_flight -= 1


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    feed_server = FeedServer()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", feed_server.dispatch)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    feed_server.base = f"http://127.0.0.1:{port}"
    yield feed_server
    await runner.cleanup()


def fast_settings(**overrides: Any) -> PollerSettings:
    values: dict[str, Any] = {
        "connect_timeout": 0.5,
        "read_timeout": 0.3,
        "max_body_bytes": 64 * 1024,
        "max_redirects": 3,
        "per_host_concurrency": 8,
        "per_host_delay": 0.0,
        "backoff_base": 10.0,
        "backoff_max": 3600.0,
    }
    values.update(overrides)
    return PollerSettings(**values)


@dataclass
class Harness:
    poller: FeedPoller
    inbox: JsonFileInbox
    states: JsonFileStates
    emitted: list[Dispatch]


def make_poller(
    feeds: list[FeedConfig],
    settings: PollerSettings | None = None,
    *,
    inbox: JsonFileInbox | None = None,
    states: JsonFileStates | None = None,
    emit: Callable[[Dispatch], Awaitable[None]] | None = None,
) -> Harness:
    inbox = inbox or JsonFileInbox()
    states = states or JsonFileStates()
    emitted: list[Dispatch] = []

    async def collect(dispatch: Dispatch) -> None:
        emitted.append(dispatch)

    poller = FeedPoller(feeds, settings or fast_settings(), inbox, states, emit or collect)
    return Harness(poller, inbox, states, emitted)


def feed(server: FeedServer, name: str, path: str | None = None, **kwargs: Any) -> FeedConfig:
    return FeedConfig(name=name, url=server.url(path or f"/{name}"), **kwargs)


# -- conditional GET, headers, gzip -----------------------------------------------


async def test_new_entries_then_conditional_get_304(server: FeedServer) -> None:
    body = (FIXTURES / "world-rss.xml").read_bytes()
    etag, modified = '"v1"', "Sat, 16 Jul 2016 00:00:00 GMT"

    async def conditional(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304)
        return web.Response(body=body, headers={"Content-Type": RSS, "ETag": etag, "Last-Modified": modified})

    server.routes["/world"] = conditional
    h = make_poller([feed(server, "world", language="en", country="TR")])

    first = await h.poller.poll_once()
    assert first.ok == ["world"] and first.new_dispatches == 3 and not first.failed
    assert [d.title for d in h.emitted] == [  # oldest first
        "Talks resume",
        "Markets steady & calm",
        "Army seizes state TV in attempted coup",
    ]
    assert all(d.source == "world" and d.language == "en" and d.hints == {"country": "TR"} for d in h.emitted)
    first_request = server.hits("/world")[0]
    assert "wirewatch" in first_request["User-Agent"]
    assert "gzip" in first_request["Accept-Encoding"]
    assert "If-None-Match" not in first_request

    second = await h.poller.poll_once(force=True)
    assert second.not_modified == ["world"] and second.new_dispatches == 0 and not second.failed
    conditional_request = server.hits("/world")[1]
    assert conditional_request["If-None-Match"] == etag
    assert conditional_request["If-Modified-Since"] == modified
    [health] = h.poller.health()
    assert health["status"] == "ok" and health["consecutive_failures"] == 0
    assert health["items_seen"] == 3 and health["dispatches_new"] == 3
    assert len(h.emitted) == 3


async def test_not_due_feed_is_not_polled(server: FeedServer) -> None:
    server.serve_file("/world", "world-rss.xml")
    h = make_poller([feed(server, "world", interval=3600)])
    await h.poller.poll_once()
    report = await h.poller.poll_once()  # an hour has not passed
    assert report.polled == 0 and len(server.hits("/world")) == 1


async def test_gzip_encoded_feed(server: FeedServer) -> None:
    body = gzip.compress((FIXTURES / "world-rss.xml").read_bytes())

    async def gzipped(request: web.Request) -> web.Response:
        return web.Response(body=body, headers={"Content-Type": RSS, "Content-Encoding": "gzip"})

    server.routes["/gz"] = gzipped
    h = make_poller([feed(server, "gz")])
    report = await h.poller.poll_once()
    assert report.ok == ["gz"] and report.new_dispatches == 3


# -- Retry-After, backoff and recovery ---------------------------------------------


async def test_retry_after_seconds_on_429_and_http_date_on_503(server: FeedServer) -> None:
    async def too_many(request: web.Request) -> web.Response:
        return web.Response(status=429, headers={"Retry-After": "900"})

    later = datetime.now(UTC) + timedelta(hours=5)

    async def unavailable(request: web.Request) -> web.Response:
        return web.Response(status=503, headers={"Retry-After": format_datetime(later, usegmt=True)})

    server.routes["/busy"] = too_many
    server.routes["/down"] = unavailable
    server.serve_file("/ok", "world-rss.xml")
    h = make_poller([feed(server, "busy"), feed(server, "down"), feed(server, "ok")], fast_settings(backoff_max=7200))

    report = await h.poller.poll_once()
    assert set(report.failed) == {"busy", "down"} and report.ok == ["ok"]
    assert "HTTP 429" in report.failed["busy"] and "HTTP 503" in report.failed["down"]
    busy, down = h.poller.state("busy"), h.poller.state("down")
    assert busy.backoff_seconds == 900  # the server's wish beats our 10 s first backoff
    assert busy.last_error_at is not None
    assert busy.next_poll_at == busy.last_error_at + timedelta(seconds=900)
    assert down.backoff_seconds == 7200  # 5 h asked, held to the 2 h cap
    again = await h.poller.poll_once()
    assert "busy" not in again.failed and len(server.hits("/busy")) == 1  # honoured: not asked again


async def test_backoff_grows_then_recovery_resets_it(server: FeedServer) -> None:
    failures_left = 3
    body = (FIXTURES / "world-rss.xml").read_bytes()

    async def flaky(request: web.Request) -> web.Response:
        nonlocal failures_left
        if failures_left:
            failures_left -= 1
            return web.Response(status=500, text="boom")
        return web.Response(body=body, headers={"Content-Type": RSS})

    server.routes["/flaky"] = flaky
    h = make_poller([feed(server, "flaky", interval=300)], fast_settings(backoff_base=10, backoff_max=3600))

    delays = []
    for expected_failures in (1, 2, 3):
        report = await h.poller.poll_once(force=True)
        assert report.failed == {"flaky": "HTTP 500 Internal Server Error"}
        state = h.poller.state("flaky")
        assert state.consecutive_failures == expected_failures
        assert state.status == "failing"
        delays.append(state.backoff_seconds)
    for n, delay in enumerate(delays, start=1):
        assert 10 * 2 ** (n - 1) * 0.9 <= delay <= 10 * 2 ** (n - 1) * 1.1
    failing = h.poller.health()[0]
    assert failing["status"] == "failing" and failing["last_error"] == "HTTP 500 Internal Server Error"

    report = await h.poller.poll_once(force=True)
    assert report.ok == ["flaky"] and report.new_dispatches == 3
    state = h.poller.state("flaky")
    assert state.consecutive_failures == 0 and state.backoff_seconds == 0
    assert state.last_success is not None
    assert state.next_poll_at == state.last_success + timedelta(seconds=300)
    assert h.poller.health()[0]["status"] == "ok"
    # The saved state says the same thing the poller does.
    assert h.states.states["flaky"]["consecutive_failures"] == 0


# -- timeouts, body cap, redirects, schemes ----------------------------------------


async def test_read_timeout_on_a_server_that_never_answers(server: FeedServer) -> None:
    async def stalls(request: web.Request) -> web.Response:
        await asyncio.sleep(5)  # the client gives up long before; cleanup cancels this
        return web.Response(text="too late")

    async def trickles(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": RSS})
        await response.prepare(request)
        for _ in range(50):  # each byte well inside sock_read, the whole far beyond the budget
            await response.write(b" ")
            await asyncio.sleep(0.05)
        return response

    server.routes["/stall"] = stalls
    server.routes["/trickle"] = trickles
    server.serve_file("/ok", "world-rss.xml")
    settings = fast_settings(connect_timeout=0.2, read_timeout=0.25)
    h = make_poller([feed(server, "stall"), feed(server, "trickle"), feed(server, "ok")], settings)
    report = await h.poller.poll_once()
    assert "timed out" in report.failed["stall"]
    assert "timed out" in report.failed["trickle"]
    assert report.ok == ["ok"]


async def test_body_cap_while_streaming_and_by_content_length(server: FeedServer) -> None:
    async def huge_chunked(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": RSS})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(40):
            await response.write(b"<!-- padding -->" * 256)  # 4 KiB a chunk, 160 KiB in all
        return response

    async def declares_too_much(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": RSS})
        response.content_length = 50 * 1024 * 1024
        await response.prepare(request)
        await response.write(b"<rss/>")
        return response

    bomb = gzip.compress(b"<rss>" + b" " * (1024 * 1024) + b"</rss>")  # ~1 KiB on the wire, 1 MiB inflated

    async def gzip_bomb(request: web.Request) -> web.Response:
        return web.Response(body=bomb, headers={"Content-Type": RSS, "Content-Encoding": "gzip"})

    server.routes["/huge"] = huge_chunked
    server.routes["/liar"] = declares_too_much
    server.routes["/bomb"] = gzip_bomb
    server.serve_file("/ok", "world-rss.xml")
    names = ["huge", "liar", "bomb", "ok"]
    h = make_poller([feed(server, n) for n in names], fast_settings())
    report = await h.poller.poll_once()
    assert "aborted while reading" in report.failed["huge"]
    assert "aborted while reading" in report.failed["bomb"] and len(bomb) < 64 * 1024
    assert "Content-Length 52428800 exceeds" in report.failed["liar"]
    assert report.ok == ["ok"]


async def test_redirects_followed_capped_and_loops_caught(server: FeedServer) -> None:
    server.serve_file("/feed.xml", "world-rss.xml")

    def redirect(to: str, status: int = 302) -> Handler:
        async def handler(request: web.Request) -> web.Response:
            return web.Response(status=status, headers={"Location": to})

        return handler

    server.routes["/moved"] = redirect("/hop", 301)  # relative Location
    server.routes["/hop"] = redirect(server.url("/feed.xml"), 308)
    for i in range(5):
        server.routes[f"/chain{i}"] = redirect(f"/chain{i + 1}")
    server.routes["/loop-a"] = redirect("/loop-b")
    server.routes["/loop-b"] = redirect("/loop-a")
    server.routes["/to-ftp"] = redirect("ftp://127.0.0.1/feed.xml")
    server.routes["/to-file"] = redirect("file:///etc/passwd")
    feeds = [
        feed(server, n, p)
        for n, p in [
            ("moved", "/moved"),
            ("chain", "/chain0"),
            ("loop", "/loop-a"),
            ("ftp", "/to-ftp"),
            ("file", "/to-file"),
        ]
    ]
    h = make_poller(feeds, fast_settings(max_redirects=3))
    report = await h.poller.poll_once()
    assert report.ok == ["moved"] and report.new_dispatches == 3
    assert "too many redirects (more than 3)" in report.failed["chain"]
    assert len(server.hits("/chain3")) == 1 and not server.hits("/chain4")
    assert "redirect loop" in report.failed["loop"]
    assert "redirect refused" in report.failed["ftp"] and "'ftp'" in report.failed["ftp"]
    assert "redirect refused" in report.failed["file"] and "'file'" in report.failed["file"]


async def test_non_http_feed_url_is_refused_at_fetch_time(server: FeedServer) -> None:
    server.serve_file("/ok", "world-rss.xml")
    bad = [
        FeedConfig(name=f"bad-{i}", url=url)
        for i, url in enumerate(
            ["ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:alert(1)", "data:text/xml,<rss/>"]
        )
    ]
    h = make_poller([*bad, feed(server, "ok")])
    report = await h.poller.poll_once()
    assert report.ok == ["ok"]
    assert set(report.failed) == {b.name for b in bad}
    assert all("not allowed" in message for message in report.failed.values())
    # The fetcher itself refuses too, whoever calls it.
    async with HttpFetcher(fast_settings()) as fetcher:
        with pytest.raises(Exception, match="not allowed"):
            await fetcher.fetch("file:///etc/passwd")


async def test_connection_refused_is_a_feed_error(server: FeedServer) -> None:
    server.serve_file("/ok", "world-rss.xml")
    h = make_poller([FeedConfig(name="nobody", url="http://127.0.0.1:9/feed"), feed(server, "ok")])
    report = await h.poller.poll_once()
    assert "cannot connect" in report.failed["nobody"] and report.ok == ["ok"]


# -- malformed feeds: each a per-feed error or a sane result; the others flow -------


async def test_malformed_feeds_fail_alone(server: FeedServer) -> None:
    server.serve_file("/invalid", "invalid.xml")
    server.serve_file("/html", "page.html", content_type="text/html; charset=utf-8")
    server.serve_file("/html-as-rss", "page.html")  # a web page served with a feed type
    server.serve_file("/wrong-charset", "latin1-declared-utf8.xml")
    server.serve_file("/no-charset", "latin1-no-declaration.xml", content_type="application/xml")
    server.serve_file("/bare", "bare-entries.xml")
    server.serve_file("/truncated", "truncated.xml")
    server.serve_file("/good", "world-rss.xml")

    async def empty(request: web.Request) -> web.Response:
        return web.Response(body=b"", headers={"Content-Type": RSS})

    server.routes["/empty"] = empty
    names = ["invalid", "html", "html-as-rss", "empty", "wrong-charset", "no-charset", "bare", "truncated", "good"]
    h = make_poller([feed(server, n) for n in names])
    report = await h.poller.poll_once()

    assert set(report.failed) == {"invalid", "html", "html-as-rss", "empty"}
    assert report.failed["invalid"].startswith("not a valid feed: line 2")
    assert report.failed["html"].startswith("not a feed: an HTML page")
    assert report.failed["html-as-rss"].startswith("not a feed: an HTML page")
    assert report.failed["empty"] == "empty response body"
    assert sorted(report.ok) == sorted(["wrong-charset", "no-charset", "bare", "truncated", "good"])

    by_source: dict[str, list[Dispatch]] = {}
    for dispatch in h.emitted:
        by_source.setdefault(dispatch.source, []).append(dispatch)
    assert [d.title for d in by_source["wrong-charset"]] == ["Caf\u00e9 talks in S\u00e3o Paulo"]
    assert [d.text for d in by_source["no-charset"]] == ["R\u00e9union \u00e0 Gen\u00e8ve."]
    assert len(by_source["bare"]) == 4 and all(d.published_estimated for d in by_source["bare"])
    assert report.skipped_entries == 1  # the item with nothing but a date
    assert len(by_source["good"]) == 3
    health = {row["name"]: row for row in h.poller.health()}
    assert health["truncated"]["last_warning"] and health["truncated"]["status"] == "ok"
    assert health["wrong-charset"]["last_warning"]
    assert health["empty"]["status"] == "failing" and health["empty"]["last_error"] == "empty response body"


async def test_exception_while_emitting_one_feed_does_not_stop_the_others(server: FeedServer) -> None:
    server.serve_file("/world", "world-rss.xml")
    server.serve_file("/atom", "atom.xml", content_type="application/atom+xml")
    emitted: list[Dispatch] = []

    async def emit(dispatch: Dispatch) -> None:
        if dispatch.source == "world":
            raise RuntimeError("downstream exploded")
        emitted.append(dispatch)

    h = make_poller([feed(server, "world"), feed(server, "atom")], emit=emit)
    report = await h.poller.poll_once()
    assert report.failed == {"world": "internal error: RuntimeError: downstream exploded"}
    assert report.ok == ["atom"] and [d.title for d in emitted] == ["Coup rumours denied"]
    # No validators were stored for the failed feed: the next poll reads it whole again.
    assert h.poller.state("world").etag is None


# -- dedup and state across a restart -----------------------------------------------


async def test_dedup_and_state_survive_a_restart(server: FeedServer, tmp_path: Path) -> None:
    items = (FIXTURES / "world-rss.xml").read_text(encoding="utf-8")
    extra = (
        "<item><title>Late news</title><link>https://news.example.org/late</link>"
        "<pubDate>Sat, 16 Jul 2016 09:00:00 GMT</pubDate></item>"
    )
    current = {"body": items}

    async def no_validators(request: web.Request) -> web.Response:  # forces a full read every time
        return web.Response(text=current["body"], content_type="application/rss+xml")

    server.routes["/world"] = no_validators
    # The same story, reached through a tracking link on a second feed.
    server.routes["/mirror"] = no_validators
    inbox_file, state_file = tmp_path / "inbox.json", tmp_path / "states.json"

    first = make_poller([feed(server, "world")], inbox=JsonFileInbox(inbox_file), states=JsonFileStates(state_file))
    report = await first.poller.poll_once()
    assert report.new_dispatches == 3

    # Restart: everything rebuilt from the files.
    current["body"] = items.replace("</channel>", extra + "</channel>")
    second = make_poller(
        [feed(server, "world"), feed(server, "mirror")],
        inbox=JsonFileInbox(inbox_file),
        states=JsonFileStates(state_file),
    )
    restored = second.poller.state("world")
    assert restored.items_seen == 3 and restored.last_success is not None
    report = await second.poller.poll_once(force=True)
    assert sorted(report.ok) == ["mirror", "world"]
    assert [d.title for d in second.emitted] == ["Late news"]  # only the one never seen before
    assert report.new_dispatches == 1
    assert len(json.loads(inbox_file.read_text())["accepted"]) == 4


async def test_state_round_trip_and_url_change_resets_validators() -> None:
    state = FeedState(
        name="a",
        url="https://a.example/feed",
        etag='"x"',
        consecutive_failures=2,
        next_poll_at=datetime(2024, 1, 1, tzinfo=UTC),
        backoff_seconds=20.0,
    )
    assert FeedState.from_dict(json.loads(json.dumps(state.to_dict()))) == state
    states = JsonFileStates()
    states.save_feed_state("a", state.to_dict())
    h = make_poller([FeedConfig(name="a", url="https://a.example/new-feed")], states=states)
    moved = h.poller.state("a")
    assert moved.etag is None and moved.next_poll_at is None and moved.consecutive_failures == 0


async def test_duplicate_feed_names_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate feed names: a"):
        make_poller([FeedConfig(name="a", url="https://x.example/"), FeedConfig(name="a", url="https://y.example/")])


# -- file feeds, limits, the run loop ------------------------------------------------


async def test_file_feed_reads_locally_and_reports_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "local.xml"
    path.write_bytes((FIXTURES / "atom.xml").read_bytes())
    missing = FeedConfig(name="missing", url=str(tmp_path / "nope.xml"), kind="file")
    h = make_poller([FeedConfig(name="local", url=path.as_uri(), kind="file", country="FR"), missing])
    report = await h.poller.poll_once()
    assert report.ok == ["local"] and "file not found" in report.failed["missing"]
    [dispatch] = h.emitted
    assert dispatch.language == "fr" and dispatch.hints == {"country": "FR"}
    again = await h.poller.poll_once(force=True)
    assert again.not_modified == ["local"]


async def test_file_feed_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_bytes(b"<rss>" + b" " * 5000 + b"</rss>")
    h = make_poller([FeedConfig(name="big", url=str(path), kind="file")], fast_settings(max_body_bytes=1000))
    report = await h.poller.poll_once()
    assert "file too large" in report.failed["big"]


async def test_per_host_concurrency_and_politeness_delay(server: FeedServer) -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(0.05)
        return web.Response(body=(FIXTURES / "world-rss.xml").read_bytes(), headers={"Content-Type": RSS})

    for i in range(4):
        server.routes[f"/f{i}"] = slow
    settings = fast_settings(per_host_concurrency=1, per_host_delay=0.08)
    h = make_poller([feed(server, f"f{i}") for i in range(4)], settings)
    report = await h.poller.poll_once()
    assert len(report.ok) == 4
    assert server.max_in_flight == 1
    gaps = [b - a for a, b in zip(server.starts, server.starts[1:], strict=False)]
    assert all(gap >= 0.08 * 0.9 for gap in gaps)  # a lower bound set by us, not a speed claim


async def test_total_concurrency_limits_parallel_feeds(server: FeedServer) -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(0.05)
        return web.Response(body=(FIXTURES / "world-rss.xml").read_bytes(), headers={"Content-Type": RSS})

    for i in range(5):
        server.routes[f"/f{i}"] = slow
    h = make_poller([feed(server, f"f{i}") for i in range(5)], fast_settings(total_concurrency=2))
    report = await h.poller.poll_once()
    assert len(report.ok) == 5 and server.max_in_flight == 2


async def test_run_honours_each_feeds_schedule_and_stops(server: FeedServer) -> None:
    server.serve_file("/fast", "world-rss.xml")
    server.serve_file("/slow", "world-rss.xml")
    h = make_poller([feed(server, "fast", interval=0.05), feed(server, "slow", interval=3600)])
    stop = asyncio.Event()
    task = asyncio.create_task(h.poller.run(stop))
    while len(server.hits("/fast")) < 3:
        await asyncio.sleep(0.02)
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    assert len(server.hits("/slow")) == 1
    assert len(h.emitted) == 3  # the second feed carries the same stories: deduped


# -- with the real SQLite inbox: a feed's new entries are accepted in one transaction, durable before the
# first is emitted, emitted oldest first, and deduplicated across polls and restarts ----------------------


def file_feed(tmp_path: Path) -> FeedConfig:
    path = tmp_path / "world.xml"
    shutil.copy(FIXTURES / "world-rss.xml", path)
    return FeedConfig(name="world", url=str(path), kind="file")


async def test_a_feeds_new_entries_are_one_inbox_transaction_and_durable_before_emitting(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "w.db") as store:
        emitted: list[Dispatch] = []
        pending_at_emit: list[int] = []

        async def emit(dispatch: Dispatch) -> None:
            pending_at_emit.append(len(store.pending()))
            emitted.append(dispatch)

        poller = FeedPoller([file_feed(tmp_path)], PollerSettings(), store, store, emit)
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        report = await poller.poll_once()
        store.conn.set_trace_callback(None)
        inbox_commits = [s for s in statements if s.strip().upper() == "COMMIT"]
        # One commit for the three entries, one for the feed's state: not one per entry.
        assert len(inbox_commits) == 2, statements
        assert report.new_dispatches == 3
        assert pending_at_emit == [3, 3, 3]  # all accepted before the first went on
        # The fixture lists newest first; the poller emits oldest first.
        assert [d.title for d in emitted] == [
            "Talks resume",
            "Markets steady & calm",
            "Army seizes state TV in attempted coup",
        ]
        assert [d.id for d in store.pending()] == [d.id for d in emitted]


async def test_entries_seen_before_are_not_emitted_again_even_after_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    feed = file_feed(tmp_path)
    with SQLiteStore(db) as store:
        first: list[Dispatch] = []

        async def keep(dispatch: Dispatch) -> None:
            first.append(dispatch)

        await FeedPoller([feed], PollerSettings(), store, store, keep).poll_once()
        store.complete(first[0].id)
    # A new process whose feed state is gone (so the feed is read in full again); the inbox is not.
    with SQLiteStore(db) as store, SQLiteStore(tmp_path / "fresh-states.db") as states:
        again: list[Dispatch] = []

        async def keep_again(dispatch: Dispatch) -> None:
            again.append(dispatch)

        metrics = Metrics()
        poller = FeedPoller([feed], PollerSettings(), store, states, keep_again, metrics=metrics)
        report = await poller.poll_once()
        assert report.ok == ["world"]
        assert len(first) == 3 and again == [] and report.new_dispatches == 0
        assert metrics.dispatches_deduplicated._value.get() == 3


async def test_an_emit_failing_mid_feed_leaves_the_rest_pending_for_replay(tmp_path: Path) -> None:
    """Accepted as a batch, so an emit that fails part-way (the pipeline stopping) leaves every entry in the
    inbox's pending list: the next start replays them; none is lost to the dedup ledger."""
    with SQLiteStore(tmp_path / "w.db") as store:
        emitted: list[Dispatch] = []

        async def fail_on_second(dispatch: Dispatch) -> None:
            if emitted:
                raise RuntimeError("pipeline stopped")
            emitted.append(dispatch)

        poller = FeedPoller([file_feed(tmp_path)], PollerSettings(), store, store, fail_on_second)
        report = await poller.poll_once()
        assert "pipeline stopped" in report.failed["world"]
        assert len(emitted) == 1
        pending = store.pending()
        assert len(pending) == 3 and pending[0].id == emitted[0].id
