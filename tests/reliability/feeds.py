"""Building blocks shared by the reliability tests: a real feed server on 127.0.0.1 and RSS generators."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from aiohttp import web

RSS_TYPE = "application/rss+xml; charset=utf-8"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
BASE_TIME = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)

# A few sentences the tagger has something to find in (countries, an official, a watch word).
STORY = (
    "Officials in Ankara said on {day} that troops loyal to the government had put down an attempted coup. "
    "Iran's foreign ministry said it backed the Turkish government; Reuters reported talks in Tehran and Baghdad."
)


def rss_item(feed: str, n: int, *, title: str | None = None, text: str | None = None) -> str:
    published = format_datetime(BASE_TIME - timedelta(minutes=n))
    return (
        "<item>"
        f"<title>{escape(title or f'{feed} dispatch {n}: coup attempt reported')}</title>"
        f"<link>https://news.example.org/{feed}/{n}</link>"
        f'<guid isPermaLink="false">{feed}-{n}</guid>'
        f"<pubDate>{published}</pubDate>"
        f"<description>{escape(text or STORY.format(day=f'day {n}'))}</description>"
        "</item>"
    )


def rss(feed: str, items: list[str] | int) -> bytes:
    if isinstance(items, int):
        items = [rss_item(feed, n) for n in range(items)]
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{feed}</title><link>https://news.example.org/{feed}</link><description>test feed</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode("utf-8")


@dataclass
class FeedServer:
    """aiohttp.web on 127.0.0.1 with a route table the test fills; counts requests per path."""

    base: str = ""
    routes: dict[str, Handler] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def serve(self, path: str, body: bytes, content_type: str = RSS_TYPE, status: int = 200, **headers: str) -> str:
        async def handler(request: web.Request) -> web.Response:
            return web.Response(body=body, status=status, headers={"Content-Type": content_type, **headers})

        self.routes[path] = handler
        return self.url(path)

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.hits[request.path] = self.hits.get(request.path, 0) + 1
        handler = self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="no such feed")
        return await handler(request)


@asynccontextmanager
async def feed_server(host: str = "127.0.0.1") -> AsyncIterator[FeedServer]:
    server = FeedServer()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", server._dispatch)
    runner = web.AppRunner(app, shutdown_timeout=0.1, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, host, 0)
    await site.start()
    server.base = f"http://{host}:{runner.addresses[0][1]}"
    try:
        yield server
    finally:
        await runner.cleanup()
