"""Feed autodiscovery: from a site's address to the feeds it offers.

A page that is itself a feed is that feed; else the feeds its HTML announces with
`<link rel="alternate" type="application/rss+xml" ...>` (and Atom, JSON Feed); else, as a last resort,
the usual feed paths at the site's root that answer with a feed.
"""

from __future__ import annotations

import codecs
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

from wirewatch.producers.fetch import FetchError, FetchResult, check_http_url
from wirewatch.producers.jsonfeed import looks_like_json_feed, parse_json_feed
from wirewatch.producers.parse import FeedParseError, parse_feed

COMMON_PATHS = (
    "/feed",
    "/rss",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/index.xml",
    "/feeds/posts/default",
    "/?feed=rss2",
    "/feed.json",
)
LINK_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",  # JSON Feed 1.0's type
}
MAX_PROBE_HITS = 2  # the common paths often serve one feed under several names

Fetch = Callable[[str], Awaitable[FetchResult]]


@dataclass(frozen=True, slots=True)
class DiscoveredFeed:
    url: str
    title: str | None
    kind: str  # "rss" | "atom" | "json"


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[tuple[str, str | None, str]] = []  # href, title, kind

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "").strip() for name, value in attrs}
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]  # the first <base href> sets the document's base URL
        elif tag == "link" and "alternate" in values.get("rel", "").lower().split():
            kind = LINK_TYPES.get(values.get("type", "").split(";", 1)[0].strip().lower())
            href = values.get("href")
            if kind and href and not (kind == "json" and "/wp-json/" in href):  # WordPress's REST API link
                self.links.append((href, values.get("title") or None, kind))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The stdlib raises AssertionError on a marked section it does not know (`<![foo ...>`); skip it.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return len(self.rawdata) if end < 0 else end + 1


def feed_links(html: bytes | str, base_url: str) -> list[DiscoveredFeed]:
    """The feeds an HTML page announces, in document order, each URL once, resolved to absolute http(s)."""
    collector = _LinkCollector()
    try:
        collector.feed(html if isinstance(html, str) else decode_html(html))
        collector.close()
    except AssertionError:  # html.parser gave up on broken markup: keep what it read before
        pass
    base = urljoin(base_url, collector.base) if collector.base else base_url
    found: dict[str, DiscoveredFeed] = {}
    for href, title, kind in collector.links:
        url = urldefrag(urljoin(base, href)).url
        if check_http_url(url) is None and url not in found:
            found[url] = DiscoveredFeed(url=url, title=title, kind=kind)
    return list(found.values())


def decode_html(body: bytes, content_type: str = "") -> str:
    """Text of an HTML page in the charset its Content-Type names, else UTF-8 (undecodable bytes replaced)."""
    encoding = "utf-8"
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            try:
                encoding = codecs.lookup(value.strip().strip("\"'")).name
            except LookupError:
                pass
    return body.decode(encoding, errors="replace")


async def discover(url: str, fetch: Fetch, *, max_probes: int = 10) -> list[DiscoveredFeed]:
    """The feeds of the page at `url`. A fetch error on that page is raised; one on a probe is ignored.

    The page itself if it is a feed; else the feeds its HTML links to; else up to `max_probes` of
    COMMON_PATHS at the site's root, stopping after MAX_PROBE_HITS of them answer with a feed.
    """
    page = await fetch(url)
    if (itself := as_feed(page)) is not None:
        return [itself]
    links = feed_links(decode_html(page.body, page.headers.get("content-type", "")), page.url)
    if links:
        return links
    parts = urlsplit(page.url)
    root = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
    found: dict[str, DiscoveredFeed] = {}
    for path in COMMON_PATHS[: max(0, max_probes)]:
        candidate = urljoin(root, path)
        if candidate == page.url:
            continue
        try:
            probed = await fetch(candidate)
        except FetchError:
            continue
        feed = as_feed(probed)
        if feed is not None and feed.url not in found:
            found[feed.url] = feed
            if len(found) >= MAX_PROBE_HITS:
                break
    return list(found.values())


def as_feed(result: FetchResult) -> DiscoveredFeed | None:
    """The fetched document as a feed (at its final URL), or None if it is not a readable feed."""
    body, headers = result.body, result.headers
    if not body.strip():
        return None
    if looks_like_json_feed(body, headers):
        try:
            parsed_json = parse_json_feed(body, base_url=result.url)
        except FeedParseError:
            return None
        return DiscoveredFeed(url=result.url, title=parsed_json.title, kind="json")
    try:
        parsed = parse_feed(body, headers)
    except FeedParseError:
        return None
    if not parsed.entries:
        return None
    kind = "atom" if parsed.version.startswith("atom") else "rss"
    return DiscoveredFeed(url=result.url, title=parsed.title, kind=kind)


__all__ = ["COMMON_PATHS", "DiscoveredFeed", "as_feed", "decode_html", "discover", "feed_links"]
