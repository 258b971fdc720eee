"""Full text against a real HTTP server on 127.0.0.1: the article behind a feed item, and every way it can
be refused or fail while the dispatch keeps its teaser.

The pages are small hand-written articles (our own words) with the usual clutter around them: a menu, a
cookie banner, related links, a footer.
"""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from wirewatch.app.runner import run_embedded
from wirewatch.models import Dispatch, FullText
from wirewatch.producers.fulltext.fetcher import ArticleFetcher
from wirewatch.settings import FeedConfig, FullTextSettings, Settings, StoreSettings
from wirewatch.sinks.sqlite.store import SQLiteStore

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
TEASER = "Soldiers surrounded the presidency overnight."
BODY = [
    "Soldiers surrounded the presidency in Bissau overnight and a group of officers read a statement on state radio.",
    "The statement said the armed forces had taken control of the country and suspended the electoral process.",
    "Residents described gunfire near the electoral commission and the interior ministry before dawn.",
    "The West African bloc ECOWAS called an emergency meeting and demanded the release of detained officials.",
]


def article_page(*, paywall: bool = False, body: list[str] = BODY, lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Officers seize power in Bissau",
        "datePublished": "2026-11-26T06:40:00+00:00",
        "author": {"@type": "Person", "name": "Ana Correia"},
        "isAccessibleForFree": not paywall,
    }
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    related = "".join(f'<li><a href="/story/{i}">Another story number {i} about markets</a></li>' for i in range(15))
    return (
        f'<!doctype html><html lang="{lang}"><head><title>Officers seize power | Wire</title>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
        f"<header><nav><ul>{menu}</ul></nav></header>"
        '<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>'
        f"<main><article><h1>Officers seize power in Bissau</h1>{paragraphs}</article>"
        f'<aside class="related"><h2>Related</h2><ul>{related}</ul></aside></main>'
        "<footer><p>All rights reserved. Contact us. Privacy policy. Terms of use.</p></footer></body></html>"
    )


CONSENT_WALL = (
    "<!doctype html><html><body><div class='consent'><p>Before you continue: we and our partners use cookies."
    "</p><button>Accept</button></div></body></html>"
)


