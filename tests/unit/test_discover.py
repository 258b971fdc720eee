"""Feed autodiscovery: <link> tags read from HTML, and discover() against real local sites (aiohttp on
127.0.0.1) fetched with the real HttpFetcher."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import pytest
from aiohttp import web

from wirewatch.producers.discover import COMMON_PATHS, DiscoveredFeed, decode_html, discover, feed_links
from wirewatch.producers.fetch import FetchError, FetchResult, HttpFetcher
from wirewatch.settings import PollerSettings

BASE = "https://paper.example/section/page.html"


def test_links_in_document_order_with_titles_and_kinds() -> None:
    html = """<!doctype html><html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" title="All stories" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml" title="Opinion &amp; analysis" href="https://paper.example/opinion.atom">
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="alternate" hreflang="fr" href="/fr/">
    </head><body></body></html>"""
    assert feed_links(html, BASE) == [
        DiscoveredFeed("https://paper.example/rss.xml", "All stories", "rss"),
        DiscoveredFeed("https://paper.example/opinion.atom", "Opinion & analysis", "atom"),
        DiscoveredFeed("https://paper.example/section/feed.json", None, "json"),
    ]


def test_rel_tokens_attribute_case_and_type_parameters() -> None:
    html = """<LINK REL="Feed Alternate" TYPE="Application/RSS+XML; charset=utf-8" HREF="/a.xml">
      <link rel="alternate  home" type="application/json" href="/b.json" title="  Spaced  ">
      <link rel="alternates" type="application/rss+xml" href="/not-this.xml">
      <link rel="alternate" type="text/html" href="/not-this-either">"""
    assert feed_links(html, BASE) == [
        DiscoveredFeed("https://paper.example/a.xml", None, "rss"),
        DiscoveredFeed("https://paper.example/b.json", "Spaced", "json"),
    ]


def test_relative_hrefs_resolve_against_base_href() -> None:
    html = """<head><base href="/mirror/"><base href="https://ignored.example/">
      <link rel="alternate" type="application/rss+xml" href="news.rss">
      <link rel="alternate" type="application/atom+xml" href="../top.atom">
      <link rel="alternate" type="application/atom+xml" href="//cdn.example/feeds/all.atom"></head>"""
    assert [feed.url for feed in feed_links(html, BASE)] == [
        "https://paper.example/mirror/news.rss",
        "https://paper.example/top.atom",
        "https://cdn.example/feeds/all.atom",
    ]


def test_base_href_after_the_links_still_applies() -> None:
    html = '<link rel="alternate" type="application/rss+xml" href="r.xml"><base href="http://other.example/x/">'
    assert [feed.url for feed in feed_links(html, BASE)] == ["http://other.example/x/r.xml"]


def test_duplicates_non_http_and_wordpress_api_links_are_dropped() -> None:
    html = """
      <link rel="alternate" type="application/rss+xml" href="/feed/" title="first">
      <link rel="alternate" type="application/rss+xml" href="https://paper.example/feed/#top" title="again">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="ftp://paper.example/feed">
      <link rel="alternate" type="application/rss+xml" href="">
      <link rel="alternate" type="application/rss+xml">
      <link rel="alternate" type="application/json" href="https://paper.example/wp-json/wp/v2/posts/7">
      <link rel="alternate" type="application/feed+json" href="/feed/json">"""
    assert feed_links(html, BASE) == [
        DiscoveredFeed("https://paper.example/feed/", "first", "rss"),
        DiscoveredFeed("https://paper.example/feed/json", None, "json"),
    ]


def test_broken_markup_does_not_stop_the_scan() -> None:
    # The stdlib parser raises AssertionError on an unknown marked section such as <![bogus ...]>.
    html = """<![if !IE]><link rel="alternate" type="application/rss+xml" href="/before.xml"><![endif]>
      <![bogus section]><table><tr><td>unclosed <link rel="alternate" type="application/atom+xml" href="/after.atom">
      <!-- an unclosed comment <link rel="alternate" type="application/rss+xml" href="/commented.xml">"""
    assert [feed.url for feed in feed_links(html, BASE)] == [
        "https://paper.example/before.xml",
        "https://paper.example/after.atom",
    ]


def test_bytes_are_decoded() -> None:
    html = '<link rel="alternate" type="application/rss+xml" title="Nouvelles du café" href="/fr.xml">'
    assert feed_links(html.encode(), BASE)[0].title == "Nouvelles du café"
    assert decode_html(html.encode("latin-1"), "text/html; charset=ISO-8859-1") == html
    assert "\ufffd" in decode_html(html.encode("latin-1"), "text/html; charset=no-such-charset")


# -- discover() against real local sites -------------------------------------------------------

RSS_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Quay Bulletin</title><link>http://quay.example/</link>
<description>Harbour notices</description>
<item><title>Pier 4 reopens</title><link>http://quay.example/pier-4</link><guid>http://quay.example/pier-4</guid>
<description>Repairs finished a week early.</description></item>
</channel></rss>"""
ATOM_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Notes</title><id>urn:uuid:valley-notes</id>
<updated>2025-02-01T00:00:00Z</updated>
<entry><title>Orchard frost warning</title><id>urn:uuid:frost-1</id><updated>2025-02-01T00:00:00Z</updated>
<summary>Growers are told to cover blossoms tonight.</summary></entry></feed>"""
JSON_FEED = (
    b'{"version": "https://jsonfeed.org/version/1.1", "title": "Ridge Radio",'
    b' "items": [{"id": "r1", "content_text": "Snow closes the ridge road."}]}'
)
EMPTY_RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing yet</title></channel></rss>'


@dataclass
class Site:
    """A real HTTP site on 127.0.0.1: path -> (content type, body); anything else is 404."""

    pages: dict[str, tuple[str, bytes]]
    requested: list[str] = field(default_factory=list)
    base: str = ""

    async def handle(self, request: web.Request) -> web.Response:
        path = request.path_qs
        self.requested.append(path)
        if path not in self.pages:
            return web.Response(status=404, text="no such page")
        content_type, body = self.pages[path]
        return web.Response(body=body, headers={"Content-Type": content_type})


Serve = Callable[[dict[str, tuple[str, bytes]]], Awaitable[Site]]
HTML = "text/html; charset=utf-8"


@pytest.fixture
async def serve() -> AsyncIterator[Serve]:
    runners: list[web.AppRunner] = []

    async def start(pages: dict[str, tuple[str, bytes]]) -> Site:
        site = Site(pages)
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", site.handle)
        runner = web.AppRunner(app, shutdown_timeout=0.1)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        runners.append(runner)
        site.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
        return site

    yield start
    for runner in runners:
        await runner.cleanup()


@pytest.fixture
async def fetch() -> AsyncIterator[Callable[[str], Awaitable[FetchResult]]]:
    async with HttpFetcher(PollerSettings(per_host_delay=0)) as fetcher:
        yield fetcher.fetch


async def test_discover_reads_the_links_of_an_html_page(
    serve: Serve, fetch: Callable[[str], Awaitable[FetchResult]]
) -> None:
    page = b"""<!doctype html><html><head><title>Quay</title>
      <base href="/news/">
      <link rel="alternate" type="application/rss+xml" title="Bulletin" href="bulletin.xml">
      <link rel="alternate" type="application/feed+json" title="Bulletin (JSON)" href="/feed.json">
      </head><body><p>Welcome to the quay.</p></body></html>"""
    site = await serve({"/": (HTML, page), "/news/bulletin.xml": ("application/rss+xml", RSS_FEED)})
    feeds = await discover(site.base + "/", fetch)
    assert feeds == [
        DiscoveredFeed(f"{site.base}/news/bulletin.xml", "Bulletin", "rss"),
        DiscoveredFeed(f"{site.base}/feed.json", "Bulletin (JSON)", "json"),
    ]
    assert site.requested == ["/"]  # linked feeds are announced, not fetched


async def test_discover_probes_common_paths_when_a_page_links_none(
    serve: Serve, fetch: Callable[[str], Awaitable[FetchResult]]
) -> None:
    page = b"<html><head><title>Valley</title></head><body>No feed links here.</body></html>"
    site = await serve(
        {
            "/about/": (HTML, page),
            "/rss": (HTML, page),  # a soft 404: an HTML page where a feed might be
            "/rss.xml": ("application/rss+xml", EMPTY_RSS),  # a feed with no items yet is not a find
            "/feed.xml": ("application/atom+xml", ATOM_FEED),
        }
    )
    feeds = await discover(site.base + "/about/", fetch)
    assert feeds == [DiscoveredFeed(f"{site.base}/feed.xml", "Valley Notes", "atom")]  # named by its own title
    assert site.requested == ["/about/", *COMMON_PATHS]  # the 404s were ignored, every path tried


async def test_probing_stops_after_a_few_hits(serve: Serve, fetch: Callable[[str], Awaitable[FetchResult]]) -> None:
    site = await serve(
        {
            "/": (HTML, b"<html><body>plain</body></html>"),
            "/feed": ("application/rss+xml", RSS_FEED),
            "/rss": ("text/xml", RSS_FEED),
            "/rss.xml": ("application/rss+xml", RSS_FEED),
        }
    )
    feeds = await discover(site.base + "/", fetch)
    assert [feed.url for feed in feeds] == [f"{site.base}/feed", f"{site.base}/rss"]
    assert site.requested == ["/", "/feed", "/rss"]


async def test_probes_are_bounded_by_max_probes(serve: Serve, fetch: Callable[[str], Awaitable[FetchResult]]) -> None:
    site = await serve({"/": (HTML, b"<html></html>"), "/feed.xml": ("application/rss+xml", RSS_FEED)})
    assert await discover(site.base + "/", fetch, max_probes=3) == []
    assert site.requested == ["/", "/feed", "/rss", "/rss.xml"]
    site.requested.clear()
    assert await discover(site.base + "/", fetch, max_probes=0) == []
    assert site.requested == ["/"]


async def test_probing_finds_a_json_feed_with_its_title(
    serve: Serve, fetch: Callable[[str], Awaitable[FetchResult]]
) -> None:
    site = await serve({"/": (HTML, b"<html></html>"), "/feed.json": ("application/feed+json", JSON_FEED)})
    assert await discover(site.base + "/", fetch) == [DiscoveredFeed(f"{site.base}/feed.json", "Ridge Radio", "json")]


@pytest.mark.parametrize(
    ("content_type", "body", "kind", "title"),
    [
        ("application/rss+xml", RSS_FEED, "rss", "Quay Bulletin"),
        ("text/html", RSS_FEED, "rss", "Quay Bulletin"),  # a feed served with the wrong type is still a feed
        ("application/json", RSS_FEED, "rss", "Quay Bulletin"),
        ("application/atom+xml", ATOM_FEED, "atom", "Valley Notes"),
        ("application/json", JSON_FEED, "json", "Ridge Radio"),
        ("text/plain", JSON_FEED, "json", "Ridge Radio"),
    ],
)
async def test_a_page_that_is_itself_a_feed_is_returned_alone(
    serve: Serve,
    fetch: Callable[[str], Awaitable[FetchResult]],
    content_type: str,
    body: bytes,
    kind: str,
    title: str | None,
) -> None:
    site = await serve({"/latest": (content_type, body)})
    assert await discover(site.base + "/latest", fetch) == [DiscoveredFeed(f"{site.base}/latest", title, kind)]
    assert site.requested == ["/latest"]


async def test_a_json_api_response_is_not_a_feed(serve: Serve, fetch: Callable[[str], Awaitable[FetchResult]]) -> None:
    site = await serve({"/api": ("application/json", b'{"status": "ok"}'), "/rss": ("application/rss+xml", RSS_FEED)})
    assert await discover(site.base + "/api", fetch) == [DiscoveredFeed(f"{site.base}/rss", "Quay Bulletin", "rss")]


async def test_a_failing_first_page_raises(serve: Serve, fetch: Callable[[str], Awaitable[FetchResult]]) -> None:
    site = await serve({})
    with pytest.raises(FetchError, match="HTTP 404"):
        await discover(site.base + "/missing", fetch)
    assert site.requested == ["/missing"]
