"""The hostile feed zoo: each route serves one kind of broken or malicious response on the local server.

`install_hostile_routes` returns, per feed name, what the poller must make of it: the start of the error
it records (a failing, backed-off feed) or None when the feed must be read (with its quirks handled).
"""

from __future__ import annotations

import asyncio
import gzip
from dataclasses import dataclass, field

from aiohttp import web

from tests.reliability.feeds import RSS_TYPE, STORY, FeedServer, Handler, rss, rss_item

MB = 1024 * 1024

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%s;" % (b"" if i == 1 else str(i - 1).encode())) * 10)
        for i in range(1, 10)
    )
    + b']>\n<rss version="2.0"><channel><title>bomb</title>'
    b"<item><title>laughs &lol9;</title><description>&lol9;&lol9;&lol9;</description>"
    b"<guid>bomb-1</guid></item></channel></rss>"
)
# A quadratic blow-up needs no nesting: one 100 KB entity referenced 10,000 times (1 GB expanded).
QUADRATIC = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "' + b"A" * 100_000 + b'">]>\n'
    b'<rss version="2.0"><channel><title>quad</title><item><title>q</title><description>'
    + b"&a;" * 10_000
    + b"</description><guid>quad-1</guid></item></channel></rss>"
)
XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<rss version="2.0"><channel><title>xxe</title><item><title>leak &xxe;</title>'
    b"<description>&xxe;</description><guid>xxe-1</guid></item></channel></rss>"
)
LATIN1_SAYS_UTF8 = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>c</title>'
    "<item><title>Caf\u00e9 talks in S\u00e3o Paulo</title><guid>charset-utf8-lie-1</guid>"
    "<description>R\u00e9union \u00e0 Gen\u00e8ve.</description></item></channel></rss>"
).encode("latin-1")
LATIN1_UNDECLARED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>c</title>'
    "<item><title>Caf\u00e9 in Gen\u00e8ve</title><guid>charset-none-1</guid>"
    "<description>R\u00e9union \u00e0 Gen\u00e8ve.</description></item></channel></rss>"
).encode("latin-1")
BARE_ENTRIES = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>bare</title>'
    b"<item><title>No guid, no link, no date: coup rumours in Ankara</title></item>"
    b"<item><description>Only a body, in Tehran.</description></item>"
    b"<item><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>"  # nothing to keep: skipped
    b"</channel></rss>"
)
DUPLICATE_GUIDS = rss(
    "dups",
    [
        f'<item><title>copy {n}</title><guid isPermaLink="false">urn:dups:story-1</guid>'
        f"<link>https://news.example.org/dups/story-1</link><description>the same story listed again</description></item>"
        for n in range(1, 5)
    ],
)
FUTURE_DATES = rss(
    "future",
    [
        '<item><title>From the year 2999</title><guid isPermaLink="false">future-1</guid>'
        "<pubDate>Tue, 01 Jan 2999 00:00:00 GMT</pubDate><description>time travel</description></item>",
        '<item><title>Year 9999</title><guid isPermaLink="false">future-2</guid>'
        "<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate><description>the end of time</description></item>",
    ],
)
GIANT_TEXT_CHARS = 8 * MB  # inside the 10 MB body cap: a single entry the size of a book
GIANT_ENTRY = rss("giant", [rss_item("giant", 1, text=(STORY.format(day="today") + " ") * (GIANT_TEXT_CHARS // 200))])


@dataclass
class HostileCounters:
    bytes_sent_100mb: int = 0
    drip_bytes: int = 0
    drip_disconnected: asyncio.Event = field(default_factory=asyncio.Event)


def install_hostile_routes(server: FeedServer) -> tuple[dict[str, str | None], HostileCounters]:
    counters = HostileCounters()
    expected: dict[str, str | None] = {}

    def add(name: str, body: bytes, expect: str | None, content_type: str = RSS_TYPE, **headers: str) -> None:
        server.serve(f"/hostile/{name}", body, content_type, status=200, **headers)
        expected[name] = expect

    add(
        "invalid-xml",
        b'<?xml version="1.0"?><rss><channel><title>x</title><item><title>a</itm></rss>',
        "not a valid feed",
    )
    add("truncated", rss("trunc", 3)[:-200], None)  # entries before the cut are kept, with a warning
    add(
        "html-page",
        b"<!doctype html><html><head><title>Home</title></head><body><p>hi</p></body></html>",
        "not a feed: an HTML page",
        "text/html; charset=utf-8",
    )
    add("billion-laughs", BILLION_LAUGHS, None)  # entities are never expanded
    add("quadratic-blowup", QUADRATIC, None)
    add("xxe", XXE, None)
    add("wrong-charset", LATIN1_SAYS_UTF8, None)
    add("missing-charset", LATIN1_UNDECLARED, None, "application/xml")
    add("giant-entry", GIANT_ENTRY, None)
    add("bare-entries", BARE_ENTRIES, None)
    add("duplicate-guids", DUPLICATE_GUIDS, None)
    add("future-dates", FUTURE_DATES, None)
    server.serve("/hostile/server-error", b"oops", "text/plain", status=500)
    expected["server-error"] = "HTTP 500"
    add(
        "gzip-bomb",
        gzip.compress(b"<rss>" + b" " * (64 * MB) + b"</rss>"),
        "response too large",
        **{"Content-Encoding": "gzip"},
    )

    async def hundred_mb(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": RSS_TYPE})
        response.enable_chunked_encoding()
        await response.prepare(request)
        chunk = b"<!-- padding -->" * (MB // 16)
        try:
            for _ in range(100):
                await response.write(chunk)
                counters.bytes_sent_100mb += len(chunk)
        except (ConnectionResetError, asyncio.CancelledError):
            pass  # the client hung up at its cap: that is the point
        return response

    async def declares_100mb(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": RSS_TYPE})
        response.content_length = 100 * MB
        await response.prepare(request)
        try:
            await response.write(b"<rss>")
        except ConnectionResetError:
            pass
        return response

    async def slow_drip(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": RSS_TYPE})
        await response.prepare(request)
        try:
            for byte in rss("drip", 2)[:120]:  # bounded: two minutes at most, the client leaves long before
                await response.write(bytes([byte]))
                counters.drip_bytes += 1
                await asyncio.sleep(1.0)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            counters.drip_disconnected.set()
        return response

    def redirect(to: str) -> Handler:
        async def handler(request: web.Request) -> web.Response:
            return web.Response(status=302, headers={"Location": to})

        return handler

    server.routes["/hostile/100mb"] = hundred_mb
    server.routes["/hostile/100mb-declared"] = declares_100mb
    server.routes["/hostile/slow-drip"] = slow_drip
    server.routes["/hostile/loop-a"] = redirect("/hostile/loop-b")
    server.routes["/hostile/loop-b"] = redirect("/hostile/loop-a")
    expected.update(
        {
            "100mb": "response too large: more than",
            "100mb-declared": "response too large: Content-Length",
            "slow-drip": "timed out reading the response",
            "loop-a": "redirect loop",
        }
    )
    return expected, counters