@dataclass
class Site:
    base: str = ""
    pages: dict[str, tuple[int, str, dict[str, str]]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    conditional: list[str] = field(default_factory=list)

    def add(self, path: str, body: str, status: int = 200, headers: dict[str, str] | None = None) -> str:
        self.pages[path] = (status, body, {"Content-Type": "text/html; charset=utf-8", **(headers or {})})
        return self.base + path


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    state = Site()

    async def handle(request: web.Request) -> web.Response:
        state.hits.append(request.path_qs)
        if request.headers.get("If-None-Match"):
            state.conditional.append(request.path)
        if request.path not in state.pages:
            return web.Response(status=404, text="not here")
        status, body, headers = state.pages[request.path]
        if headers.get("ETag") and request.headers.get("If-None-Match") == headers["ETag"]:
            return web.Response(status=304, headers={"ETag": headers["ETag"]})
        return web.Response(status=status, text=body if status < 300 else None, headers=headers)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    http = web.TCPSite(runner, "127.0.0.1", 0)
    await http.start()
    state.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    yield state
    await runner.cleanup()


def teaser(url: str, *, private_ok: bool = True, estimated: bool = True) -> Dispatch:
    return Dispatch(
        id="d1",
        source="wire",
        title="Officers seize power in Bissau",
        text=TEASER,
        published=NOW,
        fetched=NOW,
        url=url,
        published_estimated=estimated,
        fulltext=FullText(status="pending", private_ok=private_ok),
    )


def fetcher(**overrides: Any) -> ArticleFetcher:
    values: dict[str, Any] = {"per_host_delay": 0.0, "connect_timeout": 2.0, "read_timeout": 2.0}
    values.update(overrides)
    return ArticleFetcher(FullTextSettings(**values), user_agent="wirewatch/0.1 (+test)")


async def test_the_article_replaces_the_teaser_which_is_kept(site: Site) -> None:
    url = site.add("/world/bissau", article_page())
    async with fetcher() as pages:
        out = await pages.enrich(teaser(url))
    assert out.fulltext is not None and out.fulltext.status == "extracted", out.fulltext
    assert out.teaser == TEASER
    for paragraph in BODY:
        assert paragraph in out.text
    for clutter in ("cookies", "Section 12", "Another story number 3", "All rights reserved"):
        assert clutter not in out.text
    assert out.author == "Ana Correia"
    # the feed had no date: the page's is used
    assert out.published == datetime(2026, 11, 26, 6, 40, tzinfo=UTC) and not out.published_estimated
    assert out.fulltext.url == url and out.fulltext.language == "en"
    assert pages.counts.by_feed["wire"]["extracted"] == 1


async def test_a_feed_date_is_never_replaced_by_the_page(site: Site) -> None:
    url = site.add("/world/bissau", article_page())
    async with fetcher() as pages:
        out = await pages.enrich(teaser(url, estimated=False))
    assert out.published == NOW


@pytest.mark.parametrize(
    ("page", "status", "reason"),
    [
        (article_page(paywall=True), "paywall", "paywall"),
        (CONSENT_WALL, "short", "consent wall"),
    ],
)
async def test_paywalls_and_consent_walls_keep_the_teaser(site: Site, page: str, status: str, reason: str) -> None:
    url = site.add("/walled", page)
    async with fetcher() as pages:
        out = await pages.enrich(teaser(url))
    assert out.fulltext is not None and out.fulltext.status == status
    assert reason in (out.fulltext.reason or "")
    assert out.text == TEASER and out.teaser is None


async def test_failures_keep_the_teaser_and_say_why(site: Site) -> None:
    site.add("/gone", "", status=410)
    site.add("/report.pdf", "%PDF-1.7", headers={"Content-Type": "application/pdf"})
    site.add("/huge", article_page(body=BODY * 4000))
    async with fetcher(max_page_bytes=200_000) as pages:
        gone = await pages.enrich(teaser(site.base + "/gone"))
        pdf = await pages.enrich(teaser(site.base + "/report.pdf"))
        huge = await pages.enrich(teaser(site.base + "/huge"))
    assert gone.fulltext is not None and gone.fulltext.status == "failed" and "410" in (gone.fulltext.reason or "")
    assert pdf.fulltext is not None and "not an HTML page (application/pdf)" in (pdf.fulltext.reason or "")
    assert huge.fulltext is not None and "too large" in (huge.fulltext.reason or "")
    for out in (gone, pdf, huge):
        assert out.text == TEASER
    assert pages.counts.by_feed["wire"]["failed"] == 3


async def test_robots_txt_is_honoured_and_cached_per_site(site: Site) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: wirewatch\nDisallow: /nowire/\n")
    site.pages["/robots.txt"] = (200, site.pages["/robots.txt"][1], {"Content-Type": "text/plain"})
    open_url = site.add("/world/bissau", article_page())
    closed_url = site.add("/nowire/bissau", article_page())
    async with fetcher() as pages:
        allowed = await pages.enrich(teaser(open_url))
        refused = await pages.enrich(teaser(closed_url))
    assert allowed.fulltext is not None and allowed.fulltext.status == "extracted"
    assert refused.fulltext is not None and refused.fulltext.status == "refused"
    assert "robots.txt" in (refused.fulltext.reason or "")
    assert "/nowire/bissau" not in site.hits
    assert site.hits.count("/robots.txt") == 1


async def test_conditional_get_reuses_a_page_seen_before(site: Site) -> None:
    url = site.add("/world/bissau", article_page(), headers={"ETag": '"v1"'})
    async with fetcher(robots_txt=False) as pages:
        first = await pages.enrich(teaser(url))
        second = await pages.enrich(teaser(url))  # the same link in another feed
    assert first.text == second.text and second.fulltext is not None and second.fulltext.status == "extracted"
    assert site.conditional == ["/world/bissau"]


# -- the address guard: a hostile feed may not send the fetcher into the local network ------------------


async def test_a_public_feed_cannot_point_the_fetcher_at_private_addresses(site: Site) -> None:
    secret = site.add("/admin/secret", article_page())
    # localhost is allowed by name (as an operator might allow an intranet host); it redirects to 127.0.0.1
    hop = site.add("/hop", "", status=302, headers={"Location": secret}).replace("127.0.0.1", "localhost")
    port = site.base.rsplit(":", 1)[1]
    hostile = [
        secret,  # loopback
        "http://169.254.169.254/latest/meta-data/",  # the cloud metadata service
        f"http://2130706433:{port}/admin/secret",  # 127.0.0.1 spelled as one number
        f"http://[::ffff:127.0.0.1]:{port}/admin/secret",  # IPv4-mapped IPv6
        "http://10.0.0.8/intranet",
        hop,  # a redirect into the loopback
    ]
    async with fetcher(allow_hosts=["localhost"], robots_txt=False) as pages:
        outs = [await pages.enrich(teaser(url, private_ok=False)) for url in hostile]
    for url, out in zip(hostile, outs, strict=True):
        assert out.fulltext is not None and out.fulltext.status == "refused", (url, out.fulltext)
        assert out.text == TEASER
    assert "/admin/secret" not in site.hits  # never reached, not even by the redirect


async def test_allow_private_lets_an_operator_fetch_the_intranet(site: Site) -> None:
    url = site.add("/world/bissau", article_page())
    async with fetcher(allow_private=True) as pages:
        out = await pages.enrich(teaser(url, private_ok=False))
    assert out.fulltext is not None and out.fulltext.status == "extracted"


async def test_non_http_links_are_refused(site: Site) -> None:
    async with fetcher() as pages:
        out = await pages.enrich(teaser("file:///etc/passwd"))
    assert out.fulltext is not None and out.fulltext.status == "refused"


# -- end to end, embedded: the poller marks, the pool fetches, the tagger reads the body ------------------


def rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><description>{text}</description><guid>{link}</guid></item>"
        for title, link, text in items
    )
    return f"<rss version='2.0'><channel><title>Wire</title>{body}</channel></rss>"


async def test_embedded_run_tags_the_article_body(tmp_path: Path, site: Site) -> None:
    long_text = "A long item. " * 80  # over min_chars: "auto" leaves it alone
    feed = rss(
        [
            ("Officers seize power in Bissau", site.base + "/world/bissau", TEASER),
            ("Markets calm", site.base + "/markets", long_text),
            ("Consent wall", site.base + "/walled", TEASER),
        ]
    )
    site.add("/feed.xml", feed, headers={"Content-Type": "application/rss+xml"})
    site.add("/world/bissau", article_page())
    site.add("/walled", CONSENT_WALL)
    settings = Settings(store=StoreSettings(path=tmp_path / "ww.db"))
    settings.server.dashboard = False
    settings.fulltext.per_host_delay = 0.0
    settings.feeds = [FeedConfig(name="wire", url=site.base + "/feed.xml")]
    counters = await run_embedded(settings, once=True, status_stream=io.StringIO())
    assert counters.processed == 3
    with SQLiteStore(settings.store.path) as store:
        docs = {hit.doc["title"]: hit.doc for hit in store.search("*", limit=10)}
        by_agency = [hit.doc["title"] for hit in store.search("agencies.name:ECOWAS", limit=10)]
    coup = docs["Officers seize power in Bissau"]
    assert coup["fulltext"]["status"] == "extracted" and coup["teaser"] == TEASER
    assert "GW" in [c["code"] for c in coup["countries"]]
    assert by_agency == ["Officers seize power in Bissau"]  # named only in the article, not the teaser
    assert docs["Markets calm"]["fulltext"] is None  # long enough: not fetched
    assert "/markets" not in site.hits
    assert docs["Consent wall"]["fulltext"]["status"] == "short" and docs["Consent wall"]["text"] == TEASER


async def test_fulltext_never_fetches_nothing(tmp_path: Path, site: Site) -> None:
    site.add("/feed.xml", rss([("Officers", site.base + "/world/bissau", TEASER)]))
    site.add("/world/bissau", article_page())
    settings = Settings(store=StoreSettings(path=tmp_path / "ww.db"))
    settings.server.dashboard = False
    settings.feeds = [FeedConfig(name="wire", url=site.base + "/feed.xml", fulltext="never")]
    await run_embedded(settings, once=True, status_stream=io.StringIO())
    assert site.hits == ["/feed.xml"]


async def test_a_hostile_feed_cannot_reach_the_local_network(tmp_path: Path, site: Site) -> None:
    """A feed that is not on a private address (here a file) whose items link to the metadata service, to the
    loopback and to a public-looking name: nothing private is fetched, and every dispatch is still tagged."""
    site.add("/admin/secret", article_page())
    port = site.base.rsplit(":", 1)[1]
    items = [
        ("Metadata", "http://169.254.169.254/latest/meta-data/iam/", TEASER),
        ("Loopback", f"{site.base}/admin/secret", TEASER),
        ("Decimal loopback", f"http://2130706433:{port}/admin/secret", TEASER),
        ("Local name", f"http://localhost:{port}/admin/secret", TEASER),
    ]
    feed = tmp_path / "hostile.xml"
    feed.write_text(rss(items), encoding="utf-8")
    settings = Settings(store=StoreSettings(path=tmp_path / "ww.db"))
    settings.server.dashboard = False
    settings.feeds = [FeedConfig(name="hostile", kind="file", url=str(feed))]
    counters = await run_embedded(settings, once=True, status_stream=io.StringIO())
    assert counters.processed == 4
    assert site.hits == []  # the secret server never saw a request
    with SQLiteStore(settings.store.path) as store:
        docs = [hit.doc for hit in store.search("*", limit=10)]
    assert {doc["fulltext"]["status"] for doc in docs} == {"refused"}
    assert all(doc["text"] == TEASER for doc in docs)


def test_wirewatch_extract_reads_json_lines_and_reports_bad_lines(tmp_path: Path) -> None:
    from contextlib import redirect_stderr, redirect_stdout

    from wirewatch.app.cli.main import main

    lines = [
        json.dumps({"id": "a1", "html": article_page(), "url": "https://news.example.org/bissau"}),
        "not json",
        json.dumps({"id": "a3", "url": "https://news.example.org/x"}),  # no html
        json.dumps({"id": 4, "html": "<html><body></body></html>"}),
    ]
    source = tmp_path / "pages.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["extract", str(source)])
    assert code == 1  # some lines were bad; the good ones were still extracted
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == ["a1", None, "a3", 4]
    assert BODY[2] in results[0]["text"] and results[0]["author"] == "Ana Correia"
    assert results[0]["language"] == "en" and results[0]["published"].startswith("2026-11-26")
    assert "error" in results[1] and "error" in results[2] and results[3]["text"] == ""
    assert "line 2" in err.getvalue() and "line 3" in err.getvalue()
